package match

import (
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Offence classes of penalty facts (penalty.Row.Offence).
const (
	OffTrafficking = "trafficking"
	OffSale        = "sale_of_children"
	OffForced      = "forced_labour"
	OffRelated     = "related"
)

// Fact is one penalty stated in one offence segment.
type Fact struct {
	Seg     *index.Segment
	Offence string
	Penalty penalty.Penalty
	Hit     Hit // the sanction words, for quoting
}

var ()

// Facts extracts penalty facts from every offence segment of ix, in
// document order. Repealed text is skipped. They are computed once per
// index; each caller gets its own slice.
func Facts(ix *index.Index) []Fact {
	return slices.Clone(ix.Memo(factsKey{}, func() any { return facts(ix) }).([]Fact))
}

type factsKey struct{}

func facts(ix *index.Index) []Fact {
	pl := PenaltyLexicon(ix)
	var out []Fact
	secClass := map[*statute.Provision]string{}
	basicSeen := map[*statute.Provision]bool{}
	statBasic := map[*statute.Statute]map[string]bool{}
	scale := gradeScale(ix, pl)
	grades := offenceScale(ix, pl)
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		if s.Repealed() || !s.Roles.Has("offence") {
			continue
		}
		graded := len(grades) > 0 && s.Has(cu.OffenceDegree)
		if !s.Has(cu.PenaltyWords) && !graded {
			continue
		}
		var ps []penalty.Penalty
		if graded {
			ps = pl.ParseGraded(s.Text, s.Lang, s.Statute.Meta.Country, grades)
		} else {
			ps = segPenalties(pl, s)
		}
		if len(ps) == 0 {
			continue
		}
		cls := classOf(ix, s.Section, secClass, 0)
		if own := classifySegment(s); own != "" && cls == OffRelated {
			cls = own
		}
		// a clause of its own that punishes using a victim's services
		// (an amending article inserting "§ 98d Beschäftigung von Opfern
		// des Menschenhandels" among other text) is related, whatever its
		// article's class
		if cls == OffTrafficking && usesVictimSeg(s) {
			cls = OffRelated
		}
		// The clause's own words tell a child-victim sanction apart from the
		// general one ("… twenty years. Where the offence is committed in
		// relation to a child, … thirty years"): the general one then stays
		// basic, whatever the heading or the section's other items suggest.
		parsedChild := false
		for _, p := range ps {
			parsedChild = parsedChild || p.Variant == penalty.VariantChild
		}
		var segFacts []Fact
		for _, p := range ps {
			// "reclusión mayor en su grado medio": the term of the grade's
			// period, when the corpus states the grade's term
			if r, ok := scale.Resolve(p); ok {
				p = r
			}
			// "wird mit Freiheitsstrafe oder Geldstrafe bestraft": custody
			// whose term the general part sets, or a fine, is a row too; so
			// is a grade of the code's scale whose term the corpus omits
			if !p.HasImprisonment() && !p.FineAlternative && p.Grade == nil {
				continue
			}
			if p.Variant == penalty.VariantLegalPerson || p.Variant == penalty.VariantMitigated {
				continue
			}
			// "(a) on summary conviction, to …; and (b) on conviction on
			// indictment, to …": a summary penalty is its own row when a
			// sibling item states the indictment one
			if p.Variant == penalty.VariantBasic && summaryBesideIndictment(ix, s) {
				p.Variant = penalty.VariantSummary
			}
			// "and upon subsequent conviction, to imprisonment for life", "on
			// summary conviction" beside an indictment penalty: rows of their
			// own, never the basic offence's penalty.
			if p.Variant == penalty.VariantSubsequent || p.Variant == penalty.VariantSummary {
				i, j := offsetSpan(s, p.Start, p.End)
				segFacts = append(segFacts, Fact{Seg: s, Offence: cls, Penalty: p, Hit: Hit{Seg: s, I: i, J: j, Term: PenaltyTerm}})
				continue
			}
			parsed := p.Variant
			// an aggravation clause in an article of its own that takes up
			// an offence already sanctioned ("L'infraction visée à l'article
			// 433quinquies sera punie … :", "Les peines sont portées à … dans
			// les cas suivants :") reads its circumstances as one after the
			// basic row of its own article would
			seen := basicSeen[s.Section] || statBasic[s.Statute][cls] && takesUpOffence(s)
			p.Variant = variantOf(ix, s, p, cls, seen)
			if parsedChild && parsed == penalty.VariantBasic && p.Variant == penalty.VariantChild && cls != OffSale {
				p.Variant = penalty.VariantBasic
			}
			// a later offence whose heading names force, threat or deceit, or
			// calls it aggravated ("Trafficking in persons—aggravated
			// offence"), is the heavier form of an earlier basic offence
			// ("Travail forcé" names forced labour, the offence itself, not
			// force as a means)
			if h := headToks(s); p.Variant == penalty.VariantBasic && statBasic[s.Statute][cls] && (cu.ForceTerms.Any(h) && !cu.HeadForced.Any(h) || cu.HeadAggr.Any(h)) {
				p.Variant = penalty.VariantAggravated
			}
			// an "aggravated" form with the very terms of its section's basic
			// row (a second subsection naming force, punished alike) is no
			// aggravation
			if p.Variant == penalty.VariantAggravated && sameTermsAsBasic(out, segFacts, s.Section, p) {
				p.Variant = penalty.VariantBasic
			}
			if p.Variant == penalty.VariantBasic {
				basicSeen[s.Section] = true
				if statBasic[s.Statute] == nil {
					statBasic[s.Statute] = map[string]bool{}
				}
				statBasic[s.Statute][cls] = true
			}
			i, j := offsetSpan(s, p.Start, p.End)
			segFacts = append(segFacts, Fact{Seg: s, Offence: cls, Penalty: p, Hit: Hit{Seg: s, I: i, J: j, Term: PenaltyTerm}})
		}
		out = append(out, segFacts...)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Seg.Ord < out[b].Seg.Ord })
	splitProcedures(out)
	return out
}

// splitProcedures applies penalty.SplitProcedures to the facts of each
// section: "(a) on summary conviction, …; (b) on conviction on indictment,
// …" are clauses of one offence even when the parser sees them apart.
func splitProcedures(fs []Fact) {
	for a := 0; a < len(fs); {
		b := a + 1
		for b < len(fs) && fs[b].Seg.Section == fs[a].Seg.Section {
			b++
		}
		ps := make([]penalty.Penalty, b-a)
		for k := a; k < b; k++ {
			ps[k-a] = fs[k].Penalty
		}
		penalty.SplitProcedures(ps)
		for k := a; k < b; k++ {
			fs[k].Penalty.Variant = ps[k-a].Variant
		}
		a = b
	}
}

// headingVariant upgrades a basic penalty whose section heading names an
// aggravation (death, organised crime, public official).
func headingVariant(s *index.Segment) penalty.Variant {
	cu := cuesFor(s)
	toks := headToks(s)
	switch {
	case cu.HeadDeath.Any(toks):
		return penalty.VariantDeath
	case cu.HeadOrg.Any(toks):
		return penalty.VariantOrganised
	case cu.HeadOfficial.Any(toks):
		return penalty.VariantOfficial
	}
	return penalty.VariantBasic
}

func headToks(s *index.Segment) []index.Token { return s.HeadToks() }

// classOf decides the offence class of a section (reading rule 3):
// by its heading (sale of children, forced labour, related offences such as
// document or confidentiality offences, trafficking), else by its text
// (trafficking words, or the acts for a purpose of exploitation; forced
// labour words), else by the sections it refers to ("the offence under
// article 225-4-1 is punished …").
// sectionClass is classOf of a section from a fresh start, memoised per
// index: the class of its offence as every check and filter reads it.
func sectionClass(ix *index.Index, sec *statute.Provision) string {
	return ix.Memo(sectionClassKey{sec}, func() any {
		return classOf(ix, sec, map[*statute.Provision]string{}, 0)
	}).(string)
}

type sectionClassKey struct{ sec *statute.Provision }

func classOf(ix *index.Index, sec *statute.Provision, memo map[*statute.Provision]string, depth int) string {
	if c, ok := memo[sec]; ok {
		return c
	}
	memo[sec] = OffRelated // cycle guard
	c := classify(ix, sec, memo, depth)
	memo[sec] = c
	return c
}

// actsForExploitation reports whether a paragraph of the section names
// three of the acts of trafficking and a purpose of exploitation: child
// trafficking captioned with a sale word ("Kinderhandel": "Wer ein Kind zum
// Zweck der Ausbeutung anwirbt, befördert, … aufnimmt").
func actsForExploitation(ix *index.Index, sec *statute.Provision) bool {
	for _, t := range ix.BySection[sec] {
		if actCount(t) >= 3 && t.Has(cuesFor(t).ExploitTerms) {
			return true
		}
	}
	return false
}

func classify(ix *index.Index, sec *statute.Provision, memo map[*statute.Provision]string, depth int) string {
	cu := sectionCues(ix, sec)
	head := ix.HeadingToks(sec)
	switch {
	case cu.HeadSale.Any(head) && !actsForExploitation(ix, sec):
		return OffSale
	case forcedIn(cu, head) && !traffickIn(cu, head):
		return OffForced
	case cu.HeadRelated.Any(head):
		return OffRelated
	case traffickIn(cu, head) && !victimsOnlyIn(cu, head):
		return OffTrafficking
	}
	if usesVictim(ix, sec) || failsToReport(ix, sec) {
		return OffRelated
	}
	acts, purpose, traffick, forced, sale, sellsPerson, exploitsMoved := 0, false, false, false, false, false, false
	// the distinct acts of the section: the same act in two items of a list
	// ("(c) recruter un enfant …; (d) recruter un enfant …") is one act
	var actSeen map[int]bool
	for _, t := range ix.BySection[sec] {
		cu := cuesFor(t)
		if actCount(t) > 0 {
			if actSeen == nil {
				actSeen = map[int]bool{}
			}
			for _, sp := range cu.ActTerms.Find(t.Toks) {
				if !actSeen[sp.Phrase] {
					actSeen[sp.Phrase] = true
					acts++
				}
			}
		}
		purpose = purpose || t.Has(cu.ExploitTerms)
		traffick = traffick || hasTraffick(t) && !victimMentionOnly(t)
		forced = forced || t.Has(cu.HeadForced) && forcedIn(cu, t.Toks)
		// (a payment without a child is no sale of a child: "a cambio de
		// un beneficio económico" in a smuggling offence)
		// ("vend … une personne, adulte ou enfant, comme un bien" sells
		// anyone: no sale of children)
		sale = sale || t.Has(cu.TextSale) && namesChild(t) && !t.Has(cu.AdultTerms)
		// "Quiconque achète ou vend une personne … aux fins
		// d'exploitation": selling anyone for exploitation is trafficking
		sellsPerson = sellsPerson || t.Has(cu.PersonSale) && t.Has(cu.ExploitTerms)
		// "transports … any person … for the purpose of exploiting that
		// person's prostitution": one act done to exploit the person moved
		exploitsMoved = exploitsMoved || actCount(t) > 0 && t.Has(cu.PurposeOfExploiting)
	}
	switch {
	// (a section with the structure of Palermo art. 3, three acts for a
	// purpose of exploitation, is trafficking though it also covers a sale:
	// "Se entiende por tráfico de niños su captación, transporte … Se
	// considera también tráfico la entrega … a cambio de dinero")
	case sale && !traffick && !(acts >= 3 && purpose):
		return OffSale
	case traffick || (acts >= 2 && purpose) || sellsPerson || exploitsMoved:
		return OffTrafficking
	case forced:
		// forced labour or slavery among the circumstances of a sanction
		// clause that takes up the offence of the article before ("La
		// réclusion … est encourue lorsque l'infraction a été commise …:
		// – en cas d'assujettissement de la personne au travail forcé")
		// aggravates that offence
		if depth < 3 && takesUpPrevious(ix, sec) {
			if prev := prevSectionIn(ix, sec); prev != nil && classOf(ix, prev, memo, depth+1) == OffTrafficking {
				return OffTrafficking
			}
		}
		return OffForced
	}
	if depth < 3 {
		best := OffRelated
		for _, t := range ix.BySection[sec] {
			for _, r := range t.Refs {
				// (a body or a procedure a clause refers to, "après avis du
				// Comité prévu à l'article 19", lends no offence, whatever
				// its name says)
				// (nor does a rule of jurisdiction or procedure it makes
				// applicable, "L'art. 7, al. 4 et 5, est applicable", though
				// that rule lists the offences it reaches)
				if r.Target == nil || r.Target.Section() == sec || !offenceLike(ix, r.Target.Section()) || procedureOnly(ix, r.Target.Section()) {
					continue
				}
				if c := classOf(ix, r.Target.Section(), memo, depth+1); classRank[c] > classRank[best] {
					best = c
				}
			}
		}
		if best == OffRelated && takesUpPrevious(ix, sec) {
			// "Lorsque l'infraction est commise à l'égard d'un enfant, la
			// peine est …" after the article creating the offence; "Si
			// como consecuencia de las conductas descritas en este
			// Capítulo resultare la muerte …" takes up the gravest offence
			// of the articles before it in its division
			whole := takesUpDivision(ix, sec)
			for prev := prevSectionIn(ix, sec); prev != nil; prev = prevSectionIn(ix, prev) {
				// (a definition between the offence and its aggravations,
				// "Art. 183 Concepto de niña, niño y adolescente", is
				// passed over)
				if !whole && definitionOnly(ix, prev) {
					continue
				}
				if c := classOf(ix, prev, memo, depth+1); classRank[c] > classRank[best] {
					best = c
				}
				if !whole {
					break
				}
			}
		}
		return best
	}
	return OffRelated
}

// takesUpPrevious reports whether a section is a sanction clause that
// names no offence of its own but takes up "the offence" of the section
// before: a penalty clause with an offence anaphor, no reference, no
// author of an offence of its own ("wer …", "quiconque …").
func takesUpPrevious(ix *index.Index, sec *statute.Provision) bool {
	found := false
	for _, t := range ix.BySection[sec] {
		cu := cuesFor(t)
		// (a "who" in an item of the circumstances a sanction's lead-in
		// lists, "… where: (b) the offender is a public servant who …",
		// names no author of an offence of its own)
		if len(t.Refs) > 0 || t.Has(cu.OffenceSubject) && !(t.Prov != sec && (condLeadIn(cu, sec.Text) || listLeadIn(cu, sec.Text))) || actCount(t) > 0 {
			return false
		}
		if t.Roles.Has("penalty") && (t.Has(cu.OffenceAnaphor) || t.Has(cu.Recidivism)) {
			found = true
		}
	}
	return found
}

// sectionRoles returns the roles of a section's provisions together.
func sectionRoles(ix *index.Index, sec *statute.Provision) index.RoleSet {
	var rs index.RoleSet
	for _, t := range ix.BySection[sec] {
		rs |= t.Roles
	}
	return rs
}

// offenceLike reports whether a section can lend a clause referring to it
// an offence: one of its provisions creates or sanctions an offence or
// defines a term.
func offenceLike(ix *index.Index, sec *statute.Provision) bool {
	rs := sectionRoles(ix, sec)
	return rs.Has("offence") || rs.Has("penalty") || rs.Has("definition")
}

// listsOffencesOnly reports whether a segment of a rule of jurisdiction or
// procedure names offences without their acts (its list of the offences
// it reaches, "traite d'êtres humains (art. 182), contrainte sexuelle
// (art. 189)", defines none of them).
func listsOffencesOnly(ix *index.Index, s *index.Segment) bool {
	return actCount(s) == 0 && procedureOnly(ix, s.Section)
}

// procedureOnly reports whether a section is a rule of jurisdiction or
// procedure that neither states a sanction nor defines a term.
func procedureOnly(ix *index.Index, sec *statute.Provision) bool {
	rs := sectionRoles(ix, sec)
	return rs.Has("procedural") && !rs.Has("definition") && !statesSanction(ix, sec)
}

type sanctionKey struct{ sec *statute.Provision }

type penaltyMemoKey struct{}

// segPenalties is pl.ParseFor over a segment's text, once per segment and
// index: the facts and the jurisdiction-list test read the same
// sanctions. The slice is shared; callers copy a Penalty before changing
// it (ranging by value does).
func segPenalties(pl *penalty.Lexicon, s *index.Segment) []penalty.Penalty {
	return segMemo(s, penaltyMemoKey{}, func() []penalty.Penalty {
		return pl.ParseFor(s.Text, s.Lang, s.Statute.Meta.Country)
	})
}

// statesSanction reports whether a paragraph of the section states a term
// of custody or a fine (once per section).
func statesSanction(ix *index.Index, sec *statute.Provision) bool {
	return ix.Memo(sanctionKey{sec}, func() any {
		pl := PenaltyLexicon(ix)
		for _, t := range ix.BySection[sec] {
			if !t.Has(cuesFor(t).PenaltyWords) {
				continue
			}
			for _, p := range segPenalties(pl, t) {
				if p.HasImprisonment() || p.FineAlternative || p.FineMax != nil || p.Grade != nil {
					return true
				}
			}
		}
		return false
	}).(bool)
}

// definitionOnly reports whether a section defines terms and neither
// creates nor sanctions an offence.
func definitionOnly(ix *index.Index, sec *statute.Provision) bool {
	rs := sectionRoles(ix, sec)
	return rs.Has("definition") && !rs.Has("offence") && !rs.Has("penalty")
}

// takesUpDivision reports whether a sanction clause takes up the offences
// of its whole division ("las conductas descritas en este Capítulo").
func takesUpDivision(ix *index.Index, sec *statute.Provision) bool {
	for _, t := range ix.BySection[sec] {
		if t.Has(cuesFor(t).DivisionAnaphor) {
			return true
		}
	}
	return false
}

// usesVictim reports whether a section's offence is the use of a
// trafficking victim's services (reading rule 3: a related offence, not
// trafficking): an offence that uses services or labour of a person named
// as a victim (of trafficking, or of the offence a reference names), with
// no act of trafficking of its own.
func usesVictim(ix *index.Index, sec *statute.Provision) bool {
	found := false
	for _, t := range ix.BySection[sec] {
		if !t.Roles.Has("offence") {
			continue
		}
		cu := cuesFor(t)
		if actCount(t) > 0 {
			return false
		}
		if usesServices(t) && (t.Has(cu.VictimStatus) || t.Has(cu.TextVictim) && len(t.Refs) > 0) {
			found = true
		}
	}
	return found
}

// usesVictimSeg reports whether a clause punishes using the services of a
// person known to be a victim, with no act of trafficking of its own.
func usesVictimSeg(s *index.Segment) bool {
	cu := cuesFor(s)
	// (a victim of the offences a reference names: "knowing that a person
	// is the victim of any of the offences mentioned in articles 248A and
	// 248B, makes use of the services of that person")
	return actCount(s) == 0 && usesServices(s) && (s.Has(cu.VictimStatus) || s.Has(cu.TextVictim) && len(s.Refs) > 0)
}

// serviceUseGap is the most words service-use-gap lets between its two.
const serviceUseGap = 5

// usesServices reports whether a segment names the use of a person's
// services or labour, also with words between ("recourt sciemment aux
// services", "knowingly uses the services").
func usesServices(s *index.Segment) bool {
	cu := cuesFor(s)
	return s.Has(cu.ServiceUse) || cu.ServiceUseGap.AnyWithGap(s.Toks, serviceUseGap)
}

// failsToReport reports whether a section's offence is a failure to report
// or denounce (reading rule 3: a related offence, whatever offence it is
// about): an offence clause that names the failure, in a section that
// states no act of trafficking.
func failsToReport(ix *index.Index, sec *statute.Provision) bool {
	found := false
	for _, t := range ix.BySection[sec] {
		if actCount(t) > 0 {
			return false
		}
		if t.Roles.Has("offence") && t.Has(cuesFor(t).ReportFailure) {
			found = true
		}
	}
	return found
}

// victimMentionOnly reports whether the trafficking words of t only name
// victims ("victime de traite", "victim of trafficking") in sentences
// that punish nothing, in a segment with no act of trafficking: a
// carrier's duty to report "tout indice laissant supposer qu'un passager
// est victime de traite", beside its fine for landing a passenger
// without papers, is no trafficking offence, nor is hiding the papers of
// "une victime de la traite". A sentence with a penalty and no offender
// of its own keeps the word ("Lorsque la victime de la traite est un
// enfant, la peine est portée à …" aggravates trafficking).
// victimsOnlyIn reports whether every trafficking word of toks (a
// heading) names the victims' status ("Certification of victims of
// trafficking in persons"): the section is about victims, not the offence.
func victimsOnlyIn(cu *cues, toks []index.Token) bool {
	status := cu.VictimStatus.Find(toks)
	if len(status) == 0 {
		return false
	}
	for _, sp := range traffickSpans(cu, toks) {
		if !coveredBy(sp, status) {
			return false
		}
	}
	return true
}

// coveredBy reports whether sp lies inside one of outer.
func coveredBy(sp index.Span, outer []index.Span) bool {
	for _, o := range outer {
		if o.I <= sp.I && sp.J <= o.J {
			return true
		}
	}
	return false
}

func victimMentionOnly(t *index.Segment) bool {
	cu := cuesFor(t)
	if actCount(t) > 0 || !t.Has(cu.VictimStatus) {
		return false
	}
	status := cu.VictimStatus.Find(t.Toks)
	for _, sp := range traffickSpans(cu, t.Toks) {
		if !coveredBy(sp, status) {
			return false
		}
		// (a sentence that punishes keeps the word, unless the clause
		// names an offender of its own: "Quiconque dissimule la pièce
		// d'identité d'une victime de la traite est puni …" punishes
		// another act against the victim)
		a, b := sentenceBounds(t, sp.I)
		if (cu.PenaltyWords.Any(t.Toks[a:b]) || cu.SanctionWords.Any(t.Toks[a:b])) && !cu.OffenceSubject.Any(t.Toks[a:b]) {
			return false
		}
	}
	return true
}

// listLeadIn reports a lead-in that ends by announcing a list of cases ("…
// in any of the following cases:", "… dans les cas suivants :").
func listLeadIn(cu *cues, t string) bool {
	toks := foldToks(strings.TrimRight(strings.TrimSpace(t), ":—–-"))
	if len(toks) > 12 {
		toks = toks[len(toks)-12:]
	}
	return cu.CondList.Any(toks)
}

// condLeadIn reports whether a lead-in ends with a condition that its
// items state ("… under section 3 where—", "… cuando:").
func condLeadIn(cu *cues, t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), ":—–-")
	toks := foldToks(t)
	if len(toks) == 0 {
		return false
	}
	// "… where— (a) …", or a condition shortly before the break that the
	// items complete: "Where … the court is satisfied that the offence was
	// committed— (a) …"
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-12; k-- {
		if cu.CondWords[toks[k].Word] {
			return true
		}
	}

	// or a lead-in that opens with it: "Where a person is convicted … and
	// the court is satisfied that the offence was committed— (a) …"
	return cu.CondWords[toks[0].Word]
}

// refersToTrafficking reports whether the segment refers to a section that
// creates a trafficking offence ("an offence under section 6").
func refersToTrafficking(ix *index.Index, s *index.Segment) bool {
	memo := map[*statute.Provision]string{}
	for _, r := range s.Refs {
		if r.Target != nil && r.Target.Section() != s.Section && classOf(ix, r.Target.Section(), memo, 0) == OffTrafficking {
			return true
		}
	}
	return false
}

// earlierItemsSanction reports whether an item before s under its lead-in
// states a sanction of its own: each item is then a clause of its own
// ("Lorsqu'elles sont commises à l'égard d'un mineur : 1° … sont punies de
// …; 2° … est punie de …"), not a circumstance the last one closes.
func earlierItemsSanction(ix *index.Index, s *index.Segment) bool {
	for _, t := range ix.BySection[s.Section] {
		if t.Prov == s.Prov || t.Prov.Parent != s.Prov.Parent {
			continue
		}
		if t.Ord < s.Ord && t.Has(cuesFor(t).SanctionWords) {
			return true
		}
	}
	return false
}

// lastChild reports whether p is the last child of its parent.
func lastChild(p *statute.Provision) bool {
	sib := p.Parent.Children
	return len(sib) > 1 && sib[len(sib)-1] == p
}

// takesUpOffence reports whether a segment names an offence it does not
// create: a reference to another section, or an offence anaphor ("the
// offence", "les peines prévues"), without an author of its own.
func takesUpOffence(s *index.Segment) bool {
	cu := cuesFor(s)
	if actCount(s) > 0 {
		return false
	}
	if s.Has(cu.OffenceSubject) {
		// "Est puni … quiconque commet la traite des personnes : 1° à
		// l'égard d'un enfant …": the subject commits the offence by its
		// name, stated before
		return s.Has(cu.CommitVerb) && hasTraffick(s)
	}
	if s.Has(cu.OffenceAnaphor) {
		return true
	}
	for _, r := range s.Refs {
		if r.Target != nil && r.Target.Section() != s.Section {
			return true
		}
	}
	return false
}

// prevSection returns the section just before sec under the same parent.
// prevSectionIn is prevSection, also for a section at the top of a
// statute without divisions (its siblings are the statute's roots).
func prevSectionIn(ix *index.Index, sec *statute.Provision) *statute.Provision {
	if sec.Parent != nil {
		return prevSection(sec)
	}
	if segs := ix.BySection[sec]; len(segs) > 0 {
		return prevAmong(segs[0].Statute.Roots, sec)
	}
	return nil
}

func prevSection(sec *statute.Provision) *statute.Provision {
	if sec.Parent == nil {
		return nil
	}
	return prevAmong(sec.Parent.Children, sec)
}

// prevAmong returns the sibling just before sec in sib when it is of the
// same kind.
func prevAmong(sib []*statute.Provision, sec *statute.Provision) *statute.Provision {
	for i, c := range sib {
		if c == sec && i > 0 && sib[i-1].Kind == sec.Kind {
			return sib[i-1]
		}
	}
	return nil
}

var classRank = map[string]int{OffRelated: 0, OffSale: 1, OffForced: 2, OffTrafficking: 3}

func classifySegment(s *index.Segment) string {
	cu := cuesFor(s)
	if s.Has(cu.TextSale) && namesChild(s) {
		return OffSale
	}
	if actCount(s) >= 2 && s.Has(cu.ExploitTerms) {
		return OffTrafficking
	}
	return ""
}

// variantOf settles the variant of a penalty row (gold convention 3): an
// offence whose victim is always a child gives child_victim; in an
// aggravation clause a child circumstance wins, otherwise the first listed
// circumstance decides (circumstances incorporated by reference are read
// as listed); a second, heavier form using force, threat or deceit is
// aggravated.
func variantOf(ix *index.Index, s *index.Segment, p penalty.Penalty, cls string, basicSeen bool) penalty.Variant {
	cu := cuesFor(s)
	v := p.Variant
	if v == "" {
		v = penalty.VariantBasic
	}
	if cls == OffSale {
		return penalty.VariantChild
	}
	for _, a := range p.Aggravations {
		if a == penalty.VariantChild {
			return penalty.VariantChild
		}
	}
	if v == penalty.VariantChild {
		return v
	}
	// a sentence that opens with its own circumstance ("Cuando a
	// consecuencia del delito se produzca la muerte de la víctima, la pena
	// será …") is that circumstance's row, wherever it stands in a list
	// (after a paragraph's label: "Párrafo I.- Si a consecuencia del hecho
	// la víctima falleciere, …")
	// (unless the offence aggravated is itself a child offence: its every
	// aggravation concerns a child, as the gold README has it)
	if k := labelEnd(cu, s.Toks); v != penalty.VariantBasic && v != penalty.VariantAggravated && k < len(s.Toks) && cu.CondWords[s.Toks[k].Word] && !childOffence(ix, s.Section) {
		return v
	}
	if childOnly(cu, headToks(s), "") || childOffence(ix, s.Section) {
		return penalty.VariantChild
	}
	// "A person who commits an offence under subsection (2) is liable …",
	// where subsection (2) is the child offence
	if s.Has(cu.BaseOffenceRefs) {
		for _, r := range s.Refs {
			if r.Target != nil && r.Target.Kind != statute.KindSection && r.Target.Section() == s.Section && r.Target != s.Prov {
				t := r.Target.FullText()
				if childOnly(cu, foldToks(t), index.FoldString(t)) {
					return penalty.VariantChild
				}
			}
		}
	}
	// "quiconque fournit sciemment un local … en vue de la commission de
	// l'infraction prévue à l'article 162", where article 162 is a child
	// offence: an offence that takes up only child offences of other
	// articles, naming no adult victim, protects children too
	if v == penalty.VariantBasic && !s.Has(cu.AdultTerms) && refersOnlyToChildOffences(ix, s) {
		return penalty.VariantChild
	}
	// "A person who commits an offence under section 3 where— (a) … (b) …
	// (c) …, is liable to …": the sanction closes the last circumstance;
	// the circumstances are its siblings under the lead-in
	lastItem := s.Prov != s.Section && s.Prov.Parent != nil && len(s.Prov.Children) == 0 &&
		condLeadIn(cu, s.Prov.Parent.Text) && lastChild(s.Prov) && !earlierItemsSanction(ix, s)
	// a sanction in a lead-in that ends with its condition ("… for life
	// where— (a) the offence results in the death …"), in a clause that
	// takes up an offence already defined: the items are its circumstances
	takesUp := basicSeen || cu.AggravWords.Any(headToks(s)) || refersToTrafficking(ix, s)
	// the sanction printed after the items of its own lead-in ("… where
	// the offence under section 3 is committed— (a) against a child; … (e)
	// …, and is liable on conviction to imprisonment for life")
	tail := false
	if segs := ix.ProvSegs(s.Prov); len(s.Prov.Children) > 0 && len(segs) > 1 && segs[0] != s && (condLeadIn(cu, segs[0].Text) || listLeadIn(cu, segs[0].Text)) {
		tail = true
	}
	// the circumstances listed in the subsection before ("(1) Trafficking
	// in persons shall be severe trafficking in persons where— (a) the
	// victim is a child; …", then "(2) A person convicted of severe
	// trafficking in persons shall be liable …")
	// or listed as "the aggravating circumstances" (or as those of "an
	// aggravated offence") by the subsection before the one that punishes
	// that form ("(1) The following are aggravating circumstances … — (a)
	// the victim is a child; …", "(2) Where any aggravating circumstance is
	// proved …"; "A person who commits an aggravated offence shall be
	// liable …")
	var sibling []*statute.Provision
	if prev := prevSection(s.Prov); prev != nil && s.Prov.Kind == statute.KindSubsection && len(prev.Children) > 0 && len(s.Prov.Children) == 0 {
		pt := foldToks(prev.Text)
		named := cu.AggravWords.Any(pt) && s.Has(cu.AggravWords)
		if (condLeadIn(cu, prev.Text) || named) && !cu.PenaltyWords.Any(pt) && (named || !s.Has(cu.OffenceSubject)) && actCount(s) == 0 {
			sibling = prev.Children
		}
	}
	// or in the subsection after it ("(1) A person who commits an offence
	// under section 3(1) in aggravating circumstances shall … be liable to
	// imprisonment for life. (2) For the purposes of subsection (1),
	// aggravating circumstances exist where— (a) …")
	if sibling == nil && s.Prov.Kind == statute.KindSubsection && len(s.Prov.Children) == 0 && s.Has(cu.AggravWords) {
		if later := laterSiblings(s.Prov); len(later) > 0 && len(later[0].Children) > 0 {
			next := later[0]
			nt := foldToks(next.Text)
			if cu.AggravWords.Any(nt) && condLeadIn(cu, next.Text) && !cu.PenaltyWords.Any(nt) {
				sibling = next.Children
			}
		}
	}
	// the circumstances printed as paragraphs of the sanction's own
	// provision, between its conditional lead-in and the sanction ("2. When
	// the offence … is committed:", "2.1. against a child;", …, "the
	// perpetrator shall be punished by …"), which the parser keeps as one
	// provision
	// (not a sanction that states a condition of its own: "La peine est
	// l'emprisonnement à vie si l'infraction a entraîné la mort")
	if segs := ix.ProvSegs(s.Prov); len(s.Prov.Children) == 0 && len(segs) > 2 && segs[0] != s && (v != penalty.VariantBasic || takesUp) &&
		!hasCondWord(cu, s.Toks) && condLeadIn(cu, segs[0].Text) {
		var paras []string
		for _, sg := range segs[1:] {
			if sg == s {
				break
			}
			paras = append(paras, sg.Text)
		}
		if len(paras) > 0 {
			for _, t := range paras {
				if childCirc(cu, foldToks(t), index.FoldString(t)) {
					return penalty.VariantChild
				}
			}
			return itemVariant(cu, paras[0])
		}
	}
	if v != penalty.VariantBasic || (takesUp && (endsWithCondition(s) || tail || sibling != nil)) || lastItem {
		// the aggravated offence is itself a child offence ("the offence
		// under II of article X", where II concerns minors)
		for _, r := range s.Refs {
			if r.Target != nil && r.Target.Kind != statute.KindSection && cu.ChildTerms.Any(foldToks(r.Target.Text)) {
				return penalty.VariantChild
			}
		}
		items := s.Prov.Children
		// each item's text, without the sanctions the parser joined to it
		var itemTexts []string
		if lastItem {
			items = s.Prov.Parent.Children
		} else {
			// an item followed by a paragraph of its own that states a
			// sanction ends this list (the parser joined the next list's
			// lead-in, or a sanction of its own, to it; the items after it
			// are that list's)
			itemTexts = make([]string, 0, len(items))
			for i, c := range items {
				t, joined := ownItemText(ix, cu, c)
				itemTexts = append(itemTexts, t)
				if joined && i+1 < len(items) {
					items = items[:i+1]
					break
				}
			}
		}
		itemText := func(i int) string {
			if i < len(itemTexts) {
				return itemTexts[i]
			}
			t, _ := ownItemText(ix, cu, items[i])
			return t
		}
		if len(items) == 0 && takesUp && sibling != nil {
			items = sibling
		}
		if len(items) == 0 {
			for _, r := range s.Refs {
				if r.Target != nil && len(r.Target.Children) > 0 && r.Target.Kind != statute.KindSection {
					items = r.Target.Children
					break
				}
			}
		}
		if len(items) == 0 && endsWithCondition(s) {
			// unnumbered items ("- la victime est un enfant …") are the
			// provision's own later paragraphs
			var texts []string
			after := false
			for _, sg := range ix.ProvSegs(s.Prov) {
				if after {
					texts = append(texts, sg.Text)
				}
				after = after || sg == s
			}
			// or, where the lead-in ends the provision (a second list
			// whose lead-in the parser joined to the last item of the
			// first: "3. … por dos o más personas. La pena será … cuando:"),
			// the provisions that follow it under the same parent
			if len(texts) == 0 {
				for _, n := range laterSiblings(s.Prov) {
					texts = append(texts, n.FullText())
				}
			}
			for _, t := range texts {
				if childCirc(cu, foldToks(t), index.FoldString(t)) {
					return penalty.VariantChild
				}
			}
			if len(texts) > 0 {
				return itemVariant(cu, texts[0])
			}
		}
		if len(items) > 0 {
			for i := range items {
				t := itemText(i)
				if childCirc(cu, foldToks(t), index.FoldString(t)) {
					return penalty.VariantChild
				}
			}
			return itemVariant(cu, itemText(0))
		}
		if first := firstCircumstance(s); first != nil && len(p.Aggravations) >= 2 {
			return circumstanceVariant(cu, first)
		}
		return v
	}
	// a paragraph about children whose sanction is a sentence of its own
	if cls == OffTrafficking {
		for _, sg := range ix.BySection[s.Section] {
			if sg.Ord >= s.Ord {
				break // (a later paragraph, such as the definition of exploitation, says nothing of whom this sanction protects)
			}
			if sg.Prov == s.Prov && sg != s {
				if t := strings.TrimSpace(sg.Text); strings.HasSuffix(t, ";") || strings.HasSuffix(t, ",") {
					// a list item the sanction closes ("7) Utilización de
					// personas menores de dieciocho años …;" then "será
					// castigado …"), not a sentence about whom it protects
					break
				}
				if segChildOnly(sg) && (len(sg.Toks) == 0 || !cu.CondWords[sg.Toks[0].Word]) {
					return penalty.VariantChild
				}
				break // only the paragraph's opening sentence says whom it protects
			}
		}
	}
	// a second sanction in one provision: the circumstance stated before it
	if basicSeen {
		for k := len(ix.BySection[s.Section]) - 1; k >= 0; k-- {
			sg := ix.BySection[s.Section][k]
			if sg.Prov != s.Prov || sg.Ord > s.Ord {
				continue
			}
			if first := firstCircumstance(sg); first != nil {
				return circumstanceVariant(cu, first)
			}
			if sg.Ord < s.Ord && sg.Has(cu.PenaltyWords) && sg.Roles.Has("penalty") {
				break
			}
		}
	}
	// an item under a paragraph that states the circumstance ("Where the
	// offences are committed against a minor: 1° …")
	if par := s.Prov.Parent; par != nil && par != s.Section && par.Kind != statute.KindSection && par.Text != "" {
		pt := foldToks(par.Text)
		if len(pt) > 0 && cu.CondWords[pt[0].Word] {
			return circumstanceVariant(cu, pt)
		}
	}
	if basicSeen && (s.Has(cu.ForceTerms) || (len(s.Prov.Children) > 0 && cu.ForceTerms.Any(foldToks(s.Prov.Children[0].FullText())))) {
		return penalty.VariantAggravated
	}
	// a penalty line under an offence that takes up another and names its
	// circumstance ("A person who commits a crime against Section 208C and
	// … causes the death of … the trafficked person is guilty of a crime.",
	// then "Penalty: Imprisonment for life.")
	if prev := prevSegment(ix, s); prev != nil && actCount(s) == 0 && !s.Has(cu.OffenceSubject) && len(s.Toks) <= 12 &&
		refersToTrafficking(ix, prev) {
		if c := circumstanceVariant(cu, prev.Toks); c != penalty.VariantAggravated {
			return c
		}
	}
	return headingVariant(s)
}

// laterSiblings returns the provisions after p under the same parent.
func laterSiblings(p *statute.Provision) []*statute.Provision {
	if p.Parent == nil {
		return nil
	}
	sibs := p.Parent.Children
	for i, c := range sibs {
		if c == p {
			return sibs[i+1:]
		}
	}
	return nil
}

// summaryBesideIndictment reports whether s is a list item stating a
// summary-conviction penalty (and no indictment) whose sibling states the
// penalty on indictment.
func summaryBesideIndictment(ix *index.Index, s *index.Segment) bool {
	cu := cuesFor(s)
	if s.Prov == s.Section || s.Has(cu.Indictment) {
		return false
	}
	item := s.Prov
	if !s.Has(cu.SummaryTrial) {
		// "(a) on summary conviction— (i) be sentenced to …": the procedure
		// is the lead-in of the sanction's list
		p := item.Parent
		if p == nil || p == s.Section || !cu.SummaryTrial.Any(ix.ProvToks(p)) || cu.Indictment.Any(ix.ProvToks(p)) {
			return false
		}
		item = p
	}
	par := item.Parent
	if par == nil {
		return false
	}
	for _, c := range par.Children {
		if c == item {
			continue
		}
		// the sibling or an item under it names the indictment and states
		// a penalty ("(b) on conviction on indictment— (i) be sentenced …")
		ind, pen := false, false
		for _, t := range ix.BySection[s.Section] {
			if t.Prov == c || t.Prov.Within(c) {
				ind = ind || t.Has(cuesFor(t).Indictment)
				pen = pen || t.Has(cuesFor(t).PenaltyWords)
			}
		}
		if ind && pen {
			return true
		}
	}
	return false
}

// ownItemText returns the text of a list item up to the first later
// paragraph of its own that states a sanction ("5. El autor fuere
// funcionario público." then "Cuando la víctima fuere menor … la pena será
// …"), and whether there is such a paragraph; without one, the item's
// whole text.
func ownItemText(ix *index.Index, cu *cues, k *statute.Provision) (string, bool) {
	var own []string
	for j, sg := range ix.ProvSegs(k) {
		if j > 0 && sg.Roles.Has("penalty") && cu.PenaltyWords.Any(sg.Toks) {
			return strings.Join(own, " "), true
		}
		own = append(own, sg.Text)
	}
	return k.FullText(), false
}

// namesChild reports whether s holds a child word that is not the grade
// of a penalty ("prisión menor", "reclusión menor"), memoised.
func namesChild(s *index.Segment) bool {
	cu := cuesFor(s)
	if !s.Has(cu.ChildTerms) {
		return false
	}
	ix := s.Index()
	if ix == nil {
		return childWordIn(cu, s.Toks)
	}
	memo := ix.SegMemo("names-child")
	if memo[s.Ord] == 0 {
		memo[s.Ord] = 1
		if childWordIn(cu, s.Toks) {
			memo[s.Ord] = 2
		}
	}
	return memo[s.Ord] == 2
}

// childWordIn reports a child word in toks not right after a penalty
// noun and not inside a phrase that excludes children.
func childWordIn(cu *cues, toks []index.Token) bool {
	var excluded []index.Span
	if cu.ChildExcluded.Any(toks) {
		excluded = cu.ChildExcluded.Find(toks)
	}
next:
	for _, sp := range cu.ChildTerms.Find(toks) {
		if sp.I > 0 && cu.PenaltyWords.Any(toks[sp.I-1:sp.I]) {
			continue
		}
		// ("any person, not being a child")
		for _, x := range excluded {
			if x.I <= sp.I && sp.J <= x.J {
				continue next
			}
		}
		return true
	}
	return false
}

// childCirc reports whether a circumstance concerns a child: a child word
// or an age under 18.
func childCirc(cu *cues, toks []index.Token, folded string) bool {
	if cu.ChildTerms.Any(toks) && childWordIn(cu, toks) {
		return true
	}
	return folded != "" && cu.AgeCtx.Any(toks) && childAgeIn(cu, folded)
}

// segChildCirc is childCirc for an indexed segment, memoised.
func segChildCirc(s *index.Segment) bool {
	cu := cuesFor(s)
	if namesChild(s) {
		return true
	}
	if s.Fold == "" || !s.Has(cu.AgeCtx) {
		return false
	}
	memo := s.Index().SegMemo("child-age-circ")
	if memo[s.Ord] == 0 {
		memo[s.Ord] = 1
		if childAgeInSeg(s) {
			memo[s.Ord] = 2
		}
	}
	return memo[s.Ord] == 2
}

// childAgeInSeg is childAgeIn over a segment, with its memoised ages.
func childAgeInSeg(s *index.Segment) bool {
	cu := cuesFor(s)
	for _, m := range segAgeMatches(s) {
		if a := parseAge(cu, s.Fold[m[2]:m[3]]); a > 0 && a <= 18 {
			return true
		}
	}
	return false
}

// childAgeIn reports an age of 18 or less in folded text.
func childAgeIn(cu *cues, folded string) bool {
	for _, m := range ageMatches(cu, folded) {
		if a := parseAge(cu, folded[m[2]:m[3]]); a > 0 && a <= 18 {
			return true
		}
	}
	return false
}

// childOnly reports whether text names a child victim (a child word not
// negated, or an age of 18 or less) and no adult victim beside it.
func childOnly(cu *cues, toks []index.Token, folded string) bool {
	if cu.AdultTerms.Any(toks) {
		return false
	}
	return childOnlyFast(cu, toks, folded, nil)
}

// segChildOnly is childOnly for an indexed segment, with memoised
// prefilters.
func segChildOnly(s *index.Segment) bool {
	cu := cuesFor(s)
	if s.Has(cu.AdultTerms) || !(s.Has(cu.ChildStrict) || s.Has(cu.AgeCtx)) {
		return false
	}
	memo := s.Index().SegMemo("child-only")
	if memo[s.Ord] == 0 {
		memo[s.Ord] = 1
		if childOnlyFast(cu, s.Toks, s.Fold, s) {
			memo[s.Ord] = 2
		}
	}
	return memo[s.Ord] == 2
}

// childOnlyFast is childOnly; seg, when not nil, is the segment whose
// tokens and folded text these are (its age matches are memoised).
func childOnlyFast(cu *cues, toks []index.Token, folded string, seg *index.Segment) bool {
	// "reclusión menor", "presidio menor de …": the grade of a penalty
	gradeAt := func(i int) bool {
		return i > 0 && cu.PenaltyWords.Any(toks[i-1:i])
	}
	// "… even where that other person is a child", "any person, including
	// a child": the child is a case the offence also covers
	added := func(i int) bool {
		for k := i - 1; k >= 0 && k >= i-5; k-- {
			if cu.Inclusive[toks[k].Word] {
				return true
			}
		}
		// a concessive phrase earlier in the same clause (no punctuation
		// between the words: their folded offsets are one space apart)
		lo := i
		for lo > 0 && i-lo < 24 && !punctBetween(toks, lo-1, lo) {
			lo--
		}
		return len(cu.Concessive.Find(toks[lo:i])) > 0
	}
	for _, sp := range cu.ChildStrict.Find(toks) {
		if gradeAt(sp.I) || added(sp.I) {
			continue
		}
		neg := false
		for k := sp.I - 1; k >= 0 && k >= sp.I-3; k-- {
			if cu.NegWords[toks[k].Word] {
				neg = true
			}
		}
		if !neg {
			return true
		}
	}
	if folded != "" && cu.AgeCtx.Any(toks) {
		ms := [][]int(nil)
		if seg != nil {
			ms = segAgeMatches(seg)
		} else {
			ms = ageMatches(cu, folded)
		}
		for _, m := range ms {
			if a := parseAge(cu, folded[m[2]:m[3]]); a > 0 && a <= 18 {
				k := sort.Search(len(toks), func(i int) bool { return int(toks[i].Start) >= m[0] })
				if k < len(toks) && gradeAt(k) {
					continue
				}
				return true
			}
		}
	}
	return false
}

// childOffence reports whether a section's offence always has a child
// victim: its first offence sentence names only a child.
func childOffence(ix *index.Index, sec *statute.Provision) bool {
	segs := ix.BySection[sec]
	if len(segs) == 0 {
		return false
	}
	memo := ix.SegMemo("child-offence")
	k := segs[0].Ord
	if memo[k] == 0 {
		memo[k] = 1
		if childOffenceSlow(ix, sec) {
			memo[k] = 2
		}
	}
	return memo[k] == 2
}

// refersOnlyToChildOffences reports whether s refers to offences of other
// sections, every one of them a child offence.
func refersOnlyToChildOffences(ix *index.Index, s *index.Segment) bool {
	n := 0
	for _, r := range s.Refs {
		if r.Target == nil {
			continue
		}
		sec := r.Target.Section()
		if sec == nil || sec == s.Section || sectionClass(ix, sec) == "" {
			continue
		}
		if !childOffence(ix, sec) {
			return false
		}
		n++
	}
	return n > 0
}

func childOffenceSlow(ix *index.Index, sec *statute.Provision) bool {
	for _, sg := range ix.BySection[sec] {
		cu := cuesFor(sg)
		if len(sg.Toks) == 0 {
			continue
		}
		if !(sg.Roles.Has("offence") && (actCount(sg) >= 1 || hasTraffick(sg))) {
			continue
		}
		return !cu.CondWords[sg.Toks[0].Word] && childOnly(cu, firstSentence(sg), "") || childAgeSubject(sg)
	}
	return false
}

// childAgeSubject: "the one who … persons under eighteen years" as the
// object of the offence.
func childAgeSubject(sg *index.Segment) bool {
	cu := cuesFor(sg)
	if sg.Has(cu.AdultTerms) {
		return false
	}
	for _, m := range segAgeMatches(sg) {
		if a := parseAge(cu, sg.Fold[m[2]:m[3]]); a == 18 && m[0] < len(sg.Fold)/2 {
			pre := sg.Fold[max(0, m[0]-20):m[0]] // ("personne âgée de moins de dix-huit ans")
			if holdsAny(pre, allCues(sg).agePerson) {
				return !holdsAny(sg.Fold[:m[0]], allCues(sg).ageCond)
			}
		}
	}
	return false
}

func firstSentence(sg *index.Segment) []index.Token {
	for i := 1; i < len(sg.Toks); i++ {
		if strings.Contains(sg.Fold[sg.Toks[i-1].End:sg.Toks[i].Start], ". ") {
			return sg.Toks[:i]
		}
	}
	return sg.Toks
}

// cutClause returns t up to its first comma or semicolon.
func cutClause(t string) string {
	if i := strings.IndexAny(t, ",;"); i > 0 {
		return t[:i]
	}
	return t
}

func foldToks(t string) []index.Token {
	f, _ := index.FoldSparse(t)
	return index.Tokenize(f)
}

func endsWithCondition(s *index.Segment) bool {
	cu := cuesFor(s)
	t := strings.TrimSpace(s.Text)
	if strings.HasSuffix(t, ":") || strings.HasSuffix(t, "—") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, "–") {
		return true
	}
	if n := len(s.Toks); n > 0 && cu.CondWords[s.Toks[n-1].Word] {
		return true
	}
	return false
}

// firstCircumstance returns the tokens of the first circumstance after the
// first condition word of the segment, up to the next comma, semicolon or
// "or".
func firstCircumstance(s *index.Segment) []index.Token {
	cu := cuesFor(s)
	for i, t := range s.Toks {
		if !cu.CondWords[t.Word] {
			continue
		}
		j := i + 1
		for j < len(s.Toks) {
			if allCues(s).AltWords[s.Toks[j].Word] {
				break
			}
			if strings.ContainsAny(s.Fold[s.Toks[j-1].End:s.Toks[j].Start], ",;") {
				break
			}
			j++
		}
		return s.Toks[i+1 : j]
	}
	return nil
}

// labelEnd returns the index of the first token after a paragraph's label
// at the start of toks ("Párrafo I.-", "Paragraph 2"), 0 when there is none.
func labelEnd(cu *cues, toks []index.Token) int {
	if len(toks) == 0 || !cu.ParaLabel[toks[0].Word] {
		return 0
	}
	if len(toks) > 1 && isParaNumber(toks[1].Word) {
		return 2
	}
	return 1
}

// isParaNumber reports a paragraph number: digits or a Roman numeral.
func isParaNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if !(c >= '0' && c <= '9') && !strings.ContainsRune("ivxlc", c) {
			return false
		}
	}
	return true
}

// hasCondWord reports a word that opens a condition among toks.
func hasCondWord(cu *cues, toks []index.Token) bool {
	for _, t := range toks {
		if cu.CondWords[t.Word] {
			return true
		}
	}
	return false
}

// itemVariant is the variant of the first item of a list of
// circumstances: its first clause, or death where the item names the
// victim's death beside an injury ("(a) the offence causes serious harm
// to, or the death of, the trafficked person;": an injury-or-death item is
// the death variant, as the gold README has it).
func itemVariant(cu *cues, t string) penalty.Variant {
	v := circumstanceVariant(cu, foldToks(cutClause(t)))
	if v == penalty.VariantAggravated {
		whole, _, _ := strings.Cut(t, ";")
		if cu.HeadDeath.Any(foldToks(whole)) || cu.DeathText.Any(foldToks(whole)) {
			return penalty.VariantDeath
		}
	}
	return v
}

func circumstanceVariant(cu *cues, toks []index.Token) penalty.Variant {
	switch {
	case cu.ChildTerms.Any(toks):
		return penalty.VariantChild
	case cu.HeadDeath.Any(toks) || cu.DeathText.Any(toks):
		return penalty.VariantDeath
	case cu.HeadOrg.Any(toks) || cu.CircOrg.Any(toks):
		return penalty.VariantOrganised
	case cu.HeadOfficial.Any(toks) || cu.CircOfficial.Any(toks):
		return penalty.VariantOfficial
	}
	return penalty.VariantAggravated
}

// FoldLower folds s like the index does.
func FoldLower(s string) string { return index.FoldString(s) }

// actCount is the number of distinct phrases of the class act in s,
// memoised per segment: the checks ask it of the same segments many times,
// and a segment without an act word (most) is answered by the index's bit
// set.
func actCount(s *index.Segment) int {
	cu := cuesFor(s)
	if !s.Has(cu.ActTerms) {
		return 0
	}
	ix := s.Index()
	if ix == nil {
		return countDistinct(cu.ActTerms, s.Toks)
	}
	memo := ix.SegMemo("act-count")
	if memo[s.Ord] == 0 {
		// capped to fit the memo (a lexicon overlay may grow the class);
		// the checks compare the count with 1, 2 or 3 only
		memo[s.Ord] = int8(min(countDistinct(cu.ActTerms, s.Toks), 126)) + 1
	}
	return int(memo[s.Ord]) - 1
}

func countDistinct(ps *index.PhraseSet, toks []index.Token) int {
	spans := ps.Find(toks)
	if ps.Len() <= 64 { // the usual case: a bit set, no map
		var seen uint64
		for _, sp := range spans {
			seen |= 1 << uint(sp.Phrase)
		}
		return bits.OnesCount64(seen)
	}
	seen := map[int]bool{}
	for _, sp := range spans {
		seen[sp.Phrase] = true
	}
	return len(seen)
}

// offsetSpan converts original byte offsets to a token range.
func offsetSpan(s *index.Segment, a, b int) (int, int) {
	i := sort.Search(len(s.Toks), func(k int) bool { return s.Orig(int(s.Toks[k].End)) > a })
	j := sort.Search(len(s.Toks), func(k int) bool { return s.Orig(int(s.Toks[k].Start)) >= b })
	if i >= len(s.Toks) {
		i = max(0, len(s.Toks)-1)
	}
	if j <= i {
		j = min(i+1, len(s.Toks))
	}
	return i, j
}

// traffickingTitle reports whether a statute's title names trafficking in
// persons.
func traffickingTitle(ix *index.Index, st *statute.Statute) bool {
	return ix.Memo(traffickingTitleKey{st}, func() any {
		for _, t := range []string{st.Meta.Title, st.Meta.ShortTitle, st.Title} {
			if t != "" && traffickIn(cuesOf(ix), foldToks(t)) {
				return true
			}
		}
		return false
	}).(bool)
}

type traffickingTitleKey struct{ st *statute.Statute }

// SiblingReachesTrafficking reports whether a subsection that names no
// offence of its own takes its scope from an earlier subsection of its
// section that reaches the trafficking offences: "(1) Where an offence under
// this Act is committed by a company, … (2) The company itself shall also
// be liable to a fine" is one rule in two subsections; "(5) A person who
// commits an offence under this section is liable …" is its own section's.
func SiblingReachesTrafficking(ix *index.Index, s *index.Segment) bool {
	// (items of a definitions list are each their own term's)
	if s.Prov == s.Section || s.Has(cuesFor(s).OffenceNoun) || len(s.Defines) > 0 {
		return false
	}
	for _, t := range ix.BySection[s.Section] {
		if t == s {
			return false
		}
		if t.Prov != s.Section && t.Prov.Parent == s.Prov.Parent && ReachesTrafficking(ix, t) {
			return true
		}
	}
	return false
}

// InTraffickingScope is the test of reading rule 7 for a provision that
// counts only where it reaches the trafficking offences: it does, or an
// earlier subsection of its section does for it.
func InTraffickingScope(ix *index.Index, s *index.Segment) bool {
	return ReachesTrafficking(ix, s) || SiblingReachesTrafficking(ix, s)
}

// ReachesTrafficking reports whether a provision applies to the trafficking
// offences: it sits in a trafficking section, names trafficking, or covers
// "offences under this Act" of a statute that has a trafficking offence.
func ReachesTrafficking(ix *index.Index, s *index.Segment) bool {
	cu := cuesFor(s)
	memo := map[*statute.Provision]string{}
	if classOf(ix, s.Section, memo, 0) == OffTrafficking || hasTraffick(s) {
		return true
	}
	for _, r := range s.Refs {
		if r.Target != nil && classOf(ix, r.Target.Section(), memo, 0) == OffTrafficking {
			return true
		}
	}
	// "this Act", or a general rule naming offences generically ("las
	// personas jurídicas serán responsables de los delitos cometidos …"),
	// reaches every offence of a statute that has a trafficking offence
	if (s.Has(cu.ThisAct) || s.Has(cu.NonPunishmentBroad) && !sectionIsOffence(ix, s.Section)) && !s.Has(cu.SectionOnly) {
		for _, t := range ix.Segments {
			if t.Statute == s.Statute && t.Roles.Has("offence") && classOf(ix, t.Section, memo, 0) == OffTrafficking {
				return true
			}
		}
	}
	// A definition reaches the offence that uses its term: "exploitation"
	// defined in an interpretation section is the exploitation the
	// trafficking offence speaks of, though the definition names no offence;
	// so does a term the definition of trafficking uses ("la traite … aux
	// fins d'exploitation", then "l'exploitation comprend …").
	for _, term := range s.Defines {
		if len(term) < 3 {
			continue
		}
		for _, t := range ix.Segments {
			if t == s || t.Statute != s.Statute || !containsWord(t.Fold, term) {
				continue
			}
			if len(t.Defines) > 0 {
				if t.Roles.Has("definition") && hasTraffick(t) && !definesTerm(t, term) {
					return true
				}
				continue
			}
			if t.Roles.Has("offence") && classOf(ix, t.Section, memo, 0) == OffTrafficking {
				return true
			}
		}
	}
	// an item of a definition's list ("se entiende por explotación:" then
	// "I. …", "II. …") reaches what its lead-in's term reaches
	if s.Roles.Has("definition") && len(s.Defines) == 0 {
		for p := s.Prov.Parent; p != nil && s.Section != nil && p != s.Section.Parent; p = p.Parent {
			for _, t := range ix.ProvSegs(p) {
				if len(t.Defines) > 0 && t != s && ReachesTrafficking(ix, t) {
					return true
				}
			}
		}
	}
	// a list item reaches what its lead-in reaches ("Where an offence under
	// this Act is committed by a body of persons, if the body of persons
	// is— (a) a body corporate, every director … shall be deemed to have
	// committed that offence")
	if isItem(s.Prov) && s.Prov.Parent != nil && s.Prov != s.Section {
		for _, t := range ix.ProvSegs(s.Prov.Parent) {
			if t != s && len(t.Defines) == 0 && (t.Has(cu.ThisAct) || hasTraffick(t)) && !t.Has(cu.SectionOnly) && ReachesTrafficking(ix, t) {
				return true
			}
		}
	}
	// every provision of a law about trafficking serves it ("Loi relative
	// à la lutte contre le trafic et la traite des enfants": its article on
	// legal persons speaks of "les infractions" of that law)
	// (not a clause confined to its own section: "an offence under this
	// section" of a confidentiality offence)
	if traffickingTitle(ix, s.Statute) && !s.Has(cu.SectionOnly) && !classSection(ix, s) {
		return true
	}
	return false
}

// classSection reports whether the segment's section is an offence of
// another class than trafficking (a related offence of the same law).
func classSection(ix *index.Index, s *index.Segment) bool {
	memo := map[*statute.Provision]string{}
	return sectionIsOffence(ix, s.Section) && classOf(ix, s.Section, memo, 0) != OffTrafficking
}

// sectionIsOffence reports whether a section creates an offence.
func sectionIsOffence(ix *index.Index, sec *statute.Provision) bool {
	for _, t := range ix.BySection[sec] {
		if t.Roles.Has("offence") {
			return true
		}
	}
	return false
}

// definesTerm reports whether the segment defines term.
func definesTerm(s *index.Segment, term string) bool {
	for _, d := range s.Defines {
		if d == term {
			return true
		}
	}
	return false
}

// containsWord reports whether folded text holds term as whole words.
func containsWord(text, term string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], term)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(term)
		if (a == 0 || !isWordByte(text[a-1])) && (b == len(text) || !isWordByte(text[b])) {
			return true
		}
		i = a + 1
	}
}

// gradeScale reads the terms a code's general part gives the grades of its
// scale of penalties ("La reclusión mayor dura de cinco años y un día a
// veinte años", "The penalty of prision mayor shall be from six years and
// one day to twelve years"), from every provision in force.
func gradeScale(ix *index.Index, pl *penalty.Lexicon) penalty.Scale {
	sc := penalty.Scale{}
	// grade words are read in every language, as the penalty parser reads
	// them ("prision mayor" in an English code): a segment without one
	// gives the scale nothing and is not parsed twice
	grade := langCuesOf(ix.Lex).union.GradeQualifier
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		if s.Repealed() || !s.Has(grade) || !s.Has(cu.PenaltyWords) {
			continue
		}
		// a table of the periods of a grade ("En la reclusión mayor, el
		// grado mínimo va de … a …; el grado medio, de … a …")
		pl.LearnPeriods(sc, s.Text, s.Lang)
		// the duration word in the segment, or in the lead-in of the list
		// the segment is an item of
		if !s.Has(cu.GradeDuration) {
			par := s.Prov.Parent
			if par == nil || s.Prov == s.Section || !cu.GradeDuration.Any(foldToks(par.Text)) {
				continue
			}
		}
		for _, p := range pl.ParseFor(s.Text, s.Lang, s.Statute.Meta.Country) {
			sc.Learn(p)
		}
	}
	return sc
}

// offenceScale reads the sanction a code's general part gives each grade of
// offence ("An individual adjudged guilty of a felony of the first degree
// shall be punished by …", "Delito grave de segundo grado: conlleva una
// pena de reclusión …"), for the offences that state only their grade.
func offenceScale(ix *index.Index, pl *penalty.Lexicon) penalty.OffenceScale {
	sc := penalty.OffenceScale{}
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		if s.Repealed() || !s.Has(cu.OffenceDegree) {
			continue
		}
		// an item of a list whose lead-in names the custody ("the term of
		// imprisonment for: (b) a felony of the second degree shall be …")
		// is read after its lead-in
		text := s.Text
		if par := s.Prov.Parent; par != nil && s.Prov != s.Section && par.Text != "" && cu.PenaltyWords.Any(foldToks(par.Text)) {
			text = par.Text + " " + s.Text
		} else if !s.Has(cu.PenaltyWords) {
			continue
		}
		pl.LearnGrades(sc, text, s.Lang, s.Statute.Meta.Country)
	}
	return sc
}

// sameTermsAsBasic reports whether a basic row of section sec, among the
// facts so far, states the same custodial terms as p.
func sameTermsAsBasic(out, seg []Fact, sec *statute.Provision, p penalty.Penalty) bool {
	eq := func(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
	for _, fs := range [][]Fact{out, seg} {
		for _, f := range fs {
			q := f.Penalty
			if f.Seg.Section == sec && q.Variant == penalty.VariantBasic && q.HasImprisonment() &&
				eq(q.MinMonths, p.MinMonths) && eq(q.MaxMonths, p.MaxMonths) && q.Life == p.Life {
				return true
			}
		}
	}
	return false
}

// forcedIn reports whether toks name forced labour or servitude other than
// inside the name of a penalty ("puni de la servitude pénale de cinq à dix
// ans", "des travaux forcés à temps").
func forcedIn(cu *cues, toks []index.Token) bool {
	pen := cu.PenaltyWords.Find(toks)
	for _, f := range cu.HeadForced.Find(toks) {
		inPenalty := false
		for _, p := range pen {
			if p.I <= f.I && f.J <= p.J {
				inPenalty = true
				break
			}
		}
		if !inPenalty {
			return true
		}
	}
	return false
}

// prevSegment is the segment just before s in its section, or nil.
func prevSegment(ix *index.Index, s *index.Segment) *index.Segment {
	var prev *index.Segment
	for _, sg := range ix.BySection[s.Section] {
		if sg == s {
			return prev
		}
		prev = sg
	}
	return nil
}

type generalCodeKey struct{}

// GeneralCode reports whether st, within ix, is a general code rather
// than a law about trafficking: many offence sections, few of them
// trafficking, sale of children or forced labour (a whole penal code).
// A measure in such a code (assistance, campaigns, bodies) concerns the
// victims and offences it is written for, which are mostly others.
func GeneralCode(ix *index.Index, st *statute.Statute) bool {
	m := ix.Memo(generalCodeKey{}, func() any {
		total := map[*statute.Statute]int{}
		traf := map[*statute.Statute]int{}
		seen := map[*statute.Provision]bool{}
		for _, s := range ix.Segments {
			if !s.Roles.Has("offence") || seen[s.Section] || s.Repealed() {
				continue
			}
			seen[s.Section] = true
			total[s.Statute]++
			if sectionClass(ix, s.Section) != OffRelated {
				traf[s.Statute]++
			}
		}
		out := map[*statute.Statute]bool{}
		for st, n := range total {
			out[st] = n >= generalCodeSections && traf[st]*generalCodeShare < n
		}
		return out
	}).(map[*statute.Statute]bool)
	return m[st]
}

// generalCodeSections and generalCodeShare: a general code has at least
// this many offence sections, and fewer than one in generalCodeShare of
// them is a trafficking, sale or forced-labour offence.
const (
	generalCodeSections = 40
	generalCodeShare    = 8
)
