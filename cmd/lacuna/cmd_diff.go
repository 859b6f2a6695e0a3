package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/diff"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
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
}

func newCmdDiff(f *Factory) *cobra.Command { return newCmdDiffWith(f, nil) }

func newCmdDiffWith(f *Factory, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | diff --country X [--statute ID] --from DATE --to DATE",
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
			case "text", "json", "markdown":
			default:
				return usageErrorf("unknown --format %q for diff, expected text, markdown or json", opts.Format)
			}
			corpusMode := opts.Country != "" || opts.Statute != "" || opts.From != "" || opts.To != ""
			switch {
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
	return cmd
}

func diffRun(ctx context.Context, opts *diffOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	f := opts.Factory
	m, err := f.Workspace().Map()
	if err != nil {
		return err
	}
	var rep *diff.Report
	if len(opts.Files) == 2 {
		rep, err = diffFiles(f, m, opts)
	} else {
		rep, err = diffCorpus(ctx, f, m, opts)
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

func parseStatuteFile(p string) (*statute.Statute, error) {
	if _, err := os.Stat(p); err != nil {
		return nil, &inputError{fmt.Errorf("%s: no such file", p)}
	}
	st, err := statute.ParseFile(p)
	if err != nil {
		return nil, &inputError{err}
	}
	return st, nil
}

// diffFiles compares two files, each analysed as its own corpus.
func diffFiles(f *Factory, m *standard.Map, opts *diffOptions) (*diff.Report, error) {
	old, err := parseStatuteFile(opts.Files[0])
	if err != nil {
		return nil, err
	}
	nw, err := parseStatuteFile(opts.Files[1])
	if err != nil {
		return nil, err
	}
	country := nw.Meta.Country
	dopt := diff.Options{MinSimilarity: opts.MinSimilarity}
	sds := []*diff.StatuteDiff{diff.Statutes(old, nw, dopt)}
	oldRes, err := analyzeSide(m, statute.NewCorpus(old), country, "")
	if err != nil {
		return nil, err
	}
	newRes, err := analyzeSide(m, statute.NewCorpus(nw), country, "")
	if err != nil {
		return nil, err
	}
	return diff.NewReport(country, opts.Files[0], opts.Files[1], oldRes, newRes, sds), nil
}

// analyzeSide analyses a corpus already reduced to one version per statute.
func analyzeSide(m *standard.Map, c *statute.Corpus, country, asOf string) (*score.Result, error) {
	res, err := score.Analyze(c, m, score.Options{Country: country, LacunaVersion: version})
	if err != nil {
		return nil, &inputError{err}
	}
	res.AsOf = asOf
	return res, nil
}

// diffCorpus compares a country's corpus at two dates.
func diffCorpus(ctx context.Context, f *Factory, m *standard.Map, opts *diffOptions) (*diff.Report, error) {
	c, err := f.Workspace().CountryVersions(ctx, opts.Country)
	if err != nil {
		return nil, err
	}
	if len(c.Statutes) == 0 {
		return nil, &inputError{fmt.Errorf("no statutes for country %q in the corpus, expected a country code present in the corpus (see lacuna corpus list)", opts.Country)}
	}
	oldC, newC := c.AsOf(opts.From), c.AsOf(opts.To)
	if opts.Statute != "" {
		id := statute.StatuteID(opts.Statute)
		if len(c.Versions(id)) == 0 {
			return nil, &inputError{fmt.Errorf("no statute %q for country %s in the corpus, expected one of: %s", opts.Statute, opts.Country, joinIDs(c.IDs()))}
		}
		// Hold the other statutes at their --to version.
		var sts []*statute.Statute
		for _, st := range newC.Statutes {
			if st.Meta.ID != id {
				sts = append(sts, st)
			}
		}
		for _, st := range oldC.Statutes {
			if st.Meta.ID == id {
				sts = append(sts, st)
			}
		}
		oldC = statute.NewCorpus(sts...)
	}
	dopt := diff.Options{MinSimilarity: opts.MinSimilarity}
	var sds []*diff.StatuteDiff
	for _, id := range c.IDs() {
		if opts.Statute != "" && string(id) != opts.Statute {
			continue
		}
		o, n := pick(oldC, id), pick(newC, id)
		switch {
		case o == nil && n == nil:
			continue
		case o != nil && n != nil && o.SHA256 == n.SHA256:
			if opts.Statute == "" {
				continue
			}
		}
		if o == nil {
			o = &statute.Statute{Meta: statute.Meta{ID: id}}
		}
		if n == nil {
			n = &statute.Statute{Meta: statute.Meta{ID: id}}
		}
		sds = append(sds, diff.Statutes(o, n, dopt))
	}
	oldRes, err := analyzeSide(m, oldC, opts.Country, opts.From)
	if err != nil {
		return nil, err
	}
	newRes, err := analyzeSide(m, newC, opts.Country, opts.To)
	if err != nil {
		return nil, err
	}
	label := func(d string) string {
		if opts.Statute != "" {
			return opts.Statute + " as of " + d
		}
		return opts.Country + " as of " + d
	}
	return diff.NewReport(opts.Country, label(opts.From), label(opts.To), oldRes, newRes, sds), nil
}

func pick(c *statute.Corpus, id statute.StatuteID) *statute.Statute {
	for _, st := range c.Statutes {
		if st.Meta.ID == id {
			return st
		}
	}
	return nil
}

func joinIDs(ids []statute.StatuteID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}
