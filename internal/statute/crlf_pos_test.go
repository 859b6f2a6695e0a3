package statute_test

import (
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestFrontMatterColumnsWithCRLF checks that a front matter error has the
// same line and column whether the file ends its lines with LF or CRLF,
// and that a CRLF file's values carry no trailing blank.
func TestFrontMatterColumnsWithCRLF(t *testing.T) {
	lf := "---\ncountry: XEA\nid: xea/a\ntitle: \"T\"\nversion_note: |\n  first line\n  second line\nstatus: rumoured\n---\n\n### Section 1. A\n\nText.\n"
	var msgs []string
	var notes []string
	for _, src := range []string{lf, strings.ReplaceAll(lf, "\n", "\r\n"), "\xEF\xBB\xBF" + strings.ReplaceAll(lf, "\n", "\r\n")} {
		st, err := statute.Parse("x.md", []byte(src))
		if err == nil {
			t.Fatal("no error for an unknown status")
		}
		msgs = append(msgs, err.Error())
		notes = append(notes, st.Meta.Extra["version_note"])
	}
	if !strings.Contains(notes[0], "first line\nsecond line") {
		t.Errorf("LF: version_note %q", notes[0])
	}
	if !strings.Contains(msgs[0], "x.md:8:9: status") {
		t.Errorf("LF: %s", msgs[0])
	}
	for i, m := range msgs[1:] {
		if m != msgs[0] {
			t.Errorf("CRLF file %d: %q, want %q", i+1, m, msgs[0])
		}
		if notes[i+1] != notes[0] {
			t.Errorf("CRLF file %d: version_note %q, want %q", i+1, notes[i+1], notes[0])
		}
	}
}
