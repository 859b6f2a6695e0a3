package statute_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/testutil"
)

func zzCorpus(b *testing.B) ([]string, [][]byte, int) {
	dir := b.TempDir()
	testutil.GenerateCorpus(dir, testutil.GenOptions{Countries: 16, Statutes: 4, Versions: 1, Sections: 40})
	var names []string
	var srcs [][]byte
	size := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, _ := os.ReadFile(p)
		names = append(names, p)
		srcs = append(srcs, src)
		size += len(src)
		return nil
	})
	return names, srcs, size
}

func BenchmarkZZLoadOnly(b *testing.B) {
	names, srcs, size := zzCorpus(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, src := range srcs {
			if _, err := statute.Parse(names[k], src); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkZZGoldmarkOnly(b *testing.B) {
	_, srcs, size := zzCorpus(b)
	gm := goldmark.DefaultParser()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range srcs {
			gm.Parse(text.NewReader(src))
		}
	}
}
