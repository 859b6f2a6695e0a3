package match

import (
	"strings"
	"unicode/utf8"
)

// MaxQuote is the longest quote, in bytes, before trimming.
const MaxQuote = 300

// Quote returns the original text of the sentence or clause around a hit,
// at most MaxQuote bytes (trimmed around the hit, marked with "…").
func Quote(h Hit) string {
	s := h.Seg
	if len(s.Toks) == 0 {
		return trimQuote(s.Text, 0, len(s.Text))
	}
	i, j := h.I, h.J
	if i >= len(s.Toks) {
		i = len(s.Toks) - 1
	}
	if j <= i {
		j = i + 1
	}
	if j > len(s.Toks) {
		j = len(s.Toks)
	}
	a, b := s.Orig(int(s.Toks[i].Start)), s.Orig(int(s.Toks[j-1].End))
	t := s.Text
	abbrev := allCues(s).quoteAbbrev
	// sentence start: after the last ". " or ";" before a
	start := 0
	for k := a - 1; k > 0; k-- {
		c := t[k]
		if c == ';' || c == '\n' || (c == '.' && k+1 < len(t) && t[k+1] == ' ' && sentenceEnd(abbrev, t, k)) {
			start = k + 1
			break
		}
	}
	end := len(t)
	for k := b; k < len(t); k++ {
		c := t[k]
		if c == ';' || c == '\n' || (c == '.' && (k+1 == len(t) || t[k+1] == ' ') && sentenceEnd(abbrev, t, k)) {
			end = k + 1
			break
		}
	}
	return trimQuote(t[start:end], a-start, b-start)
}

// sentenceEnd reports whether the '.' at k ends a sentence rather than an
// abbreviation ("s. 3", "Cap. 141", "Abs. 1", "No. 8"): a short word in
// lower case or one of abbrev (the class quote-abbreviation, lower case).
func sentenceEnd(abbrev map[string]bool, t string, k int) bool {
	w := k
	for w > 0 && t[w-1] != ' ' && t[w-1] != '(' {
		w--
	}
	word := t[w:k]
	if len(word) <= 3 && word != "" && strings.ToLower(word) == word && !strings.ContainsAny(word, "0123456789") {
		return false
	}
	return !abbrev[strings.ToLower(word)]
}

func trimQuote(q string, a, b int) string {
	lead := len(q) - len(strings.TrimLeft(q, " \t"))
	q = strings.TrimSpace(q)
	a -= lead
	b -= lead
	if len(q) <= MaxQuote {
		return q
	}
	if a < 0 {
		a = 0
	}
	if b > len(q) {
		b = len(q)
	}
	// centre a window of MaxQuote bytes on the hit
	from := a - (MaxQuote-(b-a))/2
	if from < 0 {
		from = 0
	}
	to := from + MaxQuote
	if to > len(q) {
		to = len(q)
		from = max(0, to-MaxQuote)
	}
	for from > 0 && !utf8.RuneStart(q[from]) {
		from++
	}
	for to < len(q) && !utf8.RuneStart(q[to]) {
		to--
	}
	// cut at word boundaries
	if from > 0 {
		if sp := strings.IndexByte(q[from:min(to, from+30)], ' '); sp >= 0 && from+sp < a {
			from += sp + 1
		}
	}
	if to < len(q) {
		if sp := strings.LastIndexByte(q[max(from, to-30):to], ' '); sp >= 0 && max(from, to-30)+sp > b {
			to = max(from, to-30) + sp
		}
	}
	out := strings.TrimSpace(q[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(q) {
		out += "…"
	}
	return out
}
