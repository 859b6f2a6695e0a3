package statute

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"unicode"
)

//go:embed ordinals.tsv
var ordinalsTSV []byte

// ordinalWords maps a folded ordinal word of any language in ordinals.tsv
// ("primera", "second", "deuxieme") to the number it gives an ID ("1",
// "2"), or "unico"/"unique" for a sole provision.
var ordinalWords = mustOrdinals(ordinalsTSV)

// mustOrdinals reads the ordinal table; bad embedded data is a programming
// error.
func mustOrdinals(b []byte) map[string]string {
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[1] == "" || strings.TrimSpace(f[2]) == "" {
			panic("statute: ordinals.tsv: bad line " + line)
		}
		for _, w := range strings.Fields(f[2]) {
			k := fold(w)
			if old, dup := m[k]; dup && old != f[1] {
				panic("statute: ordinals.tsv: " + w + " has two numbers")
			}
			m[k] = f[1]
		}
	}
	return m
}

// earlierOrdinals are the ordinal words the ID scheme before the ordinal
// table knew (for Statute.Aliases): "Artículo primero", "Libro Segundo",
// "Article premier".
var earlierOrdinals = map[string]bool{
	"premier": true, "unique": true, "unico": true,
	"primero": true, "segundo": true, "tercero": true, "cuarto": true, "quinto": true,
	"sexto": true, "septimo": true, "octavo": true, "noveno": true, "decimo": true,
}

// ordinal returns the number an ordinal word gives an ID; earlier limits
// the words to those of the scheme before the ordinal table.
func ordinal(folded string, earlier bool) (string, bool) {
	if earlier && !earlierOrdinals[folded] {
		return "", false
	}
	n, ok := ordinalWords[folded]
	return n, ok
}

// numericOrdinal reports an ordinal word that stands for a number (not
// "unico").
func numericOrdinal(folded string) (string, bool) {
	n, ok := ordinalWords[folded]
	if !ok || n[0] < '0' || n[0] > '9' {
		return "", false
	}
	return n, true
}

// dispositionWords are the words, singular and plural, for the
// dispositions that close a Spanish or French law ("Disposición final
// segunda", "Disposiciones transitorias", "Dispositions finales").
var dispositionWords = map[string]bool{"disposicion": true, "disposition": true}
var dispositionGroupWords = map[string]bool{"disposiciones": true, "dispositions": true}

// opensWithSeparator reports whether s (what follows a word) is empty or
// opens with the separator between a number and a heading's title: "PRIMERA.-
// Vigencia", "Second: …", "PRIMERA —".
func opensWithSeparator(s string) bool {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	return t == "" || strings.ContainsRune(".:-–—", []rune(t)[0])
}

// dispositionHeading reads a disposition numbered by an ordinal word and
// the heading that groups dispositions:
//
//	PRIMERA.- Vigencia                        → disp-1
//	Disposición final segunda. Entrada …      → disp-final-2
//	Primera Disposición Complementaria Final  → disp-complementaria-final-1
//	Disposición derogatoria única             → disp-derogatoria-unico
//	DISPOSICIONES COMPLEMENTARIAS FINALES     → dispositions-complementarias-finales (a division)
//
// The series words ("final", "transitoria") are part of the ID: each
// series is numbered from one.
func dispositionHeading(t string) (headingInfo, bool) {
	word, after := firstWord(t)
	fw := fold(word)
	if dispositionGroupWords[fw] {
		series, rest, ok := seriesWords(after, 6)
		if !ok || len(series) == 0 || strings.TrimSpace(rest) != "" && !opensWithSeparator(rest) {
			return headingInfo{}, false
		}
		return headingInfo{kind: KindDivision, id: "dispositions-" + strings.Join(series, "-"), number: strings.TrimSpace(t[:len(t)-len(rest)]), title: cleanTitle(rest)}, true
	}
	num, lead := "", false
	if n, ok := ordinal(fw, false); ok {
		// "PRIMERA.- Vigencia": an ordinal alone, then a separator.
		if opensWithSeparator(t[len(word):]) {
			return headingInfo{kind: KindSection, id: "disp-" + n, number: word, title: cleanTitle(t[len(word):])}, true
		}
		// "Primera disposición complementaria final"
		w2, after2 := firstWord(strings.TrimLeftFunc(after, unicode.IsSpace))
		if !dispositionWords[fold(w2)] {
			return headingInfo{}, false
		}
		num, lead, after = n, true, after2
	} else if !dispositionWords[fw] {
		return headingInfo{}, false
	}
	series, rest, ok := seriesWords(after, 3)
	if !ok {
		return headingInfo{}, false
	}
	if !lead && len(series) > 0 {
		// "Disposición final segunda": the last word may be the ordinal.
		if n, ok := ordinal(series[len(series)-1], false); ok {
			num, series = n, series[:len(series)-1]
		}
	}
	if num == "" && len(series) == 0 {
		return headingInfo{}, false
	}
	if strings.TrimSpace(rest) != "" && !opensWithSeparator(rest) {
		return headingInfo{}, false
	}
	id := "disp"
	for _, s := range series {
		id += "-" + s
	}
	if num != "" {
		id += "-" + num
	}
	return headingInfo{kind: KindSection, id: id, number: strings.TrimSpace(t[:len(t)-len(rest)]), title: cleanTitle(rest)}, true
}

// seriesWords reads up to max folded words of letters after a disposition
// word, up to a separator or the end; commas and "y"/"et"/"and" between
// them are kept as words ("complementarias, transitorias y finales").
// ok is false when more words follow.
func seriesWords(s string, max int) (words []string, rest string, ok bool) {
	rest = s
	for {
		t := strings.TrimLeftFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
		w, after := firstWord(t)
		if w == "" {
			return words, rest, true
		}
		if len(words) == max {
			return nil, s, false
		}
		words = append(words, slug(fold(w)))
		if len(after) < len(t)-len(w) {
			// firstWord ate a '.': the title follows
			return words, t[len(w):], true
		}
		rest = after
	}
}

// isDisposition reports an ID dispositionHeading gives a disposition.
func isDisposition(id string) bool { return strings.HasPrefix(id, "disp-") }

// dispositionSeries is a disposition ID without its number: "disp-final"
// for "disp-final-2", "disp" for "disp-1".
func dispositionSeries(id string) string {
	if i := strings.LastIndexByte(id, '-'); i > 0 {
		return id[:i]
	}
	return id
}
