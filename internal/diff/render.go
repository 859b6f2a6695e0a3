package diff

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
)

// Side describes one side of a comparison: the statute versions analysed
// and the overall score they gave.
type Side struct {
	Label    string             `json:"label"` // "2011-01-01", or a file name
	AsOf     string             `json:"as_of,omitempty"`
	Statutes []score.StatuteRef `json:"statutes"`
	Overall  float64            `json:"overall"`
}

// Report is the whole output of `lacuna diff`: provision changes per
// statute and the verdict changes they caused. Its JSON form is documented
// in docs/diff-format.md.
type Report struct {
	Country  string         `json:"country"`
	Mapping  string         `json:"mapping_version"`
	Old      Side           `json:"old"`
	New      Side           `json:"new"`
	Statutes []*StatuteDiff `json:"statutes"`
	Verdicts *ResultDiff    `json:"verdicts"`
}

// NewReport builds a report from the two analyses and the statute diffs.
func NewReport(country, oldLabel, newLabel string, oldRes, newRes *score.Result, statutes []*StatuteDiff) *Report {
	r := &Report{Country: country, Mapping: newRes.MappingVersion, Statutes: statutes,
		Old: Side{Label: oldLabel, AsOf: oldRes.AsOf, Statutes: oldRes.Statutes, Overall: oldRes.Scores.Overall},
		New: Side{Label: newLabel, AsOf: newRes.AsOf, Statutes: newRes.Statutes, Overall: newRes.Scores.Overall},
	}
	if r.Statutes == nil {
		r.Statutes = []*StatuteDiff{}
	}
	r.Verdicts = Results(oldRes, newRes, statutes)
	if r.Verdicts.Changes == nil {
		r.Verdicts.Changes = []VerdictChange{}
	}
	for i := range r.Verdicts.Changes {
		if r.Verdicts.Changes[i].Causes == nil {
			r.Verdicts.Changes[i].Causes = []Cause{}
		}
	}
	for _, sd := range r.Statutes {
		if sd.Changes == nil {
			sd.Changes = []ProvisionChange{}
		}
	}
	return r
}

// TextOptions tune the text rendering.
type TextOptions struct {
	// Color marks insertions green and deletions red with ANSI escapes
	// instead of the [-old-]{+new+} markers.
	Color bool
	// Context is the number of unchanged words kept on each side of an
	// edit (default 8); longer unchanged runs are elided with "…".
	Context int
}

const (
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiBold  = "\x1b[1m"
	ansiReset = "\x1b[0m"
)

// InlineOps renders word ops on one string: deletions as [-…-] and
// insertions as {+…+} (or coloured), long unchanged runs elided.
func InlineOps(ops []Op, o TextOptions) string {
	if o.Context <= 0 {
		o.Context = 8
	}
	var b strings.Builder
	for i, op := range ops {
		switch op.Kind {
		case "+":
			if o.Color {
				b.WriteString(ansiGreen + op.Text + ansiReset)
			} else {
				b.WriteString("{+" + op.Text + "+}")
			}
		case "-":
			if o.Color {
				b.WriteString(ansiRed + op.Text + ansiReset)
			} else {
				b.WriteString("[-" + op.Text + "-]")
			}
		default:
			b.WriteString(elide(op.Text, o.Context, i > 0, i < len(ops)-1))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// elide keeps ctx words after a preceding edit (head) and before a
// following one (tail) of an unchanged run.
func elide(s string, ctx int, head, tail bool) string {
	toks := tokens(s)
	var wordIdx []int
	for i, t := range toks {
		if isWordTok(t) {
			wordIdx = append(wordIdx, i)
		}
	}
	keep := 0
	if head {
		keep += ctx
	}
	if tail {
		keep += ctx
	}
	if len(wordIdx) <= keep+2 {
		return s
	}
	var b strings.Builder
	if head {
		b.WriteString(strings.Join(toks[:wordIdx[ctx-1]+1], ""))
	}
	b.WriteString(" … ")
	if tail {
		b.WriteString(strings.Join(toks[wordIdx[len(wordIdx)-ctx]:], ""))
	}
	return b.String()
}

func signed(f float64) string {
	if f >= 0 {
		return fmt.Sprintf("+%.1f", f)
	}
	return fmt.Sprintf("%.1f", f)
}

func changeTitle(c ProvisionChange) string {
	switch c.Kind {
	case Added:
		return fmt.Sprintf("added %s (new line %d)", c.NewID, c.NewLine)
	case Removed:
		return fmt.Sprintf("removed %s (old line %d)", c.OldID, c.OldLine)
	case Moved:
		return fmt.Sprintf("moved %s → %s (lines %d → %d, similarity %.2f)", c.OldID, c.NewID, c.OldLine, c.NewLine, c.Similarity)
	}
	return fmt.Sprintf("%s %s (lines %d → %d)", c.Kind, c.NewID, c.OldLine, c.NewLine)
}

func summaryLine(sd *StatuteDiff) string {
	var parts []string
	for _, k := range []ChangeKind{Changed, Moved, Added, Removed} {
		parts = append(parts, fmt.Sprintf("%d %s", sd.Summary[k], k))
	}
	return strings.Join(parts, ", ")
}

func causeText(c Cause) string {
	ev := "new evidence"
	if c.Side == "old" {
		ev = "evidence lost"
	}
	return fmt.Sprintf("%s %s (%s, %s)", c.Statute, c.Provision, c.Kind, ev)
}

// WriteText writes the report for a terminal or a plain-text file.
func WriteText(w io.Writer, r *Report, o TextOptions) error {
	bold := func(s string) string {
		if o.Color {
			return ansiBold + s + ansiReset
		}
		return s
	}
	fmt.Fprintf(w, "%s %s → %s\n", bold("Lacuna diff"), r.Old.Label, r.New.Label)
	for _, sd := range r.Statutes {
		fmt.Fprintf(w, "\n%s %s → %s: %s\n", bold("statute "+sd.Statute), orDash(sd.OldVersion), orDash(sd.NewVersion), summaryLine(sd))
		for _, c := range sd.Changes {
			fmt.Fprintf(w, "  %s", changeTitle(c))
			if c.Heading != "" {
				fmt.Fprintf(w, " %q", c.Heading)
			}
			fmt.Fprintln(w)
			if len(c.Words) > 0 {
				fmt.Fprintf(w, "      %s\n", InlineOps(c.Words, o))
			}
		}
	}
	v := r.Verdicts
	fmt.Fprintf(w, "\n%s overall %.1f → %.1f (%s); %d improved, %d regressed\n", bold("Verdict changes"),
		v.OldOverall, v.NewOverall, signed(v.NewOverall-v.OldOverall), v.Improved, v.Regressed)
	for _, p := range sortedPillars(v.Pillars) {
		if s := v.Pillars[p]; s[0] != s[1] {
			fmt.Fprintf(w, "  pillar %s %.1f → %.1f\n", p, s[0], s[1])
		}
	}
	if len(v.Changes) == 0 {
		fmt.Fprintln(w, "  no verdict changed")
	}
	for _, c := range v.Changes {
		dir := string(c.Direction)
		if o.Color {
			switch c.Direction {
			case Improved:
				dir = ansiGreen + dir + ansiReset
			case Regressed:
				dir = ansiRed + dir + ansiReset
			}
		}
		fmt.Fprintf(w, "  %-9s %s: %s → %s (score %s) %s\n", dir, c.Requirement, c.Old, c.New, signed(c.ScoreDelta), c.Title)
		if len(c.Causes) == 0 {
			fmt.Fprintln(w, "      caused by: no aligned provision change among the evidence")
		}
		for _, cs := range c.Causes {
			fmt.Fprintf(w, "      caused by %s\n", causeText(cs))
		}
	}
	return nil
}

func sortedPillars(m map[string][2]float64) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	return strings.Join(strings.Fields(s), " ")
}

// WriteMarkdown writes the report as Markdown; word diffs are shown in
// text blocks with the [-old-]{+new+} markers, so statute text is never
// read as Markdown.
func WriteMarkdown(w io.Writer, r *Report, o TextOptions) error {
	o.Color = false
	fmt.Fprintf(w, "# Lacuna diff: %s → %s\n\n", mdCell(r.Old.Label), mdCell(r.New.Label))
	v := r.Verdicts
	fmt.Fprintf(w, "Country %s, map %s. Overall score %.1f → %.1f (%s); %d verdicts improved, %d regressed.\n\n",
		r.Country, r.Mapping, v.OldOverall, v.NewOverall, signed(v.NewOverall-v.OldOverall), v.Improved, v.Regressed)
	fmt.Fprintf(w, "## Verdict changes\n\n")
	if len(v.Changes) == 0 {
		fmt.Fprintf(w, "No verdict changed.\n\n")
	} else {
		fmt.Fprintf(w, "| Requirement | Change | Old | New | Score | Caused by |\n|---|---|---|---|---|---|\n")
		for _, c := range v.Changes {
			var cs []string
			for _, x := range c.Causes {
				cs = append(cs, causeText(x))
			}
			fmt.Fprintf(w, "| `%s` %s | %s | %s | %s | %s | %s |\n", c.Requirement, mdCell(c.Title), c.Direction, c.Old, c.New,
				signed(c.ScoreDelta), mdCell(strings.Join(cs, "; ")))
		}
		fmt.Fprintln(w)
	}
	for _, sd := range r.Statutes {
		fmt.Fprintf(w, "## Statute `%s` %s → %s\n\n%s.\n\n", sd.Statute, orDash(sd.OldVersion), orDash(sd.NewVersion), summaryLine(sd))
		for _, c := range sd.Changes {
			fmt.Fprintf(w, "- %s", changeTitle(c))
			if c.Heading != "" {
				fmt.Fprintf(w, " — %s", mdCell(c.Heading))
			}
			fmt.Fprintln(w)
			if len(c.Words) > 0 {
				fmt.Fprintf(w, "\n  ```text\n  %s\n  ```\n\n", strings.ReplaceAll(InlineOps(c.Words, o), "```", "'''"))
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}
