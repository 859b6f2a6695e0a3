package index

import (
	"math/bits"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Role is a provision role (the map's roles plus repealed).
type Role = standard.Role

// RoleRepealed marks text that is repealed: never evidence.
const RoleRepealed Role = "repealed"

// RoleSet is a small bit set of roles.
type RoleSet uint8

const (
	bitDefinition RoleSet = 1 << iota
	bitOffence
	bitPenalty
	bitProtection
	bitInstitutional
	bitProcedural
	bitRepealed
)

var roleBits = []struct {
	r Role
	b RoleSet
}{
	{standard.RoleDefinition, bitDefinition},
	{standard.RoleOffence, bitOffence},
	{standard.RolePenalty, bitPenalty},
	{standard.RoleProtection, bitProtection},
	{standard.RoleInstitutional, bitInstitutional},
	{standard.RoleProcedural, bitProcedural},
	{RoleRepealed, bitRepealed},
}

// Bit returns the bit of one role; RoleAny and unknown roles give 0.
func Bit(r Role) RoleSet {
	for _, rb := range roleBits {
		if rb.r == r {
			return rb.b
		}
	}
	return 0
}

// Has reports whether the set holds r.
func (s RoleSet) Has(r Role) bool { return s&Bit(r) != 0 }

// Roles lists the roles in a fixed order.
func (s RoleSet) Roles() []Role {
	var out []Role
	for _, rb := range roleBits {
		if s&rb.b != 0 {
			out = append(out, rb.r)
		}
	}
	return out
}

// Segment is one block of provision text, folded and tokenized once.
type Segment struct {
	Statute *statute.Statute
	Prov    *statute.Provision
	Section *statute.Provision
	Line    int
	Text    string  // original text
	Fold    string  // folded text
	Map     []int32 // folded byte offset -> original byte offset
	Toks    []Token
	Roles   RoleSet
	Lang    string
	// Defines lists the folded terms this segment defines.
	Defines []string
	// Refs are the cross-references found in this segment.
	Refs []Ref
	// Ord is the segment's position in Index.Segments.
	Ord int
	// NonOperative marks findings, purposes and preambles, and criteria
	// for judging other governments (reading rule 10): not the country's
	// own law for its verdicts.
	NonOperative bool
	ix           *Index
	// Advisory marks a body's mandate to advise or recommend on a measure
	// (reading rule 9): the measure is not thereby part of the law.
	Advisory bool
	// LeadIn tells how the parent provision's text ends, for reading an
	// item with its lead-in: LeadInNone, LeadInOpen or LeadInList.
	LeadIn uint8
	// LangIdx is Lang's position among the lexicon's languages, -1 when
	// the lexicon has no such language.
	LangIdx int8
}

// splitInlineList splits a paragraph that runs a lettered or numbered list
// into one line ("… ci-après sont admises : a. enfant : toute personne …
// ; b) le trafic d'enfants : désigne …", text extracted from a PDF or a
// database) into the lead-in and one part per item, as the items of a
// list would be; the list needs at least two markers in sequence, each
// after a colon or semicolon. Other paragraphs give nil (read whole).
func splitInlineList(t string) []string {
	if strings.Count(t, ";")+strings.Count(t, ":") < 2 {
		return nil // two labels need two separators
	}
	// keep the markers whose labels run in sequence from the first
	var cuts []int
	prev := ""
	for i := 0; i < len(t); i++ {
		if t[i] != ':' && t[i] != ';' {
			continue
		}
		at, label := inlineLabel(t, i+1)
		if label != "" && (prev == "" || nextLabel(prev) == label) {
			cuts = append(cuts, at)
			prev = label
		}
	}
	if len(cuts) < 2 {
		return nil
	}
	var out []string
	start := 0
	for _, c := range cuts {
		if part := strings.TrimSpace(t[start:c]); part != "" {
			out = append(out, part)
		}
		start = c
	}
	return append(out, strings.TrimSpace(t[start:]))
}

// inlineLabel reads, from j (just after a colon or semicolon), blanks and
// a list label ("b) ", "a. ", "12) "); it returns where the label starts and
// the label, or "" when there is none.
func inlineLabel(t string, j int) (int, string) {
	k := j
	for k < len(t) && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n') {
		k++
	}
	if k == j || k >= len(t) {
		return 0, ""
	}
	e := k
	switch c := t[k]; {
	case c >= 'a' && c <= 'z':
		e = k + 1
	case c >= '1' && c <= '9':
		e = k + 1
		if e < len(t) && t[e] >= '0' && t[e] <= '9' {
			e++
		}
	default:
		return 0, ""
	}
	if e+1 >= len(t) || (t[e] != '.' && t[e] != ')') || (t[e+1] != ' ' && t[e+1] != '\t') {
		return 0, ""
	}
	return k, t[k:e]
}

// inlineItem is the label that opens an item split off a paragraph.
// ("a.", "1)", and the Tunisian "1 - Traite des personnes : …")
var inlineItem = regexp.MustCompile(`^(?:[a-z]|[1-9][0-9]?)(?:[.)]|\s[-–—])\s`)

// nextLabel returns the label after l in its sequence ("a" → "b", "9" → "10").
func nextLabel(l string) string {
	if n, err := strconv.Atoi(l); err == nil {
		return strconv.Itoa(n + 1)
	}
	if len(l) == 1 && l[0] < 'z' {
		return string(l[0] + 1)
	}
	return ""
}

// How a parent provision's own text ends (Segment.LeadIn).
const (
	LeadInNone uint8 = iota // no parent text, or a finished sentence
	LeadInOpen              // breaks off mid-sentence: items and tail finish it
	LeadInList              // ends with a colon or dash: a list follows
)

// leadInKind classifies how p's parent text ends; the segment's own
// provision being its section means there is no lead-in.
func leadInKind(p *statute.Provision) uint8 {
	par := p.Parent
	if par == nil || p == p.Section() || par.Text == "" {
		return LeadInNone
	}
	t := strings.TrimRightFunc(par.Text, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(t)
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return LeadInOpen
	case strings.HasSuffix(t, ":") || strings.HasSuffix(t, "—") || strings.HasSuffix(t, "–") || strings.HasSuffix(t, "-"):
		return LeadInList
	}
	return LeadInNone
}

// Repealed reports whether the segment's provision is repealed.
func (s *Segment) Repealed() bool { return s.Roles&bitRepealed != 0 }

// Ref is a cross-reference. Target is set when it resolves to a provision in
// the same statute; otherwise Law names the law referred to and External is
// true.
type Ref struct {
	Text     string // as written
	Start    int    // byte offset in the segment's original text
	Target   *statute.Provision
	External bool
	Law      string
}

// Definition is one defined term.
type Definition struct {
	Term    string // folded
	Segment *Segment
	// ExternalLaw names the law the definition refers to ("has the meaning
	// assigned to it in the Children Act"), if any.
	ExternalLaw string
}

// Index holds the lookups over one corpus.
type Index struct {
	Corpus   *statute.Corpus
	Segments []*Segment
	// Defs maps a folded defined term to its definitions, in document order.
	Defs map[string][]*Definition
	// BySection maps a section to its segments (the section's own and its
	// descendants'), in document order.
	BySection map[*statute.Provision][]*Segment
	// ExtTerms maps a defined term (not a person such as "child") to the
	// outside law its definition refers to.
	ExtTerms map[string]string
	// Bytes is the total size of the indexed text.
	Bytes int
	vocab *vocab
	// memo holds, by PhraseSet.id, the bit set over segments of each
	// phrase set asked about (nil until asked); sets numbered beyond
	// memoSlots (a process that compiled many maps) use memoMap.
	memo    [][]uint64
	memoMap map[*PhraseSet][]uint64
	// litMemo and litMap are the same for Literals (see MayContain)
	litMemo [][]uint64
	litMap  map[*Literals][]uint64
	slab    tokenSlab
	segBuf  []Segment // the block newSegment hands out from
	heads   map[*statute.Provision][]Token
	// Lex is the compiled lexicon the index was built with.
	Lex *Lexicon
	// defs and laws hold the definition frames and the law-name words of
	// Lex, compiled once per lexicon
	defs *defGrammar
	laws *lawGrammar
	// Langs holds the languages of the indexed statutes.
	Langs map[string]bool
	ptoks map[*statute.Provision][]Token
	// langCues holds the role cues of each language of the index (filled
	// when it is built, read-only after)
	langCues map[string]*roleCues
	// roleByIdx holds the same by the lexicon's language index
	// (Segment.LangIdx)
	roleByIdx []*roleCues
	pmemo     map[provKey]bool
	cands     map[*PhraseSet][]int32
	smemo     map[string][]int8
	anyMemo   sync.Map // see Memo
	// provSegs maps a provision to the segments of its own text.
	provSegs map[*statute.Provision][]*Segment
}

type provKey struct {
	ps *PhraseSet
	p  *statute.Provision
}

// provHas reports whether a provision's own text holds a phrase of ps:
// read from the memoised bits of its segments, or, for a provision without
// segments, from its tokens (memoised).
func (ix *Index) provHas(ps *PhraseSet, p *statute.Provision) bool {
	if segs, ok := ix.provSegs[p]; ok {
		m := ix.bits(ps)
		for _, sg := range segs {
			if m[sg.Ord>>6]&(1<<(uint(sg.Ord)&63)) != 0 {
				return true
			}
		}
		return false
	}
	k := provKey{ps, p}
	if v, ok := ix.pmemo[k]; ok {
		return v
	}
	if ix.pmemo == nil {
		ix.pmemo = map[provKey]bool{}
	}
	v := ps.Any(ix.ProvToks(p))
	ix.pmemo[k] = v
	return v
}

// ProvToks returns the folded tokens of a provision's own text, computed
// once per provision.
// ProvSegs returns the segments of p's own text, in document order.
func (ix *Index) ProvSegs(p *statute.Provision) []*Segment { return ix.provSegs[p] }

func (ix *Index) ProvToks(p *statute.Provision) []Token {
	if t, ok := ix.ptoks[p]; ok {
		return t
	}
	if ix.ptoks == nil {
		ix.ptoks = map[*statute.Provision][]Token{}
	}
	f, _ := FoldSparse(p.Text)
	t := Tokenize(f)
	ix.ptoks[p] = t
	return t
}

// HeadToks returns the folded tokens of the segment's section heading,
// computed once per section.
func (s *Segment) HeadToks() []Token {
	if s.ix == nil {
		return headTokens(s.Section)
	}
	return s.ix.HeadingToks(s.Section)
}

// HeadingToks returns the folded tokens of a provision's heading (nil for
// none), computed once per provision: a division's heading is asked about
// for every section under it.
func (ix *Index) HeadingToks(p *statute.Provision) []Token {
	if t, ok := ix.heads[p]; ok {
		return t
	}
	if ix.heads == nil {
		ix.heads = map[*statute.Provision][]Token{}
	}
	t := headTokens(p)
	t = t[:len(t):len(t)] // shared: an append must not write into it
	ix.heads[p] = t
	return t
}

// Build indexes every statute of c. It never fails: text it cannot
// classify simply gets no role.
// Build indexes c with the embedded lexicon.
func Build(c *statute.Corpus) *Index { return BuildWith(c, mustDefault()) }

// BuildWith indexes c with the lexicon lx.
func BuildWith(c *statute.Corpus, lx *Lexicon) *Index {
	ix := &Index{Corpus: c, Lex: lx, Defs: map[string][]*Definition{}, BySection: map[*statute.Provision][]*Segment{},
		defs: lx.defGrammar(), laws: lx.lawGrammar()}
	titles := statuteTitles(c)
	nprov := 0
	for _, st := range c.Statutes {
		nprov += len(st.All)
	}
	ix.provSegs = make(map[*statute.Provision][]*Segment, nprov)
	starts := make([]int, len(c.Statutes)+1)
	for i, st := range c.Statutes {
		starts[i] = len(ix.Segments)
		ix.addSegments(st)
	}
	starts[len(c.Statutes)] = len(ix.Segments)
	ix.buildVocab()
	ix.provLangs(starts)
	for _, sg := range ix.Segments {
		sg.LangIdx = int8(lx.LangIndex(sg.Lang))
	}
	ix.langCues = map[string]*roleCues{"": ix.bindCues("")}
	for _, lang := range lx.Langs() {
		ix.roleByIdx = append(ix.roleByIdx, ix.bindCues(lang))
	}
	for lang := range ix.Langs {
		ix.langCues[lang] = ix.bindCues(lang)
	}
	for i, st := range c.Statutes {
		ix.classify(st, ix.Segments[starts[i]:starts[i+1]], titles)
	}
	ix.ExtTerms = map[string]string{}
	for term, ds := range ix.Defs {
		for _, d := range ds {
			if d.ExternalLaw != "" && !ix.cues().PersonTerms[term] {
				ix.ExtTerms[term] = d.ExternalLaw
			}
		}
	}
	return ix
}

// Has reports whether segment s holds a phrase of ps. The answer for every
// segment is computed once per phrase set from the inverted index, so
// repeated questions cost a slice lookup.
func (ix *Index) Has(ps *PhraseSet, s *Segment) bool {
	m := ix.bits(ps)
	return m[s.Ord>>6]&(1<<(uint(s.Ord)&63)) != 0
}

// memoSlots bounds the slice memo (a compiled map has about 900 phrase
// sets).
const memoSlots = 1 << 14

// bits returns the memoised bit set of the segments holding a phrase of ps.
func (ix *Index) bits(ps *PhraseSet) []uint64 {
	if ps.id >= memoSlots {
		m, ok := ix.memoMap[ps]
		if !ok {
			m = make([]uint64, (len(ix.Segments)+63)/64)
			ps.mark(ix, m)
			if ix.memoMap == nil {
				ix.memoMap = map[*PhraseSet][]uint64{}
			}
			ix.memoMap[ps] = m
		}
		return m
	}
	if int(ps.id) < len(ix.memo) && ix.memo[ps.id] != nil {
		return ix.memo[ps.id]
	}
	if int(ps.id) >= len(ix.memo) {
		ix.memo = append(ix.memo, make([][]uint64, int(ps.id)+1-len(ix.memo))...)
	}
	m := make([]uint64, (len(ix.Segments)+63)/64+1) // never empty: nil means not computed
	ps.mark(ix, m)
	ix.memo[ps.id] = m
	return m
}

// Orig maps a byte offset of the folded text to the original text.
func (s *Segment) Orig(i int) int {
	if s.Map == nil {
		return i
	}
	return int(s.Map[i])
}

// Index returns the index the segment belongs to.
func (s *Segment) Index() *Index { return s.ix }

// Has reports whether the segment holds a phrase of ps (see Index.Has).
func (s *Segment) Has(ps *PhraseSet) bool {
	if s.ix == nil {
		return ps.Any(s.Toks)
	}
	return s.ix.Has(ps, s)
}

// newSegment returns a zero Segment from a block of many: one allocation
// per 256 segments.
func (ix *Index) newSegment() *Segment {
	if len(ix.segBuf) == cap(ix.segBuf) {
		ix.segBuf = make([]Segment, 0, 256)
	}
	ix.segBuf = ix.segBuf[:len(ix.segBuf)+1]
	return &ix.segBuf[len(ix.segBuf)-1]
}

func (ix *Index) addSegments(st *statute.Statute) {
	lang := st.Meta.Lang()
	if ix.Langs == nil {
		ix.Langs = map[string]bool{}
	}
	ix.Langs[lang] = true
	if ix.provSegs == nil {
		ix.provSegs = map[*statute.Provision][]*Segment{}
	}
	// Segments of one section (and of one provision) are contiguous in
	// document order, so each map is written once per run.
	var curSec *statute.Provision
	secStart := len(ix.Segments)
	flush := func() {
		if curSec != nil && secStart < len(ix.Segments) {
			run := ix.Segments[secStart:len(ix.Segments):len(ix.Segments)]
			if prev, ok := ix.BySection[curSec]; ok {
				// a division's own text again after its sections
				ix.BySection[curSec] = append(prev, run...)
			} else {
				// ix.Segments only grows, so the run can be shared (its
				// capacity ends at its length: an append copies)
				ix.BySection[curSec] = run
			}
		}
	}
	for _, p := range st.All {
		sec := p.Section()
		if sec != curSec {
			flush()
			curSec, secStart = sec, len(ix.Segments)
		}
		if len(p.Segments) == 0 {
			continue
		}
		first := len(ix.Segments)
		lead := leadInKind(p)
		for _, whole := range p.Segments {
			parts := splitInlineList(whole.Text)
			if parts == nil {
				parts = []string{whole.Text}
			}
			for _, part := range parts {
				sg := statute.Segment{Line: whole.Line, Text: part}
				f, m := FoldSparse(sg.Text)
				seg := ix.newSegment()
				*seg = Segment{Statute: st, Prov: p, Section: sec, Line: sg.Line, Text: sg.Text, Fold: f, Map: m,
					Toks: ix.slab.tokenize(f), Lang: lang, Ord: len(ix.Segments), ix: ix, LeadIn: lead}
				ix.Bytes += len(sg.Text)
				if isRepealed(p, f, ix.laws) || p.Repealed || sec.Repealed {
					seg.Roles |= bitRepealed
				}
				ix.Segments = append(ix.Segments, seg)
			}
		}
		// a provision's segments are contiguous: share them
		ix.provSegs[p] = ix.Segments[first:len(ix.Segments):len(ix.Segments)]
	}
	flush()
}

// provLangs decides the language of every provision (bilingual statutes)
// from its tokens' vocabulary ids: the function-word languages of a word
// are looked up once per distinct word, not once per token. starts[i] is
// where the segments of statute i begin.
func (ix *Index) provLangs(starts []int) {
	lx, v := ix.Lex, ix.vocab
	var masks []uint32
	// A provision's segments are the run of Segments with that provision,
	// in the range of the statute's last addSegments (provSegs holds that
	// one when a corpus lists a statute twice): read by position, not
	// looked up by provision.
	last := make(map[*statute.Statute]int, len(ix.Corpus.Statutes))
	for i, st := range ix.Corpus.Statutes {
		last[st] = i
	}
	for _, st := range ix.Corpus.Statutes {
		lang := st.Meta.Lang()
		if !lx.decides(lang) {
			continue
		}
		if masks == nil {
			masks = make([]uint32, len(v.words))
			for k, w := range v.words {
				if len(w) <= lx.maxFW {
					masks[v.sids[k]] = lx.wordLangs[w]
				}
			}
		}
		segs := ix.Segments[starts[last[st]]:starts[last[st]+1]]
		for len(segs) > 0 {
			n := 1
			for n < len(segs) && segs[n].Prov == segs[0].Prov {
				n++
			}
			own := segs[:n]
			segs = segs[n:]
			var counts [32]int
			for _, seg := range own {
				for _, id := range v.flat[v.start[seg.Ord]:v.start[seg.Ord+1]] {
					for m := masks[id]; m != 0; m &= m - 1 {
						counts[bits.TrailingZeros32(m)]++
					}
				}
			}
			if pl := lx.decide(lang, &counts); pl != lang {
				ix.Langs[pl] = true
				for _, seg := range own {
					seg.Lang = pl
				}
			}
		}
	}
}

func (ix *Index) classify(st *statute.Statute, segs []*Segment, titles []string) {
	own := make([]RoleSet, len(segs))
	secRoles := map[*statute.Provision]RoleSet{}
	// a section's segments mostly run together: the map is written once
	// per run
	var acc RoleSet
	var cur *statute.Provision
	for i, seg := range segs {
		own[i] = textRoles(seg, seg.cues())
		if i > 0 && seg.Section != cur {
			secRoles[cur] |= acc
			acc = 0
		}
		cur = seg.Section
		acc |= own[i] &^ bitDefinition
	}
	if len(segs) > 0 {
		secRoles[cur] |= acc
	}
	// per section: the heading's roles and whether the heading marks the
	// section as not operative (asked once per section, not per segment)
	type headInfo struct {
		roles RoleSet
		nonOp bool
	}
	heads := map[*statute.Provision]headInfo{}
	var defProv *statute.Provision
	// the section's entries of heads and secRoles, looked up once per run
	var hi headInfo
	var sr RoleSet
	for i, seg := range segs {
		cues := seg.cues()
		if i == 0 || seg.Section != segs[i-1].Section {
			var ok bool
			hi, ok = heads[seg.Section]
			if !ok {
				hi = headInfo{headingRoles(seg.Section, cues, ix.HeadingToks), cues.NonOpHeads.Any(seg.HeadToks())}
				// the sections under a preamble or statement of reasons
				// ("PREÁMBULO" then "I", "II") are not operative either;
				// articles are ("EXPOSICIÓN DE MOTIVOS" heading a law
				// whose articles the layout nests under it)
				if !strings.HasPrefix(string(seg.Section.ID), "art") {
					for q := seg.Section.Parent; q != nil && !hi.nonOp; q = q.Parent {
						hi.nonOp = q.Heading != "" && cues.NonOpHeads.Any(ix.HeadingToks(q))
					}
				}
				heads[seg.Section] = hi
			}
			sr = secRoles[seg.Section]
		}
		h := hi.roles
		// section-wide text cues: an offence whose sanction is in the last
		// list item makes every item an offence
		seg.Roles |= h | sr | own[i]
		// the items of a definitions list run into one paragraph ("les
		// définitions ci-après sont admises : a. enfant : … ; b) …")
		inDef := defProv != nil && (defProv == seg.Prov || seg.Prov.Parent == defProv)
		switch {
		case inDef && (inlineItem.MatchString(seg.Fold) || colonDef.MatchString(seg.Fold[dashBullet(seg.Fold):]) || ix.defs.isCommaItem(seg)):
			// "Exploitation: all forms of …" after "the following words
			// shall have the meanings assigned thereto:", "- enfant : …"
			// or "- enfant, toute personne …" after "on entend par :", also
			// as paragraphs that open with a dash ("— la victime : …")
			seg.Roles |= bitDefinition
		case leadIn(seg.Text) && (seg.Has(cues.HeadDefinition) || seg.Has(cues.DefVerbs) || seg.Has(cues.DefLeadWords)):
			defProv = seg.Prov
		case !inDef:
			defProv = nil
		}
		for _, d := range findDefinitions(seg, titles) {
			d.Segment = seg
			seg.Defines = append(seg.Defines, d.Term)
			seg.Roles |= bitDefinition
			ix.Defs[d.Term] = append(ix.Defs[d.Term], d)
		}
		seg.Refs = findRefs(seg, st, ix.Corpus, titles)
		seg.NonOperative = seg.Prov.Kind == statute.KindPreamble || hi.nonOp || pathHas(seg, cues.NonOpText)
		seg.Advisory = advisory(seg)
	}
	sanctionedBans(segs)
	// "Artículo 4. Explotación", then "se entiende por explotación: …": a
	// heading that names the term its section defines is a definition's
	// caption, not an offence's, unless the text creates an offence
	for sec, hi := range heads {
		if hi.roles&bitOffence == 0 || secRoles[sec]&bitOffence != 0 || !definesCaption(segs, sec) {
			continue
		}
		for _, seg := range segs {
			if seg.Section == sec {
				seg.Roles &^= bitOffence
			}
		}
	}
	inheritDefinitionItems(segs)
}

// sanctionedBans gives the offence role to a provision that forbids an act
// ("Le travail forcé ou obligatoire est interdit de façon absolue") when a
// clause that creates an offence and states a penalty refers to it ("Sont
// punis d'une amende … les auteurs des infractions aux dispositions de
// l'article L.4"): labour codes forbid in one article and sanction in
// another, and the forbidden act is then the offence.
func sanctionedBans(segs []*Segment) {
	var banned map[*statute.Provision]bool
	for _, seg := range segs {
		if seg.Roles&bitOffence == 0 || seg.Roles&bitPenalty == 0 {
			continue
		}
		for _, r := range seg.Refs {
			if r.Target == nil || r.External || r.Target == seg.Prov {
				continue
			}
			if banned == nil {
				banned = map[*statute.Provision]bool{}
			}
			banned[r.Target] = true
		}
	}
	if banned == nil {
		return
	}
	for _, seg := range segs {
		if seg.Roles&bitOffence != 0 || !(banned[seg.Prov] || banned[seg.Section]) {
			continue
		}
		if seg.Has(seg.cues().Ban) {
			seg.Roles |= bitOffence
		}
	}
}

// definesCaption reports whether a segment of section sec defines a term
// its heading names.
func definesCaption(segs []*Segment, sec *statute.Provision) bool {
	if sec.Heading == "" {
		return false
	}
	head := " " + FoldString(sec.Heading) + " "
	for _, seg := range segs {
		if seg.Section != sec {
			continue
		}
		for _, d := range seg.Defines {
			if strings.Contains(head, " "+d+" ") || strings.Contains(head, " "+d+".") {
				return true
			}
		}
	}
	return false
}

// inheritDefinitionItems gives the definition role to the list items of a
// definition whose lead-in ends with a colon or dash ("exploitation means
// any of the following:" then "(a) slavery …"): they are the definition's
// text even when the section is not headed "Definitions".
func inheritDefinitionItems(segs []*Segment) {
	var lead *Segment
	for _, seg := range segs {
		switch {
		case lead != nil && seg.Section == lead.Section && seg.Prov != lead.Prov && seg.Prov != seg.Section:
			seg.Roles |= bitDefinition
			continue
		case len(seg.Defines) > 0 && leadIn(seg.Text):
			lead = seg
			continue
		}
		lead = nil
	}
}

// leadIn reports whether a text ends by introducing a list.
func leadIn(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "—") || strings.HasSuffix(t, "–") || strings.HasSuffix(t, ":-")
}

// Definitions returns the definitions of a folded term (exact, then as a
// prefix when term ends in '*').
func (ix *Index) Definitions(term string) []*Definition {
	if strings.HasSuffix(term, "*") {
		p := strings.TrimSuffix(term, "*")
		var keys []string
		for k := range ix.Defs {
			if strings.HasPrefix(k, p) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		var out []*Definition
		for _, k := range keys {
			out = append(out, ix.Defs[k]...)
		}
		return out
	}
	return ix.Defs[term]
}

// isRepealed reports whether a provision is repealed, or its short folded
// text f opens, brackets aside, with a repeal-marker ("[Repealed]",
// "(weggefallen)", "Abrogé.").
func isRepealed(p *statute.Provision, f string, lg *lawGrammar) bool {
	if p.Repealed {
		return true
	}
	t := strings.TrimSpace(f)
	if len(t) > 60 {
		return false
	}
	t = strings.Trim(t, "[]().- ")
	for _, w := range lg.repealed {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

func statuteTitles(c *statute.Corpus) []string {
	var out []string
	for _, st := range c.Statutes {
		for _, t := range []string{st.Meta.Title, st.Meta.ShortTitle, st.Title} {
			if t != "" {
				out = append(out, FoldString(t))
			}
		}
	}
	return out
}

// Memo returns the value stored under key, building and storing it on
// first use: results a matcher derives from this index alone.
func (ix *Index) Memo(key any, build func() any) any {
	if v, ok := ix.anyMemo.Load(key); ok {
		return v
	}
	v, _ := ix.anyMemo.LoadOrStore(key, build())
	return v
}
