package statute

import (
	"fmt"
	"sort"
	"strings"
)

// Severity tells errors, which make input unusable, from warnings.
type Severity int

const (
	SevError Severity = iota
	SevWarning
)

// Error is a positioned problem in an input file. Msg says what is wrong and
// what was expected: `article "12" appears twice (first at line 87), expected
// unique article numbers per statute`.
type Error struct {
	Pos      Pos
	Msg      string
	Severity Severity
}

func (e *Error) Error() string {
	if e.Severity == SevWarning {
		return fmt.Sprintf("%s: warning: %s", e.Pos, e.Msg)
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

// Warn appends a warning at pos.
func (l *ErrorList) Warn(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Severity: SevWarning})
}

// Sort orders the list by file, line, column, then message.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
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
	})
}

// Errors returns only the entries of severity SevError.
func (l ErrorList) Errors() ErrorList {
	var out ErrorList
	for _, e := range l {
		if e.Severity == SevError {
			out = append(out, e)
		}
	}
	return out
}

// Error prints one entry per line, capped at MaxReported.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == MaxReported {
			fmt.Fprintf(&b, "(and %d more errors)", len(l)-MaxReported)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil when the list holds no SevError entry, else the sorted
// error entries as an error.
func (l ErrorList) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	return errs
}
