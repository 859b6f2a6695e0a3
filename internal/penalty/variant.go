package penalty

import "strings"

// abbreviations are words after which a full stop does not end a sentence.
var abbreviations = map[string]bool{
	"s": true, "ss": true, "no": true, "nr": true, "abs": true, "art": true, "arts": true, "rs": true, "sec": true,
	"cf": true, "vol": true, "p": true, "pp": true, "u": true, "c": true, "usc": true, "sr": true, "dr": true,
	"mr": true, "mrs": true, "st": true, "ch": true, "cap": true, "inc": true, "ltd": true, "co": true, "n": true,
	"lit": true, "satz": true, "bzw": true, "vgl": true, "etc": true, "e": true, "i": true, "g": true, "al": true,
}

// sentenceStarts returns the index of the first token of every sentence,
// in order, starting with 0. A sentence ends at a full stop followed by an
// upper-case word, a parenthesis or a new line, unless the stop closes an
// abbreviation or a list number at the start of a line ("1.").
func sentenceStarts(toks []token) []int {
	out := []int{0}
	for k := 1; k < len(toks); k++ {
		p := toks[k-1]
		if p.kind != tPunct || p.s != "." {
			continue
		}
		t := toks[k]
		if !(t.upper || t.nlBefore > 0 || t.s == "(") {
			continue
		}
		if k >= 2 {
			b := toks[k-2]
			if b.kind == tWord && (abbreviations[b.s] || len(b.s) == 1) {
				continue
			}
			if (b.kind == tNum || b.kind == tWord && len(b.s) <= 4 && isRoman(b.s)) && (k == 2 || b.nlBefore > 0 || toks[k-3].s == "(") {
				continue // list marker "1." / "II."
			}
		}
		out = append(out, k)
	}
	return out
}

func isRoman(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'i', 'v', 'x', 'l':
		default:
			return false
		}
	}
	return s != ""
}

// sentInfo is one sentence: its token range [lo, hi) and what holds for
// all of it.
type sentInfo struct {
	lo, hi   int
	defining bool // defines an offence ("whoever", "wer", "quiconque", "el que")
	mitig    bool // states a mitigation ("in minder schweren Fällen")
	mitigAt  int  // token index of the first mitigation cue (when mitig)
}

// sentences splits toks into sentences (see sentenceStarts) and reads the
// sentence-wide facts once, so that the cost stays linear in the text.
func sentences(toks []token) []sentInfo {
	sb := sentenceStarts(toks)
	out := make([]sentInfo, len(sb))
	for i, lo := range sb {
		hi := len(toks)
		if i+1 < len(sb) {
			hi = sb[i+1]
		}
		out[i] = sentFacts(toks, lo, hi)
	}
	return out
}

func sentFacts(toks []token, lo, hi int) sentInfo {
	si := sentInfo{lo: lo, hi: hi}
	for k := lo; k < hi; k++ {
		switch toks[k].s {
		case "wer", "whoever", "who", "quien", "quienes", "quiconque":
			si.defining = true
		case "que":
			if k > 0 && (toks[k-1].s == "el" || toks[k-1].s == "la" || toks[k-1].s == "los") {
				si.defining = true
			}
		}
		if k+1 < hi && mitigation(toks[k].s, toks[k+1].s) && !si.mitig {
			si.mitig, si.mitigAt = true, k
		}
	}
	return si
}

// sentenceOf returns the index of the sentence holding token k.
func sentenceOf(ss []sentInfo, k int) int {
	lo, hi := 0, len(ss)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ss[mid].lo <= k {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// softBreak reports whether a clause boundary (";", ":", a new line) lies
// before token k.
func softBreak(toks []token, k int) bool {
	if k <= 0 || k >= len(toks) {
		return false
	}
	if toks[k].nlBefore > 0 {
		return true
	}
	s := toks[k-1].s
	return toks[k-1].kind == tPunct && (s == ";" || s == ":")
}

// contextRange returns the tokens whose words decide the variant of
// statement k: its sentence, cut at the neighbouring statements. Towards
// the previous statement the cut is the last clause break between them
// (else the end of that statement); towards the next one it is the first
// clause break after this statement (else this statement's end, since
// conditions usually come before the sanction they govern). A sentence that
// opens with a pronoun ("Elle est punie…", "It is punishable…") takes in
// the sentence before it.
func contextRange(toks []token, stmts []stmt, k int, ss []sentInfo) (int, int) {
	s := stmts[k]
	si := sentenceOf(ss, s.cs)
	lo, hi := ss[si].lo, ss[si].hi
	if k > 0 && stmts[k-1].ce > lo {
		lo = stmts[k-1].ce
		for b := s.cs; b > stmts[k-1].ce; b-- {
			if softBreak(toks, b) {
				lo = b
				break
			}
		}
	} else if lo < len(toks) && pronounStart(toks[lo].s) && si > 0 {
		lo = ss[si-1].lo
	}
	if k+1 < len(stmts) && stmts[k+1].cs < hi {
		cut := s.ce
		for b := s.ce; b <= stmts[k+1].cs; b++ {
			if softBreak(toks, b) {
				cut = b
				break
			}
		}
		hi = cut
	}
	// "… cuando medien las siguientes circunstancias: A) … . B) … .": a
	// colon after the sanction opens a list whose items are sentences of
	// their own; they belong to this sanction's context.
	lastInSentence := k+1 == len(stmts) || stmts[k+1].cs >= ss[si].hi
	if lastInSentence && hi == ss[si].hi {
		colon := false
		for b := s.ce; b < hi; b++ {
			if toks[b].kind == tPunct && toks[b].s == ":" {
				colon = true
				break
			}
		}
		kind := byte(0)
		for j := si + 1; colon && j < len(ss); j++ {
			mk := listMarkerAt(toks, ss[j].lo)
			if mk == 0 || kind != 0 && mk != kind {
				break
			}
			kind = mk
			if k+1 < len(stmts) && stmts[k+1].cs < ss[j].hi {
				break
			}
			hi = ss[j].hi
		}
	}
	if lo > s.cs {
		lo = s.cs
	}
	if hi < s.ce {
		hi = s.ce
	}
	return lo, hi
}

func pronounStart(w string) bool {
	switch w {
	case "elle", "elles", "il", "ils", "it", "they", "sie", "er", "ella", "ellas", "such", "the":
		return w != "the" && w != "such"
	}
	return false
}

// variantIn reads the aggravating or mitigating circumstances stated in
// toks[lo:hi]. The result lists them most specific first: child victim,
// death, organised group, public official, other aggravation. Mitigated
// ("in minder schweren Fällen") and legal-person sanctions take precedence
// over aggravations, since they are not the offence's penalty for natural
// persons in the ordinary case; so does a sanction given only on a repeat
// conviction (subsequent_conviction), which a first offender never faces.
func (lx *Lexicon) variantIn(toks []token, lo, hi int, own [2]int, sent sentInfo, lang string) (Variant, []Variant) {
	var child, death, org, official, aggr, mitig, legal, subseq, first bool
	defining := sent.defining
	for k := lo; k < hi; k++ {
		t := toks[k]
		if t.kind != tWord {
			continue
		}
		w := t.s
		if t.lf&fGlue != 0 && !cueGlue(w) {
			continue // glue words are never circumstances
		}
		next := ""
		if k+1 < hi {
			next = toks[k+1].s
		}
		if mitigation(w, next) {
			mitig = true
			continue
		}
		if repeatConviction(toks, k, hi) {
			subseq = true
			continue
		}
		if w == "first" && (next == "offence" || next == "offense" || next == "conviction" || next == "occasion") {
			// "(i) in the case of a first offence, five years, and (ii) in
			// the case of a second or subsequent offence, seven years": the
			// sanction covers first offenders too
			first = true
		}
		switch {
		case childWord(w):
			if !negatedBefore(toks, lo, k) {
				child = true
			}
		case (w == "menor" || w == "menores") && next == "de" && k+2 < hi && toks[k+2].s == "edad":
			child = true
		case w == "under" || w == "below" || w == "unter" || w == "moins" || w == "menor" || w == "menores" || w == "menos" || w == "attained" && negatedBefore(toks, lo, k):
			if (k < own[0] || k >= own[1]) && lx.ageAtMost18(toks, k+1, hi, lang) {
				child = true
			}
		case w == "death" || w == "dies" || w == "died" || w == "tod" || w == "todes" || w == "tode" || w == "mort" ||
			w == "deces" || w == "muerte" || w == "fallecimiento" || w == "fallece" || w == "killed" || w == "fatal":
			switch {
			case deathPenalty(toks, lo, k):
				// "punishable with death", "peine de mort": the sanction, not
				// the victim's death
			case riskBefore(toks, lo, k):
				aggr = true
			default:
				death = true
			}
		case strings.HasPrefix(w, "organis") || strings.HasPrefix(w, "organiz") || w == "bande" || strings.HasPrefix(w, "banden") ||
			w == "gang" || w == "syndicate" || w == "asociacion" || w == "asociaciones":
			org = true
		case w == "criminal" && (next == "group" || next == "groups" || next == "enterprise"):
			org = true
		case (w == "kriminellen" || w == "kriminelle" || w == "krimineller") && strings.HasPrefix(next, "vereinigung"),
			(w == "criminelle" || w == "criminal") && strings.HasPrefix(next, "organi"):
			// "im Rahmen einer kriminellen Vereinigung" (Austrian and
			// Liechtenstein codes), "organisation criminelle"
			org = true
		case (w == "public" || w == "government" || w == "state") && (next == "official" || next == "officials" || next == "officer" ||
			next == "officers" || next == "servant" || next == "servants" || next == "employee"):
			official = true
		case strings.HasPrefix(w, "amtstrager") || strings.HasPrefix(w, "fonctionnaire") || strings.HasPrefix(w, "funcionari") ||
			w == "depositaire" || w == "policial" || w == "policier" || w == "policiers" || (w == "law" && next == "enforcement") ||
			(w == "police" && (next == "officer" || next == "officers")):
			official = true
		case strings.HasPrefix(w, "aggravat") || strings.HasPrefix(w, "agravant") || strings.HasPrefix(w, "agravad") ||
			strings.HasPrefix(w, "agravar") || w == "grievous" || strings.HasPrefix(w, "tortur") || w == "barbarie" ||
			strings.HasPrefix(w, "kidnap") || strings.HasPrefix(w, "gewerbsmassig") ||
			w == "firearm" || w == "weapon" || w == "waffe" || strings.HasPrefix(w, "erschwerend"):
			// In a sentence that defines the offence ("Whoever kidnaps …
			// shall be fined"), such words before the sanction describe the
			// basic conduct; after it ("… if they kidnap") they aggravate.
			if !defining || k >= own[0] {
				aggr = true
			}
		case (w == "besonders" || w == "serious" || w == "seriously") && (strings.HasPrefix(next, "schwer") || strings.HasPrefix(next, "injur") ||
			next == "bodily" || next == "harm"):
			aggr = true
		case (w == "body" || w == "bodies") && next == "corporate", (w == "legal" || w == "juristic") && strings.HasPrefix(next, "person"),
			(w == "personne" || w == "personnes") && strings.HasPrefix(next, "morale"), (w == "persona" || w == "personas") && strings.HasPrefix(next, "juridica"),
			strings.HasPrefix(w, "juristische") && strings.HasPrefix(next, "person"):
			legal = true
		}
	}
	// A mitigation stated anywhere in the sentence governs all of it
	// ("Lorsque la peine encourue est la réclusion criminelle à perpétuité,
	// celle-ci est ramenée à vingt ans"), unless a clause break (";", ":")
	// separates the sanction from a later cue: "… two to ten years; in a less
	// serious case …" mitigates only what follows.
	mitig = mitig || sent.mitig && !breakBetween(toks, own[1], sent.mitigAt)
	if !aggr && !child && !death && !org && !official && conditional(toks, lo, hi, sent) {
		aggr = true
	}
	var list []Variant
	if child {
		list = append(list, VariantChild)
	}
	if death {
		list = append(list, VariantDeath)
	}
	if org {
		list = append(list, VariantOrganised)
	}
	if official {
		list = append(list, VariantOfficial)
	}
	if aggr {
		list = append(list, VariantAggravated)
	}
	switch {
	case mitig:
		return VariantMitigated, list
	case subseq && !first:
		return VariantSubsequent, list
	case legal:
		return VariantLegalPerson, list
	case len(list) > 0:
		return list[0], list
	}
	return VariantBasic, nil
}

func childWord(w string) bool {
	switch w {
	case "child", "children", "childs", "minor", "minors", "juvenile", "juveniles", "kind", "kinder", "kindes", "kindern",
		"mineur", "mineurs", "mineure", "mineures", "enfant", "enfants", "nino", "ninos", "nina", "ninas", "adolescente", "adolescentes":
		return true
	}
	return strings.HasPrefix(w, "minderjahrig") || strings.HasPrefix(w, "jugendlich")
}

// negatedBefore reports "not being a child", "other than a child", "kein
// Kind", "no sea menor" just before toks[k].
func negatedBefore(toks []token, lo, k int) bool {
	for b := k - 1; b >= lo && b >= k-3; b-- {
		switch toks[b].s {
		case "not", "kein", "keine", "keinem", "keinen", "non", "excluding":
			return true
		case "than":
			if b > lo && toks[b-1].s == "other" { // "other than a child"
				return true
			}
		}
	}
	return false
}

// riskBefore reports "risk of death", "Gefahr des Todes", "risque de mort",
// "peligro de muerte", "attempt to kill": an exposure, not a death.
func riskBefore(toks []token, lo, k int) bool {
	for b := k - 1; b >= lo && b >= k-4; b-- {
		switch toks[b].s {
		case "risk", "risque", "gefahr", "peligro", "riesgo", "danger", "threat", "attempt", "attempted", "endanger", "endangers":
			return true
		}
	}
	return false
}

// ageAtMost18 reports an age of at most 18 years stated from toks[k]
// ("under 18 years", "under the age of eighteen", "unter achtzehn Jahren",
// "de moins de quinze ans", "menores de dieciocho años").
func (lx *Lexicon) ageAtMost18(toks []token, k, hi int, lang string) bool {
	for j := k; j < hi && j < k+5; j++ {
		if lx.isNumStart(toks, j, lang) {
			v, n, ok := lx.readNumber(toks, j, lang)
			if !ok {
				return false
			}
			isAge := n < len(toks) && (lx.unitOf(toks[n].s) == uYear || toks[n].s == "de" || toks[n].s == "at")
			if j > k && (toks[j-1].s == "age" || toks[j-1].s == "edad" || toks[j-1].s == "alter") {
				isAge = true
			}
			return isAge && v > 0 && v <= 18
		}
	}
	return false
}

// conditional reports a sanction that applies "if", "wenn", "lorsque" or
// "cuando" some circumstance holds, in a sentence that does not define the
// offence itself (no "whoever", "wer", "quiconque", "el que"): the shape of
// an aggravation clause.
func conditional(toks []token, lo, hi int, sent sentInfo) bool {
	if sent.defining {
		return false
	}
	for k := lo; k < hi; k++ {
		switch toks[k].s {
		case "wenn", "lorsque", "lorsqu", "cuando", "if", "fallen":
			return true
		}
	}
	return false
}

// mitigation reports a lesser-penalty cue: "in minder schweren Fällen",
// "less serious", "moins grave", "menor gravedad", "atenuada", "réduite de
// moitié", "ramenée à", "mildern", "inferior en grado".
func mitigation(w, next string) bool {
	switch {
	case w == "minder" && strings.HasPrefix(next, "schwer"), w == "less" && next == "serious",
		w == "moins" && strings.HasPrefix(next, "grave"), w == "menor" && next == "gravedad",
		strings.HasPrefix(w, "atenuad"), w == "reduite" || w == "ramenee" || strings.HasPrefix(w, "mildern"),
		w == "inferior" && next == "en":
		return true
	}
	return false
}

// deathPenalty reports "punished with death", "sentenced to death",
// "sentence of death", "pena de muerte", "peine de mort", "Todesstrafe"
// just before toks[k].
func deathPenalty(toks []token, lo, k int) bool {
	if k-2 < lo {
		return false
	}
	p, pp := toks[k-1].s, toks[k-2].s
	switch p {
	case "with", "by", "to", "of":
		switch pp {
		case "punished", "punishable", "sentenced", "liable", "sentence", "penalty":
			return true
		}
	case "de":
		return pp == "pena" || pp == "peine"
	}
	return false
}

// cueGlue lists the glue words that also open a circumstance: an age
// ("under 18", "moins de quinze ans", "menor de edad") or a mitigation
// ("less serious", "inferior en grado").
func cueGlue(w string) bool {
	switch w {
	case "under", "below", "unter", "moins", "menor", "menores", "menos", "less", "inferior", "attained", "minder", "public", "state", "second", "serious":
		return true
	}
	return false
}

// listMarkerAt reports a list-item marker at toks[i] ("A)", "b)", "(c)",
// "1.", "iv)") and its kind: 'n' for numbers, 'a' for letters and roman
// numerals, 0 for none.
func listMarkerAt(toks []token, i int) byte {
	if i >= len(toks) {
		return 0
	}
	if toks[i].s == "(" {
		i++
	}
	if i+1 >= len(toks) {
		return 0
	}
	t := toks[i]
	n := toks[i+1].s
	if !(n == ")" || n == "." || toks[i+1].kind == tPunct && n == "-") {
		return 0
	}
	switch {
	case t.kind == tNum:
		return 'n'
	case t.kind == tWord && (len(t.s) == 1 || isRoman(t.s) && len(t.s) <= 4):
		return 'a'
	}
	return 0
}

// repeatConviction reports a cue at toks[k] that the sanction is given only
// for a repeat offence: "subsequent conviction" (or offence, occasion,
// violation), "second or subsequent", "second conviction", "repeat
// offence", "previously (been) convicted", "prior conviction", "im
// Wiederholungsfall", "Rückfall", "vorbestraft", "en cas de récidive",
// "récidiviste", "en caso de reincidencia", "reincidente".
func repeatConviction(toks []token, k, hi int) bool {
	w := toks[k].s
	at := func(i int) string {
		if i < hi && i < len(toks) {
			return toks[i].s
		}
		return ""
	}
	next := at(k + 1)
	switch {
	case w == "subsequent" || w == "second" || w == "repeat" || w == "repeated" || w == "prior" || w == "previous":
		switch next {
		case "conviction", "convictions", "offence", "offences", "offense", "offenses", "occasion", "violation", "violations", "offender", "offenders":
			return true
		case "or":
			return w == "second" && at(k+2) == "subsequent"
		}
	case w == "previously":
		return next == "convicted" || next == "been" && at(k+2) == "convicted"
	case strings.HasPrefix(w, "wiederholungsfall") || strings.HasPrefix(w, "ruckfall") || strings.HasPrefix(w, "vorbestraft"):
		return true
	case w == "recidive" || strings.HasPrefix(w, "recidiviste") || w == "recidivism" || strings.HasPrefix(w, "recidivist"):
		return true
	case w == "reincidencia" || strings.HasPrefix(w, "reincidente"):
		return true
	}
	return false
}

// procedureIn reports the mode of trial named in toks[lo:hi]: "on
// conviction on indictment", "upon indictment" (ProcIndictment) or "on
// summary conviction", "summarily" (ProcSummary). When both are named the
// one nearest the sanction starting at toks[own] wins.
func procedureIn(toks []token, lo, hi, own int) string {
	best, dist := "", -1
	for k := lo; k < hi; k++ {
		var p string
		switch w := toks[k].s; {
		case w == "indictment" || w == "indictable":
			p = ProcIndictment
		case w == "summary" && k+1 < hi && strings.HasPrefix(toks[k+1].s, "conviction"), w == "summarily":
			p = ProcSummary
		default:
			continue
		}
		d := own - k
		if d < 0 {
			d = -d
		}
		if dist < 0 || d < dist {
			best, dist = p, d
		}
	}
	return best
}

// breakBetween reports a clause break (see softBreak) before any token in
// (a, b].
func breakBetween(toks []token, a, b int) bool {
	for k := a + 1; k <= b; k++ {
		if softBreak(toks, k) {
			return true
		}
	}
	return false
}
