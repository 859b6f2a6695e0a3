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
// For each size it measures, as whole processes (wall time, CPU time and
// peak RSS from GNU time; medians): "analyze --all" on a fresh store, the
// first search on a fresh store (cold: every file hashed, the latest
// versions indexed) and a first "analyze --all --save", interleaved, twice
// each (the cold paths are bounded by the plain analysis); after one
// unmeasured round, 8 different queries twice each, every one next to a
// run of "lacuna version" (the floor of any process) and repeated in
// process (a fresh Workspace per query, as a process would have: store
// opened, corpus directory checked, query run); "corpus list" and "corpus
// show" (3 each). CPU time is given beside wall time because the machine
// is shared: a wall time also counts the time other processes held the
// cores.

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
	"syscall"
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
	cpu  time.Duration // user + system
	rss  int64         // peak resident set, KiB
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
		name, argv = "/usr/bin/time", append([]string{"-f", "%M %U %S", "-o", rssFile, bin}, args...)
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
			if f := strings.Fields(string(out)); len(f) == 3 {
				r.rss, _ = strconv.ParseInt(f[0], 10, 64)
				u, _ := strconv.ParseFloat(f[1], 64)
				sy, _ := strconv.ParseFloat(f[2], 64)
				r.cpu = time.Duration((u + sy) * float64(time.Second))
			}
		}
	}
	return r
}

// summary is the median wall and CPU time and the largest RSS of runs.
func summary(runs []procRun) procRun {
	ws := make([]time.Duration, len(runs))
	cs := make([]time.Duration, len(runs))
	var rss int64
	for i, r := range runs {
		ws[i], cs[i] = r.wall, r.cpu
		rss = max(rss, r.rss)
	}
	return procRun{wall: median(ws), cpu: median(cs), rss: rss}
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// selfCPU is the CPU time (user + system) of this process so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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
				lac := func(db string, args ...string) procRun {
					return runProc(b, bin, env, append([]string{"--corpus", dir, "--db", db}, args...)...)
				}
				// Cold paths, interleaved with the plain analysis they are
				// bounded by: analyze, cold search, first save, twice.
				var plain, cold, save []procRun
				for k := 0; k < 2; k++ {
					plain = append(plain, lac(filepath.Join(work, fmt.Sprintf("plain%d.db", k)), "analyze", "--all", "-q"))
					cdb := db
					if k > 0 {
						cdb = filepath.Join(work, "cold1.db")
					}
					cold = append(cold, lac(cdb, "search", "forced labour"))
					save = append(save, lac(filepath.Join(work, fmt.Sprintf("save%d.db", k)), "analyze", "--all", "--save", "-q"))
				}
				// one unmeasured round: an as-of query indexes its versions
				// on its first run (a cold path)
				for _, q := range searchQueries {
					lac(db, searchArgs(q)...)
				}
				// Warm: each query as a whole process, next to a run of
				// "lacuna version", and in process (a fresh Workspace per
				// query, keyed as the binary, as a process would have).
				var vs, warm []procRun
				var inWall, inCPU []time.Duration
				for round := 0; round < 2; round++ {
					for _, q := range searchQueries {
						vs = append(vs, runProc(b, bin, env, "version"))
						warm = append(warm, lac(db, searchArgs(q)...))
						ws := workspace.New(workspace.Config{Corpus: dir, DB: db, ToolVersion: version, ToolBuild: func() string { return build }})
						restore := workspace.SearchGC() // the collector as lacuna search sets it
						t0, c0 := time.Now(), selfCPU()
						if _, err := ws.Search(context.Background(), q); err != nil {
							b.Fatalf("in-process search %q: %v", q.Text, err)
						}
						inWall, inCPU = append(inWall, time.Since(t0)), append(inCPU, selfCPU()-c0)
						restore()
					}
				}
				var ls, ss []procRun
				for k := 0; k < 3; k++ {
					ls = append(ls, lac(db, "corpus", "list"))
					ss = append(ss, lac(db, "corpus", "show", "xaa/act-03"))
				}
				ver, w, list, show := summary(vs), summary(warm), summary(ls), summary(ss)
				pl, co, sa := summary(plain), summary(cold), summary(save)
				ratio := func(a, b time.Duration) float64 { return float64(a) / float64(b) }
				if i == b.N-1 {
					b.ReportMetric(ms(ver.wall), "version-ms")
					b.ReportMetric(ms(w.wall), "warm-ms")
					b.ReportMetric(ratio(w.wall, ver.wall), "warm/version")
					b.ReportMetric(mb(w.rss), "warm-rss-MB")
					b.ReportMetric(ms(median(inWall)), "inproc-ms")
					b.ReportMetric(ms(median(inCPU)), "inproc-cpu-ms")
					b.ReportMetric(co.wall.Seconds(), "cold-s")
					b.ReportMetric(pl.wall.Seconds(), "analyze-all-s")
					b.ReportMetric(ratio(co.wall, pl.wall), "cold/analyze")
					b.ReportMetric(ratio(co.cpu, pl.cpu), "cold/analyze-cpu")
					b.ReportMetric(mb(co.rss), "cold-rss-MB")
					b.ReportMetric(ms(list.wall), "list-ms")
					b.ReportMetric(mb(list.rss), "list-rss-MB")
					b.ReportMetric(ms(show.wall), "show-ms")
					b.ReportMetric(mb(show.rss), "show-rss-MB")
					b.ReportMetric(ratio(sa.wall, pl.wall), "save/analyze")
					b.ReportMetric(ratio(sa.cpu, pl.cpu), "save/analyze-cpu")
					b.ReportMetric(mb(sa.rss), "save-rss-MB")
					b.ReportMetric(mb(pl.rss), "analyze-rss-MB")
					b.Logf("%d countries (wall, CPU = user+sys, peak RSS; medians):\n"+
						"  version      %7.0f ms  cpu %6.0f ms  %4.0f MB\n"+
						"  warm search  %7.0f ms  cpu %6.0f ms  %4.0f MB   wall ratio to version %.2f; in process %.1f ms (cpu %.1f ms)\n"+
						"  analyze -all %7.2f s   cpu %6.2f s   %4.0f MB\n"+
						"  cold search  %7.2f s   cpu %6.2f s   %4.0f MB   ratio to analyze --all: wall %.2f, cpu %.2f\n"+
						"  first save   %7.2f s   cpu %6.2f s   %4.0f MB   ratio to analyze --all: wall %.2f, cpu %.2f\n"+
						"  corpus list  %7.0f ms  cpu %6.0f ms  %4.0f MB\n"+
						"  corpus show  %7.0f ms  cpu %6.0f ms  %4.0f MB",
						n, ms(ver.wall), ms(ver.cpu), mb(ver.rss),
						ms(w.wall), ms(w.cpu), mb(w.rss), ratio(w.wall, ver.wall), ms(median(inWall)), ms(median(inCPU)),
						pl.wall.Seconds(), pl.cpu.Seconds(), mb(pl.rss),
						co.wall.Seconds(), co.cpu.Seconds(), mb(co.rss), ratio(co.wall, pl.wall), ratio(co.cpu, pl.cpu),
						sa.wall.Seconds(), sa.cpu.Seconds(), mb(sa.rss), ratio(sa.wall, pl.wall), ratio(sa.cpu, pl.cpu),
						ms(list.wall), ms(list.cpu), mb(list.rss), ms(show.wall), ms(show.cpu), mb(show.rss))
				}
			}
		})
	}
}
