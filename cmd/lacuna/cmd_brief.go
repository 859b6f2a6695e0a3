package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/lacuna-project/lacuna/internal/diff"
	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/report/html"
	"github.com/lacuna-project/lacuna/internal/report/pdf"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
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
	Quiet     bool
}

func newCmdBrief(f *Factory) *cobra.Command { return newCmdBriefWith(f, nil) }

func newCmdBriefWith(f *Factory, runF func(*briefOptions) error) *cobra.Command {
	opts := &briefOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "brief (--country X [-o FILE] | --all --out-dir DIR) [--template legal|advocacy|amendments]",
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

--templates DIR reads <template>.md.tmpl from DIR instead of the built-in templates.
--as-of DATE and --overrides FILE work as for analyze (an overrides file beside the
corpus is found the same way). LACUNA_NOW (RFC 3339) fixes the clock, so the same inputs
give byte-identical files.` + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
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
			case opts.All && opts.Country != "":
				return usageErrorf("--all and --country exclude each other, expected one of them")
			case opts.All && opts.OutDir == "":
				return usageErrorf("--all needs --out-dir DIR")
			case opts.All && opts.Output != "":
				return usageErrorf("--all writes one file per country into --out-dir, expected no -o")
			case opts.All && opts.Overrides != "":
				return usageErrorf("--overrides FILE is for one country; with --all each country's overrides file is found beside the corpus")
			case !opts.All && opts.Country == "":
				return usageErrorf("brief needs --country X or --all, expected e.g. lacuna brief --country XEA")
			}
			if !validTemplate(opts.Template) {
				return usageErrorf("unknown --template %q, expected one of %s", opts.Template, strings.Join(report.Templates, ", "))
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

// errNothingInForce marks a country with no statute in force at --as-of.
var errNothingInForce = errors.New("nothing to brief")

// briefJob is one pack to write.
type briefJob struct {
	country string
	path    string
}

func briefRun(opts *briefOptions) error {
	f := opts.Factory
	ctx := context.Background()
	m, err := loadMap(f)
	if err != nil {
		return err
	}
	// The corpus is scanned (front matter only) and each pack loads only
	// its country's files: memory follows the packs being written, not the
	// corpus. The amendments template replays every version.
	planAsOf := opts.AsOf
	if opts.Template == "amendments" {
		planAsOf = allVersions
	}
	plan, err := planCorpus(f, planAsOf)
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
		found := false
		for _, x := range countries {
			found = found || x == cc
		}
		if !found {
			return &inputError{fmt.Errorf("no statutes for country %q in the corpus, expected one of %s", opts.Country, strings.Join(countries, ", "))}
		}
		out := opts.Output
		if out == "" {
			out = briefFileName(cc, opts.Template, opts.Format)
		}
		jobs = append(jobs, briefJob{country: cc, path: out})
	}
	eng, err := score.Compile(m)
	if err != nil {
		return &inputError{err}
	}
	// Every pack's analysis is recorded in the store (when there is a store
	// location), in batched transactions; a country whose inputs match a
	// stored run reuses its result.
	rec, err := openRecorder(ctx, f, true)
	if err != nil {
		return err
	}
	rec.Start(ctx)
	b := &briefer{opts: opts, m: m, plan: plan, eng: eng, tfs: tfs, now: f.Now(), rec: rec, mapHash: mapHash(m)}

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
		case opts.All && errors.Is(e, errNothingInForce):
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
		fmt.Fprintf(f.IO.Out, "wrote %d briefing %s (%s, %s) to %s", written, briefPlural(written, "pack", "packs"), opts.Template, opts.Format, opts.OutDir)
		if len(skipped) > 0 {
			fmt.Fprintf(f.IO.Out, "; skipped %s (no statute in force at %s)", strings.Join(skipped, ", "), opts.AsOf)
		}
		fmt.Fprintln(f.IO.Out)
		return nil
	}
	fmt.Fprintf(f.IO.Out, "wrote %s\n", jobs[0].path)
	return nil
}

func briefPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func briefFileName(country, tmpl, format string) string {
	return fmt.Sprintf("lacuna-%s-%s.%s", strings.ToLower(country), tmpl, format)
}

// briefer holds what every pack of one run shares.
type briefer struct {
	opts    *briefOptions
	m       *standard.Map
	plan    *corpusPlan
	eng     *score.Engine
	tfs     fs.FS
	now     timeNow
	rec     *runRecorder
	mapHash string
}

func (b *briefer) write(j briefJob) error {
	br, err := b.briefing(j.country)
	if err != nil {
		return err
	}
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
			return &inputError{fmt.Errorf("%s: %w", j.country, err)}
		}
		return fmt.Errorf("%s: %w", j.country, err)
	}
	if j.path == "-" {
		_, err := b.opts.IO.Out.Write(buf.Bytes())
		return err
	}
	return briefWriteFile(j.path, buf.Bytes())
}

// briefing analyses one country (or reuses its stored result) and builds
// its briefing model.
func (b *briefer) briefing(country string) (*report.Briefing, error) {
	ctx := context.Background()
	ovs, err := b.overrides(country)
	if err != nil {
		return nil, err
	}
	today := b.now.Format("2006-01-02")
	opts := score.Options{Country: country, AsOf: b.opts.AsOf, LacunaVersion: version, Overrides: ovs, Today: today}
	in, err := b.plan.Read(country)
	if err != nil {
		return nil, err
	}
	var res *score.Result
	var c *statute.Corpus
	key := ""
	if b.rec != nil && b.opts.Template != "amendments" {
		key = inputCacheKey(cacheKeyInput{MapVersion: b.m.Version, MapHash: b.mapHash, Country: country, AsOf: b.opts.AsOf,
			SHAs: in.SHAs, Overrides: ovs, Today: today, Options: map[string]string{"command": "analyze"}})
		_, js, err := b.rec.Cached(ctx, key)
		if err != nil {
			return nil, err
		}
		if js != nil {
			var r score.Result
			if json.Unmarshal(js, &r) == nil {
				res = &r
			}
		}
	}
	if res == nil {
		if c, err = b.plan.Load(in); err != nil {
			return nil, err
		}
		if res, err = b.eng.Analyze(c, opts); err != nil {
			return nil, &inputError{err}
		}
		if len(res.Statutes) == 0 {
			return nil, &inputError{fmt.Errorf("no statutes for country %q in force at %s: %w", country, b.opts.AsOf, errNothingInForce)}
		}
		if b.rec != nil {
			sts := analysedStatutes(res, c)
			srcs, err := in.Sources(sts)
			if err != nil {
				return nil, err
			}
			var js []byte
			if key != "" {
				var buf bytes.Buffer
				if err := writeAnalyzeJSON(&buf, res); err != nil {
					return nil, err
				}
				js = buf.Bytes()
			}
			b.rec.Queue(res, js, sts, srcs, key, map[string]string{"command": "brief", "template": b.opts.Template})
		}
	}
	in2 := report.Input{Result: res, Map: b.m, Statutes: b.plan.Metas(country), Date: today, ToolVersion: version}
	if b.opts.Template == "amendments" {
		tl, err := b.timeline(country, c, opts)
		if err != nil {
			return nil, err
		}
		in2.Timeline = tl
	}
	return report.Build(in2)
}

// timeline analyses the country as of every version date in its corpus
// (up to --as-of), oldest first, and names for each verdict change the
// provisions whose amendment explains it (the provision diff between the
// statute versions of consecutive dates).
func (b *briefer) timeline(country string, c *statute.Corpus, opts score.Options) (*report.Timeline, error) {
	rs, err := historyResults(b.m, c, opts)
	if err != nil {
		return nil, err
	}
	tl := report.NewTimeline(rs)
	byHash := map[string]*statute.Statute{}
	for _, st := range c.Statutes {
		byHash[st.SHA256] = st
	}
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		old := map[string]score.StatuteRef{}
		for _, s := range prev.Statutes {
			old[s.ID] = s
		}
		var sds []*diff.StatuteDiff
		for _, s := range cur.Statutes {
			o, ok := old[s.ID]
			if !ok || o.SHA256 == s.SHA256 {
				continue
			}
			os, ns := byHash[o.SHA256], byHash[s.SHA256]
			if os == nil || ns == nil {
				continue
			}
			sds = append(sds, diff.Statutes(os, ns, diff.Options{}))
		}
		for _, ch := range diff.Results(prev, cur, sds).Changes {
			var causes []string
			for _, c := range ch.Causes {
				causes = append(causes, fmt.Sprintf("%s %s (%s)", c.Statute, c.Provision, c.Kind))
			}
			// Evidence in a statute that was not in force before: the new
			// statute is the cause.
			if f := cur.Finding(ch.Requirement); f != nil && len(causes) == 0 {
				seen := map[string]bool{}
				for _, e := range f.Evidence {
					if _, was := old[e.Statute]; !was && !seen[e.Statute+e.Provision] {
						seen[e.Statute+e.Provision] = true
						causes = append(causes, fmt.Sprintf("%s %s (new statute)", e.Statute, e.Provision))
					}
				}
			}
			if len(causes) > 0 {
				tl.SetCauses(cur.AsOf, ch.Requirement, causes)
			}
		}
	}
	return tl, nil
}

// overrides finds the reviewer decisions for a country: --overrides FILE
// (single country), else an overrides file beside the corpus, as analyze
// does.
func (b *briefer) overrides(country string) ([]score.Override, error) {
	if p := b.opts.Overrides; p != "" && !b.opts.All {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, &inputError{fmt.Errorf("read overrides: %w", err)}
		}
		ovs, err := score.ParseOverrides(p, src, b.m)
		if err != nil {
			return nil, &inputError{err}
		}
		return ovs, nil
	}
	ovs, _, _, err := countryOverrides(b.opts.Factory, b.m, country)
	return ovs, err
}

// briefWriteFile writes data to a temporary file beside path and renames
// it into place, so that readers never see half a file.
func briefWriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	_, werr := io.Copy(tmp, bytes.NewReader(data))
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(name, 0o644)
	}
	if werr == nil {
		werr = os.Rename(name, path)
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, werr)
	}
	return nil
}
