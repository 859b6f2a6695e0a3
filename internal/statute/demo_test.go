package statute

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestDemoCorpusGolden loads the embedded demo corpus from its directory
// (this package imports nothing else from the module) and pins its
// provision trees, headings included.
func TestDemoCorpusGolden(t *testing.T) {
	dir := filepath.Join("..", "..", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("demo corpus not found at %s: %v", dir, err)
	}
	c, err := Load(os.DirFS(dir), ".")
	if err != nil {
		t.Fatalf("the demo corpus must load without errors:\n%v", err)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("the demo corpus should load without warnings:\n%v", c.Warnings)
	}
	if len(c.Countries()) < 3 || len(c.IDs()) < 8 {
		t.Errorf("demo corpus: %d countries, %d statutes; want at least 3 and 8", len(c.Countries()), len(c.IDs()))
	}
	var b bytes.Buffer
	for _, s := range c.Statutes {
		fmt.Fprintf(&b, "== %s %s@%s %s\n", s.Path, s.Meta.ID, s.Meta.VersionDate, s.Meta.Country)
		if err := WriteOutline(&b, s); err != nil {
			t.Fatal(err)
		}
	}
	golden(t, t.Name(), b.Bytes())
}
