package score

import (
	"fmt"
	"os"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
)

// benchSetup generates a corpus of n countries (one version per statute),
// loads it and the embedded map.
func benchSetup(b *testing.B, countries int) (*statute.Corpus, *Engine, int) {
	b.Helper()
	dir := b.TempDir()
	if _, err := testutil.GenerateCorpus(dir, testutil.GenOptions{Countries: countries, Statutes: 4, Versions: 1, Sections: 40}); err != nil {
		b.Fatal(err)
	}
	c, err := statute.Load(os.DirFS(dir), ".")
	if err != nil {
		b.Fatal(err)
	}
	e := embeddedEngine(b)
	size := 0
	for _, st := range c.Statutes {
		size += st.Size
	}
	return c, e, size
}

// BenchmarkAnalyze measures analysis throughput (index, matching, checks,
// penalties, scores) over generated corpora of growing size; the MB/s
// column compares with statute.BenchmarkLoad and should stay flat as the
// corpus grows (linear cost).
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{4, 16} {
		b.Run(fmt.Sprintf("countries=%d", n), func(b *testing.B) {
			c, e, size := benchSetup(b, n)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				r, err := e.Analyze(c, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(r.Findings) == 0 {
					b.Fatal("no findings")
				}
			}
			if d := cpuTime() - cpu0; d > 0 {
				b.ReportMetric(float64(size)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
			}
		})
	}
}
