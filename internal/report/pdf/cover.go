package pdf

import (
	"strings"

	"github.com/lacuna-project/lacuna/internal/report"
)

// cover draws a full cover page (no running header or footer), or with
// banner a title band at the top of the first page.
func (s *state) cover(c report.CoverBlock, banner bool) {
	if banner {
		s.banner(c)
		return
	}
	if !s.fresh {
		s.newPage()
	}
	p := s.pdf
	s.bare[p.PageNo()] = true
	bandH := 118.0
	s.fill(colNavy)
	p.Rect(0, 0, pageW, bandH, "F")
	s.fill(colTeal)
	p.Rect(0, bandH, pageW, 2.2, "F")
	w := pageW - 2*marginL
	s.font("sans", "B", 9)
	p.SetTextColor(150, 205, 215)
	p.SetXY(marginL, 24)
	p.CellFormat(w, 5, "LACUNA · "+strings.ToUpper(s.words().BriefingPack), "", 0, "L", false, 0, "")
	s.y = 38
	st := style{family: "sans", bold: true, size: 25, color: [3]int{255, 255, 255}}
	s.text([]run{{text: c.Title, st: st}}, st.size, "L")
	if c.Subtitle != "" {
		s.y += 3
		st2 := style{family: "sans", size: 14, color: [3]int{190, 225, 232}}
		s.text([]run{{text: c.Subtitle, st: st2}}, st2.size, "L")
	}
	if c.Score != "" {
		s.scoreDisc(pageW-marginR-17, bandH-26, 17, c.Score)
	}
	s.y = bandH + 14
	keyW := 46.0
	for _, kv := range c.Fields {
		s.font("sans", "B", 7.5)
		s.color(colMuted)
		p.SetXY(marginL, s.y+0.9)
		p.CellFormat(keyW, 4, strings.ToUpper(kv.Key), "", 0, "L", false, 0, "")
		s.push(box{x: marginL + keyW, w: w - keyW})
		s.text([]run{{text: kv.Value, st: style{family: "serif", size: 11, color: colText}}}, 11, "L")
		s.pop()
		s.y += 2.2
	}
	if len(c.Items) > 0 {
		s.y += 4
		s.font("sans", "B", 7.5)
		s.color(colMuted)
		p.SetXY(marginL, s.y)
		p.CellFormat(w, 4, strings.ToUpper(s.words().StatutesAnalysed), "", 0, "L", false, 0, "")
		s.y += 6
		for _, it := range c.Items {
			s.fill(colTeal)
			p.Rect(marginL+0.5, s.y+1.6, 1.4, 1.4, "F")
			s.push(box{x: marginL + 5, w: w - 5})
			s.text([]run{{text: it, st: style{family: "serif", size: 10, color: colText}}}, 10, "L")
			s.pop()
			s.y += 1.2
		}
	}
	if c.Note != "" {
		st := style{family: "serif", italic: true, size: 9, color: colMuted}
		lines := s.layout([]run{{text: c.Note, st: st}}, w-8)
		lh := lineH(9)
		h := float64(len(lines))*lh + 6
		y := 272 - h
		if y < s.y+4 {
			y = s.y + 4
		}
		s.fill(colStripe)
		p.Rect(marginL, y, w, h, "F")
		s.fill(colTeal)
		p.Rect(marginL, y, 1, h, "F")
		for i, l := range lines {
			s.drawLine(l, marginL+5, y+3+float64(i)*lh, lh, "L", w-8)
		}
	}
	s.newPage()
}

// banner draws a compact title band at the top of the current page.
func (s *state) banner(c report.CoverBlock) {
	p := s.pdf
	if !s.fresh {
		s.newPage()
	}
	s.noHeader(p.PageNo())
	w := pageW - 2*marginL
	s.y = 14
	st := style{family: "sans", bold: true, size: 19, color: [3]int{255, 255, 255}}
	tw := w
	if c.Score != "" {
		tw -= 36
	}
	lines := s.layout([]run{{text: c.Title, st: st}}, tw)
	bandH := 14 + float64(len(lines))*lineH(19) + 14
	if bandH < 46 {
		bandH = 46
	}
	s.fill(colNavy)
	p.Rect(0, 0, pageW, bandH, "F")
	s.fill(colTeal)
	p.Rect(0, bandH, pageW, 1.6, "F")
	s.font("sans", "B", 8)
	p.SetTextColor(150, 205, 215)
	p.SetXY(marginL, 8)
	p.CellFormat(w, 4, "LACUNA · "+strings.ToUpper(c.Subtitle), "", 0, "L", false, 0, "")
	for _, l := range lines {
		s.drawLine(l, marginL, s.y, lineH(19), "L", w)
		s.y += lineH(19)
	}
	if c.Score != "" {
		s.scoreDisc(pageW-marginR-15, bandH/2+1, 15, c.Score)
	}
	s.y = bandH + 6
	for _, kv := range c.Fields {
		s.text([]run{
			{text: s.words().Label(kv.Key) + " ", st: style{family: "sans", bold: true, size: 9, color: colMuted}},
			{text: kv.Value, st: style{family: "sans", size: 9, color: colText}},
		}, 9, "L")
		s.y += 0.6
	}
	if c.Note != "" {
		s.y += 1.5
		s.text([]run{{text: c.Note, st: style{family: "serif", italic: true, size: 9, color: colMuted}}}, 9, "L")
	}
	s.y += 4
	s.fresh = false
}

func (s *state) noHeader(page int) {
	if s.headless == nil {
		s.headless = map[int]bool{}
	}
	s.headless[page] = true
}

// scoreDisc draws the headline score as a white disc centred at (cx, cy).
func (s *state) scoreDisc(cx, cy, r float64, score string) {
	p := s.pdf
	p.SetFillColor(255, 255, 255)
	p.Circle(cx, cy, r, "F")
	v, _ := report.ParseNumber(score)
	s.draw(scoreColour(v))
	p.SetLineWidth(1.6)
	p.Circle(cx, cy, r-1.6, "D")
	s.font("sans", "B", r*1.25)
	s.color(colNavy)
	p.SetXY(cx-r, cy-r*0.55)
	p.CellFormat(2*r, r*0.8, score, "", 0, "C", false, 0, "")
	s.font("sans", "", r*0.5)
	s.color(colMuted)
	p.SetXY(cx-r, cy+r*0.25)
	p.CellFormat(2*r, r*0.4, s.words().OutOf100, "", 0, "C", false, 0, "")
}
