package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/lacuna-project/lacuna/corpus"
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
	m, err := loadMap(f)
	if err != nil {
		return err
	}
	c, err := loadCorpus(f)
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
	countries := corpusCountries(c)
	var jobs []briefJob
	if opts.All {
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
	b := &briefer{opts: opts, m: m, c: c, eng: eng, tfs: tfs, now: f.Now()}

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

func corpusCountries(c *statute.Corpus) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range c.Statutes {
		cc := strings.ToUpper(s.Meta.Country)
		if cc != "" && !seen[cc] {
			seen[cc] = true
			out = append(out, cc)
		}
	}
	sort.Strings(out)
	return out
}

// briefer holds what every pack of one run shares.
type briefer struct {
	opts *briefOptions
	m    *standard.Map
	c    *statute.Corpus
	eng  *score.Engine
	tfs  fs.FS
	now  timeNow
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

// briefing analyses one country and builds its briefing model.
func (b *briefer) briefing(country string) (*report.Briefing, error) {
	ovs, err := b.overrides(country)
	if err != nil {
		return nil, err
	}
	today := b.now.Format("2006-01-02")
	opts := score.Options{Country: country, AsOf: b.opts.AsOf, LacunaVersion: version, Overrides: ovs, Today: today}
	res, err := b.eng.Analyze(b.c, opts)
	if err != nil {
		return nil, &inputError{err}
	}
	if len(res.Statutes) == 0 {
		return nil, &inputError{fmt.Errorf("no statutes for country %q in force at %s: %w", country, b.opts.AsOf, errNothingInForce)}
	}
	if err := recordRun(b.opts.Factory, res, b.c, map[string]string{"command": "brief", "template": b.opts.Template}); err != nil {
		return nil, err
	}
	var metas []statute.Meta
	for _, s := range b.c.Statutes {
		if strings.EqualFold(s.Meta.Country, country) {
			metas = append(metas, s.Meta)
		}
	}
	in := report.Input{Result: res, Map: b.m, Statutes: metas, Date: today, ToolVersion: version}
	if b.opts.Template == "amendments" {
		tl, err := b.timeline(country, opts)
		if err != nil {
			return nil, err
		}
		in.Timeline = tl
	}
	return report.Build(in)
}

// timeline analyses the country as of every version date in its corpus
// (up to --as-of), oldest first, and names for each verdict change the
// provisions whose amendment explains it (the provision diff between the
// statute versions of consecutive dates).
func (b *briefer) timeline(country string, opts score.Options) (*report.Timeline, error) {
	rs, err := historyResults(b.m, b.c, opts)
	if err != nil {
		return nil, err
	}
	tl := report.NewTimeline(rs)
	byHash := map[string]*statute.Statute{}
	for _, st := range b.c.Statutes {
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
// (single country), else an overrides file beside the corpus, as analyze does.
func (b *briefer) overrides(country string) ([]score.Override, error) {
	f := b.opts.Factory
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
	if dir := f.Global.Corpus; dir != "" {
		for _, p := range []string{
			filepath.Join(dir, strings.ToLower(country), "overrides.yaml"),
			filepath.Join(dir, "overrides", strings.ToUpper(country)+".yaml"),
		} {
			src, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			ovs, err := score.ParseOverrides(p, src, b.m)
			if err != nil {
				return nil, &inputError{err}
			}
			return ovs, nil
		}
		return nil, nil
	}
	for _, p := range []string{strings.ToLower(country) + "/overrides.yaml", "overrides/" + strings.ToUpper(country) + ".yaml"} {
		if src, err := fs.ReadFile(corpus.FS, p); err == nil {
			ovs, err := score.ParseOverrides("corpus/"+p, src, b.m)
			if err != nil {
				return nil, &inputError{err}
			}
			return ovs, nil
		}
	}
	return nil, nil
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
