package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// foldStatute is one version in German and Spanish drafting, to check
// that every language matches without case or accents.
func foldStatute() *statute.Statute {
	p1 := &statute.Provision{ID: "s1", Heading: "Menschenhandel", Text: "Wer eine Person zur Arbeit in der STRASSE oder in Gaststätten ausbeutet, wird bestraft.", Line: 3, EndLine: 3}
	p2 := &statute.Provision{ID: "s2", Heading: "Tráfico", Text: "El TRÁFICO ilícito de migrantes en la Straße del puerto.", Line: 5, EndLine: 5}
	p3 := &statute.Provision{ID: "s3", Heading: "Penalty", Text: "Imprisonment for ten years for trafficking.", Line: 7, EndLine: 7}
	return &statute.Statute{Path: "x.md", SHA256: "sha-fold",
		Meta:  statute.Meta{ID: "xde/act", Country: "XDE", Title: "Act", Language: "de", VersionDate: "2020-01-01"},
		Roots: []*statute.Provision{p1, p2, p3}, All: []*statute.Provision{p1, p2, p3}}
}

func TestSearchFoldsEveryLanguage(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	indexStatute(t, s, foldStatute(), nil)
	for _, tt := range []struct{ q, want string }{
		{"trafico", "s2"},            // tráfico = trafico
		{"TRÁFICO ILÍCITO", "s2"},    // case and accents in the query
		{"strasse puerto", "s2"},     // ß = ss, in the text …
		{"Straße Gaststatten", "s1"}, // … and in the query
		{"gaststätten", "s1"},        // accented query, accented text
		{`"trafico ilicito"`, "s2"},  // phrases fold too
		{"menschenhand*", "s1"},      // prefixes fold and match
	} {
		hits, err := s.Search(ctx, Query{Text: tt.q})
		if err != nil || len(hits) != 1 || hits[0].Provision != tt.want {
			t.Errorf("search %q: %+v, %v; want one hit %s", tt.q, hits, err, tt.want)
		}
	}
	// The snippet shows the original words, the matched ones bracketed.
	hits, _ := s.Search(ctx, Query{Text: "strasse trafico"})
	if len(hits) != 1 || hits[0].Snippet != "El [TRÁFICO] ilícito de migrantes en la [Straße] del puerto." {
		t.Errorf("snippet %q", hits[0].Snippet)
	}
}

// TestSearchRolesBeforeLimit: the role filter is applied in SQL before the
// limit, so a provision of that role ranked below many others is found
// with --limit 1.
func TestSearchRolesBeforeLimit(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	st := foldStatute()
	var all []*statute.Provision
	for i := 0; i < 50; i++ {
		all = append(all, &statute.Provision{ID: statute.ProvisionID("h" + strings.Repeat("i", i+1)), Heading: "Trafficking trafficking", Text: "trafficking", Line: 10 + i, EndLine: 10 + i})
	}
	st.All = append(all, st.All...)
	roles := make([]uint8, len(st.All))
	roles[len(roles)-1] = 1 << 2 // s3 alone has this role
	indexStatute(t, s, st, roles)
	hits, err := s.Search(ctx, Query{Text: "trafficking", Limit: 1, Roles: 1 << 2})
	if err != nil || len(hits) != 1 || hits[0].Provision != "s3" || hits[0].RoleBits != 1<<2 {
		t.Fatalf("role-filtered hits %+v, %v; want s3", hits, err)
	}
	if hits, _ := s.Search(ctx, Query{Text: "trafficking", Limit: 1}); len(hits) != 1 || hits[0].Provision == "s3" {
		t.Errorf("unfiltered best hit %+v; want a heading hit", hits)
	}
}

// TestIndexVersionsReplacesRows: indexing a version again (another key)
// replaces its provisions and full-text rows; the key and count are kept
// per version.
func TestIndexVersionsReplacesRows(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	st := foldStatute()
	if err := s.IndexVersions(ctx, []IndexEntry{{Statute: st, Source: []byte("x"), Roles: []uint8{1, 1, 1}}}, "k1", "t"); err != nil {
		t.Fatal(err)
	}
	if err := s.IndexVersions(ctx, []IndexEntry{{Statute: st, Source: []byte("x"), Roles: []uint8{2, 2, 2}}}, "k2", "t"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.IndexedUnder(ctx, []string{st.SHA256}, "k1"); len(got) != 0 {
		t.Errorf("indexed under the old key: %v", got)
	}
	if got, _ := s.IndexedUnder(ctx, []string{st.SHA256}, "k2"); got[st.SHA256] != 3 {
		t.Errorf("indexed under the new key: %v, want 3 provisions", got)
	}
	for _, tt := range []struct {
		shas []string
		key  string
		want int
	}{
		{[]string{st.SHA256}, "k1", 0},
		{[]string{st.SHA256}, "k2", 1},
		{[]string{st.SHA256, st.SHA256, "other"}, "k2", 1}, // distinct hashes
		{nil, "k2", 0},
	} {
		if got, err := s.CountIndexedUnder(ctx, tt.shas, tt.key); err != nil || got != tt.want {
			t.Errorf("CountIndexedUnder(%q, %s) = %d, %v; want %d", tt.shas, tt.key, got, err, tt.want)
		}
	}
	hits, _ := s.Search(ctx, Query{Text: "trafficking"})
	if len(hits) != 1 || hits[0].RoleBits != 2 {
		t.Errorf("hits %+v; want one, with the new roles", hits)
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM search_fts").Scan(&n)
	if n != 3 {
		t.Errorf("%d full-text rows, want 3", n)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestMigrateSearchIndex opens a store of schema 2 (full-text index over
// raw text, no roles): it is upgraded, the old index dropped, and a
// version stored before is searchable once indexed.
func TestMigrateSearchIndex(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "old.db")
	if err := register(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open(driverName, dsn(p, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"0001_init.sql", "0002_run_results.sql"} {
		b, err := fs.ReadFile(migrations, path.Join("migrations", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(b)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`INSERT INTO statute_versions VALUES ('sha-fold', 'xde/act', 'XDE', '2020-01-01', 'Act', 'de', 'x.md', '{}', x'00', 't');
		INSERT INTO provisions (sha256, ord, provision_id, heading, text, line, end_line, repealed) VALUES ('sha-fold', 0, 's1', 'Old', 'old text of trafficking', 1, 1, 0);
		INSERT INTO provisions_fts (docid, heading, text) SELECT rowid, heading, text FROM provisions;
		PRAGMA user_version = 2`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v != 3 {
		t.Fatalf("schema %d, want 3", v)
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'provisions_fts'").Scan(&n); err != nil || n != 0 {
		t.Errorf("old index still there: %d, %v", n, err)
	}
	if got, _ := s.IndexedUnder(ctx, []string{"sha-fold"}, "k1"); len(got) != 0 {
		t.Errorf("a version of schema 2 counts as indexed: %v", got)
	}
	indexStatute(t, s, foldStatute(), nil)
	hits, err := s.Search(ctx, Query{Text: "trafficking"})
	if err != nil || len(hits) != 1 || hits[0].Provision != "s3" {
		t.Errorf("after indexing: %+v, %v; want s3 of the new parse only", hits, err)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestSearchOnlyVersionsAsked: a search over some versions never returns
// a row of another indexed version, whether it was indexed before, after
// or between them, and a version asked for twice is searched once.
func TestSearchOnlyVersionsAsked(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	var shas []string
	for i, word := range []string{"alpha", "beta", "alpha", "beta", "alpha"} {
		p := &statute.Provision{ID: "s1", Heading: "Part", Text: "The " + word + " clause on trafficking.", Line: 3, EndLine: 3}
		st := &statute.Statute{Path: "x.md", SHA256: "sha-" + string(rune('a'+i)),
			Meta:  statute.Meta{ID: "xea/act", Country: "XEA", Title: "Act", Language: "en", VersionDate: "202" + string(rune('0'+i)) + "-01-01"},
			Roots: []*statute.Provision{p}, All: []*statute.Provision{p}}
		indexStatute(t, s, st, nil)
		shas = append(shas, st.SHA256)
	}
	for _, tt := range []struct {
		q    string
		shas []string
		want []string
	}{
		{"beta", []string{shas[0], shas[2], shas[4]}, nil},                          // between and around the ones asked
		{"alpha", []string{shas[1], shas[3]}, nil},                                  // before, between and after
		{"alpha", []string{shas[4], shas[2]}, []string{shas[4], shas[2]}},           // ties in the order given
		{"beta", []string{shas[3], shas[3]}, []string{shas[3]}},                     // twice is once
		{"trafficking", []string{shas[1]}, []string{shas[1]}},                       // one version alone
		{"trafficking", nil, []string{shas[0], shas[1], shas[2], shas[3], shas[4]}}, // every version, by date
	} {
		hits, err := s.Search(ctx, Query{Text: tt.q, SHA256s: tt.shas})
		var got []string
		for _, h := range hits {
			got = append(got, h.SHA256)
		}
		if err != nil || strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("search %q in %v: %v, %v; want %v", tt.q, tt.shas, got, err, tt.want)
		}
	}
}
