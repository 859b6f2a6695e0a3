package workspace

import (
	"context"

	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
)

// CountryVersions loads every version of one country's statutes in the
// corpus and adds the stored versions of that country the corpus lacks
// (when a store exists; it is never created here). A stored version's
// path is "store:" + its recorded path.
func (w *Workspace) CountryVersions(ctx context.Context, country string) (*statute.Corpus, error) {
	c, err := w.CorpusFor(country, AllVersions)
	if err != nil {
		return nil, err
	}
	c = c.Country(country)
	extra, err := w.storedVersions(ctx, country, c)
	if err != nil {
		return nil, err
	}
	if len(extra) > 0 {
		c = statute.NewCorpus(append(append([]*statute.Statute(nil), c.Statutes...), extra...)...)
	}
	return c, nil
}

// storedVersions parses the store's versions of a country that are not in
// c (by content hash, and by statute and version date).
func (w *Workspace) storedVersions(ctx context.Context, country string, c *statute.Corpus) ([]*statute.Statute, error) {
	s, err := w.ReadStore(ctx)
	if err != nil || s == nil {
		return nil, err
	}
	defer s.Close()
	vs, err := s.StatuteVersions(ctx, country, "")
	if err != nil {
		return nil, err
	}
	// The corpus wins: a stored copy of a version the corpus has (same
	// statute and version date, edited since) is not another version.
	have := map[string]bool{}
	for _, st := range c.Statutes {
		have[st.SHA256] = true
		have[string(st.Meta.ID)+"@"+st.Meta.VersionDate] = true
	}
	var out []*statute.Statute
	for _, v := range vs {
		if have[v.SHA256] || have[v.StatuteID+"@"+v.VersionDate] {
			continue
		}
		src, err := s.StatuteSource(ctx, v.SHA256)
		if err != nil {
			return nil, err
		}
		st, err := statute.Parse("store:"+v.Path, src)
		if err != nil {
			continue // a stored version that no longer parses is skipped
		}
		out = append(out, st)
	}
	return out, nil
}

// StoredHistory returns a country's saved runs and the content hashes of
// its stored statute versions, when a store exists (it is never created
// here); nothing otherwise.
func (w *Workspace) StoredHistory(ctx context.Context, country string) ([]store.Run, map[string]bool, error) {
	s, err := w.ReadStore(ctx)
	if err != nil || s == nil {
		return nil, nil, err
	}
	defer s.Close()
	runs, err := s.Runs(ctx, country)
	if err != nil {
		return nil, nil, err
	}
	vs, err := s.StatuteVersions(ctx, country, "")
	if err != nil {
		return nil, nil, err
	}
	stored := map[string]bool{}
	for _, v := range vs {
		stored[v.SHA256] = true
	}
	return runs, stored, nil
}
