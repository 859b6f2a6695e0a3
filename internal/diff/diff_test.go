package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

func prov(id, heading, text string, line int, kids ...*statute.Provision) *statute.Provision {
	p := &statute.Provision{ID: statute.ProvisionID(id), Heading: heading, Text: text, Line: line, Kind: statute.KindSection}
	for _, k := range kids {
		k.Parent = p
		k.Kind = statute.KindSubsection
	}
	p.Children = kids
	return p
}

func stat(version string, roots ...*statute.Provision) *statute.Statute {
	return &statute.Statute{Meta: statute.Meta{ID: "xea/act", VersionDate: version}, SHA256: "sha" + version, Roots: roots}
}

func TestStatutesAlignsByIDThenSimilarity(t *testing.T) {
	old := stat("2012",
		prov("s1", "Short title", "This Act may be cited as the Counter Trafficking Act.", 5),
		prov("s3", "Trafficking in persons", "", 8,
			prov("s3(1)", "", "A person who recruits or transports another person by force for sexual exploitation commits an offence.", 9),
			prov("s3(2)", "", "A person guilty of an offence under subsection (1) is liable to imprisonment for ten years.", 10)),
		prov("s4", "Victims", "The Minister may provide shelter to victims of trafficking and their children.", 12),
		prov("s9", "Repeal", "The Slavery Ordinance is repealed.", 20),
	)
	new := stat("2017",
		prov("s1", "Short title", "This Act may be cited as the Counter Trafficking Act.", 5),
		prov("s3", "Trafficking in persons", "", 8,
			prov("s3(1)", "", "A person who recruits, transports, transfers, harbours or receives another person by force for exploitation commits an offence.", 9),
			prov("s3(2)", "", "A person guilty of an offence under subsection (1) is liable to imprisonment for twenty years.", 10)),
		prov("s5", "Victims", "The Minister may provide shelter to victims of trafficking and their children.", 14),
		prov("s6", "Non-punishment", "A victim shall not be punished for offences committed as a direct result of being trafficked.", 16),
	)
	d := Statutes(old, new, Options{})
	got := map[string]ProvisionChange{}
	for _, c := range d.Changes {
		got[string(c.Kind)+" "+c.OldID+">"+c.NewID] = c
	}
	for _, want := range []string{"changed s3(1)>s3(1)", "changed s3(2)>s3(2)", "moved s4>s5", "added >s6", "removed s9>"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing change %q; got %v", want, keys(got))
		}
	}
	if _, ok := got["changed s1>s1"]; ok {
		t.Error("unchanged s1 reported")
	}
	c := got["changed s3(2)>s3(2)"]
	if c.Added != 1 || c.Removed != 1 || !hasOp(c.Words, "-", "ten") || !hasOp(c.Words, "+", "twenty") {
		t.Errorf("word diff of s3(2) = %+v", c)
	}
	if d.Summary[Added] != 1 || d.Summary[Removed] != 1 || d.Summary[Moved] != 1 || d.Summary[Changed] != 2 {
		t.Errorf("summary = %v", d.Summary)
	}
	// Word ops concatenate back to the new text.
	var b strings.Builder
	for _, op := range got["changed s3(1)>s3(1)"].Words {
		if op.Kind != "-" {
			b.WriteString(op.Text)
		}
	}
	if b.String() != new.Roots[1].Children[0].Text {
		t.Errorf("ops rebuild %q", b.String())
	}
}

func hasOp(ops []Op, kind, text string) bool {
	for _, op := range ops {
		if op.Kind == kind && strings.Contains(op.Text, text) {
			return true
		}
	}
	return false
}

func keys(m map[string]ProvisionChange) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestStatutesIsDeterministic(t *testing.T) {
	mk := func(v string, n int) *statute.Statute {
		var roots []*statute.Provision
		for i := 0; i < n; i++ {
			roots = append(roots, prov(fmt.Sprintf("s%d", i), "", fmt.Sprintf("common words here %d and %s", i%3, v), i))
		}
		return stat(v, roots...)
	}
	a := Statutes(mk("x", 30), mk("y", 25), Options{})
	for i := 0; i < 5; i++ {
		b := Statutes(mk("x", 30), mk("y", 25), Options{})
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Fatal("two diffs of the same input differ")
		}
	}
}

func TestResultsLinksCauses(t *testing.T) {
	old := &score.Result{Scores: score.Scores{Overall: 40, Pillars: map[string]float64{"protection": 20}}, Findings: []score.Finding{
		{Requirement: "prot.non-punishment", Verdict: score.Gap, Pillar: "protection"},
		{Requirement: "def.acts", Verdict: score.Partial, Score: 1.5, Evidence: []score.Evidence{{Statute: "xea/act", Provision: "s3(1)"}}},
		{Requirement: "pen.serious-crime", Verdict: score.Met, Score: 3, Evidence: []score.Evidence{{Statute: "xea/act", Provision: "s3"}}},
		{Requirement: "prot.assistance", Verdict: score.Met, Score: 2},
	}}
	new := &score.Result{Scores: score.Scores{Overall: 55, Pillars: map[string]float64{"protection": 40}}, Findings: []score.Finding{
		{Requirement: "prot.non-punishment", Verdict: score.Met, Score: 2, Evidence: []score.Evidence{{Statute: "xea/act", Provision: "s6"}}},
		{Requirement: "def.acts", Verdict: score.Met, Score: 3, Evidence: []score.Evidence{{Statute: "xea/act", Provision: "s3(1)"}}},
		{Requirement: "pen.serious-crime", Verdict: score.Partial, Score: 1.5, Evidence: []score.Evidence{{Statute: "xea/act", Provision: "s3"}}},
		{Requirement: "prot.assistance", Verdict: score.Met, Score: 2},
	}}
	sd := &StatuteDiff{Statute: "xea/act", Changes: []ProvisionChange{
		{Kind: Changed, OldID: "s3(1)", NewID: "s3(1)"},
		{Kind: Changed, OldID: "s3(2)", NewID: "s3(2)"},
		{Kind: Added, NewID: "s6"},
	}}
	rd := Results(old, new, []*StatuteDiff{sd})
	if len(rd.Changes) != 3 || rd.Improved != 2 || rd.Regressed != 1 || !rd.Regression() {
		t.Fatalf("diff = %+v", rd)
	}
	byReq := map[string]VerdictChange{}
	for _, c := range rd.Changes {
		byReq[c.Requirement] = c
	}
	if c := byReq["prot.non-punishment"]; c.Direction != Improved || len(c.Causes) != 1 || c.Causes[0].Provision != "s6" || c.Causes[0].Kind != Added {
		t.Errorf("non-punishment = %+v", c)
	}
	if c := byReq["def.acts"]; len(c.Causes) == 0 || c.Causes[0].Provision != "s3(1)" {
		t.Errorf("def.acts = %+v", c)
	}
	// A finding citing section s3 is caused by changes in its sub-provisions.
	if c := byReq["pen.serious-crime"]; c.Direction != Regressed || len(c.Causes) == 0 || c.Causes[0].Provision != "s3(1)" {
		t.Errorf("pen.serious-crime = %+v", c)
	}
	if rd.Pillars["protection"] != [2]float64{20, 40} {
		t.Errorf("pillars = %v", rd.Pillars)
	}
}

// BenchmarkStatutes1MB diffs two generated statute versions of about 1 MB
// each, with a tenth of the provisions edited and some renumbered.
func BenchmarkStatutes1MB(b *testing.B) {
	old, new := genVersions(2200)
	b.SetBytes(int64(size(old)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Statutes(old, new, Options{})
	}
}

func size(s *statute.Statute) int {
	n := 0
	for _, p := range s.Roots {
		n += len(p.FullText()) + len(p.Heading)
	}
	return n
}

func genVersions(n int) (*statute.Statute, *statute.Statute) {
	words := strings.Fields("person recruits transports transfers harbours receives child exploitation force fraud deception coercion abuse vulnerability payment benefit control imprisonment years fine offence court victim shelter assistance minister council")
	text := func(i, v int) string {
		var b strings.Builder
		for j := 0; j < 70; j++ {
			b.WriteString(words[(i*7+j*3+v*(j%11/10))%len(words)])
			b.WriteByte(' ')
		}
		return b.String()
	}
	var o, nw []*statute.Provision
	for i := 0; i < n; i++ {
		kidsO := []*statute.Provision{prov(fmt.Sprintf("s%d(1)", i), "", text(i, 0), i*4+1)}
		o = append(o, prov(fmt.Sprintf("s%d", i), fmt.Sprintf("Heading %d", i), text(i+1, 0), i*4, kidsO...))
		v := 0
		if i%10 == 0 {
			v = 1
		}
		id := fmt.Sprintf("s%d", i)
		if i%50 == 0 {
			id = fmt.Sprintf("s%dA", i)
		}
		kidsN := []*statute.Provision{prov(id+"(1)", "", text(i, v), i*4+1)}
		nw = append(nw, prov(id, fmt.Sprintf("Heading %d", i), text(i+1, v), i*4, kidsN...))
	}
	return stat("2012", o...), stat("2021", nw...)
}
