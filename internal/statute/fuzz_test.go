package statute

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedSnippets imitate the drafting styles of real statutes (our own words).
var seedSnippets = []string{
	"---\nid: xea/a\ncountry: XEA\ntitle: A\n---\n\n# A\n\n## Part I - General\n\n### 1 Short title\n\n(1) This Act is the A Act.\n\n- (a) one;\n  - (i) sub;\n  - (ii) sub.\n",
	"---\nid: xfr/c\ncountry: XFR\ntitle: C\nlanguage: fr\n---\n\n## Section 1 bis : Titre\n\n### Article 225-4-1\n\nI. - Texte :\n\n1° Premier ;\n\n2° Second.\n\nII.-Texte.\n",
	"---\nid: xde/s\ncountry: DEU\ntitle: S\nlanguage: de\n---\n\n## Achtzehnter Abschnitt - Freiheit\n\n### § 232 Titel\n\n(1) Wer\n\n1.  erstens\n\n    a)  Buchstabe\n\n2.  zweitens\n\nSatz.\n\n(2) (weggefallen)\n",
	"---\nid: xsa/l\ncountry: XSA\ntitle: L\nlanguage: es\nversion_date: 2015\n---\n\n## TITULO I — GENERAL\n\n### ARTICULO 2º\n\n1. Uno:\n\na) letra.\n\nA) mayúscula.\n\n### Artículo 177 bis\n\nTexto.\n",
	"---\nid: xus/c\ncountry: USA\ntitle: U\n---\n\n## CHAPTER 77— X\n\n### §\u202f1591. Y\n\n(a) Whoever\n\n(1) one\n\n(A) cap\n\n(ii) roman\n\n(I) upper\n\n(aa) double\n",
	"---\nid: xca/c\ncountry: CAN\ntitle: C\n---\n\n### 279.01 Trafficking\n\n(1) Every person\n\n(4.11) decimal\n\n(a.1) inserted\n\n\"term\" means a thing;\n",
	"---\r\nid: xea/crlf\r\ncountry: XEA\r\ntitle: T\r\n---\r\n\r\n### Heading without number\r\n\r\nText \\* with *emphasis* and [a link](http://x).\r\n",
	"\ufeff---\rcountry: XEA\rtitle: T\r---\r### 1 X\r(1) a\r(2) b\r",
	"---\ncountry: XEA\ntitle: T\n---\n\n### 2 A\n\n### 2 B\n\n> quoted (1) text\n\n```\ncode (a)\n```\n\n<div>html</div>\n\nSetext\n---\n",
}

func FuzzParse(f *testing.F) {
	for _, s := range seedSnippets {
		f.Add([]byte(s))
	}
	for _, g := range []string{"../../testdata/bad/*.md", "../../testdata/bad/*/*.md", "../../corpus/*/*.md"} {
		files, _ := filepath.Glob(g)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil && len(b) < 1<<20 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := Parse("f.md", data)
		checkInvariants(t, data, st, err)
	})
}

// sourceLines splits data into lines as Parse counts them ("\n", "\r\n" and
// a lone "\r" end a line; a leading byte-order mark is not a character).
func sourceLines(data []byte) []string {
	s := strings.TrimPrefix(string(data), "\ufeff")
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' && (i+1 == len(s) || s[i+1] != '\n') {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// checkInvariants: a statute is returned; every position lies inside the
// file; provision IDs are unique unless an error explains why; the tree is
// consistent (parents, line ranges, All).
func checkInvariants(t *testing.T, data []byte, st *Statute, err error) {
	t.Helper()
	if st == nil {
		t.Fatal("nil statute")
	}
	lines := sourceLines(data)
	inFile := func(what string, p Pos) {
		if p.File != "f.md" {
			t.Fatalf("%s: file %q", what, p.File)
		}
		if p.Line < 1 || p.Line > len(lines) {
			t.Fatalf("%s: line %d outside 1..%d", what, p.Line, len(lines))
		}
		if p.Col < 0 || p.Col > utf8.RuneCountInString(lines[p.Line-1])+1 {
			t.Fatalf("%s: column %d outside line %d", what, p.Col, p.Line)
		}
	}
	var el ErrorList
	if err != nil {
		if !errors.As(err, &el) || len(el) == 0 {
			t.Fatalf("error %T %v is not a non-empty ErrorList", err, err)
		}
	}
	for _, e := range append(el, st.Warnings...) {
		inFile(e.Msg, e.Pos)
	}
	seen := map[ProvisionID]bool{}
	count := 0
	stack := append([]*Provision(nil), st.Roots...)
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		count++
		if seen[p.ID] {
			t.Fatalf("ID %q repeats", p.ID)
		}
		seen[p.ID] = true
		inFile(string(p.ID), Pos{File: "f.md", Line: p.Line})
		inFile(string(p.ID)+" end", Pos{File: "f.md", Line: p.EndLine})
		if p.EndLine < p.Line {
			t.Fatalf("%s: EndLine %d before Line %d", p.ID, p.EndLine, p.Line)
		}
		for _, c := range p.Children {
			if c.Parent != p {
				t.Fatalf("%s: child %s has the wrong parent", p.ID, c.ID)
			}
			if c.Line < p.Line || c.EndLine > p.EndLine {
				t.Fatalf("%s (%d-%d): child %s (%d-%d) outside", p.ID, p.Line, p.EndLine, c.ID, c.Line, c.EndLine)
			}
			stack = append(stack, c)
		}
		for _, sg := range p.Segments {
			if sg.Line < p.Line || sg.Line > p.EndLine {
				t.Fatalf("%s: segment at line %d outside %d-%d", p.ID, sg.Line, p.Line, p.EndLine)
			}
		}
	}
	if count != len(st.All) {
		t.Fatalf("All has %d provisions, tree %d", len(st.All), count)
	}
}
