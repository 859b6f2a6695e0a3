package penalty

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

// overlaid compiles the embedded lexicon with an overlay of <lang>.yaml
// files.
func overlaid(t *testing.T, files map[string]string) *Lexicon {
	t.Helper()
	base, err := fs.Sub(mapping.FS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	over := fstest.MapFS{}
	for name, body := range files {
		over[name] = &fstest.MapFile{Data: []byte(body)}
	}
	l, err := standard.LoadLexicon(base, "mapping/lexicon", over, "over")
	if err != nil {
		t.Fatal(err)
	}
	lx, err := NewLexicon(l)
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

// TestLexiconOverlay: what a lawyer adds with --lexicon changes what the
// parser reads, class by class, without a rebuild.
func TestLexiconOverlay(t *testing.T) {
	tests := []struct {
		name, lang, text, overlay string
		check                     func([]Penalty) bool
	}{
		{"custodial phrase", "en", "The offender shall be punished by deprivation of liberty for a term of five to ten years.",
			"custodial-penalty:\n  - deprivation of liberty\n",
			func(ps []Penalty) bool {
				return len(ps) == 1 && ps[0].MinMonths != nil && *ps[0].MinMonths == 60 && *ps[0].MaxMonths == 120
			}},
		{"repeat conviction", "en", "A habitual offender is liable to imprisonment for twenty years.",
			"repeat-conviction:\n  - habitual offender\n",
			func(ps []Penalty) bool { return len(ps) == 1 && ps[0].Variant == VariantSubsequent }},
		{"currency code", "en", "is liable to a fine of 5,000 ZMW or imprisonment for two years",
			"currency-code:\n  - zmw\n",
			func(ps []Penalty) bool { return len(ps) == 1 && ps[0].Currency != nil && *ps[0].Currency == "ZMW" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.check(MustDefault().Parse(tt.text, tt.lang)) {
				t.Fatalf("the embedded lexicon already reads %q", tt.text)
			}
			got := overlaid(t, map[string]string{tt.lang + ".yaml": tt.overlay}).Parse(tt.text, tt.lang)
			if !tt.check(got) {
				t.Errorf("with the overlay, Parse(%q) = %+v", tt.text, got)
			}
		})
	}
}

// TestLexiconMissingClass: a lexicon without a class the parser reads is
// refused with the class named, not read as empty.
func TestLexiconMissingClass(t *testing.T) {
	fsys := fstest.MapFS{
		"classes.yaml": {Data: []byte("sanction-glue:\n  doc: \"glue\"\n  words: true\n")},
		"en.yaml":      {Data: []byte("sanction-glue:\n  - of\n")},
	}
	l, err := standard.LoadLexicon(fsys, "lex", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewLexicon(l)
	if err == nil || !strings.Contains(err.Error(), "custodial-penalty") || !strings.Contains(err.Error(), "lex/classes.yaml") {
		t.Fatalf("NewLexicon = %v, want an error naming custodial-penalty and lex/classes.yaml", err)
	}
}

// TestNumberWordsPerLanguage: number words are read in the provision's
// language; a language without a lexicon reads those of every language.
func TestNumberWordsPerLanguage(t *testing.T) {
	lx := MustDefault()
	for _, c := range []struct {
		word, lang string
		want       int
		ok         bool
	}{
		{"vingt", "fr", 20, true},
		{"vingt", "en", 0, false},
		{"vingt", "pt", 20, true},
		{"fünfundzwanzig", "de", 25, true},
		{"fünfundzwanzig", "en", 0, false},
		{"fünfundzwanzig", "pt", 25, true},
	} {
		if got, ok := lx.ParseNumber(c.word, c.lang); got != c.want || ok != c.ok {
			t.Errorf("ParseNumber(%q, %q) = %d, %v, want %d, %v", c.word, c.lang, got, ok, c.want, c.ok)
		}
	}
}
