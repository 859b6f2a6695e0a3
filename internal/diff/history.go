package diff

import (
	"runtime"
	"sort"
	"sync"

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
// The engine is used from several goroutines at once.
func History(e *score.Engine, c *statute.Corpus, opts score.Options) ([]*score.Result, error) {
	dates := VersionDates(c)
	results := make([]*score.Result, len(dates))
	errs := make([]error, len(dates))
	// The analyses are independent: run them on every CPU, each writing
	// its own slot, then merge in date order.
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(dates)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				sel := c.AsOf(dates[i])
				if len(sel.Statutes) == 0 {
					continue
				}
				o := opts
				o.AsOf = ""
				r, err := e.Analyze(sel, o)
				if err != nil {
					errs[i] = err
					continue
				}
				r.AsOf = dates[i]
				results[i] = r
			}
		}()
	}
	for i := range dates {
		work <- i
	}
	close(work)
	wg.Wait()
	var out []*score.Result
	for i, r := range results {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if r != nil && len(r.Statutes) > 0 {
			out = append(out, r)
		}
	}
	return out, nil
}
