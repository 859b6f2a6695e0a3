package score

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
)

// TestPenaltyRowsRealData checks the penalty rows the engine reports for
// two real clauses whose variants were once conflated: Kenya's
// Counter-Trafficking Act s3(5), where life imprisonment is given only on a
// subsequent conviction, and Sri Lanka's Penal Code s358A(2) (as inserted
// in 2006), which states a general sanction and, in a sentence of its own,
// a heavier one for child victims. It skips when ../shared is absent.
func TestPenaltyRowsRealData(t *testing.T) {
	dir := testutil.RealData(t)
	type want struct {
		variant  penalty.Variant
		min, max float64 // -1: null
		life     bool
		fineAlt  bool
	}
	tests := []struct {
		name, file, provision string
		rows                  []want
	}{
		{"KEN s3(5) life only on a subsequent conviction", "statutes/ken-ctip-2010.md", "s3(5)", []want{
			{penalty.VariantBasic, 360, -1, false, true},
			{penalty.VariantSubsequent, -1, -1, true, false},
		}},
		{"LKA s358A(2) general and child sanctions apart", "statutes-dev/lka-pc-amend16-2006.md", "s358A(2)", []want{
			{penalty.VariantBasic, -1, 240, false, false},
			{penalty.VariantChild, -1, 360, false, false},
		}},
	}
	e := embeddedEngine(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Skipf("real data file absent: %v", err)
			}
			c, err := statute.Load(fstest.MapFS{filepath.Base(tc.file): {Data: src}}, ".")
			if err != nil {
				t.Fatal(err)
			}
			res, err := e.Analyze(c, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []penalty.Row
			for _, r := range res.Penalties {
				if r.Provision == tc.provision {
					got = append(got, r)
				}
			}
			if len(got) != len(tc.rows) {
				t.Fatalf("%s: got %d rows %+v, want %d", tc.provision, len(got), got, len(tc.rows))
			}
			for i, w := range tc.rows {
				g := got[i]
				if g.Variant != w.variant || !sameTerm(g.MinMonths, w.min) || !sameTerm(g.MaxMonths, w.max) || g.Life != w.life || g.FineAlternative != w.fineAlt {
					t.Errorf("row %d: got %s min %v max %v life %v fine_alternative %v, want %+v", i, g.Variant,
						fmtTerm(g.MinMonths), fmtTerm(g.MaxMonths), g.Life, g.FineAlternative, w)
				}
			}
		})
	}
}

func sameTerm(p *float64, want float64) bool {
	if want < 0 {
		return p == nil
	}
	return p != nil && *p == want
}

func fmtTerm(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
