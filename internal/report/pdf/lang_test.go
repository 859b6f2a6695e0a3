package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/mapping"
)

// TestPacksInFrenchAndSpanish renders the demo countries' packs, analysed
// by the engine, in French (Valcourt) and Spanish (Santa Alba) through
// every template, and checks the text poppler extracts from the PDF: the
// country's name and the pack's words are there, and no English word is
// left once the map's English text (titles, elements, recommendations,
// instrument names) and the statutes' quotes are blanked. Page 1 of each
// legal pack is rendered to PNG with pdftoppm when it is installed.
func TestPacksInFrenchAndSpanish(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the demo corpus")
	}
	m, err := standard.Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	c, err := statute.Load(corpus.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		country, lang, name string
		words               []string
	}{
		{"XFR", "fr", "Valcourt", []string{"Synthèse", "Fiches de lacunes", "Sommaire", "Page 2 sur", "Traduction non officielle", "Disposition type"}},
		{"XSA", "es", "Santa Alba", []string{"Resumen ejecutivo", "Fichas de lagunas", "Índice", "Página 2 de", "Traducción no oficial", "Disposición modelo"}},
	} {
		res, err := score.Analyze(c, m, score.Options{Country: tc.country, LacunaVersion: "test"})
		if err != nil {
			t.Fatal(err)
		}
		loc, err := report.EmbeddedLocale(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		titles, err := standard.LoadTitles(mapping.FS, "mapping", tc.lang, m, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, tmpl := range report.Templates {
			t.Run(tc.lang+"/"+tmpl, func(t *testing.T) {
				b, err := report.Build(report.Input{Result: res, Map: m, Date: "2026-12-07", Locale: loc, CountryName: tc.name, Titles: titles})
				if err != nil {
					t.Fatal(err)
				}
				pdf := render(t, b, tmpl)
				txt := pdftotext(t, pdf)
				if !strings.Contains(txt, tc.name) {
					t.Errorf("%s not named", tc.name)
				}
				if tmpl == "legal" {
					for _, w := range tc.words {
						if !strings.Contains(txt, w) {
							t.Errorf("%q missing from the %s pack", w, tc.lang)
						}
					}
					// the requirement sheets are there, with the map's
					// translated statement and model provision
					if len(b.Gaps) == 0 {
						t.Fatal("no requirement sheet")
					}
					flat := strings.Join(strings.Fields(txt), " ")
					for _, g := range b.Gaps[:3] {
						for _, s := range []string{g.Statement, g.ModelProvision} {
							if w := strings.Fields(s); len(w) < 6 || !strings.Contains(flat, strings.Join(w[:6], " ")) {
								t.Errorf("%s sheet: %q not in the PDF text", g.ID, s)
							}
						}
					}
					png(t, pdf)
					margins(t, pdf)
				}
				// everything but the statute's own words is translated: the
				// map's texts (titles, statements, elements, recommendations,
				// model provisions, article summaries), the engine's
				// sentences and check labels; quotes, citations and IDs stay
				testutil.Scrub(b, "x", "Text", "Quote", "Law", "Citation", "Provisions",
					"ID", "Requirement", "CitedBy", "Closed", "Opened") // IDs stay English
				if left := testutil.EnglishLeft(pdftotext(t, render(t, b, tmpl))); len(left) > 0 {
					t.Errorf("English words left in the %s %s PDF: %v", tc.lang, tmpl, left)
				}
			})
		}
	}
}

// png renders page 1 with poppler's pdftoppm, when installed, and checks
// that it produced an image.
func png(t *testing.T, pdf []byte) {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		return
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "x.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-r", "40", "-png", "-f", "1", "-l", "1", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	m, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
	if len(m) != 1 {
		t.Fatalf("pdftoppm wrote %v", m)
	}
	if st, err := os.Stat(m[0]); err != nil || st.Size() < 2000 {
		t.Fatalf("page 1 PNG too small: %v %v", st, err)
	}
}

// margins renders every page but the cover (a full-bleed banner) in grey
// with poppler's pdftoppm, when installed, and fails when a page has ink
// in its outer side bands: text that runs past the margin, as a long
// French or Spanish word in a narrow column or chart label would.
func margins(t *testing.T, pdf []byte) {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		return
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "x.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-r", "40", "-gray", "-f", "2", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "p*.pgm"))
	if len(pages) == 0 {
		t.Fatal("pdftoppm wrote no page")
	}
	for _, p := range pages {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if where := inkInMargins(src); where != "" {
			t.Errorf("%s: %s: text runs past the margin", filepath.Base(p), where)
		}
	}
}

// inkInMargins returns where a binary PGM page has a dark pixel in its
// outer side bands (right: the last 8.5% of the width, left: the first
// 6%), or "" when they are blank or the image is not a binary PGM.
func inkInMargins(src []byte) string {
	// binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel
	parts := bytes.SplitN(src, []byte("\n"), 4)
	var w, h int
	if len(parts) != 4 || string(parts[0]) != "P5" {
		return "not a binary PGM"
	}
	if _, err := fmt.Sscanf(string(parts[1]), "%d %d", &w, &h); err != nil || w*h == 0 || w*h > len(parts[3]) {
		return "not a binary PGM"
	}
	px := parts[3]
	for _, band := range []struct {
		name   string
		x0, x1 int
	}{{"right", w * 915 / 1000, w}, {"left", 0, w * 6 / 100}} {
		for y := 0; y < h; y++ {
			for x := band.x0; x < band.x1; x++ {
				if px[y*w+x] < 128 {
					return fmt.Sprintf("ink in the %s margin at %d,%d of %dx%d", band.name, x, y, w, h)
				}
			}
		}
	}
	return ""
}

// TestInkInMargins: the margin check sees a dark pixel in either band
// and nothing on a page whose ink stays inside.
func TestInkInMargins(t *testing.T) {
	page := func(x, y int) []byte {
		const w, h = 100, 20
		px := bytes.Repeat([]byte{255}, w*h)
		if x >= 0 {
			px[y*w+x] = 0
		}
		return append([]byte(fmt.Sprintf("P5\n%d %d\n255\n", w, h)), px...)
	}
	for _, tc := range []struct {
		x, y int
		ink  bool
	}{{-1, 0, false}, {50, 10, false}, {95, 3, true}, {2, 19, true}, {90, 0, false}, {91, 0, true}} {
		if got := inkInMargins(page(tc.x, tc.y)); (got != "") != tc.ink {
			t.Errorf("pixel %d,%d: %q, want ink %v", tc.x, tc.y, got, tc.ink)
		}
	}
	if inkInMargins([]byte("P6\n1 1\n255\nx")) == "" {
		t.Error("a colour PPM passed as a blank page")
	}
}
