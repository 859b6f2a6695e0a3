package match

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

// A lexicon that lacks a class the checks read (an older lexicon/ in a
// --mapping directory) is refused when the engine compiles, naming the
// classes and the catalogue.
func TestCheckLexiconNamesMissingClasses(t *testing.T) {
	sub, err := fs.Sub(mapping.FS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	drop := regexp.MustCompile(`(?m)^(victim|recidivism):\n(?:(?:  .*)?\n)*`)
	m := fstest.MapFS{}
	files, _ := fs.Glob(sub, "*.yaml")
	for _, f := range files {
		b, _ := fs.ReadFile(sub, f)
		m[f] = &fstest.MapFile{Data: drop.ReplaceAll(b, nil)}
	}
	l, err := standard.LoadLexicon(m, "old/lexicon", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	err = CheckLexicon(index.CompileLexicon(l))
	if err == nil || !strings.Contains(err.Error(), "old/lexicon/classes.yaml: the lexicon has no class victim, recidivism,") {
		t.Fatalf("error = %v", err)
	}
	def, err := index.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckLexicon(def); err != nil {
		t.Fatalf("embedded lexicon: %v", err)
	}
}
