package statute

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteOutline writes the provision tree of s, one provision a line,
// indented by depth: line range, ID, kind, heading, repealed mark. It is the
// format of `lacuna corpus show` and of the golden files.
func WriteOutline(w io.Writer, s *Statute) error {
	bw := bufio.NewWriter(w)
	for _, p := range s.All {
		fmt.Fprintf(bw, "%5d-%-5d %s%s", p.Line, p.EndLine, strings.Repeat("  ", p.Depth), p.ID)
		if p.Kind == KindDivision || p.Kind == KindSection || p.Kind == KindPreamble {
			fmt.Fprintf(bw, " [%s]", p.Kind)
		}
		if p.Heading != "" {
			fmt.Fprintf(bw, " %s", clip(p.Heading, 70))
		}
		if p.Repealed {
			bw.WriteString(" (repealed)")
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
