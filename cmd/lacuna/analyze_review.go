package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
)

// needsReview reports whether a finding is flagged for a person's reading.
func needsReview(f score.Finding) bool { return f.Review != nil && f.Review.Needed }

// reviewMark is the marker beside a flagged verdict in Markdown tables.
func reviewMark(f score.Finding) string {
	if needsReview(f) {
		return " ⚑ review needed"
	}
	return ""
}

// writeReviewText writes, under a finding's row of the text output, the
// review flag with its reasons.
func writeReviewText(w io.Writer, f score.Finding) {
	if needsReview(f) {
		for _, r := range f.Review.Reasons {
			fmt.Fprintf(w, "%32s   ⚑ review needed (%s): %s\n", "", r.Code, r.Text)
		}
	}
}

// writeConfidenceText writes, for --explain, the finding's confidence and,
// for a gap, the nearest provisions and what each lacks.
func writeConfidenceText(w io.Writer, f score.Finding) {
	if c := f.Confidence; c != nil {
		low := ""
		if len(c.LoweredBy) > 0 {
			low = " (lowered by: " + strings.Join(c.LoweredBy, ", ") + ")"
		}
		fmt.Fprintf(w, "%32s   confidence %.2f%s\n", "", c.Value, low)
	}
	for _, n := range f.Nearest {
		has := ""
		if len(n.Has) > 0 {
			has = "has " + strings.Join(n.Has, "; ") + "; "
		}
		fmt.Fprintf(w, "%32s   nearest %s %s:%d %slacks %s “%s”\n", "", n.Statute, n.Provision, n.Line, has, strings.Join(n.Lacks, "; "), oneLine(n.Quote, 70))
	}
	if f.NearestNone != "" {
		fmt.Fprintf(w, "%32s   nearest: none, %s\n", "", f.NearestNone)
	}
}

// writeReviewMarkdown lists the flagged findings with their reasons and the
// candidate provision, after the findings table.
func writeReviewMarkdown(w io.Writer, r *score.Result) {
	first := true
	for _, f := range r.Findings {
		if !needsReview(f) {
			continue
		}
		if first {
			fmt.Fprintf(w, "\n## Review needed\n\nThe verdict of these findings is the engine's best guess; read the candidate provision.\n\n")
			first = false
		}
		var rs []string
		for _, x := range f.Review.Reasons {
			rs = append(rs, mdEscape(x.Text))
		}
		fmt.Fprintf(w, "- `%s` (%s): %s", f.Requirement, f.MachineVerdict, strings.Join(rs, " "))
		if e := f.Review.Candidate; e != nil {
			fmt.Fprintf(w, " Candidate: %s %s (line %d): “%s”", e.Statute, e.Provision, e.Line, mdEscape(e.Quote))
		}
		fmt.Fprintln(w)
	}
}
