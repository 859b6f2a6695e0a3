package statute

import "testing"

// Paragraph numbers as other codes print them: Swiss superscripts ("¹ Wer
// …"), Cuban apartados after the article's number ("363.2. Si …"), and
// divisions numbered by a Roman numeral ("II. Abschnitt: …").
func TestParagraphNumberingTraditions(t *testing.T) {
	for _, tc := range []struct {
		name, lang, body string
		want             []ProvisionID
		none             []ProvisionID
	}{
		{"swiss", "de", "## II. Abschnitt: Strafen\n\n### Art. 182 Menschenhandel\n\n¹ Wer mit einem Menschen Handel treibt, wird bestraft.\n\n² Ist das Opfer minderjährig, so ist die Strafe höher.\n",
			[]ProvisionID{"abschnitt-II", "art182", "art182(1)", "art182(2)"}, nil},
		{"panama", "es", "### Artículo 456-A.\n\nQuien capte a una persona será sancionado.\n\n### Artículo 456-B.\n\nQuien venda a un niño será sancionado.\n",
			[]ProvisionID{"art456-A", "art456-B"}, []ProvisionID{"art456"}},
		{"french labour code", "fr", "### Article L.4\n\nLe travail forcé est interdit.\n\n### Article L. 145\n\nL'âge minimum est de quinze ans.\n",
			[]ProvisionID{"artL4", "artL145"}, []ProvisionID{"artL"}},
		{"hyphenated chapter", "en", "## Chapter-1 Preliminary\n\n### 1. Short title\n\nThis Act may be cited as the Act.\n\n## Chapter-2 Offences\n\n### 2. Offence\n\nA person who sells a person commits an offence.\n",
			[]ProvisionID{"chapter-1", "chapter-2"}, nil},
		{"cuban", "es", "### Artículo 363\n\n363.1. Se sanciona a quien capte a una persona.\n\n363.2. Si el hecho se comete contra un menor, la sanción es mayor.\n\n### Artículo 364\n\n363.3. Un número que no es de este artículo.\n",
			[]ProvisionID{"art363(1)", "art363(2)", "art364"}, []ProvisionID{"art364(3)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "---\nid: xta/code\ncountry: XTA\ntitle: \"Code\"\nlanguage: " + tc.lang + "\nversion_date: \"2020-01-01\"\n---\n\n# Code\n\n" + tc.body
			s, err := Parse("code.md", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range tc.want {
				if s.Lookup(id) == nil {
					t.Errorf("no provision %s; have %s", id, ids(s))
				}
			}
			for _, id := range tc.none {
				if s.Lookup(id) != nil {
					t.Errorf("unexpected provision %s", id)
				}
			}
			if len(s.Warnings) != 0 {
				t.Errorf("warnings: %v", s.Warnings)
			}
		})
	}
}
