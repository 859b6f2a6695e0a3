package main

// Scale benchmarks of search, corpus list/show and the first save
// (issue 12), not run in CI. Every figure is a ratio to something
// measured in the same run on the same machine, so a loaded machine moves
// both sides:
//
//	go test ./cmd/lacuna -run '^$' -bench 'ScaleSearch' -benchtime 1x -timeout 60m
//
// LACUNA_SCALE_SIZES lists the corpus sizes in countries (default
// "1,50,200"); each corpus is generated once (10 statutes × 5 versions a
// country) into $LACUNA_SCALE_DIR-<n> (default $TMPDIR/lacuna-scale-<n>)
// and reused. The lacuna binary is built once into a temporary directory.
//
// For each size it measures, as whole processes (wall time, peak RSS from
// the kernel): "lacuna version" (median of 7, the floor of any process);
// "analyze --all" on a fresh store (the reference for every cold path);
// the first search on a fresh store (cold: every file hashed, the latest
// versions indexed); warm searches with 8 different queries, twice each
// after one unmeasured round (median, max RSS); "corpus list" and "corpus show" (median of 3); a first
// "analyze --all --save" on a fresh store, against the mean of the plain
// runs before and after it. In-process, it times warm searches (a fresh
// Workspace per query, as a process would have: store opened, corpus
// directory checked, query run).

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

// searchQueries vary the words, their frequency, prefixes, phrases and
// filters, so that no query is answered from a cache of the one before.
var searchQueries = []workspace.SearchQuery{
	{Text: "forced labour", Limit: 20},
	{Text: "imprisonment", Role: "penalty", Limit: 20},
	{Text: "recruit*", Limit: 20},
	{Text: `"position of vulnerability"`, Limit: 20},
	{Text: "child exploitation", Limit: 50},
	{Text: "shelter", Country: "XAA", Limit: 20},
	{Text: "victim shall", AsOf: "2005-01-01", Limit: 20},
	{Text: "coordination council", Role: "institutional", Limit: 20},
}

// searchArgs are the command-line arguments of q.
func searchArgs(q workspace.SearchQuery) []string {
	args := []string{"search", q.Text, "--limit", strconv.Itoa(q.Limit)}
	if q.Role != "" {
		args = append(args, "--role", string(q.Role))
	}
	if q.Country != "" {
		args = append(args, "--country", q.Country)
	}
	if q.AsOf != "" {
		args = append(args, "--as-of", q.AsOf)
	}
	return args
}

// scaleCorpusN returns the directory of a generated corpus of n countries,
// generating it on first use.
func scaleCorpusN(b *testing.B, n int) string {
	b.Helper()
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

// procRun is one whole-process measurement.
type procRun struct {
	wall time.Duration
	rss  int64 // peak resident set, KiB
}

// runProc runs the binary with args (stdout discarded) and measures it.
// The peak RSS comes from GNU time (/usr/bin/time -f %M), which forks the
// command from its own small process: the rusage Go gets for a child it
// started counts the test process's own peak (Go starts children with a
// vfork-like clone that shares its memory until exec), so it cannot be
// used. Without /usr/bin/time the RSS is reported as 0.
func runProc(b *testing.B, bin string, env []string, args ...string) procRun {
	b.Helper()
	name, argv := bin, args
	var rssFile string
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		rssFile = filepath.Join(b.TempDir(), "rss")
		name, argv = "/usr/bin/time", append([]string{"-f", "%M", "-o", rssFile, bin}, args...)
	}
	cmd := exec.Command(name, argv...)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t0 := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("lacuna %s: %v: %.2000s", strings.Join(args, " "), err, stderr.String())
	}
	r := procRun{wall: time.Since(t0)}
	if rssFile != "" {
		if out, err := os.ReadFile(rssFile); err == nil {
			r.rss, _ = strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
		}
	}
	return r
}

// summary is the median wall time and the largest RSS of runs.
func summary(runs []procRun) procRun {
	ws := make([]time.Duration, len(runs))
	var rss int64
	for i, r := range runs {
		ws[i] = r.wall
		rss = max(rss, r.rss)
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i] < ws[j] })
	return procRun{wall: ws[len(ws)/2], rss: rss}
}

func scaleSizes(b *testing.B) []int {
	s := os.Getenv("LACUNA_SCALE_SIZES")
	if s == "" {
		s = "1,50,200"
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("LACUNA_SCALE_SIZES %q, expected numbers of countries like 1,50,200", s)
		}
		out = append(out, n)
	}
	return out
}

// buildLacuna builds the command into a temporary directory and returns
// its path and the hash of the executable (the build the search index is
// keyed by).
func buildLacuna(b *testing.B) (string, string) {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "lacuna")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	src, err := os.ReadFile(bin)
	if err != nil {
		b.Fatal(err)
	}
	sum := sha256.Sum256(src)
	return bin, hex.EncodeToString(sum[:])
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
func mb(kib int64) float64       { return float64(kib) / 1024 }

func BenchmarkScaleSearch(b *testing.B) {
	bin, build := buildLacuna(b)
	for _, n := range scaleSizes(b) {
		b.Run(fmt.Sprintf("countries=%d", n), func(b *testing.B) {
			dir := scaleCorpusN(b, n)
			for i := 0; i < b.N; i++ {
				work := b.TempDir()
				env := append(os.Environ(), "XDG_DATA_HOME="+work, "LACUNA_NOW=2026-01-01T00:00:00Z")
				db := filepath.Join(work, "search.db")
				lac := func(args ...string) procRun {
					return runProc(b, bin, env, append([]string{"--corpus", dir, "--db", db}, args...)...)
				}
				var vs []procRun
				for k := 0; k < 7; k++ {
					vs = append(vs, runProc(b, bin, env, "version"))
				}
				ver := summary(vs)
				plain1 := runProc(b, bin, env, "--corpus", dir, "--db", filepath.Join(work, "plain1.db"), "analyze", "--all", "-q")
				cold := lac("search", "forced labour")
				// one unmeasured round first: the versions an as-of query
				// needs are indexed by its first run (a cold path)
				var warm []procRun
				for round := 0; round < 3; round++ {
					for _, q := range searchQueries {
						if r := lac(searchArgs(q)...); round > 0 {
							warm = append(warm, r)
						}
					}
				}
				w := summary(warm)
				// in process: a fresh Workspace per query, keyed as the binary
				var inproc []time.Duration
				for round := 0; round < 2; round++ {
					for _, q := range searchQueries {
						ws := workspace.New(workspace.Config{Corpus: dir, DB: db, ToolVersion: version, ToolBuild: func() string { return build }})
						t0 := time.Now()
						if _, err := ws.Search(context.Background(), q); err != nil {
							b.Fatalf("in-process search %q: %v", q.Text, err)
						}
						inproc = append(inproc, time.Since(t0))
					}
				}
				sort.Slice(inproc, func(i, j int) bool { return inproc[i] < inproc[j] })
				var ls, ss []procRun
				for k := 0; k < 3; k++ {
					ls = append(ls, lac("corpus", "list"))
					ss = append(ss, lac("corpus", "show", "xaa/act-03"))
				}
				list, show := summary(ls), summary(ss)
				save := runProc(b, bin, env, "--corpus", dir, "--db", filepath.Join(work, "save.db"), "analyze", "--all", "--save", "-q")
				plain2 := runProc(b, bin, env, "--corpus", dir, "--db", filepath.Join(work, "plain2.db"), "analyze", "--all", "-q")
				plain := (plain1.wall + plain2.wall) / 2
				if i == b.N-1 {
					b.ReportMetric(ms(ver.wall), "version-ms")
					b.ReportMetric(ms(w.wall), "warm-ms")
					b.ReportMetric(float64(w.wall)/float64(ver.wall), "warm/version")
					b.ReportMetric(mb(w.rss), "warm-rss-MB")
					b.ReportMetric(ms(inproc[len(inproc)/2]), "inproc-ms")
					b.ReportMetric(ms(inproc[len(inproc)-1]), "inproc-max-ms")
					b.ReportMetric(cold.wall.Seconds(), "cold-s")
					b.ReportMetric(plain.Seconds(), "analyze-all-s")
					b.ReportMetric(float64(cold.wall)/float64(plain), "cold/analyze")
					b.ReportMetric(mb(cold.rss), "cold-rss-MB")
					b.ReportMetric(ms(list.wall), "list-ms")
					b.ReportMetric(mb(list.rss), "list-rss-MB")
					b.ReportMetric(ms(show.wall), "show-ms")
					b.ReportMetric(mb(show.rss), "show-rss-MB")
					b.ReportMetric(float64(save.wall)/float64(plain), "save/analyze")
					b.ReportMetric(mb(save.rss), "save-rss-MB")
					b.ReportMetric(mb(max(plain1.rss, plain2.rss)), "analyze-rss-MB")
					b.Logf("%d countries: version %.0f ms %.0f MB | warm search %.0f ms (%.2f× version) %.0f MB | in-process %.1f ms (max %.1f) | cold search %.2f s %.0f MB, analyze --all %.2f s (%.0f, %.0f) %.0f MB, ratio %.2f | list %.0f ms %.0f MB | show %.0f ms %.0f MB | first save %.2f s %.0f MB, ratio %.2f",
						n, ms(ver.wall), mb(ver.rss), ms(w.wall), float64(w.wall)/float64(ver.wall), mb(w.rss),
						ms(inproc[len(inproc)/2]), ms(inproc[len(inproc)-1]),
						cold.wall.Seconds(), mb(cold.rss), plain.Seconds(), plain1.wall.Seconds(), plain2.wall.Seconds(), mb(max(plain1.rss, plain2.rss)), float64(cold.wall)/float64(plain),
						ms(list.wall), mb(list.rss), ms(show.wall), mb(show.rss),
						save.wall.Seconds(), mb(save.rss), float64(save.wall)/float64(plain))
				}
			}
		})
	}
}
