package report

import (
	"strings"
	"unicode"
)

// mdSpecial are the ASCII characters that can start or end Markdown syntax
// inline (emphasis, code, links, images, HTML, table cells, footnotes,
// entities, template actions); every one of them is backslash-escaped.
const mdSpecial = "\\`*_[]()#<>|!{}~&$"

// Escape makes statute text safe to insert into a Markdown template: the
// result renders as the same characters and can never be read as Markdown
// (emphasis, links, code, HTML, table pipes, footnotes) or start a block
// (heading, list, quote, thematic break, fence). Line breaks become spaces,
// so the text stays inside its paragraph or table cell.
func Escape(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f':
			return ' '
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte(mdSpecial, c) >= 0 {
			b.WriteByte('\\')
			b.WriteByte(c)
			continue
		}
		b.WriteByte(c)
	}
	return escapeLeading(b.String())
}

// escapeLeading escapes the markers that only count at the start of a line
// (after indentation): list bullets "-", "+", "*", ordered markers "1." and
// "1)", setext underlines "=", and quotes ">".
func escapeLeading(s string) string {
	t := strings.TrimLeft(s, " ")
	if t == "" {
		return s
	}
	// Leading spaces would make an indented code block at 4; drop them.
	s = t
	// A bullet counts only when followed by a space or the end of the line;
	// "---" and "===" lines are thematic breaks or setext underlines.
	switch t[0] {
	case '-', '+':
		if len(t) == 1 || t[1] == ' ' || strings.Trim(t, "- ") == "" {
			return "\\" + t
		}
	case '=':
		if strings.Trim(t, "= ") == "" {
			return "\\" + t
		}
	}
	// "12. " at the start is an ordered-list marker ("12)" is already escaped).
	i := 0
	for i < len(t) && i < 10 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i < len(t) && t[i] == '.' && (i+1 == len(t) || t[i+1] == ' ') {
		return t[:i] + "\\" + t[i:]
	}
	return s
}

// EscapeBlock escapes multi-line statute text for a block quote: each source
// line is escaped on its own and prefixed with "> ", so line breaks of the
// original survive.
func EscapeBlock(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var b strings.Builder
	first := true
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if !first {
			b.WriteString(">\n")
		}
		first = false
		b.WriteString("> ")
		b.WriteString(Escape(l))
		b.WriteByte('\n')
	}
	if first {
		return "> —\n"
	}
	return b.String()
}

// Field makes a value safe inside a directive fence (```chart, ```cover):
// one line, no backticks, no field separator.
func Field(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '|':
			return ' '
		case '`':
			return '\''
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}
