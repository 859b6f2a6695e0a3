package workspace

// In-process search benchmarks over a generated corpus (issue 12), for
// profiling what cmd/lacuna's BenchmarkScaleSearch measures as a whole:
//
//	LACUNA_SCALE_DIR=/tmp/scale LACUNA_SCALE_COUNTRIES=200 go test ./internal/workspace -run '^$' -bench 'SearchScale$' -benchtime 40x
//	LACUNA_SCALE_DIR=/tmp/scale LACUNA_SCALE_COUNTRIES=200 go test ./internal/workspace -run '^$' -bench SearchScaleCold -benchtime 1x
//
// The corpus of LACUNA_SCALE_COUNTRIES countries (default 50) is generated
// once into $LACUNA_SCALE_DIR-<n> (default $TMPDIR/lacuna-scale-<n>, the
// directory cmd/lacuna's benchmark uses). BenchmarkSearchScale indexes it
// into a fresh store (or the store LACUNA_SCALE_DB, reused across runs;
// reported as cold-s), then each iteration runs one of the queries below
// in a fresh Workspace, as a process would (with the collector set as
// lacuna search sets it, SearchGC); CPU time per query is
// reported beside the wall time, the machine being shared.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/testutil"
)

var benchQueries = []SearchQuery{
	{Text: "forced labour", Limit: 20},
	{Text: "imprisonment", Role: "penalty", Limit: 20},
	{Text: "recruit*", Limit: 20},
	{Text: `"position of vulnerability"`, Limit: 20},
	{Text: "child exploitation", Limit: 50},
	{Text: "shelter", Country: "XAA", Limit: 20},
	{Text: "victim shall", AsOf: "2005-01-01", Limit: 20},
	{Text: "coordination council", Role: "institutional", Limit: 20},
}

func benchCorpus(b *testing.B) string {
	b.Helper()
	n := 50
	if s := os.Getenv("LACUNA_SCALE_COUNTRIES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("LACUNA_SCALE_COUNTRIES %q, expected a number of countries", s)
		}
		n = v
	}
	dir := os.Getenv("LACUNA_SCALE_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "lacuna-scale")
	}
	dir = fmt.Sprintf("%s-%d", dir, n)
	done := filepath.Join(dir, ".generated")
	if _, err := os.Stat(done); err == nil {
		return dir
	}
	size, err := testutil.GenerateCorpus(dir, testutil.GenOptions{Countries: n, Statutes: 10, Versions: 5})
	if err != nil {
		b.Fatalf("generate corpus: %v", err)
	}
	if err := os.WriteFile(done, []byte(fmt.Sprintf("%d bytes\n", size)), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

func BenchmarkSearchScale(b *testing.B) {
	defer SearchGC()() // the collector as lacuna search runs it
	dir := benchCorpus(b)
	db := os.Getenv("LACUNA_SCALE_DB") // a store to reuse; default a fresh one
	if db == "" {
		db = filepath.Join(b.TempDir(), "search.db")
	}
	cfg := Config{Corpus: dir, DB: db, ToolVersion: "bench", ToolBuild: func() string { return "bench" }}
	ctx := context.Background()
	t0 := time.Now()
	var cold time.Duration
	for k, q := range benchQueries { // the cold path, then every as-of version
		if _, err := New(cfg).Search(ctx, q); err != nil {
			b.Fatal(err)
		}
		if k == 0 {
			cold = time.Since(t0)
		}
	}
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := New(cfg).Search(ctx, benchQueries[i%len(benchQueries)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(cold.Seconds(), "cold-s")
}

// cpuTime is the CPU time (user + system) of this process so far: the
// machine may be shared, and CPU time moves less with its load than wall
// time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSearchScaleCold is the first search on a fresh store: every
// file hashed, the latest versions parsed, classified and indexed.
func BenchmarkSearchScaleCold(b *testing.B) {
	dir := benchCorpus(b)
	ctx := context.Background()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		cfg := Config{Corpus: dir, DB: filepath.Join(b.TempDir(), "search.db"), ToolVersion: "bench", ToolBuild: func() string { return "bench" }}
		c0 := cpuTime()
		if _, err := New(cfg).Search(ctx, benchQueries[0]); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c0
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
