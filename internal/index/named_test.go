package index

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/testutil"
)

// namedActsAll is namedActs without the mayName filter: the reference the
// filter must not change.
func namedActsAll(t string) [][]int {
	var out [][]int
	lastEnd := -1
	for _, w := range []string{" Act", " Code", " Ordinance", " Decree"} {
		for from := 0; ; {
			i := strings.Index(t[from:], w)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(w)
			lo := max(0, at-160)
			for lo > 0 && t[lo-1] != ' ' {
				lo++
				if lo >= at {
					break
				}
			}
			hi := min(len(t), at+len(w)+40)
			for _, m := range mustDefault().lawGrammar().namedAct.FindAllStringIndex(t[lo:hi], -1) {
				a, b := m[0]+lo, m[1]+lo
				if a <= at+1 && b >= at+len(w) {
					out = append(out, []int{a, b})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	kept := out[:0]
	for _, m := range out {
		if m[0] < lastEnd {
			continue
		}
		kept = append(kept, m)
		lastEnd = m[1]
	}
	return kept
}

// TestNamedActsFilter compares namedActs with the unfiltered reference on
// made-up sentences, every line of the demo corpus and, when present, every
// line of the real-data statutes.
func TestNamedActsFilter(t *testing.T) {
	lines := []string{
		"under this Act shall", "the Children Act (Cap. 141)", "this Act Offences Act", "this Act and Code",
		"Acts of this Act of Parliament", "in Act", "of the Act of Union", "x Act", "Act", " Act", "this Act",
		"an act of this Act’s Code", "Sexual Offences Act 2006", "this Act Against Trafficking Act", "(this Act)",
		"the Act, the Penal Code and the Criminal Procedure Code", "this Act-Code", "Immigration Act 1971",
		"under Act No. 3", "this Actually Named Act", "this Act on Public Order Act", "a Decree", "the said Ordinance",
	}
	collect := func(fsys fs.FS) {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return nil
			}
			b, err := fs.ReadFile(fsys, p)
			if err == nil {
				lines = append(lines, strings.Split(string(b), "\n")...)
			}
			return nil
		})
	}
	collect(corpus.FS)
	if dir := realStatutes(); dir != "" {
		collect(os.DirFS(dir))
	}
	for _, l := range lines {
		if got, want := namedActs(l, mustDefault().lawGrammar()), namedActsAll(l); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Errorf("namedActs(%.80q) = %v, want %v", l, got, want)
		}
	}
}

// realStatutes returns the real-data statutes folder, or "".
func realStatutes() string {
	d, err := testutil.RealDataDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "statutes")
}
