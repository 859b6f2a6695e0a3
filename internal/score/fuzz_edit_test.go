package score

import (
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// FuzzSetOverride records a decision in arbitrary overrides files (the
// workbench edits hand-kept files). Invariants: no panic; a file the parser
// refuses is refused; otherwise either an error, or a file that parses,
// holds the decision, keeps every other decision and every comment line
// of the original.
func FuzzSetOverride(f *testing.F) {
	for _, s := range []string{
		handEdited,
		"",
		"# only a comment\n",
		"overrides: []\n",
		"overrides:\n",
		"- requirement: def.means\n  verdict: gap\n  rationale: r\n  reviewer: x\n  date: 2026-01-01\n",
		"overrides:\n- requirement: def.acts\n  verdict: met\n  rationale: r\n  reviewer: x\n  date: 2026-01-01\n",
		"overrides:\n  - {requirement: def.acts, verdict: met, rationale: r, reviewer: x, date: 2026-01-01}\n  # tail\n",
		"---\noverrides:\n  - requirement: def.means\n    verdict: gap\n    rationale: |\n      two\n\n      paragraphs\n    reviewer: x\n    date: 2026-01-01\n...\n",
		"\ufeffoverrides:\r\n  - requirement: def.means\r\n    verdict: gap\r\n    rationale: r\r\n    reviewer: x\r\n    date: 2026-01-01\r\n",
	} {
		f.Add(s, "def.acts")
		f.Add(s, "def.means")
	}
	m := ovFuzzMap(f)
	f.Fuzz(func(t *testing.T, src, req string) {
		if len(src) > 4096 {
			return
		}
		before, err := ParseOverrides("ov.yaml", []byte(src), m)
		o := Override{Requirement: req, Verdict: Partial, Rationale: "fuzz \"decision\"\n<b>", Reviewer: "F", Date: "2026-03-01",
			Decision: DecisionOverride, MachineVerdict: Gap, Statutes: []string{"x/y@2020-01-01"}}
		out, serr := SetOverride("ov.yaml", []byte(src), o, m)
		if err != nil {
			if serr == nil {
				t.Fatalf("a file the parser refuses was edited: %v", err)
			}
			return
		}
		if serr != nil {
			if m.Requirement(standard.RequirementID(req)) != nil {
				t.Fatalf("a decision on %s in a good file refused: %v\n%q", req, serr, src)
			}
			return
		}
		after, err := ParseOverrides("ov.yaml", out, m)
		if err != nil {
			t.Fatalf("edited file does not parse: %v\n%s", err, out)
		}
		got := map[string]Override{}
		for _, a := range after {
			got[a.Requirement] = a
		}
		if d, ok := got[req]; !ok || d.Verdict != Partial || d.Rationale != o.Rationale || d.Decision != DecisionOverride {
			t.Fatalf("decision not held: %+v\n%s", d, out)
		}
		for _, b := range before {
			if b.Requirement == req {
				continue
			}
			if a, ok := got[b.Requirement]; !ok || a.Verdict != b.Verdict || a.Rationale != b.Rationale {
				t.Fatalf("decision on %s lost or changed\n%s", b.Requirement, out)
			}
		}
		if len(after) != len(before)+1 && !contains(before, req) {
			t.Fatalf("%d decisions after, %d before", len(after), len(before))
		}
		for _, l := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
			if t2 := strings.TrimSpace(l); strings.HasPrefix(t2, "#") && !strings.Contains(string(out), t2) && !entryComment(before, req) {
				t.Fatalf("comment %q lost\n%s", t2, out)
			}
		}
	})
}

func contains(list []Override, req string) bool {
	for _, o := range list {
		if o.Requirement == req {
			return true
		}
	}
	return false
}

// entryComment: when the decided requirement had an entry, comments inside
// that entry may go with it.
func entryComment(before []Override, req string) bool { return contains(before, req) }
