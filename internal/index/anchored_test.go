package index

import (
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
)

// TestAnchoredAllOnePass compares AnchoredAll with the per-start-word scan
// it replaced, on made-up sentences, every line of the demo corpus and,
// when present, of the real-data statutes, folded; with the start words of
// findRefs, the lexicon's age limits, and start words that force the scan
// (overlapping, not starting a word).
func TestAnchoredAllOnePass(t *testing.T) {
	lines := []string{
		"under section 3 and s. 4 and ss. 5-6", "subsection (2) or sub-section (3) of subsections (4)",
		"article 12 and art 13, artículo 14 bis", "de la de la de 18 años", "not yet attained the age of 18 years",
		"co-section 3", "xde la de la de 18 años", "de de la de la de 7", "under under the age of 18", "s.s. 4", "aa aa aa", "", "a", "section",
	}
	collect := func(fsys fs.FS) {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return nil
			}
			b, err := fs.ReadFile(fsys, p)
			if err == nil {
				for _, l := range strings.Split(string(b), "\n") {
					lines = append(lines, FoldString(l))
				}
			}
			return nil
		})
	}
	collect(corpus.FS)
	if dir := realStatutes(); dir != "" {
		collect(os.DirFS(dir))
	}
	var age []string
	for _, p := range mustDefault().Source().Union("age-below") {
		age = append(age, strings.Join(Words(p), " "))
	}
	ageRe := regexp.MustCompile(`^(?:` + strings.Join(quoteAll(age), "|") + `)(?: the)?(?: age(?: of)?)? ([a-z0-9-]+)`)
	cases := []struct {
		re     *regexp.Regexp
		starts []string
	}{
		{refSectionA, []string{"section", "s.", "ss."}},
		{refSubsectionA, []string{"subsection", "sub-section", "subsections"}},
		{refArticleA, []string{"art"}},
		{ageRe, age},
		{regexp.MustCompile(`^(?:de la )+de (\d+)`), []string{"de la de"}},                 // overlaps itself: scan
		{regexp.MustCompile(`^ ?aa`), []string{" aa"}},                                     // not a word byte first: scan
		{regexp.MustCompile(`^(?:aa)?`), []string{"aa", "a"}},                              // empty matches
		{regexp.MustCompile(`section (\d+)`), []string{"s"}},                               // not anchored: scan
		{regexp.MustCompile(`^(?:under|under the) (\w+)`), []string{"under", "under the"}}, // two starts at one place
	}
	for _, c := range cases {
		for _, l := range lines {
			if got, want := AnchoredAll(c.re, l, c.starts), anchoredAllScan(c.re, l, c.starts); !reflect.DeepEqual(got, want) {
				t.Errorf("AnchoredAll(%s, %.80q) = %v, want %v", c.re, l, got, want)
			}
		}
	}
}

func quoteAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = regexp.QuoteMeta(w)
	}
	return out
}
