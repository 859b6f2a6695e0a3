package standard

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/mapping"
)

const tinyLexicon = `
-- classes.yaml --
child:
  doc: words naming a child
  required: true
fear:
  doc: words naming fear
-- en.yaml --
child:
  - child
  - minor*
fear: [fear]
-- fr.yaml --
child: [enfant]
`

func TestLoadLexicon(t *testing.T) {
	lx, err := LoadLexicon(txtarFS(t, tinyLexicon), "lex", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lx.Languages(), ","); got != "en,fr" {
		t.Errorf("Languages = %s, want en,fr", got)
	}
	if got := strings.Join(lx.Union("child"), ","); got != "child,minor*,enfant" {
		t.Errorf("Union(child) = %s", got)
	}
	if lx.HasLanguage("de") || !lx.HasLanguage("fr") {
		t.Errorf("HasLanguage wrong")
	}
	// an overlay adds phrases (and may add a language with every
	// required class); the hash changes with it
	over := txtarFS(t, "-- en.yaml --\nfear: [afraid]\n-- de.yaml --\nchild: [kind]\n")
	lx2, err := LoadLexicon(txtarFS(t, tinyLexicon), "lex", over, "over")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lx2.Phrases("en", "fear"), ","); got != "fear,afraid" {
		t.Errorf("overlaid fear = %s, want fear,afraid", got)
	}
	if !lx2.HasLanguage("de") {
		t.Errorf("overlay language de missing")
	}
	if lx2.Hash == lx.Hash || len(lx.Hash) != 64 {
		t.Errorf("hash did not change with the overlay: %s", lx.Hash)
	}
	again, _ := LoadLexicon(txtarFS(t, tinyLexicon), "lex", nil, "")
	if again.Hash != lx.Hash {
		t.Errorf("hash is not deterministic")
	}
}

func TestBadLexicons(t *testing.T) {
	cases := []struct {
		name, base, overlay string
		want                []string
	}{
		{"unknown class", tinyLexicon + "-- de.yaml --\nchild: [kind]\nfaer: [angst]\n", "",
			[]string{`lex/de.yaml:2:1: unknown class "faer" (did you mean "fear"?), expected one of child, fear (declared in classes.yaml)`}},
		{"required class missing", tinyLexicon + "-- es.yaml --\nfear: [miedo]\n", "",
			[]string{`lex/es.yaml: language "es" has no phrases for the required classes child, expected at least one phrase for each`}},
		{"duplicate phrase", tinyLexicon + "-- de.yaml --\nchild:\n  - Kind\n  - kind\n", "",
			[]string{`lex/de.yaml:3:5: phrase "kind" of class "child" is given twice for "de" (first at lex/de.yaml:2:5)`}},
		{"bad phrase", tinyLexicon + "-- de.yaml --\nchild: [\"ki*nd\"]\n", "",
			[]string{`lex/de.yaml:1:9: phrase "ki*nd" of class "child" has * inside a word`}},
		{"not a list of strings", tinyLexicon + "-- de.yaml --\nchild: {a: b}\n", "",
			[]string{`lex/de.yaml:1:9: class "child" is a mapping, expected a list of strings`}},
		{"stray file", tinyLexicon + "-- german.yaml --\nchild: [kind]\n", "",
			[]string{`lex/german.yaml: unknown lexicon file "german.yaml"`}},
		{"class without doc", "-- classes.yaml --\nchild: {required: true}\n-- en.yaml --\nchild: [child]\n", "",
			[]string{`lex/classes.yaml:1:1: class "child" has no doc`}},
		{"overlay repeats a phrase", tinyLexicon, "-- en.yaml --\nchild: [Child]\n",
			[]string{`over/en.yaml:1:9: phrase "Child" of class "child" is given twice for "en" (first at lex/en.yaml:2:5)`}},
		{"overlay catalogue", tinyLexicon, "-- classes.yaml --\nx: {doc: y}\n",
			[]string{`over/classes.yaml: unknown lexicon overlay file "classes.yaml"`}},
		{"overlay new language incomplete", tinyLexicon, "-- pt.yaml --\nfear: [medo]\n",
			[]string{`over/pt.yaml: language "pt" has no phrases for the required classes child`}},
		{"overlay bad yaml", tinyLexicon, "-- en.yaml --\nchild: [a\n",
			[]string{`over/en.yaml:`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var over fs.FS
			if tc.overlay != "" {
				over = txtarFS(t, tc.overlay)
			}
			_, err := LoadLexicon(txtarFS(t, tc.base), "lex", over, "over")
			if err == nil {
				t.Fatal("no error")
			}
			var el ErrorList
			if !errors.As(err, &el) {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%s\ndoes not contain\n%s", err, w)
				}
			}
		})
	}
}

// The embedded lexicon is valid, has the four languages, and feeds the
// map's hash field.
func TestEmbeddedLexicon(t *testing.T) {
	m, err := Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	if m.Lexicon == nil || m.LexiconHash != m.Lexicon.Hash {
		t.Fatal("the embedded map has no lexicon or its hash is not on the map")
	}
	if got := strings.Join(m.Lexicon.Languages(), ","); got != "en,fr,de,es" {
		t.Errorf("languages = %s, want en,fr,de,es", got)
	}
	// the hash of the map (cache keys) is taken over its JSON
	js, err := json.Marshal(m)
	if err != nil || !strings.Contains(string(js), `"lexicon_hash":"`+m.Lexicon.Hash+`"`) {
		t.Errorf("the map's JSON does not carry the lexicon hash (%v)", err)
	}
	for _, c := range m.Lexicon.Classes {
		if c.Doc == "" || len(m.Lexicon.Union(c.Name)) == 0 {
			t.Errorf("class %s has no doc or no phrase", c.Name)
		}
	}
}

// A class declared words: true takes single words only.
func TestLexiconWordsClass(t *testing.T) {
	base := "-- classes.yaml --\nneg:\n  doc: negation words\n  words: true\n-- en.yaml --\nneg: [not, \"no*\", not at all]\n"
	_, err := LoadLexicon(txtarFS(t, base), "lex", nil, "")
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{`lex/en.yaml:1:12: phrase "no*" of class "neg" is not a single word`, `lex/en.yaml:1:19: phrase "not at all" of class "neg" is not a single word`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error\n%s\ndoes not contain\n%s", err, w)
		}
	}
}
