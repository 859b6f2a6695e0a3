package score

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

// The permission modals are the class permission-modal, each matched
// between spaces as written and folded (" podrá ", " podra "), so a word
// an overlay adds ("darf") makes a quote permissive too.
func TestPermissionModalFromLexicon(t *testing.T) {
	sub, err := fs.Sub(mapping.FS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	load := func(overlay fs.FS) *index.Lexicon {
		l, err := standard.LoadLexicon(sub, "lexicon", overlay, "over")
		if err != nil {
			t.Fatal(err)
		}
		return index.CompileLexicon(l)
	}
	embedded := permissionNeedles(load(nil))
	over := permissionNeedles(load(fstest.MapFS{"de.yaml": {Data: []byte("permission-modal:\n  - darf\n")}}))
	ev := func(qs ...string) []Evidence {
		var out []Evidence
		for _, q := range qs {
			out = append(out, Evidence{Quote: q})
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		needles []string
		ev      []Evidence
		want    bool
	}{
		{"may", embedded, ev("The Minister may designate a shelter."), true},
		{"peut and kann", embedded, ev("Le ministre peut désigner", "Die Behörde kann anordnen"), true},
		{"podrá as written", embedded, ev("El juez podrá ordenar"), true},
		{"podra without accent", embedded, ev("EL JUEZ PODRA ORDENAR"), true},
		{"one quote binding", embedded, ev("The Minister may designate", "The Minister shall designate"), false},
		{"inside a word", embedded, ev("The Mayor shall act"), false},
		{"no evidence", embedded, nil, false},
		{"not in the embedded lexicon", embedded, ev("Die Behörde darf anordnen"), false},
		{"overlay modal", over, ev("Die Behörde darf anordnen"), true},
	} {
		if got := permissive(tc.ev, tc.needles); got != tc.want {
			t.Errorf("%s: permissive = %v, want %v (needles %q)", tc.name, got, tc.want, tc.needles)
		}
	}
}
