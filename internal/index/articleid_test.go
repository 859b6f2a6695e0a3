package index

import (
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestArticleIDLetterSuffix: "section 98c" and "section 98aa" find the
// sections numbered 98C and 98AA, however short the number.
func TestArticleIDLetterSuffix(t *testing.T) {
	st, err := statute.Parse("xta/act.md", []byte("---\nid: xta/act\ncountry: XTA\ntitle: Act\nlanguage: en\n---\n\n# Act\n\n### 7A Jurisdiction\n\nText.\n\n### 98C Smuggling\n\nText.\n\n### 98AA Dealing\n\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"s7a": "s7A", "s98c": "s98C", "s98aa": "s98AA", "s99": "s99"} {
		if got := articleID(st, in); got != want {
			t.Errorf("articleID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSectionRefTwoLetterSuffix: "an offence under section 329AA" refers to
// the section numbered 329AA (the reference read two letters, not one).
func TestSectionRefTwoLetterSuffix(t *testing.T) {
	st, err := statute.Parse("xta/act.md", []byte("---\nid: xta/act\ncountry: XTA\ntitle: Act\nlanguage: en\n---\n\n# Act\n\n"+
		"### 329A Interpretation\n\nText.\n\n### 329AA Trafficking in persons\n\nText.\n\n### 329AM Bodies corporate\n\nA body corporate that commits an offence under section 329AA is liable to a fine.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	for _, s := range ix.Segments {
		if s.Prov.ID != "s329AM" {
			continue
		}
		if len(s.Refs) == 0 || s.Refs[0].Target == nil || s.Refs[0].Target.ID != "s329AA" {
			t.Fatalf("refs of s329AM: %+v, want s329AA", s.Refs)
		}
		return
	}
	t.Fatal("no segment for s329AM")
}

// TestArticleRefToBareNumberedSection: a code headed "248A. Traffic in
// persons" (bare numbers, read as sections) cites its own articles as
// "article 248A": the reference finds s248A, the letter upper-cased.
func TestArticleRefToBareNumberedSection(t *testing.T) {
	st, err := statute.Parse("xta/code.md", []byte("---\nid: xta/code\ncountry: XTA\ntitle: Code\nlanguage: en\n---\n\n# Code\n\n"+
		"#### 248A. Traffic in persons\n\nText.\n\n#### 248C. Aggravating circumstances\n\nThe punishment for the offences mentioned in article 248A shall be imprisonment from six to twenty years.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := articleID(st, "art248a"); got != "s248A" {
		t.Errorf("articleID(art248a) = %q, want s248A", got)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	for _, s := range ix.Segments {
		if s.Prov.ID == "s248C" {
			if len(s.Refs) == 0 || s.Refs[0].Target == nil || s.Refs[0].Target.ID != "s248A" {
				t.Fatalf("refs of s248C: %+v, want s248A", s.Refs)
			}
			return
		}
	}
	t.Fatal("no segment for s248C")
}

// TestArticleListOfANamedLaw: "los artículos 125 bis, 127 y 145 ter del
// Código Penal": the law named after the list is every article's, not only
// the last one's, even where the statute has an article of the same number.
func TestArticleListOfANamedLaw(t *testing.T) {
	st, err := statute.Parse("xta/ley.md", []byte("---\nid: xta/ley\ncountry: XTA\ntitle: Ley\nlanguage: es\n---\n\n# Ley\n\n"+
		"### Artículo 127\n\nTexto.\n\n### Artículo 12\n\nLos delitos cometidos contra ellos serán reprimidos conforme a lo dispuesto en los artículos 125 bis, 127 y 145 ter del Código Penal.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	for _, s := range ix.Segments {
		if s.Prov.ID != "art12" {
			continue
		}
		if len(s.Refs) != 3 {
			t.Fatalf("refs %+v, want 3", s.Refs)
		}
		for _, r := range s.Refs {
			if r.Target != nil || OutsideLaw(r, st) != "Código Penal" {
				t.Errorf("ref %q: target %v, law %q, want the Código Penal's", r.Text, r.Target, r.Law)
			}
		}
		return
	}
	t.Fatal("no segment for art12")
}

// TestArticleRefBracketed: "the offence provided in Article (160)", as
// translations of Arabic-tradition codes write it, refers to the article
// headed "Article (160)".
func TestArticleRefBracketed(t *testing.T) {
	st, err := statute.Parse("xta/act.md", []byte("---\nid: xta/act\ncountry: XTA\ntitle: Law\nlanguage: en\n---\n\n# Law\n\n"+
		"### Article (160)\n\nWhoever sells a child shall be punished by imprisonment not exceeding ten years.\n\n### Article (162)\n\nWhoever facilitates the offence provided in Article (160) shall be punished by imprisonment not exceeding three years.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	for _, s := range ix.Segments {
		if s.Prov.ID != "art162" {
			continue
		}
		if len(s.Refs) == 0 || s.Refs[0].Target == nil || s.Refs[0].Target.ID != "art160" {
			t.Fatalf("refs of art162: %+v, want art160", s.Refs)
		}
		return
	}
	t.Fatal("no art162")
}

// TestSectionRefList: "an offence under section 1 or 2" refers to both
// sections, as "sections 3, 4 and 5" refers to all three.
func TestSectionRefList(t *testing.T) {
	st, err := statute.Parse("xta/act.md", []byte("---\nid: xta/act\ncountry: XTA\ntitle: Act\nlanguage: en\n---\n\n# Act\n\n"+
		"### 1 Slavery\n\nText.\n\n### 2 Trafficking\n\nText.\n\n### 3 Exploitation\n\nText.\n\n### 4 Documents\n\nText.\n\n### 5 Services\n\nText.\n\n"+
		"### 9 Bodies corporate\n\nA body corporate that commits an offence under section 1 or 2 is liable to a fine; so is one under sections 3, 4 and 5.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	got := map[string]bool{}
	for _, s := range ix.Segments {
		if s.Prov.ID != "s9" {
			continue
		}
		for _, r := range s.Refs {
			if r.Target != nil {
				got[string(r.Target.ID)] = true
			}
		}
	}
	for _, want := range []string{"s1", "s2", "s3", "s4", "s5"} {
		if !got[want] {
			t.Errorf("refs of s9 %v, want %s among them", got, want)
		}
	}
}

// TestArticleRefDecimal: "l'article 586.2" and "articles 586.2 et 586.3"
// refer to the articles numbered so; "l'article 5.2" of a statute with no
// article 5.2 stays a reference to article 5.
func TestArticleRefDecimal(t *testing.T) {
	st, err := statute.Parse("xta/loi.md", []byte("---\nid: xta/loi\ncountry: XTA\ntitle: Loi\nlanguage: fr\n---\n\n# Loi\n\n"+
		"### Article 5\n\nTexte.\n\n### Art. 586.2\n\nTexte.\n\n### Art. 586.3\n\nTexte.\n\n"+
		"### Art. 586.4\n\nQuiconque commet l'infraction prévue aux articles 586.2 et 586.3 ou à l'article 5.2 est puni de dix ans d'emprisonnement.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	for _, s := range ix.Segments {
		if s.Prov.ID != "art586.4" {
			continue
		}
		var got []string
		for _, r := range s.Refs {
			if r.Target != nil {
				got = append(got, string(r.Target.ID))
			}
		}
		if strings.Join(got, " ") != "art586.2 art586.3 art5" {
			t.Fatalf("refs of art586.4: %v, want art586.2 art586.3 art5", got)
		}
		return
	}
	t.Fatal("no art586.4")
}
