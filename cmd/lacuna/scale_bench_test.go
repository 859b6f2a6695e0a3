package main

// Scale benchmarks (issue 7), not run in CI: a synthetic corpus of 200
// countries × 10 statutes × 5 versions, analysed and briefed whole.
// Targets on the 2-core sandbox: the analysis of every country in at most
// 30 s, peak memory at most 1 GB, all 200 briefing packs in at most 60 s.
//
//	go test ./cmd/lacuna -run '^$' -bench 'Scale' -benchtime 1x -timeout 60m
//
// The corpus is generated once into $LACUNA_SCALE_DIR (default
// $TMPDIR/lacuna-scale-<countries>) and reused by later runs;
// LACUNA_SCALE_COUNTRIES sizes it (default 200); LACUNA_SCALE_HEAPPROFILE=FILE
// writes a heap profile of the loaded corpus and map (BenchmarkScaleAnalyzeAll). Each benchmark reports
// wall time per operation and the process's peak heap ("peak-heap-MB",
// sampled every 10 ms) and peak resident set ("peak-rss-MB", from the
// kernel: an upper bound over the whole test process).

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
)

var (
	scaleOnce sync.Once
	scaleDir  string
	scaleErr  error
)

// scaleCorpus returns the directory of the generated corpus, generating it
// on first use.
func scaleCorpus(b *testing.B) string {
	b.Helper()
	scaleOnce.Do(func() {
		n := 200
		if s := os.Getenv("LACUNA_SCALE_COUNTRIES"); s != "" {
			if n, scaleErr = strconv.Atoi(s); scaleErr != nil {
				return
			}
		}
		scaleDir = os.Getenv("LACUNA_SCALE_DIR")
		if scaleDir == "" {
			scaleDir = filepath.Join(os.TempDir(), fmt.Sprintf("lacuna-scale-%d", n))
		}
		done := filepath.Join(scaleDir, ".generated")
		if _, err := os.Stat(done); err == nil {
			return
		}
		start := time.Now()
		var size int64
		size, scaleErr = testutil.GenerateCorpus(scaleDir, testutil.GenOptions{Countries: n, Statutes: 10, Versions: 5})
		if scaleErr == nil {
			scaleErr = os.WriteFile(done, []byte(fmt.Sprintf("%d bytes\n", size)), 0o644)
		}
		fmt.Fprintf(os.Stderr, "generated %d countries (%d MB) in %s at %s\n", n, size>>20, time.Since(start).Round(time.Millisecond), scaleDir)
	})
	if scaleErr != nil {
		b.Fatalf("generate corpus: %v", scaleErr)
	}
	return scaleDir
}

// peakHeap samples the Go heap every 10 ms until stop is called and
// returns the largest HeapInuse+StackInuse seen, in bytes.
func peakHeap() (stop func() uint64) {
	var peak uint64
	var mu sync.Mutex
	quit := make(chan struct{})
	done := make(chan struct{})
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		mu.Lock()
		if v := ms.HeapInuse + ms.StackInuse; v > peak {
			peak = v
		}
		mu.Unlock()
	}
	go func() {
		defer close(done)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() uint64 {
		close(quit)
		<-done
		sample()
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// reportPeaks adds the memory metrics to b.
func reportPeaks(b *testing.B, heap uint64) {
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-rss-MB")
	}
}

// BenchmarkScaleAnalyzeAll analyses every country of the generated corpus
// the way lacuna analyze does for one (load the corpus and the map,
// compile the engine, analyse with score.Options, write the JSON result),
// loading and compiling once, in one goroutine: the engine's own cost,
// apart from how analyze --all schedules it (BenchmarkScaleAnalyzeAllCLI). Sub-metrics split
// the time between loading and analysing.
func BenchmarkScaleAnalyzeAll(b *testing.B) {
	dir := scaleCorpus(b)
	ios, _, _ := testIO()
	f := &Factory{IO: ios, Global: &globalOptions{Corpus: dir}, Now: realNow, Getwd: os.Getwd}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runtime.GC()
		stop := peakHeap()
		t0 := time.Now()
		c, err := f.Workspace().Corpus()
		if err != nil {
			b.Fatal(err)
		}
		m, err := f.Workspace().Map()
		if err != nil {
			b.Fatal(err)
		}
		e, err := score.Compile(m)
		if err != nil {
			b.Fatal(err)
		}
		tLoad := time.Since(t0)
		if p := os.Getenv("LACUNA_SCALE_HEAPPROFILE"); p != "" && i == 0 {
			writeHeapProfile(b, p) // what the loaded corpus and map hold
		}
		countries := scaleCountries(c)
		var out bytes.Buffer
		for _, cc := range countries {
			res, err := e.Analyze(c, score.Options{Country: cc, LacunaVersion: version, Today: "2026-01-01"})
			if err != nil {
				b.Fatal(err)
			}
			if len(res.Statutes) == 0 {
				b.Fatalf("%s: no statutes analysed", cc)
			}
			out.Reset()
			if err := writeAnalyzeJSON(&out, res); err != nil {
				b.Fatal(err)
			}
		}
		total := time.Since(t0)
		heap := stop()
		if i == b.N-1 {
			b.ReportMetric(tLoad.Seconds(), "load-s")
			b.ReportMetric((total - tLoad).Seconds(), "analyse-s")
			b.ReportMetric(float64(len(countries)), "countries")
			b.ReportMetric(float64(len(c.Statutes)), "statutes")
			reportPeaks(b, heap)
		}
	}
}

// BenchmarkScaleAnalyzeAllCLI runs "lacuna --corpus DIR analyze --all
// --format json" through run(): the command itself, without a store.
func BenchmarkScaleAnalyzeAllCLI(b *testing.B) {
	dir := scaleCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		stop := peakHeap()
		ios, out, errOut := testIO()
		env := append(os.Environ(), "XDG_DATA_HOME="+b.TempDir())
		if code := run(context.Background(), []string{"--corpus", dir, "analyze", "--all", "--format", "json"}, env, ios); code != 0 {
			b.Fatalf("exit %d: %.2000s", code, errOut)
		}
		heap := stop()
		if i == b.N-1 {
			b.ReportMetric(float64(out.Len())/(1<<20), "json-MB")
			reportPeaks(b, heap)
		}
	}
}

// BenchmarkScaleAnalyzeOneCountryCLI runs "lacuna --corpus DIR analyze
// --country XAA --format json" through run(): the cost a script pays per
// country today.
func BenchmarkScaleAnalyzeOneCountryCLI(b *testing.B) {
	dir := scaleCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		stop := peakHeap()
		ios, _, errOut := testIO()
		if code := run(context.Background(), []string{"--corpus", dir, "analyze", "--country", testutil.CountryCode(0), "--format", "json"}, os.Environ(), ios); code != 0 {
			b.Fatalf("exit %d: %s", code, errOut)
		}
		heap := stop()
		if i == b.N-1 {
			reportPeaks(b, heap)
		}
	}
}

// BenchmarkScaleBriefAll runs "lacuna --corpus DIR brief --all --out-dir
// TMP" (PDF, legal template) through run().
func BenchmarkScaleBriefAll(b *testing.B) {
	dir := scaleCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := b.TempDir()
		stop := peakHeap()
		ios, _, errOut := testIO()
		// brief records each run in the store: keep it in a temporary home.
		env := append(os.Environ(), "LACUNA_NOW=2026-01-01T00:00:00Z", "XDG_DATA_HOME="+b.TempDir())
		if code := run(context.Background(), []string{"--corpus", dir, "brief", "--all", "--out-dir", out, "-q"}, env, ios); code != 0 {
			b.Fatalf("exit %d: %.2000s", code, errOut)
		}
		heap := stop()
		if i == b.N-1 {
			ents, _ := os.ReadDir(out)
			b.ReportMetric(float64(len(ents)), "packs")
			reportPeaks(b, heap)
		}
	}
}

// writeHeapProfile writes a heap profile (after a GC) to path.
func writeHeapProfile(b *testing.B, path string) {
	runtime.GC()
	fh, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	if err := pprof.WriteHeapProfile(fh); err != nil {
		b.Fatal(err)
	}
}

// scaleCountries lists the countries of c in order.
func scaleCountries(c *statute.Corpus) []string {
	var out []string
	seen := map[string]bool{}
	for _, st := range c.Statutes {
		if cc := st.Meta.Country; !seen[cc] {
			seen[cc] = true
			out = append(out, cc)
		}
	}
	return out
}
