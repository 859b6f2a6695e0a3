package standard

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseText feeds arbitrary Markdown as an instrument text (the
// --instruments directory and the texts beside a --mapping). Invariants: no
// panic; every article is listed once; its text is valid UTF-8 when the
// input is; looking up any number never panics.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"# Protocol\n\n## Article 3\n\nFor the purposes of this Protocol:\n\n(a) \"Trafficking in persons\" shall mean the recruitment;\n\n(b) The consent;\n\n## Article 5. Criminalization\n\n1. Each State Party shall adopt.\n\n2. Each State Party shall also:\n\n(a) attempting;\n",
		"## Section 7106(a)(2)\n\ntext\n\n### Art. 4 Definitions\n\n(1) x\n(2) y\n",
		"## Article 3\n\n## Article 3\n\nduplicate\n", "## Article\n", "####### Article 1\n", "## Article 1(\n", "",
		"## Article 2\r\n\r\n1. CRLF text\r\n", "\ufeff## Article 1\n\n(a) x\n",
	} {
		f.Add("texts/t.md", s)
	}
	f.Fuzz(func(t *testing.T, name, src string) {
		tx := ParseText(name, []byte(src))
		if tx == nil {
			t.Fatal("ParseText returned nil")
		}
		seen := map[string]bool{}
		for _, a := range tx.Articles() {
			if seen[a] {
				t.Fatalf("article %q listed twice", a)
			}
			seen[a] = true
			text, _ := tx.Article(a) // an article without text is not found
			if utf8.ValidString(src) && !utf8.ValidString(text) {
				t.Fatalf("article %q text splits a character", a)
			}
		}
		for _, n := range []string{"3", "3(a)", "5(2)(c)", "", "(", strings.Repeat("(1)", 50)} {
			tx.Article(n)
		}
	})
}
