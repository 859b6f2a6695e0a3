package penalty

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchTexts are the paragraphs of the real statutes when present, else
// the fuzz seeds plus text without sanctions, so the benchmark measures the
// mix Parse meets: most provisions state no sanction.
func benchTexts(b testing.TB) ([]string, []string, int) {
	var texts, langs []string
	dir := filepath.Join(realDataDir(b), "statutes")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, path := range files {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		for _, c := range readClauses(b, path) {
			texts = append(texts, c.text)
			langs = append(langs, langOf(c.file))
		}
	}
	if len(texts) == 0 {
		texts = append(texts, fuzzSeeds...)
		texts = append(texts, strings.Repeat("The Minister shall establish shelters for victims and report to Parliament. ", 20))
		for range texts {
			langs = append(langs, "")
		}
	}
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return texts, langs, n
}

func BenchmarkParse(b *testing.B) {
	texts, langs, n := benchTexts(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, t := range texts {
			Parse(t, langs[k])
		}
	}
}

func BenchmarkParseSanction(b *testing.B) {
	text := "A person who trafficks another person commits an offence and is liable to imprisonment for a term of not less than thirty years or to a fine of not less than thirty million shillings or to both and upon subsequent conviction, to imprisonment for life."
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Parse(text, "en")
	}
}
