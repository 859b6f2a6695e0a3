package statute

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headingInfo is what a heading's text says about its provision.
type headingInfo struct {
	kind   Kind   // KindDivision or KindSection; "" when no number was found
	id     string // canonical ID, "" when no number was found
	number string // the number as printed ("3", "225-4-1", "II", "Achtzehnter")
	title  string // the heading without its number
	// ordinal tells that the number came from an ordinal word the scheme
	// before the ordinal table did not read, so that the heading's earlier
	// ID must be worked out for Statute.Aliases.
	ordinal bool
}

// divisionWords maps a folded grouping word to the kind word of its ID.
var divisionWords = map[string]string{
	"part": "part", "partie": "part", "parte": "part", "teil": "part",
	"chapter": "chapter", "chapitre": "chapter", "capitulo": "chapter", "kapitel": "chapter",
	"title": "title", "titre": "title", "titulo": "title", "titel": "title",
	"book": "book", "livre": "book", "libro": "book", "buch": "book",
	"abschnitt": "abschnitt", "unterabschnitt": "unterabschnitt",
	"section": "section", "seccion": "section", "sous-section": "subsection", "subsection": "subsection",
	"division": "division", "subdivision": "subdivision", "subtitle": "subtitle", "subpart": "subpart",
	"schedule": "schedule", "annex": "annex", "annexe": "annex", "anexo": "annex", "anlage": "annex",
	"appendix": "appendix",
}

// cardinalWords are the English number words that number a division
// ("Chapter One", "Part Two").
var cardinalWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
	"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
}

// tensWords are the English tens that, alone or joined to a unit by a
// hyphen, number a division ("Chapter Thirty", "Chapter Thirty-Three").
var tensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

// cardinal returns the number an English number word names, "one" to
// "ninety-nine" (w folded).
func cardinal(w string) (string, bool) {
	if n, ok := cardinalWords[w]; ok {
		return n, true
	}
	tens, unit, hyph := strings.Cut(w, "-")
	t, ok := tensWords[tens]
	if !ok {
		return "", false
	}
	if !hyph {
		return strconv.Itoa(t), true
	}
	u, ok := cardinalWords[unit]
	if n, _ := strconv.Atoi(u); !ok || n < 1 || n > 9 {
		return "", false
	}
	n, _ := strconv.Atoi(u)
	return strconv.Itoa(t + n), true
}

// sectionWords name a citable section in English drafting ("Section 3", "s. 3").
var sectionWords = map[string]bool{"section": true, "sec": true, "sect": true, "s": true}

// codeLetterRe is the letter of a code's part before an article number:
// "L.4", "R. 145-2", "L1121-1", "D.12".
var codeLetterRe = regexp.MustCompile(`^([LRD])(?:\.\s?|\s)?`)

// articleWords name an article ("Article 225-4-1", "Artículo 177 bis", "Art. 5").
var articleWords = map[string]bool{
	"article": true, "art": true, "articulo": true, "artikel": true, "articolo": true, "artigo": true,
}

// germanOrdinals maps the stem of a German ordinal ("achtzehnt" in
// "Achtzehnter Abschnitt") to its number.
var germanOrdinals = func() map[string]int {
	m := map[string]int{}
	small := []string{"", "erst", "zweit", "dritt", "viert", "funft", "sechst", "siebt", "acht", "neunt",
		"zehnt", "elft", "zwolft", "dreizehnt", "vierzehnt", "funfzehnt", "sechzehnt", "siebzehnt", "achtzehnt", "neunzehnt"}
	for i, s := range small {
		if s != "" {
			m[s] = i
		}
	}
	m["siebent"] = 7
	units := []string{"", "ein", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun"}
	for t, tens := range []string{"zwanzigst", "dreissigst", "vierzigst", "funfzigst"} {
		base := 20 + 10*t
		m[tens] = base
		for u := 1; u < len(units); u++ {
			m[units[u]+"und"+tens] = base + u
		}
	}
	return m
}()

// suffixWords are the Latin ordinals that number an inserted provision
// ("367 ter", "411 quater", "411 quáter"); the canonical ID spells them
// without accents. Longer words come first where one is a prefix of another.
var suffixWords = `bis|terdecies|ter|quaterdecies|quater|quáter|quinquiesdecies|quinquies|sexiesdecies|sexies|septiesdecies|septies|octiesdecies|octies|novies|nonies|undecies|duodecies|decies`

var (
	// section/article numbers: 3, 279.01, 225-4-1, 233a, 1593A, 2º, 177 bis
	numRe = regexp.MustCompile(`^(\d+[A-Za-z]{0,2}(?:[.\-–]\d+[A-Za-z]{0,2}|[\-–][A-Z]{1,2})*)[º°ª]?(?i:\s*(` + suffixWords + `)\b)?`)
	// division numbers: II, XV, 1, 18, Ier, 1 bis, VII bis
	// "VI-I", "VI-II" (Chapitre VI-I, inserted after VI) are numbers of
	// their own.
	divNumRe = regexp.MustCompile(`^(?:([IVXLCDM]+(?:-[IVXLCDM]+\b)*)(?:er)?|(\d+[A-Za-z]?(?:-\d+\b)*|[A-Z]\b))[º°ª]?(?i:\s+(` + suffixWords + `)\b)?`)
	romanRe  = regexp.MustCompile(`^[IVXLCDM]+\b`)
	// a number with its Latin ordinal attached: 433ter, 120octies
	attachedRe = regexp.MustCompile(`^(\d+)(?i:(` + suffixWords + `))`)
)

// fold lower-cases s and removes the accents of the letters used in
// drafting words (é→e, ü→u, ß→ss).
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'á', 'à', 'â', 'ä', 'ã':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'í', 'ì', 'î', 'ï':
			r = 'i'
		case 'ó', 'ò', 'ô', 'ö', 'õ':
			r = 'o'
		case 'ú', 'ù', 'û', 'ü':
			r = 'u'
		case 'ñ':
			r = 'n'
		case 'ç':
			r = 'c'
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// firstWord splits off the leading run of letters (and hyphens inside it)
// and one following '.'.
func firstWord(s string) (word, rest string) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || (r == '-' && i > 0 && i+n < len(s) && isLetterAt(s, i+n)) {
			i += n
			continue
		}
		break
	}
	word, rest = s[:i], s[i:]
	if strings.HasPrefix(rest, ".") {
		rest = rest[1:]
	}
	return word, rest
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// cleanTitle strips the separators between a number and the heading words.
func cleanTitle(s string) string {
	return strings.TrimSpace(strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".:-–—,;", r)
	}))
}

// scanNum reads a section or article number at the start of s (after
// blanks) and returns its canonical form and the rest.
func scanNum(s string) (num, printed, rest string, ok bool) {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	// Fast path for the common "3 Trafficking", "12:": digits followed by
	// what can neither continue the number nor open a suffix word
	// reads as numRe reads it.
	j := 0
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == 0 {
		return "", "", s, false
	}
	// "Artículo 129 b.-", "Article 12 a –": a single lower-case letter
	// after a space, closed by a stop, a colon or a dash, numbers an inserted
	// article as "129b" does
	if j+2 < len(t) && t[j] == ' ' && t[j+1] >= 'a' && t[j+1] <= 'z' && strings.IndexByte(".-:", t[j+2]) >= 0 {
		return t[:j] + t[j+1:j+2], t[:j+2], t[j+2:], true
	}
	if plainNumberEnd(t[j:]) {
		return t[:j], t[:j], t[j:], true
	}
	return scanNumRe(s, t)
}

// scanNumRe is scanNum by numRe alone; t is s without leading blanks.
func scanNumRe(s, t string) (num, printed, rest string, ok bool) {
	m := numRe.FindStringSubmatchIndex(t)
	if m == nil {
		return "", "", s, false
	}
	end := m[1]
	// the number must end at a word boundary: "3 Trafficking", "3.", "232a "
	if end < len(t) && isLetterAt(t, end) {
		// "433ter", "433quinquies": a Latin ordinal written without a
		// space, which the letters after the digits had taken for a
		// letter suffix ("433te")
		m = attachedRe.FindStringSubmatchIndex(t)
		if m == nil || m[1] < len(t) && isLetterAt(t, m[1]) {
			return "", "", s, false
		}
		end = m[1]
	}
	num = strings.ReplaceAll(t[m[2]:m[3]], "–", "-")
	if m[4] >= 0 {
		num += fold(t[m[4]:m[5]])
	} else if frenchFirst(num) {
		num = strings.TrimSuffix(num, "er") // French "Article 1er"
	}
	// "303 bis 4" (Algerian drafting): a number after the Latin ordinal
	// numbers the inserted article
	if m[4] >= 0 {
		k := end
		for k < len(t) && (t[k] == ' ' || t[k] == '\t') {
			k++
		}
		d := k
		for d < len(t) && t[d] >= '0' && t[d] <= '9' && d-k < 3 {
			d++
		}
		if d > k && k > end && (d == len(t) || !isLetterAt(t, d) && !(t[d] >= '0' && t[d] <= '9')) {
			num += t[k:d]
			end = d
		}
	}
	// "417/7", "120octies/1": a provision inserted under another's number
	// (Belgian drafting) keeps its printed form
	for end+1 < len(t) && t[end] == '/' && t[end+1] >= '0' && t[end+1] <= '9' {
		k := end + 1
		for k < len(t) && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if k < len(t) && isLetterAt(t, k) {
			break
		}
		num += t[end:k]
		end = k
	}
	return num, strings.TrimSpace(t[:end]), t[end:], true
}

// plainNumberEnd reports whether r, what follows the digits of a number,
// ends it for numRe: the end, or a byte that is no letter, '.', '-' or
// non-ASCII, and when blanks follow, a next word that cannot be a Latin
// ordinal (suffixWords).
func plainNumberEnd(r string) bool {
	if r == "" {
		return true
	}
	switch c := r[0]; {
	case c == '/':
		// "417/7" (Belgian numbering): the number goes on
		return !(len(r) > 1 && r[1] >= '0' && r[1] <= '9')
	case c == '.':
		// "3. Title": numRe goes on only with a digit
		return len(r) > 1 && (r[1] < '0' || r[1] > '9')
	case c == '-':
		// "3-": numRe goes on with a digit or a capital ("456-A")
		return len(r) > 1 && (r[1] < '0' || r[1] > '9') && (r[1] < 'A' || r[1] > 'Z')
	case c >= 0x80, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return false
	case c == ' ', c == '\t', c == '\n', c == '\f', c == '\r':
		k := 1
		for k < len(r) && (r[k] == ' ' || r[k] == '\t' || r[k] == '\n' || r[k] == '\f' || r[k] == '\r') {
			k++
		}
		return k == len(r) || r[k] < 0x80 && strings.IndexByte("btqsonudBTQSONUD", r[k]) < 0
	}
	return true
}

// SuperscriptDigit returns the digit a superscript digit stands for ("¹"
// is 1): the number of an inserted article ("Article 143¹"), which the
// index folds as the parser numbers it.
func SuperscriptDigit(r rune) (byte, bool) {
	switch r {
	case '⁰':
		return '0', true
	case '¹':
		return '1', true
	case '²':
		return '2', true
	case '³':
		return '3', true
	}
	if r >= '⁴' && r <= '⁹' {
		return byte('4' + (r - '⁴')), true
	}
	return 0, false
}

// superscriptNumber writes an inserted article's superscript number
// after its base number as a hyphenated part ("Article 143¹" is
// "Article 143-1", as Georgian and other post-Soviet codes number the
// articles they insert), so that 143, 143¹ and 143² are three provisions.
func superscriptNumber(t string) string {
	if !strings.ContainsAny(t, "⁰¹²³⁴⁵⁶⁷⁸⁹") {
		return t
	}
	var b strings.Builder
	prevDigit := false
	for _, r := range t {
		if d, ok := SuperscriptDigit(r); ok {
			if prevDigit {
				b.WriteByte('-')
			}
			b.WriteByte(d)
			prevDigit = false
			continue
		}
		prevDigit = r >= '0' && r <= '9'
		b.WriteRune(r)
	}
	return b.String()
}

// parseHeading recognises the number of a heading. english tells whether
// "Section N" names a section (English drafting) or a grouping (French
// "Section 1 bis", Spanish "Sección I").
func parseHeading(text string, english bool) headingInfo {
	return parseHeadingIn(text, english, false)
}

// parseHeadingIn is parseHeading; earlier reads the heading as the ID
// scheme before the ordinal table did (no dispositions, no "Second
// Schedule", only the ordinal words of earlierOrdinals), for
// Statute.Aliases.
func parseHeadingIn(text string, english, earlier bool) headingInfo {
	t := superscriptNumber(strings.TrimSpace(text))
	if t == "" {
		return headingInfo{title: t}
	}
	if strings.HasPrefix(t, "§") {
		rest := strings.TrimLeftFunc(strings.TrimLeft(t, "§"), unicode.IsSpace)
		if num, printed, after, ok := scanNum(rest); ok {
			return headingInfo{kind: KindSection, id: "§" + num, number: printed, title: cleanTitle(after)}
		}
		return headingInfo{title: t}
	}
	if strings.IndexByte("IVXLC", t[0]) >= 0 {
		// "IV. Abschnitt: …"
		if hi, ok := numberedDivision(t); ok {
			return hi
		}
	}
	if t[0] >= '0' && t[0] <= '9' {
		if hi, ok := numberedDivision(t); ok {
			return hi
		}
		if num, printed, after, ok := scanNum(t); ok {
			return headingInfo{kind: KindSection, id: "s" + num, number: printed, title: cleanTitle(after)}
		}
		return headingInfo{title: t}
	}
	word, after := firstWord(t)
	if word == "" {
		return headingInfo{title: t}
	}
	fw := fold(word)
	if !earlier {
		// "PRIMERA.- Vigencia", "Disposición final segunda",
		// "Disposiciones transitorias"
		if hi, ok := dispositionHeading(t); ok {
			hi.ordinal = true
			return hi
		}
	}
	// An ordinal before the grouping word: "Achtzehnter Abschnitt",
	// "Second Schedule", "Segunda Parte".
	n, ok := germanOrdinal(fw)
	num := strconv.Itoa(n)
	if !ok && !earlier {
		num, ok = numericOrdinal(fw)
	}
	if ok {
		w2, after2 := firstWord(strings.TrimLeftFunc(after, unicode.IsSpace))
		if k, ok := divisionWords[fold(w2)]; ok && w2 != "" {
			return headingInfo{kind: KindDivision, id: k + "-" + num, number: word, title: cleanTitle(after2), ordinal: !earlier}
		}
	}
	if sectionWords[fw] && (english || fw != "section") {
		if num, printed, rest, ok := scanNum(after); ok {
			return headingInfo{kind: KindSection, id: "s" + num, number: printed, title: cleanTitle(rest)}
		}
	}
	if articleWords[fw] {
		if num, printed, rest, ok := scanNum(after); ok {
			return headingInfo{kind: KindSection, id: "art" + num, number: printed, title: cleanTitle(rest)}
		}
		// "Article premier", "Artículo único", "Artículo primero"
		r := strings.TrimLeftFunc(after, unicode.IsSpace)
		// "Article (1)", "Article (12) Definitions" (official English
		// translations of Gulf laws): the number in brackets
		if !earlier && strings.HasPrefix(r, "(") {
			if num, printed, rest, ok := scanNum(r[1:]); ok && strings.HasPrefix(rest, ")") {
				return headingInfo{kind: KindSection, id: "art" + num, number: "(" + printed + ")", title: cleanTitle(rest[1:]), ordinal: true}
			}
		}
		if w, rest := firstWord(r); w != "" {
			if n, ok := ordinal(fold(w), earlier); ok {
				return headingInfo{kind: KindSection, id: "art" + n, number: w, title: cleanTitle(rest), ordinal: !earlierOrdinals[fold(w)]}
			}
		}
		// "Article L.4", "Article R. 145-2", "Article L1121-1" (codes whose
		// articles carry the letter of their part: législative,
		// réglementaire, décret)
		if m := codeLetterRe.FindStringSubmatch(r); m != nil && len(r) > len(m[0]) && r[len(m[0])] >= '0' && r[len(m[0])] <= '9' {
			if num, printed, rest, ok := scanNum(r[len(m[0]):]); ok {
				return headingInfo{kind: KindSection, id: "art" + m[1] + num, number: m[1] + "." + printed, title: cleanTitle(rest)}
			}
		}
		if m := romanRe.FindString(r); m != "" {
			return headingInfo{kind: KindSection, id: "art" + m, number: m, title: cleanTitle(r[len(m):])}
		}
	}
	if k, ok := divisionWords[fw]; ok {
		r := strings.TrimLeftFunc(after, unicode.IsSpace)
		// "Chapter-1 Preliminary" (translations from South Asia)
		if len(r) > 1 && r[0] == '-' && r[1] >= '0' && r[1] <= '9' {
			r = r[1:]
		}
		if m := divNumRe.FindStringSubmatchIndex(r); m != nil && (m[1] == len(r) || !isLetterAt(r, m[1])) {
			var num string
			if m[2] >= 0 {
				num = r[m[2]:m[3]]
			} else {
				num = r[m[4]:m[5]]
			}
			if m[6] >= 0 {
				num += fold(r[m[6]:m[7]])
			}
			return headingInfo{kind: KindDivision, id: k + "-" + num, number: strings.TrimSpace(r[:m[1]]), title: cleanTitle(r[m[1]:])}
		}
		// An ordinal or a number word, then a separator and a title
		// ("Chapitre premier : Dispositions générales", "Título Primero.
		// Disposiciones Generales", "Chapter One — Interpretation"): the
		// word's number names it (the scheme before read no number here).
		// Or with the title straight after it, capitalised ("TÍTULO
		// CUARTO De la Comisión Intersecretarial", "LIBRO PRIMERO
		// Disposiciones generales", "Part One General Provisions").
		if w, rest := firstWord(r); w != "" && !earlier && strings.TrimSpace(rest) != "" && (opensWithSeparator(r[len(w):]) || startsUpper(rest)) {
			n, ok := numericOrdinal(fold(w))
			if !ok {
				n, ok = cardinal(fold(w))
			}
			if ok {
				return headingInfo{kind: KindDivision, id: k + "-" + n, number: w, title: cleanTitle(rest), ordinal: true}
			}
		}
		// A grouping word named by one word ("Parte General", "Libro
		// Primero", "Título Preliminar"): the word, or its number, names it.
		if w, rest := firstWord(r); w != "" && strings.TrimSpace(rest) == "" && len(strings.Fields(r)) == 1 {
			if n, ok := ordinal(fold(w), earlier); ok {
				return headingInfo{kind: KindDivision, id: k + "-" + n, number: w, ordinal: !earlierOrdinals[fold(w)]}
			}
			if n, ok := cardinal(fold(w)); ok && !earlier {
				return headingInfo{kind: KindDivision, id: k + "-" + n, number: w, ordinal: true}
			}
			return headingInfo{kind: KindDivision, id: k + "-" + slug(fold(w)), number: w}
		}
		// A grouping word without a number ("Schedule"): the word is the ID.
		return headingInfo{kind: KindDivision, id: k, title: cleanTitle(after)}
	}
	// A grouping word named by the word before it ("Allgemeiner Teil",
	// "Besonderer Teil"): the two words are the whole heading.
	if f := strings.Fields(t); len(f) == 2 {
		w1, r1 := firstWord(f[0])
		w2, r2 := firstWord(f[1])
		if k, ok := divisionWords[fold(w2)]; ok && w1 != "" && r1 == "" && r2 == "" {
			return headingInfo{kind: KindDivision, id: k + "-" + slug(fold(w1)), number: w1}
		}
	}
	return headingInfo{title: t}
}

// numberedDivision reads a division whose number comes first: "1.
// Abschnitt", "2. Teil", "3. Unterabschnitt: Title". The grouping word must
// end the heading or be followed by a separator, so that "3. Part-time work"
// and "3. Title of the Act" stay sections.
func numberedDivision(t string) (headingInfo, bool) {
	// ordNumRe, read by hand: one to three digits, '.', blanks
	j := 0
	for j < len(t) && j < 4 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == 0 {
		// "IV. Abschnitt" (Swiss codes): a Roman numeral
		for j < len(t) && j < 8 && strings.IndexByte("IVXLC", t[j]) >= 0 {
			j++
		}
		if j == 0 || romanValue(t[:j]) == 0 {
			return headingInfo{}, false
		}
	} else if j > 3 {
		return headingInfo{}, false
	}
	if j == len(t) || t[j] != '.' {
		return headingInfo{}, false
	}
	end, ok := blanksAfter(t, j+1)
	if !ok || end == j+1 {
		return headingInfo{}, false
	}
	m := []int{0, end, 0, j}
	word, rest := firstWord(t[m[1]:])
	k, ok := divisionWords[fold(word)]
	if !ok {
		return headingInfo{}, false
	}
	// the title follows a colon or dash, or directly with a capital ("2.
	// Kapitel Die Straftaten gegen …"); "2. Teil der Kosten" is no heading
	if r := strings.TrimLeftFunc(rest, unicode.IsSpace); r != "" && !strings.ContainsRune(":-–—", []rune(r)[0]) && !strings.HasPrefix(t[m[1]+len(word):], ".") &&
		!(len(r) < len(rest) && unicode.IsUpper([]rune(r)[0])) {
		return headingInfo{}, false
	}
	num := t[m[2]:m[3]]
	return headingInfo{kind: KindDivision, id: k + "-" + num, number: strings.TrimSpace(t[:m[1]]) + " " + word, title: cleanTitle(rest)}, true
}

// ordNumRe is an ordinal number written with a dot: "1. ", "25. ".
var ordNumRe = regexp.MustCompile(`^(\d{1,3})\.[\t\pZ]+`)

// legacyHeadingID is the ID the scheme before whole codes gave a heading
// (without its "~N" suffix): "1. Abschnitt" was the section "s1", a
// division number never carried its parent, "Chapitre VI-I" was
// "chapter-VI", "367 ter" lost its "er" ("art367t") and "quáter" was not
// read ("art411"), "Parte General" was "part".
func legacyHeadingID(text string, hi headingInfo, english bool) string {
	t := strings.TrimSpace(text)
	if t != "" && t[0] >= '0' && t[0] <= '9' && hi.kind == KindDivision {
		if num, _, _, ok := scanNum(t); ok {
			return "s" + num
		}
	}
	id := hi.id
	if hi.kind == KindDivision {
		k, num, _ := strings.Cut(id, "-")
		switch {
		case num == "":
		case romanRe.MatchString(num) && strings.Contains(num, "-"):
			id = k + "-" + num[:strings.IndexByte(num, '-')]
		case hi.number != "" && !startsWithDigitOrRoman(hi.number) && num == slug(fold(hi.number)):
			id = k // "Parte General"
		}
		return id
	}
	if strings.HasSuffix(id, "quater") && strings.Contains(strings.ToLower(text), "quáter") {
		return strings.TrimSuffix(id, "quater") // the accent was not read
	}
	if strings.HasSuffix(id, "ter") && strings.HasPrefix(id, "art") && hi.kind == KindSection {
		return strings.TrimSuffix(id, "er") // the French "1er" rule ate "er"
	}
	return id
}

func startsWithDigitOrRoman(s string) bool {
	return s != "" && (s[0] >= '0' && s[0] <= '9' || romanRe.MatchString(s))
}

// frenchFirst reports whether num is a French first ordinal: "1er".
func frenchFirst(num string) bool {
	return num == "1er"
}

func germanOrdinal(fw string) (int, bool) {
	for _, suf := range []string{"er", "es", "en", "em", "e"} {
		if strings.HasSuffix(fw, suf) {
			if n, ok := germanOrdinals[strings.TrimSuffix(fw, suf)]; ok {
				return n, true
			}
		}
	}
	return 0, false
}

// Marker styles inside a section. Letters that are also Roman numerals are
// resolved against the styles already open (see resolveStyle).
const (
	stParenNum    = "(1)"
	stParenLower  = "(a)"
	stParenRoman  = "(i)"
	stParenUpper  = "(A)"
	stParenURoman = "(I)"
	stRomanDash   = "I. -"
	stRomanDot    = "I."
	stParagraph   = "§ 1."
	stSwiss       = "1 "
	stDegree      = "1°"
	stDotNum      = "1."
	stCloseNum    = "1)"
	stCloseLower  = "a)"
	stCloseRoman  = "i)"
	stCloseUpper  = "A)"
)

// marker is a paragraph marker found at the start of a block.
type marker struct {
	style string // one of the st* constants (letters not yet resolved)
	value string // "1", "a", "ii", "I", "4.11", "1a"
	width int    // bytes of the marker and the blanks after it
}

var (
	parenRe     = regexp.MustCompile(`^\((\d+[A-Za-z]{0,2}(?:\.\d+)*|[a-z]{1,4}(?:\.\d+)?|[A-Z]{1,4}(?:\.\d+)?)\)(?:[\t\pZ]+|$)`)
	romanDashRe = regexp.MustCompile(`^([IVXLCDM]+)[\t\pZ]*\.[\t\pZ]*[-–—][\t\pZ]*`)
	romanDotRe  = regexp.MustCompile(`^([IVXLCDM]{1,6})\.[\t\pZ]+()\p{Lu}`)
	swissRe     = regexp.MustCompile(`^([1-9][0-9]?)[\t ]+()\p{Lu}\p{Ll}`)
	paragraphRe = regexp.MustCompile(`^§[\t\pZ]*(\d{1,3})(?:er)?\.[\t\pZ]+()(?:\[[¹²³⁰-⁹]+[\t\pZ]*)?\p{Lu}`)
	degreeRe    = regexp.MustCompile(`^(\d{1,3})[\t\pZ]?[°º](?:[\t\pZ]+|$)`)
	dotNumRe    = regexp.MustCompile(`^(\d{1,3}[a-z]?)\.(?:[\t\pZ]+|$)`)
	closeRe     = regexp.MustCompile(`^(\d{1,3}[a-z]?|[a-z]{1,4}|[A-Z]{1,3})\)(?:[\t\pZ]+|$)`)
)

// scanMarker finds a paragraph marker at the start of text, also after an
// opening amendment bracket ("[² § 4. L'amende …]²", consolidated Belgian
// and French texts).
func scanMarker(text string) (marker, bool) {
	if n := amendmentOpen(text); n > 0 {
		if m, ok := scanMarkerAt(text[n:]); ok {
			m.width += n
			return m, true
		}
		return marker{}, false
	}
	return scanMarkerAt(text)
}

// amendmentOpen returns the length of an opening amendment bracket with
// its superscript number and blanks ("[¹ ", "[²³ "), or 0.
func amendmentOpen(text string) int {
	if !strings.HasPrefix(text, "[") {
		return 0
	}
	j := 1
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹⁰", r) {
			break
		}
		j += n
	}
	if j == 1 {
		return 0
	}
	k := j
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k == j {
		return 0
	}
	return k
}

// scanMarkerAt finds a paragraph marker at the start of text.
func scanMarkerAt(text string) (marker, bool) {
	if text == "" {
		return marker{}, false
	}
	if c := text[0]; c == 0xC2 || c == 0xE2 {
		// "¹ Wer …", "² Ist das Opfer …" (Swiss paragraphs with their
		// superscript numbers kept)
		if m, ok := superscriptMarker(text); ok {
			return m, true
		}
	}
	switch c := text[0]; {
	case c == 0xC2 && strings.HasPrefix(text, "§"):
		// "§ 1er. Constitue …", "§ 2. Le consentement …" (Belgian
		// paragraphs): a section sign, a number, a full stop, a capital
		if m := paragraphRe.FindStringSubmatchIndex(text); m != nil {
			return marker{style: stParagraph, value: text[m[2]:m[3]], width: m[4]}, true
		}
	case c == '(':
		if m, ok := scanParen(text); ok {
			return m, true
		}
		if m := parenRe.FindStringSubmatchIndex(text); m != nil {
			v := text[m[2]:m[3]]
			st := stParenNum
			switch {
			case v[0] >= 'a' && v[0] <= 'z':
				st = stParenLower
			case v[0] >= 'A' && v[0] <= 'Z':
				st = stParenUpper
			}
			return marker{style: st, value: v, width: m[1]}, true
		}
	case c >= '0' && c <= '9':
		if !mayBeNumberMarker(text) {
			return marker{}, false
		}
		if m, ok := numberMarker(text); ok {
			return m, true
		}
		// "1 Wer …", "2 Celui qui …" (Swiss paragraphs, whose superscript
		// number loses its size in conversion): a number, a blank and a
		// capitalised word
		if m := swissRe.FindStringSubmatchIndex(text); m != nil {
			return marker{style: stSwiss, value: text[m[2]:m[3]], width: m[4]}, true
		}
		return marker{}, false
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		if !mayBeLetterMarker(text) {
			return marker{}, false
		}
		if m := romanDashRe.FindStringSubmatchIndex(text); m != nil {
			return marker{style: stRomanDash, value: text[m[2]:m[3]], width: m[1]}, true
		}
		// "I. El autor sea …", "II. La víctima …" (Mexican fracciones): a
		// Roman numeral, a full stop, blanks and a capital letter
		if m := romanDotRe.FindStringSubmatchIndex(text); m != nil && romanValue(strings.ToLower(text[m[2]:m[3]])) > 0 {
			return marker{style: stRomanDot, value: text[m[2]:m[3]], width: m[4]}, true
		}
		// closeRe's letter labels: "a)" to "abcd)", "A)" to "ABC)"
		j, max, st := 0, 4, stCloseLower
		if c <= 'Z' {
			max, st = 3, stCloseUpper
		}
		for j < len(text) && j <= max && (st == stCloseLower && text[j] >= 'a' && text[j] <= 'z' || st == stCloseUpper && text[j] >= 'A' && text[j] <= 'Z') {
			j++
		}
		if j <= max && j < len(text) && text[j] == ')' {
			if end, ok := blanksAfter(text, j+1); ok {
				return marker{style: st, value: text[:j], width: end}, true
			}
		}
	}
	return marker{}, false
}

// superscriptMarker reads a paragraph number in superscript digits
// followed by blanks and a letter: "¹ Wer …".
func superscriptMarker(text string) (marker, bool) {
	var val []byte
	i := 0
	for i < len(text) && len(val) < 3 {
		r, size := utf8.DecodeRuneInString(text[i:])
		d := strings.IndexRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r)
		if d < 0 {
			break
		}
		// the digits of "⁰¹²³⁴⁵⁶⁷⁸⁹" are not all of one byte length
		val = append(val, byte('0'+utf8.RuneCountInString("⁰¹²³⁴⁵⁶⁷⁸⁹"[:d])))
		i += size
	}
	if len(val) == 0 || val[0] == '0' {
		return marker{}, false
	}
	end, ok := blanksAfter(text, i)
	if !ok || end >= len(text) {
		return marker{}, false
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); !unicode.IsLetter(r) {
		return marker{}, false
	}
	return marker{style: stSwiss, value: string(val), width: end}, true
}

// articleParagraph reads "363.2. Si …", a paragraph numbered after its
// article's number (Cuban codes), in the article numbered num.
func articleParagraph(text, num string) (marker, bool) {
	if num == "" || len(text) < len(num)+3 || !strings.HasPrefix(text, num) || text[len(num)] != '.' {
		return marker{}, false
	}
	i := len(num) + 1
	j := i
	for j < len(text) && j-i < 3 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j == i || j >= len(text) || text[j] != '.' {
		return marker{}, false
	}
	end, ok := blanksAfter(text, j+1)
	if !ok || end >= len(text) {
		return marker{}, false
	}
	return marker{style: stSwiss, value: text[i:j], width: end}, true
}

// numberMarker reads the markers that open with digits as degreeRe,
// dotNumRe and closeRe do, in that order: "1°" and "1 º", "1." and "1a.",
// "1)" and "1a)", each followed by blanks or the end.
func numberMarker(text string) (marker, bool) {
	d := 0
	for d < len(text) && text[d] >= '0' && text[d] <= '9' {
		d++
	}
	if d == 0 || d > 3 {
		return marker{}, false
	}
	// degreeRe: digits, at most one blank, ° or º
	j := d
	if r, n := utf8.DecodeRuneInString(text[j:]); n > 0 && isMarkerBlank(r) {
		j += n
	}
	if r, n := utf8.DecodeRuneInString(text[j:]); r == '°' || r == 'º' {
		if end, ok := blanksAfter(text, j+n); ok {
			return marker{style: stDegree, value: text[:d], width: end}, true
		}
	}
	v := d
	if v < len(text) && text[v] >= 'a' && text[v] <= 'z' {
		v++
	}
	if v < len(text) && (text[v] == '.' || text[v] == ')') {
		if end, ok := blanksAfter(text, v+1); ok {
			st := stDotNum
			if text[v] == ')' {
				st = stCloseNum
			}
			return marker{style: st, value: text[:v], width: end}, true
		}
	}
	return marker{}, false
}

// isMarkerBlank reports a rune of the class [\t\pZ] the marker
// expressions use.
func isMarkerBlank(r rune) bool {
	return r == ' ' || r == '\t' || r >= 0x80 && unicode.Is(unicode.Z, r)
}

// blanksAfter matches (?:[\t\pZ]+|$) at i: it returns the index after the
// blanks, and false when text goes on at i with something else.
func blanksAfter(text string, i int) (int, bool) {
	if i == len(text) {
		return i, true
	}
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isMarkerBlank(r) {
			break
		}
		j += n
	}
	return j, j > i
}

// mayBeNumberMarker is a cheap test that text, which opens with a digit,
// may open with a marker of degreeRe, dotNumRe or closeRe: at most three
// digits and one lower-case letter, then '.', ')', a blank or a non-ASCII
// byte (°, º, a no-break space).
func mayBeNumberMarker(text string) bool {
	j := 0
	for j < len(text) && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j > 3 {
		return false
	}
	if j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
		j++
	}
	if j == len(text) {
		return false
	}
	c := text[j]
	return c == '.' || c == ')' || c == ' ' || c == '\t' || c >= 0x80
}

// mayBeLetterMarker is a cheap test that text, which opens with a letter,
// may open with a marker of romanDashRe or closeRe: a run of at most four
// letters followed by ')', or a run of Roman numerals followed (after
// blanks) by '.'.
func mayBeLetterMarker(text string) bool {
	j := 0
	roman := true
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		roman = roman && strings.IndexByte("IVXLCDM", text[j]) >= 0
		j++
	}
	if j < len(text) && text[j] == ')' && j <= 4 {
		return true
	}
	if !roman {
		return false
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] >= 0x80) {
		if text[j] >= 0x80 {
			return true // a Unicode blank may stand here: let the expression judge
		}
		j++
	}
	return j < len(text) && text[j] == '.'
}

// idPart is the part a marker adds to its parent's ID.
func (m marker) idPart() string {
	switch m.style {
	case stRomanDash, stRomanDot:
		return "/" + m.value
	case stParagraph:
		return "/§" + m.value
	case stDegree:
		return "(" + m.value + "°)"
	}
	return "(" + m.value + ")"
}

// label is the marker as a lawyer writes it.
func (m marker) label() string {
	switch m.style {
	case stRomanDash:
		return m.value + ". -"
	case stRomanDot:
		return m.value + "."
	case stParagraph:
		return "§ " + m.value + "."
	case stSwiss:
		return m.value
	case stDegree:
		return m.value + "°"
	case stDotNum:
		return m.value + "."
	case stCloseNum, stCloseLower, stCloseUpper, stCloseRoman:
		return m.value + ")"
	}
	return "(" + m.value + ")"
}

// romanValue returns the value of a Roman numeral (either case), or 0.
func romanValue(s string) int {
	if s == "" || len(s) > 12 {
		return 0
	}
	val := func(c byte) int {
		switch c | 0x20 {
		case 'i':
			return 1
		case 'v':
			return 5
		case 'x':
			return 10
		case 'l':
			return 50
		case 'c':
			return 100
		case 'd':
			return 500
		case 'm':
			return 1000
		}
		return 0
	}
	t := s
	total := 0
	for i := 0; i < len(t); i++ {
		v := val(t[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(t) && val(t[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || !strings.EqualFold(toRoman(total), t) {
		return 0
	}
	return total
}

func toRoman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// alphaNext returns the letter label after v ("a"→"b", "z"→"aa").
func alphaNext(v string) string {
	if v == "" {
		return "a"
	}
	if len(v) == 1 && v != "z" && v != "Z" {
		return string(v[0] + 1)
	}
	if v == "z" {
		return "aa"
	}
	if v == "Z" {
		return "AA"
	}
	if len(v) == 2 && v[0] == v[1] && v[0] != 'z' && v[0] != 'Z' {
		return strings.Repeat(string(v[0]+1), 2)
	}
	return ""
}

// scanParen is the fast path of scanMarker for the common "(1)", "(a)",
// "(iv)", "(A)" markers; the regular expression handles the rest.
func scanParen(text string) (marker, bool) {
	i := 1
	for i < len(text) && i <= 5 && (text[i] >= '0' && text[i] <= '9' || text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z') {
		i++
	}
	if i == 1 || i >= len(text) || text[i] != ')' {
		return marker{}, false
	}
	v := text[1:i]
	// all digits, all lower or all upper letters
	kind := 0
	for j := 0; j < len(v); j++ {
		k := 1
		switch c := v[j]; {
		case c >= 'a' && c <= 'z':
			k = 2
		case c >= 'A' && c <= 'Z':
			k = 3
		}
		if kind == 0 {
			kind = k
		} else if k != kind {
			return marker{}, false
		}
	}
	end := i + 1
	if end < len(text) && text[end] != ' ' && text[end] != '\t' {
		return marker{}, false
	}
	for end < len(text) && (text[end] == ' ' || text[end] == '\t') {
		end++
	}
	st := stParenNum
	switch kind {
	case 2:
		st = stParenLower
	case 3:
		st = stParenUpper
	}
	return marker{style: st, value: v, width: end}, true
}

// startsUpper reports whether s, after blanks, starts with a capital letter.
func startsUpper(s string) bool {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	for _, r := range t {
		return unicode.IsUpper(r)
	}
	return false
}
