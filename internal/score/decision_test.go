package score

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// A decision recorded on one version of the law applies while the machine
// verdict, the statute version and the quoted text are those it was made
// on; after an amendment it is stale: the machine verdict is kept and the
// finding asks for a new review.
func TestDecisionStaleAfterAmendment(t *testing.T) {
	m := testMap()
	v1 := &statute.Corpus{Statutes: []*statute.Statute{parse(t, "xta/act-2015.md", actV1)}}
	res1, err := Analyze(v1, m, Options{Country: "XTA"})
	if err != nil {
		t.Fatal(err)
	}
	f1 := res1.Finding("def.acts")
	if f1.MachineVerdict != Partial || len(f1.Evidence) == 0 {
		t.Fatalf("fixture: def.acts %s with %d evidence", f1.MachineVerdict, len(f1.Evidence))
	}
	src := fmt.Sprintf(`overrides:
  # counsel's reading
  - requirement: def.acts
    verdict: met
    rationale: "receipt covers obtaining"
    reviewer: "A. Adviser"
    date: 2026-01-10
    decision: override
    machine_verdict: %s
    statutes: [%s]
    evidence_sha256: %s
    history:
      - requirement: def.acts
        verdict: partial
        rationale: "first reading"
        reviewer: "B. Reviewer"
        date: 2025-01-10
        decision: confirm
`, f1.MachineVerdict, strings.Join(DecisionStatutes(res1, f1), ", "), EvidenceHash(f1))
	ovs, err := ParseOverrides("ov.yaml", []byte(src), m)
	if err != nil {
		t.Fatal(err)
	}
	if len(ovs) != 1 || len(ovs[0].History) != 1 || !ovs[0].History[0].Confirms() || ovs[0].Confirms() {
		t.Fatalf("parsed %+v", ovs)
	}
	if got := DecisionStatutes(res1, f1); len(got) != 1 || got[0] != "xta/act@2015-01-01" {
		t.Errorf("DecisionStatutes = %q", got)
	}

	same, err := Analyze(v1, m, Options{Country: "XTA", Overrides: ovs})
	if err != nil {
		t.Fatal(err)
	}
	if f := same.Finding("def.acts"); f.Verdict != Met || f.Origin != "review" || len(f.Override.Stale) > 0 {
		t.Errorf("on the same law the decision applies: %s %s stale %q", f.Verdict, f.Origin, f.Override.Stale)
	}

	v2 := &statute.Corpus{Statutes: []*statute.Statute{parse(t, "xta/act-2021.md", actV2)}}
	amended, err := Analyze(v2, m, Options{Country: "XTA", Overrides: ovs})
	if err != nil {
		t.Fatal(err)
	}
	f := amended.Finding("def.acts")
	if f.Verdict != f.MachineVerdict || f.Origin != "machine" {
		t.Errorf("a stale decision must not carry over: verdict %s machine %s origin %s", f.Verdict, f.MachineVerdict, f.Origin)
	}
	if f.Override == nil || len(f.Override.Stale) == 0 || !strings.Contains(strings.Join(f.Override.Stale, ";"), "now version 2021-01-01") {
		t.Fatalf("stale reasons %+v", f.Override)
	}
	if f.Review == nil || !f.Review.Needed || f.Review.Reasons[len(f.Review.Reasons)-1].Code != "decision_stale" {
		t.Errorf("a stale decision flags the finding for review: %+v", f.Review)
	}
	if !strings.Contains(f.Explanation, "needs re-review") {
		t.Errorf("explanation %q", f.Explanation)
	}

	// A confirmation made on another machine verdict is stale too.
	ovs[0].Statutes, ovs[0].EvidenceSHA256, ovs[0].MachineVerdict, ovs[0].Verdict, ovs[0].Decision = nil, "", Gap, Gap, DecisionConfirm
	conf, err := Analyze(v1, m, Options{Country: "XTA", Overrides: ovs})
	if err != nil {
		t.Fatal(err)
	}
	if f := conf.Finding("def.acts"); f.Verdict != Partial || len(f.Override.Stale) != 1 {
		t.Errorf("confirmation of another machine verdict: %s stale %q", f.Verdict, f.Override.Stale)
	}
}

func TestDecisionKeyErrors(t *testing.T) {
	m := testMap()
	base := "- requirement: def.acts\n  verdict: met\n  rationale: r\n  reviewer: x\n  date: 2026-01-01\n"
	for _, tc := range []struct{ name, extra, want string }{
		{"decision", "  decision: agree\n", `ov.yaml:6:13: decision "agree", expected confirm or override`},
		{"machine verdict", "  machine_verdict: fine\n", `ov.yaml:6:20: unknown verdict "fine"`},
		{"hash", "  evidence_sha256: abc\n", `evidence_sha256 "abc", expected 64 lower-case hex digits`},
		{"statutes", "  statutes: [xta/act]\n", `statute "xta/act", expected statute-id@version-date`},
		{"nested history", "  history:\n    - requirement: def.acts\n      verdict: met\n      rationale: r\n      reviewer: x\n      date: 2026-01-01\n      history: []\n", `history must be a list of earlier decisions (not nested)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseOverrides("ov.yaml", []byte(base+tc.extra), m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
