package workspace

import (
	"fmt"

	"github.com/lacuna-project/lacuna/internal/diff"
	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// History analyses one country's statutes in c as of each version date of
// its corpus, oldest first: the analyses "lacuna history" prints and the
// amendments briefing turns into its report.Timeline. opts.Country selects
// the country; opts.AsOf, when set, drops the dates after it. Errors are
// *InputError values.
func History(m *standard.Map, c *statute.Corpus, opts score.Options) ([]*score.Result, error) {
	e, err := score.Compile(m)
	if err != nil {
		return nil, inputErr(err)
	}
	cc := c
	if opts.Country != "" {
		cc = c.Country(opts.Country)
	}
	if opts.AsOf != "" {
		cc = versionsUpTo(cc, opts.AsOf)
	}
	rs, err := diff.History(e, cc, opts)
	if err != nil {
		return nil, inputErr(err)
	}
	return rs, nil
}

// versionsUpTo keeps the versions dated on or before date (undated ones
// too), so history stops at an as-of date.
func versionsUpTo(c *statute.Corpus, date string) *statute.Corpus {
	limit := date
	if len(limit) == 4 {
		limit += "-12-31"
	}
	var keep []*statute.Statute
	for _, st := range c.Statutes {
		if k := statute.SortKey(st.Meta.VersionDate); k <= limit {
			keep = append(keep, st)
		}
	}
	return statute.NewCorpus(keep...)
}

// Timeline analyses the country of opts in c (every version) as of every
// version date (up to opts.AsOf), oldest first, and names for each verdict
// change the provisions whose amendment explains it (the provision diff
// between the statute versions of consecutive dates).
func Timeline(m *standard.Map, c *statute.Corpus, opts score.Options) (*report.Timeline, error) {
	rs, err := History(m, c, opts)
	if err != nil {
		return nil, err
	}
	tl := report.NewTimeline(rs)
	byHash := map[string]*statute.Statute{}
	for _, st := range c.Statutes {
		byHash[st.SHA256] = st
	}
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		old := map[string]score.StatuteRef{}
		for _, s := range prev.Statutes {
			old[s.ID] = s
		}
		var sds []*diff.StatuteDiff
		for _, s := range cur.Statutes {
			o, ok := old[s.ID]
			if !ok || o.SHA256 == s.SHA256 {
				continue
			}
			os, ns := byHash[o.SHA256], byHash[s.SHA256]
			if os == nil || ns == nil {
				continue
			}
			sds = append(sds, diff.Statutes(os, ns, diff.Options{}))
		}
		for _, ch := range diff.Results(prev, cur, sds).Changes {
			var causes []string
			for _, c := range ch.Causes {
				causes = append(causes, fmt.Sprintf("%s %s (%s)", c.Statute, c.Provision, c.Kind))
			}
			// Evidence in a statute that was not in force before: the new
			// statute is the cause.
			if f := cur.Finding(ch.Requirement); f != nil && len(causes) == 0 {
				seen := map[string]bool{}
				for _, e := range f.Evidence {
					if _, was := old[e.Statute]; !was && !seen[e.Statute+e.Provision] {
						seen[e.Statute+e.Provision] = true
						causes = append(causes, fmt.Sprintf("%s %s (new statute)", e.Statute, e.Provision))
					}
				}
			}
			if len(causes) > 0 {
				tl.SetCauses(cur.AsOf, ch.Requirement, causes)
			}
		}
	}
	return tl, nil
}

// CountryTimeline is Timeline for one country of the configured corpus
// and map, every version loaded, with the country's overrides beside the
// corpus applied, up to asOf ("" = every version date).
func (w *Workspace) CountryTimeline(country, asOf string) (*report.Timeline, error) {
	m, err := w.Map()
	if err != nil {
		return nil, err
	}
	c, err := w.CorpusFor(country, AllVersions)
	if err != nil {
		return nil, err
	}
	if len(c.Country(country).Statutes) == 0 {
		return nil, inputErr(fmt.Errorf("no statutes for country %q in the corpus, expected a country code present in the corpus", country))
	}
	ov, err := w.Overrides(m, country)
	if err != nil {
		return nil, err
	}
	return Timeline(m, c, score.Options{Country: country, AsOf: asOf, LacunaVersion: w.cfg.ToolVersion, Overrides: ov.List, Today: w.Today()})
}
