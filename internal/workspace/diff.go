package workspace

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/lacuna-project/lacuna/internal/diff"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

func parseStatuteFile(p string) (*statute.Statute, error) {
	if _, err := os.Stat(p); err != nil {
		return nil, inputErr(fmt.Errorf("%s: no such file", p))
	}
	st, err := statute.ParseFile(p)
	if err != nil {
		return nil, inputErr(err)
	}
	return st, nil
}

// DiffFiles compares two statute files, each analysed as its own corpus
// (the new file's country), provision by provision and verdict by verdict.
// A missing or bad file is an *InputError.
func (w *Workspace) DiffFiles(m *standard.Map, oldPath, newPath string, minSimilarity float64) (*diff.Report, error) {
	old, err := parseStatuteFile(oldPath)
	if err != nil {
		return nil, err
	}
	nw, err := parseStatuteFile(newPath)
	if err != nil {
		return nil, err
	}
	country := nw.Meta.Country
	dopt := diff.Options{MinSimilarity: minSimilarity}
	sds := []*diff.StatuteDiff{diff.Statutes(old, nw, dopt)}
	oldRes, err := w.analyzeSide(m, statute.NewCorpus(old), country, "")
	if err != nil {
		return nil, err
	}
	newRes, err := w.analyzeSide(m, statute.NewCorpus(nw), country, "")
	if err != nil {
		return nil, err
	}
	return diff.NewReport(country, oldPath, newPath, oldRes, newRes, sds), nil
}

// analyzeSide analyses a corpus already reduced to one version per statute.
func (w *Workspace) analyzeSide(m *standard.Map, c *statute.Corpus, country, asOf string) (*score.Result, error) {
	res, err := score.Analyze(c, m, score.Options{Country: country, LacunaVersion: w.cfg.ToolVersion})
	if err != nil {
		return nil, inputErr(err)
	}
	res.AsOf = asOf
	return res, nil
}

// DiffOptions say which versions of a country DiffVersions compares.
type DiffOptions struct {
	Country  string
	Statute  string // one statute ID; "" = every statute of the country
	From, To string // the versions in force on these dates (YYYY-MM-DD or YYYY)
	// MinSimilarity is the least word-set similarity (0–1) to pair
	// provisions with different IDs.
	MinSimilarity float64
}

// DiffVersions compares a country's statutes (corpus and stored versions,
// see CountryVersions) at two dates: the provision diff of each statute
// whose version changed and the verdict changes. With opts.Statute, the
// other statutes are held at their To version. A country or statute not
// in the corpus is an *InputError.
func (w *Workspace) DiffVersions(ctx context.Context, m *standard.Map, opts DiffOptions) (*diff.Report, error) {
	c, err := w.CountryVersions(ctx, opts.Country)
	if err != nil {
		return nil, err
	}
	if len(c.Statutes) == 0 {
		return nil, inputErr(fmt.Errorf("no statutes for country %q in the corpus, expected a country code present in the corpus (see lacuna corpus list)", opts.Country))
	}
	return w.diffCorpus(m, c, opts)
}

// DiffGit is DiffVersions over the versions of a git history: the files'
// latest commits on or before opts.From against those on or before
// opts.To. opts.Country defaults to the history's one country.
func (w *Workspace) DiffGit(m *standard.Map, h *GitHistory, opts DiffOptions) (*diff.Report, error) {
	if opts.Country == "" {
		c, err := h.Country()
		if err != nil {
			return nil, err
		}
		opts.Country = c
	}
	c := h.Corpus.Country(opts.Country)
	if len(c.Statutes) == 0 {
		return nil, inputErr(fmt.Errorf("no statute of %s in %s, expected the country of its files", opts.Country, h.Source.Repo))
	}
	return w.diffCorpus(m, c, opts)
}

// diffCorpus compares the versions of c (one country's) in force at
// opts.From and opts.To.
func (w *Workspace) diffCorpus(m *standard.Map, c *statute.Corpus, opts DiffOptions) (*diff.Report, error) {
	oldC, newC := c.AsOf(opts.From), c.AsOf(opts.To)
	if opts.Statute != "" {
		id := statute.StatuteID(opts.Statute)
		if len(c.Versions(id)) == 0 {
			return nil, inputErr(fmt.Errorf("no statute %q for country %s in the corpus, expected one of: %s", opts.Statute, opts.Country, joinIDs(c.IDs())))
		}
		// Hold the other statutes at their To version.
		var sts []*statute.Statute
		for _, st := range newC.Statutes {
			if st.Meta.ID != id {
				sts = append(sts, st)
			}
		}
		for _, st := range oldC.Statutes {
			if st.Meta.ID == id {
				sts = append(sts, st)
			}
		}
		oldC = statute.NewCorpus(sts...)
	}
	dopt := diff.Options{MinSimilarity: opts.MinSimilarity}
	var sds []*diff.StatuteDiff
	for _, id := range c.IDs() {
		if opts.Statute != "" && string(id) != opts.Statute {
			continue
		}
		o, n := pick(oldC, id), pick(newC, id)
		switch {
		case o == nil && n == nil:
			continue
		case o != nil && n != nil && o.SHA256 == n.SHA256:
			if opts.Statute == "" {
				continue
			}
		}
		if o == nil {
			o = &statute.Statute{Meta: statute.Meta{ID: id}}
		}
		if n == nil {
			n = &statute.Statute{Meta: statute.Meta{ID: id}}
		}
		sds = append(sds, diff.Statutes(o, n, dopt))
	}
	oldRes, err := w.analyzeSide(m, oldC, opts.Country, opts.From)
	if err != nil {
		return nil, err
	}
	newRes, err := w.analyzeSide(m, newC, opts.Country, opts.To)
	if err != nil {
		return nil, err
	}
	label := func(d string) string {
		if opts.Statute != "" {
			return opts.Statute + " as of " + d
		}
		return opts.Country + " as of " + d
	}
	return diff.NewReport(opts.Country, label(opts.From), label(opts.To), oldRes, newRes, sds), nil
}

func pick(c *statute.Corpus, id statute.StatuteID) *statute.Statute {
	for _, st := range c.Statutes {
		if st.Meta.ID == id {
			return st
		}
	}
	return nil
}

func joinIDs(ids []statute.StatuteID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}
