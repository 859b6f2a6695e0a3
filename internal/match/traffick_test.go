package match

import "testing"

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
	for _, c := range cases {
		if got := traffickIn(foldToks(c.text)); got != c.want {
			t.Errorf("traffickIn(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
