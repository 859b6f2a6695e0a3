package main

// Scale benchmarks of the per-country commands (issue 7, SCALE), not run
// in CI; they use the generated corpus of scale_bench_test.go:
//
//	go test ./cmd/lacuna -run '^$' -bench 'ScaleAll' -benchtime 1x -timeout 60m

import (
	"context"
	"os"
	"testing"
	"time"
)

// BenchmarkScaleAllAnalyzeCLI runs "lacuna --corpus DIR analyze --all
// --out-dir TMP --format json": every country loaded, analysed and
// written one at a time on GOMAXPROCS workers.
func BenchmarkScaleAllAnalyzeCLI(b *testing.B) {
	dir := scaleCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := b.TempDir()
		stop := peakHeap()
		ios, _, errOut := testIO()
		if code := run(context.Background(), []string{"--corpus", dir, "--format", "json", "analyze", "--all", "--out-dir", out, "-q"}, os.Environ(), ios); code != 0 {
			b.Fatalf("exit %d: %.2000s", code, errOut)
		}
		heap := stop()
		if i == b.N-1 {
			ents, _ := os.ReadDir(out)
			b.ReportMetric(float64(len(ents)), "countries")
			reportPeaks(b, heap)
		}
	}
}

// BenchmarkScaleAllAnalyzeIncremental times "analyze --all --save" twice
// over the same store: the first run analyses and saves every country, the
// second finds every result under its cache key. It reports both times and
// their ratio (the target is at least 10).
func BenchmarkScaleAllAnalyzeIncremental(b *testing.B) {
	dir := scaleCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		env := append(os.Environ(), "XDG_DATA_HOME="+b.TempDir(), "LACUNA_NOW=2026-01-01T00:00:00Z")
		args := []string{"--corpus", dir, "analyze", "--all", "--save", "-q"}
		t0 := time.Now()
		ios, _, errOut := testIO()
		if code := run(context.Background(), args, env, ios); code != 0 {
			b.Fatalf("first run: exit %d: %.2000s", code, errOut)
		}
		cold := time.Since(t0)
		stop := peakHeap()
		t1 := time.Now()
		ios, _, errOut = testIO()
		if code := run(context.Background(), args, env, ios); code != 0 {
			b.Fatalf("second run: exit %d: %.2000s", code, errOut)
		}
		warm := time.Since(t1)
		heap := stop()
		if i == b.N-1 {
			b.ReportMetric(cold.Seconds(), "first-s")
			b.ReportMetric(warm.Seconds(), "second-s")
			b.ReportMetric(cold.Seconds()/warm.Seconds(), "speedup")
			reportPeaks(b, heap)
		}
	}
}

// BenchmarkScaleAllBriefIncremental is BenchmarkScaleAllAnalyzeIncremental
// for "brief --all" (Markdown packs, so rendering does not hide the reuse).
func BenchmarkScaleAllBriefIncremental(b *testing.B) {
	dir := scaleCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		env := append(os.Environ(), "XDG_DATA_HOME="+b.TempDir(), "LACUNA_NOW=2026-01-01T00:00:00Z")
		args := []string{"--corpus", dir, "--format", "md", "brief", "--all", "--out-dir", b.TempDir(), "-q"}
		t0 := time.Now()
		ios, _, errOut := testIO()
		if code := run(context.Background(), args, env, ios); code != 0 {
			b.Fatalf("first run: exit %d: %.2000s", code, errOut)
		}
		cold := time.Since(t0)
		t1 := time.Now()
		ios, _, errOut = testIO()
		if code := run(context.Background(), args, env, ios); code != 0 {
			b.Fatalf("second run: exit %d: %.2000s", code, errOut)
		}
		warm := time.Since(t1)
		if i == b.N-1 {
			b.ReportMetric(cold.Seconds(), "first-s")
			b.ReportMetric(warm.Seconds(), "second-s")
			b.ReportMetric(cold.Seconds()/warm.Seconds(), "speedup")
		}
	}
}
