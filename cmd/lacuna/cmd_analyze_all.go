package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

// analyzeAllHook, when set (tests), is called each time a country is
// analysed afresh rather than reused from the store.
var analyzeAllHook func(country string)

// countryResult is one country's outcome in analyze --all.
type countryResult struct {
	*workspace.CountryAnalysis
	country string
	err     error
}

// analyzeAllRun analyses every country of the corpus, country by country:
// each worker loads one country's selected files, analyses them and drops
// them, so memory follows one country per worker. Results are written in
// country order whatever the schedule. With --save, a country whose inputs
// (content hashes of the versions selected, map, tool version, as_of,
// overrides) match a stored run reuses its result instead of being
// analysed again, and new runs are recorded in batched transactions.
func analyzeAllRun(opts *analyzeOptions) error {
	f := opts.Factory
	ctx := context.Background()
	switch {
	case opts.Country != "" || len(opts.Files) > 0:
		return usageErrorf("--all analyses every country of the corpus, expected no --country and no files")
	case opts.Overrides != "":
		return usageErrorf("--overrides FILE is for one country; with --all each country's overrides file is found beside the corpus")
	case opts.OutDir == "" && (opts.Format == "csv" || opts.Format == "markdown" || opts.Format == "md"):
		return usageErrorf("--all --format %s needs --out-dir DIR (one file per country)", opts.Format)
	}
	memoryBackstop()
	w := f.Workspace()
	m, err := w.Map()
	if err != nil {
		return err
	}
	plan, err := w.Plan(opts.AsOf)
	if err != nil {
		return err
	}
	// A reused result is decoded only for --fail-on or a per-country file
	// rendered from it.
	needFindings := opts.FailOn != "" || (opts.OutDir != "" && opts.Format != "json" && opts.Format != "text")
	batch, err := w.NewBatch(m, plan, workspace.BatchOptions{AsOf: opts.AsOf, Reuse: true, Decode: needFindings,
		JSON: true, OnAnalyze: analyzeAllHook})
	if err != nil {
		return err
	}
	if len(plan.Countries) == 0 {
		return &inputError{fmt.Errorf("the corpus has no statutes to analyse")}
	}
	if opts.OutDir != "" {
		if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
			return fmt.Errorf("create --out-dir: %w", err)
		}
	}
	var rec *workspace.Recorder
	if opts.Save {
		if rec, err = w.OpenRecorder(ctx, false); err != nil {
			return err
		}
		rec.Start(ctx) // saved by a goroutine of its own, in batches
	}
	batch.SetRecorder(rec)
	one := func(cc string) countryResult {
		a, err := batch.Country(ctx, cc)
		return countryResult{CountryAnalysis: a, country: cc, err: err}
	}

	// Workers take countries in order; the writer emits them in order.
	n := len(plan.Countries)
	results := make([]chan countryResult, n)
	for i := range results {
		results[i] = make(chan countryResult, 1)
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	// A worker may run at most `window` countries ahead of the writer, so
	// finished results waiting to be written stay few.
	window := make(chan struct{}, 2*workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				window <- struct{}{}
				i := int(next.Add(1) - 1)
				if i >= n {
					<-window
					return
				}
				if stop.Load() {
					results[i] <- countryResult{country: plan.Countries[i], err: errStopped}
					continue
				}
				results[i] <- one(plan.Countries[i])
			}
		}()
	}

	var firstErr error
	var failed bool
	var summary bytes.Buffer
	reused, analysed := 0, 0
	var skipped []string
	jsonOut := opts.Format == "json" && opts.OutDir == ""
	if jsonOut {
		fmt.Fprint(&summary, "[\n")
	} else {
		writeAllSummaryHeader(&summary)
	}
	first := true
	for i := 0; i < n; i++ {
		r := <-results[i]
		<-window
		if firstErr != nil {
			continue
		}
		if r.err != nil {
			firstErr = r.err
			stop.Store(true)
			continue
		}
		if r.Skipped {
			skipped = append(skipped, r.country)
			continue
		}
		if r.Reused {
			reused++
		} else {
			analysed++
		}
		batch.Record(r.CountryAnalysis, map[string]string{"command": "analyze", "country": r.country, "overrides": r.Overrides.Path})
		if opts.OutDir != "" {
			if err := writeCountryFile(opts, r); err != nil {
				firstErr = err
				stop.Store(true)
				continue
			}
		}
		switch {
		case jsonOut:
			if !first {
				summary.WriteString(",\n")
			}
			summary.Write(bytes.TrimRight(r.JSON, "\n"))
		default:
			writeAllSummaryRow(&summary, r)
		}
		first = false
		// Stream what is ready: the output never holds every country.
		if summary.Len() > 1<<16 {
			if _, err := f.IO.Out.Write(summary.Bytes()); err != nil {
				firstErr = err
				stop.Store(true)
			}
			summary.Reset()
		}
		if opts.FailOn != "" && !failed {
			for _, fd := range r.Result.Findings {
				if fd.Verdict != score.NotApplicable && fd.Verdict.Rank() >= opts.FailOn.Rank() {
					failed = true
					break
				}
			}
		}
	}
	wg.Wait()
	if err := rec.Close(ctx); err != nil && firstErr == nil {
		firstErr = err
	}
	if firstErr != nil {
		return firstErr
	}
	if jsonOut {
		summary.WriteString("\n]\n")
	}
	if _, err := f.IO.Out.Write(summary.Bytes()); err != nil {
		return err
	}
	if !f.Global.Quiet {
		fmt.Fprintf(f.IO.ErrOut, "analysed %d %s", analysed+reused, plural(analysed+reused, "country", "countries"))
		if opts.Save {
			fmt.Fprintf(f.IO.ErrOut, " (%d reused from the store, %d analysed and saved)", reused, analysed)
		}
		if len(skipped) > 0 {
			fmt.Fprintf(f.IO.ErrOut, "; skipped %s (no statute in force at %s)", strings.Join(skipped, ", "), opts.AsOf)
		}
		if opts.OutDir != "" {
			fmt.Fprintf(f.IO.ErrOut, "; wrote %s", opts.OutDir)
		}
		fmt.Fprintln(f.IO.ErrOut)
	}
	if failed {
		return &exitError{code: exitFindings}
	}
	return nil
}

var errStopped = fmt.Errorf("stopped after an earlier error")

// writeCountryFile writes one country's result into --out-dir in --format
// (JSON when the format is text), through a temporary file and a rename.
func writeCountryFile(opts *analyzeOptions, r countryResult) error {
	var buf bytes.Buffer
	ext := "json"
	switch opts.Format {
	case "csv":
		ext = "csv"
		if err := writeAnalyzeCSV(&buf, r.Result); err != nil {
			return err
		}
	case "markdown", "md":
		ext = "md"
		// --all has no per-country corpus at hand: --lang, else English
		lang := opts.Lang
		if lang == "" {
			lang = "en"
		}
		loc, err := report.EmbeddedLocale(lang)
		if err != nil {
			return err
		}
		m, err := opts.Factory.Workspace().Map()
		if err != nil {
			return err
		}
		titles, err := opts.Factory.Workspace().MapTitles(m, lang, true)
		if err != nil {
			return err
		}
		res, err := report.Localize(r.Result, loc, m, titles)
		if err != nil {
			return err
		}
		writeAnalyzeMarkdown(&buf, res, opts.Explain, loc)
	default:
		buf.Write(r.JSON)
	}
	p := filepath.Join(opts.OutDir, fmt.Sprintf("lacuna-%s.%s", strings.ToLower(r.country), ext))
	return opts.Factory.writeOutput("--out-dir", p, buf.Bytes(), opts.Factory.Workspace().OverridesPath(r.country))
}

func writeAllSummaryHeader(w io.Writer) {
	fmt.Fprintf(w, "%-8s %8s %8s %8s %8s %8s %8s %5s %5s %8s %6s\n", "COUNTRY", "STATUTES", "OVERALL",
		"PROSEC", "PROTECT", "PREVENT", "PARTNER", "GAP", "CONTR", "PARTIAL", "REUSED")
}

func writeAllSummaryRow(w io.Writer, r countryResult) {
	s := r.Scores
	reused := "no"
	if r.Reused {
		reused = "yes"
	}
	fmt.Fprintf(w, "%-8s %8d %8.1f %8.1f %8.1f %8.1f %8.1f %5d %5d %8d %6s\n", r.country, r.Statutes, s.Overall,
		s.Pillars["prosecution"], s.Pillars["protection"], s.Pillars["prevention"], s.Pillars["partnership"],
		s.Counts[score.Gap], s.Counts[score.Contrary], s.Counts[score.Partial], reused)
}
