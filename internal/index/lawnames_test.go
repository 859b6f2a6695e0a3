package index

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestLawGrammarMatchesLegacy checks that the law-name words read from the
// lexicon (relative-pronoun, law-name-glue, law-compound, self-reference,
// internal-provision-opening, other-law-link, repeal-marker) decide as the
// Go lists they replace did, on every segment of the corpora, on pieces cut
// from them at word starts, and on made-up openings.
func TestLawGrammarMatchesLegacy(t *testing.T) {
	ix := testCorpusIndex(t)
	lg := ix.laws
	texts := []string{"this Act", "The present Code", "la présente loi", "présent code", "Dieses Gesetzes", "dieser Verordnung",
		"esta ley", "el presente Código", "said Act", "such law", "section 3 of the Penal Code", "section 3", "s 4", "§ 5",
		"artículo 5 de la Ley", "article 5", "Part IV", "según el cual", "Que", "lequel", "Strafgesetzbuches verletzt worden ist",
		"Gesetz über den Aufenthalt der Ausländer", "Aufenthaltsgesetz für", "Strafprozessordnung, soweit", "[Repealed]",
		"(weggefallen)", "Abrogé.", "Derogada", "repealed by Act 3", "- Aufgehoben -", ""}
	r := rand.New(rand.NewSource(3))
	for _, s := range ix.Segments {
		texts = append(texts, s.Text)
		for k := 0; k < 3; k++ {
			at := r.Intn(len(s.Text))
			if i := strings.IndexByte(s.Text[at:], ' '); i >= 0 {
				texts = append(texts, s.Text[at+i+1:])
			}
		}
	}
	made, err := statute.Parse("xtz.md", []byte("---\nid: xtz/act\ncountry: XTZ\ntitle: Act\nlanguage: en\n---\n\n# Act\n\n## 1 A\n\n"+
		"Under the preceding subsection and the previous subsections; el apartado anterior, los apartados anteriores; l'alinéa précédent, "+
		"l’alinéa précédente; der vorstehende Absatz, im vorstehenden Absatz; the preceding section, previous sections; el artículo anterior; "+
		"l'article précédent; vorstehenden Paragraphen, der vorstehende Paragraph, im vorstehenden Artikel; unprevious section.\n"))
	if err != nil {
		t.Fatal(err)
	}
	madeSegs := Build(&statute.Corpus{Statutes: []*statute.Statute{made}}).Segments
	if n, k := len(lg.prevSub.findAll(madeSegs[0])), len(lg.prevSec.findAll(madeSegs[0])); n != 7 || k != 7 {
		t.Errorf("made-up text: %d previous subsections, %d previous sections, want 7 and 7", n, k)
	}
	segs := append(append([]*Segment(nil), ix.Segments...), madeSegs...)
	made2, err := statute.Parse("xty.md", []byte("---\nid: xty/act\ncountry: XTY\ntitle: Act\nlanguage: fr\n---\n\n# Act\n\n## 1 A\n\n"+
		"articles 433quinquies à 433octies, 188 bis, 188ter, 303 terdecies 4, 12 quaterdecies et 13 quater ou 14 novies, 15 nonies y 16 decies "+
		"e 17 undecies o 18 duodecies; art. 5 bis al 9; arts. 3, 4 und 7 bis 9 to 10 or 11 and 12 a 13; artículos 188A, 188C y 218 sexies septies octies.\n"))
	if err != nil {
		t.Fatal(err)
	}
	segs = append(segs, Build(&statute.Corpus{Statutes: []*statute.Statute{made2}}).Segments...)
	joins := []string{" bis ", " to ", "a", " à ", "al ", " y ", "et", " and", "", " through "}
	for _, s := range segs {
		f := s.Fold
		for i := 0; i < len(f); i++ {
			if i > 0 && isWordByte(f[i-1]) && (f[i] != ' ' && f[i] != ',') {
				continue
			}
			if got, want := lg.refArticleA.FindStringSubmatchIndex(f[i:]), legacyRefArticleA.FindStringSubmatchIndex(f[i:]); !reflect.DeepEqual(got, want) {
				t.Errorf("article at %.60q: %v, want %v", f[i:], got, want)
			}
			if got, want := lg.refListNext.FindStringSubmatchIndex(f[i:]), legacyRefListNext.FindStringSubmatchIndex(f[i:]); !reflect.DeepEqual(got, want) {
				t.Errorf("next number at %.60q: %v, want %v", f[i:], got, want)
			}
		}
	}
	for _, j := range joins {
		if got, want := lg.rangeWord(j), legacyRangeWord(j); got != want {
			t.Errorf("rangeWord(%q) = %t, want %t", j, got, want)
		}
	}
	for _, s := range segs {
		if got, want := lg.prevSub.findAll(s), legacyRefPrevious.FindAllStringIndex(s.Fold, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("previous subsection in %.60q: %v, want %v", s.Fold, got, want)
		}
		if got, want := lg.prevSec.findAll(s), legacyRefPrevArticle.FindAllStringIndex(s.Fold, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("previous section in %.60q: %v, want %v", s.Fold, got, want)
		}
	}
	texts = append(texts, "the Children Act (Cap. 141)", "Sexual Offences Act 2006", "Prevention of Trafficking in Persons Act",
		"the Penal Code and the Criminal Procedure Code", "Act No. 3", "Decree No 12", "Ordinance (No. 4/2001) of", "Acts of the Union Codex")
	for _, x := range texts {
		if got, want := lg.namedAct.FindAllStringIndex(x, -1), legacyNamedAct.FindAllStringIndex(x, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("law titles in %.60q: %v, want %v", x, got, want)
		}
		if got, want := selfRef(x, lg), legacySelfRef(x); got != want {
			t.Errorf("selfRef(%.60q) = %t, want %t", x, got, want)
		}
		if got, want := internalName(x, nil, lg), legacyInternalName(x); got != want {
			t.Errorf("internalName(%.60q) = %t, want %t", x, got, want)
		}
		if got, want := lg.relPronoun.MatchString(x), legacyRelativePronoun.MatchString(x); got != want {
			t.Errorf("relative pronoun in %.60q = %t, want %t", x, got, want)
		}
		if got, want := cutAfterCompound(x, lg), legacyCutAfterCompound(x); got != want {
			t.Errorf("cutAfterCompound(%.60q) = %q, want %q", x, got, want)
		}
		f := FoldString(x)
		if got, want := isRepealed(&statute.Provision{}, f, lg), legacyIsRepealed(f); got != want {
			t.Errorf("isRepealed(%.60q) = %t, want %t", f, got, want)
		}
	}
}
