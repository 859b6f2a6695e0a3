package pdf

import (
	"math"

	east "github.com/yuin/goldmark/extension/ast"
)

type tcell struct {
	runs  []run
	align string
	lines []line
}

const (
	cellPadX  = 1.6
	cellPadY  = 1.3
	tableSize = 8.6
)

// table draws a GFM table across the width of the current box. Column widths
// follow the content; rows that do not fit continue on the next page under
// a repeated header row.
func (s *state) table(t *east.Table) {
	b := s.top()
	bodySt := style{family: "sans", size: tableSize, color: colText}
	headSt := style{family: "sans", bold: true, size: tableSize, color: [3]int{255, 255, 255}}
	var header []tcell
	var rows [][]tcell
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		isHead := r.Kind() == east.KindTableHeader
		st := bodySt
		if isHead {
			st = headSt
		}
		var cells []tcell
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			tc, ok := c.(*east.TableCell)
			if !ok {
				continue
			}
			al := "L"
			switch tc.Alignment {
			case east.AlignRight:
				al = "R"
			case east.AlignCenter:
				al = "C"
			}
			cells = append(cells, tcell{runs: s.inlines(tc, st), align: al})
		}
		if isHead {
			header = cells
		} else {
			rows = append(rows, cells)
		}
	}
	ncol := len(header)
	for _, r := range rows {
		if len(r) > ncol {
			ncol = len(r)
		}
	}
	if ncol == 0 {
		return
	}
	widths := s.columnWidths(header, rows, ncol, b.w)
	lh := lineH(tableSize)
	layoutRow := func(r []tcell) int {
		n := 1
		for i := range r {
			if i >= ncol {
				break
			}
			r[i].lines = s.layout(r[i].runs, widths[i]-2*cellPadX)
			if len(r[i].lines) > n {
				n = len(r[i].lines)
			}
		}
		return n
	}
	headN := layoutRow(header)
	headH := float64(headN)*lh + 2*cellPadY
	drawHeader := func() {
		s.fill(colNavy)
		s.pdf.Rect(b.x, s.y, b.w, headH, "F")
		s.drawCells(header, widths, b.x, s.y+cellPadY, lh, 0, headN)
		s.y += headH
		s.fresh = false
	}
	first := lh + 2*cellPadY
	if len(rows) > 0 {
		first = float64(layoutRow(rows[0]))*lh + 2*cellPadY
	}
	s.ensure(headH + math.Min(first, 3*lh+2*cellPadY))
	drawHeader()
	for ri, r := range rows {
		n := layoutRow(r)
		off := 0
		for off < n {
			room := int((s.bottom() - s.y - 2*cellPadY) / lh)
			if room < 1 || (off == 0 && room < n && n <= int((contentB-contentT-headH-2*cellPadY)/lh)) {
				s.newPage()
				drawHeader()
				continue
			}
			k := n - off
			if k > room {
				k = room
			}
			h := float64(k)*lh + 2*cellPadY
			if ri%2 == 1 {
				s.fill(colStripe)
				s.pdf.Rect(b.x, s.y, b.w, h, "F")
			}
			s.drawCells(r, widths, b.x, s.y+cellPadY, lh, off, off+k)
			s.y += h
			s.draw(colRule)
			s.pdf.SetLineWidth(0.15)
			s.pdf.Line(b.x, s.y, b.x+b.w, s.y)
			off += k
		}
	}
	s.space(4)
}

func (s *state) drawCells(r []tcell, widths []float64, x, y, lh float64, from, to int) {
	for i, c := range r {
		if i >= len(widths) {
			break
		}
		for li := from; li < to && li < len(c.lines); li++ {
			s.drawLine(c.lines[li], x+cellPadX, y+float64(li-from)*lh, lh, c.align, widths[i]-2*cellPadX)
		}
		x += widths[i]
	}
}

// columnWidths gives each column at least its longest word (capped) and
// shares the rest in proportion to how much more each column would like.
func (s *state) columnWidths(header []tcell, rows [][]tcell, ncol int, avail float64) []float64 {
	nat := make([]float64, ncol)
	mn := make([]float64, ncol)
	scan := func(r []tcell) {
		for i, c := range r {
			if i >= ncol {
				break
			}
			ls := s.layout(c.runs, 1e6)
			for _, l := range ls {
				nat[i] = math.Max(nat[i], l.w+2*cellPadX)
				for _, p := range l.pieces {
					mn[i] = math.Max(mn[i], math.Min(p.w, 32)+2*cellPadX)
				}
			}
		}
	}
	scan(header)
	for _, r := range rows {
		scan(r)
	}
	out := make([]float64, ncol)
	sumNat, sumMin := 0.0, 0.0
	for i := range nat {
		mn[i] = math.Max(mn[i], 9)
		nat[i] = math.Max(nat[i], mn[i])
		sumNat += nat[i]
		sumMin += mn[i]
	}
	switch {
	case sumNat <= avail:
		for i := range out {
			out[i] = nat[i] * avail / sumNat
		}
	case sumMin >= avail:
		for i := range out {
			out[i] = mn[i] * avail / sumMin
		}
	default:
		extra := avail - sumMin
		want := sumNat - sumMin
		for i := range out {
			out[i] = mn[i] + extra*(nat[i]-mn[i])/want
		}
	}
	return out
}
