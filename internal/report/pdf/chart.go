package pdf

import (
	"fmt"
	"math"

	"github.com/lacuna-project/lacuna/internal/report"
)

// scoreColour grades a 0–100 score: red below 40, amber below 70, green.
func scoreColour(v float64) [3]int {
	switch {
	case v < 40:
		return [3]int{198, 40, 40}
	case v < 70:
		return [3]int{230, 145, 0}
	}
	return [3]int{46, 125, 50}
}

// chart draws a horizontal bar chart on a 0–100 scale with fpdf's own
// rectangles and lines; it never breaks across pages.
func (s *state) chart(c report.Chart) {
	if len(c.Bars) == 0 {
		return
	}
	b := s.top()
	p := s.pdf
	const (
		titleH = 8.0
		barH   = 5.0
		gap    = 2.6
		axisH  = 7.0
	)
	labelW, valueW, noteW := 54.0, 12.0, 34.0
	plotW := b.w - labelW - valueW - noteW - 2
	h := titleH + float64(len(c.Bars))*(barH+gap) + axisH + 4
	s.ensure(h)
	y := s.y
	if c.Title != "" {
		s.font("sans", "B", 10)
		s.color(colNavy)
		p.SetXY(b.x, y)
		p.CellFormat(b.w, titleH-2, fitText(p, c.Title, b.w), "", 0, "L", false, 0, "")
	}
	y += titleH
	x0 := b.x + labelW
	plotTop := y - 1
	plotBottom := y + float64(len(c.Bars))*(barH+gap)
	// grid
	p.SetLineWidth(0.15)
	for _, g := range []float64{0, 25, 50, 75, 100} {
		gx := x0 + plotW*g/100
		s.draw(colRule)
		p.Line(gx, plotTop, gx, plotBottom)
		s.font("sans", "", 7)
		s.color(colMuted)
		p.SetXY(gx-6, plotBottom+0.8)
		p.CellFormat(12, 4, fmt.Sprint(g), "", 0, "C", false, 0, "")
	}
	for _, bar := range c.Bars {
		by := y + gap/2
		s.font("sans", "", 8.5)
		s.color(colText)
		p.SetXY(b.x, by)
		p.CellFormat(labelW-3, barH, fitText(p, bar.Label, labelW-3), "", 0, "R", false, 0, "")
		s.fill([3]int{236, 239, 242})
		p.Rect(x0, by, plotW, barH, "F")
		v := math.Max(0, math.Min(100, bar.Value))
		if v > 0 {
			s.fill(scoreColour(v))
			p.Rect(x0, by, plotW*v/100, barH, "F")
		}
		s.font("sans", "B", 8.5)
		s.color(scoreColour(bar.Value))
		p.SetXY(x0+plotW+1.5, by)
		p.CellFormat(valueW, barH, s.words().Pct(bar.Value), "", 0, "L", false, 0, "")
		if bar.Note != "" {
			s.font("sans", "", 7.5)
			s.color(colMuted)
			p.SetXY(x0+plotW+1.5+valueW, by)
			p.CellFormat(noteW, barH, fitText(p, bar.Note, noteW), "", 0, "L", false, 0, "")
		}
		y += barH + gap
	}
	s.y = plotBottom + axisH
	s.fresh = false
	s.space(3)
}
