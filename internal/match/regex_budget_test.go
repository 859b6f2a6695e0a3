package match

import (
	"regexp"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// TestRegexLinear: a regex whose leading literal occurs at every
// character ("a+$", "(a+)+$" over 80,000 a's) is no longer tried at each
// occurrence (each try may read to the end: quadratic, 41 s); past
// maxAnchoredTries the expression runs once over the text, with the same
// hits as the plain expression.
func TestRegexLinear(t *testing.T) {
	text := strings.Repeat("a", 80000)
	ix := corpusOf(t, "en", "### 1 Section\n\n"+text+"\n")
	for _, src := range []string{"a+$", "(a+)+$", "a+b?$"} {
		m := mustCompile(t, standard.Pattern{Kind: standard.CritRegex, Regex: map[string]string{"en": src}})
		r := m.(*regex)
		if a := r.anch["en"]; a != nil {
			if _, ok := anchoredFind(a, text, r.lits["en"], r.wb["en"], 4); ok {
				t.Errorf("%s: anchored tries at 80,000 occurrences were not cut off", src)
			}
		}
		plain := &regex{res: map[string]*regexp.Regexp{"en": regexp.MustCompile(src)}}
		got, want := m.Match(ix), plain.Match(ix)
		if len(got) != 1 || len(got) != len(want) || got[0].I != want[0].I || got[0].J != want[0].J {
			t.Errorf("%s: hits %v, plain %v", src, got, want)
		}
	}
	// Under the budget the anchored tries still run (and agree).
	short := "the child and the child and the child"
	m := mustCompile(t, standard.Pattern{Kind: standard.CritRegex, Regex: map[string]string{"en": `\bchild\b`}})
	r := m.(*regex)
	locs, ok := anchoredFind(r.anch["en"], short, r.lits["en"], r.wb["en"], 4)
	if !ok || len(locs) != 3 {
		t.Errorf("3 occurrences: %v, %v", locs, ok)
	}
}

// BenchmarkRegexLeadingLiteral80k: "a+$" over 80,000 a's (41 s before).
func BenchmarkRegexLeadingLiteral80k(b *testing.B) {
	t := &testing.T{}
	ix := corpusOf(t, "en", "### 1 Section\n\n"+strings.Repeat("a", 80000)+"\n")
	m, err := Compile(standard.Pattern{Kind: standard.CritRegex, Regex: map[string]string{"en": "a+$"}})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Match(ix)
	}
}
