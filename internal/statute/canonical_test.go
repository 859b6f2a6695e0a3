package statute

import (
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	src := "---\ntitle: \"Strafgesetzbuch \\\"StGB\\\"\"\nidentifier: \"LGBl-1988-037\"\ncountry: \"li\"\nrank: \"gesetz\"\nlast_updated: \"2023-03-01\"\nstatus: \"in_force\"\nsource: \"https://example.org/1988.037\"\nenacted_date: \"1987-06-24\"\n---\n# Strafgesetzbuch\n\n##### § 1\n\n**Keine Strafe ohne Gesetz**\n\n1) Text.\n"
	st, err := Parse("li.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	st.Meta.SourceCommit = "0123abcd"
	out, err := Canonical(st, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := `---
id: "lie/lgbl-1988-037"
country: "LIE"
title: "Strafgesetzbuch \"StGB\""
language: "de"
enacted: "1987-06-24"
version_date: "2023-03-01"
status: "in_force"
source_url: "https://example.org/1988.037"
source_commit: "0123abcd"
import_note: "read from legalize front matter; identifier: LGBl-1988-037; rank: gesetz"
---
# Strafgesetzbuch
`
	if !strings.HasPrefix(string(out), want) {
		t.Errorf("canonical =\n%s\nwant prefix\n%s", out, want)
	}
	// The canonical file parses in Lacuna's own format, without warnings,
	// to the same meta and provisions.
	st2, err := Parse("li2.md", out)
	if err != nil {
		t.Fatal(err)
	}
	if st2.Meta.Dialect != "" || len(st2.Warnings) != 0 {
		t.Errorf("dialect %q, warnings %v", st2.Meta.Dialect, st2.Warnings)
	}
	if st2.Meta.ID != st.Meta.ID || st2.Meta.Country != "LIE" || st2.Meta.Title != st.Meta.Title || ids(st2) != ids(st) || ids(st) != "§1 §1(1)" {
		t.Errorf("reparsed %+v, ids %s vs %s", st2.Meta, ids(st2), ids(st))
	}
	// Canonical of a canonical file keeps its import note.
	out2, err := Canonical(st2, out)
	if err != nil || string(out2) != string(out) {
		t.Errorf("canonical is not idempotent:\n%s", out2)
	}
}
