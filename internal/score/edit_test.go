package score

import (
	"strings"
	"testing"
)

const handEdited = `# Reviewer decisions for XTA — kept by hand.
# Do not reorder.
overrides:
  # counsel, January
  - requirement: pen.serious-crime
    verdict: met   # the Penal Code raises it
    rationale: "Penal Code s12 raises the maximum"
    reviewer: "A. Adviser"
    date: 2026-01-10

  # second opinion
  - requirement: def.acts
    verdict: met
    rationale: >
      receipt covers
      obtaining
    reviewer: "B. Reviewer"
    date: 2026-01-11
# end of decisions
`

func TestSetOverrideKeepsTheRestOfTheFile(t *testing.T) {
	m := testMap()
	dec := Override{Requirement: "pen.serious-crime", Verdict: Gap, Rationale: `the "raise" applies to <other> offences`, Reviewer: "C. Counsel",
		Date: "2026-02-01", Decision: DecisionOverride, MachineVerdict: Gap, Statutes: []string{"xta/act@2015-01-01"}}
	out, err := SetOverride("ov.yaml", []byte(handEdited), dec, m)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	want := strings.Replace(handEdited, `  - requirement: pen.serious-crime
    verdict: met   # the Penal Code raises it
    rationale: "Penal Code s12 raises the maximum"
    reviewer: "A. Adviser"
    date: 2026-01-10
`, `  - requirement: pen.serious-crime
    verdict: gap
    rationale: "the \"raise\" applies to <other> offences"
    reviewer: "C. Counsel"
    date: 2026-02-01
    decision: override
    machine_verdict: gap
    statutes: ["xta/act@2015-01-01"]
    history:
      - requirement: pen.serious-crime
        verdict: met
        rationale: "Penal Code s12 raises the maximum"
        reviewer: "A. Adviser"
        date: 2026-01-10
`, 1)
	if got != want {
		t.Errorf("edited file:\n%s\nwant:\n%s", got, want)
	}
	ovs, err := ParseOverrides("ov.yaml", out, m)
	if err != nil || len(ovs) != 2 || ovs[0].Verdict != Gap || len(ovs[0].History) != 1 || ovs[1].Rationale != "receipt covers obtaining\n" {
		t.Fatalf("reparsed %+v, %v", ovs, err)
	}

	// A decision on a requirement not yet decided is appended after the
	// last entry, before the file's closing comment; the block scalar of
	// the last entry stays whole.
	out2, err := SetOverride("ov.yaml", []byte(handEdited), Override{Requirement: "prot.assistance", Verdict: Met, Rationale: "s5",
		Reviewer: "C. Counsel", Date: "2026-02-01", Decision: DecisionConfirm, MachineVerdict: Met}, m)
	if err != nil {
		t.Fatal(err)
	}
	want2 := strings.Replace(handEdited, "    date: 2026-01-11\n# end", "    date: 2026-01-11\n  - requirement: prot.assistance\n    verdict: met\n    rationale: \"s5\"\n    reviewer: \"C. Counsel\"\n    date: 2026-02-01\n    decision: confirm\n    machine_verdict: met\n# end", 1)
	if string(out2) != want2 {
		t.Errorf("appended:\n%s\nwant:\n%s", out2, want2)
	}

	// A third decision on the same requirement keeps the whole history,
	// oldest first.
	out3, err := SetOverride("ov.yaml", out, Override{Requirement: "pen.serious-crime", Verdict: Met, Rationale: "back to met", Reviewer: "D", Date: "2026-03-01"}, m)
	if err != nil {
		t.Fatal(err)
	}
	ovs, _ = ParseOverrides("ov.yaml", out3, m)
	if h := ovs[0].History; len(h) != 2 || h[0].Reviewer != "A. Adviser" || h[1].Reviewer != "C. Counsel" || ovs[0].Reviewer != "D" {
		t.Errorf("history %+v", ovs[0].History)
	}
}

func TestSetOverrideNewAndOddFiles(t *testing.T) {
	m := testMap()
	dec := Override{Requirement: "def.acts", Verdict: Met, Rationale: "r", Reviewer: "x", Date: "2026-01-01"}
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", "overrides:\n  - requirement: def.acts\n    verdict: met\n    rationale: \"r\"\n    reviewer: \"x\"\n    date: 2026-01-01\n"},
		{"comments only", "# decisions\n\n", "# decisions\noverrides:\n  - requirement: def.acts\n    verdict: met\n    rationale: \"r\"\n    reviewer: \"x\"\n    date: 2026-01-01\n"},
		{"empty flow list", "# top\noverrides: []\n# tail\n", "# top\noverrides:\n  - requirement: def.acts\n    verdict: met\n    rationale: \"r\"\n    reviewer: \"x\"\n    date: 2026-01-01\n# tail\n"},
		{"document markers", "---\noverrides:\n  - requirement: eu.only\n    verdict: met\n    rationale: r\n    reviewer: y\n    date: 2026-01-01\n...\n",
			"---\noverrides:\n  - requirement: eu.only\n    verdict: met\n    rationale: r\n    reviewer: y\n    date: 2026-01-01\n  - requirement: def.acts\n    verdict: met\n    rationale: \"r\"\n    reviewer: \"x\"\n    date: 2026-01-01\n...\n"},
		{"bare list crlf", "# bare\r\n- requirement: eu.only\r\n  verdict: met\r\n  rationale: r\r\n  reviewer: y\r\n  date: 2026-01-01\r\n",
			"# bare\r\n- requirement: eu.only\r\n  verdict: met\r\n  rationale: r\r\n  reviewer: y\r\n  date: 2026-01-01\r\n- requirement: def.acts\r\n  verdict: met\r\n  rationale: \"r\"\r\n  reviewer: \"x\"\r\n  date: 2026-01-01\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := SetOverride("ov.yaml", []byte(tc.src), dec, m)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tc.want {
				t.Errorf("got:\n%q\nwant:\n%q", out, tc.want)
			}
		})
	}
	if _, err := SetOverride("ov.yaml", []byte("overrides:\n  - requirement: def.nope\n"), dec, m); err == nil {
		t.Error("a file that does not parse must not be edited")
	}
	if _, err := SetOverride("ov.yaml", nil, Override{Requirement: "def.nope", Verdict: Met, Rationale: "r", Reviewer: "x", Date: "2026-01-01"}, m); err == nil {
		t.Error("a decision on an unknown requirement must be refused")
	}
}
