package penalty

import (
	"strings"
)

// numKind says how a number word combines with the words before it.
type numKind uint8

const (
	nAdd   numKind = iota // units, teens, tens, Spanish hundreds: added
	nHund                 // hundred, cent, hundert, cien(to): multiplies the current group
	nScale                // thousand, million, lakh, crore: closes the current group
	nJoin                 // "und" inside German compounds
)

type numWord struct {
	v    float64
	kind numKind
}

// wordTable returns the number words of lang; a language with no lexicon
// gives the union of all languages.
func (lx *Lexicon) wordTable(lang string) map[string]numWord {
	if i := lx.langIndex(lang); i >= 0 {
		return lx.numTabs[i]
	}
	return lx.numAll
}

// langIndex returns the index of lang in numLangs, -1 when the lexicon has
// no such language (a short scan: cheaper than a map for a few languages).
func (lx *Lexicon) langIndex(lang string) int {
	for i, l := range lx.numLangs {
		if l == lang {
			return i
		}
	}
	return -1
}

// compounds reports whether the number words of lang are split out of
// compounds: a language with a number-compound-joiner, or one without a
// lexicon.
func (lx *Lexicon) compounds(lang string) bool {
	i := lx.langIndex(lang)
	return i < 0 || lx.numCompound[i]
}

// lookupWord finds one folded word in the table of lang, splitting
// compound number words ("fünfundzwanzig", "dreihundertfünfzigtausend")
// into parts when lang compounds them (number-compound-joiner) or has no
// lexicon.
func (lx *Lexicon) lookupWord(w, lang string) ([]numWord, bool) {
	if nw, ok := lx.wordTable(lang)[w]; ok {
		return []numWord{nw}, true
	}
	if !lx.compounds(lang) {
		return nil, false
	}
	if len(w) < 6 || lx.morphemes[w[0]] == nil {
		return nil, false
	}
	var parts []numWord
	rest := w
	for rest != "" {
		found := false
		for _, m := range lx.morphemes[rest[0]] {
			if strings.HasPrefix(rest, m) {
				parts = append(parts, lx.morphTable[m])
				rest = rest[len(m):]
				found = true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	if len(parts) < 2 || parts[0].kind == nJoin || parts[len(parts)-1].kind == nJoin {
		return nil, false
	}
	return parts, true
}

// numAcc accumulates number words left to right.
type numAcc struct {
	total, cur float64
	prev       float64 // value of the previous word
	n          int     // words taken
}

func (a *numAcc) add(nw numWord) {
	switch nw.kind {
	case nAdd:
		// French "quatre-vingt(s)": 4 × 20.
		if nw.v == 20 && a.prev == 4 && a.n > 0 {
			a.cur += 80 - 4
		} else {
			a.cur += nw.v
		}
	case nHund:
		if a.cur == 0 {
			a.cur = 100
		} else {
			a.cur *= 100
		}
	case nScale:
		if a.cur == 0 {
			a.cur = 1
		}
		a.total += a.cur * nw.v
		a.cur = 0
	}
	a.prev = nw.v
	a.n++
}

func (a *numAcc) value() float64 { return a.total + a.cur }

// ParseNumber returns the value of a number written in digits ("18",
// "1,000,000", "150 000") or in words in lang ("eighteen", "twenty-five",
// "one hundred and fifty thousand", "dix-huit", "quatre-vingt-dix",
// "achtzehn", "fünfundzwanzig", "dreißig", "dieciocho", "treinta y cinco"),
// optionally followed by one unit of time ("eighteen years", "dix-huit ans",
// "achtzehn Jahre", "thirty days", "trente jours"), as the child-age and
// reflection-period checks meet them. lang is "en", "fr", "de" or "es"; any
// other value tries all four. Anything else in word makes it fail.
func (lx *Lexicon) ParseNumber(word string, lang string) (int, bool) {
	n, _, ok := lx.ParseDuration(word, lang)
	return n, ok
}

// ParseDuration is ParseNumber that also returns the unit of time written
// after the number: "year", "month", "week", "day", or "" when there is
// none ("thirty days" → 30, "day"; "dix-huit ans" → 18, "year").
func (lx *Lexicon) ParseDuration(text string, lang string) (int, string, bool) {
	toks := lx.tokenize(text, nil)
	if len(toks) == 0 {
		return 0, "", false
	}
	v, next, ok := lx.readNumber(toks, 0, lang)
	if !ok || v > 1e15 {
		return 0, "", false
	}
	u := ""
	if next < len(toks) && toks[next].kind == tWord {
		switch lx.unitOf(toks[next].s) {
		case uYear:
			u = UnitYear
		case uMonth:
			u = UnitMonth
		case uWeek:
			u = UnitWeek
		case uDay:
			u = UnitDay
		}
		if u != "" {
			next++
		}
	}
	if next != len(toks) {
		return 0, "", false
	}
	return int(v), u, true
}

// isNumStart reports whether toks[i] begins a number (digits or a number
// word of lang).
func (lx *Lexicon) isNumStart(toks []token, i int, lang string) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i]
	if t.kind == tNum || lx.bareParenNumber(toks, i) {
		return true
	}
	if t.kind != tWord {
		return false
	}
	nws, ok := lx.lookupWord(t.s, lang)
	return ok && nws[0].kind != nJoin && !lx.weakNumber(t.s, toks, i)
}

// weakNumber reports number words that are also common function words
// ("a", "un", "une", "eine", "una", "once") and count as numbers only when a
// unit or another number word follows.
func (lx *Lexicon) weakNumber(w string, toks []token, i int) bool {
	if !lx.weakWord(w) {
		return false
	}
	if i > 0 {
		if _, ok := lx.currencyOf(toks[i-1].s); ok {
			return false // "pesos mil"
		}
	}
	if i+1 >= len(toks) {
		return true
	}
	n := toks[i+1]
	if n.kind == tWord && (lx.unitOf(n.s) != uNone || lx.isScaleWord(n.s) || lx.currencyMulti.opens(n.s)) {
		return false
	}
	if _, ok := lx.currencyOf(n.s); ok {
		return false
	}
	if n.kind == tPunct && n.s == "-" {
		return false
	}
	// "uno (1)": the digits confirm the word
	if n.s == "(" && i+3 < len(toks) && toks[i+2].kind == tNum && toks[i+3].s == ")" {
		return false
	}
	// "de uno a tres años", "from one to five years", "von einem bis zu
	// zehn Jahren" (Austrian and Liechtenstein drafting)
	k := i + 2
	if m, ok := lx.matchMarker(toks, i+1, len(toks)); ok && len(m.words) > 1 && lx.isRangeTo(n.s) {
		k = i + 1 + len(m.words) // "bis zu"
	}
	if n.kind == tWord && k < len(toks) && lx.isRangeTo(n.s) &&
		(toks[k].kind == tNum || toks[k].kind == tWord && !lx.weakWord(toks[k].s) && lx.isNumWord(toks[k].s)) {
		return false
	}
	if n.kind == tWord {
		if nws, ok := lx.lookupWord(n.s, ""); ok && nws[0].kind != nJoin {
			return false
		}
	}
	return true
}

func (lx *Lexicon) isScaleWord(w string) bool {
	nw, ok := lx.numAll[w]
	return ok && (nw.kind == nScale || nw.kind == nHund)
}

// bareParenNumber reports digits in parentheses standing for a number
// whose words the text lost before a time unit: "de dix (10) ans à (20)
// ans", where the words of the upper limit are missing from the source.
// Digits in parentheses after a number repeat it and are read with it.
func (lx *Lexicon) bareParenNumber(toks []token, i int) bool {
	return i+3 < len(toks) && toks[i].s == "(" && toks[i+1].kind == tNum && toks[i+2].s == ")" &&
		lx.unitOf(toks[i+3].s) != uNone && (i == 0 || toks[i-1].kind != tNum)
}

// readNumber reads the number starting at toks[i]: digits (optionally
// followed by a scale word: "30 million"), or a run of number words with
// their joiners ("twenty-five", "one hundred and fifty thousand",
// "treinta y cinco", "vingt et un"), optionally followed by the same value in
// digits in parentheses ("CUATRO (4)"), as Latin American codes write. It
// returns the value and the index after the number.
func (lx *Lexicon) readNumber(toks []token, i int, lang string) (float64, int, bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	t := toks[i]
	if lx.bareParenNumber(toks, i) {
		return toks[i+1].num, i + 3, true
	}
	if t.kind == tNum {
		v := t.num
		j := i + 1
		for j < len(toks) && toks[j].kind == tWord {
			nw, ok := lx.wordTable(lang)[toks[j].s]
			if !ok || nw.kind != nScale {
				break
			}
			v *= nw.v
			j++
		}
		// "4 (cuatro)", "25 (twenty-five)", "25 (twenty five)": the words
		// repeat the digits.
		if j+2 < len(toks) && toks[j].s == "(" {
			words := 0
			k := j + 1
			for ; k < len(toks) && k <= j+8 && toks[k].s != ")"; k++ {
				if toks[k].kind == tWord {
					if _, ok := lx.lookupWord(toks[k].s, lang); !ok && !lx.isJoiner(toks[k].s) {
						break
					}
					words++
				} else if toks[k].s != "-" {
					break
				}
			}
			if words > 0 && k < len(toks) && toks[k].s == ")" {
				j = k + 1
			}
		}
		return v, j, true
	}
	if t.kind != tWord {
		return 0, i, false
	}
	var acc numAcc
	j := i
	lastKind := nAdd
	for j < len(toks) {
		tk := toks[j]
		if tk.kind == tWord {
			nws, ok := lx.lookupWord(tk.s, lang)
			if !ok || (len(nws) == 1 && nws[0].kind == nJoin) {
				// Joiners inside a number: "and" after hundred/thousand,
				// "y"/"et"/"und" after tens.
				if acc.n > 0 && j+1 < len(toks) && lx.isJoiner(tk.s) && toks[j+1].kind == tWord {
					if nx, ok2 := lx.lookupWord(toks[j+1].s, lang); ok2 && nx[0].kind == nAdd &&
						((lx.joinHundreds.has(tk.s) && lastKind != nAdd) || (!lx.joinHundreds.has(tk.s) && acc.prev >= 20 && acc.prev < 100 && nx[0].v < 10 && nx[0].v > 0)) {
						j++
						continue
					}
				}
				break
			}
			for _, nw := range nws {
				acc.add(nw)
				lastKind = nw.kind
			}
			j++
			continue
		}
		if tk.kind == tPunct && tk.s == "-" && acc.n > 0 && j+1 < len(toks) && toks[j+1].kind == tWord && toks[j].start == toks[j-1].end {
			if _, ok := lx.lookupWord(toks[j+1].s, lang); ok {
				j++
				continue
			}
		}
		break
	}
	if acc.n == 0 {
		return 0, i, false
	}
	v := acc.value()
	// "CUATRO (4)": the digits repeat the words; prefer the digits.
	if j+2 < len(toks) && toks[j].s == "(" && toks[j+1].kind == tNum && toks[j+2].s == ")" {
		v = toks[j+1].num
		j += 3
	}
	return v, j, true
}

// isJoiner reports a word joining the parts of a number ("one hundred and
// fifty", "treinta y cinco").
func (lx *Lexicon) isJoiner(w string) bool { return lx.joinHundreds.has(w) || lx.joinTens.has(w) }

// weakWord reports a number word that is also a common word ("un", "eine").
func (lx *Lexicon) weakWord(w string) bool { return lx.weak.has(w) }

// isRangeTo reports a word closing a range of numbers ("to", "bis", "a").
func (lx *Lexicon) isRangeTo(w string) bool {
	for _, m := range lx.markers[w] {
		if m.q == qTo && len(m.words) == 1 {
			return true
		}
	}
	return false
}

func (lx *Lexicon) isNumWord(w string) bool {
	nws, ok := lx.lookupWord(w, "")
	return ok && nws[0].kind != nJoin
}

// Units of time of a Quantity and of ParseDuration.
const (
	UnitYear  = "year"
	UnitMonth = "month"
	UnitWeek  = "week"
	UnitDay   = "day"
)

// Quantity is a number found in running text, with the unit of time written
// after it ("year", "month", "week", "day", or "") and its byte offsets.
type Quantity struct {
	Value      float64
	Unit       string
	Start, End int
}

// Quantities returns every number of text in order, in digits or words of
// lang, with the unit of time that follows it if any: "a recovery and
// reflection period of at least thirty days" gives {30, "day"}; "a person
// under the age of eighteen years" gives {18, "year"}. Number words that
// double as articles ("a", "un", "eine") count only before a unit or
// another number word.
func (lx *Lexicon) Quantities(text, lang string) []Quantity {
	toks := lx.tokenize(text, nil)
	var out []Quantity
	for i := 0; i < len(toks); {
		if !lx.isNumStart(toks, i, lang) {
			i++
			continue
		}
		v, next, ok := lx.readNumber(toks, i, lang)
		if !ok || next <= i {
			i++
			continue
		}
		q := Quantity{Value: v, Start: toks[i].start, End: toks[next-1].end}
		// a unit joined to the number by nothing but spaces or a hyphen:
		// "n°33/AN/09", a law's number, holds no "33 ans"
		if next < len(toks) && toks[next].kind == tWord && strings.Trim(text[toks[next-1].end:toks[next].start], " \t\n-\u00a0") == "" {
			switch lx.unitOf(toks[next].s) {
			case uYear:
				q.Unit = UnitYear
			case uMonth:
				q.Unit = UnitMonth
			case uWeek:
				q.Unit = UnitWeek
			case uDay:
				q.Unit = UnitDay
			}
			if q.Unit != "" {
				q.End = toks[next].end
				next++
			}
		}
		out = append(out, q)
		i = next
	}
	return out
}
