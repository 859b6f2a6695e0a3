package statute

import (
	"strings"
	"testing"
)

// TestCountryNamesComplete: every code of the one country table has a
// French and a Spanish name.
func TestCountryNamesComplete(t *testing.T) {
	cs := Countries()
	if len(cs) < 249 {
		t.Fatalf("%d countries, want the 249 officially assigned codes", len(cs))
	}
	for _, c := range cs {
		fr, es, ok := CountryNames(c.Alpha3)
		if !ok || fr == "" || es == "" {
			t.Errorf("%s: no French or Spanish name (%q, %q)", c.Alpha3, fr, es)
		}
	}
	for _, tc := range []struct{ code, fr, es string }{
		{"KEN", "Kenya", "Kenia"}, {"USA", "États-Unis", "Estados Unidos"}, {"CIV", "Côte d’Ivoire", "Côte d’Ivoire"},
		{"PER", "Pérou", "Perú"}, {"SWZ", "Eswatini", "Esuatini"},
	} {
		fr, es, _ := CountryNames(tc.code)
		if fr != tc.fr || es != tc.es {
			t.Errorf("%s: %q, %q; want %q, %q", tc.code, fr, es, tc.fr, tc.es)
		}
	}
	if _, _, ok := CountryNames("XEA"); ok {
		t.Error("XEA (user-assigned) has a name")
	}
}

// TestCountryTableNeedsEveryName: a row without its French or Spanish
// name is refused.
func TestCountryTableNeedsEveryName(t *testing.T) {
	src := "alpha3\talpha2\tname_en\tname_fr\tname_es\nKEN\tKE\tKenya\t\tKenia\n"
	if _, err := parseCountries([]byte(src)); err == nil || !strings.Contains(err.Error(), "lacks") {
		t.Fatalf("err %v, want a missing-name error", err)
	}
}
