package score

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
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

// pseudoCatalogue is a catalogue of language "xx" with every English code
// except those in drop, each rendered as "xx:<code>" and its arguments.
func pseudoCatalogue(t *testing.T, drop ...string) *reason.Catalogue {
	t.Helper()
	en, err := reason.English()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, code := range en.Codes() {
		if slices.Contains(drop, code) {
			continue
		}
		fmt.Fprintf(&b, "%s: \"xx:%s", code, code)
		args, _ := en.Args(code)
		for _, a := range args {
			fmt.Fprintf(&b, " {%s}", a)
		}
		b.WriteString("\"\n")
	}
	c, err := reason.Parse("xx.yaml", "xx", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestLocalized renders a result's reasons with another catalogue: every
// text comes from it, the original result is unchanged, and a code the
// catalogue lacks or a finding without a code is an error.
func TestLocalized(t *testing.T) {
	c, err := statute.Load(corpus.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	res, err := embeddedEngine(t).Analyze(c, Options{Country: "XEA", LacunaVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := json.Marshal(res)
	xx, err := res.Localized(pseudoCatalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := json.Marshal(res); string(after) != string(before) {
		t.Fatal("Localized changed its receiver")
	}
	texts := 0
	for i, f := range xx.Findings {
		check := func(what, s string) {
			texts++
			if !strings.HasPrefix(s, "xx:") {
				t.Errorf("%s %s: %q not rendered by the xx catalogue", f.Requirement, what, s)
			}
		}
		check("explanation", f.Explanation)
		if f.Reason.Code != res.Findings[i].Reason.Code || !strings.HasPrefix(f.Explanation, "xx:"+f.Reason.Code) {
			t.Errorf("%s: explanation %q for reason %q", f.Requirement, f.Explanation, f.Reason.Code)
		}
		if f.NearestNone != "" {
			check("nearest_none", f.NearestNone)
		}
		for _, n := range f.Nearest {
			for _, s := range n.Notes {
				check("note", s)
			}
		}
		if f.Review != nil {
			for _, r := range f.Review.Reasons {
				check("review", r.Text)
			}
		}
	}
	if texts <= len(xx.Findings) {
		t.Errorf("only %d texts rendered for %d findings", texts, len(xx.Findings))
	}
	used := res.Findings[0].Reason.Code
	if _, err := res.Localized(pseudoCatalogue(t, used)); err == nil || !strings.Contains(err.Error(), used) {
		t.Errorf("catalogue without %q: err %v", used, err)
	}
	old := *res
	old.Findings = append([]Finding(nil), res.Findings...)
	old.Findings[0].Reason = reason.Reason{}
	if _, err := old.Localized(pseudoCatalogue(t)); err == nil || !strings.Contains(err.Error(), "no reason code") {
		t.Errorf("finding without a reason code: err %v", err)
	}
}
