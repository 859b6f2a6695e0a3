package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/templates"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/<name>.golden, rewriting it under -update
// or UPDATE_GOLDEN=1.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update || os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file:\n%s", name, lineDiff(string(want), string(got)))
	}
}

// lineDiff is a small unified-style diff: lines only in want (-) or got (+).
func lineDiff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	var sb strings.Builder
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i++
			j++
		case j < len(b) && (i >= len(a) || !contains(a[i:], b[j])):
			sb.WriteString("+ " + b[j] + "\n")
			j++
		default:
			sb.WriteString("- " + a[i] + "\n")
			i++
		}
	}
	return sb.String()
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func TestBuildDump(t *testing.T) {
	b, err := Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Dump(&buf, b); err != nil {
		t.Fatal(err)
	}
	golden(t, t.Name(), buf.Bytes())
	// Same input, same dump.
	b2, _ := Build(fixture())
	var buf2 bytes.Buffer
	Dump(&buf2, b2)
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("two builds of the same input differ")
	}
}

func TestBuildOrdering(t *testing.T) {
	b, err := Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Gaps) != 4 {
		t.Fatalf("gap sheets = %d, want 4 (partial, gap, contrary, undetermined)", len(b.Gaps))
	}
	var ids []string
	for _, g := range b.Summary.Gravest {
		ids = append(ids, g.ID)
	}
	// contrary×2=8, gap×2=6, partial×3=4.5, undetermined×1=1
	if got, want := strings.Join(ids, ","), "prot.non-punishment,pen.serious-crime,def.acts,prot.reflection-period"; got != want {
		t.Errorf("gravest = %s, want %s", got, want)
	}
	if b.CountryName != "XEA" {
		t.Errorf("invented code should keep its code as name, got %q", b.CountryName)
	}
	if CountryName("KEN") != "Kenya" || CountryName("FRA") != "France" {
		t.Errorf("CountryName: KEN=%q FRA=%q", CountryName("KEN"), CountryName("FRA"))
	}
	if b.Penalties.Rows[0].MeetsSerious != "no" || b.Penalties.Rows[1].MeetsSerious != "yes" {
		t.Errorf("penalty thresholds: %+v", b.Penalties.Rows)
	}
	tl := b.Timeline
	if len(tl.Points) != 2 || tl.Points[0].VersionDate != "2019-03-01" || strings.Join(tl.Points[1].Closed, ",") != "crim.attempt" {
		t.Errorf("timeline: %+v", tl.Points)
	}
}

func TestTimelineCauses(t *testing.T) {
	tl := fixture().Timeline
	tl.SetCauses("2021-10-01", "crim.attempt", []string{"xea/strafgesetz §232 (added)", "a (changed)"})
	tl.SetCauses("1999-01-01", "crim.attempt", []string{"ignored"})
	p := tl.Points[1]
	if len(p.Changes) != 1 || strings.Join(p.Changes[0].Causes, "|") != "a (changed)|xea/strafgesetz §232 (added)" {
		t.Errorf("causes = %+v", p.Changes)
	}
	if len(tl.Points[0].Changes) != 0 {
		t.Errorf("the first point has no predecessor, so no changes: %+v", tl.Points[0].Changes)
	}
}

func TestBuildNoResult(t *testing.T) {
	if _, err := Build(Input{}); err == nil {
		t.Error("Build without a result should fail")
	}
}

func TestMarkdownTemplates(t *testing.T) {
	b, err := Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Templates {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (MarkdownRenderer{FS: templates.FS, Template: name}).Render(&buf, b); err != nil {
				t.Fatal(err)
			}
			golden(t, "TestMarkdownTemplates_"+name, buf.Bytes())
			if strings.Contains(buf.String(), "```cover") || strings.Contains(buf.String(), "```toc") {
				t.Error("directive fences left in Markdown output")
			}
		})
	}
}

// TestPenaltyThresholdsAreChecked: the penalties table lists only the
// thresholds it checks (its last column tests the serious-crime maximum),
// never another requirement's threshold it does not apply.
func TestPenaltyThresholdsAreChecked(t *testing.T) {
	b, err := Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Penalties.Thresholds) == 0 {
		t.Fatal("no threshold listed")
	}
	for _, th := range b.Penalties.Thresholds {
		if th.Requirement != "pen.serious-crime" || th.Key != "max_months_min" {
			t.Errorf("threshold %s %s listed but not checked by the table", th.Requirement, th.Key)
		}
	}
}
