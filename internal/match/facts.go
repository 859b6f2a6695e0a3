package match

import (
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/penalty"
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

var (
	headRelated = index.NewPhraseSet([]string{"document*", "confidential*", "privacy", "disclos*", "publication",
		"publish*", "obstruct*", "interfer*", "misrepresent*", "false", "use of services", "services of",
		"benefit*", "pornograph*", "unlawful conduct", "identity", "passport*", "papers", "destruction",
		"withholding", "retaliation", "witness", "tampering", "fees", "documents", "documentos", "papiere",
		"information", "record*", "report*", "failure", "failing", "advertis*", "publicidad", "publicite",
		"financial", "money", "laundering", "blanqueo", "travel"})
	headSale   = index.NewPhraseSet([]string{"sale of child*", "sale of a child", "selling of child*", "sale of person*", "sale of minor*", "venta de nin*", "venta de menor*", "vente d enfant*", "kinderhandel", "buying", "selling"})
	headForced = index.NewPhraseSet([]string{"forced labo*", "compulsory labo*", "zwangsarbeit", "travail force", "travail forcé",
		"trabajo forzoso", "trabajos forzados", "servidumbre", "servitude", "slavery", "esclavage", "esclavitud",
		"sklaverei", "peonage", "ausbeutung der arbeitskraft", "reduction en", "involuntary servitude", "forced service*",
		"servidumbre", "labour exploitation", "labor exploitation", "explotacion laboral"})
	textSale = index.NewPhraseSet([]string{"sells a child", "sell a child", "sells or buys", "buys or sells", "sale of a child",
		"sale of children", "venta de un nino", "venta de nino*", "vende un nino", "vend un enfant", "verkauft ein kind",
		"offers, delivers or accepts", "delivers or accepts"})
)

// Facts extracts penalty facts from every offence segment of ix, in
// document order. Repealed text is skipped.
func Facts(ix *index.Index) []Fact {
	var out []Fact
	secClass := map[any]string{}
	for _, s := range ix.Segments {
		if s.Repealed() || !s.Roles.Has("offence") {
			continue
		}
		if !penaltyWords.Any(s.Toks) {
			continue
		}
		ps := penalty.ParseFor(s.Text, s.Lang, s.Statute.Meta.Country)
		if len(ps) == 0 {
			continue
		}
		cls, ok := secClass[s.Section]
		if !ok {
			cls = classify(ix, s)
			secClass[s.Section] = cls
		}
		if own := classifySegment(s); own != "" && cls == OffRelated {
			cls = own
		}
		var segFacts []Fact
		prevEnd := 0
		for _, p := range ps {
			// "and upon subsequent conviction, to imprisonment for life": a
			// recidivism clause widens the row before it, not a row of its own.
			if len(segFacts) > 0 && recidivism(s.Text, prevEnd, p.Start) {
				last := &segFacts[len(segFacts)-1].Penalty
				last.Life = last.Life || p.Life
				if p.MaxMonths != nil && (last.MaxMonths == nil || *p.MaxMonths > *last.MaxMonths) && last.MaxMonths != nil {
					last.MaxMonths = p.MaxMonths
				}
				prevEnd = p.End
				continue
			}
			prevEnd = p.End
			if !p.HasImprisonment() {
				continue
			}
			if p.Variant == penalty.VariantLegalPerson || p.Variant == penalty.VariantMitigated {
				continue
			}
			if p.Variant == "" {
				p.Variant = penalty.VariantBasic
			}
			if p.Variant == penalty.VariantBasic {
				p.Variant = headingVariant(s)
				// a child-trafficking offence is itself the child variant
				if p.Variant == penalty.VariantBasic && cls == OffTrafficking && childTerms.Any(headToks(s)) {
					p.Variant = penalty.VariantChild
				}
			}
			i, j := offsetSpan(s, p.Start, p.End)
			segFacts = append(segFacts, Fact{Seg: s, Offence: cls, Penalty: p, Hit: Hit{Seg: s, I: i, J: j, Term: "penalty"}})
		}
		out = append(out, segFacts...)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Seg.Ord < out[b].Seg.Ord })
	return out
}

var penaltyWords = index.NewPhraseSet([]string{"imprison*", "prison", "fine", "fined", "emprisonnement", "amende",
	"reclusion", "freiheitsstrafe", "geldstrafe", "prision", "multa", "life", "years", "ans", "jahren", "anos",
	"months", "mois", "monaten", "meses", "penalty", "peine", "pena"})

var (
	headDeath    = index.NewPhraseSet([]string{"death", "dies", "mort", "deces", "tod", "todes", "muerte", "fallecimiento"})
	headOrg      = index.NewPhraseSet([]string{"organized crim*", "organised crim*", "organized group", "organised group", "bande organisee", "bande", "banden*", "organizacion", "organizacion criminal", "grupo criminal"})
	headOfficial = index.NewPhraseSet([]string{"public official*", "public officer*", "public servant*", "funcionario*", "amtstrager", "personne depositaire"})
)

// headingVariant upgrades a basic penalty whose section heading names an
// aggravation (death, organised crime, public official).
func headingVariant(s *index.Segment) penalty.Variant {
	toks := headToks(s)
	switch {
	case headDeath.Any(toks):
		return penalty.VariantDeath
	case headOrg.Any(toks):
		return penalty.VariantOrganised
	case headOfficial.Any(toks):
		return penalty.VariantOfficial
	}
	return penalty.VariantBasic
}

func headToks(s *index.Segment) []index.Token {
	if s.Section == nil || s.Section.Heading == "" {
		return nil
	}
	f, m := index.Fold(s.Section.Heading)
	return index.Tokenize(f, m)
}

// classify decides the offence class of a section (reading rule 3):
// trafficking when its heading names trafficking (and not a document,
// confidentiality or similar related offence) or its text has the acts for
// a purpose of exploitation.
func classify(ix *index.Index, s *index.Segment) string {
	head := headToks(s)
	if headSale.Any(head) {
		return OffSale
	}
	if headRelated.Any(head) {
		return OffRelated
	}
	if traffickTerms.Any(head) {
		return OffTrafficking
	}
	if headForced.Any(head) {
		return OffForced
	}
	// no telling heading: look at the section's text
	acts, purpose, traffick := 0, false, false
	for _, t := range ix.BySection[s.Section] {
		acts += countDistinct(actTerms, t.Toks)
		purpose = purpose || exploitTerms.Any(t.Toks)
		traffick = traffick || traffickTerms.Any(t.Toks)
	}
	if (acts >= 2 && purpose) || traffick {
		return OffTrafficking
	}
	return OffRelated
}

var recidCues = []string{"subsequent conviction", "second or subsequent", "second conviction", "repeat", "recidiv",
	"recidive", "récidive", "ruckfall", "rückfall", "wiederholt", "reincidencia", "reincidente"}

// recidivism reports whether the text between two sanctions introduces a
// repeat-offence penalty.
func recidivism(text string, a, b int) bool {
	if a < 0 || b > len(text) || a >= b {
		return false
	}
	t := FoldLower(text[a:b])
	for _, c := range recidCues {
		if strings.Contains(t, c) {
			return true
		}
	}
	return false
}

// FoldLower folds s like the index does.
func FoldLower(s string) string { return index.FoldString(s) }

func classifySegment(s *index.Segment) string {
	if textSale.Any(s.Toks) {
		return OffSale
	}
	if countDistinct(actTerms, s.Toks) >= 2 && exploitTerms.Any(s.Toks) {
		return OffTrafficking
	}
	return ""
}

func countDistinct(ps *index.PhraseSet, toks []index.Token) int {
	seen := map[int]bool{}
	for _, sp := range ps.Find(toks) {
		seen[sp.Phrase] = true
	}
	return len(seen)
}

// offsetSpan converts original byte offsets to a token range.
func offsetSpan(s *index.Segment, a, b int) (int, int) {
	i := sort.Search(len(s.Toks), func(k int) bool { return int(s.Toks[k].OEnd) > a })
	j := sort.Search(len(s.Toks), func(k int) bool { return int(s.Toks[k].OStart) >= b })
	if i >= len(s.Toks) {
		i = max(0, len(s.Toks)-1)
	}
	if j <= i {
		j = min(i+1, len(s.Toks))
	}
	return i, j
}
