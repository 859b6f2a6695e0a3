package score

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/reason"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestReasonsRenderExplanations: on the demo corpus every finding, review
// reason, nearest note and "why no nearest" carries a reason code, its
// English text is the
// catalogue's rendering of that reason, and the reason read back from the
// JSON contract (as a saved run is) renders the same text.
func TestReasonsRenderExplanations(t *testing.T) {
	c, err := statute.Load(corpus.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	en, err := reason.English()
	if err != nil {
		t.Fatal(err)
	}
	e := embeddedEngine(t)
	codes := map[string]bool{}
	notes := 0
	for _, country := range []string{"XEA", "XFR", "XSA"} {
		res, err := e.Analyze(c, Options{Country: country, LacunaVersion: "test"})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		var back Result
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		for i, f := range res.Findings {
			name := fmt.Sprintf("%s %s", country, f.Requirement)
			if f.Reason.Code == "" {
				t.Errorf("%s: no reason code (explanation %q)", name, f.Explanation)
				continue
			}
			codes[f.Reason.Code] = true
			for _, r := range []reason.Reason{f.Reason, back.Findings[i].Reason} {
				if got, err := en.Render(r); err != nil || got != f.Explanation {
					t.Errorf("%s: reason %+v renders %q, %v; explanation %q", name, r, got, err, f.Explanation)
				}
			}
			if f.MachineVerdict == Gap && f.NearestNone == "" && len(f.Nearest) == 0 {
				t.Errorf("%s: gap with neither nearest nor why none", name)
			}
			if f.NearestNone != "" {
				if r := back.Findings[i].NearestNoneReason; r == nil {
					t.Errorf("%s: nearest_none %q without a reason", name, f.NearestNone)
				} else if got, err := en.Render(*r); err != nil || got != f.NearestNone {
					t.Errorf("%s: nearest_none reason renders %q, %v; want %q", name, got, err, f.NearestNone)
				}
			}
			for k, n := range f.Nearest {
				rs := back.Findings[i].Nearest[k].NoteReasons
				if len(rs) != len(n.Notes) {
					t.Errorf("%s: nearest %s: %d notes, %d reasons", name, n.Provision, len(n.Notes), len(rs))
					continue
				}
				for x, r := range rs {
					notes++
					if got, err := en.Render(r); err != nil || got != n.Notes[x] {
						t.Errorf("%s: nearest %s: note reason renders %q, %v; want %q", name, n.Provision, got, err, n.Notes[x])
					}
				}
			}
			if f.Review == nil {
				continue
			}
			for k, rr := range f.Review.Reasons {
				if got, err := en.Render(back.Findings[i].Review.Reasons[k].Reason); err != nil || got != rr.Text || rr.Text == "" {
					t.Errorf("%s: review reason %+v renders %q, %v", name, rr, got, err)
				}
			}
		}
	}
	if notes == 0 {
		t.Error("no nearest provision of the demo corpus has a note")
	}
	if len(codes) < 10 {
		t.Errorf("the demo corpus uses only %d reason codes: %v", len(codes), codes)
	}
}

// TestReasonArgs pins the codes and arguments of the test map's findings:
// the arguments are the facts the sentence states, not text.
func TestReasonArgs(t *testing.T) {
	c := &statute.Corpus{Statutes: []*statute.Statute{parse(t, "xta/act-2015.md", actV1)}}
	m := testMap()
	ovs, err := ParseOverrides("ov.yaml", []byte(`overrides:
  - requirement: def.acts
    verdict: met
    rationale: "Section 3 covers obtaining."
    reviewer: "B. Reviewer"
    date: 2024-01-10
    expires: 2025-01-10
`), m)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(c, m, Options{Country: "XTA", Overrides: ovs, Today: "2026-01-15"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id   string
		want reason.Reason
		text string
	}{
		{"def.acts", reason.New("elements-partial", reason.Args{"found": 2, "total": 3, "needed": 3, "missing": []string{"obtaining"}}).
			With(reason.New("review-expired", reason.Args{"reviewer": "B. Reviewer", "expires": "2025-01-10"})),
			"found 2 of 3 elements (3 needed for met); missing: obtaining (review by B. Reviewer expired on 2025-01-10; machine verdict kept)"},
		{"prot.assistance", reason.New("elements-found", reason.Args{"found": 1, "total": 1, "needed": 1, "elements": []string{"shelter"}}).
			With(reason.New("permissive-wording", nil)),
			`found 1 of 1 elements (1 needed): shelter (permissive wording: "may")`},
		{"pen.serious-crime", reason.New("penalty-max-below", reason.Args{"years": 4.0}),
			"every trafficking offence found has a maximum below 4 years"},
		{"eu.only", reason.New("not-applicable", reason.Args{"requirement": "eu.only", "instruments": "EU Directive", "country": "XTA"}),
			"not applicable: eu.only is only imposed by EU Directive, which does not bind XTA"},
	}
	for _, tc := range tests {
		f := res.Finding(tc.id)
		if !reflect.DeepEqual(f.Reason, tc.want) {
			t.Errorf("%s: reason %#v, want %#v", tc.id, f.Reason, tc.want)
		}
		if f.Explanation != tc.text {
			t.Errorf("%s: explanation %q, want %q", tc.id, f.Explanation, tc.text)
		}
	}
}
