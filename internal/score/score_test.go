package score

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

const actV1 = `---
id: xta/act
country: XTA
title: "Test Act"
language: en
version_date: "2015-01-01"
---

# Test Act

### 3 Trafficking in persons

(1) A person who recruits, transports, transfers, harbours or receives another person for the purpose of exploitation commits an offence and is liable to imprisonment for a term not exceeding three years.

### 4 Shelter

[Repealed.]

### 5 Support

The Minister may provide shelter to victims of trafficking in persons.
`

const actV2 = `---
id: xta/act
country: XTA
title: "Test Act"
language: en
version_date: "2021-01-01"
---

# Test Act

### 3 Trafficking in persons

(1) A person who recruits, transports, transfers, harbours or receives another person for the purpose of exploitation commits an offence and is liable to imprisonment for a term not exceeding fifteen years.
`

func parse(t *testing.T, name, src string) *statute.Statute {
	t.Helper()
	st, err := statute.Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func kw(terms ...string) standard.Pattern {
	return standard.Pattern{Kind: standard.CritKeyword, Terms: map[string][]string{"*": terms}}
}

func testMap() *standard.Map {
	return &standard.Map{
		Version: "test-1",
		Instruments: []*standard.Instrument{
			{ID: "palermo", Short: "Palermo Protocol", Kind: standard.KindTreaty},
			{ID: "eu-2011-36", Short: "EU Directive", Kind: standard.KindRegional},
		},
		Ratifications: []standard.Ratification{{Country: "XTA", Instrument: "palermo", Status: standard.StatusParty}},
		Requirements: []*standard.Requirement{
			{ID: "def.acts", Title: "Acts", Pillar: standard.Prosecution, Weight: 3,
				Sources: []standard.Source{{Instrument: "palermo", Article: "3(a)"}},
				Criteria: standard.Criteria{Elements: []standard.Element{
					{ID: "recruit", Label: "recruitment", Patterns: []standard.Pattern{kw("recruit*")}},
					{ID: "transport", Label: "transportation", Patterns: []standard.Pattern{kw("transport*")}},
					{ID: "obtain", Label: "obtaining", Patterns: []standard.Pattern{kw("obtain*")}},
				}, Combine: standard.Combine{MetAt: 3, PartialAt: 2}}},
			{ID: "pen.serious-crime", Title: "Serious crime", Pillar: standard.Prosecution, Weight: 3, Enforcement: true,
				Sources:    []standard.Source{{Instrument: "palermo", Article: "5"}},
				Thresholds: map[string]float64{"max_months_min": 48},
				Criteria:   standard.Criteria{Check: &standard.Check{Kind: standard.CheckPenaltyThreshold}}},
			{ID: "prot.assistance", Title: "Assistance", Pillar: standard.Protection, Weight: 2,
				Sources: []standard.Source{{Instrument: "palermo", Article: "6(3)"}},
				Criteria: standard.Criteria{Elements: []standard.Element{
					{ID: "shelter", Label: "shelter", Patterns: []standard.Pattern{kw("shelter")}},
				}}},
			{ID: "eu.only", Title: "EU only", Pillar: standard.Protection, Weight: 1,
				Sources:  []standard.Source{{Instrument: "eu-2011-36", Article: "11"}},
				Criteria: standard.Criteria{Elements: []standard.Element{{ID: "x", Label: "x", Patterns: []standard.Pattern{kw("anything")}}}}},
		},
	}
}

func TestAnalyzeVerdictsEvidenceScores(t *testing.T) {
	c := &statute.Corpus{Statutes: []*statute.Statute{parse(t, "xta/act-2015.md", actV1), parse(t, "xta/act-2021.md", actV2)}}
	m := testMap()
	res, err := Analyze(c, m, Options{Country: "XTA", AsOf: "2016-06-30", LacunaVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Statutes) != 1 || res.Statutes[0].VersionDate != "2015-01-01" {
		t.Fatalf("as-of 2016 should pick the 2015 version, got %+v", res.Statutes)
	}
	want := map[string]Verdict{"def.acts": Partial, "pen.serious-crime": Gap, "prot.assistance": Met, "eu.only": NotApplicable}
	for id, v := range want {
		f := res.Finding(id)
		if f == nil || f.Verdict != v || f.MachineVerdict != v || f.Origin != "machine" {
			t.Errorf("%s: %+v, want %s", id, f, v)
			continue
		}
		if f.Explanation == "" {
			t.Errorf("%s: no explanation", id)
		}
		if (v == Met || v == Partial) && len(f.Evidence) == 0 {
			t.Errorf("%s: %s without evidence", id, v)
		}
		if (v == Partial || v == Gap) && len(f.Missing) == 0 {
			t.Errorf("%s: %s without missing elements", id, v)
		}
	}
	acts := res.Finding("def.acts")
	if e := acts.Evidence[0]; e.Provision != "s3(1)" || e.Statute != "xta/act" || !strings.HasPrefix(e.Quote, "A person who recruits") || e.Line == 0 {
		t.Errorf("evidence %+v", e)
	}
	if got := res.Finding("def.acts").Missing; len(got) != 1 || got[0] != "obtaining" {
		t.Errorf("missing %v, want [obtaining]", got)
	}
	as := res.Finding("prot.assistance")
	for _, e := range as.Evidence {
		if e.Provision == "s4" {
			t.Errorf("a repealed provision is evidence: %+v", e)
		}
	}
	if !strings.Contains(as.Explanation, "permissive") {
		t.Errorf("permissive wording not flagged: %q", as.Explanation)
	}
	if len(res.Penalties) != 1 || res.Penalties[0].Provision != "s3(1)" || *res.Penalties[0].MaxMonths != 36 {
		t.Errorf("penalties %+v", res.Penalties)
	}
	// scores: prosecution = (0.5*3 + 0*3) / 6 = 25; protection = 2/2 (eu.only excluded) = 100
	if got := res.Scores.Pillars["prosecution"]; got != 25 {
		t.Errorf("prosecution %v, want 25", got)
	}
	if got := res.Scores.Pillars["protection"]; got != 100 {
		t.Errorf("protection %v, want 100", got)
	}
	if got := res.Scores.Enforcement; got != 0 {
		t.Errorf("enforcement %v, want 0", got)
	}
	if got := res.Scores.Overall; got != 43.8 {
		t.Errorf("overall %v, want 43.8 (3.5/8)", got)
	}
	if len(res.Scores.Explain) == 0 {
		t.Error("no explain lines")
	}

	later, err := Analyze(c, m, Options{Country: "XTA"})
	if err != nil {
		t.Fatal(err)
	}
	if f := later.Finding("pen.serious-crime"); f.Verdict != Met {
		t.Errorf("2021 version: pen.serious-crime %s, want met (15 years)", f.Verdict)
	}
}

func TestAnalyzeDeterministic(t *testing.T) {
	c := &statute.Corpus{Statutes: []*statute.Statute{parse(t, "xta/act-2015.md", actV1)}}
	var out []string
	for i := 0; i < 3; i++ {
		r, err := Analyze(c, testMap(), Options{Country: "XTA"})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r)
		out = append(out, string(b))
	}
	if out[0] != out[1] || out[1] != out[2] {
		t.Error("analysis is not deterministic")
	}
}

func TestOverrides(t *testing.T) {
	m := testMap()
	src := `overrides:
  - requirement: pen.serious-crime
    verdict: met
    rationale: "The Penal Code raises the maximum; checked by counsel"
    reviewer: "A. Adviser"
    date: 2026-01-10
    evidence: [xta/penal-code.md#s12]
  - requirement: def.acts
    verdict: met
    rationale: "obtaining is covered by receipt"
    reviewer: "B. Reviewer"
    date: 2024-01-10
    expires: 2025-01-10
`
	ovs, err := ParseOverrides("ov.yaml", []byte(src), m)
	if err != nil {
		t.Fatal(err)
	}
	c := &statute.Corpus{Statutes: []*statute.Statute{parse(t, "xta/act-2015.md", actV1)}}
	res, err := Analyze(c, m, Options{Country: "XTA", Overrides: ovs, Today: "2026-01-15"})
	if err != nil {
		t.Fatal(err)
	}
	f := res.Finding("pen.serious-crime")
	if f.Verdict != Met || f.MachineVerdict != Gap || f.Origin != "review" || f.Override == nil || f.Score != 3 {
		t.Errorf("reviewed finding %+v", f)
	}
	g := res.Finding("def.acts")
	if g.Verdict != Partial || g.Origin != "machine" || g.Override == nil || !g.Override.Expired || !strings.Contains(g.Explanation, "expired") {
		t.Errorf("expired override should fall back to the machine verdict and be flagged: %+v", g)
	}
}

func TestOverrideErrors(t *testing.T) {
	m := testMap()
	for _, tc := range []struct{ name, src, want string }{
		{"unknown id", "overrides:\n  - requirement: def.nope\n    verdict: met\n    rationale: r\n    reviewer: x\n    date: 2026-01-01\n", `ov.yaml:2:18: unknown requirement "def.nope"`},
		{"bad verdict", "- requirement: def.acts\n  verdict: good\n  rationale: r\n  reviewer: x\n  date: 2026-01-01\n", `ov.yaml:2:12: unknown verdict "good"`},
		{"dotdot", "- requirement: def.acts\n  verdict: met\n  rationale: r\n  reviewer: x\n  date: 2026-01-01\n  evidence: [../secret.md]\n", `ov.yaml:6:14: evidence path "../secret.md" leaves the corpus`},
		{"unknown key", "- requirement: def.acts\n  verdict: met\n  rationale: r\n  reviewer: x\n  date: 2026-01-01\n  colour: red\n", `ov.yaml:6:3: unknown key "colour"`},
		{"missing field", "- requirement: def.acts\n  verdict: met\n", `override has no "rationale"`},
		{"malformed", "- requirement: [def.acts\n", "ov.yaml:"},
		{"bad date", "- requirement: def.acts\n  verdict: met\n  rationale: r\n  reviewer: x\n  date: 10/01/2026\n", `ov.yaml:5:9: date "10/01/2026", expected YYYY-MM-DD`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseOverrides("ov.yaml", []byte(tc.src), m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestDerivedVerdicts(t *testing.T) {
	src := `---
id: xta/act
country: XTA
title: "Test Act"
language: en
version_date: "2020-01-01"
---

# Test Act

### 3 Trafficking in persons

A person who recruits, transports, transfers, harbours or receives another person for the purpose of prostitution, sexual exploitation or forced labour commits an offence and is liable to imprisonment for a term not exceeding twelve years.
`
	c := &statute.Corpus{Statutes: []*statute.Statute{parse(t, "xta/act.md", src)}}
	m := &standard.Map{Version: "t", Requirements: []*standard.Requirement{
		{ID: "def.means", Pillar: standard.Prosecution, Weight: 3, Criteria: standard.Criteria{Elements: []standard.Element{
			{ID: "force", Label: "force", Patterns: []standard.Pattern{kw("force")}}}}},
		{ID: "def.child-no-means", Pillar: standard.Prosecution, Weight: 3, Criteria: standard.Criteria{Check: &standard.Check{Kind: standard.CheckChildNoMeans}}},
		{ID: "crim.child-prostitution", Pillar: standard.Prosecution, Weight: 3, Criteria: standard.Criteria{Elements: []standard.Element{
			{ID: "cp", Label: "child prostitution", Patterns: []standard.Pattern{kw("child prostitution")}}}}},
		{ID: "crim.sale-of-children", Pillar: standard.Prosecution, Weight: 3, Criteria: standard.Criteria{Elements: []standard.Element{
			{ID: "sale", Label: "sale of a child", Patterns: []standard.Pattern{kw("sells a child")}}}}},
	}}
	res, err := Analyze(c, m, Options{Country: "XTA"})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]Verdict{"def.means": Met, "def.child-no-means": Met, "crim.child-prostitution": Met, "crim.sale-of-children": Partial} {
		f := res.Finding(id)
		if f.Verdict != want || len(f.Evidence) == 0 {
			t.Errorf("%s: %s (%s), want %s with evidence", id, f.Verdict, f.Explanation, want)
		}
	}
}

// TestRequiredElement: an element marked required makes the requirement a
// gap when it is missing, however many others are found; found, the usual
// counts apply.
func TestRequiredElement(t *testing.T) {
	req := func(required bool) *standard.Map {
		m := testMap()
		m.Requirements = []*standard.Requirement{{ID: "crim.offence", Title: "Offence", Pillar: standard.Prosecution, Weight: 3,
			Sources: []standard.Source{{Instrument: "palermo", Article: "5"}},
			Criteria: standard.Criteria{Elements: []standard.Element{
				{ID: "offence", Label: "trafficking offence", Patterns: []standard.Pattern{kw("trafficking in persons")}, Required: required},
				{ID: "sexual", Label: "sexual", Patterns: []standard.Pattern{kw("prostitution")}},
				{ID: "labour", Label: "labour", Patterns: []standard.Pattern{kw("forced labour")}},
			}, Combine: standard.Combine{MetAt: 3, PartialAt: 2}}}}
		return m
	}
	src := "---\nid: xta/code\ncountry: XTA\ntitle: \"Labour Code\"\nlanguage: en\nversion_date: \"2020-01-01\"\n---\n\n# Labour Code\n\n" +
		"### 3 Prohibitions\n\nNo employer shall exact forced labour or procure a worker for prostitution.\n"
	c := &statute.Corpus{Statutes: []*statute.Statute{parse(t, "xta/code.md", src)}}
	for _, tc := range []struct {
		required bool
		want     Verdict
	}{{false, Partial}, {true, Gap}} {
		res, err := Analyze(c, req(tc.required), Options{Country: "XTA"})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Findings[0].Verdict; got != tc.want {
			t.Errorf("required=%v: verdict %s, want %s", tc.required, got, tc.want)
		}
	}
}
