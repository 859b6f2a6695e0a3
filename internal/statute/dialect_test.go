package statute

import (
	"strings"
	"testing"
)

func TestDialects(t *testing.T) {
	const body = "\n##### § 1\n\nText.\n"
	tests := []struct {
		name    string
		front   string
		dialect string
		check   func(t *testing.T, m Meta)
		want    []string // every problem, file "d.md"
	}{
		{"legalize English keys", `title: "Strafgesetzbuch"
identifier: "LGBl-1988-037"
country: "li"
rank: "gesetz"
publication_date: "1988-10-22"
last_updated: "2023-03-01"
status: "in_force"
source: "https://example.org/1988.037"
enacted_date: "1987-06-24"
pdf_url: "https://example.org/pdf"
version_count: "20"
`, "legalize", func(t *testing.T, m Meta) {
			if m.ID != "lie/lgbl-1988-037" || m.Country != "LIE" || m.Title != "Strafgesetzbuch" ||
				m.VersionDate != "2023-03-01" || m.Enacted != "1987-06-24" || m.Status != "in_force" ||
				m.SourceURL != "https://example.org/1988.037" || m.Language != "de" {
				t.Errorf("meta = %+v", m)
			}
			// keys with no Lacuna counterpart are kept under their own name
			if m.Extra["rank"] != "gesetz" || m.Extra["publication_date"] != "1988-10-22" ||
				m.Extra["pdf_url"] != "https://example.org/pdf" || m.Extra["identifier"] != "LGBl-1988-037" {
				t.Errorf("extra = %v", m.Extra)
			}
		}, nil},
		{"legalize Spanish keys", `titulo: "Código Penal"
identificador: "CP-1874"
pais: "cl"
rango: "ley"
fecha_publicacion: "1874-11-12"
ultima_actualizacion: "2024-01-10"
estado: "vigente"
fuente: "https://example.org/cp"
otra_cosa: "x"
`, "legalize-es", func(t *testing.T, m Meta) {
			if m.ID != "chl/cp-1874" || m.Country != "CHL" || m.Title != "Código Penal" ||
				m.VersionDate != "2024-01-10" || m.Status != "in_force" || m.SourceURL != "https://example.org/cp" ||
				m.Language != "es" || m.Extra["rango"] != "ley" || m.Extra["otra_cosa"] != "x" {
				t.Errorf("meta = %+v", m)
			}
		}, nil},
		{"upper-case alpha-2 and alpha-3 accepted", "title: T\nidentifier: x\ncountry: PE\n", "legalize",
			func(t *testing.T, m Meta) {
				if m.Country != "PER" || m.ID != "per/x" || m.Language != "es" {
					t.Errorf("meta = %+v", m)
				}
			}, nil},
		{"alpha-3 in a legalize file", "title: T\nidentifier: x\ncountry: COL\n", "legalize",
			func(t *testing.T, m Meta) {
				if m.Country != "COL" {
					t.Errorf("country = %q", m.Country)
				}
			}, nil},
		{"a language key wins over the country's", "title: T\nidentifier: x\ncountry: ch\nlanguage: fr\n", "legalize",
			func(t *testing.T, m Meta) {
				if m.Language != "fr" {
					t.Errorf("language = %q", m.Language)
				}
			}, nil},
		{"unknown alpha-2", "title: T\nidentifier: x\ncountry: \"zq\"\n", "legalize", nil,
			[]string{`d.md:4:10: unknown country code "zq", expected an ISO 3166-1 alpha-2 code such as "li" or "pe" (legalize front matter)`}},
		{"Spanish: no pais", "titulo: T\nidentificador: x\n", "legalize-es", nil,
			[]string{`d.md:1: front matter has no "pais" key, expected an ISO 3166-1 alpha-2 code such as "li" (legalize-es front matter)`}},
		{"unknown status value", "title: T\nidentifier: x\ncountry: li\nstatus: suspended\n", "legalize", nil,
			[]string{`d.md:5:9: status "suspended" is not known, expected one of derogada, derogado, derogated, in_force, repealed, vigente (legalize front matter)`}},
		{"bad date under the dialect's key", "title: T\nidentifier: x\ncountry: li\nlast_updated: 2023-13\n", "legalize", nil,
			[]string{`d.md:5:15: last_updated "2023-13" is not a date, expected YYYY-MM-DD, a year YYYY, or "unknown"`}},
		{"mapping under a kept key", "title: T\nidentifier: x\ncountry: li\nrank: {a: b}\n", "legalize", nil,
			[]string{`d.md:5:7: "rank" is a mapping, expected a single text value`}},
		{"native file with a source mapping stays native", "id: xea/a\ncountry: XEA\ntitle: A\nsource: x\n", "", nil,
			[]string{`d.md:5:1: warning: unknown front matter key "source", expected a key listed in corpus/FORMAT.md (id, country, title, version_date, …) or a free-text key ending in "_note"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse("d.md", []byte("---\n"+tt.front+"---\n"+body))
			if s.Meta.Dialect != tt.dialect {
				t.Errorf("dialect = %q, want %q", s.Meta.Dialect, tt.dialect)
			}
			if tt.check != nil {
				tt.check(t, s.Meta)
			}
			got := problems(s, err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestDialectTableChecks(t *testing.T) {
	if len(Dialects()) < 2 {
		t.Fatalf("embedded dialects = %d, want the legalize English and Spanish dialects", len(Dialects()))
	}
	bad := []struct{ yaml, want string }{
		{"dialects:\n  - name: x\n    country_codes: alpha-9\n    detect: [a]\n    keys: {a: country}\n", `country_codes "alpha-9"`},
		{"dialects:\n  - name: x\n    country_codes: alpha-2\n    detect: [title]\n    keys: {title: title, c: country}\n", `detect key "title" is a key of Lacuna's own format`},
		{"dialects:\n  - name: x\n    country_codes: alpha-2\n    detect: [a]\n    keys: {b: country}\n", `detect key "a" is not in its keys`},
		{"dialects:\n  - name: x\n    country_codes: alpha-2\n    detect: [a]\n    keys: {a: title}\n", `maps no key to country`},
		{"dialects:\n  - name: x\n    country_codes: alpha-2\n    detect: [a]\n    keys: {a: country}\n    status: {v: alive}\n", `maps to "alive"`},
		{"dialects:\n  - name: lacuna\n    country_codes: alpha-2\n    detect: [a]\n    keys: {a: country}\n", `"lacuna" appears twice`},
		{"dialects:\n  - name: x\n    colour: red\n", `unknown field "colour"`},
	}
	for _, b := range bad {
		_, err := parseDialects([]byte(b.yaml))
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("parseDialects(%q) = %v, want an error containing %s", b.yaml, err, b.want)
		}
	}
}

func TestCountries(t *testing.T) {
	cs := Countries()
	if len(cs) != 249 {
		t.Errorf("countries = %d, want the 249 officially assigned codes", len(cs))
	}
	for _, c := range cs {
		if !ValidCountry(c.Alpha3) {
			t.Errorf("%s is in the table but not valid", c.Alpha3)
		}
		if back, ok := CountryByAlpha2(strings.ToLower(c.Alpha2)); !ok || back.Alpha3 != c.Alpha3 {
			t.Errorf("alpha-2 %s does not lead back to %s", c.Alpha2, c.Alpha3)
		}
	}
	li, ok := CountryByAlpha2("li")
	if !ok || li.Alpha3 != "LIE" || li.Name("en") != "Liechtenstein" || li.Name("fr") != "Liechtenstein" {
		t.Errorf("li = %+v", li)
	}
	if _, ok := CountryByAlpha3("XEA"); ok || !ValidCountry("XEA") {
		t.Errorf("XEA is user-assigned: valid, but not in the table")
	}
	bad := []struct{ tsv, want string }{
		{"alpha3\talpha2\tname_en\tname_fr\tname_es\nLIE\tLI\tLiechtenstein\n", "line 2: 3 columns"},
		{"a3\ta2\tx\ty\tz\n", "line 1: header"},
		{"alpha3\talpha2\tname_en\tname_fr\tname_es\nlie\tLI\tL\t\t\n", "expected upper-case"},
		{"alpha3\talpha2\tname_en\tname_fr\tname_es\nLIE\tLI\t\tL\tL\n", "lacks its English, French or Spanish name"},
		{"alpha3\talpha2\tname_en\tname_fr\tname_es\nLIE\tLI\tL\tL\tL\nLIX\tLI\tL\tL\tL\n", "line 3: LIX/LI appears twice"},
	}
	for _, b := range bad {
		_, err := parseCountries([]byte(b.tsv))
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("parseCountries = %v, want an error containing %s", err, b.want)
		}
	}
}

func TestDialectMissingTitle(t *testing.T) {
	s, err := Parse("d.md", []byte("---\nidentificador: x\npais: pe\n---\n\n### Artículo 1\n\nTexto.\n"))
	got := strings.Join(problems(s, err), "\n")
	if got != `d.md:1: front matter has no "titulo" key, expected the statute's full title` {
		t.Errorf("problems = %s", got)
	}
}

// A repository's file is read as it is: a repeated article (a converter
// that misplaces or repeats headings) is a warning with a numbered ID, not
// a refusal; in Lacuna's own format it stays an error.
func TestDialectDuplicateIsWarning(t *testing.T) {
	body := "\n### Article 5\n\nUn.\n\n### Article 5\n\nDeux.\n"
	s, err := Parse("be.md", []byte("---\ntitle: \"Code\"\nidentifier: x\ncountry: be\n---\n"+body))
	if err != nil {
		t.Fatalf("legalize file with a repeated article refused: %v", err)
	}
	if s.Lookup("art5") == nil || s.Lookup("art5~2") == nil {
		t.Errorf("want art5 and art5~2, got %v", s.All)
	}
	warned := false
	for _, w := range s.Warnings {
		warned = warned || strings.Contains(w.Error(), `provision "art5" appears twice`)
	}
	if !warned {
		t.Errorf("no warning for the repeated article: %v", s.Warnings)
	}
	if _, err := Parse("own.md", []byte("---\nid: xea/a\ncountry: XEA\ntitle: \"Act\"\nversion_date: \"2020-01-01\"\n---\n"+body)); err == nil {
		t.Error("Lacuna format with a repeated article accepted, want an error")
	}
}
