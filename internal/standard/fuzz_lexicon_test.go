package standard

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoadLexicon feeds arbitrary YAML as a language file and as an
// overlay of the tiny lexicon. Invariants: no panic; a result or an
// ErrorList, never both nil; every error is positioned inside its file.
func FuzzLoadLexicon(f *testing.F) {
	for _, s := range []string{"child: [kid]\n", "fear:\n  - fear\n  - dread*\n", "child: {a: b}\n", "x: [y]\n",
		"child: [\"a*b\"]\n", "child: &a [x]\nfear: *a\n", ": : [\n", "", "child:\n  - \"\"\n", "- a\n- b\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		base := txtarFS(t, tinyLexicon)
		base["de.yaml"] = &fstest.MapFile{Data: []byte(src)}
		over := fstest.MapFS{"es.yaml": &fstest.MapFile{Data: []byte(src)}}
		lx, err := LoadLexicon(base, "lex", over, "over")
		if lx == nil && err == nil {
			t.Fatal("nil lexicon and nil error")
		}
		if err == nil {
			return
		}
		var el ErrorList
		if !errors.As(err, &el) {
			t.Fatalf("error %T is not an ErrorList", err)
		}
		// a lone CR ends a line too (YAML 1.2 line breaks)
		lines := strings.Count(strings.ReplaceAll(src, "\r\n", "\n"), "\r") + strings.Count(src, "\n") + 1
		for _, e := range el {
			if e.Pos.Line > lines || e.Pos.File == "" {
				t.Fatalf("error outside its file: %v (%d lines)", e, lines)
			}
		}
	})
}
