package eval

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

const goldFuzzStatute = "---\ncountry: XEA\ntitle: Test Act\nid: xea/test\nversion_date: 2020-01-01\n---\n# Test Act\n\n### Section 1. Offence\n\nA person who recruits another commits an offence.\n"

// FuzzParseGold feeds arbitrary YAML to the gold-file parser (lacuna eval)
// and runs the file loader on what it accepts. Invariants: no panic; errors
// name the file; accepted units have unique non-empty names, files and
// verdicts spelled as the verdict set; the loader never reads a path outside
// its base.
func FuzzParseGold(f *testing.F) {
	for _, p := range []string{"../../testdata/gold/demo.yaml", "../../testdata/gold/real.yaml"} {
		if b, err := os.ReadFile(p); err == nil {
			// The first unit only: large seeds make minimisation crawl.
			src := string(b)
			if i := strings.Index(src, "\n  - name:"); i >= 0 {
				if j := strings.Index(src[i+1:], "\n  - name:"); j >= 0 {
					src = src[:i+1+j+1]
				}
			}
			f.Add(src[strings.Index(src, "units:"):])
		}
	}
	for _, s := range []string{
		"units:\n  - name: a\n    country: XEA\n    base: corpus\n    files: [\"*.md\"]\n    verdicts: {def.acts: met}\n",
		"units:\n  - name: a\n    files: [../../etc/passwd]\n  - name: a\n    files: [\"/abs\"]\n",
		"units:\n  - name: a\n    base: ../..\n    files: [x.md]\n",
		"units:\n  - name: a\n    files: [\"[\"]\n    penalties:\n      - provision: s1\n        min_months: -1\n        max_months: .inf\n",
		"a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nunits: [*b, *b]\n",
		"units:\n  - &u {name: a, files: [a.md]}\n  - *u\n",
		"description: [1, 2]\n", "units: x\n", "unknown: 1\n", "", "units:\n  - verdicts: {def.acts: maybe, nope: met}\n",
		"units:\r\n  - name: a\r\n    files: [a.md]\r\n", "\ufeffunits: []\n",
	} {
		f.Add(s)
	}
	m, err := standard.Load(mapping.FS)
	if err != nil {
		f.Fatal(err)
	}
	fsys := fstest.MapFS{"base/a.md": {Data: []byte(goldFuzzStatute)}, "secret.md": {Data: []byte(goldFuzzStatute)}}
	sub, err := fs.Sub(fsys, "base")
	if err != nil {
		f.Fatal(err)
	}
	load := FSLoader(Bases{"": sub, BaseCorpus: sub})
	f.Fuzz(func(t *testing.T, src string) {
		// A hang is a bug too: crash the worker so that the fuzzer keeps the input.
		watchdog := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("ParseGold hung on %q", src)) })
		defer watchdog.Stop()
		g, err := ParseGold("gold.yaml", []byte(src), m)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "gold.yaml:") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if g != nil {
				t.Fatal("ParseGold returned a gold file and an error")
			}
			return
		}
		names := map[string]bool{}
		for _, u := range g.Units {
			if u.Name == "" || names[u.Name] || len(u.Files) == 0 {
				t.Fatalf("accepted unit %q (files %q): names must be unique and non-empty, files given", u.Name, u.Files)
			}
			names[u.Name] = true
			for id, v := range u.Verdicts {
				if _, err := score.ParseVerdict(v); err != nil {
					t.Fatalf("accepted verdict %q for %s", v, id)
				}
			}
			c, err := load(u)
			if err != nil {
				continue
			}
			for _, st := range c.Statutes {
				if st.Path == "secret.md" || strings.Contains(st.Path, "..") {
					t.Fatalf("unit %q read %q outside its base", u.Name, st.Path)
				}
			}
		}
	})
}
