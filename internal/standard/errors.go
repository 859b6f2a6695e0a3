package standard

import (
	"fmt"
	"sort"
	"strings"
)

// Error is a positioned problem in a map file. Msg says what is wrong and
// what was expected. A Pos with no line (a whole-map problem such as a
// missing core requirement) prints as "file: msg".
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string {
	if e.Pos.Line == 0 {
		if e.Pos.File == "" {
			return e.Msg
		}
		return fmt.Sprintf("%s: %s", e.Pos.File, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// MaxReported caps how many entries ErrorList.Error prints.
const MaxReported = 50

// ErrorList collects positioned errors, like go/scanner.ErrorList.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Len, Less and Swap sort by file, line, column, then message.
func (l ErrorList) Len() int      { return len(l) }
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i].Pos, l[j].Pos
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return l[i].Msg < l[j].Msg
}

// Sort orders the list by position, then message.
func (l ErrorList) Sort() { sort.Stable(l) }

// Error prints one entry per line, capped at MaxReported.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == MaxReported {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-MaxReported)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil when the list is empty, else the sorted list.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
