package score

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

var (
	ovFuzzMapOnce sync.Once
	ovFuzzMapVal  *standard.Map
	ovFuzzMapErr  error
)

// ovFuzzMap loads the bundled map once per test binary.
func ovFuzzMap(tb testing.TB) *standard.Map {
	tb.Helper()
	ovFuzzMapOnce.Do(func() { ovFuzzMapVal, ovFuzzMapErr = standard.Load(mapping.FS) })
	if ovFuzzMapErr != nil {
		tb.Fatalf("load embedded map: %v", ovFuzzMapErr)
	}
	return ovFuzzMapVal
}

// FuzzParseOverrides feeds arbitrary YAML to the reviewer overrides parser
// (lacuna analyze --overrides). Invariants: no panic; errors are
// OverrideErrors positioned inside the file, sorted; accepted overrides
// name requirements of the map, have a known verdict, unique requirements
// and no evidence path that leaves the corpus.
func FuzzParseOverrides(f *testing.F) {
	for _, s := range []string{
		"overrides:\n  - requirement: def.acts\n    verdict: met\n    rationale: \"checked by hand\"\n    reviewer: \"A. Adviser\"\n    date: 2026-01-10\n    expires: 2027-01-10\n    evidence: [xea/ctip-act-2023.md#s3]\n",
		"- requirement: def.means\n  verdict: gap\n  rationale: r\n  reviewer: x\n  date: 2026-02-30\n",
		"overrides:\n  - requirement: def.acts\n    verdict: met\n    rationale: r\n    reviewer: x\n    date: 2026-01-01\n  - requirement: def.acts\n    verdict: gap\n    rationale: r\n    reviewer: x\n    date: 2026-01-01\n",
		"- requirement: nope\n  verdict: maybe\n  evidence: [../../etc/passwd, /abs, a\\..\\b, \"x#../y\"]\n  extra: 1\n",
		"a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\noverrides: [*b, *b, *b, *b]\n",
		"overrides: &o\n  - *o\n",
		"overrides:\n  - requirement: [a]\n    verdict: {x: 1}\n    evidence: x\n",
		"overrides: ~\n", "", "# only a comment\n", "- x\n- [1]\n", "overrides: {}\n", "---\n---\n",
		"overrides:\r\n  - requirement: def.acts\r\n    verdict: met\r\n", "\ufeffoverrides: []\n",
		"- ? requirement\n  : def.acts\n", "- <<: {verdict: met}\n  requirement: def.acts\n",
	} {
		f.Add(s)
	}
	m := ovFuzzMap(f)
	f.Fuzz(func(t *testing.T, src string) {
		ovs, err := ParseOverrides("ov.yaml", []byte(src), m)
		nLines := strings.Count(src, "\n") + strings.Count(src, "\r") + 1
		if err != nil {
			var list OverrideErrors
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want OverrideErrors: %v", err, err)
			}
			if len(list) == 0 {
				t.Fatal("non-nil error with an empty list")
			}
			for i, e := range list {
				if e.File != "ov.yaml" || e.Line < 1 || e.Line > nLines || e.Col < 0 || e.Msg == "" {
					t.Fatalf("error %q at %s:%d:%d outside the file (%d lines)", e.Msg, e.File, e.Line, e.Col, nLines)
				}
				if i > 0 && (list[i-1].Line > e.Line || list[i-1].Line == e.Line && list[i-1].Col > e.Col) {
					t.Fatalf("errors not sorted by position: %v", err)
				}
			}
			if ovs != nil {
				t.Fatalf("ParseOverrides returned %d overrides and an error", len(ovs))
			}
			return
		}
		seen := map[string]bool{}
		for _, o := range ovs {
			if m.Requirement(standard.RequirementID(o.Requirement)) == nil {
				t.Fatalf("accepted override of unknown requirement %q", o.Requirement)
			}
			if seen[o.Requirement] {
				t.Fatalf("accepted two overrides of %q", o.Requirement)
			}
			seen[o.Requirement] = true
			if _, err := ParseVerdict(string(o.Verdict)); err != nil {
				t.Fatalf("accepted verdict %q: %v", o.Verdict, err)
			}
			for _, ev := range o.Evidence {
				p, _, _ := strings.Cut(ev, "#")
				if strings.HasPrefix(p, "/") || strings.HasPrefix(p, "\\") {
					t.Fatalf("accepted absolute evidence path %q", ev)
				}
				for _, part := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
					if part == ".." {
						t.Fatalf("accepted evidence path %q that leaves the corpus", ev)
					}
				}
			}
		}
	})
}
