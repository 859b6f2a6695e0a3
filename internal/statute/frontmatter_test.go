package statute

import (
	"strings"
	"testing"
)

func TestFrontMatter(t *testing.T) {
	const body = "\n### 1 Short title\n\nText.\n"
	tests := []struct {
		name  string
		front string
		check func(t *testing.T, m Meta)
		want  []string // every problem, file "fm.md"
	}{
		{"all known keys", `id: xea/full-act
country: XEA
title: "Full Act 2020"
short_title: Full Act
citation: Act No. 1 of 2020
jurisdiction: national
language: en-GB
enacted: 2020-01-15
version_date: "2021"
in_force: 2020-03-01
status: in_force
amends: [xea/old-act]
amended_by:
  - xea/newer-act
  - xea/newest-act
source_url: https://example.org/full
source_repository: https://example.org/repo
source_path: acts/full.md
source_commit: 0123456789abcdef
licence_note: public domain
excerpt: true
excerpt_note: sections 1 to 3
text_quality: Good
version_note: a free-text note
`, func(t *testing.T, m Meta) {
			if m.ID != "xea/full-act" || m.Country != "XEA" || m.Title != "Full Act 2020" || m.ShortTitle != "Full Act" ||
				m.Citation != "Act No. 1 of 2020" || m.Jurisdiction != "national" || m.Language != "en-GB" || m.Lang() != "en" ||
				m.Enacted != "2020-01-15" || m.VersionDate != "2021" || m.InForce != "2020-03-01" || m.Status != "in_force" ||
				strings.Join(m.Amends, ",") != "xea/old-act" || strings.Join(m.AmendedBy, ",") != "xea/newer-act,xea/newest-act" ||
				m.SourceURL != "https://example.org/full" || m.SourceRepository == "" || m.SourcePath != "acts/full.md" ||
				m.SourceCommit != "0123456789abcdef" || m.LicenceNote != "public domain" || !m.Excerpt ||
				m.ExcerptNote != "sections 1 to 3" || m.TextQuality != "Good" || m.Extra["version_note"] != "a free-text note" {
				t.Errorf("meta = %+v", m)
			}
		}, nil},
		{"unquoted year is a scalar", "id: xea/y\ncountry: XEA\ntitle: Y\nenacted: 2010\nversion_date: 2010\n",
			func(t *testing.T, m Meta) {
				if m.Enacted != "2010" || m.VersionDate != "2010" {
					t.Errorf("dates = %q %q", m.Enacted, m.VersionDate)
				}
			}, nil},
		{"user-assigned codes", "id: qmz/a\ncountry: QMZ\ntitle: A\n", nil, nil},
		{"user-assigned AA", "id: aaz/a\ncountry: AAZ\ntitle: A\n", nil, nil},
		{"lower-case country", "id: xea/a\ncountry: ken\ntitle: A\n", nil,
			[]string{`fm.md:3:10: country "ken" is not upper case, expected "KEN"`}},
		{"not user-assigned", "id: qla/a\ncountry: QLA\ntitle: A\n", nil,
			[]string{`fm.md:3:10: unknown country code "QLA", expected an ISO 3166-1 alpha-3 code such as "KEN" or a user-assigned code (AAA–AAZ, QMA–QZZ, XAA–XZZ, ZZA–ZZZ)`}},
		{"unknown version date", "id: xea/a\ncountry: XEA\ntitle: A\nversion_date: unknown\n", nil,
			[]string{`fm.md:5:15: warning: version_date is "unknown": this version cannot be placed in time and --as-of only selects it when its statute has no dated version`}},
		{"month only date", "id: xea/a\ncountry: XEA\ntitle: A\nin_force: 2020-05\n", nil,
			[]string{`fm.md:5:11: in_force "2020-05" is not a date, expected YYYY-MM-DD, a year YYYY, or "unknown"`}},
		{"bad id", "id: Xea/My Act\ncountry: XEA\ntitle: A\n", nil,
			[]string{`fm.md:2:5: statute id "Xea/My Act" is not valid, expected lower-case letters, digits, '.', '-' or '_' in parts separated by '/', such as "ken/ctip-act-2010"`}},
		{"bad language", "id: xea/a\ncountry: XEA\ntitle: A\nlanguage: english!\n", nil,
			[]string{`fm.md:5:11: language "english!" is not a BCP 47 language tag, expected e.g. "en", "fr", "de" or "es"`}},
		{"duplicate key", "id: xea/a\ncountry: XEA\ntitle: A\ntitle: B\n", nil,
			[]string{`fm.md:5:1: key "title" appears twice (first at line 4), expected each key once`}},
		{"mapping value", "id: xea/a\ncountry: {code: XEA}\ntitle: A\n", nil,
			[]string{`fm.md:3:10: "country" is a mapping, expected a single text value`}},
		{"list of lists in amends", "id: xea/a\ncountry: XEA\ntitle: A\namends: [[a]]\n", nil,
			[]string{`fm.md:5:9: "amends" is a list, expected a text value or a list of text values`}},
		{"front matter is a list", "- a\n- b\n", nil,
			[]string{`fm.md:2:1: front matter is a list, expected a mapping of keys (country: …, title: …)`}},
		{"missing id", "country: XEA\ntitle: A\n", func(t *testing.T, m Meta) {
			if m.ID != "xea/fm" {
				t.Errorf("derived id = %q, want xea/fm", m.ID)
			}
		}, []string{`fm.md:1: warning: front matter has no "id", using "xea/fm" from the file name; expected a stable id such as "ken/ctip-act-2010"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse("fm.md", []byte("---\n"+tt.front+"---\n"+body))
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

func TestCorpusHelpers(t *testing.T) {
	mk := func(path, id, country, date string) *Statute {
		src := "---\nid: " + id + "\ncountry: " + country + "\ntitle: T\nversion_date: " + date + "\n---\n\n### 1 X\n\nText.\n"
		s, err := Parse(path, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	c := NewCorpus(
		mk("b3.md", "xeb/act", "XEB", "2023-09-01"),
		mk("b1.md", "xeb/act", "XEB", "2012"),
		mk("b2.md", "xeb/act", "XEB", "2017-03-15"),
		mk("a.md", "xea/law", "XEA", "unknown"),
		mk("c.md", "xea/code", "XEA", "2015-06-30"),
	)
	var order []string
	for _, s := range c.Statutes {
		order = append(order, s.Path)
	}
	if got := strings.Join(order, " "); got != "c.md a.md b1.md b2.md b3.md" {
		t.Errorf("order = %s", got)
	}
	paths := func(c *Corpus) string {
		var out []string
		for _, s := range c.Statutes {
			out = append(out, s.Path)
		}
		return strings.Join(out, " ")
	}
	tests := []struct{ name, got, want string }{
		{"AsOf before any version", paths(c.AsOf("2011-12-31")), "a.md"},
		{"AsOf year-only version counts from 1 January", paths(c.AsOf("2012-01-01")), "a.md b1.md"},
		{"AsOf exact date", paths(c.AsOf("2017-03-15")), "c.md a.md b2.md"},
		{"AsOf year argument means end of year", paths(c.AsOf("2023")), "c.md a.md b3.md"},
		{"AsOf empty is Latest", paths(c.AsOf("")), "c.md a.md b3.md"},
		{"Latest", paths(c.Latest()), "c.md a.md b3.md"},
		{"Country", paths(c.Country("xeb")), "b1.md b2.md b3.md"},
		{"Countries", strings.Join(c.Countries(), " "), "XEA XEB"},
		{"Versions", func() string {
			var out []string
			for _, s := range c.Versions("xeb/act") {
				out = append(out, s.Meta.VersionDate)
			}
			return strings.Join(out, " ")
		}(), "2012 2017-03-15 2023-09-01"},
		{"Resolve exact", c.Resolve(Ref{ID: "xeb/act", Date: "2017-03-15"}).Path, "b2.md"},
		{"Resolve in force on", c.Resolve(Ref{ID: "xeb/act", Date: "2020-01-01"}).Path, "b2.md"},
		{"Resolve latest", c.Resolve(Ref{ID: "xeb/act"}).Path, "b3.md"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if c.Resolve(Ref{ID: "xeb/act", Date: "2000-01-01"}) != nil {
		t.Errorf("Resolve before the first version must be nil")
	}
	if _, err := c.Lookup("xzz/none"); err == nil || err.Error() != `statute "xzz/none" is not in the corpus` {
		t.Errorf("Lookup unknown = %v", err)
	}
}

func TestParseRef(t *testing.T) {
	tests := []struct {
		in, id, date, err string
	}{
		{"ken/ctip@2010-01-01", "ken/ctip", "2010-01-01", ""},
		{"ken/ctip-act-2010", "ken/ctip-act-2010", "", ""},
		{"deu/stgb@2012", "deu/stgb", "2012", ""},
		{"ken/ctip@unknown", "ken/ctip", "unknown", ""},
		{"ken/ctip@", "", "", `statute reference "ken/ctip@": date "" is not valid, expected YYYY-MM-DD, YYYY or unknown`},
		{"ken/ctip@2010-13-01", "", "", `statute reference "ken/ctip@2010-13-01": date "2010-13-01" is not valid, expected YYYY-MM-DD, YYYY or unknown`},
		{"Ken CTIP", "", "", `statute reference "Ken CTIP": "Ken CTIP" is not a statute id, expected e.g. "ken/ctip-act-2010" or "ken/ctip-act-2010@2010-01-01"`},
	}
	for _, tt := range tests {
		r, err := ParseRef(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseRef(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || string(r.ID) != tt.id || r.Date != tt.date {
			t.Errorf("ParseRef(%q) = %+v, %v", tt.in, r, err)
		}
		if r.String() != tt.in {
			t.Errorf("String() = %q, want %q", r.String(), tt.in)
		}
	}
}
