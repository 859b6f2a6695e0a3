package main

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/report/pdf"
	"github.com/lacuna-project/lacuna/internal/score"
)

type compareOptions struct {
	IO        *IOStreams
	Factory   *Factory
	Countries []string
	AsOf      string
	Format    string
	Output    string
	Top       int
	Lang      string // text, md, pdf: en, fr, es; "" = the language of most provisions if fr or es, else en
}

func newCmdCompare(f *Factory) *cobra.Command { return newCmdCompareWith(f, nil) }

func newCmdCompareWith(f *Factory, runF func(*compareOptions) error) *cobra.Command {
	opts := &compareOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "compare A B [C…] [--format text|json|csv|md|pdf] [--as-of DATE] [-o FILE]",
		Short: "Requirement × country matrix of verdicts and scores, with a regional summary",
		Long: `Compare analyses each country of the corpus (--corpus DIR, else the embedded demo
corpus) at its latest versions, or those in force on --as-of DATE, and prints one
matrix: a row per requirement, a column per country, each cell the machine verdict
(reviewers' overrides are not applied, so countries compare on the same footing),
then the overall and pillar scores of each country.

The regional summary lists the requirements most countries fall short of — gap,
contrary or partial — sorted by how many countries share the shortfall, then by
requirement ID (--top N rows, default 15).

--format text (default), json, csv, md (Markdown) or pdf (the Markdown laid out by the
briefing renderer; needs -o FILE or a non-terminal stdout). -o FILE writes to a
file (through a temporary file, then renamed).

--lang en|fr|es writes text, md and pdf in English, French or Spanish; without it, in
the language of most of the provisions compared when that is French or Spanish, else
English. CSV keeps English heads and enum values.` + exitStatusHelp,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = f.Global.Format
			switch opts.Format {
			case "":
				opts.Format = "text"
			case "markdown":
				opts.Format = "md"
			case "text", "json", "csv", "md", "pdf":
			default:
				return usageErrorf("unknown --format %q for compare, expected text, json, csv, md or pdf", opts.Format)
			}
			if len(args) < 2 {
				return usageErrorf("compare needs at least two countries, expected e.g. lacuna compare XEA XFR XSA")
			}
			seen := map[string]bool{}
			opts.Countries = nil
			for _, a := range args {
				c := strings.ToUpper(a)
				if seen[c] {
					return usageErrorf("country %s given twice", c)
				}
				seen[c] = true
				opts.Countries = append(opts.Countries, c)
			}
			if opts.AsOf != "" && !validDay(opts.AsOf) {
				return usageErrorf("--as-of %q, expected a date YYYY-MM-DD", opts.AsOf)
			}
			if opts.Lang != "" && !report.ValidLang(opts.Lang) {
				return usageErrorf("unknown --lang %q, expected one of %s", opts.Lang, strings.Join(report.Languages, ", "))
			}
			if opts.Top < 0 {
				return usageErrorf("--top %d, expected 0 or more", opts.Top)
			}
			if opts.Format == "pdf" && opts.Output == "" && f.IO.IsTTY {
				return usageErrorf("--format pdf writes binary data: give -o FILE or redirect stdout")
			}
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.AsOf, "as-of", "", "compare the versions in force on this date (YYYY-MM-DD)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of stdout")
	fl.IntVar(&opts.Top, "top", 15, "rows of the regional summary (0 = all)")
	fl.StringVar(&opts.Lang, "lang", "", "language of text, md and pdf: en, fr or es (default: the language of most provisions if fr or es, else en)")
	return cmd
}

// comparison is the matrix and its summary.
type comparison struct {
	Countries []string
	Results   []*score.Result // one per country, in Countries order
	Reqs      []compareReq
	Shared    []sharedGap
	Mapping   string
	AsOf      string
}

type compareReq struct {
	ID, Title, Pillar string
	Verdicts          []score.Verdict // per country; "" when the country has no finding
}

// sharedGap is one requirement and the countries falling short of it.
type sharedGap struct {
	Requirement, Title     string
	Gap, Contrary, Partial []string // countries by machine verdict
}

func (s sharedGap) count() int { return len(s.Gap) + len(s.Contrary) + len(s.Partial) }

func compareRun(opts *compareOptions) error {
	f := opts.Factory
	w := f.Workspace()
	m, err := w.Map()
	if err != nil {
		return err
	}
	results, err := w.AnalyzeCountries(m, opts.Countries, opts.AsOf)
	if err != nil {
		return err
	}
	cmp := &comparison{Countries: opts.Countries, Mapping: m.Version, AsOf: opts.AsOf, Results: results}
	buildComparison(cmp, opts.Top)
	var loc *report.Locale
	if opts.Format != "csv" {
		lang := opts.Lang
		if lang == "" {
			if lang, err = w.DefaultLang(opts.Countries, opts.AsOf); err != nil {
				return err
			}
		}
		if loc, err = report.EmbeddedLocale(lang); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	switch opts.Format {
	case "json":
		err = writeJSON(&buf, compareJSON(cmp))
	case "csv":
		err = writeCompareCSV(&buf, cmp)
	case "md":
		writeCompareMarkdown(&buf, cmp, false, loc)
	case "pdf":
		var md bytes.Buffer
		writeCompareMarkdown(&md, cmp, true, loc)
		title := loc.T("cmp-pdf-title", "countries", strings.Join(cmp.Countries, ", "))
		err = pdf.RenderMarkdown(&buf, md.Bytes(), pdf.Meta{Title: title, Subject: title,
			Keywords: loc.T("pdf-keywords") + "; " + loc.T("cmp-keyword"), Creator: "Lacuna " + version,
			Header: title, Date: loc.Date(f.Now().Format("2006-01-02")), Now: f.Now(), Words: loc.Words()})
	default:
		writeCompareText(&buf, cmp, loc)
	}
	if err != nil {
		return err
	}
	if opts.Output != "" {
		return f.writeOutput("-o", opts.Output, buf.Bytes())
	}
	return f.writeOut(buf.Bytes())
}

// compareJSONDoc is the JSON of "lacuna compare --format json": every
// array is present (empty, never null).
type compareJSONDoc struct {
	Countries    []string                    `json:"countries"`
	Mapping      string                      `json:"mapping"`
	AsOf         string                      `json:"as_of"`
	Requirements []compareJSONReq            `json:"requirements"`
	Scores       map[string]compareJSONScore `json:"scores"`
	Shared       []compareJSONShared         `json:"shared"`
}

type compareJSONReq struct {
	ID       string                   `json:"id"`
	Title    string                   `json:"title"`
	Pillar   string                   `json:"pillar"`
	Verdicts map[string]score.Verdict `json:"verdicts"` // by country; absent: no finding
}

type compareJSONScore struct {
	Overall float64            `json:"overall"`
	Pillars map[string]float64 `json:"pillars"`
}

type compareJSONShared struct {
	Requirement string   `json:"requirement"`
	Title       string   `json:"title"`
	Gap         []string `json:"gap"`
	Contrary    []string `json:"contrary"`
	Partial     []string `json:"partial"`
}

func compareJSON(cmp *comparison) compareJSONDoc {
	doc := compareJSONDoc{Countries: cmp.Countries, Mapping: cmp.Mapping, AsOf: cmp.AsOf,
		Requirements: []compareJSONReq{}, Scores: map[string]compareJSONScore{}, Shared: []compareJSONShared{}}
	for _, r := range cmp.Reqs {
		jr := compareJSONReq{ID: r.ID, Title: r.Title, Pillar: r.Pillar, Verdicts: map[string]score.Verdict{}}
		for ci, v := range r.Verdicts {
			if v != "" {
				jr.Verdicts[cmp.Countries[ci]] = v
			}
		}
		doc.Requirements = append(doc.Requirements, jr)
	}
	for ci, res := range cmp.Results {
		sc := compareJSONScore{Overall: res.Scores.Overall, Pillars: map[string]float64{}}
		for _, name := range pillarNames() {
			sc.Pillars[name] = res.Scores.Pillars[name]
		}
		doc.Scores[cmp.Countries[ci]] = sc
	}
	nonNil := func(xs []string) []string {
		if xs == nil {
			return []string{}
		}
		return xs
	}
	for _, s := range cmp.Shared {
		doc.Shared = append(doc.Shared, compareJSONShared{Requirement: s.Requirement, Title: s.Title,
			Gap: nonNil(s.Gap), Contrary: nonNil(s.Contrary), Partial: nonNil(s.Partial)})
	}
	return doc
}

func buildComparison(cmp *comparison, top int) {
	idx := map[string]int{}
	for ci, res := range cmp.Results {
		for _, fd := range res.Findings {
			i, ok := idx[fd.Requirement]
			if !ok {
				i = len(cmp.Reqs)
				idx[fd.Requirement] = i
				cmp.Reqs = append(cmp.Reqs, compareReq{ID: fd.Requirement, Title: fd.Title, Pillar: fd.Pillar,
					Verdicts: make([]score.Verdict, len(cmp.Results))})
			}
			cmp.Reqs[i].Verdicts[ci] = fd.MachineVerdict
		}
	}
	sort.Slice(cmp.Reqs, func(i, j int) bool { return cmp.Reqs[i].ID < cmp.Reqs[j].ID })
	for _, r := range cmp.Reqs {
		s := sharedGap{Requirement: r.ID, Title: r.Title}
		for ci, v := range r.Verdicts {
			switch v {
			case score.Gap:
				s.Gap = append(s.Gap, cmp.Countries[ci])
			case score.Contrary:
				s.Contrary = append(s.Contrary, cmp.Countries[ci])
			case score.Partial:
				s.Partial = append(s.Partial, cmp.Countries[ci])
			}
		}
		if s.count() > 0 {
			cmp.Shared = append(cmp.Shared, s)
		}
	}
	sort.SliceStable(cmp.Shared, func(i, j int) bool {
		a, b := cmp.Shared[i], cmp.Shared[j]
		if a.count() != b.count() {
			return a.count() > b.count()
		}
		return a.Requirement < b.Requirement
	})
	if top > 0 && len(cmp.Shared) > top {
		cmp.Shared = cmp.Shared[:top]
	}
}

func scoreRows() []string { return append([]string{"overall"}, pillarNames()...) }

func scoreOf(r *score.Result, name string) float64 {
	if name == "overall" {
		return r.Scores.Overall
	}
	return r.Scores.Pillars[name]
}

// verdictShort is a matrix cell of the text output: short, shortfalls in
// capitals ("met", "GAP", "undet.").
func verdictShort(loc *report.Locale, v score.Verdict) string {
	if v == "" {
		return "—"
	}
	return loc.T("cmp-v-" + string(v))
}

// scoreName names a score row: "overall" or a pillar, lower case.
func scoreName(loc *report.Locale, name string) string {
	if name == "overall" {
		return loc.T("cli-score-overall")
	}
	return strings.ToLower(loc.Pillar(name))
}

func writeCompareText(w io.Writer, cmp *comparison, loc *report.Locale) {
	asOf := cmp.AsOf
	if asOf == "" {
		asOf = loc.T("cli-latest")
	}
	fmt.Fprintf(w, "%s\n\n", loc.T("cmp-head", "countries", strings.Join(cmp.Countries, ", "), "as_of", asOf, "map", cmp.Mapping))
	fmt.Fprint(w, padRight(loc.T("cli-col-requirement"), 40))
	for _, c := range cmp.Countries {
		fmt.Fprintf(w, " %-9s", c)
	}
	fmt.Fprintln(w)
	for _, r := range cmp.Reqs {
		fmt.Fprintf(w, "%-40s", r.ID)
		for _, v := range r.Verdicts {
			fmt.Fprintf(w, " %s", padRight(verdictShort(loc, v), 9))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	for _, name := range scoreRows() {
		fmt.Fprint(w, padRight(strings.ToUpper(scoreName(loc, name)), 40))
		for _, res := range cmp.Results {
			fmt.Fprintf(w, " %s", padRight(fixed(loc, scoreOf(res, name), 1), 9))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\n%s\n", loc.T("cmp-summary"))
	if len(cmp.Shared) == 0 {
		fmt.Fprintf(w, "  %s\n", loc.T("cmp-none"))
	}
	for _, s := range cmp.Shared {
		fmt.Fprintf(w, "  %d/%d  %s %s %s %s %s %s %s\n", s.count(), len(cmp.Countries), padRight(s.Requirement, 40),
			loc.T("cmp-gap"), padRight(orDash(strings.Join(s.Gap, " ")), 16), loc.T("cmp-contrary"), padRight(orDash(strings.Join(s.Contrary, " ")), 16),
			loc.T("cmp-partial"), orDash(strings.Join(s.Partial, " ")))
	}
}

func writeCompareCSV(w io.Writer, cmp *comparison) error {
	cw := newCSVWriter(w)
	head := []string{"requirement", "title", "pillar"}
	head = append(head, cmp.Countries...)
	head = append(head, "shortfalls")
	cw.Write(head)
	for _, r := range cmp.Reqs {
		row := []string{r.ID, r.Title, r.Pillar}
		n := 0
		for _, v := range r.Verdicts {
			row = append(row, string(v))
			if v == score.Gap || v == score.Contrary || v == score.Partial {
				n++
			}
		}
		cw.Write(append(row, fmt.Sprint(n)))
	}
	for _, name := range scoreRows() {
		row := []string{"score:" + name, "", ""}
		for _, res := range cmp.Results {
			row = append(row, fmt.Sprintf("%.1f", scoreOf(res, name)))
		}
		cw.Write(append(row, ""))
	}
	cw.Flush()
	return cw.Error()
}

// writeCompareMarkdown writes the comparison as Markdown; badges puts
// verdicts in code spans, which the PDF renderer draws as coloured badges.
func writeCompareMarkdown(w io.Writer, cmp *comparison, badges bool, loc *report.Locale) {
	asOf := cmp.AsOf
	if asOf == "" {
		asOf = loc.T("cli-latest")
	}
	cell := func(v score.Verdict) string {
		if v == "" {
			return "—"
		}
		if badges {
			return loc.Badge(string(v))
		}
		return cliVerdict(loc, v)
	}
	fmt.Fprintf(w, "# %s\n\n%s\n\n", loc.T("cmp-md-title", "countries", strings.Join(cmp.Countries, ", ")),
		loc.T("cmp-md-meta", "as_of", asOf, "map", cmp.Mapping, "tool", version))
	fmt.Fprintf(w, "## %s\n\n| %s |", loc.T("cli-md-scores"), loc.T("th-score"))
	for _, c := range cmp.Countries {
		fmt.Fprintf(w, " %s |", c)
	}
	fmt.Fprintf(w, "\n|---|%s\n", strings.Repeat("---|", len(cmp.Countries)))
	for _, name := range scoreRows() {
		fmt.Fprintf(w, "| %s |", scoreName(loc, name))
		for _, res := range cmp.Results {
			fmt.Fprintf(w, " %s |", fixed(loc, scoreOf(res, name), 1))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\n## %s\n\n%s\n\n", loc.T("cmp-md-summary"), loc.T("cmp-md-summary-intro"))
	if len(cmp.Shared) == 0 {
		fmt.Fprintf(w, "%s\n", loc.T("cmp-md-none"))
	} else {
		fmt.Fprintf(w, "%s\n|---|---|---|---|---|\n", loc.T("cmp-md-summary-head"))
		for _, s := range cmp.Shared {
			fmt.Fprintf(w, "| `%s` %s | %s | %s | %s | %s |\n", s.Requirement, mdEscape(s.Title), loc.T("n-of-total", "n", s.count(), "total", len(cmp.Countries)),
				orDash(strings.Join(s.Gap, ", ")), orDash(strings.Join(s.Contrary, ", ")), orDash(strings.Join(s.Partial, ", ")))
		}
	}
	fmt.Fprintf(w, "\n## %s\n\n| %s |", loc.T("cmp-md-matrix"), loc.T("th-requirement"))
	for _, c := range cmp.Countries {
		fmt.Fprintf(w, " %s |", c)
	}
	fmt.Fprintf(w, "\n|---|%s\n", strings.Repeat("---|", len(cmp.Countries)))
	for _, r := range cmp.Reqs {
		fmt.Fprintf(w, "| %s |", r.ID)
		for _, v := range r.Verdicts {
			fmt.Fprintf(w, " %s |", cell(v))
		}
		fmt.Fprintln(w)
	}
}
