package match

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Element is one compiled element of a requirement.
type Element struct {
	El    *standard.Element
	Roles index.RoleSet // 0 = any role
	// NotRoles vetoes a provision holding one of these roles unless it
	// also holds a role the element lists (any excepted): an offence that
	// names a register proves no duty to keep one, while a section both
	// offence and protection ("Protection of victims of trafficking") may.
	NotRoles index.RoleSet
	listed   index.RoleSet // the roles the map lists, without any
	First    index.RoleSet // the first-listed role (0 = any): where the best proof sits
	Pats     []Matcher
	Excl     []Matcher
	CrossRe  []Matcher // cross-ref patterns (they make a verdict undetermined, not met)
	// Filter, when set, must accept a hit for it to count (e.g. an attempt
	// word counts only as the attempt of an offence). Applied before hits
	// are capped, so rejected hits never crowd out accepted ones.
	Filter func(Hit) bool
	// anywhere, when set, is this element without the victim-section
	// filter: Find falls back to it when the filtered element finds
	// nothing (see VictimPreferred).
	anywhere *Element
}

// OffenceFilter accepts a hit in a section whose offence is of one of the
// classes (see classOf): an aggravation, a penalty or a variant of that
// offence, not of another one the same code punishes.
func OffenceFilter(classes []string) func(Hit) bool {
	return func(h Hit) bool {
		ix := h.Seg.Index()
		if ix == nil || h.Seg.Section == nil {
			return false
		}
		return slices.Contains(classes, sectionClass(ix, h.Seg.Section))
	}
}

// roleOK reports whether a provision with roles rs may prove the element:
// it holds one of the element's roles (any, when none is listed), and a
// vetoed role only together with a listed one.
func (e *Element) roleOK(rs index.RoleSet) bool {
	if e.Roles != 0 && rs&e.Roles == 0 {
		return false
	}
	return rs&e.NotRoles == 0 || rs&e.listed != 0
}

// VictimScoped limits an element the map leaves unscoped (no roles, or
// "any" listed first; no not_roles unless "any" comes first) to sections
// that speak of a victim or a child (lexicon classes victim and child, in
// the section's text or heading): a victim's right is never proved by a
// penal code's "Rechtsanwalt" or "medizinisch notwendig" inside an offence
// about something else.
// It reports whether it limited the element.
func (e *Element) VictimScoped() bool {
	anyFirst := len(e.El.Roles) > 0 && e.El.Roles[0] == standard.RoleAny
	if !anyFirst && (len(e.El.Roles) > 0 || len(e.El.NotRoles) > 0) {
		return false
	}
	prev := e.Filter
	e.Filter = func(h Hit) bool {
		return victimSection(h.Seg) && (prev == nil || prev(h))
	}
	return true
}

// VictimPreferred is VictimScoped for an element whose words are specific
// enough to count anywhere: hits in sections that speak of a victim or a
// child are preferred, and when there is none the element counts hits
// wherever they stand. Compensation, restitution and reparation are
// remedies for a wrong wherever the law puts them (a court that orders the
// offender to "make good the damage" to "the injured party", a claim
// decided by an office whose section names no victim), but where the law
// grants them to victims, that is the provision to quote.
func (e *Element) VictimPreferred() {
	loose := *e
	if !e.VictimScoped() {
		return
	}
	// outside a victim's section, a remedy named as the condition that
	// sets another rule aside ("… is forfeited, unless some person … has
	// a claim to the restitution of such property") is granted by nothing
	prev := loose.Filter
	loose.Filter = func(h Hit) bool {
		return !underNegCondition(h) && (prev == nil || prev(h))
	}
	e.anywhere = &loose
}

// underNegCondition reports whether a word of the lexicon class
// negated-condition ("unless", "without") opens the clause of h before it.
func underNegCondition(h Hit) bool {
	s := h.Seg
	cu := cuesFor(s)
	for k := min(h.I, len(s.Toks)) - 1; k >= 0; k-- {
		if cu.NegCondition[s.Toks[k].Word] {
			return true
		}
		if k > 0 && clauseBreak(s, k-1, k) {
			break
		}
	}
	return false
}

// victimSection reports whether the segment's section (its heading or any
// of its segments) names a victim or a child.
func victimSection(s *index.Segment) bool {
	ix := s.Index()
	if ix == nil || s.Section == nil {
		return true
	}
	cu := cuesFor(s)
	if head := ix.HeadingToks(s.Section); cu.TextVictim.Any(head) || cu.ChildTerms.Any(head) {
		return true
	}
	for _, t := range ix.BySection[s.Section] {
		cu := cuesFor(t)
		if t.Has(cu.TextVictim) || t.Has(cu.ChildTerms) {
			return true
		}
	}
	return false
}

// CompileElement compiles an element's patterns and exclusions.
func CompileElement(el *standard.Element) (*Element, error) {
	e := &Element{El: el}
	for i, r := range el.Roles {
		if r == standard.RoleAny {
			// hits count anywhere, but a first-listed role still ranks
			// first ([procedural, protection, any])
			e.Roles = 0
			break
		}
		if i == 0 {
			e.First = index.Bit(r)
		}
		e.Roles |= index.Bit(r)
	}
	for _, r := range el.Roles {
		if r != standard.RoleAny {
			e.listed |= index.Bit(r)
		}
	}
	for _, r := range el.NotRoles {
		e.NotRoles |= index.Bit(r)
	}
	if len(el.Offence) > 0 {
		e.Filter = OffenceFilter(el.Offence)
	}
	for _, p := range el.Patterns {
		m, err := Compile(p)
		if err != nil {
			return nil, err
		}
		if rm, ok := m.(*regex); ok {
			rm.roles = e.Roles
		}
		if p.Kind == standard.CritCrossRef {
			e.CrossRe = append(e.CrossRe, m)
		} else {
			e.Pats = append(e.Pats, m)
		}
	}
	for _, p := range el.Exclude {
		m, err := Compile(p)
		if err != nil {
			return nil, err
		}
		e.Excl = append(e.Excl, m)
	}
	return e, nil
}

// Result is what an element found: hits usable as evidence, and cross-ref
// hits naming outside laws.
type Result struct {
	Hits  []Hit
	Cross []Hit
}

// Found reports whether the element has evidence.
func (r Result) Found() bool { return len(r.Hits) > 0 }

// maxHits caps the evidence an element keeps: enough to quote and to
// tell evidence resting only on an outside law from evidence that does not.
// Up to maxScan hits are collected first, and the maxHits best-ranked of
// them kept (see Rank), so a statute whose definitions mention a term many
// times before its offence section still yields the offence.
const (
	maxHits = 16
	maxScan = 4 * maxHits
)

// Find runs the element over ix: role-scoped, repealed text skipped,
// excluded segments and negated hits dropped. Hits are in document order;
// at most maxHits are kept.
func (e *Element) Find(ix *index.Index) Result {
	if e.anywhere != nil {
		if r := e.find(ix); r.Found() {
			return r
		}
		return e.anywhere.Find(ix)
	}
	return e.find(ix)
}

func (e *Element) find(ix *index.Index) Result {
	if r, ok := e.findFast(ix); ok {
		r.Hits = e.withFallback(ix, r.Hits)
		return e.finish(ix, r)
	}
	excluded := map[*index.Segment]bool{}
	for _, m := range e.Excl {
		for _, h := range m.Match(ix) {
			excluded[h.Seg] = true
		}
	}
	keep := func(h Hit) bool {
		if h.Seg.Repealed() || excluded[h.Seg] || h.Seg.NonOperative || h.Seg.Advisory {
			return false
		}
		if !e.roleOK(h.Seg.Roles) {
			return false
		}
		return !e.negated(h) && !otherTraffic(h) && !e.definesWord(h) && !acronymHit(h) && (e.Filter == nil || e.Filter(h))
	}
	var r Result
	seen := map[[2]int]bool{}
	for _, m := range e.Pats {
		for _, h := range m.Match(ix) {
			k := [2]int{h.Seg.Ord, h.I}
			if seen[k] || !keep(h) {
				continue
			}
			seen[k] = true
			r.Hits = append(r.Hits, h)
		}
	}
	sortHits(r.Hits)
	r.Hits = e.keepBest(r.Hits)
	r.Hits = e.withFallback(ix, r.Hits)
	return e.finish(ix, r)
}

// withFallback adds the fact or caption hits to hs when hs is empty, or
// when the element proves an offence and no hit of hs sits in a sentence
// that creates one ("Menschenhandel (§ 104a)" in a list of offences
// punished abroad, while § 104a itself names no trafficking word): the
// offence provision is then the better proof, and ranks first.
func (e *Element) withFallback(ix *index.Index, hs []Hit) []Hit {
	if len(hs) == 0 {
		return e.fallbackHits(ix)
	}
	if e.First != offenceBit || (e.El.Fact == "" && !e.El.Caption) {
		return hs
	}
	for _, h := range hs {
		if createsOffence(cuesFor(h.Seg), h.Seg) && !namesByReference(h) {
			return hs
		}
	}
	seen := map[*index.Segment]bool{}
	for _, h := range hs {
		seen[h.Seg] = true
	}
	for _, h := range e.fallbackHits(ix) {
		if !seen[h.Seg] {
			hs = append(hs, h)
		}
	}
	sortHits(hs)
	return hs
}

// namesByReference reports whether a hit names an offence together with
// the provision of the corpus that creates it ("Menschenhandel (§ 104a)"
// in the list of another offence): that provision is the proof.
func namesByReference(h Hit) bool {
	for _, r := range h.Seg.Refs {
		if r.Target == nil || r.Target.Section() == h.Seg.Section {
			continue
		}
		if i, _ := offsetSpan(h.Seg, r.Start, r.Start+1); i >= h.J && i-h.J <= 1 {
			return true
		}
	}
	return false
}

// fallbackHits proves an element that no pattern found by an engine fact
// it names (fact: trafficking-offence) or by a section caption (caption:
// true), in that order.
func (e *Element) fallbackHits(ix *index.Index) []Hit {
	if e.El.Fact == standard.FactTraffickingOffence {
		var out []Hit
		for _, s := range trafficOffenceSegs(ix) {
			if len(out) == maxHits {
				break
			}
			if !e.roleOK(s.Roles) || len(s.Toks) == 0 {
				continue
			}
			out = append(out, Hit{Seg: s, I: 0, J: 1, Term: "(trafficking offence)"})
		}
		if len(out) > 0 {
			return out
		}
	}
	if e.El.Caption {
		return e.headingHits(ix)
	}
	return nil
}

// headingHits finds, for an element marked caption, sections whose heading
// names the element's subject (a keyword pattern matches the heading) when
// no body text does: a German
// "§ 232b Zwangsarbeit" or an English "Forced labour" section states its
// offence in the body without repeating the caption. The hit is the
// section's first segment that holds one of the element's roles and is
// neither repealed, non-operative, advisory nor excluded; it quotes that
// segment's opening words. Sections are taken in document order, at most
// maxHits.
func (e *Element) headingHits(ix *index.Index) []Hit {
	// the subject words: keyword terms, and the terms (not the context
	// words) of near patterns
	var kws []langSets
	for _, m := range e.Pats {
		switch k := m.(type) {
		case *keyword:
			kws = append(kws, k.sets)
		case *near:
			kws = append(kws, k.terms)
		}
	}
	if len(kws) == 0 {
		return nil
	}
	var excluded map[*index.Segment]bool
	var out []Hit
	var last *statute.Provision
	for _, s := range ix.Segments {
		if s.Section == nil || s.Section == last || len(out) >= maxHits {
			continue
		}
		head := ix.HeadingToks(s.Section)
		if len(head) == 0 {
			last = s.Section
			continue
		}
		named := false
		for _, k := range kws {
			if len(k.forLang(segLang(s, k)).Find(head)) > 0 {
				named = true
				break
			}
		}
		if !named {
			last = s.Section
			continue
		}
		if s.Repealed() || s.NonOperative || s.Advisory || len(s.Toks) == 0 || !e.roleOK(s.Roles) {
			continue // try the section's next segment
		}
		if excluded == nil {
			excluded = map[*index.Segment]bool{}
			for _, m := range e.Excl {
				for _, h := range m.Match(ix) {
					excluded[h.Seg] = true
				}
			}
		}
		if excluded[s] {
			continue
		}
		h := Hit{Seg: s, I: 0, J: min(len(s.Toks), 1), Term: "(heading)"}
		if e.Filter != nil && !e.Filter(h) {
			continue
		}
		last = s.Section
		out = append(out, h)
	}
	return out
}

// findFast walks the candidate segments of every pattern in document order
// and stops at maxHits; ok is false when a pattern cannot list candidates.
func (e *Element) findFast(ix *index.Index) (Result, bool) {
	var r Result
	var lists [][]int32
	var pats []segMatcher
	for _, m := range e.Pats {
		sm, ok := m.(segMatcher)
		if !ok {
			return r, false
		}
		pats = append(pats, sm)
		lists = append(lists, sm.candidates(ix)...)
	}
	var excl []segMatcher
	var exclMap map[*index.Segment]bool
	for _, m := range e.Excl {
		if sm, ok := m.(segMatcher); ok {
			excl = append(excl, sm)
			continue
		}
		if exclMap == nil {
			exclMap = map[*index.Segment]bool{}
		}
		for _, h := range m.Match(ix) {
			exclMap[h.Seg] = true
		}
	}
	pos := make([]int, len(lists))
	last := int32(-1)
	var buf []Hit // one segment's hits, reused: they are copied into r.Hits
	for len(r.Hits) < maxScan {
		// the next candidate in document order (k-way merge)
		next := int32(-1)
		for i, l := range lists {
			for pos[i] < len(l) && l[pos[i]] <= last {
				pos[i]++
			}
			if pos[i] < len(l) && (next < 0 || l[pos[i]] < next) {
				next = l[pos[i]]
			}
		}
		if next < 0 {
			break
		}
		last = next
		s := ix.Segments[next]
		if s.Repealed() || s.NonOperative || s.Advisory || !e.roleOK(s.Roles) || exclMap[s] {
			continue
		}
		vetoed := false
		for _, x := range excl {
			if len(x.matchSeg(s)) > 0 {
				vetoed = true
				break
			}
		}
		if vetoed {
			continue
		}
		hs := buf[:0]
		for _, p := range pats {
			for _, h := range p.matchSeg(s) {
				dup := false
				for _, o := range hs {
					if o.I == h.I {
						dup = true
					}
				}
				if !dup && !e.negated(h) && !otherTraffic(h) && !e.definesWord(h) && !acronymHit(h) && (e.Filter == nil || e.Filter(h)) {
					hs = append(hs, h)
				}
			}
		}
		sortHits(hs)
		r.Hits = append(r.Hits, hs...)
		buf = hs[:0]
	}
	r.Hits = e.keepBest(r.Hits)
	return r, true
}

// keepBest keeps the maxHits best-ranked of hs (in document order), the
// first maxScan of them considered.
func (e *Element) keepBest(hs []Hit) []Hit {
	if len(hs) > maxScan {
		hs = hs[:maxScan]
	}
	if len(hs) <= maxHits {
		return hs
	}
	hs = e.Rank(hs)[:maxHits]
	sortHits(hs)
	return hs
}

// Rank returns hs ordered so the best proof comes first: hits in a
// provision holding the element's first-listed role (an offence before a
// definition, for an element listing offence first), then in its other
// roles (for an element of any role, an operative provision before a
// definition); last, hits in a definition of another term that merely
// mentions the words ("Advisory Committee" means the Counter-Trafficking in Persons
// Advisory Committee), and a short-title clause, which prove least;
// document order within each rank.
// hs is not changed.
func (e *Element) Rank(hs []Hit) []Hit {
	out := append([]Hit(nil), hs...)
	if len(out) == 0 {
		return out
	}
	cu := cuesFor(out[0].Seg)
	key := func(h Hit) int {
		switch {
		case h.Seg.Has(cu.CitationCues):
			return 4
		case definesOther(h), victimOf(h), citedCaption(h):
			return 3
		case inCompensation(cu, h), inInformation(cu, h), barred(h):
			return 2
		case e.First != 0 && h.Seg.Roles&e.First == 0:
			return 2
		case e.First == offenceBit && !createsOffence(cu, h.Seg):
			// the offence itself, not a list that names it ("Menschenhandel
			// (§ 104a)" among the offences punished abroad)
			return 2
		case e.First != definitionBit && len(h.Seg.Defines) > 0:
			// any role: the provision that does the thing proves more than
			// the definition that names it ("Fund" means the Fund
			// established by section 22)
			return 1
		}
		return 0
	}
	// an element of the trafficking definition (definition listed first)
	// is best proved inside the trafficking offence or its definition, not
	// by another offence's words ("Gewalt im Sinne von Abs. 1" of a
	// domestic-violence offence)
	defKey := func(h Hit) int {
		if e.First != definitionBit || h.Seg.Section == nil {
			return 0
		}
		if sectionClass(h.Seg.Index(), h.Seg.Section) == OffTrafficking {
			return 0
		}
		return 1
	}
	// keys computed once per hit, not at every comparison; the hits are
	// sorted by position in hs (a small array without pointers), the
	// same stable order as sorting the hits themselves
	type ranked struct {
		def, key, i int32
	}
	rs := make([]ranked, len(out))
	for i, h := range out {
		rs[i] = ranked{int32(defKey(h)), int32(key(h)), int32(i)}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		if c := cmp.Compare(a.def, b.def); c != 0 {
			return c
		}
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		x, y := &hs[a.i], &hs[b.i]
		if x.Seg.Ord != y.Seg.Ord {
			return cmp.Compare(x.Seg.Ord, y.Seg.Ord)
		}
		return cmp.Compare(x.I, y.I)
	})
	for k, r := range rs {
		out[k] = hs[r.i]
	}
	return out
}

var (
	offenceBit    = index.Bit(standard.RoleOffence)
	definitionBit = index.Bit(standard.RoleDefinition)
)

// CreatesOffence reports whether a segment creates an offence or sets its
// penalty (see createsOffence) and defines no term.
func CreatesOffence(s *index.Segment) bool {
	return len(s.Defines) == 0 && s.Roles.Has("offence") && createsOffence(cuesFor(s), s)
}

// CoreOffence returns the first clause that creates the trafficking
// offence with its acts and purpose: three acts or more for exploitation,
// in a sentence that creates an offence or sets its penalty.
func CoreOffence(ix *index.Index) (Hit, bool) {
	for _, s := range trafficOffenceSegs(ix) {
		cu := cuesFor(s)
		if actCount(s) >= 3 && s.Has(cu.ExploitTerms) && CreatesOffence(s) {
			if h, ok := spanOf(s, cu.ActTerms); ok {
				return h, true
			}
		}
	}
	return Hit{}, false
}

// createsOffence reports whether the segment's own sentence creates an
// offence or sets its penalty: an offence formula or a sanction in it, or
// in the lead-in a list item finishes.
func createsOffence(cu *cues, s *index.Segment) bool {
	if s.Has(cu.OffenceWords) || s.Has(cu.SanctionWords) || parentHas(s, cu.OffenceWords) || parentHas(s, cu.SanctionWords) {
		return true
	}
	// a lead-in whose items state the sentence ("Whoever engages in …
	// trafficking in persons shall— (a) on summary conviction— (i) be
	// sentenced to …")
	ix := s.Index()
	return ix != nil && len(s.Prov.Children) > 0 && s.Prov != s.Section && itemsHave(ix, s, cu.SanctionWords)
}

// inCompensation reports whether the hit sits under a heading or a
// list's lead-in on restitution or compensation ("Restitution";
// "restitution must compensate for … (c) costs of … temporary housing")
// without being itself such a word: the costs an offender repays prove
// a victim's assistance or another element less than the provision that
// grants it, while the restitution order itself still proves
// compensation.
func inCompensation(cu *cues, h Hit) bool {
	return underCue(h, cu.CompensationContext, true)
}

// inInformation reports whether the hit is an item of a list of what the
// victim is told ("a victim ... is informed of ... and such information
// shall include (b) proceedings for the return of the victim"), without
// being itself such a word: the victim learns of the return, which the
// provision that organises it proves better.
func inInformation(cu *cues, h Hit) bool {
	return underCue(h, cu.InformationContext, false)
}

// underCue reports whether a phrase of ps stands in the lead-in of the
// hit's list (or, with heading, in its section's heading) while the hit's
// own words hold none.
func underCue(h Hit, ps *index.PhraseSet, heading bool) bool {
	s := h.Seg
	if h.J <= h.I || h.J > len(s.Toks) || ps.Any(s.Toks[h.I:h.J]) {
		return false
	}
	return heading && ps.Any(headToks(s)) || parentHas(s, ps)
}

// victimOf reports whether the hit names what its victim suffered ("a
// victim of sex trafficking", lexicon class victim-of just before it):
// such a clause speaks of the victim, and proves less about the thing
// named than a clause that does it.
func victimOf(h Hit) bool {
	s := h.Seg
	ix := s.Index()
	if ix == nil || h.I > len(s.Toks) {
		return false
	}
	lo := max(0, h.I-3)
	for _, sp := range cuesFor(s).VictimOf.Find(s.Toks[lo:h.I]) {
		if lo+sp.J == h.I {
			return true
		}
	}
	return false
}

// definesWord reports whether a hit of an element that no definition can
// prove (its roles leave the definition out) sits in the definition of
// its own words: '"guardian", in relation to a child, includes any person
// who has the charge of the child' says what the word means, not that a
// guardian is appointed. A definition that refers to the provision doing
// the thing ("the Committee established by section 17") is kept: it names
// where the proof lies, and ranks after it (Rank).
//
// Nor does the definition of trafficking itself prove such an element,
// unless the element is an offence's ("Constitue la traite … le fait de
// recruter" defines and creates it): its "provides the person with
// accommodation" is the trafficker's act, not a victim's shelter.
func (e *Element) definesWord(h Hit) bool {
	return e.Roles != 0 && e.Roles&definitionBit == 0 && len(h.Seg.Defines) > 0 && len(h.Seg.Refs) == 0 &&
		(!definesOther(h) || e.Roles&offenceBit == 0 && definesTrafficking(h.Seg))
}

// citedCaption reports whether the hit lies in the caption a clause gives
// in parentheses to the provisions it cites ("the crimes prescribed under
// Articles 224 through 228 (Kidnapping of Minors; Kidnapping for
// Transportation out of a Country; …)" in a list of crimes punished
// abroad): the words name the cited provision and prove least; the
// provision cited is read where it stands.
func citedCaption(h Hit) bool {
	s := h.Seg
	if len(s.Refs) == 0 || h.I >= len(s.Toks) {
		return false
	}
	p := s.Orig(int(s.Toks[h.I].Start))
	q := strings.LastIndexByte(s.Text[:p], '(')
	if q < 0 || strings.IndexByte(s.Text[q:p], ')') >= 0 {
		return false
	}
	for _, r := range s.Refs {
		// (not an article's own caption after its number, "ARTÍCULO 280
		// ter. (Trata de personas).- El que …" in an amending law)
		if end := r.Start + len(r.Text); r.Start < q && end <= q && q-end <= 16 && !strings.ContainsAny(s.Text[end:q], ".:-") {
			return true
		}
	}
	return false
}

// acronymHit reports whether a one-word hit is an acronym in capitals in a
// text written in lower case: "AIDS" (the disease) is no "aids" (helps).
func acronymHit(h Hit) bool {
	s := h.Seg
	if h.J-h.I != 1 || h.I >= len(s.Toks) {
		return false
	}
	t := s.Toks[h.I]
	a, b := s.Orig(int(t.Start)), s.Orig(int(t.End))
	if b-a < 2 || b > len(s.Text) {
		return false
	}
	for i := a; i < b; i++ {
		if c := s.Text[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	lower, upper := 0, 0
	for i := 0; i < len(s.Text); i++ {
		switch c := s.Text[i]; {
		case c >= 'a' && c <= 'z':
			lower++
		case c >= 'A' && c <= 'Z':
			upper++
		}
	}
	return lower > 2*upper
}

// definesTrafficking reports whether one of the terms a segment defines
// names trafficking ("trafficks", "trafficking in persons").
func definesTrafficking(s *index.Segment) bool {
	return namesTrafficking(cuesFor(s), s.Defines)
}

// namesTrafficking reports whether one of terms names trafficking.
func namesTrafficking(cu *cues, terms []string) bool {
	for _, d := range terms {
		if cu.TraffickTerms.Any(foldToks(d)) {
			return true
		}
	}
	return false
}

// definesOther reports whether the hit sits in a definition of some other
// term: the segment defines terms and the hit's words hold none of them
// ("recruitment" in the definition of "recruitment agency" is another
// term's definition).
func definesOther(h Hit) bool {
	s := h.Seg
	if len(s.Defines) == 0 || h.I >= h.J || h.J > len(s.Toks) {
		return false
	}
	words := make([]string, 0, h.J-h.I)
	for k := h.I; k < h.J; k++ {
		words = append(words, s.Toks[k].Word)
	}
	hit := " " + strings.Join(words, " ") + " "
	for _, d := range s.Defines {
		dd := " " + strings.Join(index.Words(d), " ") + " "
		if strings.Contains(hit, dd) {
			return false
		}
	}
	return true
}

// deferredHits are, when the element found nothing, the pattern hits in
// provisions that hand the point to a law outside the corpus ("En lo
// relativo a la tentativa … se aplicarán las disposiciones del Código
// Penal"): such a provision has no offence role, yet it says the answer
// lies in that law, so the element is undetermined (reading rule 1).
func (e *Element) deferredHits(ix *index.Index) []Hit {
	var out []Hit
	for _, s := range deferringSegs(ix) {
		for _, m := range e.Pats {
			sm, ok := m.(segMatcher)
			if !ok {
				continue
			}
			var hs []Hit
			if n, ok := m.(*near); ok {
				hs = n.matchSegCarers(s, false)
			} else {
				hs = sm.matchSeg(s)
			}
			for _, h := range hs {
				if e.negated(h) {
					continue
				}
				if law := deferredOutside(s, h); law != "" {
					h.Law = law
					out = append(out, h)
					if len(out) == maxHits {
						return out
					}
					break
				}
			}
		}
	}
	return out
}

// deferringSegs are the usable segments that hold a deferral cue and a law
// noun (memoised per index): the only ones deferredHits reads.
func deferringSegs(ix *index.Index) []*index.Segment {
	return ix.Memo(deferringKey{}, func() any {
		var out []*index.Segment
		for _, s := range ix.Segments {
			cu := cuesFor(s)
			if !s.Repealed() && !s.NonOperative && s.Has(cu.DeferCues) && s.Has(cu.LawNoun) {
				out = append(out, s)
			}
		}
		return out
	}).([]*index.Segment)
}

type deferringKey struct{}

// deferredOutside names the law a segment defers to, after the hit: a
// deferral cue ("se aplicarán las disposiciones", "regirán las
// disposiciones", "nach Maßgabe") followed within eight words by a law noun
// (law-noun) that is not this law. "" when there is none.
func deferredOutside(s *index.Segment, h Hit) string {
	cu := cuesFor(s)
	if !s.Has(cu.DeferCues) || !s.Has(cu.LawNoun) {
		return ""
	}
	for _, sp := range cu.DeferCues.Find(s.Toks) {
		if sp.J < h.I-12 {
			continue
		}
		// "Despite the provisions of any other written law, a victim …
		// shall not be criminally liable": the rule overrides that law,
		// it does not defer to it
		if sp.I > 0 && cu.Override.Any(s.Toks[sp.I-1:sp.I]) {
			continue
		}
		if _, law, ok := namedLawAfter(s, cu, sp.J, 10, 8); ok {
			return law
		}
		// the law noun after a list of its articles ("conforme a lo
		// dispuesto en los artículos 125 bis, 127, 140 y 145 ter del Código
		// Penal"): the references name it
		if sp.J < len(s.Toks) {
			at := s.Orig(int(s.Toks[sp.J].Start))
			for _, r := range s.Refs {
				if law := index.OutsideLaw(r, s.Statute); law != "" && r.Start >= at && r.Start-at <= 24 {
					return law
				}
			}
		}
	}
	return ""
}

// namedLawAfter finds a law noun (lexicon class law-noun) among the window
// tokens from at, starting at most maxOff tokens after at, that is neither
// this law nor the law in general; it returns its span and the law's name
// as written (the noun and up to four words after it).
func namedLawAfter(s *index.Segment, cu *cues, at, window, maxOff int) (index.Span, string, bool) {
	for _, ln := range cu.LawNoun.Find(s.Toks[at:min(len(s.Toks), at+window)]) {
		ln.I, ln.J = ln.I+at, ln.J+at
		if ln.I-at > maxOff {
			continue
		}
		if this := cu.ThisAct.Find(s.Toks[max(0, ln.I-2):min(len(s.Toks), ln.J+2)]); len(this) > 0 || unnamedLaw(s, ln) {
			continue
		}
		end := min(len(s.Toks), ln.J+5)
		return ln, s.Text[s.Orig(int(s.Toks[ln.I].Start)):s.Orig(int(s.Toks[end-1].End))], true
	}
	return index.Span{}, "", false
}

// unnamedLaw reports whether the law noun at sp stands alone, its clause
// ending right after it: "dans les cas prévus par la loi, un délit", "as
// provided by law." name the law in general, which includes the corpus,
// not a law outside it.
func unnamedLaw(s *index.Segment, sp index.Span) bool {
	if sp.J-sp.I != 1 {
		return false
	}
	rest := strings.TrimLeft(s.Fold[s.Toks[sp.I].End:], " ")
	return rest == "" || strings.IndexByte(",;.:)", rest[0]) >= 0
}

// finish applies the outside-law rule and the cross-reference patterns.
func (e *Element) finish(ix *index.Index, r Result) Result {
	// Evidence that depends entirely on a law outside the corpus (a term
	// defined by reference to it, or a provision that defers to it) decides
	// nothing: the element is undetermined (reading rule 1).
	if len(r.Hits) > 0 {
		var laws []string
		for _, h := range r.Hits {
			law := externalDependency(ix, h)
			if law == "" {
				laws = nil
				break
			}
			laws = append(laws, law)
		}
		if laws != nil {
			for i := range r.Hits {
				r.Hits[i].Law = laws[i]
			}
			r.Cross = append(r.Cross, r.Hits...)
			r.Hits = nil
		}
	}
	for _, m := range e.CrossRe {
		for _, h := range m.Match(ix) {
			if h.Seg.Repealed() || !e.roleOK(h.Seg.Roles) {
				continue
			}
			r.Cross = append(r.Cross, h)
		}
	}
	if len(r.Hits) == 0 && len(r.Cross) == 0 {
		r.Cross = e.deferredHits(ix)
	}
	sortHits(r.Cross)
	return r
}

// negated is Negated, except for an element whose terms name conduct the
// law prohibits (standard.Element.Prohibits): "must not publish" is its
// protection.
func (e *Element) negated(h Hit) bool {
	if e.El != nil && e.El.Prohibits {
		return false
	}
	return Negated(h) || excepted(h)
}

// excepted reports whether a hit lies in what a definition leaves out:
// after "does not include" in its sentence ("sexual exploitation … does
// not include the taking of images … for the information of health
// professionals"), or in an item of a lead-in ending with it ("does not
// include … if the images are honestly intended— (a) to provide medical
// or health education").
func excepted(h Hit) bool {
	s := h.Seg
	cu := cuesFor(s)
	if s.Has(cu.DefinitionException) {
		for _, x := range cu.DefinitionException.Find(s.Toks) {
			if x.J <= h.I {
				if a, _ := sentenceBounds(s, h.I); a <= x.I {
					return true
				}
			}
		}
	}
	return isItem(s.Prov) && parentHas(s, cu.DefinitionException)
}

// Negated reports whether a hit is negated: a negation word within three
// tokens before it in the same clause ("does not include", "ne … pas",
// "nicht", "kein", "no se"), or a clause opening with "nothing in this".
// A hit whose own words hold a negation was written that way on purpose.
func Negated(h Hit) bool {
	s := h.Seg
	cu := cuesFor(s)
	for k := h.I; k < h.J && k < len(s.Toks); k++ {
		if cu.NegWords[s.Toks[k].Word] {
			return false
		}
	}
	for k := h.I - 1; k >= 0 && k >= h.I-3; k-- {
		if clauseBreak(s, k, k+1) {
			break
		}
		if cu.NegWords[s.Toks[k].Word] {
			// "not less than", "not more than", "no later than" are
			// quantities, not negations of what follows.
			if k+1 < len(s.Toks) && cu.QuantWords[s.Toks[k+1].Word] {
				continue
			}
			// "No person shall enlist a child" prohibits the act (and,
			// with its penalty, makes it an offence); it does not deny it
			if prohibitionAt(cu, s, k) {
				continue
			}
			// "may not return a victim … without giving due consideration to
			// the safety …": a negation with a condition states the safeguard
			if negatedCondition(cu, s, k) {
				continue
			}
			return true
		}
	}
	// "Nothing in this Act …" negates the whole clause.
	start := h.I
	for start > 0 && !clauseBreak(s, start-1, start) {
		start--
	}
	if start+3 < len(s.Toks) {
		for _, sp := range allCues(s).ClauseNegation.Find(s.Toks[start:]) {
			if sp.I == 0 {
				return true
			}
		}
	}
	return false
}

// negatedCondition reports whether the negation at token k is taken back
// by a condition later in its clause ("may not return … without", "ne peut
// … sans", "no podrá … sin", "darf nicht … ohne").
func negatedCondition(cu *cues, s *index.Segment, k int) bool {
	for j := k + 1; j < len(s.Toks) && j <= k+30 && !clauseBreak(s, j-1, j); j++ {
		if cu.NegCondition[s.Toks[j].Word] {
			return true
		}
	}
	return false
}

// barred reports whether the hit lies in a sentence that, before it, denies
// a thing to a person in the passive ("no person shall be extradited …
// where the Government has substantial grounds for believing that a
// request for extradition …"): a ground to refuse the thing, which proves
// it less than the provision that provides it.
func barred(h Hit) bool {
	s := h.Seg
	cu := cuesFor(s)
	if cu.PassiveBar == nil || !s.Has(cu.PassiveBar) {
		return false
	}
	a, _ := sentenceBounds(s, h.I)
	return a < h.I && h.I <= len(s.Toks) && len(cu.PassiveBar.Find(s.Toks[a:h.I])) > 0
}

// prohibitionAt reports whether a prohibition formula ("no person shall",
// "nadie podrá", lexicon class prohibition) starts at token k.
func prohibitionAt(cu *cues, s *index.Segment, k int) bool {
	for _, sp := range cu.Prohibition.Find(s.Toks[k:min(len(s.Toks), k+5)]) {
		if sp.I == 0 {
			return true
		}
	}
	return false
}

// clauseBreak reports whether the folded text between tokens a and b holds
// a clause boundary (; . : or a line break).
func clauseBreak(s *index.Segment, a, b int) bool {
	if a < 0 || b >= len(s.Toks) {
		return true
	}
	between := s.Fold[s.Toks[a].End:s.Toks[b].Start]
	// strings.ContainsAny(between, ";:\n") || strings.Contains(between, ". ")
	// as one loop: between is mostly a single space, and callers walk
	// every gap of a clause
	for i := 0; i < len(between); i++ {
		switch between[i] {
		case ';', ':', '\n':
			return true
		case '.':
			if i+1 < len(between) && between[i+1] == ' ' {
				return true
			}
		}
	}
	return false
}

// externalDependency names the outside law a hit depends on, or "".
func externalDependency(ix *index.Index, h Hit) string {
	cu := cuesFor(h.Seg)
	// a provision that applies only "in the cases provided by" a section the
	// corpus does not contain (reading rule 1)
	if h.Seg.Has(cu.DeferCues) {
		for _, sp := range cu.DeferCues.Find(h.Seg.Toks) {
			for _, r := range h.Seg.Refs {
				if !r.External || r.Target != nil || !strings.HasSuffix(r.Law, "(not in the corpus)") {
					continue
				}
				if i, _ := offsetSpan(h.Seg, r.Start, r.Start+1); i >= sp.J && i-sp.J <= 6 {
					return r.Law
				}
			}
		}
	}
	// an offence named together with the provision that creates it,
	// outside the corpus: "verbotene Adoptionsvermittlung (§ 193a)" in a
	// list of offences; the reference must follow the name at once
	for _, r := range h.Seg.Refs {
		if !r.External || r.Target != nil || !strings.HasSuffix(r.Law, "(not in the corpus)") {
			continue
		}
		if i, _ := offsetSpan(h.Seg, r.Start, r.Start+1); i == h.J {
			return r.Law
		}
	}
	words := make([]string, 0, h.J-h.I)
	for k := h.I; k < h.J && k < len(h.Seg.Toks); k++ {
		words = append(words, h.Seg.Toks[k].Word)
	}
	hit := " " + strings.Join(words, " ") + " "
	terms := make([]string, 0, len(ix.ExtTerms))
	for t := range ix.ExtTerms {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for _, term := range terms {
		if strings.Contains(hit, " "+term+" ") || strings.Contains(" "+term+" ", hit) {
			return ix.ExtTerms[term]
		}
	}
	return ""
}
