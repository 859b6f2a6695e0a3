package penalty

import "sort"

// sentenceStarts returns the index of the first token of every sentence,
// in order, starting with 0. A sentence ends at a full stop followed by an
// upper-case word, a parenthesis or a new line, unless the stop closes an
// abbreviation or a list number at the start of a line ("1.").
func (lx *Lexicon) sentenceStarts(toks []token) []int {
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
			if b.kind == tWord && (lx.abbrev.has(b.s) || len(b.s) == 1) {
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
	subjEnd  int  // where the first offence subject ends (when defining)
	mitig    bool // states a mitigation ("in minder schweren Fällen")
	mitigAt  int  // token index of the first mitigation cue (when mitig)
}

// sentences splits toks into sentences (see sentenceStarts) and reads the
// sentence-wide facts once, so that the cost stays linear in the text.
func (lx *Lexicon) sentences(toks []token) []sentInfo {
	sb := lx.sentenceStarts(toks)
	out := make([]sentInfo, len(sb))
	for i, lo := range sb {
		hi := len(toks)
		if i+1 < len(sb) {
			hi = sb[i+1]
		}
		out[i] = lx.sentFacts(toks, lo, hi)
	}
	return out
}

// sentFacts reads the facts of the sentence toks[lo:hi] (sentInfo).
func (lx *Lexicon) sentFacts(toks []token, lo, hi int) sentInfo {
	si := sentInfo{lo: lo, hi: hi}
	for k := lo; k < hi; k++ {
		f := toks[k].lf
		if f&fSubjEnd != 0 && lx.subject.endsAt(toks, k, 0) {
			if !si.defining {
				si.subjEnd = k
			}
			si.defining = true
		}
		if f&fCirc != 0 && k+1 < hi && !si.mitig && lx.mitigationAt(toks, k, hi) {
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
func (lx *Lexicon) contextRange(toks []token, stmts []stmt, k int, ss []sentInfo) (int, int) {
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
	} else if lo < len(toks) && lx.pronoun.has(toks[lo].s) && si > 0 {
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

// variantIn reads the aggravating or mitigating circumstances stated in
// toks[lo:hi]. The result lists them most specific first: child victim,
// death, organised group, public official, other aggravation. Mitigated
// ("in minder schweren Fällen") and legal-person sanctions take precedence
// over aggravations, since they are not the offence's penalty for natural
// persons in the ordinary case; so does a sanction given only on a repeat
// conviction (subsequent_conviction), which a first offender never faces.
func (lx *Lexicon) variantIn(toks []token, lo, hi int, own [2]int, sent sentInfo, lang string) (Variant, []Variant) {
	var child, death, org, official, aggr, mitig, legal, subseq, first bool
	// Where each circumstance other than a child's is first named: a clause
	// listing several under one sanction ("… to life, if they kidnap the
	// person … or cause their death", "Whoever commits trafficking as a
	// member of an organised group, or causes the death …, shall …") takes
	// the variant of the first listed (a child anywhere makes it
	// child_victim). A circumstance before the sanction and separated from
	// it by a clause break may come from other text (a definition, a list
	// of its own), so then the most specific wins, as before.
	const (
		atDeath = iota
		atOrg
		atOfficial
		atAggr
	)
	at := [4]int{hi, hi, hi, hi}
	before := false
	seen := func(v int, k int) {
		if k < own[0] && breakBetween(toks, k, own[0]) {
			before = true
		}
		if k < at[v] {
			at[v] = k
		}
	}
	defining := sent.defining
	for k := lo; k < hi; k++ {
		t := toks[k]
		if t.kind != tWord {
			continue
		}
		w := t.s
		if t.lf&fCirc == 0 {
			continue // no circumstance starts with this word (glue words among them)
		}
		if lx.phraseAt(lx.mitigation, toks, k, hi) {
			mitig = true
			continue
		}
		if lx.repeatConviction(toks, k, hi) {
			subseq = true
			continue
		}
		if lx.phraseAt(lx.firstOffence, toks, k, hi) {
			// "(i) in the case of a first offence, five years, and (ii) in
			// the case of a second or subsequent offence, seven years": the
			// sanction covers first offenders too
			first = true
		}
		switch {
		case lx.childVictim.has(w):
			// (not the grade of a custodial penalty: "reclusión menor",
			// "presidio menor")
			if !lx.negatedBefore(toks, lo, k) && !(k > 0 && toks[k-1].lf&fPrison != 0) {
				child = true
			}
		case lx.phraseAt(lx.minorAge, toks, k, hi):
			// ("reclusión menor, de doce años y un día a veinte años" is
			// a grade and its term, no age)
			if !(k > 0 && toks[k-1].lf&fPrison != 0) {
				child = true
			}
		case lx.ageLimit.has(w) || lx.ageNotAttained.has(w) && lx.negatedBefore(toks, lo, k):
			if (k < own[0] || k >= own[1]) && lx.ageAtMost18(toks, k+1, hi, lang) {
				child = true
			}
		case lx.death.has(w):
			switch {
			case lx.deathPenalty.endsAt(toks, k-1, lo):
				// "punishable with death", "peine de mort": the sanction, not
				// the victim's death
			case lx.riskBefore(toks, lo, k):
				aggr = true
				seen(atAggr, k)
			default:
				death = true
				seen(atDeath, k)
			}
		case lx.phraseAt(lx.organised, toks, k, hi):
			// "im Rahmen einer kriminellen Vereinigung" (Austrian and
			// Liechtenstein codes), "bande organisée"
			org = true
			seen(atOrg, k)
		case lx.phraseAt(lx.official, toks, k, hi):
			official = true
			seen(atOfficial, k)
		case lx.aggravating.has(w) && !(k+1 < hi && toks[k+1].lf&fPrison != 0):
			// ("aggravated imprisonment" names a custodial penalty)
			// In a sentence that defines the offence ("Whoever kidnaps …
			// shall be fined"), such words before the sanction describe the
			// basic conduct; after it ("… if they kidnap") they aggravate.
			// The same holds after a subject that follows the sanction
			// ("Est puni de … le fait de recruter … en recourant à la
			// violence, à l'enlèvement …"), unless a condition intervenes
			// ("… lorsque la victime a été enlevée").
			if !defining || k >= own[0] && !(sent.subjEnd >= own[1] && k > sent.subjEnd && !conditionBetween(toks, sent.subjEnd, k)) {
				aggr = true
				if !lx.aggravationName.has(w) {
					seen(atAggr, k)
				}
			}
		case lx.phraseAt(lx.serious, toks, k, hi):
			aggr = true
			// "suffers serious injury or dies": an injury-or-death item
			// is the death variant
			if lx.deathSoonAfter(toks, k, hi) {
				seen(atDeath, k)
			} else {
				seen(atAggr, k)
			}
		case lx.phraseAt(lx.legal, toks, k, hi):
			legal = true
		case !defining && k >= own[1] && !breakBetween(toks, own[1], k) && !stopBetween(toks, own[1], k) && lx.phraseAt(lx.strongMeans, toks, k, hi):
			// "Con pena … de diecinueve a veintidós años, si la persona
			// infractora ha empleado violencia, amenaza …": coercive means
			// named in the condition that follows a sanction make it the
			// aggravated form
			aggr = true
			seen(atAggr, k)
		}
	}
	// A mitigation stated anywhere in the sentence governs all of it
	// ("Lorsque la peine encourue est la réclusion criminelle à perpétuité,
	// celle-ci est ramenée à vingt ans"), unless a clause break (";", ":")
	// separates the sanction from a later cue: "… two to ten years; in a less
	// serious case …" mitigates only what follows.
	mitig = mitig || sent.mitig && !breakBetween(toks, own[1], sent.mitigAt)
	if !aggr && !child && !death && !org && !official && lx.conditional(toks, lo, hi, sent) {
		aggr = true
	}
	var list []Variant
	if child {
		list = append(list, VariantChild)
	}
	others := [4]struct {
		on bool
		v  Variant
	}{atDeath: {death, VariantDeath}, atOrg: {org, VariantOrganised}, atOfficial: {official, VariantOfficial}, atAggr: {aggr, VariantAggravated}}
	// the others in the order they are first named (ties keep the order
	// above: the circumstance found only by a conditional lead-in is last)
	order := []int{atDeath, atOrg, atOfficial, atAggr}
	if !before {
		sort.SliceStable(order, func(i, j int) bool { return at[order[i]] < at[order[j]] })
	}
	for _, i := range order {
		if others[i].on {
			list = append(list, others[i].v)
		}
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

// conditionBetween reports a condition word ("if", "lorsque", "cuando")
// in toks(a, b).
func conditionBetween(toks []token, a, b int) bool {
	for k := a + 1; k < b && k < len(toks); k++ {
		if toks[k].lf&fCond != 0 {
			return true
		}
	}
	return false
}

// stopBetween reports a full stop in toks(a, b].
func stopBetween(toks []token, a, b int) bool {
	for k := a + 1; k <= b && k < len(toks); k++ {
		if toks[k].kind == tPunct && toks[k].s == "." {
			return true
		}
	}
	return false
}

// deathSoonAfter reports a death word within the same item shortly after
// toks[k] (no clause break between): "serious injury or death".
func (lx *Lexicon) deathSoonAfter(toks []token, k, hi int) bool {
	for j := k + 1; j < hi && j <= k+8; j++ {
		t := toks[j]
		if t.kind == tPunct && (t.s == ";" || t.s == ":" || t.s == ".") {
			return false
		}
		if t.kind == tWord && lx.death.has(t.s) {
			return true
		}
	}
	return false
}

// negatedBefore reports "not being a child", "other than a child", "kein
// Kind" (class exclusion) just before toks[k].
func (lx *Lexicon) negatedBefore(toks []token, lo, k int) bool {
	for b := k - 1; b >= lo && b >= k-3; b-- {
		if lx.exclusion.endsAt(toks, b, lo) {
			return true
		}
	}
	return false
}

// riskBefore reports "risk of death", "Gefahr des Todes", "risque de mort",
// "peligro de muerte", "attempt to kill": an exposure, not a death.
func (lx *Lexicon) riskBefore(toks []token, lo, k int) bool {
	for b := k - 1; b >= lo && b >= k-4; b-- {
		if lx.risk.has(toks[b].s) {
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
			isAge := n < len(toks) && (lx.unitOf(toks[n].s) == uYear || lx.ageLink.has(toks[n].s))
			// "if the other person is under 18—imprisonment …": an age of
			// majority written bare, the clause going on without a word
			if !isAge && v >= 14 && (n >= len(toks) || toks[n].kind != tWord || lx.isAnchor(toks, n)) {
				isAge = true
			}
			if j > k && lx.ageWord.has(toks[j-1].s) {
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
func (lx *Lexicon) conditional(toks []token, lo, hi int, sent sentInfo) bool {
	if sent.defining {
		return false
	}
	for k := lo; k < hi; k++ {
		if toks[k].lf&fCond != 0 && !lx.convictionAfter(toks, k+1, hi) {
			return true
		}
	}
	return false
}

// convictionAfter reports a conviction phrase within five words from
// toks[k] ("Lorsqu'elle en est reconnue coupable, …", "if convicted"): the
// condition is the conviction itself, not a circumstance.
func (lx *Lexicon) convictionAfter(toks []token, k, hi int) bool {
	for j := k; j < hi && j < k+5; j++ {
		if toks[j].kind == tWord && lx.phraseAt(lx.convictionCond, toks, j, hi) {
			return true
		}
	}
	return false
}

// mitigationAt reports a lesser-penalty cue (class mitigation) at toks[k]: "in minder schweren Fällen",
// "less serious", "moins grave", "menor gravedad", "atenuada", "réduite de
// moitié", "ramenée à", "mildern", "inferior en grado".
func (lx *Lexicon) mitigationAt(toks []token, k, hi int) bool {
	return lx.phraseAt(lx.mitigation, toks, k, hi)
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
func (lx *Lexicon) repeatConviction(toks []token, k, hi int) bool {
	if lx.repeatQual.has(toks[k].s) && k+1 < hi && k+1 < len(toks) && lx.repeatObj.has(toks[k+1].s) {
		return true
	}
	return lx.phraseAt(lx.repeatConv, toks, k, min(hi, len(toks)))
}

// procedureIn reports the mode of trial named in toks[lo:hi]: "on
// conviction on indictment", "upon indictment" (ProcIndictment) or "on
// summary conviction", "summarily" (ProcSummary). When both are named the
// one nearest the sanction starting at toks[own] wins.
func (lx *Lexicon) procedureIn(toks []token, lo, hi, own int) string {
	best, dist := "", -1
	for k := lo; k < hi; k++ {
		if toks[k].lf&fProc == 0 {
			continue
		}
		var p string
		switch {
		case lx.phraseAt(lx.indictment, toks, k, hi):
			p = ProcIndictment
		case lx.phraseAt(lx.summary, toks, k, hi):
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

// phraseAt reports a phrase of ps starting at toks[k], within hi.
func (lx *Lexicon) phraseAt(ps *phraseSet, toks []token, k, hi int) bool {
	n, _ := ps.at(toks, k, hi)
	return n > 0
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

// isAnchor reports whether toks[i] is an imprisonment, fine or life word.
func (lx *Lexicon) isAnchor(toks []token, i int) bool {
	_, ok := lx.anchorOf(toks, i)
	return ok
}
