package main

import (
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
	code, out, e := runAllCLI(t, nil, "compare", "XEA", "XFR", "--format", "md", "--top", "0")
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
	_, text, _ := runAllCLI(t, nil, "compare", "XEA", "XFR", "--top", "0")
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
