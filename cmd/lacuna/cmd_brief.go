package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/report/html"
	"github.com/lacuna-project/lacuna/internal/report/pdf"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/workspace"
	"github.com/lacuna-project/lacuna/templates"
)

type briefOptions struct {
	IO        *IOStreams
	Factory   *Factory
	Country   string
	All       bool
	OutDir    string
	Output    string
	Template  string
	AsOf      string
	Overrides string
	Format    string // pdf, md, html
	Templates string // directory overriding the embedded templates
	Lang      string // en, fr, es; "" = the language of most provisions if fr or es, else en
	Quiet     bool
	Git       string   // --git: a legislation repository
	GitPaths  []string // --path: statute files inside it
	Files     []string // statute files briefed as analyze FILE.md analyses them
}

func newCmdBrief(f *Factory) *cobra.Command { return newCmdBriefWith(f, nil) }

func newCmdBriefWith(f *Factory, runF func(*briefOptions) error) *cobra.Command {
	opts := &briefOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "brief (--country X [-o FILE] | FILE.md… [-o FILE] | --all --out-dir DIR) [--template legal|advocacy|amendments]",
		Short: "Write a country's briefing pack (PDF, Markdown or HTML) from its analysis",
		Long: `Brief analyses a country's statutes and writes a briefing pack.

Templates (--template):
  legal       the full gap analysis: cover, contents, executive summary, method and
              limits, scorecard with charts, requirement table, one gap sheet per gap,
              partial, contrary or undetermined finding (quoted provision, what is
              missing, recommendation, model provision), penalties against thresholds,
              ratifications, reviewer log, annex of quoted provisions, provenance
  advocacy    two to four pages in plain language: the headline score, a chart, the
              gravest gaps written as asks, what to amend
  amendments  for researchers: the corpus analysed as of each statute version date, the
              score across versions and which requirements each amendment closed or opened

--format pdf (default), md (Markdown) or html (one self-contained file). The output
goes to -o FILE ("-" for standard output), else lacuna-<country>-<template>.<ext> in the
working directory; it is written to a temporary file and renamed, so a failure never
leaves half a file. --all renders every country of the corpus into --out-dir, with a
progress bar on a terminal and a summary line otherwise.

--lang en|fr|es writes the pack in English, French or Spanish: every heading, sentence,
table head, verdict, chart label, date and number, and the engine's explanations. Without
it a pack is in the language of most of the provisions analysed when that is French or
Spanish, else in English; the cover says which. Quotations stay in the statute's language
(a pack in another language says so once, on the cover). The map's texts (requirement
titles, statements, elements, recommendations, model provisions, article summaries) come
from mapping/lang/<lang>.yaml, unofficial translations that the pack marks as such. JSON
keys, IDs and enum values never change with the language.

--templates DIR reads <template>.md.tmpl from DIR instead of the built-in templates.
--as-of DATE and --overrides FILE work as for analyze (an overrides file beside the
corpus is found the same way). With --git, a decision that records the versions it was
made on (statutes: ["ID@DATE"], DATE the commit's author date) applies to that version
only: on the others, the amendments timeline's included, it is reported stale and the
machine verdict stands; its evidence ("FILE#provision", FILE as in the repository) is
checked against the version briefed. LACUNA_NOW (RFC 3339) fixes the clock, so the same inputs
give byte-identical files.` + exitStatusHelp,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				opts.Files = args
			}
			opts.Format = f.Global.Format
			opts.Quiet = f.Global.Quiet
			switch opts.Format {
			case "":
				opts.Format = "pdf"
			case "markdown":
				opts.Format = "md"
			case "pdf", "md", "html":
			default:
				return usageErrorf("unknown --format %q for brief, expected pdf, md or html", opts.Format)
			}
			switch {
			case len(opts.Files) > 0 && opts.All:
				return usageErrorf("statute files and --all exclude each other, expected one of them")
			case len(opts.Files) > 0 && opts.Template == workspace.AmendmentsTemplate:
				return usageErrorf("the amendments template replays a country's versions: use --country X, not statute files")
			case opts.All && opts.Country != "":
				return usageErrorf("--all and --country exclude each other, expected one of them")
			case opts.All && opts.OutDir == "":
				return usageErrorf("--all needs --out-dir DIR")
			case opts.All && opts.Output != "":
				return usageErrorf("--all writes one file per country into --out-dir, expected no -o")
			case opts.All && opts.Overrides != "":
				return usageErrorf("--overrides FILE is for one country; with --all each country's overrides file is found beside the corpus")
			case (opts.Git == "") != (len(opts.GitPaths) == 0):
				return usageErrorf("brief --git REPO needs --path FILE (and --path needs --git)")
			case opts.Git != "" && opts.All:
				return usageErrorf("brief --git briefs the statutes of one repository, expected no --all")
			case !opts.All && opts.Country == "" && len(opts.Files) == 0 && opts.Git == "":
				return usageErrorf("brief needs --country X, statute files or --all, expected e.g. lacuna brief --country %s", exampleCountry(f))
			}
			if opts.Output == "-" && opts.Format == "pdf" && f.IO.IsTTY {
				return usageErrorf("--format pdf writes binary data: give -o FILE or redirect stdout")
			}
			if !validTemplate(opts.Template) {
				return usageErrorf("unknown --template %q, expected one of %s", opts.Template, strings.Join(report.Templates, ", "))
			}
			if opts.Lang != "" && !report.ValidLang(opts.Lang) {
				return usageErrorf("unknown --lang %q, expected one of %s", opts.Lang, strings.Join(report.Languages, ", "))
			}
			if opts.AsOf != "" && !validDay(opts.AsOf) {
				return usageErrorf("--as-of %q, expected a date YYYY-MM-DD", opts.AsOf)
			}
			if opts.Templates != "" {
				if err := checkDir(opts.Templates, "--templates"); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			if len(opts.Files) > 0 {
				return briefFiles(opts)
			}
			return briefRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Country, "country", "", "country code (ISO 3166 alpha-3) to brief")
	fl.BoolVar(&opts.All, "all", false, "brief every country of the corpus (with --out-dir)")
	fl.StringVar(&opts.OutDir, "out-dir", "", "directory for --all")
	fl.StringVarP(&opts.Output, "output", "o", "", `output file ("-" = standard output; default lacuna-<country>-<template>.<ext>)`)
	fl.StringVar(&opts.Template, "template", "legal", "briefing template: legal, advocacy or amendments")
	fl.StringVar(&opts.AsOf, "as-of", "", "brief the law in force on this date (YYYY-MM-DD)")
	fl.StringVar(&opts.Overrides, "overrides", "", "reviewer overrides file (YAML)")
	fl.StringVar(&opts.Templates, "templates", "", "directory of templates overriding the built-in ones")
	fl.StringVar(&opts.Git, "git", "", "brief the statute files of this legislation repository (see --path); with --template amendments, every commit is a version")
	fl.StringArrayVar(&opts.GitPaths, "path", nil, "with --git: statute file inside the repository (repeatable)")
	fl.StringVar(&opts.Lang, "lang", "", "language of the pack: en, fr or es (default: the language of most provisions if fr or es, else en)")
	return cmd
}

func validTemplate(name string) bool {
	for _, t := range report.Templates {
		if t == name {
			return true
		}
	}
	return false
}

// briefJob is one pack to write.
type briefJob struct {
	country string
	path    string
}

func briefRun(opts *briefOptions) error {
	f := opts.Factory
	ctx := context.Background()
	w := f.Workspace()
	m, err := w.Map()
	if err != nil {
		return err
	}
	if opts.Git != "" {
		return briefGitRun(ctx, opts, w, m)
	}
	// The corpus is scanned (front matter only) and each pack loads only
	// its country's files: memory follows the packs being written, not the
	// corpus. The amendments template replays every version.
	planAsOf := opts.AsOf
	if opts.Template == workspace.AmendmentsTemplate {
		planAsOf = workspace.AllVersions
	}
	plan, err := w.Plan(planAsOf)
	if err != nil {
		return err
	}
	var tfs fs.FS = templates.FS
	if opts.Templates != "" {
		tfs = dirFS(opts.Templates)
		if _, err := fs.Stat(tfs, report.TemplateFile(opts.Template)); err != nil {
			return &inputError{fmt.Errorf("--templates %s: no %s, expected the template file in that directory", opts.Templates, report.TemplateFile(opts.Template))}
		}
	}
	countries := plan.Countries
	var jobs []briefJob
	if opts.All {
		memoryBackstop()
		if len(countries) == 0 {
			return &inputError{errors.New("the corpus has no statutes to brief")}
		}
		if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
			return fmt.Errorf("create --out-dir: %w", err)
		}
		for _, cc := range countries {
			jobs = append(jobs, briefJob{country: cc, path: filepath.Join(opts.OutDir, briefFileName(cc, opts.Template, opts.Format))})
		}
	} else {
		cc := strings.ToUpper(opts.Country)
		if !plan.Has(cc) {
			return &inputError{fmt.Errorf("no statutes for country %q in the corpus, expected one of %s", opts.Country, strings.Join(countries, ", "))}
		}
		out := opts.Output
		if out == "" {
			out = briefFileName(cc, opts.Template, opts.Format)
		}
		jobs = append(jobs, briefJob{country: cc, path: out})
	}
	// A stored result is reused, except by the amendments template, which
	// needs every version's statutes.
	bopts := workspace.BatchOptions{AsOf: opts.AsOf, Decode: true, Reuse: opts.Template != workspace.AmendmentsTemplate}
	if !opts.All {
		bopts.Overrides = opts.Overrides
	}
	batch, err := w.NewBatch(m, plan, bopts)
	if err != nil {
		return err
	}
	// Every pack's analysis is recorded in the store (when there is a store
	// location), in batched transactions; a country whose inputs match a
	// stored run reuses its result.
	// Recording is not what brief is for: a store that cannot be opened
	// for writing (a read-only data directory, a newer schema) leaves the
	// packs unrecorded, with a warning, and the packs are still written.
	rec, err := w.OpenRecorder(ctx, true)
	if err != nil {
		if !opts.Quiet {
			fmt.Fprintf(f.IO.ErrOut, "lacuna: warning: runs not recorded: %v\n", err)
		}
		rec = nil
	}
	rec.Start(ctx)
	batch.SetRecorder(rec)
	b := &briefer{opts: opts, batch: batch, tfs: tfs, now: f.Now()}

	var bar *mpb.Bar
	var prog *mpb.Progress
	if opts.All && f.IO.IsTTY && !opts.Quiet {
		prog = mpb.New(mpb.WithOutput(f.IO.ErrOut), mpb.WithWidth(40))
		bar = prog.AddBar(int64(len(jobs)),
			mpb.PrependDecorators(decor.Name("briefing packs "), decor.CountersNoUnit("%d/%d")),
			mpb.AppendDecorators(decor.Percentage()))
	}
	errs := make([]error, len(jobs))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(jobs) {
		workers = len(jobs)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = b.write(jobs[i])
				if bar != nil {
					bar.Increment()
				}
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	if prog != nil {
		prog.Wait()
	}
	if err := rec.Close(ctx); err != nil {
		return err
	}
	written, skipped := 0, []string{}
	for i, e := range errs {
		switch {
		case e == nil:
			written++
		case opts.All && workspace.IsNothingInForce(e):
			// --all --as-of: a country whose statutes all postdate the
			// date has nothing to brief; say so rather than fail.
			skipped = append(skipped, jobs[i].country)
		default:
			return e
		}
	}
	if opts.Quiet || opts.Output == "-" {
		return nil
	}
	if opts.All {
		fmt.Fprintf(f.IO.Out, "wrote %d briefing %s (%s, %s) to %s", written, plural(written, "pack", "packs"), opts.Template, opts.Format, opts.OutDir)
		if len(skipped) > 0 {
			fmt.Fprintf(f.IO.Out, "; skipped %s (no statute in force at %s)", strings.Join(skipped, ", "), opts.AsOf)
		}
		fmt.Fprintln(f.IO.Out)
		return nil
	}
	fmt.Fprintf(f.IO.Out, "wrote %s\n", jobs[0].path)
	return nil
}

// briefGitRun writes the briefing pack of the statute files of a
// legislation repository.
func briefGitRun(ctx context.Context, opts *briefOptions, w *workspace.Workspace, m *standard.Map) error {
	f := opts.Factory
	h, err := workspace.LoadGit(ctx, workspace.GitSource{Repo: opts.Git, Paths: opts.GitPaths})
	if err != nil {
		return err
	}
	for _, wn := range h.Warnings {
		fmt.Fprintln(f.IO.ErrOut, wn.Error())
	}
	country := strings.ToUpper(opts.Country)
	if country == "" {
		if country, err = h.Country(); err != nil {
			return err
		}
	}
	ov, err := w.OverridesFor(m, "", opts.Overrides)
	if err != nil {
		return err
	}
	if !f.Global.Quiet {
		for _, wn := range h.OverrideWarnings(ov.List, country, opts.AsOf) {
			fmt.Fprintln(f.IO.ErrOut, wn.Error())
		}
	}
	var tfs fs.FS = templates.FS
	if opts.Templates != "" {
		tfs = dirFS(opts.Templates)
	}
	br, err := w.GitBriefing(m, h, workspace.GitBriefOptions{Country: country, AsOf: opts.AsOf, Template: opts.Template,
		Lang: opts.Lang, Overrides: ov.List})
	if err != nil {
		return err
	}
	country = br.Country
	out := opts.Output
	if out == "" {
		out = briefFileName(country, opts.Template, opts.Format)
	}
	b := &briefer{opts: opts, tfs: tfs, now: f.Now()}
	data, err := b.render(br, country)
	if err != nil {
		return err
	}
	if err := f.writeOutput("-o", out, data, opts.Overrides, opts.Templates); err != nil {
		return err
	}
	if !opts.Quiet && out != "-" {
		fmt.Fprintf(f.IO.Out, "wrote %s\n", out)
	}
	return nil
}

// briefFiles briefs the statute files given, as "analyze FILE.md…"
// analyses them (not recorded in the store).
func briefFiles(opts *briefOptions) error {
	f := opts.Factory
	ctx := context.Background()
	w := f.Workspace()
	a, err := analyzeFiles(ctx, w, &analyzeOptions{Files: opts.Files, Country: strings.ToUpper(opts.Country), AsOf: opts.AsOf, Overrides: opts.Overrides})
	if err != nil {
		return err
	}
	if len(a.Result.Statutes) == 0 {
		return &inputError{errors.New("no statutes to brief in the files given")}
	}
	m, err := w.Map()
	if err != nil {
		return err
	}
	c, err := workspace.LoadFiles(opts.Files)
	if err != nil {
		return err
	}
	metas := make([]statute.Meta, 0, len(c.Statutes))
	for _, st := range c.Statutes {
		metas = append(metas, st.Meta)
	}
	lang := opts.Lang
	if lang == "" {
		lang = report.DefaultLang(a.ProvisionLanguages())
	}
	loc, err := report.EmbeddedLocale(lang)
	if err != nil {
		return err
	}
	titles, err := w.MapTitles(m, lang, true)
	if err != nil {
		return err
	}
	in := report.Input{Result: a.Result, Map: m, Statutes: metas, Date: w.Today(), ToolVersion: version, Locale: loc, Titles: titles}
	for _, mt := range metas {
		if mt.CountryName != "" {
			in.CountryName = mt.CountryName
			break
		}
	}
	br, err := report.Build(in)
	if err != nil {
		return err
	}
	var tfs fs.FS = templates.FS
	if opts.Templates != "" {
		tfs = dirFS(opts.Templates)
	}
	cc := a.Result.Country
	if cc == "" && len(c.Statutes) > 0 {
		cc = c.Statutes[0].Meta.Country
	}
	out := opts.Output
	if out == "" {
		out = briefFileName(cc, opts.Template, opts.Format)
	}
	b := &briefer{opts: opts, tfs: tfs, now: f.Now()}
	data, err := b.render(br, cc)
	if err != nil {
		return err
	}
	inputs := append([]string{opts.Overrides, opts.Templates}, opts.Files...)
	if err := f.writeOutput("-o", out, data, inputs...); err != nil {
		return err
	}
	if !opts.Quiet && out != "-" {
		fmt.Fprintf(f.IO.Out, "wrote %s\n", out)
	}
	return nil
}

func briefFileName(country, tmpl, format string) string {
	return fmt.Sprintf("lacuna-%s-%s.%s", strings.ToLower(country), tmpl, format)
}

// briefer holds what every pack of one run shares.
type briefer struct {
	opts  *briefOptions
	batch *workspace.Batch
	tfs   fs.FS
	now   timeNow
}

func (b *briefer) write(j briefJob) error {
	br, record, err := b.batch.BriefIn(context.Background(), j.country, b.opts.Template, b.opts.Lang)
	if err != nil {
		return err
	}
	data, err := b.render(br, j.country)
	if err != nil {
		return err
	}
	flag := "-o"
	if b.opts.All {
		flag = "--out-dir"
	}
	if err := b.opts.Factory.writeOutput(flag, j.path, data, b.opts.Overrides, b.opts.Templates,
		b.opts.Factory.Workspace().OverridesPath(j.country)); err != nil {
		return err
	}
	record() // only a pack written is recorded as a run
	return nil
}

// render renders one briefing in the chosen format and template.
func (b *briefer) render(br *report.Briefing, country string) ([]byte, error) {
	var r report.Renderer
	switch b.opts.Format {
	case "md":
		r = report.MarkdownRenderer{FS: b.tfs, Template: b.opts.Template}
	case "html":
		r = html.Renderer{FS: b.tfs, Template: b.opts.Template}
	default:
		r = pdf.Renderer{FS: b.tfs, Template: b.opts.Template, Now: b.now}
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, br); err != nil {
		if b.opts.Templates != "" {
			// a user's template that fails to parse, run or stay within
			// its limits is bad input
			return nil, &inputError{fmt.Errorf("%s: %w", country, err)}
		}
		return nil, fmt.Errorf("%s: %w", country, err)
	}
	return buf.Bytes(), nil
}
