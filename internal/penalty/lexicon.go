package penalty

import "strings"

// lexFlag classifies a folded word for the sanction scanner.
type lexFlag uint16

const (
	fGlue   lexFlag = 1 << iota // may sit inside a sanction phrase
	fPrison                     // imprisonment noun or verb
	fFine                       // fine noun or verb
	fLife                       // life / perpetuity
	fOr                         // alternative connector
	fAnd                        // cumulative connector
	fBoth                       // "or both"
	fVerb                       // sanction verb: liable, punished, bestraft, punie, castigado
	fChain                      // a unit, currency, number word or country adjective: may sit in a sanction phrase
	fMarker                     // first word of a qualifier phrase ("not less than", "bis zu")
)

// unit is a unit of time.
type unit uint8

const (
	uNone unit = iota
	uYear
	uMonth
	uWeek
	uDay
)

var lexicon = map[string]lexFlag{}

func lex(f lexFlag, words string) {
	for _, w := range strings.Fields(words) {
		lexicon[w] |= f
	}
}

var unitWords = map[string]unit{}

func initLexicon() {
	// English
	lex(fGlue, "to a an the of for term terms period periods with by not less more than exceeding exceed exceeds up at least most "+
		"minimum maximum may extend extending which shall be is are also further in addition under this title any either description "+
		"rigorous simple as well but no nor one same both or and punishment sentence sentenced on conviction "+
		"whichever greater nor remainder natural his her their units points including")
	lex(fPrison, "imprisonment imprisoned imprisonments jail incarceration")
	lex(fFine, "fine fined")
	lex(fLife, "life")
	lex(fOr, "or")
	lex(fAnd, "and also addition")
	lex(fBoth, "both")
	lex(fVerb, "liable punished punishable fined sentenced penalty")
	lex(fGlue, "passible passibles")
	lex(fVerb, "passible passibles")
	// German
	lex(fGlue, "mit von bis zu nicht unter uber mindestens hochstens weniger mehr als oder und auf ist wird werden bestraft erkannt erkennen bestrafen "+
		"die der strafe so kann sind")
	lex(fPrison, "freiheitsstrafe freiheitsstrafen")
	lex(fFine, "geldstrafe geldstrafen")
	lex(fOr, "oder")
	lex(fAnd, "und daneben neben")
	lex(fBoth, "beides")
	lex(fVerb, "bestraft erkennen erkannt bestrafen")
	// French
	lex(fGlue, "detention de d du des la le l et ou a au aux jusqu plus moins est sont puni punie punis punies peine peines encourt encourent "+
		"une un criminelle pas pouvant exceder excedant n outre privative liberte maximal maximale minimal minimale maximum minimum")
	lex(fPrison, "emprisonnement emprisonnements reclusion")
	lex(fFine, "amende amendes")
	lex(fLife, "perpetuite")
	lex(fOr, "ou")
	lex(fAnd, "et outre")
	lex(fVerb, "puni punie punis punies encourt encourent")
	// Spanish
	lex(fGlue, "de del a al y o e u con la las el los pena penas sera seran castigado castigada castigados castigadas reprimido reprimida "+
		"reprimidos sancionado sancionada sancionados hasta entre menor mayor inferior no menos mas minimo maximo como se impondra "+
		"impondran una un dia conjunta conjuntamente ni privativa privacion libertad penado penada penados")
	lex(fPrison, "prision reclusion penitenciaria presidio carcel")
	lex(fFine, "multa multas")
	lex(fLife, "perpetua perpetuo permanente")
	lex(fOr, "o u")
	lex(fAnd, "y e conjunta conjuntamente")
	lex(fBoth, "ambas")
	lex(fVerb, "castigado castigada castigados castigadas reprimido reprimida reprimidos sancionado sancionada sancionados impondra impondran penado penada penados")

	for _, w := range strings.Fields("year years yr yrs an ans annee annees jahr jahre jahren jahres jahrs ano anos anio anios") {
		unitWords[w] = uYear
	}
	for _, w := range strings.Fields("month months mois monat monate monaten monats mes meses") {
		unitWords[w] = uMonth
	}
	for _, w := range strings.Fields("week weeks semaine semaines woche wochen semana semanas") {
		unitWords[w] = uWeek
	}
	for _, w := range strings.Fields("day days jour jours tag tage tagen tages dia dias") {
		unitWords[w] = uDay
	}
	buildMarkers()
	for w := range unitWords {
		lexicon[w] |= fChain
	}
	for w := range wordsAll {
		lexicon[w] |= fChain
	}
	for _, w := range strings.Fields("€ eur euro euros ringgit myr naira rand cedi cedis baht taka kes lkr pkr usd cad ars uyu inr gbp ugx tzs " +
		"aud nzd sgd mxn clp cop php chf dollar dollars pound pounds shilling shillings sh shs ksh kshs rupee rupees rs rupia rupias " +
		"peso pesos franc francs francos tagessatzen tagessatze tagessatz ur kenya kenyan uganda tanzania sri lanka pakistan pakistani " +
		"us canadian indian argentinos uruguayos unidades reajustables und") {
		lexicon[w] |= fChain
	}
}

func unitOf(w string) unit { return unitWords[w] }

// qual qualifies a stated number.
type qual uint8

const (
	qNone qual = iota
	qMin
	qMax
	qFrom // first bound of a range ("from", "von", "de", "entre")
	qTo   // second bound of a range ("to", "bis", "a", "à")
)

type marker struct {
	words []string
	q     qual
}

var markersByFirst = map[string][]marker{}

func buildMarkers() {
	add := func(q qual, phrases ...string) {
		for _, p := range phrases {
			w := strings.Fields(p)
			markersByFirst[w[0]] = append(markersByFirst[w[0]], marker{w, q})
			lexicon[w[0]] |= fMarker
		}
	}
	add(qMin, "not less than", "not be less than", "not be less", "be not less than", "no less than", "not below", "not under", "at least", "minimum of", "minimum",
		"nicht unter", "mindestens", "nicht weniger als",
		"au moins", "pas moins de", "pas inferieure a", "pas inferieur a",
		"no menor de", "no menor a", "no menos de", "no inferior a", "minimo de", "como minimo", "minimo", "ni menor de", "ni menor a",
		"nor less than", "minimal", "minimale", "minimum de", "d un minimum de")
	add(qMax, "not exceeding", "not more than", "not to exceed", "not exceed", "up to", "may extend to", "extend to",
		"extending to", "maximum of", "maximum", "at most", "no more than", "nor more than", "nor exceeding",
		"bis zu", "hochstens", "nicht uber", "nicht mehr als",
		"jusqu a", "au plus", "ne pouvant exceder", "n excedant pas", "pas plus de",
		"hasta", "no superior a", "no mayor de", "no mayor a", "maximo de", "maximo", "no mas de", "como maximo", "ni mayor de", "ni mayor a",
		"maximal", "maximale", "maximum de", "d un maximum de")
	add(qFrom, "from", "between", "von", "de", "d", "del", "entre")
	add(qTo, "to", "bis", "a", "al", "and", "y", "et")
	for k, ms := range markersByFirst {
		// longest phrase first
		sortMarkers(ms)
		markersByFirst[k] = ms
	}
}

func sortMarkers(ms []marker) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && len(ms[j].words) > len(ms[j-1].words); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// matchMarker returns the marker starting at toks[i], if any.
func matchMarker(toks []token, i, end int) (marker, bool) {
	if toks[i].lf&fMarker == 0 {
		return marker{}, false
	}
	ms := markersByFirst[toks[i].s]
	for _, m := range ms {
		if i+len(m.words) > end {
			continue
		}
		all := true
		for k, w := range m.words {
			if toks[i+k].s != w || toks[i+k].kind != tWord {
				all = false
				break
			}
		}
		if all {
			return m, true
		}
	}
	return marker{}, false
}

// currencyOf returns the currency a word or symbol names: an ISO 4217 code
// where the word alone makes it clear ("ringgit" → MYR, "€" → EUR), else the
// word as written in folded form ("shillings", "rupees", "$"), resolved
// later with the country when one is known.
func currencyOf(w string) (string, bool) {
	switch w {
	case "€", "eur", "euro", "euros":
		return "EUR", true
	case "ringgit", "myr":
		return "MYR", true
	case "naira", "₦":
		return "NGN", true
	case "₹":
		return "INR", true
	case "₱":
		return "PHP", true
	case "rand":
		return "ZAR", true
	case "cedi", "cedis":
		return "GHS", true
	case "baht":
		return "THB", true
	case "taka":
		return "BDT", true
	case "kes", "lkr", "pkr", "usd", "cad", "ars", "uyu", "inr", "gbp", "ugx", "tzs", "aud", "nzd", "sgd", "mxn", "clp", "cop", "php", "chf":
		return strings.ToUpper(w), true
	case "$", "dollar", "dollars":
		return "$", true
	case "£", "pound", "pounds":
		return "£", true
	case "shilling", "shillings", "sh", "shs", "ksh", "kshs":
		if w == "ksh" || w == "kshs" {
			return "KES", true
		}
		return "shillings", true
	case "rupee", "rupees", "rs", "rupia", "rupias":
		return "rupees", true
	case "peso", "pesos":
		return "pesos", true
	case "franc", "francs", "francos":
		return "francs", true
	case "tagessatzen", "tagessatze", "tagessatz":
		return "day-fines", true
	case "ur":
		return "UR", true
	}
	return "", false
}

// qualifiedCurrency resolves "Kenya shillings", "US dollars", "pesos
// uruguayos": a country adjective next to an ambiguous currency word.
func qualifiedCurrency(cur, before, after string) string {
	switch cur {
	case "shillings":
		switch before {
		case "kenya", "kenyan", "kenyian":
			return "KES"
		case "uganda", "ugandan":
			return "UGX"
		case "tanzania", "tanzanian":
			return "TZS"
		}
	case "rupees":
		switch before {
		case "lanka", "lankan":
			return "LKR"
		case "pakistan", "pakistani":
			return "PKR"
		case "indian", "india":
			return "INR"
		}
	case "$":
		switch before {
		case "us", "states", "american":
			return "USD"
		case "canadian", "canada":
			return "CAD"
		}
		switch after {
		case "us":
			return "USD"
		}
	case "pesos":
		switch after {
		case "argentinos":
			return "ARS"
		case "uruguayos":
			return "UYU"
		case "mexicanos":
			return "MXN"
		}
	}
	return cur
}

// countryCurrency resolves ambiguous currency words with the ISO 3166
// alpha-3 code of the country whose law is read.
var countryCurrency = map[string]map[string]string{
	"shillings": {"KEN": "KES", "UGA": "UGX", "TZA": "TZS", "SOM": "SOS"},
	"rupees":    {"LKA": "LKR", "PAK": "PKR", "IND": "INR", "NPL": "NPR", "MUS": "MUR", "SYC": "SCR"},
	"$": {"USA": "USD", "CAN": "CAD", "AUS": "AUD", "NZL": "NZD", "SGP": "SGD", "HKG": "HKD", "JAM": "JMD", "LBR": "LRD",
		"ARG": "ARS", "URY": "UYU", "MEX": "MXN", "CHL": "CLP", "COL": "COP", "DOM": "DOP", "CUB": "CUP", "PHL": "PHP"},
	"pesos":  {"ARG": "ARS", "URY": "UYU", "MEX": "MXN", "CHL": "CLP", "COL": "COP", "DOM": "DOP", "CUB": "CUP", "PHL": "PHP"},
	"£":      {"GBR": "GBP", "EGY": "EGP", "LBN": "LBP", "SDN": "SDG", "SYR": "SYP"},
	"francs": {"CHE": "CHF", "FRA": "FRF"},
}

// init builds the word tables in dependency order: number words first,
// since the lexicon marks them as part of sanction phrases.
func init() {
	initNumbers()
	initLexicon()
}
