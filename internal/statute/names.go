package statute

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed country_names.tsv
var countryNamesTSV string

// countryNames maps an alpha-3 code to its French and Spanish names.
var countryNames = func() map[string][2]string {
	m, err := parseCountryNames(countryNamesTSV)
	if err != nil {
		panic("statute: country_names.tsv: " + err.Error())
	}
	return m
}()

// parseCountryNames reads alpha3, name_fr, name_es rows after a header;
// '#' lines are comments. Every name must be present and every code
// officially assigned and listed once.
func parseCountryNames(src string) (map[string][2]string, error) {
	m := map[string][2]string{}
	header := false
	for i, l := range strings.Split(src, "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: %d columns, expected 3 (alpha3, name_fr, name_es)", i+1, len(f))
		}
		if !header {
			if f[0] != "alpha3" {
				return nil, fmt.Errorf("line %d: header %q, expected alpha3, name_fr, name_es", i+1, l)
			}
			header = true
			continue
		}
		switch {
		case !isoCountries[f[0]]:
			return nil, fmt.Errorf("line %d: %q is not an officially assigned alpha-3 code", i+1, f[0])
		case f[1] == "" || f[2] == "":
			return nil, fmt.Errorf("line %d: %s lacks a French or Spanish name", i+1, f[0])
		}
		if _, dup := m[f[0]]; dup {
			return nil, fmt.Errorf("line %d: %s listed twice", i+1, f[0])
		}
		m[f[0]] = [2]string{f[1], f[2]}
	}
	return m, nil
}

// CountryNames returns the French and Spanish names of an officially
// assigned ISO 3166-1 alpha-3 code ("CIV" → "Côte d’Ivoire", "Côte
// d’Ivoire"); ok is false for any other code.
func CountryNames(alpha3 string) (fr, es string, ok bool) {
	n, ok := countryNames[alpha3]
	return n[0], n[1], ok
}
