package workspace

import (
	"fmt"
	"math/rand"
	"path"
	"reflect"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
)

// TestCatalogSelectionMatchesCorpus: the catalog's selections (country,
// latest, as of a date) pick exactly the versions statute.Corpus picks
// from the same front matter — dated, year-only, "unknown" and undated
// versions, several countries, in any file order.
func TestCatalogSelectionMatchesCorpus(t *testing.T) {
	dates := []string{"", "unknown", "2001", "2001-01-01", "2001-06-30", "2003", "2003-12-31", "2005-02-01", "2010"}
	asOfs := []string{"", "2000", "2001", "2001-03-01", "2003", "2004-01-01", "2010-12-31", "2099"}
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 200; round++ {
		var ents []*entry
		var sts []*statute.Statute
		n := 1 + r.Intn(12)
		for i := 0; i < n; i++ {
			cc := []string{"XEA", "XFR", "xea"}[r.Intn(3)]
			id := fmt.Sprintf("x/%d", r.Intn(3))
			d := dates[r.Intn(len(dates))]
			p := fmt.Sprintf("f%02d.md", r.Intn(100))
			f := store.CorpusFile{Path: p, SHA256: fmt.Sprint(i), StatuteID: id, Country: cc, VersionDate: d}
			ents = append(ents, &entry{CorpusFile: f, shown: path.Join("c", p), key: statute.SortKey(d)})
			sts = append(sts, &statute.Statute{Path: path.Join("c", p), SHA256: fmt.Sprint(i),
				Meta: statute.Meta{ID: statute.StatuteID(id), Country: cc, VersionDate: d}})
		}
		sortEntries(ents)
		c := statute.NewCorpus(sts...)
		shas := func(es []*entry) []string {
			out := []string{}
			for _, e := range es {
				out = append(out, e.SHA256)
			}
			return out
		}
		want := func(c *statute.Corpus) []string {
			out := []string{}
			for _, s := range c.Statutes {
				out = append(out, s.SHA256)
			}
			return out
		}
		if got, w := shas(ents), want(c); !reflect.DeepEqual(got, w) {
			t.Fatalf("round %d: order %v, corpus %v", round, got, w)
		}
		if got, w := shas(latest(ents)), want(c.Latest()); !reflect.DeepEqual(got, w) {
			t.Fatalf("round %d: latest %v, corpus %v", round, got, w)
		}
		for _, d := range asOfs {
			if got, w := shas(asOf(ents, d)), want(c.AsOf(d)); !reflect.DeepEqual(got, w) {
				t.Fatalf("round %d: as of %q %v, corpus %v", round, d, got, w)
			}
		}
		for _, cc := range []string{"XEA", "xfr", "XZZ"} {
			if got, w := shas(latest(ofCountry(ents, cc))), want(c.Country(cc).Latest()); !reflect.DeepEqual(got, w) {
				t.Fatalf("round %d: %s latest %v, corpus %v", round, cc, got, w)
			}
		}
	}
}
