package pdf

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// style is the look of a run of text.
type style struct {
	family       string // serif or sans
	bold, italic bool
	size         float64
	color        [3]int
}

func (st style) fontStyle() string {
	switch {
	case st.bold:
		return "B" // no bold italic embedded: bold wins
	case st.italic && st.family == "serif":
		return "I" // sans has no italic embedded
	}
	return ""
}

// run is a stretch of inline text in one style.
type run struct {
	text  string
	st    style
	link  string // "#anchor" or a URL
	badge string // verdict word, drawn as a coloured badge
	sup   bool   // footnote reference
	hard  bool   // a hard line break, no text
}

// unescape removes Markdown backslash escapes (goldmark keeps them in text
// segments; its HTML writer drops them the same way).
func unescape(b []byte) string {
	if !strings.ContainsRune(string(b), '\\') {
		return string(b)
	}
	var sb strings.Builder
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) && isPunct(b[i+1]) {
			i++
		}
		sb.WriteByte(b[i])
	}
	return sb.String()
}

func isPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}

// inlines flattens the inline children of n into runs.
func (s *state) inlines(n ast.Node, st style) []run {
	var out []run
	var walk func(n ast.Node, st style, link string)
	walk = func(n ast.Node, st style, link string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(s.src)
				t := unescape(v)
				if c.IsRaw() {
					t = string(v)
				}
				out = append(out, run{text: t, st: st, link: link})
				if c.HardLineBreak() {
					out = append(out, run{hard: true, st: st})
				} else if c.SoftLineBreak() {
					out = append(out, run{text: " ", st: st, link: link})
				}
			case *ast.String:
				out = append(out, run{text: string(c.Value), st: st, link: link})
			case *ast.Emphasis:
				st2 := st
				if c.Level >= 2 {
					st2.bold = true
				} else {
					st2.italic = true
				}
				walk(c, st2, link)
			case *ast.CodeSpan:
				var sb strings.Builder
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if tx, ok := t.(*ast.Text); ok {
						sb.Write(tx.Segment.Value(s.src))
					}
				}
				word := strings.TrimSpace(sb.String())
				if _, ok := badgeColour(word); ok {
					out = append(out, run{text: word, st: st, badge: word, link: link})
				} else {
					st2 := st
					st2.family = "sans"
					st2.color = [3]int{150, 40, 40}
					st2.size = st.size * 0.92
					out = append(out, run{text: word, st: st2, link: link})
				}
			case *ast.Link:
				st2 := st
				st2.color = colLink
				walk(c, st2, string(c.Destination))
			case *ast.AutoLink:
				st2 := st
				st2.color = colLink
				u := string(c.URL(s.src))
				out = append(out, run{text: string(c.Label(s.src)), st: st2, link: u})
			case *ast.RawHTML:
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					out = append(out, run{text: string(seg.Value(s.src)), st: st, link: link})
				}
			case *east.FootnoteLink:
				st2 := st
				st2.color = colLink
				out = append(out, run{text: strconv.Itoa(c.Index), st: st2, sup: true, link: "#fn:" + strconv.Itoa(c.Index)})
			case *east.FootnoteBacklink:
			default:
				walk(c, st, link)
			}
		}
	}
	walk(n, st, "")
	return out
}

// plain is the text of runs without styling.
func plain(rs []run) string {
	var sb strings.Builder
	for _, r := range rs {
		if r.hard {
			sb.WriteByte(' ')
			continue
		}
		sb.WriteString(r.text)
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// piece is a word, a space or a badge, measured.
type piece struct {
	text  string
	r     *run
	w     float64
	space bool
}

type line struct {
	pieces []piece
	w      float64
}

const (
	badgeSize = 7.0
	badgePad  = 1.4
)

func (s *state) setFont(st style) {
	s.font(st.family, st.fontStyle(), st.size)
}

// textWidth measures t in the given font, remembering the answer.
func (s *state) textWidth(family, st string, size float64, t string) float64 {
	k := widthKey{fontKey{family, st, size}, t}
	if w, ok := s.width[k]; ok {
		return w
	}
	s.font(family, st, size)
	w := s.pdf.GetStringWidth(t)
	s.width[k] = w
	return w
}

func (s *state) measure(r *run, t string) float64 {
	switch {
	case r.badge != "":
		return s.textWidth("sans", "B", badgeSize, t) + 2*badgePad
	case r.sup:
		return s.textWidth(r.st.family, r.st.fontStyle(), r.st.size*0.62, t) + 0.3
	}
	return s.textWidth(r.st.family, r.st.fontStyle(), r.st.size, t)
}

// layout breaks runs into lines no wider than width. Words longer than a
// line are split between characters.
func (s *state) layout(runs []run, width float64) []line {
	var lines []line
	cur := line{}
	flush := func() {
		// drop trailing spaces
		for len(cur.pieces) > 0 && cur.pieces[len(cur.pieces)-1].space {
			cur.w -= cur.pieces[len(cur.pieces)-1].w
			cur.pieces = cur.pieces[:len(cur.pieces)-1]
		}
		lines = append(lines, cur)
		cur = line{}
	}
	add := func(p piece) {
		if p.space && len(cur.pieces) == 0 {
			return
		}
		if !p.space && cur.w+p.w > width+0.01 && len(cur.pieces) > 0 {
			flush()
		}
		if !p.space && p.w > width && p.r.badge == "" {
			// split an over-long word between characters, measuring each
			// character once
			rs := []rune(p.text)
			ws := make([]float64, len(rs))
			for i, c := range rs {
				ws[i] = s.measure(p.r, string(c))
			}
			for len(rs) > 0 {
				n, w := 0, 0.0
				for n < len(rs) && cur.w+w+ws[n] <= width {
					w += ws[n]
					n++
				}
				if n == 0 {
					if len(cur.pieces) > 0 {
						flush()
						continue
					}
					n, w = 1, ws[0]
				}
				cur.pieces = append(cur.pieces, piece{text: string(rs[:n]), r: p.r, w: w})
				cur.w += w
				rs, ws = rs[n:], ws[n:]
				if len(rs) > 0 {
					flush()
				}
			}
			return
		}
		cur.pieces = append(cur.pieces, p)
		cur.w += p.w
	}
	for i := range runs {
		r := &runs[i]
		if r.hard {
			flush()
			continue
		}
		if r.badge != "" || r.sup {
			add(piece{text: r.text, r: r, w: s.measure(r, r.text)})
			continue
		}
		words := splitSpaces(r.text)
		for _, w := range words {
			if w == " " {
				add(piece{text: " ", r: r, w: s.measure(r, " "), space: true})
				continue
			}
			add(piece{text: w, r: r, w: s.measure(r, w)})
		}
	}
	if len(cur.pieces) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// splitSpaces splits text into words and single-space separators. Words
// are further cut after "-", "/" and a "." followed by a letter, so that
// long identifiers (requirement IDs, statute IDs, paths) can wrap there
// rather than between arbitrary characters.
func splitSpaces(t string) []string {
	var out []string
	for len(t) > 0 {
		i := strings.IndexAny(t, " \t\n")
		if i < 0 {
			out = append(out, breakWord(t)...)
			break
		}
		if i > 0 {
			out = append(out, breakWord(t[:i])...)
		}
		if len(out) == 0 || out[len(out)-1] != " " {
			out = append(out, " ")
		}
		t = t[i+1:]
	}
	return out
}

func breakWord(w string) []string {
	var out []string
	start := 0
	for i := 0; i < len(w)-1; i++ {
		c := w[i]
		next := w[i+1]
		brk := c == '-' || c == '/'
		if c == '-' && isDigit(next) && i > 0 && isDigit(w[i-1]) {
			// never inside a date or a section number ("2026-01-10",
			// "707-781")
			brk = false
		}
		if c == '.' && (next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z') {
			brk = true
		}
		if brk && i+1-start >= 2 {
			out = append(out, w[start:i+1])
			start = i + 1
		}
	}
	return append(out, w[start:])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// drawLine draws one laid-out line with its left edge at x and top at y.
func (s *state) drawLine(l line, x, y, lh float64, align string, width float64) {
	switch align {
	case "R":
		x += width - l.w
	case "C":
		x += (width - l.w) / 2
	}
	p := s.pdf
	for i := 0; i < len(l.pieces); {
		pc := l.pieces[i]
		r := pc.r
		if r.badge != "" {
			c, _ := badgeColour(r.badge)
			bh := lineH(badgeSize) * 0.95
			if bh > lh {
				bh = lh
			}
			by := y + (lh-bh)/2
			s.fill(c)
			p.RoundedRect(x, by, pc.w, bh, 0.9, "1234", "F")
			s.font("sans", "B", badgeSize)
			p.SetTextColor(255, 255, 255)
			p.SetXY(x, by)
			p.CellFormat(pc.w, bh, pc.text, "", 0, "C", false, s.linkID(r.link), s.linkURL(r.link))
			x += pc.w
			i++
			continue
		}
		// merge consecutive pieces of the same run
		t := pc.text
		w := pc.w
		j := i + 1
		for j < len(l.pieces) && l.pieces[j].r == r {
			t += l.pieces[j].text
			w += l.pieces[j].w
			j++
		}
		if r.sup {
			s.font(r.st.family, r.st.fontStyle(), r.st.size*0.62)
			s.color(r.st.color)
			p.SetXY(x, y-lh*0.18)
		} else {
			s.setFont(r.st)
			s.color(r.st.color)
			p.SetXY(x, y)
		}
		p.CellFormat(w, lh, t, "", 0, "L", false, s.linkID(r.link), s.linkURL(r.link))
		x += w
		i = j
	}
}

// linkID is the fpdf link of an internal target ("#id"); 0 for external
// links and for anchors that no heading or note defines (a dangling link
// would point at no page).
func (s *state) linkID(l string) int {
	if strings.HasPrefix(l, "#") && s.known[l[1:]] {
		return s.link(l[1:])
	}
	return 0
}

func (s *state) linkURL(l string) string {
	if l == "" || strings.HasPrefix(l, "#") {
		return ""
	}
	return l
}
