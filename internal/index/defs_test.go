package index

import "testing"

func TestLawNameStopsAfterGermanCompound(t *testing.T) {
	for in, want := range map[string]string{
		"Strafgesetzbuches verletzt worden ist":           "Strafgesetzbuches",
		"Aufenthaltsgesetzes erteilt wird":                "Aufenthaltsgesetzes",
		"Gesetz über den Aufenthalt der Ausländer":        "Gesetz über den Aufenthalt der Ausländer",
		"Strafprozessordnung, soweit nichts anderes gilt": "Strafprozessordnung",
		"the Evidence Act (Cap. 80)":                      "Evidence Act (Cap. 80)",
	} {
		if got := lawName(in, mustDefault().lawGrammar()); got != want {
			t.Errorf("lawName(%q) = %q, want %q", in, got, want)
		}
	}
}
