package index

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/mapping"
)

// TestDefFramesMatchLegacy checks that the definition frames read from the
// lexicon find what the Go expressions they replace found (the oracle in
// defframes_legacy_test.go), segment by segment, over the demo corpus, the
// drafting gold corpora and the real-data statutes when present.
func TestDefFramesMatchLegacy(t *testing.T) {
	ix := testCorpusIndex(t)
	n := 0
	for _, s := range ix.Segments {
		if s.ix.defs.isCommaItem(s) {
			continue // read beyond the oracle (TestCommaDefinitionItems)
		}
		if _, ok := parsedTerm(s); ok {
			continue // read beyond the oracle (score's TestEmphasisDefinitionRead)
		}
		got, want := defTerms(findDefinitions(s, nil)), defTerms(legacyFindDefinitions(s, nil))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:%d: definitions %q, want %q (%.100q)", s.Statute.Path, s.Line, got, want, s.Text)
		}
		n += len(want)
	}
	t.Logf("%d segments, %d definitions", len(ix.Segments), n)
	if n < 100 {
		t.Errorf("only %d definitions over the corpora, expected the oracle to find many", n)
	}
}

func defTerms(ds []*Definition) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Term+"|"+d.ExternalLaw)
	}
	return out
}

// TestDefFramesMatchLegacyGenerated is TestDefFramesMatchLegacy over
// made-up sentences built from the frames' own words, in every order, and
// over the development statutes when present: it probes the corners
// (several frames in one text, optional words, elided articles, prefixes)
// that real text rarely reaches.
func TestDefFramesMatchLegacyGenerated(t *testing.T) {
	pieces := []string{"se entiende por", "se entienden por", "se entenderá por", "se entenderán por", "se considera",
		"se considerarán", "on entend par", "on désigne par", "la", "le", "l'", "les", "el", "los", "las", "the", "der", "die",
		"das", "trata de personas", "traite d'enfants", "exploitation", "niño, niña o adolescente", "child", "Ausbeutung",
		"est", "sont", "le fait", "constitue", "im Sinne dieses Gesetzes", "im Sinne des", "im Sinne von", "In this Act,",
		"for the purposes of this part", "the term", "the expression", "means", "includes", "include", "shall mean",
		"has the same meaning", "refers to", "is defined", "Au sens de la présente loi,", "au sens du code,", "terme de",
		"terme d'", "expression", "notion de", "comprend", "recouvre", "désigne", "s'entend", "s’entend", "A los efectos de esta ley,",
		"a el efecto de esta ley,", "término", "expresión", "comprende", "incluye", "significa", "abarca", "por", "se entiende",
		"toda", "toute", "tout", "quiconque", "aquellos", "quien", "celui", "cualquier", "un", "une", "a", "al", ",", ":", ";", ".",
		"«", "»", "\"", "“", "”", "bezeichnet", "Commission", "personne", "persona", "est considéré comme", "Est qualifié de",
		"toute personne", "tout individu", "constituent", "est constitutif de", "sont constitutives d'", "également", "notamment",
		"considérées comme", "qualifiée d'", "des", "le recrutement", "au sens des", "Est", "Sont", "Constitue", "toute personne physique",
		"toutes personnes", "aussi", "enfant", "mineur", "de", "d'", "une personne"}
	r := rand.New(rand.NewSource(10))
	var b strings.Builder
	langs := []string{"en", "fr", "de", "es"}
	for k, lang := range langs {
		fmt.Fprintf(&b, "---\nid: xg%d/act\ncountry: XG%c\ntitle: Generated\nlanguage: %s\n---\n\n# Generated\n\n", k, 'A'+k, lang)
		for i := 0; i < 1500; i++ {
			fmt.Fprintf(&b, "## %d Definitions\n\n", i+1)
			n := 2 + r.Intn(12)
			for j := 0; j < n; j++ {
				p := pieces[r.Intn(len(pieces))]
				if j == 0 && r.Intn(3) == 0 {
					rs := []rune(p)
					p = strings.ToUpper(string(rs[:1])) + string(rs[1:])
				}
				b.WriteString(p)
				if r.Intn(8) != 0 {
					b.WriteString(" ")
				}
			}
			b.WriteString("\n\n")
		}
	}
	c := &statute.Corpus{}
	for k, part := range strings.Split(b.String(), "---\nid: ")[1:] {
		st, err := statute.Parse(fmt.Sprintf("gen%d.md", k), []byte("---\nid: "+part))
		if err != nil {
			t.Fatal(err)
		}
		c.Statutes = append(c.Statutes, st)
	}
	if d, err := testutil.RealDataDir(); err == nil {
		fsys := os.DirFS(filepath.Join(d, "statutes-dev"))
		names, _ := fs.Glob(fsys, "*.md")
		for _, n := range names {
			if src, err := fs.ReadFile(fsys, n); err == nil {
				if st, err := statute.Parse(n, src); err == nil {
					c.Statutes = append(c.Statutes, st)
				}
			}
		}
	}
	ix := Build(c)
	n := 0
	for _, s := range ix.Segments {
		if s.ix.defs.isCommaItem(s) {
			continue // read beyond the oracle (TestCommaDefinitionItems)
		}
		got, want := defTerms(findDefinitions(s, nil)), defTerms(legacyFindDefinitions(s, nil))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:%d: definitions %q, want %q (%.160q)", s.Statute.Path, s.Line, got, want, s.Fold)
		}
		n += len(want)
	}
	t.Logf("%d segments, %d definitions", len(ix.Segments), n)
}

// defsOf indexes one provision of text in lang with lx (the embedded
// lexicon when nil) and returns the terms it defines.
func defsOf(t *testing.T, lx *Lexicon, lang, text string) []string {
	t.Helper()
	src := fmt.Sprintf("---\nid: xta/act\ncountry: XTA\ntitle: Act\nlanguage: %s\n---\n\n# Act\n\n### 1 Definitions\n\n%s\n", lang, text)
	st, err := statute.Parse("act.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if lx == nil {
		lx = mustDefault()
	}
	ix := BuildWith(&statute.Corpus{Statutes: []*statute.Statute{st}}, lx)
	var out []string
	for _, s := range ix.Segments {
		out = append(out, s.Defines...)
	}
	return out
}

// TestDefFramesFindTerms checks that each frame, its words read from the
// lexicon, still finds its term.
func TestDefFramesFindTerms(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"quoted means", "en", `"child" means any person under eighteen years of age.`, []string{"child"}},
		{"quoted has the same meaning", "en", `“exploitation” has the same meaning as in the Penal Code.`, []string{"exploitation"}},
		{"quoted s’entend", "fr", `« enfant » s’entend de toute personne âgée de moins de dix-huit ans.`, []string{"enfant"}},
		{"quoted bezeichnet", "de", `„Kind“ bezeichnet jede Person unter achtzehn Jahren.`, []string{"kind"}},
		{"se entiende por", "es", "Se entiende por explotación la obtención de un beneficio.", []string{"explotacion"}},
		{"se entenderán por, alternatives", "es", "Se entenderán por niña o adolescente toda persona menor de dieciocho años.",
			[]string{"nina", "adolescente", "nina o adolescente"}},
		{"se entiende por, prefix end", "es", "Se entiende por víctimas aquellas personas que sufran un daño.", []string{"victimas"}},
		{"se considera", "es", "Se considera víctima a toda persona que haya sufrido un daño.", []string{"victima"}},
		{"on entend par", "fr", "On entend par enfant toute personne âgée de moins de dix-huit ans.", []string{"enfant"}},
		{"on entend par, elided end", "fr", "On entend par exploitation l'obtention d'un avantage.", []string{"exploitation"}},
		{"est le fait de", "fr", "La traite des êtres humains est le fait de recruter une personne.", []string{"traite des etres humains"}},
		{"im Sinne dieses Gesetzes", "de", "Ausbeutung im Sinne dieses Gesetzes ist die Ausnutzung einer Person.", []string{"ausbeutung"}},
		{"in this Act the term means", "en", "In this Act, the term child means a person under eighteen.", []string{"child"}},
		{"the expression includes, with mean", "en", "The expression forced labour includes any work exacted under menace; it does not mean military service.",
			[]string{"forced labour"}},
		{"comprend", "fr", "L'exploitation comprend le travail forcé.", []string{"exploitation"}},
		{"au sens de, terme, désigne", "fr", "Au sens de la présente loi, le terme d'enfant désigne toute personne de moins de dix-huit ans.", []string{"enfant"}},
		{"a los efectos de, término, significa", "es", "A los efectos de esta ley, el término niño significa toda persona menor de dieciocho años.", []string{"nino"}},
		{"comprende", "es", "La explotación comprende el trabajo forzoso.", []string{"explotacion"}},
		{"est considéré comme", "fr", "Est également considérée comme traite des personnes le fait de recruter un enfant.", []string{"traite des personnes"}},
		{"constitue", "fr", "Constitue la traite des personnes le fait de recruter une personne.", []string{"traite des personnes"}},
		{"est constitutif de", "fr", "Est constitutif de traite d'enfants, tout acte de recrutement.", []string{"traite d enfants"}},
		{"est … au sens de", "fr", "Est enfant au sens de la présente loi toute personne âgée de moins de dix-huit ans.", []string{"enfant"}},
		{"est un … toute personne", "fr", "est un enfant toute personne âgée de moins de dix-huit ans ;", []string{"enfant"}},
		{"est qualifié de", "fr", "Est qualifiée d'exploitation la mise à disposition d'une personne.", []string{"exploitation"}},
		{"por … se entiende", "es", "Por trata de personas se entiende la captación de personas.", []string{"trata de personas"}},
		{"article alone is no term", "en", "The means referred to in subsection (1) are: force.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := defsOf(t, nil, tt.lang, tt.text)
			sort.Strings(got)
			want := append([]string(nil), tt.want...)
			sort.Strings(want)
			if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("defines %q, want %q", got, want)
			}
		})
	}
}

// TestDefFramesOverlay checks that an overlay adds a frame: a phrase of
// definition-introducer, and a definition-frame phrase with {term}.
func TestDefFramesOverlay(t *testing.T) {
	base, err := standard.EmbeddedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	sub, err := fs.Sub(mapping.FS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, overlay, lang, text string
		want                      []string
	}{
		{"introducer", "definition-introducer:\n  - on désigne par\n", "fr",
			"Aux fins de la présente loi, on désigne par travail forcé tout travail exigé sous la menace.", []string{"travail force"}},
		{"frame with {term}", "definition-frame:\n  - \"par {term} on entend\"\n", "fr",
			"Par travail forcé on entend tout travail exigé sous la menace.", []string{"travail force"}},
		// a frame is read only in a text holding a definition-verb phrase
		// (or a colon), so a new verb goes there too
		{"introducer in a language without one", "definition-introducer:\n  - the word\ndefinition-term-end:\n  - denotes\ndefinition-verb:\n  - denotes\n", "en",
			"In this Part the word trafficker denotes a person who recruits another.", []string{"trafficker"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := defsOf(t, nil, tt.lang, tt.text); len(got) != 0 {
				t.Fatalf("the embedded lexicon already defines %q", got)
			}
			over := fstest.MapFS{tt.lang + ".yaml": {Data: []byte(tt.overlay)}}
			l, err := standard.LoadLexicon(sub, "mapping/lexicon", over, "over")
			if err != nil {
				t.Fatal(err)
			}
			if l.Hash == base.Hash {
				t.Fatal("the overlay left the lexicon's hash unchanged")
			}
			lx := CompileLexicon(l)
			if err := lx.Check(); err != nil {
				t.Fatal(err)
			}
			if got := defsOf(t, lx, tt.lang, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("defines %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDefFrameErrors checks that a malformed definition-frame phrase is
// reported by Check, naming the phrase and what was expected.
func TestDefFrameErrors(t *testing.T) {
	sub, err := fs.Sub(mapping.FS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, phrase, want string }{
		{"no slot", "por se entiende", `lexicon es.yaml: phrase "por se entiende" of class "definition-frame" has no {term}, expected the words of the frame around one {term}`},
		{"two slots", "por {term} y {term} se entiende", `has a brace other than one {term}`},
		{"other brace", "por {termino} se entiende", `has a brace other than one {term}`},
		{"stray brace", "por {term} se entiende}", `has a brace other than one {term}`},
		{"nothing after", "por {term}", `has no words after {term}, expected the words that end the term`},
		{"prefix", "por {term} se entiend*", `has a *, expected whole words around {term}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			over := fstest.MapFS{"es.yaml": {Data: []byte("definition-frame:\n  - \"" + tt.phrase + "\"\n")}}
			l, err := standard.LoadLexicon(sub, "mapping/lexicon", over, "over")
			if err != nil {
				t.Fatal(err)
			}
			err = CompileLexicon(l).Check()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check() = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestInflections checks the grouping of a frame's anchor phrases.
func TestInflections(t *testing.T) {
	got := inflections([]string{"se entenderá por", "se entenderán por", "se entiende por", "se entienden por", "on entend par", "se considera", "se consideran"})
	want := [][]string{{"se entenderá por", "se entenderán por"}, {"se entiende por", "se entienden por"}, {"on entend par"}, {"se considera", "se consideran"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("inflections = %q, want %q", got, want)
	}
}

// TestAlternation checks that a longer phrase is tried before one it
// extends, as a greedy optional word is, and that no phrase never matches.
func TestAlternation(t *testing.T) {
	if got, want := alternation(foldedAlts([]string{"terme", "terme de", "terme d'", "l'", "quien*"}, true)), `(?:terme de |terme d'|terme |quien|l')`; got != want {
		t.Errorf("alternation = %s, want %s", got, want)
	}
	if regexp.MustCompile(alternation(nil)).MatchString("anything") {
		t.Error("an empty alternation matched")
	}
	if got, want := alternation(origAlts([]string{"s'entend", "désigne"})), `(?:s['’]entend|désigne)`; got != want {
		t.Errorf("alternation = %s, want %s", got, want)
	}
}
