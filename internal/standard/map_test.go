package standard

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/testutil"
)

// loadEmbedded loads the repository's map from ../../mapping (the files the
// binary embeds).
func loadEmbedded(t testing.TB) *Map {
	t.Helper()
	m, err := LoadWith(os.DirFS("../../mapping"), Options{Name: "mapping"})
	if err != nil {
		t.Fatalf("the repository map does not validate:\n%v", err)
	}
	return m
}

// TestEmbeddedMap checks the shipped map: it validates (so every criterion
// compiles and every source article exists), holds every core ID, and its
// requirements cite at least 10 instruments.
func TestEmbeddedMap(t *testing.T) {
	m := loadEmbedded(t)
	for _, id := range CoreIDs {
		r := m.Requirement(id)
		if r == nil {
			t.Errorf("core requirement %q missing", id)
			continue
		}
		if !r.Core {
			t.Errorf("core requirement %q not marked Core", id)
		}
	}
	cited := map[InstrumentID]bool{}
	for _, r := range m.Requirements {
		for _, s := range r.Sources {
			cited[s.Instrument] = true
		}
		if len(r.Criteria.Elements) == 0 && r.Criteria.Check == nil {
			t.Errorf("%s has no criteria", r.ID)
		}
	}
	if len(cited) < 10 {
		t.Errorf("requirements cite %d instruments, want at least 10", len(cited))
	}
	if m.Version != "2026.11.0" {
		t.Errorf("version = %q", m.Version)
	}
	for _, c := range []string{"DEU", "ESP", "FRA"} {
		if !m.BoundBy(c, "eu-2011-36") {
			t.Errorf("%s should be bound by eu-2011-36 (EU membership)", c)
		}
	}
	for _, r := range m.Ratifications {
		if r.Instrument == "tvpa" && r.Status == StatusParty {
			t.Errorf("%s: tvpa is a benchmark and binds nobody", r.Pos)
		}
	}
}

// TestEmbeddedCriteriaCompile compiles every term and regex of the shipped
// map again, independently of Load's own checks.
func TestEmbeddedCriteriaCompile(t *testing.T) {
	m := loadEmbedded(t)
	for _, r := range m.Requirements {
		for _, e := range r.Criteria.Elements {
			for _, p := range append(append([]Pattern(nil), e.Patterns...), e.Exclude...) {
				for lang, terms := range p.Terms {
					for _, term := range terms {
						if _, reason := TermWords(term); reason != "" {
							t.Errorf("%s %s/%s term %q %s", r.ID, e.ID, lang, term, reason)
						}
					}
				}
				for lang, terms := range p.With {
					for _, term := range terms {
						if _, reason := TermWords(term); reason != "" {
							t.Errorf("%s %s/%s with-term %q %s", r.ID, e.ID, lang, term, reason)
						}
					}
				}
			}
		}
	}
}

// realdataDir finds ../shared/realdata from the repository root (the
// directory holding go.mod), or LACUNA_REALDATA.
func realdataDir(t testing.TB) string {
	return testutil.RealData(t)
}

// TestArticlesExistInTexts checks that every article the map lists, and so
// every article a requirement cites, exists in the instrument texts of the
// real-data folder. The EU directive has no text there and is skipped.
func TestArticlesExistInTexts(t *testing.T) {
	dir := filepath.Join(realdataDir(t), "instruments")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real data not found at %s: %v", dir, err)
	}
	m := loadEmbedded(t)
	texts, err := m.LoadTexts(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range m.Instruments {
		tx := texts[in.ID]
		if tx == nil {
			if in.TextFile == "" {
				t.Logf("%s: no text file in the real data (e.g. the EU directive); its articles are not checked", in.ID)
				continue
			}
			t.Errorf("%s: text file %s not found in %s", in.ID, in.TextFile, dir)
			continue
		}
		for _, a := range in.Articles {
			if _, ok := tx.Article(a.Number); !ok {
				t.Errorf("%s: article %s of %s is not in %s", a.Pos, a.Number, in.ID, in.TextFile)
			}
		}
		for _, r := range m.Requirements {
			for _, s := range r.Sources {
				if s.Instrument != in.ID {
					continue
				}
				if _, ok := tx.Article(s.Article); !ok {
					t.Errorf("%s: %s cites %s %s, which is not in %s", s.Pos, r.ID, in.ID, s.Article, in.TextFile)
				}
			}
		}
	}
}

// FuzzLoad feeds arbitrary bytes to the loader as each kind of map file.
// Invariants: no panic; a failure is an ErrorList whose every position lies
// inside the named file.
func FuzzLoad(f *testing.F) {
	base := txtarFS(f, tinyMap)
	for _, name := range []string{"requirements/def.yaml", "requirements/crim.yaml", "instruments/palermo.yaml", "ratifications.yaml", "map.yaml"} {
		f.Add(name, base[name].Data)
	}
	dirs, _ := filepath.Glob("../../testdata/badmap/*/requirements/def.yaml")
	for _, p := range dirs {
		if b, err := os.ReadFile(p); err == nil {
			f.Add("requirements/def.yaml", b)
		}
	}
	f.Add("map.yaml", []byte("a: &a [1,2]\nb: [*a,*a,*a]\n"))
	f.Add("requirements/def.yaml", []byte("- {id: [}"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		switch name {
		case "requirements/def.yaml", "requirements/crim.yaml", "instruments/palermo.yaml", "ratifications.yaml", "map.yaml":
		default:
			name = "requirements/def.yaml"
		}
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys[name] = &fstest.MapFile{Data: data}
		_, err := LoadWith(fsys, Options{Partial: true})
		if err == nil {
			return
		}
		var list ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("error is %T, want ErrorList: %v", err, err)
		}
		lines := map[string]int{}
		for k, v := range fsys {
			lines[k] = len(bytes.Split(normalizeYAML(v.Data), []byte("\n")))
		}
		for _, e := range list {
			if e.Pos.Line == 0 {
				continue
			}
			n, ok := lines[e.Pos.File]
			if !ok && !strings.HasPrefix(e.Pos.File, "requirements") {
				t.Fatalf("error in unknown file %q: %v", e.Pos.File, e)
			}
			if ok && (e.Pos.Line < 1 || e.Pos.Line > n) {
				t.Fatalf("error line %d outside %s (%d lines): %v", e.Pos.Line, e.Pos.File, n, e)
			}
		}
	})
}
