package match

import (
	"cmp"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Hit is one match: a token span [I, J) of one segment.
type Hit struct {
	Seg  *index.Segment
	I, J int
	Term string
	// Law is set by cross-ref hits: the law referred to.
	Law string
}

// Matcher finds the hits of one pattern over a whole index.
type Matcher interface {
	Match(ix *index.Index) []Hit
}

// langTerms merges the terms for each language with the "*" terms.
func langTerms(m map[string][]string) map[string][]string {
	out := map[string][]string{}
	for _, l := range []string{"en", "fr", "de", "es"} {
		out[l] = append(append([]string(nil), m[l]...), m["*"]...)
	}
	for l, ts := range m {
		if _, ok := out[l]; !ok && l != "*" {
			out[l] = append(append([]string(nil), ts...), m["*"]...)
		}
	}
	return out
}

// langSets is one PhraseSet per language.
type langSets map[string]*index.PhraseSet

func newLangSets(m map[string][]string) langSets {
	ls := langSets{}
	for l, ts := range langTerms(m) {
		ls[l] = index.NewPhraseSet(ts)
	}
	return ls
}

func (ls langSets) forLang(l string) *index.PhraseSet {
	if p, ok := ls[l]; ok {
		return p
	}
	return ls["en"]
}

// find returns the hits of the sets over ix, each segment using the set of
// its statute's language.
func (ls langSets) find(ix *index.Index) []Hit {
	var out []Hit
	langs := make([]string, 0, len(ls))
	for l := range ls {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		if !ix.Langs[l] && !(l == "en" && otherLangs(ix, ls)) {
			continue
		}
		ps := ls[l]
		for _, ss := range ps.FindAll(ix) {
			seg := ix.Segments[ss.Seg]
			if segLang(seg, ls) != l {
				continue
			}
			out = append(out, Hit{Seg: seg, I: ss.I, J: ss.J, Term: ps.Terms[ss.Phrase]})
		}
	}
	sortHits(out)
	return out
}

// otherLangs reports whether the index holds a language without its own
// term set (those segments use the English set).
func otherLangs(ix *index.Index, ls langSets) bool {
	for l := range ix.Langs {
		if _, ok := ls[l]; !ok {
			return true
		}
	}
	return false
}

func segLang(s *index.Segment, ls langSets) string {
	if _, ok := ls[s.Lang]; ok {
		return s.Lang
	}
	return "en"
}

func sortHits(h []Hit) {
	if len(h) < 2 {
		return
	}
	// slices.SortStableFunc: the same order as sort.SliceStable, without
	// its reflection-based swapper
	slices.SortStableFunc(h, func(a, b Hit) int {
		if a.Seg.Ord != b.Seg.Ord {
			return cmp.Compare(a.Seg.Ord, b.Seg.Ord)
		}
		return cmp.Compare(a.I, b.I)
	})
}

// keyword matches any term (phrase is the same matcher; the kinds differ in
// intent only).
type keyword struct{ sets langSets }

func (k *keyword) Match(ix *index.Index) []Hit { return k.sets.find(ix) }

// near matches a term of Terms within Within tokens of a term of With.
type near struct {
	terms, with langSets
	within      int
	referred    bool // with may sit in a sibling the segment refers to
}

func (n *near) Match(ix *index.Index) []Hit {
	var out []Hit
	var last *index.Segment
	var with []index.Span
	for _, h := range n.terms.find(ix) {
		if h.Seg != last {
			last = h.Seg
			ws := n.with.forLang(segLang(h.Seg, n.with))
			with = nil
			if ix.Has(ws, h.Seg) {
				with = ws.Find(h.Seg.Toks)
			}
		}
		found := false
		for _, w := range with {
			d := w.I - h.J
			if w.I < h.I {
				d = h.I - w.J
			}
			if d <= n.within {
				out = append(out, Hit{Seg: h.Seg, I: min(h.I, w.I), J: max(h.J, w.J), Term: h.Term})
				found = true
				break
			}
		}
		if !found && len(with) == 0 {
			ws := n.with.forLang(segLang(h.Seg, n.with))
			if leadInHas(h.Seg, ws) || shortItemsHave(h.Seg, ws) || n.referred && refHas(h.Seg, ws) {
				out = append(out, h)
			}
		}
	}
	return out
}

// leadInHas reports whether a list item's lead-in ("every victim is
// provided with—" before "(b) medical care;") holds a phrase of ps: the
// item continues that sentence, so a near pattern's context word may sit
// there. After a colon or dash only short items (six words at most) count;
// after a lead-in that breaks off mid-sentence, every item and the tail.
func leadInHas(s *index.Segment, ps *index.PhraseSet) bool {
	switch s.LeadIn {
	case index.LeadInOpen:
		// the lead-in breaks off mid-sentence ("wer an einer Person, die
		// Opfer" 1. … 2. … "geworden ist und …"): items and tail finish it
	case index.LeadInList:
	default:
		return false
	}
	p := s.Prov.Parent
	var lead []index.Token
	if ix := s.Index(); ix != nil {
		lead = ix.ProvToks(p)
	} else {
		lead = foldToks(p.Text)
	}
	// a list: a short item is read with its lead-in, and any item of a
	// short lead-in that names who acts and ends with a modal ("A trafficked
	// person shall —" then "(b) have his identity kept confidential …"):
	// each item is a predicate of that subject
	if s.LeadIn == index.LeadInList && len(s.Toks) > 6 && !(len(lead) <= maxShortLeadIn && endsModal(cuesFor(s), lead)) {
		return false
	}
	return ps.Any(lead)
}

// shortItemsHave is leadInHas seen from the lead-in: whether a short item of
// the list the segment introduces ("… occurred wholly outside the country,
// proceedings may be brought … if the person to be charged—" then "(a) is a
// citizen; or") holds a phrase of ps.
func shortItemsHave(s *index.Segment, ps *index.PhraseSet) bool {
	ix := s.Index()
	if ix == nil || len(s.Prov.Children) == 0 {
		return false
	}
	items := shortItems(ix)
	if s.Ord < 0 || s.Ord >= len(items) {
		return false
	}
	for _, it := range items[s.Ord] {
		if it.Has(ps) {
			return true
		}
	}
	return false
}

// shortItems lists, by segment position, for each lead-in segment (the last
// paragraph of a provision with a list under it) the first segments of its
// short items (six words at most), once per index.
func shortItems(ix *index.Index) [][]*index.Segment {
	return ix.Memo(shortItemsKey{}, func() any {
		out := make([][]*index.Segment, len(ix.Segments))
		for _, s := range ix.Segments {
			if len(s.Prov.Children) == 0 {
				continue
			}
			segs := ix.ProvSegs(s.Prov)
			if len(segs) == 0 || segs[len(segs)-1] != s {
				continue // (the list follows the provision's last paragraph)
			}
			for _, c := range s.Prov.Children {
				cs := ix.ProvSegs(c)
				if len(cs) > 0 && cs[0].LeadIn == index.LeadInList && len(cs[0].Toks) <= 6 {
					out[s.Ord] = append(out[s.Ord], cs[0])
				}
			}
		}
		return out
	}).([][]*index.Segment)
}

type shortItemsKey struct{}

// endsModal reports whether the lead-in's last words are a modal-lead
// phrase.
func endsModal(cu *cues, lead []index.Token) bool {
	for _, sp := range cu.ModalLead.Find(lead[max(0, len(lead)-4):]) {
		if max(0, len(lead)-4)+sp.J == len(lead) {
			return true
		}
	}
	return false
}

// maxShortLeadIn is the longest lead-in (in words) read with every item of
// its list.
const maxShortLeadIn = 14

// refHas reports whether a provision of the same section that the
// segment refers to, or the definition of a term it uses, holds a phrase of
// ps: a clause that takes its purposes or means from a sibling ("mit dem
// Vorsatz, dass sie ausgebeutet werde (Abs. 3)", "any of the means referred
// to in subsection (1)", "el apartado anterior") or from a defined term
// reads those words as its own.
func refHas(s *index.Segment, ps *index.PhraseSet) bool {
	ix := s.Index()
	if ix == nil {
		return false
	}
	for _, r := range s.Refs {
		if r.External || r.Target == nil || r.Target == s.Prov || r.Target.Section() != s.Section {
			continue
		}
		if subtreeHas(ix, r.Target, ps) {
			return true
		}
	}
	// a term the clause uses, defined elsewhere in the corpus with the
	// words ("for exploitation", where "exploitation" includes any illegal
	// activity)
	if !anyDefinitionHas(ix, ps) {
		return false
	}
	for _, d := range usedDefinitions(ix, s) {
		if ix.Has(ps, d) {
			return true
		}
	}
	return false
}

type defsHaveKey struct{ ps *index.PhraseSet }

// anyDefinitionHas reports whether some definition of the corpus holds a
// phrase of ps (memoised per index and phrase set), so that clauses are
// searched for the terms they use only when that can matter.
func anyDefinitionHas(ix *index.Index, ps *index.PhraseSet) bool {
	return ix.Memo(defsHaveKey{ps}, func() any {
		for _, defs := range ix.Defs {
			for _, d := range defs {
				if d.ExternalLaw == "" && ix.Has(ps, d.Segment) {
					return true
				}
			}
		}
		return false
	}).(bool)
}

type usedDefsKey struct{ s *index.Segment }

type defTermsKey struct{}

// defTerms is a phrase set of the terms the corpus defines, and their
// definitions by phrase.
type defTerms struct {
	ps   *index.PhraseSet
	defs [][]*index.Definition
}

// usedDefinitions returns the segments defining, inside the corpus, a
// term the segment uses (memoised per segment; the defined terms are one
// phrase set per index).
func usedDefinitions(ix *index.Index, s *index.Segment) []*index.Segment {
	dt := ix.Memo(defTermsKey{}, func() any {
		terms := make([]string, 0, len(ix.Defs))
		for t := range ix.Defs {
			terms = append(terms, t)
		}
		sort.Strings(terms)
		d := &defTerms{ps: index.NewPhraseSet(terms)}
		for _, t := range d.ps.Terms {
			d.defs = append(d.defs, ix.Defs[t])
		}
		return d
	}).(*defTerms)
	return ix.Memo(usedDefsKey{s}, func() any {
		var out []*index.Segment
		for _, sp := range dt.ps.Find(s.Toks) {
			for _, d := range dt.defs[sp.Phrase] {
				if d.Segment != s && d.ExternalLaw == "" {
					out = append(out, d.Segment)
				}
			}
		}
		return out
	}).([]*index.Segment)
}

// subtreeHas reports whether the own text of p or of a provision under it
// holds a phrase of ps ("el apartado anterior" cites the lead-in and its
// lettered items).
func subtreeHas(ix *index.Index, p *statute.Provision, ps *index.PhraseSet) bool {
	return ix.Memo(subtreeKey{p, ps}, func() any {
		if ps.Any(ix.ProvToks(p)) {
			return true
		}
		for _, c := range p.Children {
			if subtreeHas(ix, c, ps) {
				return true
			}
		}
		return false
	}).(bool)
}

type subtreeKey struct {
	p  *statute.Provision
	ps *index.PhraseSet
}

// regex matches a Go regular expression against the folded text.
type regex struct {
	res  map[string]*regexp.Regexp
	lits map[string][]string // literals one of which every match contains (a prefilter)
	// anch holds, where every match starts with one of lits (after an
	// optional \b), the expression anchored with ^, run only at the
	// literals' occurrences; wb tells that it starts with \b.
	anch map[string]*regexp.Regexp
	wb   map[string]bool
	// every match contains one literal of each group (the mandatory parts
	// of the top-level concatenation): a segment lacking one of the
	// groups is skipped without running the expression
	groups map[string][][]string
	// litSets and groupSets are lits and groups compiled for
	// index.MayContain, which rules out most segments without reading
	// their text (nil: no literals, no prefilter)
	litSets   map[string]*index.Literals
	groupSets map[string][]*index.Literals
	roles     index.RoleSet // set by CompileElement: segments outside these roles are skipped
}

// mayMatch reports whether the segment's words may hold the literals
// every match of the expression for lang contains (false: no match).
func (r *regex) mayMatch(ix *index.Index, s *index.Segment, lang string) bool {
	if l := r.litSets[lang]; l != nil && !ix.MayContain(l, s) {
		return false
	}
	for _, g := range r.groupSets[lang] {
		if g != nil && !ix.MayContain(g, s) {
			return false
		}
	}
	return true
}

// literalSet compiles lits for index.MayContain; nil for none.
func literalSet(lits []string) *index.Literals {
	if len(lits) == 0 {
		return nil
	}
	return index.NewLiterals(lits...)
}

func (r *regex) Match(ix *index.Index) []Hit {
	var out []Hit
	// the expression of the segment's language, looked up once per run of
	// segments in one language
	segLang, lang, looked := "", "", false
	var re *regexp.Regexp
	for _, s := range ix.Segments {
		if r.roles != 0 && s.Roles&r.roles == 0 {
			continue
		}
		if !looked || s.Lang != segLang {
			segLang, lang, looked = s.Lang, s.Lang, true
			re = r.res[lang]
			if re == nil {
				lang = "*"
				re = r.res[lang]
			}
		}
		if re == nil || !r.mayMatch(ix, s, lang) || !containsAny(s.Fold, r.lits[lang]) || !containsGroups(s.Fold, r.groups[lang]) {
			continue
		}
		locs := [][]int(nil)
		if a := r.anch[lang]; a != nil {
			var ok bool
			if locs, ok = anchoredFind(a, s.Fold, r.lits[lang], r.wb[lang], 4); !ok {
				locs = re.FindAllStringIndex(s.Fold, 4)
			}
		} else {
			locs = re.FindAllStringIndex(s.Fold, 4)
		}
		for _, loc := range locs {
			i, j := tokenSpan(s, loc[0], loc[1])
			out = append(out, Hit{Seg: s, I: i, J: j, Term: s.Fold[loc[0]:loc[1]]})
		}
	}
	return out
}

// containsAny reports whether s contains one of lits; no literals means
// no prefilter.
func containsAny(s string, lits []string) bool {
	if len(lits) == 0 {
		return true
	}
	for _, l := range lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// containsGroups reports whether s contains a literal of every group.
func containsGroups(s string, groups [][]string) bool {
	for _, g := range groups {
		if !containsAny(s, g) {
			return false
		}
	}
	return true
}

// requiredGroups returns the literal sets of the mandatory parts of the
// top-level concatenation: every match contains one literal of each.
func requiredGroups(src string) [][]string {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat {
		return nil
	}
	var out [][]string
	for _, sub := range re.Sub {
		if l := litSet(sub); l != nil {
			out = append(out, l)
		}
	}
	if len(out) < 2 {
		return nil // the first group is already the prefilter
	}
	return out
}

// requiredLiterals returns a set of literal strings one of which every
// match of the regular expression contains, or nil when none is found:
// the first mandatory literal or alternation of literals of the top-level
// concatenation.
func requiredLiterals(src string) []string {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	return litSet(re.Simplify())
}

// leadingLiterals returns the literals one of which every match starts
// with (after an optional leading \b), and whether the expression starts
// with \b; nil when the start is not such a set.
func leadingLiterals(src string) ([]string, bool) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil, false
	}
	re = re.Simplify()
	wb := false
	if re.Op == syntax.OpConcat {
		subs := re.Sub
		if len(subs) > 0 && subs[0].Op == syntax.OpWordBoundary {
			wb = true
			subs = subs[1:]
		}
		if len(subs) == 0 {
			return nil, false
		}
		re = subs[0]
	}
	return litSet(re), wb
}

// maxAnchoredTries bounds the anchored attempts of anchoredFind in one
// text. Each attempt may read to the end of the text, so tries at every
// occurrence of a frequent literal grew quadratically ("a+$" over 80,000
// characters: 41 s); past the budget the caller runs the unanchored
// expression once over the text, which RE2 does in linear time. The
// matches are the same either way: every match starts with a literal, so
// the leftmost match is the leftmost anchored one.
const maxAnchoredTries = 16

// anchoredFind returns up to n non-overlapping matches of the anchored
// expression a, tried only where one of lits occurs (and, when wb, where
// that occurrence begins a word), in order; ok is false, with no matches,
// when that would take more than maxAnchoredTries attempts.
func anchoredFind(a *regexp.Regexp, f string, lits []string, wb bool, n int) (matches [][]int, ok bool) {
	var out [][]int
	tries := 0
	for _, l := range lits {
		for from := 0; ; {
			i := strings.Index(f[from:], l)
			if i < 0 {
				break
			}
			at := from + i
			from = at + 1
			if wb && at > 0 && isWordByte(f[at-1]) {
				continue
			}
			if tries++; tries > maxAnchoredTries {
				return nil, false
			}
			if m := a.FindStringIndex(f[at:]); m != nil {
				out = append(out, []int{m[0] + at, m[1] + at})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	kept := out[:0]
	end := -1
	for _, m := range out {
		if m[0] < end {
			continue
		}
		kept = append(kept, m)
		end = m[1]
		if len(kept) == n {
			break
		}
	}
	return kept, true
}

func litSet(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture:
		return litSet(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			l := litSet(sub)
			if l == nil {
				return nil
			}
			out = append(out, l...)
		}
		return out
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if l := litSet(sub); l != nil {
				return l
			}
		}
	case syntax.OpPlus:
		return litSet(re.Sub[0])
	}
	return nil
}

// tokenSpan converts folded byte offsets to a token range.
func tokenSpan(s *index.Segment, a, b int) (int, int) {
	i := sort.Search(len(s.Toks), func(k int) bool { return int(s.Toks[k].End) > a })
	j := sort.Search(len(s.Toks), func(k int) bool { return int(s.Toks[k].Start) >= b })
	if j <= i {
		j = min(i+1, len(s.Toks))
	}
	return i, j
}

// defines matches segments that define one of the terms.
type defines struct{ terms map[string][]string }

func (d *defines) Match(ix *index.Index) []Hit {
	var out []Hit
	for _, s := range ix.Segments {
		if len(s.Defines) == 0 {
			continue
		}
		ts := d.terms[s.Lang]
		if ts == nil {
			ts = d.terms["en"]
		}
		for _, t := range ts {
			if defMatches(s.Defines, t) {
				out = append(out, Hit{Seg: s, I: 0, J: min(len(s.Toks), 1), Term: t})
				break
			}
		}
	}
	return out
}

func defMatches(defs []string, term string) bool {
	ws := index.Words(term)
	for _, d := range defs {
		dw := index.Words(d)
		if len(dw) < len(ws) {
			continue
		}
		ok := true
		for k, w := range ws {
			if !wordEq(w, dw[k]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func wordEq(pat, w string) bool {
	if len(pat) > 0 && pat[len(pat)-1] == '*' {
		return len(w) >= len(pat)-1 && w[:len(pat)-1] == pat[:len(pat)-1]
	}
	return pat == w
}

// crossRef matches a segment that mentions a term and refers to a law
// outside the corpus.
type crossRef struct{ sets langSets }

func (c *crossRef) Match(ix *index.Index) []Hit {
	var out []Hit
	for _, h := range c.sets.find(ix) {
		for _, r := range h.Seg.Refs {
			if r.External {
				h.Law = r.Law
				out = append(out, h)
				break
			}
		}
	}
	return out
}

// Compile builds the matcher for one pattern.
func Compile(p standard.Pattern) (Matcher, error) {
	switch p.Kind {
	case standard.CritKeyword, standard.CritPhrase:
		return &keyword{sets: newLangSets(p.Terms)}, nil
	case standard.CritNear:
		w := p.Within
		if w <= 0 {
			w = 8
		}
		return &near{terms: newLangSets(p.Terms), with: newLangSets(p.With), within: w, referred: p.Referred}, nil
	case standard.CritRegex:
		r := &regex{res: map[string]*regexp.Regexp{}, lits: map[string][]string{}, anch: map[string]*regexp.Regexp{}, wb: map[string]bool{}, groups: map[string][][]string{},
			litSets: map[string]*index.Literals{}, groupSets: map[string][]*index.Literals{}}
		for l, src := range p.Regex {
			re, err := regexp.Compile(src)
			if err != nil {
				return nil, fmt.Errorf("%s: regex for %q: %v", p.Pos, l, err)
			}
			r.res[l] = re
			r.lits[l] = requiredLiterals(src)
			r.groups[l] = requiredGroups(src)
			if lits, wb := leadingLiterals(src); lits != nil {
				r.lits[l] = lits
				r.anch[l] = regexp.MustCompile("^(?:" + src + ")")
				r.wb[l] = wb
			}
			r.litSets[l] = literalSet(r.lits[l])
			for _, g := range r.groups[l] {
				r.groupSets[l] = append(r.groupSets[l], literalSet(g))
			}
		}
		return r, nil
	case standard.CritDefines:
		return &defines{terms: langTerms(p.Terms)}, nil
	case standard.CritCrossRef:
		return &crossRef{sets: newLangSets(p.Terms)}, nil
	}
	return nil, fmt.Errorf("%s: unknown criterion kind %q, expected one of keyword, phrase, near, regex, defines, cross-ref", p.Pos, p.Kind)
}

// segMatcher is a matcher that lists its candidate segments in document
// order and matches one segment at a time, so that an element can stop
// once it has enough evidence.
type segMatcher interface {
	candidates(ix *index.Index) [][]int32
	matchSeg(s *index.Segment) []Hit
}

func (ls langSets) candidates(ix *index.Index) [][]int32 {
	var out [][]int32
	// the languages in sorted order, without sortedLangs' allocation (a
	// set holds a handful)
	var buf [8]string
	langs := buf[:0]
	if len(ls) > len(buf) {
		langs = make([]string, 0, len(ls))
	}
	for l := range ls {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	for _, l := range langs {
		if !ix.Langs[l] && !(l == "en" && otherLangs(ix, ls)) {
			continue
		}
		if c := ix.Candidates(ls[l]); len(c) > 0 {
			out = append(out, c)
		}
	}
	return out
}

func (ls langSets) matchSeg(s *index.Segment) []Hit {
	ps := ls.forLang(segLang(s, ls))
	if !s.Has(ps) {
		return nil
	}
	spans := ps.Find(s.Toks)
	if len(spans) == 0 {
		return nil
	}
	out := make([]Hit, 0, len(spans))
	for _, sp := range spans {
		out = append(out, Hit{Seg: s, I: sp.I, J: sp.J, Term: ps.Terms[sp.Phrase]})
	}
	return out
}

func (k *keyword) candidates(ix *index.Index) [][]int32 { return k.sets.candidates(ix) }
func (k *keyword) matchSeg(s *index.Segment) []Hit      { return k.sets.matchSeg(s) }

func (n *near) candidates(ix *index.Index) [][]int32 { return n.terms.candidates(ix) }
func (n *near) matchSeg(s *index.Segment) []Hit      { return n.matchSegCarers(s, true) }

// matchSegCarers is matchSeg; carers false keeps a guardian word among a
// child's own carers, as a clause handing the care of a child "not in the
// care of a parent or guardian" to another law names that topic.
func (n *near) matchSegCarers(s *index.Segment, carers bool) []Hit {
	ws := n.with.forLang(segLang(s, n.with))
	if !s.Has(ws) {
		if leadInHas(s, ws) || shortItemsHave(s, ws) || n.referred && refHas(s, ws) {
			return n.terms.matchSeg(s)
		}
		return nil
	}
	with := ws.Find(s.Toks)
	// a child word right after a penalty noun is the penalty's grade
	// ("prisión menor", "reclusión menor"), no child
	cu := cuesFor(s)
	// nor one inside a phrase that excludes children ("a person, not
	// being a child, …")
	var excluded []index.Span
	if s.Has(cu.ChildExcluded) {
		excluded = cu.ChildExcluded.Find(s.Toks)
	}
	grade := func(w index.Span) bool {
		if w.I > 0 && cu.PenaltyWords.Any(s.Toks[w.I-1:w.I]) && cu.ChildTerms.Any(s.Toks[w.I:w.J]) {
			return true
		}
		for _, a := range excluded {
			if a.I <= w.I && w.J <= a.J {
				return true
			}
		}
		return false
	}
	if slices.ContainsFunc(with, grade) {
		with = slices.DeleteFunc(slices.Clone(with), grade)
	}
	// a body word inside the name of an international organisation
	// ("Convention du Conseil de l'Europe") names no national body
	// (nor the commission of an offence, "used in the commission … of
	// acts of trafficking")
	var intl []index.Span
	if s.Has(cu.IntlBody) {
		intl = cu.IntlBody.Find(s.Toks)
	}
	if s.Has(cu.OffenceCommission) {
		intl = append(intl, cu.OffenceCommission.Find(s.Toks)...)
	}
	// nor a guardian word among the child's own carers ("not accompanied
	// by a parent or guardian")
	if carers && s.Has(cu.FamilyCarers) {
		intl = append(intl, cu.FamilyCarers.Find(s.Toks)...)
	}
	var out []Hit
	for _, h := range n.terms.matchSeg(s) {
		if coveredBy(index.Span{I: h.I, J: h.J}, intl) {
			continue
		}
		for _, w := range with {
			d := w.I - h.J
			if w.I < h.I {
				d = h.I - w.J
			}
			if d <= n.within {
				out = append(out, Hit{Seg: s, I: min(h.I, w.I), J: max(h.J, w.J), Term: h.Term})
				break
			}
		}
	}
	return out
}

func (d *defines) candidates(ix *index.Index) [][]int32 {
	var c []int32
	for _, s := range ix.Segments {
		if len(s.Defines) > 0 {
			c = append(c, int32(s.Ord))
		}
	}
	return [][]int32{c}
}

func (d *defines) matchSeg(s *index.Segment) []Hit {
	if len(s.Defines) == 0 {
		return nil
	}
	ts := d.terms[s.Lang]
	if ts == nil {
		ts = d.terms["en"]
	}
	for _, t := range ts {
		if defMatches(s.Defines, t) {
			return []Hit{{Seg: s, I: 0, J: min(len(s.Toks), 1), Term: t}}
		}
	}
	return nil
}
