package index

import (
	"io/fs"
	"math/rand"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestAnchoredAllOnePass compares AnchoredAll with the per-start-word scan
// it replaced, on made-up sentences, every line of the demo corpus and,
// when present, of the real-data statutes, folded; with the start words of
// findRefs, the lexicon's age limits, and start words that force the scan
// (overlapping, not starting a word).
func TestAnchoredAllOnePass(t *testing.T) {
	lines := []string{
		"under section 3 and s. 4 and ss. 5-6", "subsection (2) or sub-section (3) of subsections (4)",
		"article 12 and art 13, artículo 14 bis", "de la de la de 18 años", "not yet attained the age of 18 years",
		"co-section 3", "xde la de la de 18 años", "de de la de la de 7", "under under the age of 18", "s.s. 4", "aa aa aa", "", "a", "section",
	}
	collect := func(fsys fs.FS) {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return nil
			}
			b, err := fs.ReadFile(fsys, p)
			if err == nil {
				for _, l := range strings.Split(string(b), "\n") {
					lines = append(lines, FoldString(l))
				}
			}
			return nil
		})
	}
	collect(corpus.FS)
	if dir := realStatutes(); dir != "" {
		collect(os.DirFS(dir))
	}
	var age []string
	for _, p := range mustDefault().Source().Union("age-below") {
		age = append(age, strings.Join(Words(p), " "))
	}
	ageRe := regexp.MustCompile(`^(?:` + strings.Join(quoteAll(age), "|") + `)(?: the)?(?: age(?: of)?)? ([a-z0-9-]+)`)
	cases := []struct {
		re     *regexp.Regexp
		starts []string
	}{
		{refSectionA, []string{"section", "s.", "ss."}},
		{refSubsectionA, []string{"subsection", "sub-section", "subsections"}},
		{mustDefault().lawGrammar().refArticleA, []string{"art"}},
		{mustDefault().lawGrammar().refArticleParen, []string{"art"}},
		{ageRe, age},
		{regexp.MustCompile(`^(?:de la )+de (\d+)`), []string{"de la de"}},                 // overlaps itself: scan
		{regexp.MustCompile(`^ ?aa`), []string{" aa"}},                                     // not a word byte first: scan
		{regexp.MustCompile(`^(?:aa)?`), []string{"aa", "a"}},                              // empty matches
		{regexp.MustCompile(`section (\d+)`), []string{"s"}},                               // not anchored: scan
		{regexp.MustCompile(`^(?:under|under the) (\w+)`), []string{"under", "under the"}}, // two starts at one place
	}
	for _, c := range cases {
		for _, l := range lines {
			if got, want := AnchoredAll(c.re, l, c.starts), anchoredAllScan(c.re, l, c.starts); !reflect.DeepEqual(got, want) {
				t.Errorf("AnchoredAll(%s, %.80q) = %v, want %v", c.re, l, got, want)
			}
		}
	}
}

func quoteAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = regexp.QuoteMeta(w)
	}
	return out
}

// TestMayContainSound checks that MayContain never rules out a segment
// whose folded text holds a literal: the literals of findRefs and
// findDefinitions, and pieces cut from the texts themselves, over the demo
// corpus, the real-data statutes when present, and co- words (one token
// for two runs of the text).
func TestMayContainSound(t *testing.T) {
	ix := testCorpusIndex(t)
	fixed := [][]string{{"section", "subsection", "sub-section", "subsections"}, {"abs.", "absatz"}, {"§"}, {"art"},
		{"operation"}, {"co-op"}, {"au sens", "im sinne"}, {"s 4"}, {" s."}, {":"}, {"act", "code"}}
	r := rand.New(rand.NewSource(2))
	for _, s := range ix.Segments {
		sets := fixed
		for k := 0; k < 4 && len(s.Fold) > 0; k++ {
			i := r.Intn(len(s.Fold))
			j := min(len(s.Fold), i+1+r.Intn(12))
			sets = append(sets, []string{s.Fold[i:j]})
		}
		for _, lits := range sets {
			l := NewLiterals(lits...)
			holds := false
			for _, x := range lits {
				holds = holds || strings.Contains(s.Fold, x)
			}
			if holds && !ix.MayContain(l, s) {
				t.Errorf("MayContain(%q) false for %.80q", lits, s.Fold)
			}
			if holds && !l.inSegment(s) {
				t.Errorf("MayContain(%q) false for %.80q, segment of no index", lits, s.Fold)
			}
		}
	}
}

// TestExtLawCues compares extLawCues with extLawCue over the whole text.
func TestExtLawCues(t *testing.T) {
	ix := testCorpusIndex(t)
	for _, s := range ix.Segments {
		got, want := extLawCues(s, true), extLawCue.FindAllStringIndex(s.Text, -1)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("extLawCues(%.80q) = %v, want %v", s.Text, got, want)
		}
	}
}

// testCorpusIndex indexes the demo corpus, the real-data statutes when
// present, and made-up text with co- words, cue words in upper case and
// accents, and a long s.
func testCorpusIndex(t *testing.T) *Index {
	t.Helper()
	c := &statute.Corpus{}
	add := func(fsys fs.FS) {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.HasSuffix(p, "README.md") || strings.HasSuffix(p, "FORMAT.md") || strings.HasSuffix(p, "SOURCES.md") {
				return nil
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return nil
			}
			if st, err := statute.Parse(p, b); err == nil {
				c.Statutes = append(c.Statutes, st)
			}
			return nil
		})
	}
	add(corpus.FS)
	add(os.DirFS("../../testdata/gold/drafting"))
	if dir := realStatutes(); dir != "" {
		add(os.DirFS(dir))
	}
	st, err := statute.Parse("xta/co.md", []byte("---\nid: xta/co\ncountry: XTA\ntitle: Co Act\nlanguage: en\n---\n\n# Co Act\n\n## 1 Co-operation\n\n"+
		"The co-operation of co-section 3 and s. 4, § 5, au sens de la loi; im Sinne des Gesetzes (Abs. 2).\n\n"+
		"## 2 Cues\n\nA word HAVE THE SAME MEANING ASSIGNED TO IT IN the Children Act; whas the meaning in x; "+
		"en los Términos de la Ley; SEGÚN EL Código; meaning meaning defined in   the Act; conforme al  Código; "+
		"de acuerdo con la ley; as construed by the court; tal como se definen en la ley; la definida como tal en el artículo 2; "+
		"telle que DÉFINIE À l'article 3; définies par la loi; undefined in x.\n\nim ſinne des Gesetzes; im Sinne des Gesetzes\n"))
	if err != nil {
		t.Fatal(err)
	}
	c.Statutes = append(c.Statutes, st)
	return Build(c)
}
