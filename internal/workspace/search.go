package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"

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
	// Progress is told how indexing goes, when versions must be indexed
	// first; nil = silent.
	Progress Progress
}

// Search answers q from the store's search index: the corpus directory is
// checked for new or changed files (by size and modification time; the
// front matter of those is read again, see openCatalog), the versions q
// selects are hashed if they were not yet (hashSelected), those not yet
// indexed under the current engine (SearchKey) are parsed and indexed, and
// the query runs in SQL with every filter (country, language, versions,
// role) applied before the limit. Nothing else is parsed. A country not in
// the corpus, or nothing to search, is an *InputError; a query the store
// cannot run is a *store.QueryError. Without a writable store, a private
// one is used for this search.
func (w *Workspace) Search(ctx context.Context, q SearchQuery) ([]SearchHit, error) {
	if _, err := store.BuildMatch(q.Text); err != nil {
		return nil, err
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
	// The query is run on the store's record of the corpus while the files
	// are checked against it; when nothing changed (the usual case) that
	// answer stands, and the two halves took the time of the longer.
	type answer struct {
		hits []store.Hit
		ok   bool
	}
	spec := make(chan answer, 1)
	specCtx, cancelSpec := context.WithCancel(ctx)
	defer cancelSpec()
	started := false
	defer func() {
		if started {
			<-spec // the store stays open until the query is over
		}
	}()
	cat, bad, unchanged, err := w.openCatalog(ctx, s, func(all []*entry) {
		started = true
		go func() {
			es, err := q.versions(all)
			if err != nil {
				spec <- answer{}
				return
			}
			sq := q.storeQuery(es)
			if slices.Contains(sq.SHA256s, "") {
				spec <- answer{} // some version must be hashed first
				return
			}
			if n, err := s.CountIndexedUnder(specCtx, sq.SHA256s, w.SearchKey()); err != nil || n != len(distinct(sq.SHA256s)) {
				spec <- answer{} // some version must be indexed first
				return
			}
			hits, err := s.Search(specCtx, sq)
			spec <- answer{hits, err == nil}
		}()
	})
	if err != nil {
		return nil, err
	}
	if unchanged {
		a := <-spec
		started = false
		if a.ok {
			return searchHits(a.hits), nil
		}
	}
	if started {
		// the entries that query reads are about to be hashed: it is
		// stopped first
		cancelSpec()
		<-spec
		started = false
	}
	es, err := q.versions(cat.all)
	if err != nil {
		return nil, err
	}
	if err := withBad(bad, cat.ensureIndexed(ctx, es, q.Progress)); err != nil {
		return nil, err
	}
	hits, err := s.Search(ctx, q.storeQuery(es))
	if err != nil {
		return nil, err
	}
	return searchHits(hits), nil
}

// versions selects the versions q searches among the catalog's entries: a
// country's, then every version, those in force on AsOf or the latest.
func (q SearchQuery) versions(all []*entry) ([]*entry, error) {
	es := all
	if q.Country != "" {
		es = ofCountry(es, q.Country)
		if len(es) == 0 {
			return nil, inputErr(fmt.Errorf("no statutes for country %q in the corpus, expected a country code present in the corpus (see lacuna corpus list)", q.Country))
		}
	}
	switch {
	case q.AllVersions:
	case q.AsOf != "":
		es = asOf(es, q.AsOf)
	default:
		es = latest(es)
	}
	if len(es) == 0 {
		return nil, inputErr(errors.New("no statutes to search"))
	}
	return es, nil
}

// storeQuery is q over the versions es, in corpus order (ties are broken
// in it).
func (q SearchQuery) storeQuery(es []*entry) store.Query {
	sq := store.Query{Text: q.Text, Language: q.Language, Limit: q.Limit, Roles: uint64(index.Bit(q.Role))}
	sq.SHA256s = make([]string, len(es))
	for i, e := range es {
		sq.SHA256s[i] = e.SHA256
	}
	return sq
}

func distinct(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// searchHits gives each hit its roles.
func searchHits(hits []store.Hit) []SearchHit {
	out := make([]SearchHit, 0, len(hits))
	for _, h := range hits {
		sh := SearchHit{Hit: h, Roles: []standard.Role{}}
		if r := index.RoleSet(h.RoleBits).Roles(); r != nil {
			sh.Roles = r
		}
		out = append(out, sh)
	}
	return out
}

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

// SearchGC lets the garbage collector run less often in the commands that
// answer from the search index (search, corpus list), unless GOGC or
// GOMEMLIMIT is set: their live heap is small (a few MB) while a query
// allocates a few tens of MB of short-lived records (the corpus catalog),
// so collecting at every doubling cost 15% of a warm query. A soft limit
// keeps a first, indexing run bounded all the same. The returned function
// puts the settings back (the commands also run in-process, in tests and benchmarks).
func SearchGC() (restore func()) {
	gc, limit := -2, int64(-2)
	if os.Getenv("GOGC") == "" {
		gc = debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(128 << 20)
	}
	return func() {
		if gc != -2 {
			debug.SetGCPercent(gc)
		}
		if limit != -2 {
			debug.SetMemoryLimit(limit)
		}
	}
}
