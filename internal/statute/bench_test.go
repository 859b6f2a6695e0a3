package statute

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// genStatute writes a realistic statute of about size bytes: parts,
// sections with marginal notes, subsections, paragraphs, subparagraphs,
// definitions and a repealed section, in English drafting style.
func genStatute(r *rand.Rand, country string, n, size int) []byte {
	words := strings.Fields(`person recruits transports transfers harbours receives another for the purpose
of exploitation by means threat use force coercion abduction fraud deception abuse power position
vulnerability giving payments benefits consent victim trafficking commits offence liable conviction
imprisonment term not less than years fine shillings both subsequent child adoption fostering
guardianship proceedings court shall order restitution compensation protection support assistance
Committee Minister Fund regulations prescribed section subsection paragraph under this Act`)
	sentence := func(k int) string {
		var b strings.Builder
		for i := 0; i < k; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.Intn(len(words))])
		}
		return b.String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\nid: %s/generated-act-%d\ncountry: %s\ntitle: \"Generated Act %d\"\nlanguage: en\nenacted: \"2010\"\nversion_date: \"2015-06-01\"\nstatus: in_force\n---\n\n# Generated Act %d\n\nAn Act to %s.\n\n",
		strings.ToLower(country), n, country, n, n, sentence(12))
	sec, part := 0, 0
	for b.Len() < size {
		part++
		fmt.Fprintf(&b, "## Part %s - %s\n\n", toRoman(part), strings.ToUpper(sentence(3)))
		for k := 0; k < 8 && b.Len() < size; k++ {
			sec++
			fmt.Fprintf(&b, "### %d %s\n\n", sec, sentence(4))
			switch {
			case sec%37 == 0:
				b.WriteString("[Repealed by Act No. 4 of 2019.]\n\n")
				continue
			case sec == 2:
				b.WriteString("In this Act, unless the context otherwise requires—\n\n")
				for d := 0; d < 12; d++ {
					fmt.Fprintf(&b, "\"%s %d\" means %s;\n\n", sentence(2), d, sentence(15))
				}
				continue
			}
			for sub := 1; sub <= 1+r.Intn(5); sub++ {
				fmt.Fprintf(&b, "(%d) %s—\n\n", sub, sentence(20+r.Intn(30)))
				for p := 0; p < r.Intn(5); p++ {
					fmt.Fprintf(&b, "- (%c) %s;\n", 'a'+p, sentence(10+r.Intn(20)))
					if p == 1 {
						fmt.Fprintf(&b, "  - (i) %s; or\n  - (ii) %s;\n", sentence(8), sentence(8))
					}
				}
				b.WriteString("\n")
			}
		}
	}
	return []byte(b.String())
}

// genCorpus builds a corpus of about total bytes in files of 20–400 KB.
func genCorpus(total int) (fstest.MapFS, int) {
	r := rand.New(rand.NewSource(1))
	fsys := fstest.MapFS{}
	sum := 0
	for i := 0; sum < total; i++ {
		country := []string{"XEA", "XFR", "XSA", "QMA", "AAB"}[i%5]
		size := 20<<10 + r.Intn(380<<10)
		data := genStatute(r, country, i, size)
		fsys[fmt.Sprintf("%s/act-%04d.md", strings.ToLower(country), i)] = &fstest.MapFile{Data: data}
		sum += len(data)
	}
	return fsys, sum
}

var benchCorpus struct {
	fsys fstest.MapFS
	size int
}

// BenchmarkLoad loads a generated corpus of about 50 MB; the MB/s column is
// load throughput (front matter + goldmark + provision tree).
func BenchmarkLoad(b *testing.B) {
	if benchCorpus.fsys == nil {
		benchCorpus.fsys, benchCorpus.size = genCorpus(50 << 20)
	}
	b.SetBytes(int64(benchCorpus.size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		c, err := Load(benchCorpus.fsys, ".")
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Statutes) == 0 {
			b.Fatal("empty corpus")
		}
	}
	reportCPU(b, cpu0, benchCorpus.size)
}

// reportCPU adds the throughput per CPU-second (all cores, GC included).
func reportCPU(b *testing.B, cpu0 time.Duration, size int) {
	if d := cpuTime() - cpu0; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkLoadWorkers compares Load's worker pool sizes at the same
// GOMAXPROCS, to show whether concurrency pays.
func BenchmarkLoadWorkers(b *testing.B) {
	if benchCorpus.fsys == nil {
		benchCorpus.fsys, benchCorpus.size = genCorpus(50 << 20)
	}
	for _, w := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			old := LoadWorkers
			LoadWorkers = w
			defer func() { LoadWorkers = old }()
			b.SetBytes(int64(benchCorpus.size))
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := Load(benchCorpus.fsys, "."); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu0, benchCorpus.size)
		})
	}
}

// BenchmarkParse parses one generated 1 MB statute (single core).
func BenchmarkParse(b *testing.B) {
	data := genStatute(rand.New(rand.NewSource(2)), "XEA", 1, 1<<20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("bench.md", data); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0, len(data))
}

func TestGeneratedStatuteParses(t *testing.T) {
	data := genStatute(rand.New(rand.NewSource(3)), "XEA", 7, 64<<10)
	s, err := Parse("gen.md", data)
	if err != nil {
		t.Fatal(err)
	}
	if s.Lookup("s1(1)") == nil || s.Lookup("part-I") == nil || len(s.Warnings) != 0 {
		t.Errorf("generated statute: %d provisions, warnings %v", len(s.All), s.Warnings)
	}
}

// TestLoadDeterministic: the worker pool never changes the result.
func TestLoadDeterministic(t *testing.T) {
	fsys, _ := genCorpus(2 << 20)
	outline := func(workers int) string {
		old := LoadWorkers
		LoadWorkers = workers
		defer func() { LoadWorkers = old }()
		c, err := Load(fsys, ".")
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, s := range c.Statutes {
			b.WriteString(s.Path + "\n")
			if err := WriteOutline(&b, s); err != nil {
				t.Fatal(err)
			}
		}
		return b.String()
	}
	one := outline(1)
	for _, w := range []int{2, 8} {
		if got := outline(w); got != one {
			t.Errorf("Load with %d workers differs from sequential Load", w)
		}
	}
}
