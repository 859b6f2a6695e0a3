package statute

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// source is one file prepared for parsing: line endings normalised in place
// (CRLF becomes " \n", a lone CR becomes "\n", so byte offsets never move),
// the byte-order mark cut off, and an index of line starts.
type source struct {
	path  string
	buf   []byte // BOM removed; CR normalised
	lines []int  // byte offset of the start of each line (lines[0] == 0)
	crlf  []int  // offsets of the blanks that replaced the CR of a CRLF, ascending
}

func newSource(path string, src []byte) *source {
	s := &source{path: path}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(src, '\r') >= 0 {
		b := make([]byte, len(src))
		copy(b, src)
		for i := 0; i < len(b); i++ {
			if b[i] == '\r' {
				if i+1 < len(b) && b[i+1] == '\n' {
					b[i] = ' '
					s.crlf = append(s.crlf, i)
				} else {
					b[i] = '\n'
				}
			}
		}
		src = b
	}
	s.buf = src
	n := bytes.Count(src, []byte{'\n'})
	s.lines = make([]int, 1, n+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		s.lines = append(s.lines, off)
	}
	return s
}

// numLines is the number of lines in the file (a final line without a
// newline counts; an empty file has one, empty, line).
func (s *source) numLines() int {
	n := len(s.lines)
	if n > 1 && s.lines[n-1] == len(s.buf) {
		return n - 1
	}
	return n
}

// line returns the 1-based line holding byte offset off.
func (s *source) line(off int) int {
	if off < 0 {
		off = 0
	}
	if off > len(s.buf) {
		off = len(s.buf)
	}
	// index of the last line start <= off
	return sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off })
}

// pos returns the position of byte offset off, with the column in runes.
func (s *source) pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(s.buf) {
		off = len(s.buf)
	}
	l := s.line(off)
	start := s.lines[l-1]
	if start > off {
		start = off
	}
	return Pos{File: s.path, Line: l, Col: utf8.RuneCount(s.buf[start:off]) + 1}
}

// lineText returns line l (1-based) without its newline.
func (s *source) lineText(l int) []byte {
	if l < 1 || l > len(s.lines) {
		return nil
	}
	start := s.lines[l-1]
	end := len(s.buf)
	if l < len(s.lines) {
		end = s.lines[l] - 1
	}
	if start > end {
		return nil
	}
	return s.buf[start:end]
}

// at returns a line-only position.
func (s *source) at(line int) Pos { return Pos{File: s.path, Line: line} }

// lineFrom returns the line of offset off, searching forward from line l
// (cheaper than a binary search for consecutive lines).
func (s *source) lineFrom(l, off int) int {
	for l < len(s.lines) && s.lines[l] <= off {
		l++
	}
	return l
}

// text returns buf[from:to] without the blanks that stand for the CR of a
// CRLF line ending (a copy when there are any), so that a YAML parser sees
// the line endings the file had: a trailing blank would shift its columns.
func (s *source) text(from, to int) []byte {
	i := sort.SearchInts(s.crlf, from)
	if i == len(s.crlf) || s.crlf[i] >= to {
		return s.buf[from:to]
	}
	out := make([]byte, 0, to-from)
	prev := from
	for ; i < len(s.crlf) && s.crlf[i] < to; i++ {
		out = append(out, s.buf[prev:s.crlf[i]]...)
		prev = s.crlf[i] + 1
	}
	return append(out, s.buf[prev:to]...)
}
