package penalty

import (
	"math"
)

// Offence is the kind of conduct an offence provision penalises.
type Offence string

const (
	OffenceTrafficking    Offence = "trafficking"
	OffenceSaleOfChildren Offence = "sale_of_children"
	OffenceForcedLabour   Offence = "forced_labour"
	OffenceRelated        Offence = "related"
)

// Classify guesses what conduct a provision's text penalises. It is a
// heuristic over folded words in any of en, fr, de, es (lang narrows the
// number words only):
//
//   - trafficking: the text names trafficking in persons ("traffics",
//     "trafficking in persons", "traite des êtres humains", "trata de
//     personas", "Menschenhandel"), or it combines at least two of the
//     Palermo acts (recruit, transport, transfer, harbour, receive and their
//     equivalents) with a purpose of exploitation;
//   - sale_of_children: selling, buying or handing over a child ("sells a
//     child", "Kinderhandel", "vente d'enfant", "venta de niños");
//   - forced_labour: forced or compulsory labour, slavery, servitude,
//     peonage or debt bondage as the conduct;
//   - related: anything else (documents, profiting, obstruction, use of
//     services …), and any text about travel or identity documents,
//     profits or benefits, or disclosure that names fewer than two of the
//     Palermo acts, even when it names trafficking as the purpose.
//
// Reading rule 3 of the core requirements leaves the final call to the
// engine, which also sees headings and definitions.
func (lx *Lexicon) Classify(text, lang string) Offence {
	toks := lx.tokenize(text, nil)
	acts := map[int]bool{}
	var child, sell, exploit bool
	for _, t := range toks {
		if t.kind != tWord {
			continue
		}
		w := t.s
		child = child || lx.childVictim.has(w) || lx.minorNoun.has(w)
		sell = sell || lx.sell.has(w)
		exploit = exploit || lx.exploit.has(w)
		for i, a := range lx.acts {
			if a.has(w) {
				acts[i] = true
				break
			}
		}
	}
	traffic := lx.traffic.in(toks)
	sale := lx.childSale.in(toks) || sell && child
	forced := lx.forced.in(toks)
	sideConduct := lx.side.in(toks)
	switch {
	case sideConduct && len(acts) < 2:
		// documents, profits, disclosure around trafficking: reading rule 3
		// lists them as related offences
		return OffenceRelated
	case traffic || (len(acts) >= 2 && exploit):
		return OffenceTrafficking
	case sale:
		return OffenceSaleOfChildren
	case forced:
		return OffenceForcedLabour
	}
	return OffenceRelated
}

// Months returns the imprisonment range of p in months. min is 0 when no
// minimum is stated; max is +Inf when the sanction includes life
// imprisonment or states no upper bound. ok is false when p states no
// custodial term at all (a fine alone, or imprisonment with no term).
func Months(p Penalty) (min, max float64, ok bool) {
	if !p.HasImprisonment() {
		return 0, 0, false
	}
	max = math.Inf(1)
	if p.MinMonths != nil {
		min = *p.MinMonths
	}
	if p.MaxMonths != nil && !p.Life {
		max = *p.MaxMonths
	}
	return min, max, true
}

// Offence labels: the offence a penalty row punishes, as the provision
// names it. They refine the classes of Classify: a forced_labour class
// offence may be labelled forced labour, forced prostitution, slavery,
// servitude, peonage, debt bondage or labour exploitation.
const (
	LabelForcedProstitution = "forced_prostitution"
	LabelSlavery            = "slavery"
	LabelServitude          = "servitude"
	LabelPeonage            = "peonage"
	LabelDebtBondage        = "debt_bondage"
	LabelLabourExploitation = "labour_exploitation"
	LabelForcedLabour       = string(OffenceForcedLabour)
	LabelTrafficking        = string(OffenceTrafficking)
	LabelSaleOfChildren     = string(OffenceSaleOfChildren)
	labelNone               = ""
)

// Label names the offence a penalty row of class punishes, from the
// provision's heading, else from its text (the clause stating the
// sanction): "forced_prostitution" for a forced_labour class offence
// captioned Zwangsprostitution, "slavery" for one about slaves. A heading or
// text naming several such offences ("Debt bondage, serfdom, forced labour,
// slavery") gives the class; so does one naming none. Classes other than
// forced_labour are their own label. The result is deterministic.
func (lx *Lexicon) Label(class, heading, text string) string {
	if class != string(OffenceForcedLabour) {
		return class
	}
	for _, t := range []string{heading, text} {
		switch l := lx.namedOffence(t); l {
		case labelNone:
			continue
		case "*":
			return class
		default:
			return l
		}
	}
	return class
}

// namedOffence returns the one offence label t names, "*" when it names
// several, or labelNone.
func (lx *Lexicon) namedOffence(t string) string {
	if t == "" {
		return labelNone
	}
	toks := lx.tokenize(t, nil)
	found := labelNone
	for k := 0; k < len(toks); k++ {
		// the longest phrase at k wins: "servitude pour dettes" is debt
		// bondage, not servitude as well
		n, v := lx.labels.at(toks, k, len(toks))
		if n == 0 {
			continue
		}
		best := labelNames[v]
		switch {
		case found == labelNone:
			found = best
		case found != best:
			return "*"
		}
		k += n - 1
	}
	return found
}
