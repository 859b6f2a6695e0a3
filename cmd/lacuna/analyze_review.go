package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
)

// needsReview reports whether a finding is flagged for a person's reading.
func needsReview(f score.Finding) bool { return f.Review != nil && f.Review.Needed }

// reviewMark is the marker beside a flagged verdict in Markdown tables.
func reviewMark(f score.Finding, loc *report.Locale) string {
	if needsReview(f) {
		return loc.T("cli-md-review-mark")
	}
	return ""
}

// writeReviewText writes, under a finding's row of the text output, the
// review flag with its reasons.
func writeReviewText(w io.Writer, f score.Finding, loc *report.Locale) {
	if needsReview(f) {
		for _, r := range f.Review.Reasons {
			fmt.Fprintf(w, "%32s   %s\n", "", loc.T("cli-review-needed", "code", r.Code, "text", r.Text))
		}
	}
}

// writeConfidenceText writes, for --explain, the finding's confidence and,
// for a gap, the nearest provisions and what each lacks.
func writeConfidenceText(w io.Writer, f score.Finding, loc *report.Locale) {
	if c := f.Confidence; c != nil {
		low := ""
		if len(c.LoweredBy) > 0 {
			low = loc.T("cli-lowered-by", "features", strings.Join(c.LoweredBy, ", "))
		}
		fmt.Fprintf(w, "%32s   %s\n", "", loc.T("cli-confidence", "value", fixed(loc, c.Value, 2), "lowered", low))
	}
	for _, n := range f.Nearest {
		has := ""
		if len(n.Has) > 0 {
			has = loc.T("cli-has", "has", strings.Join(n.Has, "; "))
		}
		fmt.Fprintf(w, "%32s   %s\n", "", loc.T("cli-nearest", "cite", fmt.Sprintf("%s %s:%d", n.Statute, n.Provision, n.Line), "has", has,
			"lacks", strings.Join(n.Lacks, "; "), "quote", oneLine(n.Quote, 70)))
	}
	if f.NearestNone != "" {
		fmt.Fprintf(w, "%32s   %s\n", "", loc.T("cli-nearest-none", "reason", f.NearestNone))
	}
}

// writeReviewMarkdown lists the flagged findings with their reasons and the
// candidate provision, after the findings table.
func writeReviewMarkdown(w io.Writer, r *score.Result, loc *report.Locale) {
	first := true
	for _, f := range r.Findings {
		if !needsReview(f) {
			continue
		}
		if first {
			fmt.Fprintf(w, "\n## %s\n\n%s\n\n", loc.T("cli-md-review-head"), loc.T("cli-md-review-intro"))
			first = false
		}
		var rs []string
		for _, x := range f.Review.Reasons {
			rs = append(rs, mdEscape(x.Text))
		}
		fmt.Fprintf(w, "- `%s` (%s)%s%s", f.Requirement, cliVerdict(loc, f.MachineVerdict), loc.T("colon"), strings.Join(rs, " "))
		if e := f.Review.Candidate; e != nil {
			fmt.Fprint(w, loc.T("cli-md-candidate", "statute", e.Statute, "provision", e.Provision, "line", e.Line, "quote", mdEscape(e.Quote)))
		}
		fmt.Fprintln(w)
	}
}
