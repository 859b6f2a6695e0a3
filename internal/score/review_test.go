package score

import (
	"fmt"
	"slices"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

const reviewHead = "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: en\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n"

// reviewMap is a map of one requirement with the given elements and
// combination rule.
func reviewMap(comb standard.Combine, els ...standard.Element) *standard.Map {
	return &standard.Map{
		Version:       "test-1",
		Instruments:   []*standard.Instrument{{ID: "ilo29", Short: "ILO C29", Kind: standard.KindTreaty}},
		Ratifications: []standard.Ratification{{Country: "XTA", Instrument: "ilo29", Status: standard.StatusParty}},
		Requirements: []*standard.Requirement{{ID: "crim.forced-labour", Title: "Forced labour", Pillar: standard.Prosecution, Weight: 2,
			Sources:  []standard.Source{{Instrument: "ilo29", Article: "25"}},
			Criteria: standard.Criteria{Elements: els, Combine: comb}}},
	}
}

func analyzeOne(t *testing.T, m *standard.Map, body string) Finding {
	t.Helper()
	st := parse(t, "xta/act.md", reviewHead+body)
	res, err := Analyze(&statute.Corpus{Statutes: []*statute.Statute{st}}, m, Options{Country: "XTA", LacunaVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings[0]
}

// A provision that carries a requirement's words in a frame the engine
// cannot classify (no offence, definition, protection … role) leaves the
// verdict a gap, but flags it for review with the provision quoted and
// lowers the confidence; the same words in an offence make it met, and a
// corpus without them is a confident gap with no nearest provision.
func TestReviewFrameUnclassified(t *testing.T) {
	m := reviewMap(standard.Combine{}, standard.Element{ID: "fl", Label: "offence of forced labour",
		Roles: []standard.Role{standard.RoleOffence}, Patterns: []standard.Pattern{kw("forced labour")}})
	for _, tc := range []struct {
		name, body string
		want       Verdict
		review     bool
		frame      bool
		nearest    bool
	}{
		{"unclassified frame", "### 9 Miscellaneous\n\nNo employer shall exact forced labour from a worker.\n", Gap, true, false, true},
		{"offence", "### 7 Forced labour\n\nA person who exacts forced labour commits an offence and is liable to imprisonment for ten years.\n", Met, false, true, false},
		{"absent", "### 9 Miscellaneous\n\nEvery employer shall keep a register of workers.\n", Gap, false, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := analyzeOne(t, m, tc.body)
			if f.MachineVerdict != tc.want {
				t.Fatalf("verdict %s, want %s (%s)", f.MachineVerdict, tc.want, f.Explanation)
			}
			if got := f.Review != nil && f.Review.Needed; got != tc.review {
				t.Fatalf("review needed %v, want %v (%+v)", got, tc.review, f.Review)
			}
			if tc.review {
				r := f.Review
				if len(r.Reasons) != 1 || r.Reasons[0].Code != "frame_unclassified" || r.Reasons[0].Text == "" {
					t.Errorf("reasons %+v, want one frame_unclassified with text", r.Reasons)
				}
				if r.Candidate == nil || r.Candidate.Provision != "s9" || r.Candidate.Quote != "No employer shall exact forced labour from a worker." {
					t.Errorf("candidate %+v, want s9 quoted", r.Candidate)
				}
			}
			c := f.Confidence
			if c == nil {
				t.Fatal("no confidence")
			}
			if c.Features["frame"] != tc.frame {
				t.Errorf("feature frame %v, want %v (%+v)", c.Features["frame"], tc.frame, c)
			}
			if c.Value <= 0 || c.Value > 1 {
				t.Errorf("confidence %v outside (0, 1]", c.Value)
			}
			if (len(f.Nearest) > 0) != tc.nearest {
				t.Errorf("nearest %+v, want some: %v", f.Nearest, tc.nearest)
			}
			if f.MachineVerdict == Gap && len(f.Nearest) == 0 && f.NearestNone == "" {
				t.Error("a gap without nearest provisions must say why")
			}
			if f.MachineVerdict != Gap && (len(f.Nearest) > 0 || f.NearestNone != "") {
				t.Errorf("nearest on a %s finding", f.MachineVerdict)
			}
		})
	}
	flagged := analyzeOne(t, m, "### 9 Miscellaneous\n\nNo employer shall exact forced labour from a worker.\n")
	clean := analyzeOne(t, m, "### 9 Miscellaneous\n\nEvery employer shall keep a register of workers.\n")
	if flagged.Confidence.Value >= clean.Confidence.Value {
		t.Errorf("flagged gap confidence %v, want below the clean gap's %v", flagged.Confidence.Value, clean.Confidence.Value)
	}
	if !slices.Contains(flagged.Confidence.LoweredBy, "frame") {
		t.Errorf("lowered by %v, want frame among them", flagged.Confidence.LoweredBy)
	}
}

// Elements met in one section are one clause; met across sections they
// are not, and the confidence is lower. Permissive wording lowers it too.
func TestConfidenceFeatures(t *testing.T) {
	m := reviewMap(standard.Combine{},
		standard.Element{ID: "rec", Label: "recruitment", Patterns: []standard.Pattern{kw("recruits")}},
		standard.Element{ID: "exp", Label: "exploitation", Patterns: []standard.Pattern{kw("exploitation")}})
	one := analyzeOne(t, m, "### 3 Trafficking\n\nA person who recruits another person for exploitation commits an offence.\n\n### 4 Again\n\nA person who recruits a child for exploitation commits an offence.\n")
	split := analyzeOne(t, m, "### 3 Recruiting\n\nA person who recruits another person by deceit commits an offence.\n\n### 8 Exploitation\n\nA person who profits from exploitation commits an offence.\n")
	may := analyzeOne(t, m, "### 3 Trafficking\n\nThe court may punish a person who recruits another person for exploitation.\n\n### 4 Again\n\nThe court may punish a person who recruits a child for exploitation.\n")
	for _, f := range []Finding{one, split, may} {
		if f.MachineVerdict != Met {
			t.Fatalf("verdict %s, want met (%s)", f.MachineVerdict, f.Explanation)
		}
	}
	if !one.Confidence.Features["one_clause"] || split.Confidence.Features["one_clause"] {
		t.Errorf("one_clause: one section %v, two sections %v; want true, false", one.Confidence.Features["one_clause"], split.Confidence.Features["one_clause"])
	}
	if split.Confidence.Value >= one.Confidence.Value {
		t.Errorf("confidence split %v, want below one clause %v", split.Confidence.Value, one.Confidence.Value)
	}
	if may.Confidence.Features["mandatory_wording"] || !one.Confidence.Features["mandatory_wording"] {
		t.Errorf("mandatory_wording: may %v, shall %v; want false, true", may.Confidence.Features["mandatory_wording"], one.Confidence.Features["mandatory_wording"])
	}
	if may.Confidence.Value >= one.Confidence.Value {
		t.Errorf("confidence with \"may\" %v, want below %v", may.Confidence.Value, one.Confidence.Value)
	}
	if !one.Confidence.Features["corroborated"] || split.Review != nil {
		t.Errorf("corroborated %v (want true), review %+v (want none)", one.Confidence.Features["corroborated"], split.Review)
	}
}

// The nearest provisions of a gap rank the section holding the most
// elements first; each lists the elements it has and lacks, and what it
// lacks always includes what the finding misses.
func TestNearestRanksAndLacks(t *testing.T) {
	m := reviewMap(standard.Combine{MetAt: 3, NoPartial: true},
		standard.Element{ID: "rec", Label: "recruitment", Patterns: []standard.Pattern{kw("recruits")}},
		standard.Element{ID: "exp", Label: "exploitation", Patterns: []standard.Pattern{kw("exploitation")}},
		standard.Element{ID: "org", Label: "removal of organs", Patterns: []standard.Pattern{kw("removal of organs")}})
	f := analyzeOne(t, m, "### 2 Work\n\nEvery worker is free to leave exploitation.\n\n### 3 Trafficking\n\nA person who recruits another person for exploitation commits an offence.\n")
	if f.MachineVerdict != Gap {
		t.Fatalf("verdict %s, want gap (%s)", f.MachineVerdict, f.Explanation)
	}
	if len(f.Nearest) != 2 {
		t.Fatalf("nearest %+v, want 2 sections", f.Nearest)
	}
	if n := f.Nearest[0]; n.Provision != "s3" || !slices.Equal(n.Has, []string{"recruitment", "exploitation"}) || !slices.Equal(n.Lacks, []string{"removal of organs"}) {
		t.Errorf("nearest[0] %+v, want s3 with recruitment and exploitation, lacking removal of organs", n)
	}
	if n := f.Nearest[1]; n.Provision != "s2" || !slices.Equal(n.Has, []string{"exploitation"}) {
		t.Errorf("nearest[1] %+v, want s2 with exploitation", n)
	}
	for _, n := range f.Nearest {
		for _, miss := range f.Missing {
			if !slices.Contains(n.Lacks, miss) || slices.Contains(n.Has, miss) {
				t.Errorf("%s: has %v, lacks %v; the finding misses %q", n.Provision, n.Has, n.Lacks, miss)
			}
		}
	}
}

// On the demo corpus every gap of an element-based requirement lists
// nearest provisions, each lacking (at least) every element the finding
// misses and having none of them, or says why there is none; verdicts
// other than gap carry no nearest list, and every finding a confidence.
func TestDemoGapsHaveNearest(t *testing.T) {
	c, err := statute.Load(corpus.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	e := embeddedEngine(t)
	withNearest := 0
	for _, country := range []string{"XEA", "XFR", "XSA"} {
		res, err := e.Analyze(c, Options{Country: country, LacunaVersion: "test"})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			name := fmt.Sprintf("%s %s", country, f.Requirement)
			if f.Confidence == nil || f.Confidence.Value <= 0 || f.Confidence.Value > 1 {
				t.Errorf("%s: confidence %+v", name, f.Confidence)
			}
			if f.MachineVerdict != Gap {
				if len(f.Nearest) > 0 || f.NearestNone != "" {
					t.Errorf("%s: %s finding with nearest", name, f.MachineVerdict)
				}
				continue
			}
			if len(f.Nearest) == 0 && f.NearestNone == "" {
				t.Errorf("%s: gap with neither nearest nor a reason", name)
			}
			req := e.Map.Requirement(standard.RequirementID(f.Requirement))
			if req.Criteria.Check != nil {
				continue // a check's missing labels are its own words, not element labels
			}
			for _, n := range f.Nearest {
				withNearest++
				if len(n.Has)+len(n.Lacks) != len(req.Criteria.Elements) {
					t.Errorf("%s: %s has %v, lacks %v: not every element accounted for", name, n.Provision, n.Has, n.Lacks)
				}
				for _, miss := range f.Missing {
					if !slices.Contains(n.Lacks, miss) || slices.Contains(n.Has, miss) {
						t.Errorf("%s: %s has %v, lacks %v; the finding misses %q", name, n.Provision, n.Has, n.Lacks, miss)
					}
				}
				if n.Quote == "" || n.Line == 0 {
					t.Errorf("%s: nearest %+v without quote or line", name, n)
				}
			}
		}
	}
	if withNearest == 0 {
		t.Error("no gap of the demo corpus has a nearest provision")
	}
}

// Every feature with a factor is in featureOrder (else it could never
// lower a confidence), which is sorted.
func TestFeatureOrderComplete(t *testing.T) {
	if !slices.IsSorted(featureOrder) {
		t.Errorf("featureOrder not sorted: %v", featureOrder)
	}
	for v, fs := range featureFactor {
		for k := range fs {
			if !slices.Contains(featureOrder, k) {
				t.Errorf("%s: feature %q has a factor but is not in featureOrder", v, k)
			}
		}
	}
}

// A nearest provision that is a list item carries the lead-in it completes.
func TestNearestCarriesContext(t *testing.T) {
	m := reviewMap(standard.Combine{MetAt: 2, NoPartial: true},
		standard.Element{ID: "rec", Label: "recruitment", Patterns: []standard.Pattern{kw("recruits")}},
		standard.Element{ID: "org", Label: "removal of organs", Patterns: []standard.Pattern{kw("removal of organs")}})
	f := analyzeOne(t, m, "### 3 Trafficking\n\n(1) A person who for the purpose of exploitation—\n\n- (a) recruits a child; or\n- (b) harbours a child,\n\ncommits an offence.\n")
	if f.MachineVerdict != Gap || len(f.Nearest) == 0 {
		t.Fatalf("verdict %s, nearest %+v: want a gap with nearest provisions", f.MachineVerdict, f.Nearest)
	}
	if n := f.Nearest[0]; n.Context != "A person who for the purpose of exploitation—" {
		t.Errorf("nearest[0] %s context %q, want the lead-in", n.Provision, n.Context)
	}
}
