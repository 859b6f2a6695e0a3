package pdf

import (
	"strconv"
	"strings"
)

const (
	noteSize = 7.8
	noteSep  = 4.0 // rule and gap above the first note of a page
	noteNumW = 5.0
)

// bottom is how far running text may go on the current page: the content
// area less the room its footnotes take.
func (s *state) bottom() float64 {
	if s.notesH == 0 {
		return contentB
	}
	return contentB - s.notesH - noteSep
}

// lineNotes returns the footnote numbers referenced in a laid-out line
// that have not been placed yet.
func (s *state) lineNotes(l line) []int {
	var out []int
	for _, p := range l.pieces {
		if !p.r.sup || !strings.HasPrefix(p.r.link, "#fn:") {
			continue
		}
		n, err := strconv.Atoi(p.r.link[len("#fn:"):])
		if err != nil || s.placed[n] || s.notes[n] == nil {
			continue
		}
		out = append(out, n)
	}
	return out
}

// noteLines lays out the text of footnote n, once.
func (s *state) noteLines(n int) []line {
	if ls, ok := s.noteCache[n]; ok {
		return ls
	}
	st := style{family: "serif", size: noteSize, color: colText}
	var runs []run
	for p := s.notes[n].FirstChild(); p != nil; p = p.NextSibling() {
		if len(runs) > 0 {
			runs = append(runs, run{text: " ", st: st})
		}
		runs = append(runs, s.inlines(p, st)...)
	}
	ls := s.layout(runs, pageW-marginL-marginR-noteNumW)
	s.noteCache[n] = ls
	return ls
}

func (s *state) noteHeight(n int) float64 {
	return float64(len(s.noteLines(n)))*lineH(noteSize) + 0.6
}

// noteRoom is the extra room the unplaced notes of a line need on this page.
func (s *state) noteRoom(l line) float64 {
	h := 0.0
	for _, n := range s.lineNotes(l) {
		h += s.noteHeight(n)
	}
	if h > 0 && s.notesH == 0 {
		h += noteSep
	}
	return h
}

// placeNotes gives the notes a line cites a place at the foot of this page.
func (s *state) placeNotes(l line) {
	for _, n := range s.lineNotes(l) {
		s.placed[n] = true
		s.pageNotes = append(s.pageNotes, n)
		s.notesH += s.noteHeight(n)
	}
}

// flushNotes draws the current page's footnotes at its foot.
func (s *state) flushNotes() {
	if len(s.pageNotes) == 0 {
		return
	}
	p := s.pdf
	y := contentB - s.notesH
	s.draw(colRule)
	p.SetLineWidth(0.3)
	p.Line(marginL, y-noteSep/2, marginL+40, y-noteSep/2)
	lh := lineH(noteSize)
	w := pageW - marginL - marginR - noteNumW
	for _, n := range s.pageNotes {
		p.SetLink(s.link("fn:"+strconv.Itoa(n)), y, p.PageNo())
		s.font("sans", "B", noteSize)
		s.color(colTeal)
		p.SetXY(marginL, y)
		p.CellFormat(noteNumW, lh, strconv.Itoa(n), "", 0, "L", false, 0, "")
		for _, l := range s.noteLines(n) {
			s.drawLine(l, marginL+noteNumW, y, lh, "L", w)
			y += lh
		}
		y += 0.6
	}
	s.pageNotes = s.pageNotes[:0]
	s.notesH = 0
}
