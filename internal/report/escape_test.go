package report

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Niña, Łódź, Straße", "Niña, Łódź, Straße"},
		{"emphasis", "*a* _b_", `\*a\* \_b\_`},
		{"link", "[x](y)", `\[x\]\(y\)`},
		{"image", "![x](y)", `\!\[x\]\(y\)`},
		{"code", "`x`", "\\`x\\`"},
		{"html", "<b>&amp;", `\<b\>\&amp;`},
		{"pipe", "a | b", `a \| b`},
		{"template", "{{.X}}", `\{\{.X\}\}`},
		{"heading", "# h", `\# h`},
		{"bullet", "- a", `\- a`},
		{"plus", "+ a", `\+ a`},
		{"hyphenated", "-ish", "-ish"},
		{"ordered", "1. a", `1\. a`},
		{"version", "0.1.0", "0.1.0"},
		{"ordered paren", "1) a", `1\) a`},
		{"rule", "---", `\---`},
		{"setext", "===", `\===`},
		{"indent", "    code", "code"},
		{"newlines", "a\nb", "a b"},
		{"footnote", "[^1]", `\[^1\]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeBlock(t *testing.T) {
	got := EscapeBlock("- a\n\n1. b\n")
	want := "> \\- a\n>\n> 1\\. b\n"
	if got != want {
		t.Errorf("EscapeBlock = %q, want %q", got, want)
	}
	if EscapeBlock("") != "> —\n" {
		t.Errorf("empty quote = %q", EscapeBlock(""))
	}
}

func TestField(t *testing.T) {
	if got := Field(" a|b`c\nd "); got != "a b'c d" {
		t.Errorf("Field = %q", got)
	}
}
