package standard

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

func updating() bool { return *update || os.Getenv("UPDATE_GOLDEN") != "" }

// golden compares got with testdata/<name>.golden, rewriting it on -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenFile(t, filepath.Join("testdata", name+".golden"), got)
}

// goldenFile compares got with the file at path, rewriting it on -update.
func goldenFile(t *testing.T, path string, got []byte) {
	t.Helper()
	if updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// txtarFS turns an inline txtar archive into an fs.FS.
func txtarFS(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	a := txtar.Parse([]byte(archive))
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// tinyMap is a valid three-requirement map (without the core IDs).
const tinyMap = `
-- map.yaml --
version: "0.0.1"
description: "A tiny map for tests."
-- instruments/palermo.yaml --
id: palermo
title: "Trafficking in Persons Protocol"
short: "Palermo Protocol"
kind: treaty
adopted: "2000-11-15"
text_file: palermo.md
articles:
  - number: "3"
    summary: "Definitions."
  - number: "5(2)"
    summary: "Attempt, complicity and organising."
  - number: "10"
    summary: "Information exchange and training."
-- instruments/coe.yaml --
id: coe
title: "Council of Europe Convention"
short: "CoE Convention"
kind: treaty
adopted: "2005-05-16"
articles:
  - number: "4(a)"
    summary: "Definition of trafficking."
  - number: "21"
    summary: "Attempt and aiding or abetting."
-- requirements/def.yaml --
- id: def.acts
  title: "Acts of trafficking"
  statement: "The offence covers every act of trafficking."
  sources:
    - {instrument: palermo, article: "3(a)"}
    - {instrument: coe, article: "4(a)"}
  pillar: prosecution
  mandatory: true
  weight: 3
  criteria:
    elements:
      - id: recruitment
        roles: [offence, definition]
        patterns:
          - kind: keyword
            terms:
              en: ["recruit*"]
              fr: ["recrut*"]
              de: ["anwerb*"]
              es: ["capta*"]
          - kind: near
            terms: {"*": ["child"]}
            with: {"*": ["recruit*"]}
            within: 5
      - id: receipt
        patterns:
          - kind: regex
            regex: {"*": "\\brecei(pt|ve)\\b"}
        exclude:
          - kind: phrase
            terms: {en: ["does not include"]}
    combine: {met_at: 2, partial_at: 1}
  recommendation: "Add the missing acts."
  model_provision: "A person who recruits another for exploitation commits an offence."
-- requirements/crim.yaml --
requirements:
  - id: crim.attempt
    title: "Attempt"
    statement: "Attempting the offence is punishable."
    sources:
      - {instrument: palermo, article: "5(2)(a)"}
      - {instrument: coe, article: "21(2)"}
    pillar: prosecution
    mandatory: true
    weight: 2
    thresholds: {age: 18}
    criteria:
      check: {kind: child-age, params: {age: 18}}
    recommendation: "Make attempts punishable."
    model_provision: "An attempt to commit an offence under this Act is punishable."
  - id: enf.training
    title: "Training"
    statement: "Officials are trained."
    sources:
      - {instrument: palermo, article: "10(2)"}
    pillar: partnership
    mandatory: false
    weight: 1.5
    criteria:
      elements:
        - id: training
          patterns:
            - kind: keyword
              terms: {"*": ["train*"]}
    recommendation: "Require training."
    model_provision: "The Minister shall provide training."
-- ratifications.yaml --
ratifications:
  - {country: XEA, instrument: palermo, status: party, date: "2001-01-01", source: "demo corpus"}
  - {country: XEA, instrument: coe, status: not-party, source: "demo corpus"}
`

func TestLoadTinyMap(t *testing.T) {
	m, err := LoadWith(txtarFS(t, tinyMap), Options{Partial: true})
	if err != nil {
		t.Fatal(err)
	}
	if m.Version != "0.0.1" || len(m.Instruments) != 2 || len(m.Requirements) != 3 || len(m.Ratifications) != 2 {
		t.Fatalf("got version %q, %d instruments, %d requirements, %d ratifications", m.Version, len(m.Instruments), len(m.Requirements), len(m.Ratifications))
	}
	var ids []string
	for _, r := range m.Requirements {
		ids = append(ids, string(r.ID))
	}
	if got := strings.Join(ids, " "); got != "crim.attempt def.acts enf.training" {
		t.Errorf("requirements not sorted by ID: %s", got)
	}
	r := m.Requirement("def.acts")
	if !r.Core || r.Pos != (Pos{File: "requirements/def.yaml", Line: 1, Col: 7}) {
		t.Errorf("def.acts: core %v pos %v", r.Core, r.Pos)
	}
	if m.Requirement("enf.training").Weight != 1.5 || m.Requirement("enf.training").Mandatory {
		t.Errorf("enf.training decoded wrongly: %+v", m.Requirement("enf.training"))
	}
	if got := r.Criteria.Elements[1].Patterns[0].Regex["*"]; got != `\brecei(pt|ve)\b` {
		t.Errorf("regex = %q", got)
	}
	if c := m.Requirement("crim.attempt").Criteria.Check; c == nil || c.Kind != CheckChildAge || c.Params["age"] != 18 {
		t.Errorf("check = %+v", c)
	}
	if !m.BoundBy("XEA", "palermo") || m.BoundBy("XEA", "coe") || m.BoundBy("XEA", "tvpa") {
		t.Error("BoundBy wrong")
	}
}

// TestBadMaps loads each testdata/badmap/<case> and compares the full error
// text with the case's want.txt: exact positions and messages.
func TestBadMaps(t *testing.T) {
	dirs, err := filepath.Glob("../../testdata/badmap/*")
	if err != nil || len(dirs) < 10 {
		t.Fatalf("want at least 10 bad-map cases, found %d (%v)", len(dirs), err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			_, err := LoadWith(os.DirFS(dir), Options{Name: name, Partial: name != "core-missing"})
			if err == nil {
				t.Fatal("bad map loaded without error")
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			goldenFile(t, filepath.Join(dir, "want.txt"), []byte(err.Error()+"\n"))
		})
	}
}

func TestAliasBombIsRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for i := 0; i < 9; i++ {
		name := string(rune('b' + i))
		b.WriteString(name + ": &" + name + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(",")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = name
	}
	fsys := txtarFS(t, tinyMap)
	fsys["map.yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	_, err := LoadWith(fsys, Options{Partial: true})
	if err == nil || !strings.Contains(err.Error(), "map.yaml:1:4: YAML anchor found") {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadWithExtra(t *testing.T) {
	base := txtarFS(t, tinyMap)
	extra := txtarFS(t, `
-- requirements/x.yaml --
- id: prev.extra
  title: "Extra"
  statement: "An extra requirement."
  sources: [{instrument: palermo, article: "10"}]
  pillar: prevention
  mandatory: false
  weight: 1
  criteria:
    elements:
      - id: x
        patterns: [{kind: keyword, terms: {"*": ["extra"]}}]
  recommendation: "Do more."
  model_provision: "More shall be done."
`)
	m, err := LoadWith(base, Options{Extra: extra, ExtraName: "extra", Partial: true})
	if err != nil {
		t.Fatal(err)
	}
	if m.Requirement("prev.extra") == nil {
		t.Fatal("extra requirement not added")
	}
	dup := txtarFS(t, "-- requirements/x.yaml --\n"+strings.SplitN(tinyMap, "-- requirements/crim.yaml --", 2)[0][strings.Index(tinyMap, "- id: def.acts"):])
	_, err = LoadWith(base, Options{Extra: dup, ExtraName: "extra", Partial: true})
	want := `extra/requirements/x.yaml:1:7: requirement "def.acts" is defined twice (first at requirements/def.yaml:1:7), expected unique requirement ids`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
}

func TestCrosswalkGolden(t *testing.T) {
	m, err := LoadWith(txtarFS(t, tinyMap), Options{Partial: true})
	if err != nil {
		t.Fatal(err)
	}
	cw := m.Crosswalk()
	var b strings.Builder
	for _, c := range cw.Columns {
		b.WriteString("\t" + c.String())
	}
	b.WriteString("\n")
	for _, r := range cw.Rows {
		b.WriteString(string(r.Requirement))
		for _, on := range r.Cells {
			if on {
				b.WriteString("\tx")
			} else {
				b.WriteString("\t.")
			}
		}
		b.WriteString("\n")
	}
	golden(t, "crosswalk", []byte(b.String()))
}

func TestCompareArticles(t *testing.T) {
	in := []string{"10(2)", "3(b)", "10", "2", "3(a)", "7106(b)(12)", "7106(b)(2)", "5(2)(a)", "5(2)"}
	want := []string{"2", "3(a)", "3(b)", "5(2)", "5(2)(a)", "10", "10(2)", "7106(b)(2)", "7106(b)(12)"}
	got := append([]string(nil), in...)
	for i := range got {
		for j := i + 1; j < len(got); j++ {
			if CompareArticles(got[j], got[i]) < 0 {
				got[i], got[j] = got[j], got[i]
			}
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTermWords(t *testing.T) {
	tests := []struct {
		term   string
		words  string
		reason string
	}{
		{"recruit*", "recruit*", ""},
		{"Enrôlement forcé", "enrolement force", ""},
		{"Straße", "strasse", ""},
		{"rec*ruit", "", "has * inside a word"},
		{"*", "", "has * without a word stem before it"},
		{"--", "", "has no letters or digits"},
	}
	for _, tt := range tests {
		t.Run(tt.term, func(t *testing.T) {
			w, reason := TermWords(tt.term)
			if strings.Join(w, " ") != tt.words || reason != tt.reason {
				t.Errorf("TermWords(%q) = %q, %q; want %q, %q", tt.term, w, reason, tt.words, tt.reason)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	src := []byte(`---
id: x
---

# Protocol

## Chapter I

### Article 3. Use of terms

For the purposes of this Protocol:

(a) "Thing" shall mean a thing;

(b) Another rule;

### Article 5. Criminalization

1. First paragraph.

2. Second paragraph:

(a) letter a;

(i) roman one;

(ii) roman two;

(b) letter b.

### Section 7106(a). Standards

(1) One.

(2) Two.
`)
	tx := ParseText("x.md", src)
	tests := []struct{ num, want string }{
		{"3(b)", "(b) Another rule;"},
		{"5(1)", "1. First paragraph."},
		{"5(2)(a)(ii)", "(ii) roman two;"},
		{"5(2)(b)", "(b) letter b."},
		{"5(2)(a)", "(a) letter a;\n\n(i) roman one;\n\n(ii) roman two;"},
		{"7106(a)(2)", "(2) Two."},
	}
	for _, tt := range tests {
		got, ok := tx.Article(tt.num)
		if !ok || got != tt.want {
			t.Errorf("Article(%q) = %q, %v; want %q", tt.num, got, ok, tt.want)
		}
	}
	if _, ok := tx.Article("9"); ok {
		t.Error("Article(9) found in a text without it")
	}
}

func TestParseIDs(t *testing.T) {
	for _, s := range []string{"def.acts", "def.child-age-18", "prot.child-best-interests"} {
		if _, err := ParseRequirementID(s); err != nil {
			t.Errorf("ParseRequirementID(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "def", "Def.acts", "def..acts", "def.acts-"} {
		if _, err := ParseRequirementID(s); err == nil {
			t.Errorf("ParseRequirementID(%q) accepted a malformed ID", s)
		}
	}
	if _, err := ParseInstrumentID("ilo-c182"); err != nil {
		t.Error(err)
	}
	if _, err := ParseInstrumentID("ILO C182"); err == nil {
		t.Error("ParseInstrumentID accepted a malformed ID")
	}
}
