package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

type analyzeOptions struct {
	IO        *IOStreams
	Factory   *Factory
	Country   string
	AsOf      string
	Overrides string
	Explain   bool
	FailOn    score.Verdict
	Format    string
	Files     []string
	NoColor   bool
	Save      bool     // --save: record the run in the store
	All       bool     // --all: every country of the corpus
	OutDir    string   // --all --out-dir: one file per country
	Git       string   // --git: a legislation repository (directory or bundle)
	GitPaths  []string // --path: statute files inside it
	DateFrom  string   // --date-from: commit or front-matter
	Lang      string   // --lang for text and markdown; "" = the statutes' language if fr or es, else en
}

func newCmdAnalyze(f *Factory) *cobra.Command { return newCmdAnalyzeWith(f, nil) }

func newCmdAnalyzeWith(f *Factory, runF func(*analyzeOptions) error) *cobra.Command {
	opts := &analyzeOptions{IO: f.IO, Factory: f}
	var failOn string
	cmd := &cobra.Command{
		Use:   "analyze [--country X] [--as-of DATE] [FILES… | --git REPO --path FILE…]",
		Short: "Judge a country's statutes against every requirement of the map, with evidence",
		Long: `Analyze gives, for every requirement of the map, a verdict (met, partial, gap,
contrary, undetermined, not_applicable) with the quoted provisions that support it,
the elements found and missing, the penalty facts of the trafficking, sale-of-children
and forced-labour offences, and the scores (overall, per pillar, per instrument,
enforcement).

The statutes are those of --country in the corpus (--corpus DIR, else the embedded
demo corpus), each at its latest version or the version in force at --as-of DATE; or
the Markdown files and directories given as arguments, analysed as one corpus; or,
with --git REPO --path FILE, the files of a legislation repository, each commit a
version dated by its author date (see lacuna history --git).

--all analyses every country of the corpus, one country at a time on every CPU, and
prints a summary table (--format json: a JSON array of results; --out-dir DIR: one
file per country). With --save, a country whose inputs are unchanged since a saved
run (statute contents, map, tool version, --as-of, overrides) reuses that result.

--lang en|fr|es writes --format text and markdown in English, French or Spanish
(headings, verdicts, numbers, the engine's explanations); without it, in the language
of most of the provisions analysed when that is French or Spanish, else English (with
--all: English). JSON and CSV keep English keys and enum values whatever the language.

Expert review: --overrides FILE applies a reviewer's decisions. Without the flag, an
overrides file beside the corpus is used when present: <corpus>/<country lower
case>/overrides.yaml or <corpus>/overrides/<COUNTRY>.yaml. Each finding shows the
machine verdict and the reviewed verdict side by side; an expired override is flagged
and the machine verdict kept.

--format text (default; a table, coloured on a terminal unless --no-color), json (the
contract documented in docs/json-contract.md), csv or markdown. --explain adds each
finding's explanation and how every score was computed. --fail-on VERDICT exits 1 when
a finding is at or worse than VERDICT (order: met, partial, undetermined, gap,
contrary).` + exitStatusHelp,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			opts.Format = f.Global.Format
			opts.NoColor = f.Global.NoColor
			switch opts.Format {
			case "":
				opts.Format = "text"
			case "text", "json", "csv", "markdown", "md":
			default:
				return usageErrorf("unknown --format %q for analyze, expected text, json, csv or markdown", opts.Format)
			}
			if opts.Lang != "" && !report.ValidLang(opts.Lang) {
				return usageErrorf("unknown --lang %q, expected one of %s", opts.Lang, strings.Join(report.Languages, ", "))
			}
			if opts.OutDir != "" && !opts.All {
				return usageErrorf("--out-dir is for --all, expected lacuna analyze --all --out-dir DIR")
			}
			if (opts.Git == "") != (len(opts.GitPaths) == 0) {
				return usageErrorf("analyze --git REPO needs --path FILE (and --path needs --git), expected e.g. lacuna analyze --git legalize-li --path li/LGBl-1988-037.md --as-of 2015-01-01")
			}
			if opts.Git != "" && (len(args) > 0 || opts.All) {
				return usageErrorf("analyze --git reads the statutes from the repository, expected no statute files and no --all")
			}
			switch opts.DateFrom {
			case workspace.DateFromCommit, workspace.DateFromFrontMatter:
			default:
				return usageErrorf("unknown --date-from %q, expected %s or %s", opts.DateFrom, workspace.DateFromCommit, workspace.DateFromFrontMatter)
			}
			if opts.Country == "" && len(args) == 0 && !opts.All && opts.Git == "" {
				return usageErrorf("analyze needs --country X or statute files, expected e.g. lacuna analyze --country %s", exampleCountry(f))
			}
			if opts.AsOf != "" && !validDay(opts.AsOf) {
				return usageErrorf("--as-of %q, expected a date YYYY-MM-DD", opts.AsOf)
			}
			if failOn != "" {
				v, err := score.ParseVerdict(failOn)
				if err != nil {
					return usageErrorf("--fail-on: %v", err)
				}
				opts.FailOn = v
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.All {
				return analyzeAllRun(opts)
			}
			return analyzeRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Country, "country", "", "country code (ISO 3166 alpha-3) whose statutes to analyse")
	fl.StringVar(&opts.AsOf, "as-of", "", "analyse the versions in force on this date (YYYY-MM-DD)")
	fl.StringVar(&opts.Overrides, "overrides", "", "reviewer overrides file (YAML)")
	fl.BoolVar(&opts.Explain, "explain", false, "print each finding's explanation and how each score was computed")
	fl.StringVar(&failOn, "fail-on", "", "exit 1 when a finding is at or worse than this verdict (partial, undetermined, gap, contrary)")
	fl.BoolVar(&opts.All, "all", false, "analyse every country of the corpus, country by country (see --out-dir)")
	fl.StringVar(&opts.OutDir, "out-dir", "", "with --all: write one file per country into this directory")
	fl.BoolVar(&opts.Save, "save", false, "record the run in the store (--db); lacuna runs lists saved runs")
	fl.StringVar(&opts.Git, "git", "", "read the statutes from this legislation repository (a directory with .git or a git bundle); see --path")
	fl.StringArrayVar(&opts.GitPaths, "path", nil, "with --git: statute file inside the repository (repeatable); the version in force at --as-of is the latest commit on or before it")
	fl.StringVar(&opts.DateFrom, "date-from", workspace.DateFromCommit, "with --git: date of a version, commit (author date) or front-matter")
	fl.StringVar(&opts.Lang, "lang", "", "language of --format text and markdown: en, fr or es (default: the language of most provisions if fr or es, else en)")
	return cmd
}

func validDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < 10; i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	// a day of the calendar: 2013-13-01 and 2023-02-30 are not
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// analyzeRun analyses one country of the corpus (or the files given) and
// prints the result in --format; --save records it (or reuses a stored
// result of the same inputs).
func analyzeRun(opts *analyzeOptions) error {
	f := opts.Factory
	ctx := context.Background()
	w := f.Workspace()
	var a *workspace.Analysis
	var err error
	if opts.Git != "" {
		a, err = analyzeGit(ctx, w, opts)
	} else if len(opts.Files) == 0 {
		a, err = w.AnalyzeCountry(ctx, opts.Country, opts.AsOf, opts.Overrides, opts.Save && opts.Country != "")
	} else {
		a, err = analyzeFiles(ctx, w, opts)
	}
	if err != nil {
		return err
	}
	if !f.Global.Quiet {
		for _, wn := range a.Warnings {
			fmt.Fprintln(f.IO.ErrOut, wn.Error())
		}
	}
	// A file of the embedded corpus is not recorded with the run.
	ovPath := a.Overrides.Path
	if a.Overrides.Embedded {
		ovPath = ""
	}
	res := a.Result
	if len(res.Statutes) == 0 {
		if opts.Country != "" {
			if cs := corpusCountries(f); len(cs) == 0 {
				return &inputError{fmt.Errorf("the corpus %s has no statutes, expected Markdown statute files (*.md) in it or below it", corpusName(f))}
			} else if opts.AsOf == "" {
				return &inputError{fmt.Errorf("no statutes for country %q in the corpus %s, expected one of %s", opts.Country, corpusName(f), strings.Join(cs, ", "))}
			}
			return &inputError{fmt.Errorf("no statutes for country %q in the corpus, expected a country code present in the corpus (see lacuna corpus list)", opts.Country)}
		}
		return &inputError{errors.New("no statutes to analyse")}
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(f.IO.ErrOut, "warning: %s\n", w)
	}
	var buf bytes.Buffer
	color := f.IO.IsTTY && !opts.NoColor
	var loc *report.Locale
	if opts.Format != "json" && opts.Format != "csv" {
		lang := opts.Lang
		if lang == "" {
			lang = report.DefaultLang(a.ProvisionLanguages())
		}
		if loc, err = report.EmbeddedLocale(lang); err != nil {
			return err
		}
		// the engine's sentences, rendered from their reason codes, with
		// the map's element labels in the language
		m, err := w.Map()
		if err != nil {
			return err
		}
		titles, err := w.MapTitles(m, loc.Lang, true)
		if err != nil {
			return err
		}
		if res, err = report.Localize(res, loc, m, titles); err != nil {
			return err
		}
	}
	switch opts.Format {
	case "json":
		err = writeAnalyzeJSON(&buf, res)
	case "csv":
		err = writeAnalyzeCSV(&buf, res)
	case "markdown", "md":
		writeAnalyzeMarkdown(&buf, res, opts.Explain, loc)
	default:
		writeAnalyzeText(&buf, res, opts.Explain, color, loc)
	}
	if err != nil {
		return err
	}
	if _, err := f.IO.Out.Write(buf.Bytes()); err != nil {
		return err
	}
	if opts.Save {
		id, err := w.Save(ctx, a, map[string]string{"country": opts.Country, "overrides": ovPath})
		if err != nil {
			return err
		}
		if !f.Global.Quiet {
			verb := "saved"
			if a.Reused != nil {
				verb = "reused"
			}
			fmt.Fprintf(f.IO.ErrOut, "%s run %s\n", verb, id)
		}
	}
	if opts.FailOn != "" {
		for _, fd := range res.Findings {
			if fd.Verdict != score.NotApplicable && fd.Verdict.Rank() >= opts.FailOn.Rank() {
				return &exitError{code: exitFindings}
			}
		}
	}
	return nil
}

// analyzeFiles analyses the statute files and directories given as one
// corpus, with --overrides FILE when given (nothing is cached).
func analyzeFiles(ctx context.Context, w *workspace.Workspace, opts *analyzeOptions) (*workspace.Analysis, error) {
	m, err := w.Map()
	if err != nil {
		return nil, err
	}
	c, err := workspace.LoadFiles(opts.Files)
	if err != nil {
		return nil, err
	}
	ov, err := w.OverridesFor(m, "", opts.Overrides)
	if err != nil {
		return nil, err
	}
	a, err := w.Analyze(ctx, c, m, score.Options{Country: opts.Country, AsOf: opts.AsOf, LacunaVersion: version,
		Overrides: ov.List, Today: w.Today()}, false)
	if err != nil {
		return nil, err
	}
	a.Overrides = ov
	return a, nil
}

// analyzeGit analyses the statute files of a legislation repository as in
// force at --as-of (default: their latest commits).
func analyzeGit(ctx context.Context, w *workspace.Workspace, opts *analyzeOptions) (*workspace.Analysis, error) {
	m, err := w.Map()
	if err != nil {
		return nil, err
	}
	h, err := workspace.LoadGit(ctx, workspace.GitSource{Repo: opts.Git, Paths: opts.GitPaths, DateFrom: opts.DateFrom})
	if err != nil {
		return nil, err
	}
	for _, wn := range h.Warnings {
		fmt.Fprintln(opts.IO.ErrOut, wn.Error())
	}
	if opts.Country == "" {
		if opts.Country, err = h.Country(); err != nil {
			return nil, err
		}
	}
	ov, err := w.OverridesFor(m, "", opts.Overrides)
	if err != nil {
		return nil, err
	}
	a, err := w.Analyze(ctx, h.Corpus, m, score.Options{Country: opts.Country, AsOf: opts.AsOf, LacunaVersion: version,
		Overrides: ov.List, Today: w.Today()}, false)
	if err != nil {
		return nil, err
	}
	a.Overrides = ov
	// the evidence of the decisions checked against the versions analysed,
	// named by their paths in the repository
	a.Warnings = h.OverrideWarnings(ov.List, opts.Country, opts.AsOf)
	return a, nil
}

// ---- output formats ----

func writeAnalyzeJSON(w io.Writer, r *score.Result) error { return workspace.EncodeResult(w, r) }

var csvHeader = []string{"requirement", "title", "pillar", "verdict", "machine_verdict", "origin", "score", "weight",
	"statute", "provision", "line", "quote", "found", "missing", "explanation", "external_refs"}

func writeAnalyzeCSV(w io.Writer, r *score.Result) error {
	cw := newCSVWriter(w)
	cw.Write(csvHeader)
	for _, f := range r.Findings {
		st, prov, line, quote := "", "", "", ""
		if len(f.Evidence) > 0 {
			e := f.Evidence[0]
			st, prov, line, quote = e.Statute, e.Provision, fmt.Sprint(e.Line), e.Quote
		}
		var ext []string
		for _, x := range f.ExternalRefs {
			ext = append(ext, x.Law)
		}
		cw.Write([]string{f.Requirement, f.Title, f.Pillar, string(f.Verdict), string(f.MachineVerdict), f.Origin,
			fmt.Sprintf("%.3g", f.Score), fmt.Sprintf("%g", f.Weight), st, prov, line, quote,
			strings.Join(f.Found, "; "), strings.Join(f.Missing, "; "), f.Explanation, strings.Join(ext, "; ")})
	}
	cw.Flush()
	return cw.Error()
}

var verdictColor = map[score.Verdict]string{score.Met: "\x1b[32m", score.Partial: "\x1b[33m", score.Gap: "\x1b[31m",
	score.Contrary: "\x1b[1;31m", score.Undetermined: "\x1b[36m", score.NotApplicable: "\x1b[90m"}

// verdictCell is the verdict column: the verdict (coloured on a terminal),
// the machine verdict beside a reviewed one, and an expired-review flag,
// padded to 14 columns.
func verdictCell(f score.Finding, color bool, loc *report.Locale) string {
	v := cliVerdict(loc, f.Verdict)
	extra := ""
	if f.Origin == "review" && f.Verdict != f.MachineVerdict {
		extra = loc.T("cli-machine", "verdict", cliVerdict(loc, f.MachineVerdict))
	}
	if f.Override != nil && f.Override.Expired {
		extra += loc.T("cli-review-expired")
	} else if f.Override != nil && len(f.Override.Stale) > 0 {
		extra += loc.T("cli-re-review")
	}
	pad := strings.Repeat(" ", max(1, 15-utf8.RuneCountInString(v)-utf8.RuneCountInString(extra)))
	if color {
		v = verdictColor[f.Verdict] + v + "\x1b[0m"
	}
	return v + extra + pad
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// cliVerdict is a verdict as the text and Markdown outputs show it: the
// enum value in English, its lower-case name in French or Spanish.
func cliVerdict(loc *report.Locale, v score.Verdict) string { return loc.T("cli-v-" + string(v)) }

// padRight pads s with spaces to n characters (runes).
func padRight(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s)))
}

// fixed writes x with prec decimals in the locale's convention.
func fixed(loc *report.Locale, x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if loc.Lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func writeAnalyzeText(w io.Writer, r *score.Result, explain, color bool, loc *report.Locale) {
	asOf := r.AsOf
	if asOf == "" {
		asOf = loc.T("cli-latest")
	}
	fmt.Fprintln(w, loc.T("cli-head", "tool", r.LacunaVersion, "country", r.Country, "as_of", asOf, "map", r.MappingVersion))
	for _, s := range r.Statutes {
		fmt.Fprintf(w, "  %s\n", loc.T("cli-statute", "id", s.ID, "date", orDash(s.VersionDate), "path", s.Path))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%s %s %6s  %s\n", padRight(loc.T("cli-col-requirement"), 32), padRight(loc.T("cli-col-verdict"), 14), loc.T("cli-col-score"), loc.T("cli-col-evidence"))
	for _, f := range r.Findings {
		ev := "—"
		if len(f.Evidence) > 0 {
			e := f.Evidence[0]
			ev = fmt.Sprintf("%s %s:%d “%s”", e.Statute, e.Provision, e.Line, oneLine(e.Quote, 70))
		} else if len(f.ExternalRefs) > 0 {
			ev = loc.T("cli-refers-to", "law", f.ExternalRefs[0].Law)
		}
		fmt.Fprintf(w, "%-32s %s%6s  %s\n", f.Requirement, verdictCell(f, color, loc), fixed(loc, f.Score, 2), ev)
		writeReviewText(w, f, loc)
		if explain {
			fmt.Fprintf(w, "%32s   %s\n", "", f.Explanation)
			if len(f.Missing) > 0 && f.Verdict != score.Met {
				fmt.Fprintf(w, "%32s   %s\n", "", loc.T("cli-missing", "missing", strings.Join(f.Missing, "; ")))
			}
			for _, e := range f.Evidence[min(1, len(f.Evidence)):] {
				fmt.Fprintf(w, "%32s   %s\n", "", loc.T("cli-also", "evidence", fmt.Sprintf("%s %s:%d “%s”", e.Statute, e.Provision, e.Line, oneLine(e.Quote, 90))))
			}
			if f.Override != nil {
				o := f.Override
				fmt.Fprintf(w, "%32s   %s\n", "", loc.T("cli-review", "verdict", cliVerdict(loc, o.Verdict), "reviewer", o.Reviewer, "date", o.Date, "rationale", o.Rationale, "expired", expiredNote(o, loc)))
			}
			writeConfidenceText(w, f, loc)
		}
	}
	if len(r.Penalties) > 0 {
		writePenaltyTable(w, r.Penalties, loc)
	}
	s := r.Scores
	fmt.Fprintf(w, "\n%s\n", loc.T("cli-scores", "overall", fixed(loc, s.Overall, 1), "prosecution", fixed(loc, s.Pillars["prosecution"], 1),
		"protection", fixed(loc, s.Pillars["protection"], 1), "prevention", fixed(loc, s.Pillars["prevention"], 1),
		"partnership", fixed(loc, s.Pillars["partnership"], 1), "enforcement", fixed(loc, s.Enforcement, 1), "treaty", fixed(loc, s.Treaty, 1)))
	var counts []string
	for _, v := range score.Verdicts {
		if n := s.Counts[v]; n > 0 {
			counts = append(counts, cliVerdict(loc, v)+" "+strconv.Itoa(n))
		}
	}
	fmt.Fprintln(w, loc.T("cli-verdicts", "counts", strings.Join(counts, ", ")))
	if explain {
		fmt.Fprintln(w)
		for _, l := range s.Explain {
			fmt.Fprintln(w, "  "+l)
		}
	}
}

func expiredNote(o *score.Override, loc *report.Locale) string {
	if o.Expired {
		return loc.T("cli-expired", "date", o.Expires)
	}
	if len(o.Stale) > 0 {
		return "; RE-REVIEW: " + strings.Join(o.Stale, "; ") + ", machine verdict kept"
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// termCell writes a term in months as years, months and days ("2 years 6
// months"); "—" when not stated. JSON keeps the months.
func termCell(p *float64, loc *report.Locale) string {
	if p == nil {
		return "—"
	}
	return loc.Term(*p)
}

// maxCell is the maximum term, or the grade of the code's scale the
// provision names when the corpus does not give its term.
func maxCell(p penalty.Row, loc *report.Locale) string {
	if p.MaxMonths == nil && p.MinMonths == nil && p.Grade != nil {
		return report.GradeTerm(loc, p.Grade)
	}
	return termCell(p.MaxMonths, loc)
}

// offenceName is the offence as the provision names it, else its class:
// the enum value in English, its name in French or Spanish.
func offenceName(p penalty.Row, loc *report.Locale) string {
	o := p.Offence
	if p.OffenceLabel != "" {
		o = p.OffenceLabel
	}
	if loc.Lang == "en" {
		return o
	}
	return loc.Enum("offence", o)
}

// variantName is a penalty variant: the enum value in English, its name in
// French or Spanish.
func variantName(v penalty.Variant, loc *report.Locale) string {
	if loc.Lang == "en" {
		return string(v)
	}
	return loc.Enum("variant", string(v))
}

func yesNo(b bool, loc *report.Locale) string {
	if b {
		return loc.T("cli-true")
	}
	return loc.T("cli-false")
}

// writePenaltyTable writes the penalty rows as aligned columns, each row
// naming its statute; column widths follow the longest cell.
func writePenaltyTable(w io.Writer, rows []penalty.Row, loc *report.Locale) {
	var head []string
	for _, k := range []string{"statute", "provision", "offence", "variant", "min", "max", "life", "fine"} {
		head = append(head, loc.T("cli-col-"+k))
	}
	cells := [][]string{head}
	for _, p := range rows {
		cells = append(cells, []string{p.Statute, p.Provision, offenceName(p, loc), variantName(p.Variant, loc), termCell(p.MinMonths, loc), maxCell(p, loc),
			yesNo(p.Life, loc), yesNo(p.FineAlternative, loc)})
	}
	width := make([]int, len(head))
	for _, c := range cells {
		for i, s := range c {
			width[i] = max(width[i], utf8.RuneCountInString(s))
		}
	}
	fmt.Fprintln(w)
	for _, c := range cells {
		var b strings.Builder
		for i, s := range c {
			b.WriteString(s)
			if i < len(c)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(s)+2))
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

func mdEscape(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	return strings.Join(strings.Fields(s), " ")
}

func writeAnalyzeMarkdown(w io.Writer, r *score.Result, explain bool, loc *report.Locale) {
	fmt.Fprintf(w, "# %s\n\n", loc.T("cli-md-title", "country", r.Country))
	fmt.Fprintf(w, "%s\n\n", loc.T("cli-md-meta", "map", r.MappingVersion, "tool", r.LacunaVersion, "as_of", orDash(r.AsOf)))
	for _, s := range r.Statutes {
		fmt.Fprintf(w, "- %s\n", loc.T("cli-md-statute", "id", "`"+s.ID+"`", "date", orDash(s.VersionDate), "sha", "`"+s.SHA256+"`"))
	}
	fmt.Fprintf(w, "\n%s\n|---|---|---|---|---|---|\n", loc.T("cli-md-head"))
	for _, f := range r.Findings {
		ev := ""
		if len(f.Evidence) > 0 {
			e := f.Evidence[0]
			ev = loc.T("cli-md-evidence", "statute", e.Statute, "provision", e.Provision, "line", e.Line, "quote", mdEscape(e.Quote))
		} else if len(f.ExternalRefs) > 0 {
			ev = loc.T("cli-refers-to", "law", mdEscape(f.ExternalRefs[0].Law))
		}
		fmt.Fprintf(w, "| `%s` | %s%s | %s | %s | %s | %s |\n", f.Requirement, cliVerdict(loc, f.Verdict), reviewMark(f, loc), cliVerdict(loc, f.MachineVerdict), fixed(loc, f.Score, 2), ev, mdEscape(strings.Join(f.Missing, "; ")))
	}
	writeReviewMarkdown(w, r, loc)
	s := r.Scores
	fmt.Fprintf(w, "\n## %s\n\n%s\n|---|---|\n| %s | %s |\n", loc.T("cli-md-scores"), loc.T("cli-md-scores-head"), loc.T("cli-score-overall"), fixed(loc, s.Overall, 1))
	for _, p := range standard.Pillars {
		fmt.Fprintf(w, "| %s | %s |\n", strings.ToLower(loc.Pillar(string(p))), fixed(loc, s.Pillars[string(p)], 1))
	}
	fmt.Fprintf(w, "| %s | %s |\n| %s | %s |\n", loc.T("cli-score-enforcement"), fixed(loc, s.Enforcement, 1), loc.T("cli-score-treaty"), fixed(loc, s.Treaty, 1))
	if len(r.Penalties) > 0 {
		fmt.Fprintf(w, "\n## %s\n\n%s\n|---|---|---|---|---|---|---|---|\n", loc.T("cli-md-penalties"), loc.T("cli-md-penalties-head"))
		for _, p := range r.Penalties {
			fmt.Fprintf(w, "| `%s` | %s | %s | %s | %s | %s | %s | %s |\n", p.Statute, mdEscape(p.Provision), offenceName(p, loc), variantName(p.Variant, loc),
				termCell(p.MinMonths, loc), termCell(p.MaxMonths, loc), yesNo(p.Life, loc), yesNo(p.FineAlternative, loc))
		}
	}
	if explain {
		fmt.Fprintf(w, "\n## %s\n\n", loc.T("cli-md-explain"))
		for _, l := range s.Explain {
			fmt.Fprintf(w, "- %s\n", l)
		}
	}
}

// corpusCountries lists the countries of the configured corpus (nil when
// it cannot be read).
func corpusCountries(f *Factory) []string {
	plan, err := f.Workspace().Plan("")
	if err != nil {
		return nil
	}
	return plan.Countries
}

// corpusName names the configured corpus in messages.
func corpusName(f *Factory) string {
	if f.Global.Corpus == "" {
		return "(the embedded demo corpus)"
	}
	return f.Global.Corpus
}

// exampleCountry is a country of the configured corpus for usage
// examples: the first one, else XEA of the demo corpus.
func exampleCountry(f *Factory) string {
	if cs := corpusCountries(f); len(cs) > 0 {
		return cs[0]
	}
	return "XEA"
}
