package index

import (
	"fmt"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// The language is decided per provision: a provision clearly written in
// another language of the lexicon (a bilingual statute) takes it; short or
// mixed text, and a statute language without a lexicon, keep the
// statute's language.
func TestProvisionLanguage(t *testing.T) {
	src := "---\nid: xtb/act\ncountry: XTB\ntitle: \"Act\"\nlanguage: %s\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n" +
		"### 1\n\nA person who recruits another person by force for the purpose of exploitation commits an offence and shall be liable to imprisonment.\n\n" +
		"### 2\n\nLe fait de recruter une personne aux fins de son exploitation est puni de dix ans d'emprisonnement.\n\n" +
		"### 3\n\nWer eine Person anwirbt, um sie auszubeuten, wird mit Freiheitsstrafe bestraft, die nicht unter sechs Monaten ist.\n\n" +
		"### 4\n\nThe offence under article 2 (le fait de recruter).\n"
	for _, tc := range []struct {
		lang string
		want map[string]string // provision -> language
	}{
		{"en", map[string]string{"s1": "en", "s2": "fr", "s3": "de", "s4": "en"}},
		{"fr", map[string]string{"s1": "en", "s2": "fr", "s3": "de", "s4": "fr"}}, // s4: mixed, short
		{"pt", map[string]string{"s1": "pt", "s2": "pt", "s3": "pt", "s4": "pt"}},
	} {
		st, err := statute.Parse("act.md", []byte(fmt.Sprintf(src, tc.lang)))
		if err != nil {
			t.Fatal(err)
		}
		ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
		got := map[string]string{}
		for _, s := range ix.Segments {
			got[string(s.Prov.ID)] = s.Lang
		}
		for p, want := range tc.want {
			if got[p] != want {
				t.Errorf("statute %s: provision %s read as %q, want %q (all: %v)", tc.lang, p, got[p], want, got)
			}
			if !ix.Langs[want] {
				t.Errorf("statute %s: index languages %v lack %s", tc.lang, ix.Langs, want)
			}
		}
	}
}

// Role cues are read in the provision's own language: a French provision
// on "la commission de l'infraction" is not made institutional by the
// English word Commission, while an English provision establishing a
// Commission is; and a bilingual statute's French provision still gets the
// French offence and penalty cues.
func TestRoleCuesInProvisionLanguage(t *testing.T) {
	src := "---\nid: xtb/act\ncountry: XTB\ntitle: \"Act\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n" +
		"### 1\n\nThere is established a National Commission against trafficking in persons, which shall coordinate the work of the ministries.\n\n" +
		"### 2\n\nLa tentative est punie des mêmes peines lorsque la personne a pris part à la commission de l'infraction avec une autre personne.\n"
	st, err := statute.Parse("act.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	roles := map[string]RoleSet{}
	for _, s := range ix.Segments {
		roles[string(s.Prov.ID)] |= s.Roles
	}
	if roles["s1"]&bitInstitutional == 0 {
		t.Errorf("s1 (establishes a Commission) has roles %b, want institutional", roles["s1"])
	}
	if roles["s2"]&bitInstitutional != 0 {
		t.Errorf("s2 (French: la commission de l'infraction) has roles %b, want no institutional role", roles["s2"])
	}
	if roles["s2"]&bitOffence == 0 || roles["s2"]&bitPenalty == 0 {
		t.Errorf("s2 (French: est punie des mêmes peines) has roles %b, want offence and penalty", roles["s2"])
	}
}
