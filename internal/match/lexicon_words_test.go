package match

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/mapping"
)

// overlayLexicon compiles the embedded lexicon with an overlay of
// <lang>.yaml files (nil: none), as --lexicon DIR does.
func overlayLexicon(t *testing.T, overlay map[string]string) *index.Lexicon {
	t.Helper()
	sub, err := fs.Sub(mapping.FS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	var ov fs.FS
	if overlay != nil {
		m := fstest.MapFS{}
		for f, body := range overlay {
			m[f] = &fstest.MapFile{Data: []byte(body)}
		}
		ov = m
	}
	l, err := standard.LoadLexicon(sub, "lexicon", ov, "over")
	if err != nil {
		t.Fatal(err)
	}
	lx := index.CompileLexicon(l)
	if err := CheckLexicon(lx); err != nil {
		t.Fatal(err)
	}
	return lx
}

// corpusWith is corpusOf with the lexicon lx.
func corpusWith(t *testing.T, lx *index.Lexicon, lang, body string) *index.Index {
	t.Helper()
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: " + lang + "\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n" + body
	st, err := statute.Parse("xta/act.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return index.BuildWith(&statute.Corpus{Statutes: []*statute.Statute{st}}, lx)
}

// hitsOf returns the hits of a keyword element with terms in ix.
func hitsOf(t *testing.T, ix *index.Index, terms ...string) []Hit {
	t.Helper()
	el, err := CompileElement(&standard.Element{ID: "e", Patterns: []standard.Pattern{{Kind: standard.CritKeyword,
		Terms: map[string][]string{"*": terms}}}})
	if err != nil {
		t.Fatal(err)
	}
	return el.Find(ix).Hits
}

// A quote's sentence runs over the full stop of an abbreviation of the
// class quote-abbreviation ("Cap. 4"), and an overlay adding one ("cl")
// makes its full stop no sentence end either.
func TestQuoteAbbreviationFromLexicon(t *testing.T) {
	body := "### 3 Trafficking\n\nA person who, under %s. 4 of the Schedule, harbours a child for exploitation commits an offence.\n"
	for _, tc := range []struct {
		name, abbrev string
		overlay      map[string]string
		wantStart    string
	}{
		{"embedded abbreviation", "Cap", nil, "A person who, under Cap. 4"},
		{"unknown abbreviation ends the sentence", "Cl", nil, "4 of the Schedule"},
		{"overlay abbreviation", "Cl", map[string]string{"en.yaml": "quote-abbreviation:\n  - cl\n"}, "A person who, under Cl. 4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := corpusWith(t, overlayLexicon(t, tc.overlay), "en", strings.Replace(body, "%s", tc.abbrev, 1))
			hs := hitsOf(t, ix, "child")
			if len(hs) != 1 {
				t.Fatalf("hits %v", hs)
			}
			if q := Quote(hs[0]); !strings.HasPrefix(q, tc.wantStart) {
				t.Errorf("quote %q, want it to start %q", q, tc.wantStart)
			}
		})
	}
}

// The attempt verbs are read from the lexicon: those of the embedded
// classes (attempt-verb, attempt-verb-direct, attempt-verb-final) still
// make an attempt of an offence, and a German verb an overlay adds to
// attempt-verb-final does too.
func TestAttemptVerbsFromLexicon(t *testing.T) {
	over := map[string]string{"de.yaml": "attempt-verb-final:\n  - unternimmt\n"}
	for _, tc := range []struct {
		name, lang, body string
		overlay          map[string]string
		want             bool
	}{
		{"attempt-verb", "en", "### 5 Attempts\n\nA person who attempts to commit an offence under this Act commits an offence.\n", nil, true},
		{"attempt-verb fr", "fr", "### Article 5\n\nQuiconque tente de commettre l'infraction prévue à l'article 4 est puni.\n", nil, true},
		{"attempt-verb-direct", "es", "### Artículo 5\n\nEl que intentare cometer el delito de trata será castigado.\n", nil, true},
		{"attempt-verb-final", "de", "### § 5 Versuch\n\nWer eine solche Tat zu begehen versucht, wird bestraft.\n", nil, true},
		{"not in the embedded lexicon", "de", "### § 5 Versuch\n\nWer den Menschenhandel zu begehen unternimmt, handelt rechtswidrig.\n", nil, false},
		{"overlay attempt-verb-final", "de", "### § 5 Versuch\n\nWer den Menschenhandel zu begehen unternimmt, handelt rechtswidrig.\n", over, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := corpusWith(t, overlayLexicon(t, tc.overlay), tc.lang, tc.body)
			hs := hitsOf(t, ix, "attempt*", "tente de", "intentare", "versucht", "unternimmt")
			if len(hs) == 0 {
				t.Fatal("no attempt word found")
			}
			got := false
			for _, h := range hs {
				got = got || AttemptOfOffence(h)
			}
			if got != tc.want {
				t.Errorf("attempt of an offence = %v, want %v", got, tc.want)
			}
		})
	}
}

// "traite" is trafficking after a determiner of traite-determiner ("la
// traite") and a treaty or a participle otherwise; the classes come from
// the lexicon, so an overlay adding "leur" makes "contre leur traite"
// trafficking.
func TestTraiteDeterminerFromLexicon(t *testing.T) {
	over := map[string]string{"fr.yaml": "traite-determiner:\n  - leur\n"}
	for _, tc := range []struct {
		name, text string
		overlay    map[string]string
		want       bool
	}{
		{"embedded determiner", "la lutte contre la traite", nil, true},
		{"treaty", "conformément au traité international", nil, false},
		{"no determiner", "la lutte contre leur traite", nil, false},
		{"overlay determiner", "la lutte contre leur traite", over, true},
		{"other traffic word", "le trafic de stupéfiants", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cu := newCues(overlayLexicon(t, tc.overlay))
			if got := traffickIn(cu, foldToks(tc.text)); got != tc.want {
				t.Errorf("traffickIn(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// The list classes keep the way the Go code matched them: age-condition-cue
// " if " only between spaces, "cuando" also inside a word; the
// substring classes folded.
func TestListClassesFromLexicon(t *testing.T) {
	cu := newCues(overlayLexicon(t, map[string]string{"fr.yaml": "age-condition-cue:\n  - \" lorsque \"\nperiod-word:\n  - durée\n"}))
	for _, tc := range []struct {
		name string
		list []string
		text string
		want bool
	}{
		{"if as a word", cu.ageCond, "a person who if under", true},
		{"if inside a word", cu.ageCond, "a person who is iffy under", false},
		{"if at the start", cu.ageCond, "if a person under", false},
		{"cuando inside a word", cu.ageCond, "cuandoquiera", true},
		{"overlay condition", cu.ageCond, "la personne lorsque elle", true},
		{"person", cu.personWord, "toute personne", true},
		{"persona", cu.personWord, "toda persona", true},
		{"age person", cu.agePerson, "un menor de", true},
		{"period", cu.periodWord, "un delai de trente jours", true},
		{"overlay period, folded", cu.periodWord, "une duree de trente jours", true},
		{"no period", cu.periodWord, "trente jours", false},
	} {
		if got := holdsAny(tc.text, tc.list); got != tc.want {
			t.Errorf("%s: holdsAny(%q, %q) = %v, want %v", tc.name, tc.text, tc.list, got, tc.want)
		}
	}
	if !hasPrefixAny("exploitation", cu.exploitDef) || hasPrefixAny("sexual exploitation", cu.exploitDef) {
		t.Errorf("exploitation-defined-term %q: want a prefix of exploitation only", cu.exploitDef)
	}
	for _, w := range []string{"or", "ou", "oder", "o"} {
		if !cu.AltWords[w] {
			t.Errorf("alternative-word lacks %q", w)
		}
	}
}

// A phrase of several words in a class the checks match against one token
// is refused when the engine compiles the lexicon, naming the file.
func TestOneWordClassesRejectPhrases(t *testing.T) {
	sub, err := fs.Sub(mapping.FS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	l, err := standard.LoadLexicon(sub, "lexicon", fstest.MapFS{"en.yaml": {Data: []byte("attempt-verb:\n  - tries to\n")}}, "over")
	if err != nil {
		t.Fatal(err)
	}
	err = CheckLexicon(index.CompileLexicon(l))
	want := `lexicon en.yaml: phrase "tries to" of class "attempt-verb" is not one word, expected one word (a "*" may end it)`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error = %v, want %q", err, want)
	}
}
