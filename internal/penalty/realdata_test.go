package penalty

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/testutil"
)

// realDataDir locates ../shared/realdata relative to the repository root
// (the nearest parent holding go.mod); LACUNA_REALDATA overrides it.
func realDataDir(t testing.TB) string {
	return testutil.RealData(t)
}

// clause is one paragraph of a real statute: its section heading, first
// line and text.
type clause struct {
	file, heading string
	line          int
	text          string
}

// readClauses splits a statute Markdown file into paragraphs (blank-line
// separated, front matter and headings skipped), remembering the heading
// of the section each one sits in. Lines of a list item block stay apart
// as the parser would give them: one paragraph each.
func readClauses(t testing.TB, path string) []clause {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("real data not found at %s: %v", path, err)
	}
	defer f.Close()
	var out []clause
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n, fm, heading := 0, 0, ""
	var cur *clause
	flush := func() {
		if cur != nil && strings.TrimSpace(cur.text) != "" {
			out = append(out, *cur)
		}
		cur = nil
	}
	for sc.Scan() {
		n++
		line := sc.Text()
		if fm < 2 && strings.TrimSpace(line) == "---" {
			fm++
			continue
		}
		if fm == 1 {
			continue
		}
		switch {
		case strings.HasPrefix(line, "#"):
			flush()
			heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
		case strings.TrimSpace(line) == "":
			flush()
		default:
			if cur == nil {
				cur = &clause{file: filepath.Base(path), heading: heading, line: n}
			} else {
				cur.text += "\n"
			}
			cur.text += line
		}
	}
	flush()
	return out
}

func langOf(file string) string {
	switch {
	case strings.HasPrefix(file, "deu"):
		return "de"
	case strings.HasPrefix(file, "fra"):
		return "fr"
	case strings.HasPrefix(file, "esp"), strings.HasPrefix(file, "arg"), strings.HasPrefix(file, "ury"):
		return "es"
	}
	return "en"
}

func TestRealDataDump(t *testing.T) {
	if os.Getenv("PENALTY_DUMP") == "" {
		t.Skip("set PENALTY_DUMP=1 to print every penalty found in the real statutes")
	}
	dir := filepath.Join(realDataDir(t), "statutes")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, path := range files {
		for _, c := range readClauses(t, path) {
			for _, p := range Parse(c.text, langOf(c.file)) {
				t.Logf("%s:%d [%s] %s\n\t%q", c.file, c.line, c.heading, describe(p), c.text[p.Start:p.End])
			}
		}
	}
}

// section is the text of one heading's paragraphs joined by blank lines,
// as a provision-level caller would pass it.
type section struct {
	file, heading string
	text          string
}

func readSections(t testing.TB, path string) []section {
	var out []section
	for _, c := range readClauses(t, path) {
		if len(out) > 0 && out[len(out)-1].heading == c.heading {
			out[len(out)-1].text += "\n\n" + c.text
			continue
		}
		out = append(out, section{c.file, c.heading, c.text})
	}
	return out
}

func TestRealDataSectionDump(t *testing.T) {
	if os.Getenv("PENALTY_DUMP") == "" {
		t.Skip("set PENALTY_DUMP=1 to print every penalty found in the real statutes")
	}
	dir := filepath.Join(realDataDir(t), "statutes")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, path := range files {
		for _, s := range readSections(t, path) {
			for _, p := range Parse(s.text, langOf(s.file)) {
				t.Logf("%s [%s] %s\n\t%q", s.file, s.heading, describe(p), s.text[p.Start:p.End])
			}
		}
	}
}

func countryOf(file string) string {
	if i := strings.IndexByte(file, '-'); i > 0 {
		return strings.ToUpper(file[:i])
	}
	return ""
}

// TestRealData checks known facts of the real statutes, read section by
// section as a provision-level caller would pass them. Each case names a
// file, the start of a section heading, the index of the sanction within
// the section and the expected reading.
func TestRealData(t *testing.T) {
	dir := filepath.Join(realDataDir(t), "statutes")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real data not found at %s: %v", dir, err)
	}
	tests := []struct {
		file, heading string
		nth           int
		want          w
	}{
		// Kenya s3(5): not less than 30 years or a fine of not less than 30 million shillings or both.
		{"ken-ctip-2010.md", "3 Trafficking", 0, w{min: 360, max: none, alt: true, fmin: 3e7, fmax: none, cur: "KES"}},
		// … and upon subsequent conviction, life: a repeat offender's penalty, not the basic one.
		{"ken-ctip-2010.md", "3 Trafficking", 1, w{min: none, max: none, life: true, fmin: none, fmax: none, variant: VariantSubsequent}},
		{"ken-ctip-2010.md", "9 Life threatening", 0, w{min: none, max: none, life: true, fmin: none, fmax: none, variant: VariantDeath}},
		{"ken-ctip-2010.md", "10 Trafficking in persons for organized", 0, w{min: none, max: none, life: true, fmin: none, fmax: none, variant: VariantOrganised}},
		{"ken-ctip-2010.md", "11 Confidentiality", 1, w{min: none, max: none, fmin: 1e7, fmax: none, cur: "KES", variant: VariantLegalPerson}},
		// Malaysia ss12–15.
		{"mys-atip-2007.md", "12. Offence", 0, w{min: none, max: 180, cum: true, fmin: none, fmax: none}},
		{"mys-atip-2007.md", "13. Offence", 0, w{min: 36, max: 240, cum: true, fmin: none, fmax: none}},
		{"mys-atip-2007.md", "14. Offence", 0, w{min: 36, max: 240, cum: true, fmin: none, fmax: none, variant: VariantChild}},
		{"mys-atip-2007.md", "15. Offence", 0, w{min: none, max: 180, cum: true, fmin: 50000, fmax: 500000, cur: "MYR"}},
		{"mys-atip-2007.md", "23. Obligation", 0, w{min: none, max: 60, alt: true, fmin: none, fmax: 250000, cur: "MYR"}},
		// Sri Lanka s2(3)(a).
		{"lka-act30-2005.md", "Section 2.", 0, w{min: 36, max: 180, cum: true, fmin: none, fmax: none}},
		// Pakistan s3.
		{"pak-ptpa-2018.md", "Trafficking in persons", 0, w{min: none, max: 84, alt: true, fmin: none, fmax: 1e6, cur: "PKR"}},
		{"pak-ptpa-2018.md", "Trafficking in persons", 1, w{min: 24, max: 120, alt: true, fmin: none, fmax: 1e6, cur: "PKR", variant: VariantChild}},
		{"pak-ptpa-2018.md", "Trafficking in persons", 2, w{min: 36, max: 168, cum: true, fmin: none, fmax: 2e6, cur: "PKR", variant: VariantDeath}},
		// Canada s279.01 and s279.011.
		// (kidnapping listed before death: aggravated, as the real gold has it)
		{"can-cc-279-2026.md", "279.01 ", 0, w{min: 60, max: none, life: true, fmin: none, fmax: none, variant: VariantAggravated}},
		{"can-cc-279-2026.md", "279.01 ", 1, w{min: 48, max: 168, fmin: none, fmax: none}},
		{"can-cc-279-2026.md", "279.011 ", 1, w{min: 60, max: 168, fmin: none, fmax: none}},
		// United States, 18 U.S.C. §§ 1589–1591.
		{"usa-18usc-ch77-2023.md", "§ 1589.", 0, w{min: none, max: 240, alt: true, fmin: none, fmax: none}},
		{"usa-18usc-ch77-2023.md", "§ 1589.", 1, w{min: none, max: none, life: true, alt: true, fmin: none, fmax: none, variant: VariantDeath}},
		{"usa-18usc-ch77-2023.md", "§ 1590.", 0, w{min: none, max: 240, alt: true, fmin: none, fmax: none}},
		{"usa-18usc-ch77-2023.md", "§ 1591.", 0, w{min: 180, max: none, life: true, cum: true, fmin: none, fmax: none, variant: VariantChild}},
		{"usa-18usc-ch77-2023.md", "§ 1591.", 1, w{min: 120, max: none, life: true, cum: true, fmin: none, fmax: none, variant: VariantChild}},
		{"usa-18usc-ch77-2023.md", "§ 1591.", 2, w{min: none, max: 300, alt: true, fmin: none, fmax: none}},
		// Germany, StGB § 232 (2021): Abs. 1 six months to five years, Abs. 2 six months to ten.
		{"deu-stgb-232-2021.md", "§ 232 ", 0, w{min: 6, max: 60, fmin: none, fmax: none}},
		{"deu-stgb-232-2021.md", "§ 232 ", 1, w{min: 6, max: 120, fmin: none, fmax: none}},
		{"deu-stgb-232-2021.md", "§ 232 ", 2, w{min: 6, max: 120, fmin: none, fmax: none, variant: VariantChild}},
		{"deu-stgb-232-2021.md", "§ 232b ", 0, w{min: 6, max: 120, fmin: none, fmax: none}},
		{"deu-stgb-232-2021.md", "§ 233 ", 0, w{min: none, max: 36, alt: true, fmin: none, fmax: none}},
		{"deu-stgb-232-2021.md", "§ 239a ", 2, w{min: 120, max: none, life: true, fmin: none, fmax: none, variant: VariantDeath}},
		// Germany, StGB § 232 (2012).
		{"deu-stgb-232-2012.md", "§ 232 ", 0, w{min: 6, max: 120, fmin: none, fmax: none}},
		{"deu-stgb-232-2012.md", "§ 232 ", 2, w{min: 3, max: 60, fmin: none, fmax: none, variant: VariantMitigated}},
		// France, Code pénal (2013 and 2011).
		{"fra-cp-225-4-1-2013.md", "Article 225-4-1", 0, w{min: none, max: 84, cum: true, fmin: none, fmax: 150000, cur: "EUR"}},
		{"fra-cp-225-4-1-2013.md", "Article 225-4-1", 1, w{min: none, max: 120, cum: true, fmin: none, fmax: 1.5e6, cur: "EUR", variant: VariantChild}},
		{"fra-cp-225-4-1-2013.md", "Article 225-4-3", 0, w{min: none, max: 240, cum: true, fmin: none, fmax: 3e6, cur: "EUR", variant: VariantOrganised}},
		{"fra-cp-225-4-1-2013.md", "Article 225-4-4", 0, w{min: none, max: none, life: true, cum: true, fmin: none, fmax: 4.5e6, cur: "EUR", variant: VariantAggravated}},
		{"fra-cp-225-4-1-2013.md", "Article 225-14-1", 0, w{min: none, max: 84, cum: true, fmin: none, fmax: 200000, cur: "EUR"}},
		{"fra-cp-225-4-1-2011.md", "Article 225-4-1", 0, w{min: none, max: 84, cum: true, fmin: none, fmax: 150000, cur: "EUR"}},
		{"fra-cp-225-4-1-2011.md", "Article 225-4-2", 0, w{min: none, max: 120, cum: true, fmin: none, fmax: 1.5e6, cur: "EUR", variant: VariantChild}},
		// Spain, Código Penal art. 177 bis (both versions).
		{"esp-cp-177bis-2010.md", "Artículo 177 bis", 0, w{min: 60, max: 96, fmin: none, fmax: none}},
		{"esp-cp-177bis-2015.md", "Artículo 177 bis", 0, w{min: 60, max: 96, fmin: none, fmax: none}},
		// Argentina, Código Penal arts. 145 bis and 145 ter as inserted by Ley 26.364.
		{"arg-ley26364-2025.md", "ARTICULO 10.", 0, w{min: 36, max: 72, fmin: none, fmax: none}},
		// (item 1, an ascendant or other relation of the author, is listed
		// before the organised group: aggravated, as the real gold has it)
		{"arg-ley26364-2025.md", "ARTICULO 10.", 1, w{min: 48, max: 120, fmin: none, fmax: none, variant: VariantAggravated}},
		{"arg-ley26364-2025.md", "ARTICULO 11.", 0, w{min: 48, max: 120, fmin: none, fmax: none, variant: VariantChild}},
		{"arg-ley26364-2025.md", "ARTICULO 11.", 1, w{min: 72, max: 180, fmin: none, fmax: none, variant: VariantChild}},
		// Uruguay, Ley 18.250 arts. 77–79.
		{"ury-ley18250-2008.md", "Artículo 77", 0, w{min: 6, max: 36, fmin: none, fmax: none}},
		{"ury-ley18250-2008.md", "Artículo 78", 0, w{min: 48, max: 192, fmin: none, fmax: none}},
	}
	relTests := []struct {
		file, heading string
		nth           int
		rel           string
		variant       Variant
	}{
		// Spain 177 bis(4): the higher degree when the victim is a minor (among others).
		{"esp-cp-177bis-2015.md", "Artículo 177 bis", 0, RelHigherDegree, VariantChild},
		// Uruguay art. 81: raised by a third to a half, a child victim among the circumstances.
		{"ury-ley18250-2008.md", "Artículo 81", 0, RelThirdToHalf, VariantChild},
		// Sri Lanka s2(3)(c): twice the punishment on a subsequent occasion.
		{"lka-act30-2005.md", "Section 2.", 0, RelDouble, VariantSubsequent},
	}
	for _, tc := range relTests {
		t.Run(fmt.Sprintf("%s/%s/relative-%d", tc.file, tc.heading, tc.nth), func(t *testing.T) {
			for _, s := range readSections(t, filepath.Join(dir, tc.file)) {
				if !strings.HasPrefix(s.heading, tc.heading) {
					continue
				}
				var rels []Penalty
				for _, p := range Parse(s.text, langOf(s.file)) {
					if p.Relative != "" {
						rels = append(rels, p)
					}
				}
				if tc.nth >= len(rels) {
					t.Fatalf("section %q has %d relative sanctions, want at least %d", s.heading, len(rels), tc.nth+1)
				}
				if p := rels[tc.nth]; p.Relative != tc.rel || p.Variant != tc.variant {
					t.Errorf("got %q %s %v, want %q %s", p.Relative, p.Variant, p.Aggravations, tc.rel, tc.variant)
				}
				return
			}
			t.Fatalf("no section heading starts with %q in %s", tc.heading, tc.file)
		})
	}
	cache := map[string][]section{}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%s/%d", tc.file, strings.TrimSpace(tc.heading), tc.nth), func(t *testing.T) {
			secs, ok := cache[tc.file]
			if !ok {
				secs = readSections(t, filepath.Join(dir, tc.file))
				cache[tc.file] = secs
			}
			for _, s := range secs {
				h := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(s.heading)
				if !strings.HasPrefix(h, tc.heading) {
					continue
				}
				got := ParseFor(s.text, langOf(s.file), countryOf(s.file))
				if tc.nth >= len(got) {
					t.Fatalf("section %q has %d sanctions, want at least %d", s.heading, len(got), tc.nth+1)
				}
				checkPenalty(t, s.text, got[tc.nth], tc.want)
				return
			}
			t.Fatalf("no section heading starts with %q in %s", tc.heading, tc.file)
		})
	}
}

// TestRealDataInvariants runs Parse over every paragraph and every section
// of every real statute holding a sanction word and checks what must always
// hold: offsets inside the text, min ≤ max, no fine relation without both a
// fine and imprisonment.
func TestRealDataInvariants(t *testing.T) {
	dir := filepath.Join(realDataDir(t), "statutes")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) == 0 {
		t.Skipf("real data not found at %s", dir)
	}
	total := 0
	for _, path := range files {
		var texts []string
		for _, c := range readClauses(t, path) {
			texts = append(texts, c.text)
		}
		for _, s := range readSections(t, path) {
			texts = append(texts, s.text)
		}
		for _, text := range texts {
			ps := Parse(text, langOf(filepath.Base(path)))
			total += len(ps)
			for _, p := range ps {
				checkInvariants(t, text, p)
			}
		}
	}
	if total < 100 {
		t.Errorf("found %d sanctions in the real statutes, want at least 100", total)
	}
}

func checkInvariants(t testing.TB, text string, p Penalty) {
	t.Helper()
	if p.Start < 0 || p.End > len(text) || p.Start > p.End {
		t.Fatalf("offsets %d..%d outside text of %d bytes", p.Start, p.End, len(text))
	}
	if p.MinMonths != nil && p.MaxMonths != nil && *p.MinMonths > *p.MaxMonths {
		t.Errorf("min %v > max %v in %q", *p.MinMonths, *p.MaxMonths, text)
	}
	if p.FineMin != nil && p.FineMax != nil && *p.FineMin > *p.FineMax {
		t.Errorf("fine min %v > max %v in %q", *p.FineMin, *p.FineMax, text)
	}
	if p.FineAlternative && p.FineCumulative {
		t.Errorf("fine both alternative and cumulative in %q", text)
	}
	if p.Variant == "" {
		t.Errorf("empty variant in %q", text)
	}
}
