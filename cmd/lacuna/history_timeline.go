package main

import (
	"github.com/lacuna-project/lacuna/internal/diff"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// historyResults analyses one country's statutes in c as of each version
// date of its corpus, oldest first: the analyses "lacuna history" prints and
// the amendments briefing turns into its report.Timeline (with
// report.NewTimeline). opts.Country selects the country;
// opts.AsOf, when set, drops the dates after it.
func historyResults(m *standard.Map, c *statute.Corpus, opts score.Options) ([]*score.Result, error) {
	e, err := score.Compile(m)
	if err != nil {
		return nil, &inputError{err}
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
		return nil, &inputError{err}
	}
	return rs, nil
}

// versionsUpTo keeps the versions dated on or before date (undated ones
// too), so history stops at --as-of.
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
