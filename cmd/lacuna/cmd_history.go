package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

type historyOptions struct {
	IO       *IOStreams
	Factory  *Factory
	Country  string
	Format   string
	Git      string   // a legislation repository (directory or bundle)
	Paths    []string // statute files inside it
	DateFrom string   // commit or front-matter
	AsOf     string
}

func newCmdHistory(f *Factory) *cobra.Command { return newCmdHistoryWith(f, nil) }

func newCmdHistoryWith(f *Factory, runF func(*historyOptions) error) *cobra.Command {
	opts := &historyOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "history (--country X | --git REPO --path FILE...) [--format text|csv|json]",
		Short: "A country's statute versions and its scores over time",
		Long: `History lists every version of a country's statutes (from the corpus, --corpus DIR
or the embedded demo corpus, and from the store, --db), then the country's scores at
each version date — the corpus analysed as in force on that date, so the trend exists
without any saved run — with the statute versions amended and the verdicts changed
since the previous date, and finally the runs saved with "lacuna analyze --save" or
"lacuna brief".

--format text (default), csv (one row per version date and per saved run) or json
(versions, points and runs).

With --git REPO --path FILE, the versions are the commits of a legislation repository
(a directory with .git, or a git bundle) that touched FILE: each commit is a version,
dated by its author date (legislation repositories date each reform commit on the day
it came into force; a front matter date that disagrees is a warning, and
--date-from front-matter prefers it). --path may repeat: the corpus on a date is every
path's latest commit on or before it. The timeline gives each version's date, commit,
overall and pillar scores, and the verdicts that changed with the provisions whose
amendment explains them; --format json gives {"versions":[{"commit","date","overall",
"changes":[{"requirement","from","to"}]}]}. --as-of DATE stops the timeline at DATE.
No git program is needed: Lacuna reads the repository's files itself, never over a network.` + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = f.Global.Format
			switch opts.Format {
			case "":
				opts.Format = "text"
			case "text", "json", "csv":
			default:
				return usageErrorf("unknown --format %q for history, expected text, csv or json", opts.Format)
			}
			opts.Country = strings.ToUpper(opts.Country)
			if opts.Git != "" || len(opts.Paths) > 0 {
				if opts.Git == "" || len(opts.Paths) == 0 {
					return usageErrorf("history --git REPO needs --path FILE (and --path needs --git), expected e.g. lacuna history --git legalize-li --path li/LGBl-1988-037.md")
				}
				if opts.Format == "csv" {
					return usageErrorf("history --git prints text or json, expected --format text or json")
				}
				switch opts.DateFrom {
				case workspace.DateFromCommit, workspace.DateFromFrontMatter:
				default:
					return usageErrorf("unknown --date-from %q, expected %s or %s", opts.DateFrom, workspace.DateFromCommit, workspace.DateFromFrontMatter)
				}
				if opts.AsOf != "" {
					if _, err := statute.ParseRef("x@" + opts.AsOf); err != nil {
						return usageErrorf("--as-of %q is not a date, expected YYYY-MM-DD or YYYY", opts.AsOf)
					}
				}
				if runF != nil {
					return runF(opts)
				}
				return historyGitRun(cmd.Context(), opts)
			}
			if opts.Country == "" {
				return usageErrorf("history needs --country X, expected e.g. lacuna history --country XEA")
			}
			if runF != nil {
				return runF(opts)
			}
			return historyRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Country, "country", "", "country code (ISO 3166 alpha-3)")
	cmd.Flags().StringVar(&opts.Git, "git", "", "legislation repository: a directory with .git or a git bundle")
	cmd.Flags().StringArrayVar(&opts.Paths, "path", nil, "statute file inside the --git repository (repeatable)")
	cmd.Flags().StringVar(&opts.DateFrom, "date-from", workspace.DateFromCommit, "date of a git version: commit (author date) or front-matter")
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "with --git: stop the timeline at this date")
	return cmd
}

// historyVersion is one statute version known to the corpus or the store.
type historyVersion struct {
	Statute     string `json:"statute"`
	VersionDate string `json:"version_date"`
	Title       string `json:"title"`
	SHA256      string `json:"sha256"`
	Path        string `json:"path"`
	Source      string `json:"source"` // corpus, store, or corpus+store
}

// historyPoint is the country's analysis as of one version date.
type historyPoint struct {
	Date        string                `json:"date"`
	Overall     float64               `json:"overall"`
	Pillars     map[string]float64    `json:"pillars"`
	Enforcement float64               `json:"enforcement"`
	Treaty      float64               `json:"treaty"`
	Counts      map[score.Verdict]int `json:"counts"`
	Versions    []string              `json:"versions"` // "id (date)" in force
	Amended     []string              `json:"amended"`  // versions new since the previous point
	Changes     []historyChange       `json:"changes"`  // verdicts changed since the previous point
}

type historyChange struct {
	Requirement string `json:"requirement"`
	From        string `json:"from"`
	To          string `json:"to"`
	Better      bool   `json:"better"`
}

type historyReport struct {
	Country  string           `json:"country"`
	Mapping  string           `json:"mapping_version"`
	Versions []historyVersion `json:"versions"`
	Points   []historyPoint   `json:"points"`
	Runs     []store.Run      `json:"runs"`
}

func historyRun(ctx context.Context, opts *historyOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	f := opts.Factory
	w := f.Workspace()
	m, err := w.Map()
	if err != nil {
		return err
	}
	c, err := w.CountryVersions(ctx, opts.Country)
	if err != nil {
		return err
	}
	runs, stored, err := w.StoredHistory(ctx, opts.Country)
	if err != nil {
		return err
	}
	if len(c.Statutes) == 0 && len(runs) == 0 {
		return &inputError{fmt.Errorf("no statutes or saved runs for country %q, expected a country code present in the corpus (see lacuna corpus list)", opts.Country)}
	}
	rs, err := workspace.History(m, c, score.Options{Country: opts.Country, LacunaVersion: version})
	if err != nil {
		return err
	}
	rep := buildHistory(opts.Country, m.Version, c, stored, rs, runs)
	var buf bytes.Buffer
	switch opts.Format {
	case "json":
		err = writeJSON(&buf, rep)
	case "csv":
		err = writeHistoryCSV(&buf, rep)
	default:
		writeHistoryText(&buf, rep)
	}
	if err != nil {
		return err
	}
	_, err = f.IO.Out.Write(buf.Bytes())
	return err
}

func buildHistory(country, mapVersion string, c *statute.Corpus, stored map[string]bool, rs []*score.Result, runs []store.Run) *historyReport {
	rep := &historyReport{Country: country, Mapping: mapVersion, Versions: []historyVersion{}, Points: []historyPoint{}, Runs: runs}
	if rep.Runs == nil {
		rep.Runs = []store.Run{}
	}
	for _, st := range c.Statutes {
		src := "corpus"
		switch {
		case strings.HasPrefix(st.Path, "store:"):
			src = "store"
		case stored[st.SHA256]:
			src = "corpus+store"
		}
		rep.Versions = append(rep.Versions, historyVersion{Statute: string(st.Meta.ID), VersionDate: st.Meta.VersionDate,
			Title: st.Meta.Title, SHA256: st.SHA256, Path: strings.TrimPrefix(st.Path, "store:"), Source: src})
	}
	byDate := map[string]*score.Result{}
	for _, r := range rs {
		byDate[r.AsOf] = r
	}
	tl := report.NewTimeline(rs)
	for _, p := range tl.Points {
		r := byDate[p.VersionDate]
		hp := historyPoint{Date: p.VersionDate, Overall: r.Scores.Overall, Pillars: r.Scores.Pillars,
			Enforcement: r.Scores.Enforcement, Treaty: r.Scores.Treaty, Counts: r.Scores.Counts,
			Versions: p.Versions, Amended: p.Amended, Changes: []historyChange{}}
		for _, ch := range p.Changes {
			hp.Changes = append(hp.Changes, historyChange{Requirement: ch.Requirement, From: ch.From, To: ch.To, Better: ch.Better})
		}
		rep.Points = append(rep.Points, hp)
	}
	return rep
}

func writeHistoryText(w io.Writer, rep *historyReport) {
	fmt.Fprintf(w, "History of %s (map %s)\n\nSTATUTE VERSIONS\n", rep.Country, rep.Mapping)
	for _, v := range rep.Versions {
		fmt.Fprintf(w, "  %-34s %-10s %-12s %s  %s\n", v.Statute, orDash(v.VersionDate), v.Source, v.SHA256[:min(12, len(v.SHA256))], v.Path)
	}
	fmt.Fprintf(w, "\nSCORES AT EACH VERSION DATE\n")
	fmt.Fprintf(w, "  %-10s %7s %5s %5s %5s %5s %4s %4s %4s  %s\n", "DATE", "OVERALL", "PROS", "PROT", "PREV", "PART", "MET", "PART", "GAP", "AMENDED")
	for _, p := range rep.Points {
		fmt.Fprintf(w, "  %-10s %7.1f", p.Date, p.Overall)
		for _, pl := range pillarNames() {
			fmt.Fprintf(w, " %5.1f", p.Pillars[pl])
		}
		fmt.Fprintf(w, " %4d %4d %4d  %s\n", p.Counts[score.Met], p.Counts[score.Partial], p.Counts[score.Gap], strings.Join(p.Amended, ", "))
		var better, worse []string
		for _, ch := range p.Changes {
			s := fmt.Sprintf("%s %s→%s", ch.Requirement, ch.From, ch.To)
			if ch.Better {
				better = append(better, s)
			} else {
				worse = append(worse, s)
			}
		}
		if len(better) > 0 {
			fmt.Fprintf(w, "  %10s   better: %s\n", "", strings.Join(better, "; "))
		}
		if len(worse) > 0 {
			fmt.Fprintf(w, "  %10s   worse:  %s\n", "", strings.Join(worse, "; "))
		}
	}
	fmt.Fprintf(w, "\nSAVED RUNS\n")
	if len(rep.Runs) == 0 {
		fmt.Fprintln(w, "  none (record one with lacuna analyze --save)")
	}
	for _, r := range rep.Runs {
		fmt.Fprintf(w, "  %-32s %-20s as of %-10s overall %5.1f", r.ID, r.Created, orDash(r.AsOf), r.Overall)
		for _, pl := range pillarNames() {
			fmt.Fprintf(w, " %s %.1f", pl[:4], r.Scores.Pillars[pl])
		}
		fmt.Fprintln(w)
	}
}

func writeHistoryCSV(w io.Writer, rep *historyReport) error {
	cw := newCSVWriter(w)
	head := []string{"kind", "date", "run", "country", "overall"}
	head = append(head, pillarNames()...)
	head = append(head, "enforcement", "treaty", "met", "partial", "undetermined", "gap", "contrary", "not_applicable", "amended", "changes")
	cw.Write(head)
	counts := func(c map[score.Verdict]int) []string {
		var out []string
		for _, v := range []score.Verdict{score.Met, score.Partial, score.Undetermined, score.Gap, score.Contrary, score.NotApplicable} {
			out = append(out, fmt.Sprint(c[v]))
		}
		return out
	}
	row := func(kind, date, run string, s score.Scores, amended, changes string) {
		r := []string{kind, date, run, rep.Country, fmt.Sprintf("%.1f", s.Overall)}
		for _, p := range pillarNames() {
			r = append(r, fmt.Sprintf("%.1f", s.Pillars[p]))
		}
		r = append(r, fmt.Sprintf("%.1f", s.Enforcement), fmt.Sprintf("%.1f", s.Treaty))
		r = append(r, counts(s.Counts)...)
		cw.Write(append(r, amended, changes))
	}
	for _, p := range rep.Points {
		var ch []string
		for _, c := range p.Changes {
			ch = append(ch, c.Requirement+" "+c.From+"→"+c.To)
		}
		sort.Strings(ch)
		row("version", p.Date, "", score.Scores{Overall: p.Overall, Pillars: p.Pillars, Enforcement: p.Enforcement,
			Treaty: p.Treaty, Counts: p.Counts}, strings.Join(p.Amended, "; "), strings.Join(ch, "; "))
	}
	for _, r := range rep.Runs {
		date := r.AsOf
		if date == "" {
			date = r.Created
		}
		row("run", date, r.ID, r.Scores, "", "")
	}
	cw.Flush()
	return cw.Error()
}
