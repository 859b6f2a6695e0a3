package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/templates"
)

var clock = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

func render(t testing.TB, b *report.Briefing, tmpl string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := (Renderer{FS: templates.FS, Template: tmpl, Now: clock}).Render(&buf, b); err != nil {
		t.Fatalf("render %s: %v", tmpl, err)
	}
	return buf.Bytes()
}

var (
	pageRE    = regexp.MustCompile(`/Type /Page\b[^s]`)
	outlineRE = regexp.MustCompile(`<</Title [^\n]*\n/Parent`)
	linkRE    = regexp.MustCompile(`/Subtype /Link /Rect \[[^\]]*\] /Border \[0 0 0\] /Dest \[`)
)

// pdftotext extracts the text of a PDF with poppler's pdftotext; the test
// is skipped where poppler-utils is not installed (.ci/run installs it).
func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not found (install poppler-utils: apt-get install -y poppler-utils); skipping text extraction")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func pdfinfoPages(t *testing.T, pdf []byte) int {
	t.Helper()
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		return -1
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, pdf, 0o644)
	out, err := exec.Command(bin, path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo says the PDF is invalid: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo: no page count in\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func TestRenderTemplates(t *testing.T) {
	b, err := report.Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		minPages int
		maxPages int
		outline  int // bookmarks: H1 + H2 headings, contents, notes
		want     []string
	}{
		{"legal", 8, 20, 19, []string{
			"Contents", "Executive summary", "The gravest gaps", "Method and limits", "Scorecard", "Score by pillar",
			"Requirements", "Gap sheets", "def.acts — All five acts", "Penalties against thresholds", "Ratifications",
			"Reviewer log", "Annex: quoted provisions", "Provenance",
			"cited for Palermo Protocol art. 3(a), CoE Convention art. 4(a).",
			"12.5 out of 100", "41.7", "CONTRARY", "Niña, señor, Łódź, Straße, Győr, Čapek.", "l'héberger", "Straßenverkehr",
			"A. Łukasiewicz", "# Not a heading *nor* [a link](http://x) | pipe {{.Country}} <b>bold</b>",
			"Page 3 of", "Code pénal de Xéa",
		}},
		{"advocacy", 2, 4, 7, []string{"The headline", "Our asks", "What to amend", "We ask:", "Add a non-punishment clause.", "12.5"}},
		{"amendments", 2, 8, 7, []string{"Timeline", "Changes by version", "As of 2021-10-01", "crim.attempt", "Overall score across versions"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := render(t, b, tt.name)
			if !bytes.HasPrefix(pdf, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
				t.Fatal("not a complete PDF")
			}
			pages := len(pageRE.FindAll(pdf, -1))
			if pages < tt.minPages || pages > tt.maxPages {
				t.Errorf("%d pages, want %d–%d", pages, tt.minPages, tt.maxPages)
			}
			if n := pdfinfoPages(t, pdf); n >= 0 && n != pages {
				t.Errorf("pdfinfo counts %d pages, the page objects %d", n, pages)
			}
			if n := len(linkRE.FindAll(pdf, -1)); n == 0 && tt.name != "advocacy" {
				t.Error("no internal links")
			}
			if n := len(outlineRE.FindAll(pdf, -1)); n != tt.outline {
				t.Errorf("%d outline entries, want %d", n, tt.outline)
			}
			txt := pdftotext(t, pdf)
			flat := strings.Join(strings.Fields(txt), " ")
			for _, w := range tt.want {
				if !strings.Contains(flat, w) {
					t.Errorf("extracted text lacks %q", w)
				}
			}
			if want := "of " + strconv.Itoa(pages); !strings.Contains(flat, "Page 2 "+want) {
				t.Errorf("no footer %q", "Page 2 "+want)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	b, err := report.Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range report.Templates {
		a, c := render(t, b, name), render(t, b, name)
		if !bytes.Equal(a, c) {
			t.Errorf("%s: two renders with the same clock differ", name)
		}
	}
	var buf bytes.Buffer
	if err := (Renderer{FS: templates.FS, Template: "legal", Now: clock.Add(time.Hour)}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(buf.Bytes(), render(t, b, "legal")) {
		t.Error("the clock does not reach the document dates")
	}
}

func TestBadMarkdownNeverPanics(t *testing.T) {
	inputs := []string{
		"", "```chart\n", "```cover\n```", "| a |\n|---|\n| b | c | d |\n",
		"# " + strings.Repeat("x", 5000), "```toc\n```\n```toc\n```\n# a\n## b\n",
		"- a\n  - b\n    > c\n    > ```chart\n    > bar: x | 300 | y\n    > ```\n",
		"[^1]\n\n[^1]: note `GAP`", strings.Repeat("word ", 20000),
		"[dangling](#nowhere) and [out](https://example.org) <b>raw</b> &amp;",
	}
	for i, in := range inputs {
		var buf bytes.Buffer
		if err := RenderMarkdown(&buf, []byte(in), Meta{Now: clock}); err != nil {
			t.Errorf("input %d: %v", i, err)
		}
	}
}

// FuzzRenderMarkdown: whatever Markdown a template produces, rendering
// returns a PDF or an error, never a panic.
func FuzzRenderMarkdown(f *testing.F) {
	for _, s := range []string{
		"# a {#x}\n\n[l](#x) `GAP` *e* **b**\n\n> q\n\n- i\n  1. j\n\n| a | b |\n|---|--:|\n| `MET` | 2 |\n\n[^1]\n\n[^1]: n",
		"```cover\ntitle: t\nscore: 50\nlayout: banner\nfield: a | b\nitem: c\nnote: d\n```\n```toc\n```\n```chart\ntitle: c\nbar: x | -5 | n\nbar: y | 500\n```\n```pagebreak\n```\n```go\ncode\n```",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 20000 {
			return
		}
		var buf bytes.Buffer
		_ = RenderMarkdown(&buf, []byte(src), Meta{Now: clock})
	})
}
