package penalty

import (
	"math"
	"strings"
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
	acts := map[string]bool{}
	var traffic, exploit, child, sale, sell, forced, sideConduct bool
	for k, t := range toks {
		if t.kind != tWord {
			continue
		}
		w := t.s
		next, next2 := "", ""
		if k+1 < len(toks) {
			next = toks[k+1].s
		}
		if k+2 < len(toks) {
			next2 = toks[k+2].s
		}
		switch {
		case strings.HasPrefix(w, "traffick") || w == "traffics" || w == "trafficks" || w == "trafic" && next == "d" ||
			strings.HasPrefix(w, "menschenhandel") || w == "traite" && (next == "des" || next == "d") ||
			w == "trata" && (next == "de" || next == "y"):
			traffic = true
		case strings.HasPrefix(w, "kinderhandel"), w == "vente" && (next == "d" || next == "de") && strings.HasPrefix(next2, "enfant"),
			w == "venta" && next == "de" && (strings.HasPrefix(next2, "nin") || strings.HasPrefix(next2, "menor")):
			sale = true
		}
		if childWord(w) || w == "menores" || w == "menor" {
			child = true
		}
		if strings.HasPrefix(w, "sell") || w == "sold" || w == "sale" || w == "buys" || w == "buy" || w == "purchases" ||
			strings.HasPrefix(w, "verkauf") || strings.HasPrefix(w, "vend") || strings.HasPrefix(w, "compr") ||
			strings.HasPrefix(w, "uberlass") || w == "entgelt" {
			sell = true
		}
		if strings.HasPrefix(w, "exploit") || strings.HasPrefix(w, "explot") || strings.HasPrefix(w, "ausbeut") ||
			strings.HasPrefix(w, "ausgebeutet") || strings.HasPrefix(w, "prostitu") {
			exploit = true
		}
		switch {
		case (w == "forced" || w == "compulsory") && (strings.HasPrefix(next, "labo") || next == "or"),
			strings.HasPrefix(w, "zwangsarbeit"), w == "travail" && next == "force", w == "trabajo" && strings.HasPrefix(next, "forz"),
			w == "trabajos" && strings.HasPrefix(next, "forz"), w == "servicios" && strings.HasPrefix(next, "forz"),
			w == "slavery" || w == "slave" || w == "servitude" || w == "peonage" || w == "esclavage" || w == "esclavitud" ||
				w == "sklaverei" || w == "servidumbre" || w == "leibeigenschaft" || w == "schuldknechtschaft",
			w == "debt" && next == "bondage", w == "arbeitskraft":
			forced = true
		}
		if a := actVerb(w); a != "" {
			acts[a] = true
		}
		prev := ""
		if k > 0 {
			prev = toks[k-1].s
		}
		if sideWord(prev, w, next) {
			sideConduct = true
		}
	}
	sale = sale || sell && child
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

// actVerb maps a word to the Palermo act it names, or "".
func actVerb(w string) string {
	switch {
	case strings.HasPrefix(w, "recruit") || strings.HasPrefix(w, "recrut") || strings.HasPrefix(w, "anwirb") ||
		strings.HasPrefix(w, "anwerb") || strings.HasPrefix(w, "angeworb") || strings.HasPrefix(w, "capt") || strings.HasPrefix(w, "reclut"):
		return "recruit"
	case strings.HasPrefix(w, "transport") || strings.HasPrefix(w, "beford") || strings.HasPrefix(w, "traslad"):
		return "transport"
	case strings.HasPrefix(w, "transfer") || strings.HasPrefix(w, "transf") || strings.HasPrefix(w, "weitergib") ||
		strings.HasPrefix(w, "weitergeb") || w == "provides" || w == "provide":
		return "transfer"
	case strings.HasPrefix(w, "harbo") || strings.HasPrefix(w, "heberg") || strings.HasPrefix(w, "beherberg") ||
		strings.HasPrefix(w, "acog") || strings.HasPrefix(w, "conceal"):
		return "harbour"
	case strings.HasPrefix(w, "receiv") || strings.HasPrefix(w, "accueil") || strings.HasPrefix(w, "aufnimm") ||
		strings.HasPrefix(w, "aufnehm") || strings.HasPrefix(w, "recib") || w == "obtains" || w == "obtain":
		return "receive"
	}
	return ""
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

// sideWord reports words of conduct around trafficking rather than
// trafficking itself: documents, profits and benefits, disclosure.
func sideWord(prev, w, next string) bool {
	switch {
	case w == "document" || w == "documents" || w == "passport" || w == "passports" ||
		strings.HasPrefix(w, "dokument") || strings.HasPrefix(w, "documento") || w == "papiers" || w == "pasaporte":
		return true
	case w == "profits" || w == "profit" || (w == "benefits" || w == "benefit") && (next == "financially" || next == "from" ||
		prev == "material" || prev == "financial") || w == "benefitting" || w == "benefiting" || w == "profite" || w == "vermogensvorteil":
		return true
	case strings.HasPrefix(w, "confidential") || w == "discloses" || w == "disclose" || w == "divulgue":
		return true
	}
	return false
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

// labelPhrases maps folded word sequences to the offence they name. A
// sequence of one word ending in "*" matches words starting with it.
var labelPhrases = []struct {
	words []string
	label string
}{
	{[]string{"forced", "prostitution"}, LabelForcedProstitution},
	{[]string{"enforced", "prostitution"}, LabelForcedProstitution},
	{[]string{"zwangsprostitution*"}, LabelForcedProstitution},
	{[]string{"prostitution", "forcee"}, LabelForcedProstitution},
	{[]string{"prostitucion", "forzada"}, LabelForcedProstitution},
	{[]string{"debt", "bondage"}, LabelDebtBondage},
	{[]string{"schuldknechtschaft*"}, LabelDebtBondage},
	{[]string{"servidumbre", "por", "deudas"}, LabelDebtBondage},
	{[]string{"servitude", "pour", "dettes"}, LabelDebtBondage},
	{[]string{"forced", "labour"}, LabelForcedLabour},
	{[]string{"forced", "labor"}, LabelForcedLabour},
	{[]string{"compulsory", "labour"}, LabelForcedLabour},
	{[]string{"compulsory", "labor"}, LabelForcedLabour},
	{[]string{"zwangsarbeit*"}, LabelForcedLabour},
	{[]string{"travail", "force"}, LabelForcedLabour},
	{[]string{"trabajo", "forzoso"}, LabelForcedLabour},
	{[]string{"trabajos", "forzados"}, LabelForcedLabour},
	{[]string{"peonage"}, LabelPeonage},
	{[]string{"slavery"}, LabelSlavery},
	{[]string{"slave"}, LabelSlavery},
	{[]string{"slaves"}, LabelSlavery},
	{[]string{"sklave*"}, LabelSlavery},
	{[]string{"sklaverei*"}, LabelSlavery},
	{[]string{"esclavage"}, LabelSlavery},
	{[]string{"esclave*"}, LabelSlavery},
	{[]string{"esclavitud"}, LabelSlavery},
	{[]string{"servitude"}, LabelServitude},
	{[]string{"serfdom"}, LabelServitude},
	{[]string{"servidumbre"}, LabelServitude},
	{[]string{"leibeigenschaft*"}, LabelServitude},
	{[]string{"ausbeutung", "der", "arbeitskraft"}, LabelLabourExploitation},
	{[]string{"labour", "exploitation"}, LabelLabourExploitation},
	{[]string{"labor", "exploitation"}, LabelLabourExploitation},
	{[]string{"explotacion", "laboral"}, LabelLabourExploitation},
}

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
		best, n := labelNone, 0
		for _, ph := range labelPhrases {
			if len(ph.words) > n && phraseAt(toks, k, ph.words) {
				best, n = ph.label, len(ph.words)
			}
		}
		if n == 0 {
			continue
		}
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

func phraseAt(toks []token, k int, words []string) bool {
	if k+len(words) > len(toks) {
		return false
	}
	for j, w := range words {
		s := toks[k+j].s
		if p, ok := strings.CutSuffix(w, "*"); ok {
			if !strings.HasPrefix(s, p) {
				return false
			}
		} else if s != w {
			return false
		}
	}
	return true
}
