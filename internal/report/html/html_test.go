package html

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/reason"
	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/templates"
)

func TestRender(t *testing.T) {
	b := &report.Briefing{Title: "T", Country: "XEA", CountryName: "XEA", Date: "2026-01-15",
		Summary: report.Summary{Overall: 55.5, Pillars: []report.PillarScore{{Label: "Prosecution", Score: 80}}},
		Gaps: []report.GapSheet{{ID: "def.acts", Anchor: "gap-def-acts", Title: "Acts <b>", Verdict: "gap", MachineVerdict: "gap",
			Evidence: []report.Quote{{Citation: "x s1, line 2", Text: "Łódź <script>alert(1)</script> *x*", Note: 1}}}},
		Requirements: []report.RequirementRow{{ID: "def.acts", Verdict: "gap", Anchor: "gap-def-acts"}},
	}
	for _, name := range report.Templates {
		var buf bytes.Buffer
		if err := (Renderer{FS: templates.FS, Template: name}).Render(&buf, b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out := buf.String()
		if strings.Contains(out, "<script") || strings.Contains(out, "Acts <b>") {
			t.Errorf("%s: statute text reached the HTML unescaped", name)
		}
		for _, bad := range []string{"http://", "https://", "src=", "<link"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: not self-contained, found %q", name, bad)
			}
		}
		if name == "legal" {
			for _, want := range []string{`id="gap-def-acts"`, `href="#gap-def-acts"`, "Łódź &lt;script&gt;", "Acts &lt;b&gt;",
				`class="badge gap"`, `class="chart"`, `class="toc"`, "55.5"} {
				if !strings.Contains(out, want) {
					t.Errorf("legal: missing %q", want)
				}
			}
			if strings.Contains(out, "<em>x</em>") {
				t.Error("statute asterisks became emphasis")
			}
		}
	}
}

// TestRenderSpanish: a Spanish pack says so in <html lang>, its contents
// heading, badges (coloured by class) and the word under the score.
func TestRenderSpanish(t *testing.T) {
	loc, err := report.EmbeddedLocale("es")
	if err != nil {
		t.Fatal(err)
	}
	res := &score.Result{Country: "XSA", Findings: []score.Finding{{Requirement: "def.acts", Title: "Actos", Verdict: score.Gap, MachineVerdict: score.Gap,
		Pillar: "prosecution", Weight: 1, Reason: reason.New("not-found", nil)}}}
	b, err := report.Build(report.Input{Result: res, Date: "2026-01-15", Locale: loc, CountryName: "Santa Alba"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (Renderer{FS: templates.FS, Template: "legal"}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`<html lang="es">`, "<h2>Índice</h2>", `class="badge gap">LAGUNA<`, "sobre 100", "Santa Alba", "15 de enero de 2026"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
}
