package server

import (
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/eval"
	"github.com/lacuna-project/lacuna/internal/score"
)

// The decisions export as gold labels that eval reads: a confirmation
// agrees with the engine, an override disagrees, the reviewer's evidence
// provision is the cite, and a stale decision is left out.
func TestExportGold(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	if rec := get(t, s, "/export/gold.yaml"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "units: []") {
		t.Fatalf("no decisions yet: %d\n%s", rec.Code, rec.Body)
	}
	met := firstWith(t, s, func(f *score.Finding) bool { return f.MachineVerdict == score.Met && len(f.Evidence) > 0 })
	gap := firstWith(t, s, func(f *score.Finding) bool { return f.MachineVerdict == score.Gap })
	for _, d := range []struct{ req, action, verdict, evidence string }{
		{met.Requirement, "confirm", "", met.Evidence[0].Statute + "#" + met.Evidence[0].Provision},
		{gap.Requirement, "override", "partial", ""},
	} {
		form := formOf(t, s, "/c/XEA/f/"+d.req)
		form.Set("action", d.action)
		form.Set("verdict", d.verdict)
		form.Set("rationale", "checked \"by hand\"\nsecond line")
		form.Set("reviewer", "A")
		form.Set("evidence", d.evidence)
		if rec := post(t, s, "/c/XEA/f/"+d.req, form); rec.Code != http.StatusSeeOther {
			t.Fatalf("%s: %d", d.req, rec.Code)
		}
	}
	rec := get(t, s, "/export/gold.yaml")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d", rec.Code)
	}
	m, err := s.w.Map()
	if err != nil {
		t.Fatal(err)
	}
	g, err := eval.ParseGold("reviewed.yaml", rec.Body.Bytes(), m)
	if err != nil {
		t.Fatalf("%v\n%s", err, rec.Body)
	}
	if len(g.Units) != 1 || len(g.Units[0].Verdicts) != 2 || g.Units[0].Cite[met.Requirement][0] != met.Evidence[0].Provision {
		t.Fatalf("gold %+v", g.Units)
	}
	eng, err := score.Compile(m)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.Run(g, eng, eval.FSLoader(eval.Bases{eval.BaseCorpus: os.DirFS(dir)}))
	if err != nil {
		t.Fatal(err)
	}
	if rep.AllTotal != 2 || rep.AllAgree != 1 || len(rep.Disagreements) != 1 || rep.Disagreements[0].Requirement != gap.Requirement ||
		rep.Disagreements[0].Want != score.Partial {
		t.Errorf("eval of the exported labels: %d/%d agree, disagreements %+v", rep.AllAgree, rep.AllTotal, rep.Disagreements)
	}

	// After an amendment both decisions are stale and leave the export.
	p := dir + "/xea/ctip-act-2023.md"
	b, _ := os.ReadFile(p)
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), `version_date: "2023-09-01"`, `version_date: "2025-01-01"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if body := get(t, s, "/export/gold.yaml").Body.String(); !strings.Contains(body, "units: []") {
		t.Errorf("stale decisions exported:\n%s", body)
	}
}
