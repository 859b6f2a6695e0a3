package statute

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fmFuzzBody is a fixed, valid statute body: FuzzFrontMatter varies only the
// YAML between the delimiter lines.
const fmFuzzBody = "# Test Act\n\n## Part I - Preliminary\n\n### Section 1. Short title\n\nThis Act is the Test Act.\n\n### Section 2. Offence\n\n(1) A person who recruits another commits an offence.\n"

// FuzzFrontMatter feeds arbitrary YAML as a statute's front matter.
// Invariants: no panic; Parse returns a statute; every error and warning is
// an *Error positioned inside the file (line within the file, column within
// the line); provision IDs are unique.
func FuzzFrontMatter(f *testing.F) {
	f.Add("country: XEA\ntitle: Test Act\nid: xea/test\nversion_date: 2020-01-01\n")
	f.Add("country: XEA\ntitle: [a, b]\nexcerpt: maybe\n")
	f.Add("country: xea\ntitle: T\nstatus: rumoured\nlanguage: en-GB\nenacted: 2020-02-30\n")
	f.Add("a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n")
	f.Add("<<: {country: XEA}\ntitle: T\n")
	f.Add("country: XEA\ncountry: XFR\ntitle: T\n")
	f.Add("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")
	f.Add("--- \ncountry: XEA\n---\ntitle: T\n")
	f.Add("country: \"XEA\ntitle: T\n")
	f.Add("? [a]\n: b\n")
	f.Add("!!binary country: XEA\n")
	f.Add("country: XEA\r\ntitle: T\r\nunknown_key: 1\r\n")
	f.Add("\ufeffcountry: XEA\ntitle: T\n")
	f.Add("country: XEA\ntitle: |\n  multi\n  line\namends: [a, b]\namended_by: c\n")
	// Front matter of the committed bad-input fixtures.
	for _, p := range fmFuzzFixtures(f) {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if y, ok := fmFuzzFrontMatterOf(string(src)); ok {
			f.Add(y)
		}
	}
	f.Fuzz(func(t *testing.T, yaml string) {
		src := []byte("---\n" + yaml + "\n---\n" + fmFuzzBody)
		st, err := Parse("fm.md", src)
		fmFuzzCheckParsed(t, src, st, err)
	})
}

// fmFuzzFixtures lists the statute files of the demo corpus and the bad-input
// fixtures, the seed material of the statute fuzz targets.
func fmFuzzFixtures(f *testing.F) []string {
	var out []string
	for _, g := range []string{"../../corpus/*/*.md", "../../testdata/bad/*.md", "../../testdata/bad/*/*.md", "../../testdata/hostile/*.md"} {
		ms, err := filepath.Glob(g)
		if err != nil {
			f.Fatal(err)
		}
		for _, m := range ms {
			if filepath.Base(m) != "README.md" {
				out = append(out, m)
			}
		}
	}
	return out
}

// fmFuzzFrontMatterOf returns the text between the first two "---" lines.
func fmFuzzFrontMatterOf(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, "---\n")
	if !ok {
		return "", false
	}
	y, _, ok := strings.Cut(rest, "\n---")
	return y, ok
}

// fmFuzzLines splits src into lines the way a reader counts them: "\n", "\r\n"
// and a lone "\r" each end a line; a byte-order mark is not a character.
// A CR before LF stays in the line text, so columns may point at it.
func fmFuzzLines(src []byte) []string {
	s := strings.TrimPrefix(string(src), "\ufeff")
	var lines []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\n':
			lines = append(lines, s[start:i])
			start = i + 1
		case s[i] == '\r' && (i+1 == len(s) || s[i+1] != '\n'):
			lines = append(lines, s[start:i])
			start = i + 1
		}
	}
	return append(lines, s[start:])
}

// fmFuzzCheckPos fails unless p names file and lies inside src.
func fmFuzzCheckPos(t *testing.T, what string, file string, lines []string, p Pos) {
	t.Helper()
	if p.File != file {
		t.Fatalf("%s: position %v names file %q, want %q", what, p, p.File, file)
	}
	if p.Line < 1 || p.Line > len(lines) {
		t.Fatalf("%s: line %d outside the file (%d lines)", what, p.Line, len(lines))
	}
	if p.Col < 0 || p.Col > utf8.RuneCountInString(lines[p.Line-1])+1 {
		t.Fatalf("%s: column %d outside line %d (%d characters)", what, p.Col, p.Line, utf8.RuneCountInString(lines[p.Line-1]))
	}
}

// fmFuzzCheckParsed checks the invariants of one Parse("fm.md", src) call.
func fmFuzzCheckParsed(t *testing.T, src []byte, st *Statute, err error) {
	t.Helper()
	const file = "fm.md"
	if st == nil {
		t.Fatal("Parse returned a nil statute")
	}
	lines := fmFuzzLines(src)
	if err != nil {
		var list ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("error is %T, want ErrorList: %v", err, err)
		}
		if len(list) == 0 {
			t.Fatal("non-nil error with an empty ErrorList")
		}
		for _, e := range list {
			if e.Msg == "" {
				t.Fatalf("error at %v has no message", e.Pos)
			}
			fmFuzzCheckPos(t, "error "+e.Msg, file, lines, e.Pos)
		}
	}
	for _, w := range st.Warnings {
		fmFuzzCheckPos(t, "warning "+w.Msg, file, lines, w.Pos)
	}
	seen := map[ProvisionID]int{}
	var walk func(ps []*Provision, parent *Provision, depth int)
	n := 0
	walk = func(ps []*Provision, parent *Provision, depth int) {
		for _, p := range ps {
			n++
			if p.ID == "" {
				t.Fatalf("provision at line %d has no ID", p.Line)
			}
			if first, dup := seen[p.ID]; dup && err == nil {
				t.Fatalf("provision ID %q at line %d repeats line %d and no error says why", p.ID, p.Line, first)
			}
			seen[p.ID] = p.Line
			if p.Line < 1 || p.Line > len(lines) || p.EndLine < p.Line || p.EndLine > len(lines) {
				t.Fatalf("provision %q lines %d–%d outside the file (%d lines)", p.ID, p.Line, p.EndLine, len(lines))
			}
			if p.Parent != parent {
				t.Fatalf("provision %q has the wrong parent", p.ID)
			}
			for _, sg := range p.Segments {
				if sg.Line < p.Line || sg.Line > p.EndLine {
					t.Fatalf("provision %q (lines %d–%d) has a segment at line %d", p.ID, p.Line, p.EndLine, sg.Line)
				}
			}
			if depth > 10000 {
				t.Fatalf("provision tree deeper than 10000")
			}
			walk(p.Children, p, depth+1)
		}
	}
	walk(st.Roots, nil, 0)
	if len(st.All) != 0 && len(st.All) != n {
		t.Fatalf("All holds %d provisions, the tree %d", len(st.All), n)
	}
}
