package score

import (
	"fmt"
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// The means of trafficking are the means of the trafficking offence: the
// menace of a penalty in a definition of forced labour, in a corpus with no
// trafficking offence, is no means of trafficking.
func TestMeansScopedToTrafficking(t *testing.T) {
	m := &standard.Map{
		Version:       "test-1",
		Instruments:   []*standard.Instrument{{ID: "palermo", Short: "Palermo Protocol", Kind: standard.KindTreaty}},
		Ratifications: []standard.Ratification{{Country: "XTA", Instrument: "palermo", Status: standard.StatusParty}},
		Requirements: []*standard.Requirement{{ID: "def.means", Title: "Means", Pillar: standard.Prosecution, Weight: 3,
			Sources: []standard.Source{{Instrument: "palermo", Article: "3(a)"}},
			Criteria: standard.Criteria{Elements: []standard.Element{{ID: "threat", Label: "threat",
				Roles:    []standard.Role{standard.RoleDefinition, standard.RoleOffence},
				Patterns: []standard.Pattern{kw("menace", "threat*", "amenaza", "androhung")}}}}}},
	}
	head := "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: %s\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n"
	for _, tc := range []struct {
		name, lang, body string
		want             Verdict
	}{
		{"en labour only", "en", "### 2 Interpretation\n\n\"forced labour\" means work exacted from a person under the menace of a penalty;\n\n### 7 Forced labour\n\nA person who exacts forced labour commits an offence and is liable to imprisonment for ten years.\n", Gap},
		{"fr labour only", "fr", "### Article 2 Définitions\n\nPour l'application de la présente loi, « travail forcé » désigne tout travail exigé sous la menace d'une peine.\n", Gap},
		{"es labour only", "es", "### Artículo 2 Definiciones\n\nA los efectos de esta ley, «trabajo forzoso» significa todo trabajo exigido bajo la amenaza de una pena.\n", Gap},
		{"de labour only", "de", "### § 2 Begriffsbestimmungen\n\nZwangsarbeit im Sinne dieses Gesetzes ist jede Arbeit, die unter Androhung einer Strafe verlangt wird.\n", Gap},
		{"en trafficking", "en", "### 3 Trafficking in persons\n\nA person who recruits or transports another person by threat of force for the purpose of exploitation commits the offence of trafficking in persons.\n", Met},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := statute.Parse("xta/act.md", []byte(fmt.Sprintf(head, tc.lang)+tc.body))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Analyze(&statute.Corpus{Statutes: []*statute.Statute{st}}, m, Options{Country: "XTA", LacunaVersion: "test"})
			if err != nil {
				t.Fatal(err)
			}
			f := res.Findings[0]
			if f.Verdict != tc.want {
				t.Errorf("def.means %s, want %s (%s)", f.Verdict, tc.want, f.Explanation)
			}
		})
	}
}
