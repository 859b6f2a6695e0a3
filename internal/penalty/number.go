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

// Number words per language, folded (lower case, no diacritics, ß→ss).
var (
	wordsEN  = map[string]numWord{}
	wordsFR  = map[string]numWord{}
	wordsDE  = map[string]numWord{}
	wordsES  = map[string]numWord{}
	wordsAll = map[string]numWord{}
	// deMorphemes are the parts German compounds are made of, longest first.
	deMorphemes []string
	// deFirst indexes deMorphemes by first byte.
	deFirst = map[byte][]string{}
)

func addWords(m map[string]numWord, kind numKind, v float64, words ...string) {
	for _, w := range words {
		m[w] = numWord{v, kind}
	}
}

func initNumbers() {
	en := wordsEN
	addWords(en, nAdd, 0, "zero", "nil")
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"} {
		addWords(en, nAdd, float64(i+1), w)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		addWords(en, nAdd, float64(20+10*i), w)
	}
	addWords(en, nAdd, 40, "fourty")
	addWords(en, nHund, 100, "hundred", "hundreds")
	addWords(en, nScale, 1000, "thousand", "thousands")
	addWords(en, nScale, 1e6, "million", "millions")
	addWords(en, nScale, 1e9, "billion", "billions")
	addWords(en, nScale, 1e5, "lakh", "lakhs", "lac", "lacs")
	addWords(en, nScale, 1e7, "crore", "crores")

	fr := wordsFR
	addWords(fr, nAdd, 0, "zero")
	for i, w := range []string{"un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
		"onze", "douze", "treize", "quatorze", "quinze", "seize"} {
		addWords(fr, nAdd, float64(i+1), w)
	}
	addWords(fr, nAdd, 1, "une")
	for i, w := range []string{"vingt", "trente", "quarante", "cinquante", "soixante"} {
		addWords(fr, nAdd, float64(20+10*i), w)
	}
	addWords(fr, nAdd, 20, "vingts")
	addWords(fr, nAdd, 70, "septante")
	addWords(fr, nAdd, 80, "huitante", "octante")
	addWords(fr, nAdd, 90, "nonante")
	addWords(fr, nHund, 100, "cent", "cents")
	addWords(fr, nScale, 1000, "mille", "milles")
	addWords(fr, nScale, 1e6, "million", "millions")
	addWords(fr, nScale, 1e9, "milliard", "milliards")

	de := wordsDE
	addWords(de, nAdd, 0, "null")
	addWords(de, nAdd, 1, "ein", "eins", "eine", "einem", "einen", "einer", "eines")
	addWords(de, nAdd, 2, "zwei", "zwo")
	for i, w := range []string{"drei", "vier", "funf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwolf"} {
		addWords(de, nAdd, float64(i+3), w)
	}
	for i, w := range []string{"dreizehn", "vierzehn", "funfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"} {
		addWords(de, nAdd, float64(i+13), w)
	}
	for i, w := range []string{"zwanzig", "dreissig", "vierzig", "funfzig", "sechzig", "siebzig", "achtzig", "neunzig"} {
		addWords(de, nAdd, float64(20+10*i), w)
	}
	addWords(de, nAdd, 30, "dreizig")
	addWords(de, nHund, 100, "hundert")
	addWords(de, nScale, 1000, "tausend")
	addWords(de, nScale, 1e6, "million", "millionen")
	addWords(de, nScale, 1e9, "milliarde", "milliarden")
	addWords(de, nJoin, 0, "und")

	es := wordsES
	addWords(es, nAdd, 0, "cero")
	addWords(es, nAdd, 1, "un", "uno", "una")
	for i, w := range []string{"dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
		"once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte"} {
		addWords(es, nAdd, float64(i+2), w)
	}
	for i, w := range []string{"veintiuno", "veintidos", "veintitres", "veinticuatro", "veinticinco",
		"veintiseis", "veintisiete", "veintiocho", "veintinueve"} {
		addWords(es, nAdd, float64(21+i), w)
	}
	addWords(es, nAdd, 21, "veintiun", "veintiuna")
	for i, w := range []string{"treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"} {
		addWords(es, nAdd, float64(30+10*i), w)
	}
	addWords(es, nHund, 100, "cien", "ciento", "cientos")
	for i, w := range []string{"doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
		"setecientos", "ochocientos", "novecientos"} {
		addWords(es, nAdd, float64(200+100*i), w)
		addWords(es, nAdd, float64(200+100*i), strings.TrimSuffix(w, "os")+"as")
	}
	addWords(es, nScale, 1000, "mil")
	addWords(es, nScale, 1e6, "millon", "millones")

	for _, m := range []map[string]numWord{es, de, fr, en} {
		for k, v := range m {
			if v.kind == nJoin {
				continue
			}
			wordsAll[k] = v
		}
	}
	for k := range de {
		deMorphemes = append(deMorphemes, k)
	}
	// longest first, then alphabetical, for a deterministic greedy split
	sortStrings(deMorphemes, func(a, b string) bool {
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	for _, m := range deMorphemes {
		deFirst[m[0]] = append(deFirst[m[0]], m)
	}
}

func sortStrings(s []string, less func(a, b string) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// wordTable returns the number words of lang ("en", "fr", "de", "es"); any
// other value gives the union of all four.
func wordTable(lang string) map[string]numWord {
	switch lang {
	case "en":
		return wordsEN
	case "fr":
		return wordsFR
	case "de":
		return wordsDE
	case "es":
		return wordsES
	}
	return wordsAll
}

// lookupWord finds one folded word in the table of lang, splitting German
// compounds ("fünfundzwanzig", "dreihundertfünfzigtausend") into parts.
func lookupWord(w, lang string) ([]numWord, bool) {
	if nw, ok := wordTable(lang)[w]; ok {
		return []numWord{nw}, true
	}
	if lang != "de" && lang != "" && lang != "*" {
		if _, known := langs[lang]; known {
			return nil, false
		}
	}
	if len(w) < 6 || deFirst[w[0]] == nil {
		return nil, false
	}
	var parts []numWord
	rest := w
	for rest != "" {
		found := false
		for _, m := range deFirst[rest[0]] {
			if strings.HasPrefix(rest, m) {
				parts = append(parts, wordsDE[m])
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

var langs = map[string]bool{"en": true, "fr": true, "de": true, "es": true}

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
func ParseNumber(word string, lang string) (int, bool) {
	n, _, ok := ParseDuration(word, lang)
	return n, ok
}

// ParseDuration is ParseNumber that also returns the unit of time written
// after the number: "year", "month", "week", "day", or "" when there is
// none ("thirty days" → 30, "day"; "dix-huit ans" → 18, "year").
func ParseDuration(text string, lang string) (int, string, bool) {
	toks := tokenize(text, nil)
	if len(toks) == 0 {
		return 0, "", false
	}
	v, next, ok := readNumber(toks, 0, lang)
	if !ok || v > 1e15 {
		return 0, "", false
	}
	u := ""
	if next < len(toks) && toks[next].kind == tWord {
		switch unitOf(toks[next].s) {
		case uYear:
			u = "year"
		case uMonth:
			u = "month"
		case uWeek:
			u = "week"
		case uDay:
			u = "day"
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
func isNumStart(toks []token, i int, lang string) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i]
	if t.kind == tNum {
		return true
	}
	if t.kind != tWord {
		return false
	}
	nws, ok := lookupWord(t.s, lang)
	return ok && nws[0].kind != nJoin && !weakNumber(t.s, toks, i)
}

// weakNumber reports number words that are also common function words
// ("a", "un", "une", "eine", "una", "once") and count as numbers only when a
// unit or another number word follows.
func weakNumber(w string, toks []token, i int) bool {
	if !weakWord(w) {
		return false
	}
	if i > 0 {
		if _, ok := currencyOf(toks[i-1].s); ok {
			return false // "pesos mil"
		}
	}
	if i+1 >= len(toks) {
		return true
	}
	n := toks[i+1]
	if n.kind == tWord && (unitOf(n.s) != uNone || isScaleWord(n.s) || n.s == "unidades") {
		return false
	}
	if _, ok := currencyOf(n.s); ok {
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
	if n.s == "bis" && k+1 < len(toks) && toks[k].s == "zu" {
		k++
	}
	if n.kind == tWord && k < len(toks) && (n.s == "a" || n.s == "to" || n.s == "bis" || n.s == "y" || n.s == "and") &&
		(toks[k].kind == tNum || toks[k].kind == tWord && !weakWord(toks[k].s) && isNumWord(toks[k].s)) {
		return false
	}
	if n.kind == tWord {
		if nws, ok := lookupWord(n.s, ""); ok && nws[0].kind != nJoin {
			return false
		}
	}
	return true
}

func isScaleWord(w string) bool {
	nw, ok := wordsAll[w]
	return ok && (nw.kind == nScale || nw.kind == nHund)
}

// readNumber reads the number starting at toks[i]: digits (optionally
// followed by a scale word: "30 million"), or a run of number words with
// their joiners ("twenty-five", "one hundred and fifty thousand",
// "treinta y cinco", "vingt et un"), optionally followed by the same value in
// digits in parentheses ("CUATRO (4)"), as Latin American codes write. It
// returns the value and the index after the number.
func readNumber(toks []token, i int, lang string) (float64, int, bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	t := toks[i]
	if t.kind == tNum {
		v := t.num
		j := i + 1
		for j < len(toks) && toks[j].kind == tWord {
			nw, ok := wordTable(lang)[toks[j].s]
			if !ok || nw.kind != nScale {
				break
			}
			v *= nw.v
			j++
		}
		// "4 (cuatro)": the words repeat the digits.
		if j+2 < len(toks) && toks[j].s == "(" && toks[j+1].kind == tWord && toks[j+2].s == ")" {
			if _, ok := lookupWord(toks[j+1].s, lang); ok {
				j += 3
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
			nws, ok := lookupWord(tk.s, lang)
			if !ok || (len(nws) == 1 && nws[0].kind == nJoin) {
				// Joiners inside a number: "and" after hundred/thousand,
				// "y"/"et"/"und" after tens.
				if acc.n > 0 && j+1 < len(toks) && isJoiner(tk.s) && toks[j+1].kind == tWord {
					if nx, ok2 := lookupWord(toks[j+1].s, lang); ok2 && nx[0].kind == nAdd &&
						((tk.s == "and" && lastKind != nAdd) || (tk.s != "and" && acc.prev >= 20 && acc.prev < 100 && nx[0].v < 10 && nx[0].v > 0)) {
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
			if _, ok := lookupWord(toks[j+1].s, lang); ok {
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

func isJoiner(w string) bool {
	switch w {
	case "and", "y", "et", "und", "e":
		return true
	}
	return false
}

func weakWord(w string) bool {
	switch w {
	case "un", "une", "uno", "una", "ein", "eine", "einem", "einen", "einer", "eines", "once", "one", "mil", "cent", "sept", "six":
		return true
	}
	return false
}

func isNumWord(w string) bool {
	nws, ok := lookupWord(w, "")
	return ok && nws[0].kind != nJoin
}

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
func Quantities(text, lang string) []Quantity {
	toks := tokenize(text, nil)
	var out []Quantity
	for i := 0; i < len(toks); {
		if !isNumStart(toks, i, lang) {
			i++
			continue
		}
		v, next, ok := readNumber(toks, i, lang)
		if !ok || next <= i {
			i++
			continue
		}
		q := Quantity{Value: v, Start: toks[i].start, End: toks[next-1].end}
		if next < len(toks) && toks[next].kind == tWord {
			switch unitOf(toks[next].s) {
			case uYear:
				q.Unit = "year"
			case uMonth:
				q.Unit = "month"
			case uWeek:
				q.Unit = "week"
			case uDay:
				q.Unit = "day"
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
