package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCompareShowsContrary: a contrary verdict is listed as contrary in
// the regional summary, with its own column in Markdown (before, XFR's
// contrary prot.non-punishment was filed under gap).
func TestCompareShowsContrary(t *testing.T) {
	code, out, e := runAllCLI(t, nil, "compare", "XEA", "XFR", "--format", "md", "--top", "0", "--lang", "en")
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, e)
	}
	if !strings.Contains(out, "| Requirement | Countries | Gap | Contrary | Partial |") {
		t.Errorf("no Contrary column in the summary:\n%s", out)
	}
	row := regexp.MustCompile("(?m)^\\| `prot\\.non-punishment` .* \\| 2 of 2 \\| (.*) \\| (.*) \\| (.*) \\|$").FindStringSubmatch(out)
	if row == nil || row[1] != "—" || row[2] != "XFR" || row[3] != "XEA" {
		t.Errorf("prot.non-punishment summary row: %q, want gap —, contrary XFR, partial XEA", row)
	}
	_, text, _ := runAllCLI(t, nil, "compare", "XEA", "XFR", "--top", "0", "--lang", "en")
	if !regexp.MustCompile(`(?m)^  2/2  prot\.non-punishment +gap: — +contrary: XFR +partial: XEA$`).MatchString(text) {
		t.Errorf("text summary does not show XFR as contrary:\n%s", text)
	}
}

// TestSearchRoleBeforeLimit: --role filters before --limit, so a penalty
// provision ranked below many others is still found with --limit 1.
func TestSearchRoleBeforeLimit(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "xta"), 0o755)
	var b strings.Builder
	b.WriteString("---\nid: xta/act\ncountry: XTA\ntitle: \"Zebra Act\"\nlanguage: en\nversion_date: \"2020-01-01\"\n---\n\n# Zebra Act\n\n")
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "### %d Zebra crossing %d\n\nZebra zebra zebra: the zebra crossing number %d is painted white.\n\n", i, i, i)
	}
	b.WriteString("### 61 Offence\n\n(1) A person who recruits another person for exploitation near a zebra commits an offence.\n\n(2) A person who commits an offence under subsection (1) is liable on conviction to imprisonment for ten years.\n")
	os.WriteFile(filepath.Join(dir, "xta", "act.md"), []byte(b.String()), 0o644)
	code, out, e := runAllCLI(t, nil, "--corpus", dir, "--db", filepath.Join(dir, "x.db"), "search", "zebra", "--role", "penalty", "--limit", "1", "--format", "json")
	if code != 0 || !strings.Contains(out, `"provision": "s61`) {
		t.Errorf("search zebra --role penalty --limit 1: exit %d: %s %s", code, out, e)
	}
}

// TestMissingArgumentsAreUsageErrors: a command without its argument
// exits 2 with its usage line (cobra's "accepts 1 arg(s)" was exit 3);
// an empty corpus is named; analyze suggests a country that exists; a
// binary file named .md says what it looks like.
func TestMissingArgumentsAreUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"mapping", "show"}, {"corpus", "show"}, {"eval"}} {
		code, out, e := runAllCLI(t, nil, args...)
		if code != exitInput || out != "" || !strings.Contains(e, "Usage: lacuna "+strings.Join(args, " ")) {
			t.Errorf("%v: exit %d: %s", args, code, e)
		}
	}
	empty := t.TempDir()
	if code, _, e := runAllCLI(t, nil, "corpus", "validate", empty); code != exitInput || !strings.Contains(e, empty+": no statute files") {
		t.Errorf("corpus validate of an empty folder: exit %d: %s", code, e)
	}
	if code, _, e := runAllCLI(t, nil, "--corpus", empty, "analyze", "--country", "XEA"); code != exitInput || !strings.Contains(e, "the corpus "+empty+" has no statutes") {
		t.Errorf("analyze over an empty corpus: exit %d: %s", code, e)
	}
	if code, _, e := runAllCLI(t, nil, "analyze"); code != exitInput || !strings.Contains(e, "lacuna analyze --country XEA") {
		t.Errorf("analyze without arguments: exit %d: %s", code, e)
	}
	for name, head := range map[string]string{"pdf": "%PDF-1.7\n", "docx": "PK\x03\x04\x14\x00\x06\x00"} {
		p := filepath.Join(t.TempDir(), "act.md")
		os.WriteFile(p, []byte(head+strings.Repeat("\x00\x01binary", 50)), 0o644)
		code, _, e := runAllCLI(t, nil, "analyze", p)
		if code != exitInput || !strings.Contains(e, p+":1: file looks like") {
			t.Errorf("a %s named .md: exit %d: %s", name, code, e)
		}
	}
}

// TestFormatRegistry: a format a command cannot produce is a usage error
// (before, eval and version ignored --format); md and markdown are one
// format; compare has JSON; the JSON contract has no null where it
// documents an array.
func TestFormatRegistry(t *testing.T) {
	for _, args := range [][]string{
		{"version", "--format", "pdf"},
		{"eval", "../../testdata/gold/demo.yaml", "--format", "json"},
		{"mapping", "validate", "--format", "csv"},
	} {
		code, out, e := runAllCLI(t, nil, args...)
		if code != exitInput || out != "" || !strings.Contains(e, "unknown --format") {
			t.Errorf("%v: exit %d: %s", args, code, e)
		}
	}
	for _, args := range [][]string{
		{"diff", "--country", "XEA", "--from", "2012", "--to", "2024-01-01", "--format", "md"},
		{"compare", "XEA", "XFR", "--format", "markdown"},
		{"analyze", "--country", "XEA", "--format", "md"},
	} {
		if code, out, e := runAllCLI(t, nil, args...); code > 1 || !strings.HasPrefix(out, "# ") {
			t.Errorf("%v: exit %d, %.40q: %s", args, code, out, e)
		}
	}
	code, out, e := runAllCLI(t, nil, "compare", "XEA", "XFR", "--format", "json")
	var doc struct {
		Countries    []string
		Requirements []struct{ Verdicts map[string]string }
		Shared       []struct{ Contrary []string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Countries) != 2 || len(doc.Requirements) < 50 || strings.Contains(out, "null") {
		t.Errorf("compare --format json: exit %d: %.200s %s", code, out, e)
	}
	for _, c := range []string{"XEA", "XFR", "XSA"} {
		_, out, _ := runAllCLI(t, nil, "analyze", "--country", c, "--format", "json")
		if regexp.MustCompile(`"(evidence|found|missing|external_refs)": null`).MatchString(out) {
			t.Errorf("analyze %s --format json has null for a documented array", c)
		}
	}
	for _, tc := range []struct {
		args []string
		head string
	}{
		{[]string{"diff", "--country", "XEA", "--from", "2012", "--to", "2024-01-01", "--format", "csv"}, "record,statute,requirement,change,old,new,"},
		{[]string{"search", "trafficking", "--format", "csv", "--limit", "3"}, "rank,score,country,statute,version_date,provision,line,"},
	} {
		code, out, e := runAllCLI(t, nil, tc.args...)
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code > 1 || err != nil || len(recs) < 2 || !strings.HasPrefix(out, tc.head) {
			t.Errorf("%v: exit %d, %v: %.200s %s", tc.args, code, err, out, e)
		}
	}
	if code, out, _ := runAllCLI(t, nil, "version", "--format", "json"); code != 0 || !strings.Contains(out, `"lacuna": "`) {
		t.Errorf("version --format json: exit %d: %s", code, out)
	}
}

// TestTableHeaders: mapping list has a header row; eval's confusion
// matrix columns are aligned under whole labels (they ran together:
// "met partialundeterm     gapcontrary").
func TestTableHeaders(t *testing.T) {
	_, out, _ := runAllCLI(t, nil, "mapping", "list")
	if !regexp.MustCompile(`^REQUIREMENT +PILLAR +OBLIGATION +WT +TITLE\n`).MatchString(out) {
		t.Errorf("mapping list has no header row: %.120q", out)
	}
	_, out, _ = runAllCLI(t, nil, "eval", "../../testdata/gold/demo.yaml")
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "confusion matrix") {
			continue
		}
		head := strings.Fields(lines[i+1])
		if strings.Join(head, " ") != "met partial undetermined gap contrary not_applicable missing" {
			t.Errorf("matrix header %q", lines[i+1])
		}
		for _, row := range lines[i+2 : i+4] {
			// every count ends where its label ends
			for _, lab := range head {
				end := strings.Index(lines[i+1], lab) + len(lab)
				if end > len(row) || row[end-1] < '0' || row[end-1] > '9' {
					t.Errorf("row %q: no count ending under %q", row, lab)
				}
			}
		}
		return
	}
	t.Errorf("no confusion matrix in eval output")
}

// TestTerminalConventions: NO_COLOR and TERM=dumb switch colour off on a
// terminal; --version prints the version; brief -o - refuses to write a
// PDF to a terminal, as compare does.
func TestTerminalConventions(t *testing.T) {
	tty := func(env []string, args ...string) (int, string, string) {
		ios, out, errOut := testIO()
		ios.IsTTY = true
		code := run(context.Background(), args, env, ios)
		return code, out.String(), errOut.String()
	}
	if _, out, _ := tty(nil, "analyze", "--country", "XEA"); !strings.Contains(out, "\x1b[") {
		t.Fatalf("no colour on a terminal to begin with")
	}
	for _, env := range [][]string{{"NO_COLOR=1"}, {"TERM=dumb"}} {
		if code, out, e := tty(env, "analyze", "--country", "XEA"); code > 1 || strings.Contains(out, "\x1b[") {
			t.Errorf("%v: exit %d, colour escapes in the output: %s", env, code, e)
		}
	}
	if code, out, _ := runAllCLI(t, nil, "--version"); code != 0 || out != "lacuna "+version+"\n" {
		t.Errorf("--version: exit %d: %q", code, out)
	}
	if code, out, e := tty(nil, "brief", "--country", "XEA", "-o", "-"); code != exitInput || out != "" {
		t.Errorf("brief -o - to a terminal: exit %d, %d bytes: %s", code, len(out), e)
	}
}

// TestBriefFiles: brief FILE.md… briefs the files as analyze FILE.md
// analyses them: the pack for XEA's three latest files matches the pack
// of --country XEA but for the provenance paths; an input is never the
// output.
func TestBriefFiles(t *testing.T) {
	tmp := t.TempDir()
	files := []string{"../../corpus/xea/ctip-act-2023.md", "../../corpus/xea/employment-recruitment-act.md", "../../corpus/xea/sexual-offences-children-act.md"}
	out := filepath.Join(tmp, "files.md")
	code, _, e := runAllCLI(t, nil, append([]string{"brief", "--format", "md", "-o", out, "-q"}, files...)...)
	if code != 0 {
		t.Fatalf("brief FILE.md…: exit %d: %s", code, e)
	}
	ref := filepath.Join(tmp, "country.md")
	if code, _, e := runAllCLI(t, nil, "brief", "--country", "XEA", "--format", "md", "-o", ref, "-q"); code != 0 {
		t.Fatalf("brief --country XEA: exit %d: %s", code, e)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(ref)
	strip := regexp.MustCompile(`(?m)^\| xea/[^|]+ \| [0-9-]+ \| [^|]+ \| [0-9a-f]{64} \|$`)
	if len(a) < 10000 || string(strip.ReplaceAll(a, nil)) != string(strip.ReplaceAll(b, nil)) {
		t.Errorf("brief of the files (%d bytes) differs from brief --country XEA (%d bytes) beyond provenance", len(a), len(b))
	}
	before, _ := os.ReadFile(files[0])
	if code, _, _ := runAllCLI(t, nil, "brief", files[0], "-o", files[0]); code != exitInput {
		t.Errorf("brief FILE -o FILE: exit %d, want 2", code)
	}
	if after, _ := os.ReadFile(files[0]); string(after) != string(before) {
		t.Fatalf("brief overwrote its input")
	}
}

// TestCompletion: shell completion offers the corpus's countries and
// statute IDs, the map's requirement IDs, the command's formats (from the
// registry) and the templates.
func TestCompletion(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"analyze", "--country", "X"}, []string{"XEA", "XFR", "XSA"}},
		{[]string{"compare", "XEA", "X"}, []string{"XEA", "XFR", "XSA"}},
		{[]string{"corpus", "show", "xea/c"}, []string{"xea/ctip-act"}},
		{[]string{"mapping", "show", "def.a"}, []string{"def.acts"}},
		{[]string{"compare", "--format", ""}, []string{"text", "json", "csv", "md", "pdf"}},
		{[]string{"brief", "--template", ""}, []string{"legal", "advocacy", "amendments"}},
	} {
		code, out, e := runAllCLI(t, nil, append([]string{"__complete"}, tc.args...)...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || len(lines) < 1 || strings.Join(lines[:len(lines)-1], " ") != strings.Join(tc.want, " ") {
			t.Errorf("complete %v: exit %d: %q %s", tc.args, code, out, e)
		}
	}
}
