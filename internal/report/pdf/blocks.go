package pdf

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/lacuna-project/lacuna/internal/report"
)

func bodyStyle() style {
	return style{family: "serif", size: bodySize, color: colText}
}

// blocks draws the block children of n in order.
func (s *state) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		s.block(c)
	}
}

func (s *state) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		s.heading(n)
	case *ast.Paragraph:
		s.paragraph(n, s.textStyle(), 3)
	case *ast.TextBlock:
		s.paragraph(n, s.textStyle(), 1)
	case *ast.List:
		s.list(n)
	case *ast.Blockquote:
		s.blockquote(n)
	case *ast.FencedCodeBlock:
		s.fenced(n)
	case *ast.CodeBlock:
		s.code(n)
	case *ast.ThematicBreak:
		s.space(2)
		s.draw(colRule)
		s.pdf.SetLineWidth(0.3)
		b := s.top()
		s.pdf.Line(b.x, s.y, b.x+b.w, s.y)
		s.space(4)
	case *east.Table:
		s.table(n)
	case *east.FootnoteList:
		s.footnotes(n)
	case *ast.HTMLBlock:
		// Templates never need raw HTML; statute text cannot produce it.
	default:
		s.blocks(n)
	}
}

// textStyle is body text, italic inside a quote.
func (s *state) textStyle() style {
	st := bodyStyle()
	if s.top().quote {
		st.italic = true
		st.color = [3]int{55, 65, 75}
	}
	return st
}

// paragraph lays out n's inline content in the current box.
func (s *state) paragraph(n ast.Node, st style, after float64) {
	runs := s.inlines(n, st)
	s.text(runs, st.size, "L")
	s.space(after)
}

// text draws runs as wrapped lines in the current box, keeping at least
// two lines of a paragraph together at a page break.
func (s *state) text(runs []run, size float64, align string) {
	b := s.top()
	lh := lineH(size)
	lines := s.layout(runs, b.w)
	if len(lines) > 1 {
		s.ensure(2 * lh)
	} else {
		s.ensure(lh)
	}
	for i, l := range lines {
		if i > 0 && s.y+lh+s.noteRoom(l) > s.bottom() {
			s.newPage()
		}
		if i == 0 && s.noteRoom(l) > 0 && s.y+lh+s.noteRoom(l) > s.bottom() && !s.fresh {
			s.newPage()
		}
		s.bars(s.y, lh)
		s.drawLine(l, b.x, s.y, lh, align, b.w)
		s.y += lh
		s.fresh = false
		s.placeNotes(l)
	}
}

var headingSizes = map[int]float64{1: 19, 2: 13.5, 3: 11.5, 4: 10.5, 5: 10.5, 6: 10.5}

func (s *state) heading(n *ast.Heading) {
	size := headingSizes[n.Level]
	st := style{family: "sans", bold: true, size: size, color: colNavy}
	if n.Level >= 3 {
		st.color = colTeal
	}
	runs := s.inlines(n, st)
	lh := lineH(size)
	before := map[int]float64{1: 6, 2: 5, 3: 2.5, 4: 2, 5: 2, 6: 2}[n.Level]
	keep := headingKeep(n)
	if !s.fresh {
		if s.y+before+lh+keep > s.bottom() {
			s.newPage()
		} else {
			s.space(before)
		}
	}
	id := headingID(n)
	s.setAnchor(id)
	if i, ok := s.tocIndex[n]; ok {
		s.toc[i].page = s.pdf.PageNo()
	}
	if n.Level <= 2 {
		s.font("sans", "B", size)
		s.pdf.Bookmark(plain(runs), n.Level-1, s.y)
	}
	s.text(runs, size, "L")
	if n.Level == 1 {
		s.draw(colTeal)
		s.pdf.SetLineWidth(0.6)
		s.pdf.Line(s.top().x, s.y+0.8, s.top().x+30, s.y+0.8)
		s.y += 5
	} else {
		s.y += 1.5
	}
}

// headingKeep is the room a heading needs below it so that it is not left
// alone at the foot of a page: a few lines of text, or the next heading and
// what that one needs.
func headingKeep(n ast.Node) float64 {
	h, ok := n.(*ast.Heading)
	if !ok {
		return 0
	}
	keep := map[int]float64{1: 30, 2: 28, 3: 20, 4: 16, 5: 12, 6: 12}[h.Level]
	if next, ok := n.NextSibling().(*ast.Heading); ok {
		keep = lineH(headingSizes[next.Level]) + 6 + headingKeep(next)
	}
	return keep
}

func (s *state) list(n *ast.List) {
	b := s.top()
	num := n.Start
	if num == 0 {
		num = 1
	}
	st := s.textStyle()
	indent := 5.5
	if n.IsOrdered() {
		indent = 7
	}
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		s.ensure(lineH(st.size))
		marker := "•"
		if n.IsOrdered() {
			marker = strconv.Itoa(num) + "."
			num++
		}
		s.setFont(st)
		s.color(colTeal)
		s.pdf.SetXY(b.x+0.5, s.y)
		s.pdf.CellFormat(indent-1, lineH(st.size), marker, "", 0, "L", false, 0, "")
		s.push(box{x: b.x + indent, w: b.w - indent})
		s.blocks(it)
		s.pop()
	}
	s.space(2)
}

func (s *state) blockquote(n *ast.Blockquote) {
	b := s.top()
	s.push(box{x: b.x + 5, w: b.w - 5, quote: true, barX: b.x + 1})
	s.blocks(n)
	s.pop()
	s.space(1)
}

func (s *state) code(n ast.Node) {
	var sb strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		sb.Write(seg.Value(s.src))
	}
	st := style{family: "sans", size: 8.5, color: colText}
	b := s.top()
	lh := lineH(st.size)
	for _, l := range strings.Split(strings.TrimRight(sb.String(), "\n"), "\n") {
		lines := s.layout([]run{{text: l, st: st}}, b.w-4)
		for _, ln := range lines {
			s.ensure(lh)
			s.fill(colStripe)
			s.pdf.Rect(b.x, s.y, b.w, lh, "F")
			s.drawLine(ln, b.x+2, s.y, lh, "L", b.w-4)
			s.y += lh
			s.fresh = false
		}
	}
	s.space(3)
}

func (s *state) fenced(n *ast.FencedCodeBlock) {
	info := strings.TrimSpace(string(n.Language(s.src)))
	if !report.IsDirective(info) {
		s.code(n)
		return
	}
	var sb strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		sb.Write(seg.Value(s.src))
	}
	body := sb.String()
	switch info {
	case report.FenceCover:
		c := report.ParseCover(body)
		s.cover(c, c.Layout == "banner")
	case report.FenceTOC:
		s.reserveTOC()
	case report.FenceChart:
		s.chart(report.ParseChart(body))
	case report.FencePageBreak:
		if !s.fresh {
			s.newPage()
		}
	}
}

// footnotes draws, under a "Notes" heading at the end, the notes whose
// reference was not in running text (a table cell, say): the others are
// already at the foot of the page that cites them.
func (s *state) footnotes(n *east.FootnoteList) {
	var rest []*east.Footnote
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if fn, ok := c.(*east.Footnote); ok && !s.placed[fn.Index] {
			rest = append(rest, fn)
		}
	}
	if len(rest) == 0 {
		return
	}
	if !s.fresh {
		s.newPage()
	}
	s.setAnchor("notes")
	st := style{family: "sans", bold: true, size: headingSizes[1], color: colNavy}
	s.font("sans", "B", st.size)
	s.pdf.Bookmark(s.words().Notes, 0, s.y)
	s.text([]run{{text: s.words().Notes, st: st}}, st.size, "L")
	s.draw(colTeal)
	s.pdf.SetLineWidth(0.6)
	s.pdf.Line(s.top().x, s.y+0.8, s.top().x+30, s.y+0.8)
	s.y += 5
	b := s.top()
	fst := style{family: "serif", size: smallSize, color: colText}
	for _, fn := range rest {
		lh := lineH(fst.size)
		s.ensure(lh)
		s.setAnchor("fn:" + strconv.Itoa(fn.Index))
		s.setFont(style{family: "sans", bold: true, size: fst.size})
		s.color(colTeal)
		s.pdf.SetXY(b.x, s.y)
		s.pdf.CellFormat(8, lh, strconv.Itoa(fn.Index)+".", "", 0, "L", false, 0, "")
		s.push(box{x: b.x + 8, w: b.w - 8})
		for p := fn.FirstChild(); p != nil; p = p.NextSibling() {
			s.paragraph(p, fst, 1)
		}
		s.pop()
	}
}
