package standard

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/mapping"
)

// FuzzLoadTitles feeds arbitrary YAML as a map's translation file
// (lang/<lang>.yaml beside a --mapping). Invariants: no panic; an error is
// a positioned ErrorList whose lines lie inside the file; a file that
// loads strictly leaves nothing missing, and every text it holds is
// non-empty.
func FuzzLoadTitles(f *testing.F) {
	m, err := Load(mapping.FS)
	if err != nil {
		f.Fatal(err)
	}
	fr, err := mapping.FS.ReadFile("lang/fr.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		string(fr), string(fr[:len(fr)/2]), "", "translation: official\n", "requirements: [\n",
		"translation: unofficial\nrequirements:\n  def.acts:\n    title: T\n    elements:\n      recruitment: r\n      x: y\n",
		"articles:\n  palermo:\n    \"3(a)\": A\n    \"3(a)\": B\n", "requirements:\n  def.acts: |\n    x\n", "- a\n- b\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src string, lenient bool) {
		fsys := fstest.MapFS{"lang/fr.yaml": {Data: []byte(src)}}
		ti, err := LoadTitles(fsys, "map", "fr", m, lenient)
		lines := strings.Count(src, "\n") + 1
		if err != nil {
			var el ErrorList
			if !errors.As(err, &el) {
				t.Fatalf("error %v is not an ErrorList", err)
			}
			for _, e := range el {
				if e.Pos.File != "map/lang/fr.yaml" || e.Pos.Line < 1 || e.Pos.Line > lines {
					t.Fatalf("error %q positioned outside the file (%d lines)", e, lines)
				}
			}
			return
		}
		if !lenient && len(ti.Missing) > 0 {
			t.Fatalf("strict load left %v missing", ti.Missing)
		}
		for id, tx := range ti.Texts {
			for _, s := range []string{tx.Title, tx.Statement, tx.Recommendation, tx.ModelProvision} {
				if s != "" && strings.TrimSpace(s) == "" {
					t.Fatalf("%s: blank text kept", id)
				}
			}
		}
	})
}
