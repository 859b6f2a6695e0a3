package statute

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// problems returns every error and warning of a parse, one a line, with the
// file's directory cut off.
func problems(s *Statute, err error) []string {
	var all ErrorList
	var el ErrorList
	if errors.As(err, &el) {
		all = append(all, el...)
	}
	if s != nil {
		all = append(all, s.Warnings...)
	}
	all.Sort()
	var out []string
	for _, e := range all {
		e2 := *e
		e2.Pos.File = filepath.Base(e.Pos.File)
		out = append(out, e2.Error())
	}
	return out
}

// TestBadInputs parses each fixture in testdata/bad and checks the exact
// positioned messages.
func TestBadInputs(t *testing.T) {
	tests := []struct {
		file      string
		wantError bool
		want      []string
	}{
		{"no-front-matter.md", true, []string{
			`no-front-matter.md:1: missing front matter, expected the file to start with a "---" line, the YAML keys (country, title, …) and a closing "---" line`}},
		{"unclosed-front-matter.md", true, []string{
			`unclosed-front-matter.md:1: front matter is never closed, expected a "---" line after the YAML keys`}},
		{"yaml-syntax.md", true, []string{
			`yaml-syntax.md:3:8: YAML syntax error: could not find end character of double-quoted text`}},
		{"wrong-type.md", true, []string{
			`wrong-type.md:1: warning: front matter has no "id", using "xea/wrong-type" from the file name; expected a stable id such as "ken/ctip-act-2010"`,
			`wrong-type.md:4:3: "title" is a list, expected a single text value`,
			`wrong-type.md:6:10: "excerpt" is "maybe", expected true or false`}},
		{"unknown-country.md", true, []string{
			`unknown-country.md:1: warning: front matter has no "id", using "xyzw/unknown-country" from the file name; expected a stable id such as "ken/ctip-act-2010"`,
			`unknown-country.md:2:10: unknown country code "XYZW", expected an ISO 3166-1 alpha-3 code such as "KEN" or a user-assigned code (AAA–AAZ, QMA–QZZ, XAA–XZZ, ZZA–ZZZ)`}},
		{"unknown-country-code.md", true, []string{
			`unknown-country-code.md:1: warning: front matter has no "id", using "abc/unknown-country-code" from the file name; expected a stable id such as "ken/ctip-act-2010"`,
			`unknown-country-code.md:2:10: unknown country code "ABC", expected an ISO 3166-1 alpha-3 code such as "KEN" or a user-assigned code (AAA–AAZ, QMA–QZZ, XAA–XZZ, ZZA–ZZZ)`}},
		{"bad-date.md", true, []string{
			`bad-date.md:1: warning: front matter has no "id", using "xea/bad-date" from the file name; expected a stable id such as "ken/ctip-act-2010"`,
			`bad-date.md:4:15: version_date "2013-02-30" is not a date, expected YYYY-MM-DD, a year YYYY, or "unknown"`,
			`bad-date.md:5:10: enacted "12/05/2010" is not a date, expected YYYY-MM-DD, a year YYYY, or "unknown"`}},
		{"duplicate-section.md", true, []string{
			`duplicate-section.md:15: provision "s2" appears twice (first at line 11), expected unique provision numbers per statute; this one is "s2~2"`}},
		{"empty-body.md", true, []string{
			`empty-body.md:6: statute has no body after the front matter, expected headings and provision text`}},
		{"invalid-utf8.md", true, []string{
			`invalid-utf8.md:9:8: invalid UTF-8 byte 0xE9, expected UTF-8 text`}},
		{"nul-byte.md", true, []string{
			`nul-byte.md:9:5: NUL byte in file, expected UTF-8 text`}},
		{"missing-keys.md", true, []string{
			`missing-keys.md:1: front matter has no "country" key, expected an ISO 3166-1 alpha-3 code such as "KEN"`,
			`missing-keys.md:1: front matter has no "title" key, expected the statute's full title`}},
		{"unnumbered-heading.md", false, []string{
			`unnumbered-heading.md:11: warning: heading "Miscellaneous provisions" has no recognisable number, expected e.g. "Section 3", "Article 12", "§ 5" or "Part II"; its ID is "h2"`}},
		{"unknown-key.md", true, []string{
			`unknown-key.md:5:1: warning: unknown front matter key "colour", expected a key listed in corpus/FORMAT.md (id, country, title, version_date, …) or a free-text key ending in "_note"`,
			`unknown-key.md:6:9: status "enacted" is not known, expected one of in_force, repealed, bill, draft`}},
		{"deep-nesting.md", true, []string{
			`deep-nesting.md:41: lists or block quotes nested more than 32 deep, expected ordinary statute structure`}},
		{"flow-bomb.md", true, []string{
			`flow-bomb.md:4:41: YAML collections nested more than 32 deep, expected flat front matter keys`}},
	}
	dir := filepath.Join("..", "..", "testdata", "bad")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, err := ParseFile(filepath.Join(dir, tt.file))
			if s == nil {
				t.Fatalf("ParseFile returned no statute (err %v)", err)
			}
			if (err != nil) != tt.wantError {
				t.Errorf("error = %v, want error: %v", err, tt.wantError)
			}
			got := problems(s, err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSameIDAndVersionInTwoFiles(t *testing.T) {
	c, err := Load(os.DirFS(filepath.Join("..", "..", "testdata", "bad", "same-version")), ".")
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("Load error = %v, want an ErrorList", err)
	}
	want := []string{
		`a.md:5: statute "xea/same" version "2020-01-01" is also defined in b.md, expected one file per id and version_date`,
		`b.md:5: statute "xea/same" version "2020-01-01" is also defined in a.md, expected one file per id and version_date`,
	}
	if got := el.Error(); got != strings.Join(want, "\n") {
		t.Errorf("errors\n got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if len(c.Statutes) != 1 {
		t.Errorf("corpus keeps %d statutes, want the first of the two", len(c.Statutes))
	}
}

const goodFront = "---\nid: xea/gen\ncountry: XEA\ntitle: Generated Act\n---\n\n"

func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ncountry: XEA\ntitle: Bomb Act\nlol0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&b, "lol%d: &a%d [", i, i)
		for k := 0; k < 9; k++ {
			if k > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("amends: *a11\n---\n\n### 1 Short title\n\nText.\n")
	path := filepath.Join(t.TempDir(), "alias-bomb.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := ParseFile(path)
	if err == nil {
		t.Fatal("alias bomb parsed without error")
	}
	got := problems(s, err)
	want := `alias-bomb.md:16:9: YAML anchors and aliases are not supported in front matter, expected a plain value for "amends"`
	found := false
	for _, g := range got {
		found = found || g == want
	}
	if !found {
		t.Errorf("problems do not include\n%s\ngot:\n%s", want, strings.Join(got, "\n"))
	}
}

// TestLargeFile writes a 20 MB statute: it parses (no hang), and a file over
// MaxFileSize is refused with a positioned error.
func TestLargeFile(t *testing.T) {
	var b strings.Builder
	b.WriteString(goodFront)
	for i := 1; b.Len() < 20<<20; i++ {
		fmt.Fprintf(&b, "### %d Provision %d\n\n(1) A person who recruits, transports or harbours another person for exploitation commits an offence.\n\n(2) The penalty is imprisonment for not less than %d years.\n\n", i, i, i%20+1)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "large.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := ParseFile(path)
	if err != nil {
		t.Fatalf("20 MB statute: %v", err)
	}
	if len(s.All) < 100000 {
		t.Errorf("20 MB statute has %d provisions, want > 100000", len(s.All))
	}
	old := MaxFileSize
	MaxFileSize = 10 << 20
	defer func() { MaxFileSize = old }()
	s, err = ParseFile(path)
	want := fmt.Sprintf("large.md:1: file is %d bytes, larger than the limit of %d bytes, expected one statute of ordinary size", b.Len(), 10<<20)
	if got := strings.Join(problems(s, err), "\n"); got != want {
		t.Errorf("over the limit:\n got: %s\nwant: %s", got, want)
	}
	c, err := Load(os.DirFS(dir), ".")
	if got := strings.Join(problems(nil, err), "\n"); got != want || len(c.Statutes) != 0 {
		t.Errorf("Load over the limit:\n got: %s\nwant: %s", got, want)
	}
}

func TestDeepNestingGenerated(t *testing.T) {
	for _, body := range []string{
		strings.Repeat("- ", 200000) + "x\n",
		strings.Repeat(">", 200000) + " y\n",
		strings.Repeat("1. ", 100000) + "z\n",
	} {
		s, err := Parse("deep.md", []byte(goodFront+"### 1 X\n\n"+body))
		got := strings.Join(problems(s, err), "\n")
		want := "deep.md:9: lists or block quotes nested more than 32 deep, expected ordinary statute structure"
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
	// Nested emphasis and brackets are inline, not nesting: they parse.
	body := strings.Repeat("[", 50000) + "x\n\n" + strings.Repeat("*", 50000) + " y\n"
	if _, err := Parse("inline.md", []byte(goodFront+"### 1 X\n\n"+body)); err != nil {
		t.Errorf("inline brackets: %v", err)
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "act.md"), []byte(goodFront+"### 1 X\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(sub, "loop")); err != nil {
		t.Skipf("symlinks not available: %v", err)
	}
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte(goodFront+"### 1 Y\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "escape.md")); err != nil {
		t.Fatal(err)
	}
	c, err := Load(os.DirFS(dir), ".")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(c.Statutes) != 1 || c.Statutes[0].Path != "act.md" {
		t.Errorf("statutes = %d, want only act.md", len(c.Statutes))
	}
	want := []string{
		"escape.md: warning: symbolic link skipped, expected regular files and directories inside the corpus",
		"sub/loop: warning: symbolic link skipped, expected regular files and directories inside the corpus",
	}
	var got []string
	for _, w := range c.Warnings {
		got = append(got, w.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLineEndings(t *testing.T) {
	tests := []struct{ name, src string }{
		{"LF", "---\nid: xea/le\ncountry: XEA\ntitle: T\n---\n\n### 1 X\n\n(1) One\n(2) Two\n"},
		{"CRLF and BOM", "\xEF\xBB\xBF---\r\nid: xea/le\r\ncountry: XEA\r\ntitle: T\r\n---\r\n\r\n### 1 X\r\n\r\n(1) One\r\n(2) Two\r\n"},
		{"lone CR", "---\rid: xea/le\rcountry: XEA\rtitle: T\r---\r\r### 1 X\r\r(1) One\r(2) Two\r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse("le.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range s.All {
				got = append(got, fmt.Sprintf("%s@%d:%q", p.ID, p.Line, p.Text))
			}
			want := `s1@7:"" s1(1)@9:"One" s1(2)@10:"Two"`
			if strings.Join(got, " ") != want {
				t.Errorf("got %s, want %s", strings.Join(got, " "), want)
			}
			if s.Meta.Country != "XEA" || s.Meta.Title != "T" {
				t.Errorf("meta = %+v", s.Meta)
			}
		})
	}
}

func TestLoadSkipsAndSorts(t *testing.T) {
	fsys := fstest.MapFS{
		"README.md":          {Data: []byte("# not a statute")},
		"FORMAT.md":          {Data: []byte("# not a statute")},
		"_draft.md":          {Data: []byte("not a statute")},
		".hidden/x.md":       {Data: []byte("not a statute")},
		"notes.txt":          {Data: []byte("not a statute")},
		"xfr/b.md":           {Data: []byte("---\nid: xfr/b\ncountry: XFR\ntitle: B\nversion_date: 2015\n---\n\n### Article 1\n\nTexte.\n")},
		"xfr/b-2010.md":      {Data: []byte("---\nid: xfr/b\ncountry: XFR\ntitle: B\nversion_date: 2010-05-01\n---\n\n### Article 1\n\nTexte.\n")},
		"zz/a.md":            {Data: []byte("---\nid: xea/a\ncountry: XEA\ntitle: A\nversion_date: unknown\n---\n\n### 1 X\n\nText.\n")},
		"deep/er/xea-c.md":   {Data: []byte("---\nid: xea/c\ncountry: XEA\ntitle: C\nversion_date: 2001-01-01\n---\n\n### 1 X\n\nText.\n")},
		"deep/er/xea-c-2.md": {Data: []byte("---\nid: xea/c\ncountry: XEA\ntitle: C\nversion_date: 2020-06-30\n---\n\n### 1 X\n\nText.\n")},
	}
	c, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range c.Statutes {
		got = append(got, s.Path)
	}
	want := "zz/a.md deep/er/xea-c.md deep/er/xea-c-2.md xfr/b-2010.md xfr/b.md"
	if strings.Join(got, " ") != want {
		t.Errorf("order\n got: %s\nwant: %s", strings.Join(got, " "), want)
	}
}
