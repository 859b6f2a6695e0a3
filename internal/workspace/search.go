package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
)

// SearchHit is a stored provision matching a search, with the roles of
// its provision (the JSON of "lacuna search --format json").
type SearchHit struct {
	store.Hit
	Roles []standard.Role `json:"roles"`
}

// SearchQuery is a full-text search over the corpus.
type SearchQuery struct {
	Text     string        // the query (see store.BuildMatch)
	Country  string        // "" = every country
	Role     standard.Role // "" = any role
	Language string        // "" = any language
	Limit    int
	// AsOf searches the versions in force on a date; AllVersions every
	// version; neither, the latest versions.
	AsOf        string
	AllVersions bool
}

// Search indexes the statute versions q selects into the store (those it
// lacks; see IndexCorpus) and returns the best hits, at most q.Limit, each
// with its provision's roles, filtered by q.Role. A country not in the
// corpus, or nothing to search, is an *InputError; a query the store
// cannot run is a *store.QueryError.
func (w *Workspace) Search(ctx context.Context, q SearchQuery) ([]SearchHit, error) {
	c, err := w.Corpus()
	if err != nil {
		return nil, err
	}
	if q.Country != "" {
		c = c.Country(q.Country)
		if len(c.Statutes) == 0 {
			return nil, inputErr(fmt.Errorf("no statutes for country %q in the corpus, expected a country code present in the corpus (see lacuna corpus list)", q.Country))
		}
	}
	switch {
	case q.AllVersions:
	case q.AsOf != "":
		c = c.AsOf(q.AsOf)
	default:
		c = c.Latest()
	}
	s, err := w.OpenStore(ctx)
	if IsUnwritable(err) {
		// No writable store: index into a private one for this search.
		s, err = w.tempStore(ctx)
	}
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := w.IndexCorpus(ctx, s, c); err != nil {
		return nil, err
	}
	sq := store.Query{Text: q.Text, Language: q.Language, Limit: q.Limit}
	bySHA := map[string]*statute.Statute{}
	for _, st := range c.Statutes {
		sq.SHA256s = append(sq.SHA256s, st.SHA256)
		bySHA[st.SHA256] = st
	}
	if len(sq.SHA256s) == 0 {
		return nil, inputErr(errors.New("no statutes to search"))
	}
	if q.Role != "" {
		// Roles are known here, not in the store: every hit is ranked
		// (one full-text pass, linear) and filtered, then limited, so a
		// role's hits ranked low are still found.
		sq.Limit = maxRoleHits
	}
	hits, err := s.Search(ctx, sq)
	if err != nil {
		return nil, err
	}
	roles := provisionRoles(index.Build(c))
	out := []SearchHit{}
	for _, h := range hits {
		sh := SearchHit{Hit: h, Roles: []standard.Role{}}
		var rs index.RoleSet
		if st := bySHA[h.SHA256]; st != nil {
			if p := st.Lookup(statute.ProvisionID(h.Provision)); p != nil {
				if rs = roles[p]; rs == 0 {
					rs = roles[p.Section()]
				}
			}
		}
		if q.Role != "" && !rs.Has(q.Role) {
			continue
		}
		if r := rs.Roles(); r != nil {
			sh.Roles = r
		}
		out = append(out, sh)
		if len(out) == q.Limit {
			break
		}
	}
	return out, nil
}

// maxRoleHits bounds the hits ranked for a search filtered by role.
const maxRoleHits = 1 << 20

// provisionRoles gives each provision the union of its segments' roles
// (repealed text excluded).
func provisionRoles(ix *index.Index) map[*statute.Provision]index.RoleSet {
	out := map[*statute.Provision]index.RoleSet{}
	for _, seg := range ix.Segments {
		rs := seg.Roles &^ index.Bit(index.RoleRepealed)
		out[seg.Prov] |= rs
		if seg.Section != seg.Prov {
			out[seg.Section] |= rs
		}
	}
	return out
}

// tempStore opens a store in a new temporary directory that is removed
// when the store is closed.
func (w *Workspace) tempStore(ctx context.Context) (*store.Store, error) {
	dir, err := os.MkdirTemp("", "lacuna-search-")
	if err != nil {
		return nil, fmt.Errorf("temporary search index: %w", err)
	}
	s, err := store.Open(ctx, filepath.Join(dir, "search.db"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s.OnClose(func() { os.RemoveAll(dir) })
	return s, nil
}
