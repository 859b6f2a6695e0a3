package statute

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// realData locates ../shared/realdata relative to the module root (env
// LACUNA_REALDATA overrides) and skips the test when it is absent.
func realData(t testing.TB) string {
	return testutil.RealData(t)
}

func loadReal(t *testing.T) *Corpus {
	t.Helper()
	dir := realData(t)
	c, err := Load(os.DirFS(filepath.Join(dir, "statutes")), ".")
	if err != nil {
		t.Fatalf("real statutes must load without errors:\n%v", err)
	}
	return c
}

func byPath(t *testing.T, c *Corpus, name string) *Statute {
	t.Helper()
	for _, s := range c.Statutes {
		if s.Path == name {
			return s
		}
	}
	t.Fatalf("%s not loaded", name)
	return nil
}

// golden compares got with testdata/<name>.golden, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update || os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test -update after review)", path, i+1, g, w)
			}
		}
	}
}

func TestRealDataLoadsWithoutErrors(t *testing.T) {
	c := loadReal(t)
	if len(c.Statutes) != 16 {
		t.Errorf("loaded %d statutes, want all 16 real statutes", len(c.Statutes))
	}
	for _, s := range c.Statutes {
		if len(s.All) == 0 {
			t.Errorf("%s: no provisions", s.Path)
		}
		seen := map[ProvisionID]bool{}
		for _, p := range s.All {
			if seen[p.ID] {
				t.Errorf("%s: ID %s not unique", s.Path, p.ID)
			}
			seen[p.ID] = true
		}
	}
}

// TestRealDataGolden pins the provision tree of every real statute: IDs,
// kinds, line ranges and repealed flags.
func TestRealDataGolden(t *testing.T) {
	c := loadReal(t)
	var b bytes.Buffer
	for _, s := range c.Statutes {
		fmt.Fprintf(&b, "== %s %s@%s %d provisions\n", s.Path, s.Meta.ID, s.Meta.VersionDate, len(s.All))
		// IDs, kinds, lines and flags only: no statute wording in the repo.
		for _, p := range s.All {
			fmt.Fprintf(&b, "%5d-%-5d %s%s %s", p.Line, p.EndLine, strings.Repeat("  ", p.Depth), p.ID, p.Kind)
			if p.Repealed {
				b.WriteString(" repealed")
			}
			b.WriteByte('\n')
		}
	}
	golden(t, t.Name(), b.Bytes())
}

func sectionIDs(s *Statute) []string {
	var out []string
	for _, p := range s.All {
		if p.Kind == KindSection {
			out = append(out, string(p.ID))
		}
	}
	return out
}

func childIDs(p *Provision) string {
	var out []string
	var walk func(q *Provision)
	walk = func(q *Provision) {
		for _, c := range q.Children {
			out = append(out, string(c.ID))
			walk(c)
		}
	}
	walk(p)
	return strings.Join(out, " ")
}

func TestRealKenyaSections(t *testing.T) {
	s := byPath(t, loadReal(t), "ken-ctip-2010.md")
	var want []string
	for i := 1; i <= 28; i++ {
		want = append(want, fmt.Sprintf("s%d", i))
	}
	if got := sectionIDs(s); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sections\n got: %v\nwant: %v", got, want)
	}
	if p := s.Lookup("s3(1)(g)"); p == nil || p.Parent.ID != "s3(1)" {
		t.Errorf("s3(1)(g) missing or misplaced")
	}
	if p := s.Lookup("s3(5)"); p == nil || !strings.Contains(p.Text, "thirty years") {
		t.Errorf("s3(5) missing or without its penalty text")
	}
	if p := s.Lookup("s2[exploitation](j)"); p == nil || p.Section().ID != "s2" {
		t.Errorf("the items of the definition of exploitation belong to it in s2")
	}
	if p := s.Lookup("part-II"); p == nil || p.Kind != KindDivision {
		t.Errorf("part-II missing")
	}
}

func TestRealGerman232BothVersions(t *testing.T) {
	c := loadReal(t)
	old := byPath(t, c, "deu-stgb-232-2012.md").Lookup("§232")
	neu := byPath(t, c, "deu-stgb-232-2021.md").Lookup("§232")
	if old == nil || neu == nil {
		t.Fatal("§232 missing in a version")
	}
	wantOld := "§232(1) §232(2) §232(3) §232(3)(1) §232(3)(2) §232(3)(3) §232(4) §232(4)(1) §232(4)(2) §232(5)"
	wantNew := "§232(1) §232(1)(1) §232(1)(1)(a) §232(1)(1)(b) §232(1)(1)(c) §232(1)(1)(d) §232(1)(2) §232(1)(3) §232(2) §232(2)(1) §232(2)(2) §232(3) §232(3)(1) §232(3)(2) §232(3)(3) §232(4)"
	if got := childIDs(old); got != wantOld {
		t.Errorf("§232 (2012)\n got: %s\nwant: %s", got, wantOld)
	}
	if got := childIDs(neu); got != wantNew {
		t.Errorf("§232 (2021)\n got: %s\nwant: %s", got, wantNew)
	}
	if neu.Heading != "Menschenhandel" {
		t.Errorf("§232 heading = %q", neu.Heading)
	}
}

func TestRealFrench225_4_1(t *testing.T) {
	c := loadReal(t)
	s := byPath(t, c, "fra-cp-225-4-1-2013.md")
	ii := s.Lookup("art225-4-1/II")
	if ii == nil {
		t.Fatalf("art225-4-1/II missing; have %s", childIDs(s.Lookup("art225-4-1")))
	}
	if ii.Line != 45 || !strings.Contains(ii.Text, "mineur") {
		t.Errorf("art225-4-1/II at line %d text %q, want line 45 about a minor", ii.Line, ii.Text)
	}
	if got, want := childIDs(s.Lookup("art225-4-1")), "art225-4-1/I art225-4-1/I(1°) art225-4-1/I(2°) art225-4-1/I(3°) art225-4-1/I(4°) art225-4-1/II"; got != want {
		t.Errorf("art225-4-1\n got: %s\nwant: %s", got, want)
	}
	if s.Lookup("section-1bis") == nil {
		t.Errorf("section-1bis division missing")
	}
	old := byPath(t, c, "fra-cp-225-4-1-2011.md")
	if old.Lookup("art225-4-1/II") != nil || old.Lookup("art225-4-2(9°)") == nil {
		t.Errorf("2011 version: no II paragraph in 225-4-1, 225-4-2 lists 1° to 9°")
	}
}

func TestRealUSChapter77(t *testing.T) {
	s := byPath(t, loadReal(t), "usa-18usc-ch77-2023.md")
	var want []string
	for i := 1581; i <= 1597; i++ {
		want = append(want, fmt.Sprintf("§%d", i))
		if i == 1593 || i == 1595 {
			want = append(want, fmt.Sprintf("§%dA", i))
		}
	}
	if got := sectionIDs(s); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sections\n got: %v\nwant: %v", got, want)
	}
	for _, id := range []ProvisionID{"§1591(a)(1)", "§1591(b)(1)", "§1591(e)(2)(C)", "§1589(a)(4)"} {
		if s.Lookup(id) == nil {
			t.Errorf("%s missing", id)
		}
	}
}

func TestRealSpanish177bis(t *testing.T) {
	s := byPath(t, loadReal(t), "esp-cp-177bis-2015.md")
	for _, id := range []ProvisionID{"art177bis", "art177bis(1)", "art177bis(1)(e)", "art177bis(4)(b)", "art177bis(11)"} {
		if s.Lookup(id) == nil {
			t.Errorf("%s missing", id)
		}
	}
}

func TestRealCanada(t *testing.T) {
	s := byPath(t, loadReal(t), "can-cc-279-2026.md")
	for _, id := range []ProvisionID{"s7(4.11)", "s279.01(1)(a)", "s279.011(1)(b)", "s279(1.1)(a)(ii)", "s279(1.1)(a.1)"} {
		if s.Lookup(id) == nil {
			t.Errorf("%s missing", id)
		}
	}
}

func TestRealPakistanOCRLoadsWithWarnings(t *testing.T) {
	s := byPath(t, loadReal(t), "pak-ptpa-2018.md")
	if len(s.Warnings) < 10 {
		t.Errorf("PAK OCR file: %d warnings, want the unnumbered headings and text_quality reported", len(s.Warnings))
	}
	if len(sectionIDs(s)) < 12 {
		t.Errorf("PAK OCR file: %d sections, want one per heading", len(sectionIDs(s)))
	}
	if p := s.Lookup("h4"); p == nil || p.Heading != "Trafficking in persons" {
		t.Errorf("h4 should be the trafficking section")
	}
}

func TestRealAsOfVersions(t *testing.T) {
	c := loadReal(t)
	if got := c.AsOf("2014-01-01").Versions("deu/stgb"); len(got) != 1 || got[0].Meta.VersionDate != "2012-12-05" {
		t.Errorf("deu/stgb as of 2014 should be the 2012 version")
	}
	if got := c.AsOf("2013-08-07").Versions("fra/code-penal"); len(got) != 1 || got[0].Meta.VersionDate != "2013-08-07" {
		t.Errorf("fra/code-penal as of its own version date should be that version")
	}
	if got := c.AsOf("2009-01-01").Versions("esp/codigo-penal-177bis"); len(got) != 0 {
		t.Errorf("no Spanish version before 2010")
	}
	if got := c.AsOf("2000-01-01").Versions("ken/ctip-act-2010"); len(got) != 1 {
		t.Errorf("an undated statute is kept whatever the date")
	}
}
