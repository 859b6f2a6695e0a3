package workspace

import (
	"context"
	"errors"
	"fmt"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// StatuteSummary is one statute of the corpus as "corpus list" shows it:
// its latest version's country, title (short title if any), language and
// number of provisions, and every version date (oldest first; "-" when
// undated).
type StatuteSummary struct {
	Country    string   `json:"country"`
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Versions   []string `json:"versions"`
	Language   string   `json:"language"`
	Provisions int      `json:"provisions"`
	Path       string   `json:"path"`
}

// CorpusListing is the corpus summarised: one row per statute, sorted by
// country and ID, with the number of versions and countries and the
// problems of the walk that are not errors (skipped symbolic links).
type CorpusListing struct {
	Statutes  []StatuteSummary
	Versions  int
	Countries int
	Warnings  statute.ErrorList
}

// ListCorpus summarises the corpus (one country's statutes when country
// is not "") from the store's record of it (see openCatalog): only files
// new or changed since the last look are read, and only the latest version
// of each statute is parsed, once, to count its provisions (it is then
// indexed for search). A corpus with a bad file is an *InputError.
// Without a writable store, a private one is used.
func (w *Workspace) ListCorpus(ctx context.Context, country string, progress Progress) (*CorpusListing, error) {
	s, err := w.OpenStore(ctx)
	if IsUnwritable(err) {
		s, err = w.tempStore(ctx)
	}
	if err != nil {
		return nil, err
	}
	defer s.Close()
	cat, bad, _, err := w.openCatalog(ctx, s, nil)
	if err != nil {
		return nil, err
	}
	es := cat.all
	if country != "" {
		es = ofCountry(es, country)
	}
	last := latest(es)
	if err := withBad(bad, cat.ensureIndexed(ctx, last, progress)); err != nil {
		return nil, err
	}
	out := &CorpusListing{Versions: len(es), Warnings: cat.warnings}
	byID := map[string][]string{}
	countries := map[string]bool{}
	for _, e := range es {
		d := e.VersionDate
		if d == "" {
			d = "-"
		}
		byID[e.StatuteID] = append(byID[e.StatuteID], d)
		countries[e.Country] = true
	}
	out.Countries = len(countries)
	for _, e := range last {
		m := e.meta()
		r := StatuteSummary{Country: m.Country, ID: e.StatuteID, Title: m.Title,
			Language: m.Lang(), Provisions: cat.count[e.SHA256], Path: e.shown, Versions: byID[e.StatuteID]}
		if m.ShortTitle != "" {
			r.Title = m.ShortTitle
		}
		out.Statutes = append(out.Statutes, r)
	}
	return out, nil
}

// StatuteVersions loads every version of one statute, and nothing else: a
// front-matter scan of the corpus finds its files, which alone are parsed.
// A statute with no file is an *InputError naming the ID; a version that
// does not parse is an *InputError listing its problems.
func (w *Workspace) StatuteVersions(id statute.StatuteID) (*statute.Corpus, error) {
	fsys, prefix, err := corpusSource(w.cfg.Corpus)
	if err != nil {
		return nil, err
	}
	metas, _, err := statute.ScanNamed(fsys, ".", prefix)
	if err != nil {
		return nil, err
	}
	var sts []*statute.Statute
	var errs statute.ErrorList
	for _, m := range metas {
		if !m.OK || m.Meta.ID != id {
			continue
		}
		b, err := statute.ReadFile(fsys, m.Path)
		if err != nil {
			errs.Add(statute.Pos{File: m.Shown}, "cannot read: %v", unwrapPathErr(err))
			continue
		}
		st, err := statute.Parse(m.Shown, b)
		if err != nil {
			var el statute.ErrorList
			if errors.As(err, &el) {
				errs = append(errs, el...)
			} else {
				errs.Add(statute.Pos{File: m.Shown}, "%v", err)
			}
			continue
		}
		sts = append(sts, st)
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, inputErr(errs)
	}
	if len(sts) == 0 {
		return nil, inputErr(fmt.Errorf("statute %q is not in the corpus, expected one of the ids of \"lacuna corpus list\"", id))
	}
	return statute.NewCorpus(sts...), nil
}
