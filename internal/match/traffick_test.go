package match

import (
	"fmt"
	"testing"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/standard"
)

// Trafficking words count as trafficking in persons only when their object
// is a person: trade in drugs, arms or influence and migrant smuggling are
// other offences.
func TestTraffickInPersonsOnly(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		// English
		{"A person who traffics another person for exploitation commits an offence.", true},
		{"the offence of trafficking in persons", true},
		{"uses a child for illicit activities, including the production or trafficking of drugs", false},
		{"drug trafficking and money laundering", false},
		{"illicit trafficking in narcotic drugs and psychotropic substances", false},
		{"trafficking in firearms, their parts and ammunition", false},
		{"wildlife trafficking", false},
		{"the smuggling of migrants", false},
		{"a person who is trafficked", true},
		// French
		{"La traite des êtres humains est le fait de recruter une personne", true},
		{"le trafic de stupéfiants est puni de dix ans", false},
		{"le trafic d'armes", false},
		{"le trafic d'influence", false},
		{"le trafic illicite de migrants", false},
		{"Traite des êtres humains", true},
		{"victimes de traite", true},
		{"conformément au traité international applicable", false},
		{"le dossier est traité par le procureur", false},
		// Spanish
		{"el delito de trata de personas", true},
		{"el tráfico de drogas", false},
		{"el tráfico de estupefacientes o de armas", false},
		{"quien promoviere el tráfico de personas por los límites fronterizos", false},
		{"el tráfico ilícito de migrantes", false},
		// German
		{"Menschenhandel zum Zweck der sexuellen Ausbeutung", true},
		{"unerlaubtes Handeltreiben mit Betäubungsmitteln", false},
	}
	cu := testCues(t)
	for _, c := range cases {
		if got := traffickIn(cu, foldToks(c.text)); got != c.want {
			t.Errorf("traffickIn(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// The map's trafficking words are vetoed the same way: a keyword hit on
// trade in drugs or on a treaty is no evidence.
func TestMapTraffickHitsVetoed(t *testing.T) {
	for _, tc := range []struct {
		lang, body string
		hits       int
	}{
		{"en", "### 8 Child labour\n\nA person who uses a child in the trafficking of drugs commits an offence.\n", 0},
		{"en", "### 3 Offence\n\nA person who traffics a child commits an offence.\n", 1},
		{"fr", "### Article 9\n\nLes modalités sont fixées conformément au traité applicable.\n", 0},
		{"fr", "### Article 10\n\nLa traite des enfants est punie de dix ans d'emprisonnement.\n", 1},
		{"es", "### Artículo 5\n\nEl tráfico de drogas con menores será castigado.\n", 0},
		{"de", "### § 5\n\nWer Menschenhandel mit Kindern betreibt, wird bestraft.\n", 1},
	} {
		ix := corpusOf(t, tc.lang, tc.body)
		el, err := CompileElement(&standard.Element{ID: "t", Patterns: []standard.Pattern{{Kind: standard.CritKeyword,
			Terms: map[string][]string{"*": {"traffick*", "traffics", "traite", "trafico", "menschenhandel*"}}}}})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(el.Find(ix).Hits); got != tc.hits {
			t.Errorf("%s %q: %d hits, want %d", tc.lang, tc.body, got, tc.hits)
		}
	}
}

// testCues binds the embedded lexicon's classes.
func testCues(t *testing.T) *cues {
	t.Helper()
	lx, err := index.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckLexicon(lx); err != nil {
		t.Fatal(err)
	}
	return newCues(lx)
}

// Age limits are read in the four languages from the lexicon's age
// classes and number words, in digits or words.
func TestAgeExpressions(t *testing.T) {
	cu := testCues(t)
	for _, tc := range []struct {
		text string
		want []int
	}{
		{"a person under the age of eighteen years", []int{18}},
		{"any person who has not attained 16 years", []int{16}},
		{"a person under 18 years of age", []int{18}},
		{"un mineur de moins de dix-huit ans", []int{18}},
		{"Personen unter achtzehn Jahren", []int{18}},
		{"menores de 18 años y menor de edad de quince años", []int{18, 15}},
		// the number repeated in words in brackets (once read only after
		// words, "eighteen (18) years")
		{"under twenty-one years or under 21 (twenty-one) years", []int{21, 21}},
		{"a person under 18 (eighteen) years old", []int{18}},
		{"the age of consent", nil},
		{"a person under the age of 18 is a child", []int{18}},
		{"under the age of 18 years", []int{18}},
	} {
		f := index.FoldString(tc.text)
		var got []int
		for _, m := range ageMatches(cu, f) {
			got = append(got, parseAge(cu, f[m[2]:m[3]]))
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%q: ages %v, want %v", tc.text, got, tc.want)
		}
	}
	if m := cu.age.after.FindStringSubmatch(index.FoldString("a person under 18 years of age")); m == nil || m[1] != "18" {
		t.Errorf("years-of-age form not read: %v", m)
	}
}
