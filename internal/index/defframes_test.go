package index

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
)

// TestDefFramesMatchLegacy checks that the definition frames read from the
// lexicon find what the Go expressions they replace found (the oracle in
// defframes_legacy_test.go), segment by segment, over the demo corpus, the
// drafting gold corpora and the real-data statutes when present.
func TestDefFramesMatchLegacy(t *testing.T) {
	ix := testCorpusIndex(t)
	n := 0
	for _, s := range ix.Segments {
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
		"toute personne", "tout individu"}
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
		got, want := defTerms(findDefinitions(s, nil)), defTerms(legacyFindDefinitions(s, nil))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:%d: definitions %q, want %q (%.160q)", s.Statute.Path, s.Line, got, want, s.Fold)
		}
		n += len(want)
	}
	t.Logf("%d segments, %d definitions", len(ix.Segments), n)
}
