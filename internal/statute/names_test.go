package statute

import (
	"strings"
	"testing"
)

// TestCountryNamesComplete: every officially assigned code has a French
// and a Spanish name, and the table lists no other code.
func TestCountryNamesComplete(t *testing.T) {
	for _, c := range strings.Fields(iso3166) {
		fr, es, ok := CountryNames(c)
		if !ok || fr == "" || es == "" {
			t.Errorf("%s: no French or Spanish name (%q, %q)", c, fr, es)
		}
	}
	if len(countryNames) != len(strings.Fields(iso3166)) {
		t.Errorf("%d names for %d codes", len(countryNames), len(strings.Fields(iso3166)))
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

func TestParseCountryNamesErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"no header", "KEN\tKenya\tKenia\n", "header"},
		{"columns", "alpha3\tname_fr\tname_es\nKEN\tKenya\n", "2 columns"},
		{"unknown code", "alpha3\tname_fr\tname_es\nXEA\tX\tX\n", "not an officially assigned"},
		{"empty name", "alpha3\tname_fr\tname_es\nKEN\t\tKenia\n", "lacks"},
		{"twice", "alpha3\tname_fr\tname_es\nKEN\tKenya\tKenia\nKEN\tKenya\tKenia\n", "twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := parseCountryNames(tc.src); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want %q", err, tc.want)
			}
		})
	}
}
