package statute

import (
	"os"
	"path/filepath"
	"testing"
)

// realData locates ../shared/realdata relative to the module root (env
// LACUNA_REALDATA overrides) and skips the test when it is absent.
func realData(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("LACUNA_REALDATA")
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			t.Skipf("real data not found: %v", err)
		}
		for d := wd; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				dir = filepath.Join(d, "..", "shared", "realdata")
				break
			}
			if filepath.Dir(d) == d {
				t.Skipf("real data not found: no go.mod above %s", wd)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "statutes")); err != nil {
		t.Skipf("real data not found at %s: %v", dir, err)
	}
	return dir
}

func loadReal(t *testing.T) *Corpus {
	t.Helper()
	dir := realData(t)
	c, err := Load(os.DirFS(filepath.Join(dir, "statutes")), ".")
	if err != nil {
		t.Fatalf("real statutes must load without errors:\n%v", err)
	}
	return c
}

func TestRealDataLoadsWithoutErrors(t *testing.T) {
	c := loadReal(t)
	if len(c.Statutes) < 16 {
		t.Errorf("loaded %d statutes, want all 16 real statutes", len(c.Statutes))
	}
	for _, s := range c.Statutes {
		if len(s.All) == 0 {
			t.Errorf("%s: no provisions", s.Path)
		}
	}
}
