package diff

import (
	"sort"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// VersionDates returns the distinct version dates of c's statutes that can
// be placed in time ("2013-08-07", "2013"; not "unknown"), in time order.
func VersionDates(c *statute.Corpus) []string {
	seen := map[string]bool{}
	var out []string
	for _, st := range c.Statutes {
		d := st.Meta.VersionDate
		if statute.SortKey(d) == "" || seen[d] {
			continue
		}
		seen[d] = true
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ki, kj := statute.SortKey(out[i]), statute.SortKey(out[j])
		if ki != kj {
			return ki < kj
		}
		return out[i] < out[j]
	})
	return out
}

// History analyses c (one country's statutes) as of each of its version
// dates, oldest first: the score trend across amendments. Each Result's AsOf
// is the version date. opts.AsOf is ignored; the other options apply to
// every analysis. A date at which no statute is in force gives no result.
func History(e *score.Engine, c *statute.Corpus, opts score.Options) ([]*score.Result, error) {
	var out []*score.Result
	for _, d := range VersionDates(c) {
		sel := c.AsOf(d)
		if len(sel.Statutes) == 0 {
			continue
		}
		o := opts
		o.AsOf = ""
		r, err := e.Analyze(sel, o)
		if err != nil {
			return nil, err
		}
		if len(r.Statutes) == 0 {
			continue
		}
		r.AsOf = d
		out = append(out, r)
	}
	return out, nil
}
