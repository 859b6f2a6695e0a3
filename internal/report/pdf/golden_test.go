package pdf

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestExtractedTextGolden compares the text poppler extracts from the
// fixture's legal pack with a golden file (lines trimmed, blank lines and
// runs of spaces squeezed, so that only the words and their order count).
func TestExtractedTextGolden(t *testing.T) {
	b, err := report.Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range report.Templates {
		t.Run(name, func(t *testing.T) {
			txt := pdftotext(t, render(t, b, name))
			var out []string
			for _, l := range strings.Split(txt, "\n") {
				l = strings.Join(strings.Fields(strings.ReplaceAll(l, "\f", " ")), " ")
				if l != "" {
					out = append(out, l)
				}
			}
			got := []byte(strings.Join(out, "\n") + "\n")
			path := filepath.Join("testdata", "TestExtractedTextGolden_"+name+".golden")
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
				wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
				for i := 0; i < len(wl) || i < len(gl); i++ {
					var w, g string
					if i < len(wl) {
						w = wl[i]
					}
					if i < len(gl) {
						g = gl[i]
					}
					if w != g {
						t.Fatalf("extracted text differs from %s at line %d:\nwant %q\ngot  %q", path, i+1, w, g)
					}
				}
			}
		})
	}
}

// TestDatesNeverWrap: a date or a section number is one unbreakable
// piece; identifiers still break after their hyphens.
func TestDatesNeverWrap(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"2026-01-10", []string{"2026-01-10"}},
		{"§707-781(1)", []string{"§707-781(1)"}},
		{"prot.non-punishment", []string{"prot.", "non-", "punishment"}},
	} {
		if got := breakWord(tc.in); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("breakWord(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
