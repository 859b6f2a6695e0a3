package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// oneBigStatute stores one statute version of n sections, every one
// containing the word "trafficking" (the case that grew quadratically).
func oneBigStatute(tb testing.TB, s *Store, n int) string {
	st := &statute.Statute{Path: "big.md", SHA256: "big-1",
		Meta: statute.Meta{ID: "xea/big", Country: "XEA", Title: "Big", Language: "en", VersionDate: "2020"}}
	for j := 0; j < n; j++ {
		text := fmt.Sprintf("Section %d on trafficking in persons and the duty number %d.", j, j)
		if j == n/2 {
			text = "Trafficking trafficking trafficking: the offence of trafficking in persons."
		}
		p := &statute.Provision{ID: statute.ProvisionID(fmt.Sprintf("s%d", j)), Heading: "Part", Text: text, Line: j + 1, EndLine: j + 1}
		st.Roots = append(st.Roots, p)
		st.All = append(st.All, p)
	}
	if err := s.IndexVersions(context.Background(), []IndexEntry{{Statute: st, Source: []byte("generated")}}, "k1", "2026-01-01T00:00:00Z"); err != nil {
		tb.Fatal(err)
	}
	return st.SHA256
}

// TestSearchPlanLinear: on one statute version of 20,000 sections that
// all match, the query runs the full-text search once and joins its rows
// afterwards: the plan's outer loop is the MATCH (materialised), never a
// scan of the version's provisions with a MATCH run per row (which grew
// quadratically: 44.6 s at 20,000 sections, with --limit 1 too). The
// result is still the best hit.
func TestSearchPlanLinear(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sha := oneBigStatute(t, s, 20000)
	for _, q := range []Query{
		{Text: "trafficking", Limit: 1, SHA256s: []string{sha}},
		{Text: "trafficking", Limit: 1, Country: "XEA", SHA256s: []string{sha}},
		{Text: "trafficking persons", Limit: 5},
	} {
		sel, err := s.searched(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		query, args := searchSQL(q, mustMatch(t, q.Text), sel)
		rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		joined := strings.Join(plan, "\n")
		// The MATCH is the outer loop of the ranked rows, run once; its
		// rows are then looked up by docid in search_rows, and the hits'
		// provisions by version.
		i := slices.IndexFunc(plan, func(s string) bool { return strings.HasPrefix(s, "SCAN search_fts VIRTUAL TABLE") })
		if i < 0 || i+1 >= len(plan) || plan[i+1] != "SEARCH r USING INTEGER PRIMARY KEY (rowid=?)" ||
			strings.Count(joined, "search_fts VIRTUAL TABLE") != 1 ||
			strings.Contains(joined, "SCAN r") || strings.Contains(joined, "SCAN search_rows") ||
			strings.Contains(joined, "SCAN sp") || strings.Contains(joined, "SCAN search_provisions") {
			t.Errorf("%+v: plan runs MATCH per provision:\n%s", q, joined)
		}
		hits, err := s.Search(ctx, q)
		if err != nil || len(hits) == 0 || hits[0].Provision != "s10000" {
			t.Errorf("%+v: best hit %v, %v; want s10000", q, hits, err)
		}
	}
}

// BenchmarkSearchOneStatute measures one search over one statute whose
// 10,000, 20,000 and 40,000 sections all match (20,000: 44.6 s before the
// fix); time per search should grow in proportion.
func BenchmarkSearchOneStatute(b *testing.B) {
	for _, n := range []int{10000, 20000, 40000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ctx := context.Background()
			s, err := Open(ctx, filepath.Join(b.TempDir(), "x.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			sha := oneBigStatute(b, s, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.Search(ctx, Query{Text: "trafficking", Limit: 1, SHA256s: []string{sha}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func mustMatch(tb testing.TB, text string) string {
	tb.Helper()
	m, err := BuildMatch(text)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}
