package statute

// CountryNames returns the French and Spanish names of an officially
// assigned ISO 3166-1 alpha-3 code ("CIV" → "Côte d’Ivoire", "Côte
// d’Ivoire") from the one country table (countries.tsv); ok is false for
// any other code.
func CountryNames(alpha3 string) (fr, es string, ok bool) {
	c, ok := CountryByAlpha3(alpha3)
	return c.NameFR, c.NameES, ok
}
