package match

import (
	"strings"
	"unicode/utf8"

	"github.com/lacuna-project/lacuna/internal/statute"
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

// MaxContext is the longest lead-in context, in bytes, before trimming.
const MaxContext = 200

// Context returns the words a quoted clause completes, so that a reader
// sees what the quote is part of: for a list item, the lead-in of its list
// (and the lead-in above that for a sub-item: "Every one is liable to
// imprisonment … who—" then "(a) sells, buys, transfers … for the purpose
// of—"); for the closing words after a list ("is guilty of the offence …
// and is liable …"), the lead-in that opens the provision. Each part is at
// most MaxContext bytes, trimmed at its start; parts are joined with " … ".
// It is "" for a clause that stands alone.
func Context(h Hit) string {
	s := h.Seg
	if s == nil || s.Prov == nil {
		return ""
	}
	var parts []string
	if first := firstLine(s.Prov.Text); len(s.Prov.Children) > 0 && first != "" && !strings.Contains(first, strings.TrimSpace(s.Text)) {
		// closing words: the provision's lead-in is not this clause
		parts = append(parts, first)
	} else {
		// a list item: the lead-ins above it, up to two levels
		for p := s.Prov; len(parts) < 2 && p != s.Section && p.Parent != nil && isItem(p); p = p.Parent {
			lead := firstLine(p.Parent.Text)
			if lead == "" {
				break
			}
			parts = append([]string{lead}, parts...)
		}
	}
	for i, t := range parts {
		if len(t) > MaxContext {
			from := len(t) - MaxContext
			for from < len(t) && !utf8.RuneStart(t[from]) {
				from++
			}
			if sp := strings.IndexByte(t[from:], ' '); sp >= 0 && sp < 30 {
				from += sp + 1
			}
			parts[i] = "…" + t[from:]
		}
	}
	return strings.Join(parts, " … ")
}

// firstLine is the first line of a provision's own text, trimmed.
func firstLine(t string) string {
	if i := strings.IndexByte(t, '\n'); i >= 0 {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

// isItem reports whether p is a list item or a definition entry, whose
// words complete a lead-in above it.
func isItem(p *statute.Provision) bool {
	return p.Kind == statute.KindParagraph || p.Kind == statute.KindSubpara || p.Kind == statute.KindDefinition
}
