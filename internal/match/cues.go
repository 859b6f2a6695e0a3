package match

import (
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
)

// Built-in vocabulary for the checks, folded, merged over en/fr/de/es.
// These are general legal words; no phrase of one statute.
var (
	childTerms = index.NewPhraseSet([]string{"child", "children", "childs", "minor", "minors", "juvenile*",
		"enfant", "enfants", "mineur", "mineurs", "mineure", "mineures", "kind", "kinder", "kindes", "kindern",
		"minderjahrig*", "jugendlich*", "nino", "ninos", "nina", "ninas", "menor", "menores", "adolescente*",
		"person under", "persons under", "person below", "person who has not attained", "person unter",
		"personne agee de moins", "persona menor", "young person*", "girl*", "boy*"})
	traffickTerms = index.NewPhraseSet([]string{"traffick*", "trafficking", "traffics", "traffic in persons", "traffic in person", "traite", "menschenhandel*",
		"trata", "trafic"})
	actTerms = index.NewPhraseSet([]string{"recruit*", "transport*", "transfer*", "harbo*", "receiv*", "receipt",
		"provides", "obtains", "entices", "isolates", "maintains", "recrut*", "heberge*", "hebergement", "accueill*",
		"accueil", "anwirbt", "anwerb*", "befordert", "beforderung", "weitergibt", "beherbergt", "beherberg*",
		"aufnimmt", "aufnahme", "capt*", "traslad*", "acog*", "recib*", "recepcion", "alberg*", "ofrec*", "facilit*",
		"conveys", "procures", "carries"})
	// coreActTerms are the five acts of Palermo 3(a) without the
	// equivalents ("provides", "obtains", "procures") that child-prostitution
	// and sale offences also use.
	coreActTerms = index.NewPhraseSet([]string{"recruit*", "transport*", "transfer*", "harbo*", "receiv*", "receipt",
		"recrut*", "heberge*", "hebergement", "accueill*", "accueil", "anwirbt", "anwerb*", "befordert", "beforderung",
		"weitergibt", "beherbergt", "beherberg*", "aufnimmt", "capt*", "traslad*", "acog*", "recib*", "recepcion", "alberg*"})
	exploitTerms = index.NewPhraseSet([]string{"exploit*", "ausbeut*", "explot*", "prostitution", "prostitucion",
		"forced labo*", "slavery", "servitude", "sexual", "sexuel*", "sexuell*", "organ*", "zwangsarbeit",
		"commercial sex", "involuntary servitude", "peonage", "esclavage", "esclavitud", "servidumbre"})
	sexualTerms = index.NewPhraseSet([]string{"sexual", "sex", "prostitution", "prostitucion", "sexuel*",
		"sexuell*", "pornograph*", "proxenet*", "commercial sex", "sexual exploitation", "explotacion sexual"})
	labourTerms = index.NewPhraseSet([]string{"labo*", "work", "services", "servitude", "slavery", "travail",
		"arbeit*", "arbeitskraft", "trabajo*", "laboral", "servidumbre", "esclav*", "sklav*", "peonage",
		"organ*", "begging", "mendicite", "bettel*", "servicios", "mendicidad"})
	meansTerms = index.NewPhraseSet([]string{"force", "forcible", "threat*", "coercion", "coerc*", "abduct*",
		"fraud*", "decept*", "deceit", "abuse of power", "vulnerab*", "menace*", "contrainte", "violence*", "tromperie",
		"gewalt", "drohung", "list", "zwangslage", "hilflosigkeit", "violencia", "amenaza*", "intimidacion", "engano",
		"fraude", "abuso de", "vulnerabilidad", "coaccion", "enlevement", "entfuhrung", "rapto", "secuestro"})
	noMeansCues = index.NewPhraseSet([]string{"even if this does not involve", "even if it does not involve",
		"does not involve any of the means", "even if none of the means", "regardless of whether", "regardless of the means",
		"irrespective of whether", "irrespective of the means", "whether or not", "need not", "not be required", "without the use of",
		"even in the absence", "even without", "has not attained the age", "had not attained the age",
		"meme si elle n est commise dans aucune", "aucune des circonstances", "meme en l absence", "meme sans",
		"aun cuando no", "aunque no", "con o sin", "sin necesidad", "no sera necesario", "sin que medie",
		"independientemente", "cualquiera sea", "independamment", "sans qu il soit necessaire", "unabhangig", "auch wenn", "auch ohne", "ohne dass", "unabhangig davon",
		"not prove", "need not prove", "not be proved", "need not be proved", "not required to prove", "not be required to prove", "no need to prove",
		"shall be considered trafficking", "shall be deemed", "considered as trafficking", "is considered trafficking",
		"even if", "even though", "notwithstanding"})
	consentTerms = index.NewPhraseSet([]string{"consent*", "consentement", "consentimiento", "einwilligung",
		"zustimmung", "einverstandnis", "agreed", "agreement", "acquiesc*", "asentimiento", "accord"})
	irrelevantCues = index.NewPhraseSet([]string{"irrelevant", "not be relevant", "not relevant", "immaterial",
		"no defence", "no defense", "not a defence", "not a defense", "not constitute a defence", "not constitute a defense",
		"shall not be a defence", "not be a defence", "not be a defense", "shall not be considered", "shall not be taken into account",
		"not be admissible", "not negate", "not relieve", "shall not affect", "does not affect", "indifferent*", "est indifferent",
		"sans incidence", "ne fait pas obstacle", "n exonere", "unerheblich", "unbeachtlich", "ausgeschlossen", "irrelevante",
		"no constituira", "no eximira", "no exime", "no excluira", "no tendra efecto", "no se tendra en cuenta", "no sera tenido",
		"eximicion", "aun con el consentimiento", "even with the consent", "with or without the consent",
		"whether or not the victim consented", "regardless of consent", "regardless of the consent", "with or without consent"})
	ageCtx       = index.NewPhraseSet([]string{"age", "years", "year", "ans", "jahre", "jahren", "lebensjahr", "anos", "edad"})
	internalCues = index.NewPhraseSet([]string{"within or across", "within and outside", "inside and outside", "dentro y fuera", "a l interieur et a l exterieur", "internally", "within the borders", "within or outside",
		"whether within", "within the country", "within or beyond", "domestic or international", "national or transnational",
		"national or international", "domestically", "internal trafficking", "dentro o fuera", "dentro del pais",
		"dentro del territorio", "interna o internacional", "nacional o internacional", "a l interieur", "interne",
		"im inland oder", "inland oder ausland", "within the territory", "within kenya", "within a state",
		"regardless of whether the victim", "whether or not the victim crosses", "whether or not across", "no border"})
	movementCues = index.NewPhraseSet([]string{"salida del territorio", "ingreso en el", "entrada o salida", "salida o entrada",
		"exit from or entry", "entry into or exit", "sortie du territoire", "entree ou la sortie", "entree sur le territoire",
		"ausreise", "einreise", "across the border", "across a border", "across international",
		"from one country to another", "into or out of", "out of the country", "into the country", "ins ausland",
		"hors du territoire", "fuera del pais", "crosses a border", "crossing a border", "cross the border",
		"from the territory", "to another country", "to a foreign country", "international border"})
	reflectionCues = index.NewPhraseSet([]string{"reflection period", "period of reflection", "recovery and reflection",
		"reflection", "recovery period", "delai de retablissement", "delai de reflexion", "reflexion", "restablecimiento",
		"periodo de reflexion", "bedenkfrist", "stabilisierungsfrist", "ausreisefrist", "rest and recovery"})
	durationUnits = index.NewPhraseSet([]string{"day*", "jour*", "tag", "tage", "tagen", "dia", "dias", "month*", "mois",
		"monat*", "mes", "meses", "week*", "semaine*", "woche*", "semana*"})
	nonLiabilityCues = index.NewPhraseSet([]string{"not be criminally liable", "not be liable", "not be held liable",
		"not be held criminally", "not be prosecuted", "not be punished", "shall not be detained", "not be charged",
		"not criminally liable", "not liable to prosecution", "not liable to criminal", "immune from prosecution", "immunity from prosecution",
		"no criminal liability", "exempt from criminal", "exempt from punishment", "not be penalized", "not be penalised",
		"no sera punible", "no seran punibles", "no seran pasibles", "no sera pasible", "no sera penad*", "exenta de responsabilidad",
		"exentas de responsabilidad", "no seran sancionad*", "no son punibles", "no es punible", "exenta de pena", "exento de pena",
		"exentas de pena", "quedara exenta", "quedara exento", "no sera castigad*", "not be penalised", "shall not be penalized",
		"pas de poursuite", "ne sont pas penalement", "nicht verfolgt", "nicht strafbar", "no podra ser sancionad*", "n est pas penalement responsable",
		"ne peut etre poursuivi", "ne sont pas punis", "n encourt", "nicht bestraft", "von strafe abgesehen", "absehen",
		"straffrei", "strafbefreiung", "does not apply to the conduct", "shall not apply to the conduct", "not be subject to", "shall not be subjected to",
		// a non-punishment rule drafted as a defence
		"not guilty of an offence", "not guilty of an offense", "not guilty of any offence", "not guilty of any offense",
		"it is a defence", "it is a defense", "it shall be a defence", "it shall be a defense", "has a defence", "has a defense"})
	// nonPunishmentGeneric names the offence generically ("is not guilty of
	// an offence if … compelled"): as broad as "any offence" unless the same
	// rule also names a narrow class of offences.
	nonPunishmentGeneric = index.NewPhraseSet([]string{"guilty of an offence", "guilty of an offense", "defence to a charge",
		"defense to a charge", "defence to any charge", "defense to any charge"})
	nonPunishmentBroad = index.NewPhraseSet([]string{"any offence", "any offense", "any crime", "any criminal act",
		"any criminal offence", "any unlawful act", "any act", "all offences", "offences committed", "offenses committed",
		"crimes committed", "cualquier delito", "cualquier infraccion", "infracciones penales", "los delitos", "delitos que",
		"toute infraction", "les infractions", "straftaten", "jede straftat", "unlawful acts", "criminal acts", "illegal acts"})
	nonPunishmentNarrow = index.NewPhraseSet([]string{"offence under this act", "offences under this act", "offense under this act",
		"this subsection", "subsection a", "document*", "immigration", "illegal entry", "unlawful entry", "entry",
		"residence", "being in", "presence", "travel document*", "passport*", "prostitution", "vagrancy", "migratori*",
		"aufenthalt*", "einreise", "sejour", "entree", "ingreso", "permanencia", "documentos"})
	contraryPunish = index.NewPhraseSet([]string{"n exonere pas", "ne l exonere pas", "does not relieve", "shall not relieve",
		"shall not exempt", "does not exempt", "no exime", "no exonera", "no lo exime", "befreit nicht", "entbindet nicht"})
	restrictCues = index.NewPhraseSet([]string{"prend la forme", "only where", "only if", "solo cuando", "unicamente", "nur wenn",
		"seulement", "sous la forme"})
	fearCues = index.NewPhraseSet([]string{"fear", "safety", "craindre", "securite", "furcht", "sicherheit", "temor", "seguridad"})
)

// Trafficking words name trafficking in persons only when their object is a
// person. "Drug trafficking", "trafficking of drugs", "illicit trafficking",
// "trafic de stupéfiants", "tráfico de armas" deal in goods; "trafic
// d'influence" is influence peddling; "trafic de migrants", "tráfico de
// personas" and "tráfico ilícito de migrantes" are migrant smuggling, which
// the instruments keep apart from trafficking ("trata", "traite").
var (
	// goodsTraffic: objects (after the word) or qualifiers (before it) that
	// make it trade in goods, influence or migrant smuggling.
	goodsTraffic = index.NewPhraseSet([]string{"drug*", "narcotic*", "psychotropic*", "controlled substance*",
		"arms", "firearm*", "weapon*", "ammunition", "munition*", "explosive*", "wildlife", "ivory", "timber",
		"goods", "contraband", "antiquities", "cultural property", "influence", "migrant*", "illicit", "illegal",
		"stupefiant*", "drogue*", "arme", "armes", "especes", "influence", "droga*", "estupefaciente*", "armas",
		"sustancias", "influencias", "betaubungsmittel*", "rauschgift*", "drogen*", "waffen*", "illicite", "ilicito",
		"migrantes"})
	// trafficLink: words between a trafficking word and its object.
	trafficLink = map[string]bool{"of": true, "in": true, "de": true, "d": true, "des": true, "du": true, "la": true,
		"le": true, "les": true, "el": true, "los": true, "las": true, "del": true, "mit": true, "von": true,
		"and": true, "or": true, "et": true, "ou": true, "y": true, "o": true, "the": true, "narcotic": true}
	// personTraffic: trafficking words that are trafficking in persons
	// whatever follows ("trafficking in persons", "traite", "trata").
	personTraffic = index.NewPhraseSet([]string{"traffic in person*", "trafficking in person*", "trafficking of person*",
		"trafficking in human*", "human trafficking", "traite", "trata", "menschenhandel*"})
)

// traffickSpans returns the trafficking words of toks that speak of
// trafficking in persons (see goodsTraffic).
func traffickSpans(toks []index.Token) []index.Span {
	var out []index.Span
	for _, sp := range traffickTerms.Find(toks) {
		if toks[sp.I].Word == "traite" && !frenchTraite(toks, sp.I) {
			continue
		}
		if personTraffic.Any(toks[sp.I:min(len(toks), sp.J+2)]) {
			out = append(out, sp)
			continue
		}
		if goodsQualified(toks, sp) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// goodsQualified reports whether a trafficking word is qualified as trade
// in goods or migrant smuggling: by the word before it ("drug trafficking",
// "illicit trafficking") or by its object ("trafficking of drugs",
// "trafic illicite de stupéfiants").
func goodsQualified(toks []index.Token, sp index.Span) bool {
	if sp.I > 0 && goodsTraffic.Any(toks[sp.I-1:sp.I]) {
		return true
	}
	for k := sp.J; k < len(toks) && k < sp.J+4; k++ {
		if goodsTraffic.Any(toks[k : k+1]) {
			return true
		}
		if !trafficLink[toks[k].Word] {
			return false
		}
	}
	return false
}

// traffickIn reports whether toks speak of trafficking in persons.
func traffickIn(toks []index.Token) bool {
	return traffickTerms.Any(toks) && len(traffickSpans(toks)) > 0
}

// hasTraffick is traffickIn for an indexed segment, memoised.
func hasTraffick(s *index.Segment) bool {
	if !s.Has(traffickTerms) {
		return false
	}
	ix := s.Index()
	if ix == nil {
		return len(traffickSpans(s.Toks)) > 0
	}
	memo := ix.SegMemo("traffick-person")
	if memo[s.Ord] == 0 {
		memo[s.Ord] = 1
		if len(traffickSpans(s.Toks)) > 0 {
			memo[s.Ord] = 2
		}
	}
	return memo[s.Ord] == 2
}

// otherTraffic reports whether a hit on a trafficking word of the map
// ("traffics", "traffick*", "traite") speaks of trade in goods, migrant
// smuggling (see goodsTraffic) or a treaty (see frenchTraite), so it is no
// evidence of trafficking in persons.
func otherTraffic(h Hit) bool {
	s := h.Seg
	if h.I >= len(s.Toks) || h.J > len(s.Toks) {
		return false
	}
	w := s.Toks[h.I].Word
	if w == "traite" {
		return !frenchTraite(s.Toks, h.I)
	}
	if !strings.HasPrefix(w, "traffic") && !strings.HasPrefix(w, "trafic") {
		return false
	}
	if personTraffic.Any(s.Toks[h.I:min(len(s.Toks), h.J+2)]) {
		return false
	}
	return goodsQualified(s.Toks, index.Span{I: h.I, J: h.J})
}

// frenchTraite tells French "la traite" (trafficking) from "le traité"
// (a treaty) and "est traité" (is treated), which fold alike: trafficking
// is feminine ("la traite", "de traite", "contre la traite") or names its
// victims ("traite des êtres humains", "traite de personnes").
func frenchTraite(toks []index.Token, i int) bool {
	if i > 0 {
		switch toks[i-1].Word {
		case "la", "de", "d", "sa", "cette", "une":
			return true
		}
	}
	return i+1 < len(toks) && traiteObject.Any(toks[i+1:min(len(toks), i+4)])
}

var traiteObject = index.NewPhraseSet([]string{"des etres", "d etres", "des personnes", "de personnes", "d une personne",
	"des enfants", "d enfants", "des mineurs", "de mineurs", "des femmes", "de femmes", "humaine"})
