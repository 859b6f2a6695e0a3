package statute

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDumpReal(t *testing.T) {
	files, _ := filepath.Glob(os.Getenv("DUMP"))
	for _, f := range files {
		s, err := ParseFile(f)
		os.Stdout.WriteString("===== " + f + "\n")
		if err != nil {
			os.Stdout.WriteString("ERR " + err.Error() + "\n")
		}
		for _, w := range s.Warnings {
			os.Stdout.WriteString("W: " + w.Error() + "\n")
		}
		WriteOutline(os.Stdout, s)
	}
}
