package statute

import (
	"strings"
	"testing"
)

// A numbering that restarts in a division of its own (a Schedule's
// paragraphs, a second Book's articles) is read with the division in the
// later IDs; the same number twice in one division stays an error.
func TestNumberingRestartsInDivision(t *testing.T) {
	src := `---
country: XZY
title: Restart Act
id: xzy/restart
language: en
---

# Part 1 Offences

## 1 Trafficking

A person commits an offence if the person recruits another person for exploitation.

## 2 Penalty

A person guilty of an offence under section 1 is liable to imprisonment for life.

# Schedule 1 Amendments

## 1

In the Other Act 1990, in section 4, omit "servant".

## 2

In the Other Act 1990, in section 7, insert "child".
`
	st, err := Parse("restart.md", []byte(src))
	if err != nil {
		t.Fatalf("a schedule that numbers its paragraphs anew is refused: %v", err)
	}
	var ids []string
	for _, p := range st.All {
		ids = append(ids, string(p.ID))
	}
	got := strings.Join(ids, " ")
	for _, want := range []string{"s1", "s2", "schedule-1/s1", "schedule-1/s2"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("IDs %q lack %q", got, want)
		}
	}
	fr := strings.Replace(src, "# Schedule 1 Amendments\n\n## 1\n", "# Part 1 again\n\n## 1\n", 1)
	fr = strings.Replace(fr, "# Part 1 again\n\n## 1\n", "## 1\n", 1)
	if _, err := Parse("dup.md", []byte(fr)); err == nil || !strings.Contains(err.Error(), "appears twice") {
		t.Errorf("the same number twice in one division is accepted: %v", err)
	}
}

// An article label run into its first paragraph in bold ("**Article 4 :**
// Est coupable …") is the article's heading; emphasis that names no
// article stays text.
func TestRunInBoldArticleLabel(t *testing.T) {
	src := "---\ncountry: XZY\ntitle: Loi\nid: xzy/loi\nlanguage: fr\n---\n\n## Chapitre 1 : Des infractions\n\n" +
		"**Article 4 :** Est coupable de traite des personnes et puni d'un emprisonnement de cinq à dix ans quiconque recrute une personne aux fins d'exploitation.\n\n" +
		"**Article 5 :** La peine est portée à vingt ans lorsque la victime est un enfant.\n\n" +
		"**Art. 6.** — Est considéré comme traite des personnes le recrutement d'une personne aux fins d'exploitation.\n\n" +
		"**Important :** ce texte est une traduction.\n"
	st, err := Parse("loi.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range st.All {
		got[string(p.ID)] = p.Text
	}
	if !strings.HasPrefix(got["art4"], "Est coupable de traite") || !strings.HasPrefix(got["art5"], "La peine est portée") {
		t.Errorf("articles not read from their bold labels: %q", got)
	}
	for id, text := range got {
		if strings.Contains(text, "Article 4 :") {
			t.Errorf("%s keeps the label in its text: %q", id, text)
		}
	}
	if !strings.HasPrefix(got["art6"], "Est considéré") {
		t.Errorf("art6 text %q, want it without the dash after its label", got["art6"])
	}
	if len(got) != 4 {
		t.Errorf("provisions %v, want the chapter and three articles (the bold remark is text)", got)
	}
}

// A plain paragraph opened by an article label closed by a full stop and a
// dash ("ARTÍCULO 80.- Derechos …", the gazette layout) is the article's
// heading; a paragraph opened by a number alone, or by a reference to an
// article, stays text.
func TestPlainGazetteArticleLabel(t *testing.T) {
	src := "---\ncountry: XZY\ntitle: Código\nid: xzy/codigo\nlanguage: es\n---\n\n## TÍTULO III - Sujetos procesales\n\n" +
		"ARTÍCULO 79.- Calidad de víctima. Este Código considera víctima a la persona ofendida directamente por el delito.\n\n" +
		"ARTÍCULO 80.- Derechos de la víctima. La víctima tendrá los siguientes derechos:\n\n" +
		"a) a recibir un trato digno;\n\n" +
		"b) a que se respete su intimidad.\n\n" +
		"Art. 81 bis.- Asistencia. La víctima será asistida.\n\n" +
		"El artículo 82 se aplicará también a los testigos.\n"
	st, err := Parse("codigo.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range st.All {
		got[string(p.ID)] = p.Text
	}
	if !strings.HasPrefix(got["art79"], "Calidad de víctima. Este Código") || !strings.HasPrefix(got["art80(a)"], "a recibir") {
		t.Errorf("articles not read from their plain labels: %q", got)
	}
	if !strings.HasPrefix(got["art81bis"], "Asistencia.") || !strings.Contains(got["art81bis"], "El artículo 82") {
		t.Errorf("art81bis %q, want its text and the paragraph after it", got["art81bis"])
	}
}

// A term set in emphasis before a defining verb ("***child*** means …",
// "*exploitation*, of a person, means …") is a definition of its own; a
// label in bold or emphasis that defines nothing is not.
func TestEmphasisDefinedTerm(t *testing.T) {
	src := "---\ncountry: XZY\ntitle: Crimes Act\nid: xzy/crimes\nlanguage: en\n---\n\n## Dictionary\n\nIn this Act—\n\n" +
		"***child*** means a person who is under the age of 18 years.\n\n" +
		"*exploitation*, of a person, includes placing the person in slavery.\n\n" +
		"_forced labour_ means labour exacted under threat.\n\n" +
		"*Note*: the terms above apply to the whole Act.\n"
	st, err := Parse("crimes.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range st.All {
		ids = append(ids, string(p.ID))
	}
	got := strings.Join(ids, " ")
	for _, want := range []string{"[child]", "[exploitation]", "[forced-labour]"} {
		if !strings.Contains(got, want) {
			t.Errorf("IDs %q lack %s", got, want)
		}
	}
	if strings.Contains(got, "[note]") {
		t.Errorf("IDs %q: the emphasised note defines nothing", got)
	}
}
