package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/diff"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

type diffOptions struct {
	IO               *IOStreams
	Factory          *Factory
	Files            []string // OLD NEW
	Country          string
	Statute          string
	From, To         string
	Format           string
	NoColor          bool
	FailOnRegression bool
	Context          int
	MinSimilarity    float64
	Git              string   // --git: a legislation repository
	GitPaths         []string // --path: statute files inside it
	DateFrom         string   // --date-from: commit or front-matter
}

func newCmdDiff(f *Factory) *cobra.Command { return newCmdDiffWith(f, nil) }

func newCmdDiffWith(f *Factory, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | diff --country X [--statute ID] --from DATE --to DATE | diff --git REPO --path FILE --from DATE --to DATE",
		Short: "Compare two statute versions: provision changes, word diffs and the verdicts they changed",
		Long: `Diff compares two versions of a statute provision by provision and says which
requirement verdicts and scores the change moved, and which provision change caused
each verdict change.

Two forms:
  lacuna diff OLD.md NEW.md
      two statute files; each is analysed as its own corpus.
  lacuna diff --country X [--statute ID] --from DATE --to DATE
      versions from the corpus (--corpus DIR, else the embedded demo corpus), and
      from the store (--db) when it holds versions the corpus lacks. Without
      --statute, every statute of the country in force on --from is compared with
      its version in force on --to, and the country's corpus is analysed at both
      dates. With --statute, only that statute changes: the country's other
      statutes are held at their version in force on --to, so every verdict change
      is caused by the named statute.
  lacuna diff --git REPO --path FILE --from DATE --to DATE
      versions from a legislation repository (a directory with .git or a git
      bundle): each file's latest commit on or before each date, dated by its
      author date (--date-from front-matter prefers the file's own date).

Provisions are aligned by canonical ID, then renumbered or moved provisions by
text similarity (--min-similarity, default 0.5); each change is added, removed,
moved or changed, with a word-level diff. Verdict changes list the provision changes
among the evidence of either side ("new evidence" gained or "evidence lost").

--format text (default; insertions green and deletions red on a terminal unless
--no-color, else [-old-]{+new+} markers), markdown, or json (documented in
docs/diff-format.md). --fail-on-regression exits 1 when any verdict got worse, for
use in CI over a legislation repository.` + exitStatusHelp,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			opts.Format = f.Global.Format
			opts.NoColor = f.Global.NoColor
			switch opts.Format {
			case "":
				opts.Format = "text"
			case "md":
				opts.Format = "markdown"
			case "text", "json", "markdown", "csv":
			default:
				return usageErrorf("unknown --format %q for diff, expected text, markdown, json or csv", opts.Format)
			}
			corpusMode := opts.Country != "" || opts.Statute != "" || opts.From != "" || opts.To != ""
			switch {
			case (opts.Git == "") != (len(opts.GitPaths) == 0):
				return usageErrorf("diff --git REPO needs --path FILE (and --path needs --git), expected e.g. lacuna diff --git legalize-li --path li/LGBl-1988-037.md --from 2019-07-01 --to 2019-10-01")
			case opts.Git != "" && len(args) > 0:
				return usageErrorf("diff --git reads both versions from the repository, expected no statute files")
			case opts.Git != "" && (opts.From == "" || opts.To == ""):
				return usageErrorf("diff --git needs --from DATE --to DATE")
			case opts.Git != "" && opts.DateFrom != workspace.DateFromCommit && opts.DateFrom != workspace.DateFromFrontMatter:
				return usageErrorf("unknown --date-from %q, expected %s or %s", opts.DateFrom, workspace.DateFromCommit, workspace.DateFromFrontMatter)
			case opts.Git != "":
			case len(args) == 2 && corpusMode:
				return usageErrorf("diff takes either two files or --country/--from/--to, not both")
			case len(args) == 2:
			case len(args) != 0:
				return usageErrorf("diff needs two statute files (OLD NEW), got %d argument(s)", len(args))
			case opts.Country == "" || opts.From == "" || opts.To == "":
				return usageErrorf("diff needs two statute files, or --country X --from DATE --to DATE (and optionally --statute ID)")
			}
			for _, d := range []struct{ flag, v string }{{"--from", opts.From}, {"--to", opts.To}} {
				if d.v != "" && !validDay(d.v) && !(len(d.v) == 4 && validDay(d.v+"-01-01")) {
					return usageErrorf("%s %q, expected a date YYYY-MM-DD or a year YYYY", d.flag, d.v)
				}
			}
			if opts.MinSimilarity < 0 || opts.MinSimilarity > 1 {
				return usageErrorf("--min-similarity %g, expected a number between 0 and 1", opts.MinSimilarity)
			}
			opts.Country = strings.ToUpper(opts.Country)
			if runF != nil {
				return runF(opts)
			}
			return diffRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Country, "country", "", "country whose corpus versions to compare (ISO 3166 alpha-3)")
	fl.StringVar(&opts.Statute, "statute", "", "statute ID to compare (e.g. xea/ctip-act); default every statute of the country")
	fl.StringVar(&opts.From, "from", "", "old side: the versions in force on this date (YYYY-MM-DD or YYYY)")
	fl.StringVar(&opts.To, "to", "", "new side: the versions in force on this date (YYYY-MM-DD or YYYY)")
	fl.BoolVar(&opts.FailOnRegression, "fail-on-regression", false, "exit 1 when any requirement verdict got worse")
	fl.IntVar(&opts.Context, "context", 8, "unchanged words shown around each edit in text and markdown")
	fl.Float64Var(&opts.MinSimilarity, "min-similarity", 0.5, "least word-set similarity (0–1) to pair provisions with different IDs")
	fl.StringVar(&opts.Git, "git", "", "read the versions from this legislation repository (a directory with .git or a git bundle); see --path")
	fl.StringArrayVar(&opts.GitPaths, "path", nil, "with --git: statute file inside the repository (repeatable)")
	fl.StringVar(&opts.DateFrom, "date-from", workspace.DateFromCommit, "with --git: date of a version, commit (author date) or front-matter")
	return cmd
}

func diffRun(ctx context.Context, opts *diffOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	f := opts.Factory
	w := f.Workspace()
	m, err := w.Map()
	if err != nil {
		return err
	}
	var rep *diff.Report
	if opts.Git != "" {
		var h *workspace.GitHistory
		if h, err = workspace.LoadGit(ctx, workspace.GitSource{Repo: opts.Git, Paths: opts.GitPaths, DateFrom: opts.DateFrom}); err != nil {
			return err
		}
		for _, wn := range h.Warnings {
			fmt.Fprintln(opts.IO.ErrOut, wn.Error())
		}
		rep, err = w.DiffGit(m, h, workspace.DiffOptions{Country: opts.Country, Statute: opts.Statute,
			From: opts.From, To: opts.To, MinSimilarity: opts.MinSimilarity})
	} else if len(opts.Files) == 2 {
		rep, err = w.DiffFiles(m, opts.Files[0], opts.Files[1], opts.MinSimilarity)
	} else {
		rep, err = w.DiffVersions(ctx, m, workspace.DiffOptions{Country: opts.Country, Statute: opts.Statute,
			From: opts.From, To: opts.To, MinSimilarity: opts.MinSimilarity})
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	to := diff.TextOptions{Color: f.IO.IsTTY && !opts.NoColor, Context: opts.Context}
	switch opts.Format {
	case "json":
		err = writeJSON(&buf, rep)
	case "markdown":
		err = diff.WriteMarkdown(&buf, rep, to)
	case "csv":
		err = writeDiffCSV(&buf, rep)
	default:
		err = diff.WriteText(&buf, rep, to)
	}
	if err != nil {
		return err
	}
	if _, err := f.IO.Out.Write(buf.Bytes()); err != nil {
		return err
	}
	if opts.FailOnRegression && rep.Verdicts.Regression() {
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%d verdict(s) regressed", rep.Verdicts.Regressed)}
	}
	return nil
}

// writeDiffCSV writes one row per provision change, then one per verdict
// change; "record" tells them apart.
func writeDiffCSV(w io.Writer, rep *diff.Report) error {
	cw := newCSVWriter(w)
	cw.Write([]string{"record", "statute", "requirement", "change", "old", "new", "old_line", "new_line", "heading", "similarity", "words_added", "words_removed", "score_delta"})
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, sd := range rep.Statutes {
		for _, c := range sd.Changes {
			cw.Write([]string{"provision", sd.Statute, "", string(c.Kind), c.OldID, c.NewID, num(c.OldLine), num(c.NewLine), c.Heading,
				strconv.FormatFloat(c.Similarity, 'f', 3, 64), strconv.Itoa(c.Added), strconv.Itoa(c.Removed), ""})
		}
	}
	if rep.Verdicts != nil {
		for _, c := range rep.Verdicts.Changes {
			cw.Write([]string{"verdict", "", c.Requirement, string(c.Direction), string(c.Old), string(c.New), "", "", c.Title, "", "", "",
				strconv.FormatFloat(c.ScoreDelta, 'f', 2, 64)})
		}
	}
	cw.Flush()
	return cw.Error()
}
