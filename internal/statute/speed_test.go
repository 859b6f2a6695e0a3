package statute_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/mapping"
)

// BenchmarkLoaderVsGoldmark measures, in one run and over the same bytes
// (a generated corpus of 16 countries × 4 statutes), goldmark's default
// parser (block and inline parsers, as goldmark.DefaultParser gives it),
// Lacuna's loader (statute.Parse of every file, one after the other) and
// the analysis of the loaded corpus (score.Engine.Analyze: index, matchers,
// checks, penalties, scores). Each iteration runs the three phases in turn,
// each from a freshly collected heap, so that load on a shared machine and
// garbage collection fall on all three alike; it reports
// each phase's MB per CPU-second (median over the iterations) and the
// ratios loader/goldmark and analysis/goldmark of those medians (issue 12
// step 3 targets: ≥ 0.7 and ≥ 0.5), in CPU time and in wall time. Run it on
// one core: -cpu 1.
func BenchmarkLoaderVsGoldmark(b *testing.B) {
	dir := b.TempDir()
	if _, err := testutil.GenerateCorpus(dir, testutil.GenOptions{Countries: 16, Statutes: 4, Versions: 1, Sections: 40}); err != nil {
		b.Fatal(err)
	}
	var names []string
	var srcs [][]byte
	size := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		names = append(names, p)
		srcs = append(srcs, src)
		size += len(src)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	m, err := standard.Load(mapping.FS)
	if err != nil {
		b.Fatal(err)
	}
	e, err := score.Compile(m)
	if err != nil {
		b.Fatal(err)
	}
	gm := goldmark.DefaultParser()
	var cpu, wall [3][]time.Duration // per iteration: goldmark, loader, analysis
	phase := func(k int, f func()) {
		// Each phase starts from a collected heap holding only the
		// fixtures, so that none inherits another's garbage or a GC
		// target set by another's live data.
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		c0, w0 := statute.CPUTime(), time.Now()
		f()
		cpu[k] = append(cpu[k], statute.CPUTime()-c0)
		wall[k] = append(wall[k], time.Since(w0))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		phase(0, func() {
			for _, src := range srcs {
				if doc := gm.Parse(text.NewReader(src)); doc == nil {
					b.Fatal("no document")
				}
			}
		})
		c := &statute.Corpus{}
		phase(1, func() {
			for k, src := range srcs {
				st, err := statute.Parse(names[k], src)
				if err != nil {
					b.Fatal(err)
				}
				c.Statutes = append(c.Statutes, st)
			}
			sort.SliceStable(c.Statutes, func(i, j int) bool { return c.Statutes[i].Path < c.Statutes[j].Path })
		})
		phase(2, func() {
			r, err := e.Analyze(c, score.Options{})
			if err != nil || len(r.Findings) == 0 {
				b.Fatal("no findings", err)
			}
		})
	}
	// Medians of the per-iteration times: a shared machine slows some
	// iterations of any phase; the median is what the code costs.
	med := func(ds []time.Duration) float64 {
		s := append([]time.Duration(nil), ds...)
		sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
		return s[len(s)/2].Seconds()
	}
	mb := float64(size) / 1e6
	if g := med(cpu[0]); g > 0 {
		b.ReportMetric(mb/g, "goldmark-MB/cpu-s")
		b.ReportMetric(mb/med(cpu[1]), "loader-MB/cpu-s")
		b.ReportMetric(mb/med(cpu[2]), "analysis-MB/cpu-s")
		b.ReportMetric(g/med(cpu[1]), "loader/goldmark")
		b.ReportMetric(g/med(cpu[2]), "analysis/goldmark")
	}
	b.ReportMetric(med(wall[0])/med(wall[1]), "loader/goldmark-wall")
	b.ReportMetric(med(wall[0])/med(wall[2]), "analysis/goldmark-wall")
}
