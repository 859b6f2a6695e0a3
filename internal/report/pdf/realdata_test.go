package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/mapping"
	"github.com/lacuna-project/lacuna/templates"
)

// realdata returns ../shared/realdata beside the repository root (or
// LACUNA_REALDATA), skipping the test when it is absent.
func realdata(t *testing.T) string {
	return testutil.RealData(t)
}

func briefing(t testing.TB, c *statute.Corpus, m *standard.Map, country string, timeline bool) *report.Briefing {
	t.Helper()
	opts := score.Options{Country: country, LacunaVersion: "test"}
	res, err := score.Analyze(c, m, opts)
	if err != nil {
		t.Fatal(err)
	}
	in := report.Input{Result: res, Map: m, Date: "2026-01-15"}
	for _, s := range c.Statutes {
		in.Statutes = append(in.Statutes, s.Meta)
	}
	if timeline {
		var rs []*score.Result
		for _, s := range c.Statutes {
			o := opts
			o.AsOf = s.Meta.VersionDate
			r, err := score.Analyze(c, m, o)
			if err != nil {
				t.Fatal(err)
			}
			r.AsOf = o.AsOf
			rs = append(rs, r)
		}
		in.Timeline = report.NewTimeline(rs)
	}
	b, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRealStatutes briefs real statutes as corpora of their own: the
// Kenyan act, and the French code in its 2011 and 2013 versions.
func TestRealStatutes(t *testing.T) {
	dir := realdata(t)
	m, err := standard.Load(mapping.FS)
	if err != nil {
		t.Fatalf("load map: %v", err)
	}
	tests := []struct {
		country string
		files   []string
		want    []string
	}{
		{"KEN", []string{"ken-ctip-2010.md"}, []string{"Kenya", "Counter-Trafficking in Persons Act", "Executive summary"}},
		{"FRA", []string{"fra-cp-225-4-1-2011.md", "fra-cp-225-4-1-2013.md"}, []string{"France", "Code pénal", "Gap sheets"}},
	}
	for _, tt := range tests {
		t.Run(tt.country, func(t *testing.T) {
			c := &statute.Corpus{}
			for _, f := range tt.files {
				src, err := os.ReadFile(filepath.Join(dir, "statutes", f))
				if err != nil {
					t.Skipf("real data not found: %v", err)
				}
				st, err := statute.Parse(f, src)
				if err != nil {
					t.Fatalf("parse %s: %v", f, err)
				}
				c.Statutes = append(c.Statutes, st)
			}
			b := briefing(t, c, m, tt.country, true)
			for _, name := range report.Templates {
				pdf := render(t, b, name)
				txt := strings.Join(strings.Fields(pdftotext(t, pdf)), " ")
				for _, w := range tt.want {
					if name == "legal" && !strings.Contains(txt, w) {
						t.Errorf("%s: extracted text lacks %q", name, w)
					}
				}
				// Every quote of the legal pack is in the PDF, accents and all.
				if name == "legal" {
					for _, g := range b.Gaps {
						for _, e := range g.Evidence {
							words := strings.Fields(e.Text)
							if len(words) > 6 {
								words = words[:6]
							}
							if q := strings.Join(words, " "); q != "" && !strings.Contains(txt, q) {
								t.Errorf("quote %q of %s missing from the PDF text", q, e.Citation)
							}
						}
					}
				}
			}
		})
	}
}

// BenchmarkBriefAll renders the legal pack of every demo country (analysis,
// briefing model and PDF), the countries spread over GOMAXPROCS workers as
// lacuna brief --all does; it reports packs per second.
func BenchmarkBriefAll(b *testing.B) {
	m, err := standard.Load(mapping.FS)
	if err != nil {
		b.Fatal(err)
	}
	c, err := statute.Load(corpus.FS, ".")
	if err != nil {
		b.Fatal(err)
	}
	countries := map[string]bool{}
	var list []string
	for _, s := range c.Statutes {
		if !countries[s.Meta.Country] {
			countries[s.Meta.Country] = true
			list = append(list, s.Meta.Country)
		}
	}
	eng, err := score.Compile(m)
	if err != nil {
		b.Fatal(err)
	}
	one := func(country string) {
		res, err := eng.Analyze(c, score.Options{Country: country, LacunaVersion: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		br, err := report.Build(report.Input{Result: res, Map: m, Date: "2026-01-15"})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := (Renderer{FS: templates.FS, Template: "legal", Now: clock}).Render(&buf, br); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	packs := 0
	for i := 0; i < b.N; i++ {
		next := make(chan string)
		var wg sync.WaitGroup
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for cc := range next {
					one(cc)
				}
			}()
		}
		for _, cc := range list {
			next <- cc
		}
		close(next)
		wg.Wait()
		packs += len(list)
	}
	b.ReportMetric(float64(packs)/b.Elapsed().Seconds(), "packs/s")
}
