package workspace

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/score"
)

const decisionAct = `---
id: xta/act
country: XTA
title: "Trafficking Act"
language: en
version_date: "2020-01-01"
---

# Trafficking Act

### 2 Interpretation

"child" has the meaning assigned to it in the Children Act (Cap. 141);
`

func TestRecordDecision(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "xta"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "xta", "act.md"), []byte(decisionAct), 0o644); err != nil {
		t.Fatal(err)
	}
	w := New(Config{Corpus: dir, Now: func() time.Time { return time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) }})
	m, err := w.Map()
	if err != nil {
		t.Fatal(err)
	}
	p, src, err := w.DecisionFile("XTA")
	if err != nil || src != nil || p != filepath.Join(dir, "xta", "overrides.yaml") {
		t.Fatalf("DecisionFile = %q %q %v", p, src, err)
	}
	a, err := w.AnalyzeCountry(context.Background(), "XTA", "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	f := a.Result.Finding("def.child-age-18")
	o := score.Override{Requirement: f.Requirement, Verdict: score.Met, Rationale: "Children Act s2", Reviewer: "A. Adviser", Date: w.Today(),
		Decision: score.DecisionOverride, MachineVerdict: f.MachineVerdict, Statutes: score.DecisionStatutes(a.Result, f), EvidenceSHA256: score.EvidenceHash(f)}
	h1, err := w.RecordDecision(m, "XTA", o, ContentHash(nil))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if ContentHash(b) != h1 || !strings.Contains(string(b), "decision: override") {
		t.Fatalf("written file %q", b)
	}
	// A second browser still holding the empty file's hash is refused and
	// nothing is written.
	if _, err := w.RecordDecision(m, "XTA", o, ContentHash(nil)); !errors.Is(err, ErrStaleWrite) {
		t.Fatalf("stale write: %v", err)
	}
	if b2, _ := os.ReadFile(p); string(b2) != string(b) {
		t.Error("a refused write changed the file")
	}
	a, err = w.AnalyzeCountry(context.Background(), "XTA", "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	if f := a.Result.Finding("def.child-age-18"); f.Verdict != score.Met || f.Origin != "review" {
		t.Errorf("the recorded decision applies: %s %s", f.Verdict, f.Origin)
	}
	// The law changes: the decision no longer applies.
	if err := os.WriteFile(filepath.Join(dir, "xta", "act.md"), []byte(strings.Replace(decisionAct, "2020-01-01", "2024-01-01", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err = w.AnalyzeCountry(context.Background(), "XTA", "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	if f := a.Result.Finding("def.child-age-18"); f.Verdict != f.MachineVerdict || f.Override == nil || len(f.Override.Stale) == 0 {
		t.Errorf("after an amendment: %s (machine %s) %+v", f.Verdict, f.MachineVerdict, f.Override)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "xta")); len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}

	for _, cc := range []string{"../etc", "xta/..", "", "x\x00"} {
		if _, _, err := w.DecisionFile(cc); err == nil {
			t.Errorf("DecisionFile(%q) accepted", cc)
		}
	}
	if _, err := New(Config{}).RecordDecision(m, "XEA", o, ContentHash(nil)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("embedded corpus: %v", err)
	}
}
