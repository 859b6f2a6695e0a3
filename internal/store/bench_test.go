package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// genCorpus stores nStatutes statutes of perStatute provisions each.
func genCorpus(tb testing.TB, s *Store, nStatutes, perStatute int) {
	vocab := strings.Fields(`person recruits transports transfers harbours receives child exploitation
		force fraud deception coercion abuse vulnerability payment benefit control imprisonment years fine
		offence court victim shelter assistance minister council labour servitude slavery organ removal
		prostitution sexual consent irrelevant compensation residence permit repatriation guardian
		registration birth adoption soldier armed forces hazardous work border document passport
		extradition jurisdiction national abroad confiscation proceeds property training police
		prosecutor judge awareness campaign demand research data rapporteur plan action cooperation`)
	ctx := context.Background()
	for i := 0; i < nStatutes; i++ {
		st := &statute.Statute{Path: fmt.Sprintf("gen/%d.md", i), SHA256: fmt.Sprintf("gen-%d", i),
			Meta: statute.Meta{ID: statute.StatuteID(fmt.Sprintf("gen/act-%d", i)), Country: fmt.Sprintf("X%c%c", 'A'+i%26, 'A'+(i/26)%26), Title: "Generated", Language: "en", VersionDate: "2020"}}
		for j := 0; j < perStatute; j++ {
			var b strings.Builder
			for k := 0; k < 60; k++ {
				b.WriteString(vocab[(i*131+j*17+k*k*7+k)%len(vocab)])
				b.WriteByte(' ')
			}
			p := &statute.Provision{ID: statute.ProvisionID(fmt.Sprintf("s%d", j)), Heading: vocab[(j*3)%len(vocab)] + " " + vocab[(j*5+1)%len(vocab)], Text: b.String(), Line: j + 1, EndLine: j + 1}
			st.Roots = append(st.Roots, p)
			st.All = append(st.All, p)
		}
		if err := s.IndexVersions(ctx, []IndexEntry{{Statute: st, Source: []byte("generated")}}, "k1", "2026-01-01T00:00:00Z"); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkSearch100k measures query latency over 100,000 stored provisions
// and reports the median over a fixed query mix.
func BenchmarkSearch100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	genCorpus(b, s, 200, 500)
	queries := []string{"forced labour", "child", `"abuse vulnerability"`, "recruit*", "compensation victim", "extradition national abroad", "birth registration", "shelter"}
	ctx := context.Background()
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		t0 := time.Now()
		if _, err := s.Search(ctx, Query{Text: q, Limit: 20}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "median-ms")
}
