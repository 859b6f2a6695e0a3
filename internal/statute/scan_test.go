package statute_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

func scanFile(country, id, date string) *fstest.MapFile {
	d := ""
	if date != "" {
		d = "version_date: \"" + date + "\"\n"
	}
	return &fstest.MapFile{Data: []byte("---\ncountry: " + country + "\nid: " + id + "\ntitle: \"T\"\n" + d +
		"---\n\n# T\n\n### Section 1. Short title\n\nThis Act may be cited as T.\n")}
}

// scanFS is a corpus with several versions, an undated statute, a statute
// without dated versions and a file whose front matter is broken.
func scanFS() fstest.MapFS {
	return fstest.MapFS{
		"xaa/a-v1.md":      scanFile("XAA", "xaa/a", "2010-01-01"),
		"xaa/a-v2.md":      scanFile("XAA", "xaa/a", "2015-06-30"),
		"xaa/a-v3.md":      scanFile("XAA", "xaa/a", "2020"),
		"xaa/b.md":         scanFile("XAA", "xaa/b", "unknown"),
		"xaa/c-v0.md":      scanFile("XAA", "xaa/c", "unknown"),
		"xaa/c-v1.md":      scanFile("XAA", "xaa/c", "2012-05-05"),
		"xab/a.md":         scanFile("XAB", "xab/a", "2001-01-01"),
		"xab/README.md":    {Data: []byte("not a statute")},
		"xac/noid-2019.md": {Data: []byte("---\ncountry: XAC\ntitle: \"No id\"\nversion_date: 2019-01-01\n---\n\n### Section 1. A\n\nText.\n")},
	}
}

// TestSelectedLoadMatchesFullLoad checks that for every country and date
// the selective load gives the analysis the same statutes as loading
// everything and selecting afterwards.
func TestSelectedLoadMatchesFullLoad(t *testing.T) {
	fsys := scanFS()
	full, err := statute.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range []string{"XAA", "xab", "XAC", "XZZ"} {
		for _, asOf := range []string{"", "2009-12-31", "2012-05-05", "2015", "2016-01-01", "2030-01-01"} {
			sel, err := statute.LoadSelected(fsys, ".", "", statute.Selection{Countries: []string{cc}, AsOf: asOf})
			if err != nil {
				t.Fatalf("%s %s: %v", cc, asOf, err)
			}
			want := paths(score.Select(full, cc, asOf))
			got := paths(score.Select(sel, cc, asOf))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s as of %q: selective load analyses %v, full load %v", cc, asOf, got, want)
			}
			if len(sel.Statutes) > len(full.Country(cc).Statutes) {
				t.Errorf("%s as of %q: loaded %d files, more than the country has", cc, asOf, len(sel.Statutes))
			}
		}
	}
	all, err := statute.LoadSelected(fsys, ".", "", statute.Selection{Countries: []string{"xaa"}, AllVersions: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(all.Statutes), len(full.Country("XAA").Statutes); got != want {
		t.Errorf("AllVersions loaded %d statutes of XAA, want %d", got, want)
	}
	latest, _ := statute.LoadSelected(fsys, ".", "", statute.Selection{Countries: []string{"XAA"}})
	if got := paths(latest); !reflect.DeepEqual(got, []string{"xaa/a-v3.md", "xaa/b.md", "xaa/c-v1.md"}) {
		t.Errorf("latest versions of XAA: %v", got)
	}
}

func paths(c *statute.Corpus) []string {
	var out []string
	for _, s := range c.Statutes {
		out = append(out, s.Path)
	}
	return out
}

// TestScanMeta checks that the scan reads the same front matter as the
// full parse, including the ID derived from the file name, and that a
// file whose front matter is broken is kept by every selection so that
// its error is reported.
func TestScanMeta(t *testing.T) {
	fsys := scanFS()
	fsys["xad/bad.md"] = &fstest.MapFile{Data: []byte("---\ncountry: [XAD\n---\n\nbody\n")}
	fsys["xad/open.md"] = &fstest.MapFile{Data: []byte("---\ncountry: XAD\n")}
	metas, _, err := statute.Scan(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	full, _ := statute.Load(fsys, ".")
	byPath := map[string]*statute.Statute{}
	for _, s := range full.Statutes {
		byPath[s.Path] = s
	}
	var bad []string
	for _, m := range metas {
		if !m.OK {
			bad = append(bad, m.Path)
			continue
		}
		s := byPath[m.Path]
		if s == nil {
			t.Errorf("%s: scanned but not loaded", m.Path)
			continue
		}
		if !reflect.DeepEqual(m.Meta, s.Meta) {
			t.Errorf("%s: scan meta %+v, parse meta %+v", m.Path, m.Meta, s.Meta)
		}
	}
	if !reflect.DeepEqual(bad, []string{"xad/bad.md", "xad/open.md"}) {
		t.Errorf("unreadable front matter: %v", bad)
	}
	_, err = statute.LoadSelected(fsys, ".", "", statute.Selection{Countries: []string{"XAB"}})
	if err == nil || !strings.Contains(err.Error(), "xad/bad.md") || !strings.Contains(err.Error(), "xad/open.md") {
		t.Errorf("selective load of XAB: error %v, want the broken files of XAD reported", err)
	}
}

// TestScanDemoCorpus compares scan and parse over the demo corpus.
func TestScanDemoCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("demo corpus not found at %s: %v", dir, err)
	}
	fsys := os.DirFS(dir)
	metas, _, err := statute.Scan(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	full, err := statute.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(metas) != len(full.Statutes) {
		t.Fatalf("scan found %d files, load %d statutes", len(metas), len(full.Statutes))
	}
	for i, m := range metas {
		if !m.OK || !reflect.DeepEqual(m.Meta, full.Statutes[i].Meta) {
			t.Errorf("%s: scan %v %+v, parse %+v", m.Path, m.OK, m.Meta, full.Statutes[i].Meta)
		}
	}
	for _, cc := range full.Countries() {
		sel, err := statute.LoadSelected(fsys, ".", "", statute.Selection{Countries: []string{cc}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := fmt.Sprint(paths(score.Select(sel, cc, ""))), fmt.Sprint(paths(score.Select(full, cc, ""))); got != want {
			t.Errorf("%s: %s, want %s", cc, got, want)
		}
	}
}

// TestSelectedLoadReportsDuplicates checks that two files with the same ID
// and version date are both selected, so the duplicate is reported as a
// full load reports it.
func TestSelectedLoadReportsDuplicates(t *testing.T) {
	fsys := scanFS()
	fsys["xaa/a-copy.md"] = scanFile("XAA", "xaa/a", "2020")
	_, err := statute.LoadSelected(fsys, ".", "", statute.Selection{Countries: []string{"XAA"}})
	if err == nil || !strings.Contains(err.Error(), "xaa/a-copy.md") || !strings.Contains(err.Error(), "is also defined in") {
		t.Errorf("duplicate version: error %v, want both files reported", err)
	}
	if _, err := statute.LoadSelected(fsys, ".", "", statute.Selection{Countries: []string{"XAB"}}); err != nil {
		t.Errorf("another country's duplicate stops XAB: %v", err)
	}
}
