package statute

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"golang.org/x/text/language"
)

//go:embed dialects.yaml
var dialectsYAML []byte

//go:embed countries.tsv
var countriesTSV []byte

// NativeDialect is the name of Lacuna's own front matter (corpus/FORMAT.md).
const NativeDialect = "lacuna"

// Dialect is one way other people's legislation files name the front matter
// keys of Lacuna's statute format, read from dialects.yaml.
type Dialect struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	// Detect are keys only this dialect uses: a file with one of them is
	// read in this dialect.
	Detect []string `yaml:"detect"`
	// CountryCodes is "alpha-2" (the country key holds "li") or "alpha-3".
	CountryCodes string `yaml:"country_codes"`
	// ID is the key whose value, with the country, makes the statute ID.
	ID string `yaml:"id"`
	// Keys maps a dialect key to a Lacuna key, or to a name of its own
	// that is kept in Meta.Extra.
	Keys map[string]string `yaml:"keys"`
	// Status maps the dialect's status values to Lacuna's.
	Status map[string]string `yaml:"status"`
}

// dialects is the embedded table; bad embedded data is a programming error.
var dialects = mustDialects(dialectsYAML)

func mustDialects(b []byte) []*Dialect {
	ds, err := parseDialects(b)
	if err != nil {
		panic("statute: dialects.yaml: " + err.Error())
	}
	return ds
}

// parseDialects reads and checks a dialect table.
func parseDialects(b []byte) ([]*Dialect, error) {
	var doc struct {
		Dialects []*Dialect `yaml:"dialects"`
	}
	if err := yaml.UnmarshalWithOptions(b, &doc, yaml.Strict()); err != nil {
		return nil, err
	}
	names := map[string]bool{NativeDialect: true}
	for i, d := range doc.Dialects {
		if d == nil || d.Name == "" {
			return nil, fmt.Errorf("dialect %d has no name", i+1)
		}
		if names[d.Name] {
			return nil, fmt.Errorf("dialect %q appears twice", d.Name)
		}
		names[d.Name] = true
		if d.CountryCodes != "alpha-2" && d.CountryCodes != "alpha-3" {
			return nil, fmt.Errorf("dialect %q: country_codes %q, expected alpha-2 or alpha-3", d.Name, d.CountryCodes)
		}
		if len(d.Detect) == 0 {
			return nil, fmt.Errorf("dialect %q has no detect keys", d.Name)
		}
		for _, k := range d.Detect {
			if knownKeys[k] {
				return nil, fmt.Errorf("dialect %q: detect key %q is a key of Lacuna's own format", d.Name, k)
			}
			if _, ok := d.Keys[k]; !ok {
				return nil, fmt.Errorf("dialect %q: detect key %q is not in its keys", d.Name, k)
			}
		}
		if _, ok := d.Keys[d.ID]; d.ID != "" && !ok {
			return nil, fmt.Errorf("dialect %q: id key %q is not in its keys", d.Name, d.ID)
		}
		hasCountry := false
		for k, v := range d.Keys {
			hasCountry = hasCountry || v == "country"
			if v == "id" {
				return nil, fmt.Errorf("dialect %q: key %q maps to id; name the key in \"id:\" instead", d.Name, k)
			}
		}
		if !hasCountry {
			return nil, fmt.Errorf("dialect %q maps no key to country", d.Name)
		}
		for from, to := range d.Status {
			if !validStatus(to) {
				return nil, fmt.Errorf("dialect %q: status %q maps to %q, expected one of %s", d.Name, from, to, strings.Join(Statuses, ", "))
			}
		}
	}
	return doc.Dialects, nil
}

func validStatus(s string) bool {
	for _, st := range Statuses {
		if st == s {
			return true
		}
	}
	return false
}

// Dialects returns the known front matter dialects other than Lacuna's own.
func Dialects() []Dialect {
	out := make([]Dialect, len(dialects))
	for i, d := range dialects {
		out[i] = *d
	}
	return out
}

// dialectByName returns the dialect called name, or nil (Lacuna's own).
func dialectByName(name string) *Dialect {
	for _, d := range dialects {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// keyFor returns the dialect's key for a Lacuna key ("country" → "pais").
func (d *Dialect) keyFor(native string) string {
	var ks []string
	for k, v := range d.Keys {
		if v == native {
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		return native
	}
	sort.Strings(ks)
	return ks[0]
}

// detectDialect picks the dialect of a file from its keys: the one with the
// most detect keys present (the first in the table on a tie), or nil for
// Lacuna's own format.
func detectDialect(keys []string) *Dialect {
	var best *Dialect
	bestN := 0
	for _, d := range dialects {
		n := 0
		for _, k := range keys {
			for _, dk := range d.Detect {
				if k == dk {
					n++
				}
			}
		}
		if n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

// likelyLanguage is the most likely language of a country's legislation
// (CLDR likely subtags: "LIE" → "de"), or "" when unknown.
func likelyLanguage(alpha3 string) string {
	r, err := language.ParseRegion(alpha3)
	if err != nil {
		return ""
	}
	t, err := language.Compose(r)
	if err != nil {
		return ""
	}
	b, conf := t.Base()
	if conf == language.No {
		return ""
	}
	return b.String()
}

// Country is one row of the ISO 3166-1 table (countries.tsv).
type Country struct {
	Alpha3 string // "LIE"
	Alpha2 string // "LI"
	NameEN string // "Liechtenstein"
	NameFR string // "" until filled
	NameES string // "" until filled
}

// Name returns the country's name in the language lang ("en", "fr", "es"),
// falling back to English.
func (c Country) Name(lang string) string {
	switch lang {
	case "fr":
		if c.NameFR != "" {
			return c.NameFR
		}
	case "es":
		if c.NameES != "" {
			return c.NameES
		}
	}
	return c.NameEN
}

var countries, byAlpha2, byAlpha3 = mustCountries(countriesTSV)

func mustCountries(b []byte) ([]Country, map[string]int, map[string]int) {
	cs, err := parseCountries(b)
	if err != nil {
		panic("statute: countries.tsv: " + err.Error())
	}
	a2 := make(map[string]int, len(cs))
	a3 := make(map[string]int, len(cs))
	for i, c := range cs {
		a2[c.Alpha2] = i
		a3[c.Alpha3] = i
	}
	return cs, a2, a3
}

// parseCountries reads the tab-separated country table: a header line, then
// alpha3, alpha2, name_en, name_fr, name_es; '#' lines are comments.
func parseCountries(b []byte) ([]Country, error) {
	var out []Country
	seen2, seen3 := map[string]bool{}, map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	line, header := 0, false
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: %d columns, expected 5 (alpha3, alpha2, name_en, name_fr, name_es)", line, len(f))
		}
		if !header {
			if f[0] != "alpha3" || f[1] != "alpha2" {
				return nil, fmt.Errorf("line %d: header %q, expected alpha3, alpha2, name_en, name_fr, name_es", line, t)
			}
			header = true
			continue
		}
		c := Country{Alpha3: f[0], Alpha2: f[1], NameEN: f[2], NameFR: f[3], NameES: f[4]}
		if len(c.Alpha3) != 3 || strings.ToUpper(c.Alpha3) != c.Alpha3 || len(c.Alpha2) != 2 || strings.ToUpper(c.Alpha2) != c.Alpha2 {
			return nil, fmt.Errorf("line %d: codes %q %q, expected upper-case alpha-3 and alpha-2", line, c.Alpha3, c.Alpha2)
		}
		if c.NameEN == "" || c.NameFR == "" || c.NameES == "" {
			return nil, fmt.Errorf("line %d: %s lacks its English, French or Spanish name, expected all three", line, c.Alpha3)
		}
		if seen2[c.Alpha2] || seen3[c.Alpha3] {
			return nil, fmt.Errorf("line %d: %s/%s appears twice", line, c.Alpha3, c.Alpha2)
		}
		seen2[c.Alpha2], seen3[c.Alpha3] = true, true
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Alpha3 < out[j].Alpha3 })
	return out, sc.Err()
}

// Countries returns the ISO 3166-1 table, sorted by alpha-3 code.
func Countries() []Country { return append([]Country(nil), countries...) }

// CountryByAlpha3 looks up an officially assigned alpha-3 code (upper case).
func CountryByAlpha3(code string) (Country, bool) {
	i, ok := byAlpha3[code]
	if !ok {
		return Country{}, false
	}
	return countries[i], true
}

// CountryByAlpha2 looks up an alpha-2 code in either case ("li", "LI").
func CountryByAlpha2(code string) (Country, bool) {
	i, ok := byAlpha2[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return countries[i], true
}
