package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// statuteMD is a small statute file: one offence with a penalty in
// section 3, whose text is body.
func statuteMD(id, date, body string) string {
	return fmt.Sprintf(`---
id: %s
country: XEA
title: Act %s
version_date: %s
language: en
---

# Act

## Part I - Offences

### 3 Trafficking in persons

(1) %s

(2) A person convicted under this section is liable to imprisonment for ten years.
`, id, id, date, body)
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func searchOne(t *testing.T, w *Workspace, q SearchQuery) []SearchHit {
	t.Helper()
	if q.Limit == 0 {
		q.Limit = 10
	}
	hits, err := w.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %q: %v", q.Text, err)
	}
	return hits
}

// TestSearchFromStore: the first search indexes the latest versions; later
// searches read the store alone. An unchanged file (same size and time) is
// not read again — its bytes can be anything — while an edited file, a new
// file and a removed file are seen at once.
func TestSearchFromStore(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	a1 := filepath.Join(corpus, "xea", "a-2010.md")
	a2 := filepath.Join(corpus, "xea", "a-2020.md")
	writeFile(t, a1, statuteMD("xea/a", "2010-01-01", "A person who recruits a zebra for exploitation commits an offence."))
	writeFile(t, a2, statuteMD("xea/a", "2020-01-01", "A person who recruits a giraffe for exploitation commits an offence."))
	w := New(Config{Corpus: corpus, DB: filepath.Join(dir, "l.db"), Now: fixedNow, ToolVersion: "test"})
	var calls, total int
	hits := searchOne(t, w, SearchQuery{Text: "giraffe", Progress: func(done, n int) { calls, total = done, n }})
	if len(hits) != 1 || hits[0].VersionDate != "2020-01-01" || hits[0].Provision != "s3(1)" || !strings.Contains(hits[0].Snippet, "[giraffe]") {
		t.Fatalf("hits %+v", hits)
	}
	if calls != 1 || total != 1 {
		t.Errorf("progress %d/%d, want 1/1 (the latest version alone is indexed)", calls, total)
	}
	if hits := searchOne(t, w, SearchQuery{Text: "zebra"}); len(hits) != 0 {
		t.Errorf("latest versions only: %+v", hits)
	}
	if hits := searchOne(t, w, SearchQuery{Text: "zebra", AllVersions: true}); len(hits) != 1 || hits[0].VersionDate != "2010-01-01" {
		t.Errorf("all versions: %+v", hits)
	}
	// An unchanged file is not read: garbage of the same size and time
	// goes unnoticed, the index answers.
	info, _ := os.Stat(a2)
	writeFile(t, a2, strings.Repeat("#", int(info.Size())))
	if err := os.Chtimes(a2, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	calls = 0
	if hits := searchOne(t, w, SearchQuery{Text: "giraffe", Progress: func(done, n int) { calls++ }}); len(hits) != 1 || calls != 0 {
		t.Errorf("unchanged file: %d hits, %d indexed; want 1 hit from the store, nothing indexed", len(hits), calls)
	}
	// An edited file is read again (new time), and only it.
	writeFile(t, a2, statuteMD("xea/a", "2020-01-01", "A person who recruits an okapi for exploitation commits an offence."))
	later := info.ModTime().Add(2 * time.Second)
	os.Chtimes(a2, later, later)
	calls = 0
	if hits := searchOne(t, w, SearchQuery{Text: "okapi", Progress: func(done, n int) { calls, total = done, n }}); len(hits) != 1 || total != 1 {
		t.Errorf("edited file: %+v, %d indexed", hits, total)
	}
	if hits := searchOne(t, w, SearchQuery{Text: "giraffe"}); len(hits) != 0 {
		t.Errorf("the old text of an edited file is still found: %+v", hits)
	}
	// A new file and a removed one.
	writeFile(t, filepath.Join(corpus, "xea", "b.md"), statuteMD("xea/b", "2021-01-01", "A person who recruits a tapir commits an offence."))
	if hits := searchOne(t, w, SearchQuery{Text: "tapir"}); len(hits) != 1 || hits[0].StatuteID != "xea/b" {
		t.Errorf("new file: %+v", hits)
	}
	os.Remove(a2)
	if hits := searchOne(t, w, SearchQuery{Text: "zebra"}); len(hits) != 1 || hits[0].VersionDate != "2010-01-01" {
		t.Errorf("after removing the 2020 version, the 2010 one is the latest: %+v", hits)
	}
	// Roles come from the index, filtered before the limit.
	hits = searchOne(t, w, SearchQuery{Text: "imprisonment", Role: standard.RolePenalty})
	if len(hits) == 0 {
		t.Error("no penalty provision found for imprisonment")
	}
	for _, h := range hits {
		if !containsRole(h.Roles, standard.RolePenalty) {
			t.Errorf("--role penalty gave %s with roles %v", h.Provision, h.Roles)
		}
	}
	if hits := searchOne(t, w, SearchQuery{Text: "recruits", Role: standard.RoleDefinition}); len(hits) != 0 {
		t.Errorf("--role definition found %+v in a statute without definitions", hits)
	}
}

func containsRole(rs []standard.Role, r standard.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// TestSearchKeyReindexes: another engine (tool version) indexes every
// version again, so no role computed by the old one is served.
func TestSearchKeyReindexes(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	writeFile(t, filepath.Join(corpus, "a.md"), statuteMD("xea/a", "2020-01-01", "A person who recruits a zebra commits an offence."))
	db := filepath.Join(dir, "l.db")
	count := func(version string) int {
		n := 0
		w := New(Config{Corpus: corpus, DB: db, Now: fixedNow, ToolVersion: version})
		searchOne(t, w, SearchQuery{Text: "zebra", Progress: func(done, total int) { n = total }})
		return n
	}
	if n := count("v1"); n != 1 {
		t.Errorf("first search indexed %d versions, want 1", n)
	}
	if n := count("v1"); n != 0 {
		t.Errorf("same engine indexed %d versions again, want 0", n)
	}
	if n := count("v2"); n != 1 {
		t.Errorf("a new engine indexed %d versions, want 1", n)
	}
	if New(Config{ToolVersion: "v1"}).SearchKey() == New(Config{ToolVersion: "v2"}).SearchKey() {
		t.Error("the search key ignores the tool version")
	}
}

// TestListAndShowParseLittle: list counts the latest version's provisions
// from the index; show parses only the statute asked for, so a broken
// file of another statute does not stop it.
func TestListAndShowParseLittle(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	writeFile(t, filepath.Join(corpus, "a1.md"), statuteMD("xea/a", "2010-01-01", "Text one."))
	writeFile(t, filepath.Join(corpus, "a2.md"), statuteMD("xea/a", "2020-01-01", "Text two."))
	w := New(Config{Corpus: corpus, DB: filepath.Join(dir, "l.db"), Now: fixedNow, ToolVersion: "test"})
	l, err := w.ListCorpus(context.Background(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Statutes) != 1 || l.Versions != 2 || l.Countries != 1 {
		t.Fatalf("listing %+v", l)
	}
	if r := l.Statutes[0]; r.ID != "xea/a" || strings.Join(r.Versions, ",") != "2010-01-01,2020-01-01" || r.Provisions != 4 || !strings.HasSuffix(r.Path, "a2.md") {
		t.Errorf("row %+v; want 2 versions, 4 provisions of a2.md", r)
	}
	// a body error in another statute's file
	writeFile(t, filepath.Join(corpus, "b.md"), statuteMD("xea/b", "2020-01-01", "x")+"\n### 3 Again\n\nTwice.\n")
	c, err := w.StatuteVersions("xea/a")
	if err != nil {
		t.Fatalf("show xea/a beside a broken file: %v", err)
	}
	if len(c.Statutes) != 2 || c.Resolve(statute.Ref{ID: "xea/a"}).Meta.VersionDate != "2020-01-01" {
		t.Errorf("versions %d", len(c.Statutes))
	}
	if _, err := w.StatuteVersions("xea/b"); !errors.As(err, new(*InputError)) || !strings.Contains(err.Error(), "b.md:") {
		t.Errorf("show of the broken statute: %v, want its positioned problems", err)
	}
	if _, err := w.StatuteVersions("xea/none"); err == nil || !strings.Contains(err.Error(), `statute "xea/none" is not in the corpus`) {
		t.Errorf("unknown statute: %v", err)
	}
	// list reports the broken file (it is a latest version)
	if _, err := w.ListCorpus(context.Background(), "", nil); !errors.As(err, new(*InputError)) || !strings.Contains(err.Error(), "b.md:") {
		t.Errorf("list with a broken latest version: %v", err)
	}
}

// TestJoinShown: joinShown is path.Join for the walk's paths under any
// corpus prefix.
func TestJoinShown(t *testing.T) {
	for _, prefix := range []string{"corpus", "/tmp/scale-200", "./x/", "x//y/", ".", "", "/", "..", "../a/./b", "C:/corpus"} {
		for _, p := range []string{"xaa/act-00-v0.md", "a.md", ".", "a/../b.md", "/abs.md", "a//b.md", ""} {
			if got, want := joinShown(prefix, path.Clean(prefix), p), path.Join(prefix, p); got != want {
				t.Errorf("joinShown(%q, %q) = %q, want %q", prefix, p, got, want)
			}
		}
	}
}

// TestSearchHashesWhatItSelects: a first search reads only the front
// matter of a version it does not search (its hash is left for later),
// hashes the versions it searches, and stays right when a file changes: a
// version edited to become the latest, a file edited between the scan
// and its hashing (refused, then read again), a new latest version.
func TestSearchHashesWhatItSelects(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	a1 := filepath.Join(corpus, "xea", "a-2010.md")
	a2 := filepath.Join(corpus, "xea", "a-2020.md")
	writeFile(t, a1, statuteMD("xea/a", "2010-01-01", "A person who recruits a zebra commits an offence."))
	writeFile(t, a2, statuteMD("xea/a", "2020-01-01", "A person who recruits a giraffe commits an offence."))
	db := filepath.Join(dir, "l.db")
	w := New(Config{Corpus: corpus, DB: db, Now: fixedNow, ToolVersion: "test"})
	if hits := searchOne(t, w, SearchQuery{Text: "giraffe"}); len(hits) != 1 {
		t.Fatalf("hits %+v", hits)
	}
	hashed := func() map[string]bool {
		t.Helper()
		s, err := w.OpenStore(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		recs, err := s.CorpusCatalog(context.Background(), w.corpusRoot())
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, r := range recs {
			out[path.Base(r.Path)] = r.SHA256 != ""
		}
		return out
	}
	if h := hashed(); !h["a-2020.md"] || h["a-2010.md"] {
		t.Errorf("hashed after the first search: %v; want a-2020.md alone", h)
	}
	if hits := searchOne(t, w, SearchQuery{Text: "zebra", AsOf: "2015-01-01"}); len(hits) != 1 || hits[0].VersionDate != "2010-01-01" {
		t.Errorf("as of 2015: %+v", hits)
	}
	if h := hashed(); !h["a-2010.md"] {
		t.Errorf("hashed after searching the 2010 version: %v", h)
	}
	// the old version, never searched as the latest, is edited to become
	// the latest
	writeFile(t, a1, statuteMD("xea/a", "2030-01-01", "A person who recruits an okapi commits an offence."))
	later := time.Now().Add(5 * time.Second)
	os.Chtimes(a1, later, later)
	if hits := searchOne(t, w, SearchQuery{Text: "okapi"}); len(hits) != 1 || hits[0].VersionDate != "2030-01-01" {
		t.Errorf("a version edited to be the latest: %+v", hits)
	}
	if hits := searchOne(t, w, SearchQuery{Text: "giraffe"}); len(hits) != 0 {
		t.Errorf("the version no longer the latest is still searched: %+v", hits)
	}
	// A file changed after the scan read its front matter and before it
	// was hashed: the search is refused, the next one reads it again.
	a3 := filepath.Join(corpus, "xea", "a-2040.md")
	writeFile(t, a3, statuteMD("xea/a", "2040-01-01", "A person who recruits a tapir commits an offence."))
	s, err := w.OpenStore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cat, bad, _, err := w.openCatalog(context.Background(), s, nil)
	if err != nil || len(bad) > 0 {
		t.Fatal(err, bad)
	}
	writeFile(t, a3, statuteMD("xea/a", "2040-01-01", "A person who recruits a quagga commits an offence, and more."))
	if err := cat.ensureIndexed(context.Background(), latest(cat.all), nil); err == nil || !strings.Contains(err.Error(), "changed while it was being indexed") {
		t.Errorf("a file changed before it was hashed: %v", err)
	}
	s.Close()
	if hits := searchOne(t, w, SearchQuery{Text: "quagga"}); len(hits) != 1 || hits[0].VersionDate != "2040-01-01" {
		t.Errorf("after the change: %+v", hits)
	}
	if hits := searchOne(t, w, SearchQuery{Text: "tapir"}); len(hits) != 0 {
		t.Errorf("the text read before the change: %+v", hits)
	}
	// a file removed: the version before it is the latest again
	os.Remove(a3)
	if hits := searchOne(t, w, SearchQuery{Text: "okapi"}); len(hits) != 1 {
		t.Errorf("after removing the latest version: %+v", hits)
	}
}
