package diff

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/mapping"
)

// versionsCorpus generates n versions of one synthetic statute.
func versionsCorpus(tb testing.TB, n, sections int) *statute.Corpus {
	tb.Helper()
	r := rand.New(rand.NewSource(1))
	var sts []*statute.Statute
	for v := 0; v < n; v++ {
		src := testutil.Statute("XHS", 1, v, sections, r)
		st, err := statute.Parse(fmt.Sprintf("xhs/act-v%02d.md", v), src)
		if err != nil {
			tb.Fatal(err)
		}
		sts = append(sts, st)
	}
	return statute.NewCorpus(sts...)
}

func engine(tb testing.TB) *score.Engine {
	tb.Helper()
	m, err := standard.Load(mapping.FS)
	if err != nil {
		tb.Fatal(err)
	}
	e, err := score.Compile(m)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

func TestHistoryOnePointPerVersionDate(t *testing.T) {
	c := versionsCorpus(t, 4, 12)
	undated, err := statute.Parse("xhs/draft.md", []byte("---\ncountry: XHS\nid: xhs/draft\ntitle: \"Draft\"\nversion_date: unknown\n---\n\n# Draft\n\n### 1. Title\n\nNothing yet.\n"))
	if err != nil {
		t.Fatal(err)
	}
	c = statute.NewCorpus(append(c.Statutes, undated)...)
	dates := VersionDates(c)
	if want := []string{"2001-06-30", "2003-06-30", "2005-06-30", "2007-06-30"}; fmt.Sprint(dates) != fmt.Sprint(want) {
		t.Fatalf("VersionDates = %v, want %v", dates, want)
	}
	rs, err := History(engine(t), c, score.Options{Country: "XHS", AsOf: "1999-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 4 {
		t.Fatalf("%d points, want 4", len(rs))
	}
	for i, r := range rs {
		if r.AsOf != dates[i] {
			t.Errorf("point %d as_of %q, want %q", i, r.AsOf, dates[i])
		}
		var act string
		for _, s := range r.Statutes {
			if s.ID == "xhs/act-01" {
				act = s.VersionDate
			}
		}
		if act != dates[i] {
			t.Errorf("point %d analysed act version %q, want %q", i, act, dates[i])
		}
	}
}

// BenchmarkHistory50Versions analyses one statute at each of its 50
// version dates (60 sections a version).
func BenchmarkHistory50Versions(b *testing.B) {
	c := versionsCorpus(b, 50, 60)
	e := engine(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rs, err := History(e, c, score.Options{Country: "XHS"})
		if err != nil {
			b.Fatal(err)
		}
		if len(rs) != 50 {
			b.Fatalf("%d points", len(rs))
		}
	}
}
