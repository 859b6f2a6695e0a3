package score

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// A statute in a language without a lexicon is reported in the result,
// never read silently; the four languages of the embedded lexicon are not.
func TestLanguageWithoutLexiconIsReported(t *testing.T) {
	e := embeddedEngine(t)
	head := "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: %s\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n### 1\n\nText.\n"
	for _, tc := range []struct {
		lang string
		warn bool
	}{{"pt", true}, {"pt-BR", true}, {"en", false}, {"fr", false}, {"de-AT", false}, {"es", false}} {
		t.Run(tc.lang, func(t *testing.T) {
			st, err := statute.Parse("xta/act.md", []byte(fmt.Sprintf(head, tc.lang)))
			if err != nil {
				t.Fatal(err)
			}
			res, err := e.Analyze(&statute.Corpus{Statutes: []*statute.Statute{st}}, Options{Country: "XTA"})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(res.Warnings, "\n")
			if tc.warn && !strings.Contains(got, `xta/act.md: language "pt" has no lexicon`) {
				t.Errorf("no warning for %s: %q", tc.lang, got)
			}
			if !tc.warn && got != "" {
				t.Errorf("unexpected warning for %s: %q", tc.lang, got)
			}
		})
	}
}
