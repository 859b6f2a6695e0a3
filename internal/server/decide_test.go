package server

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

// firstWith returns the first XEA finding (in ID order) satisfying ok.
func firstWith(t *testing.T, s *Server, ok func(f *score.Finding) bool) *score.Finding {
	t.Helper()
	a, err := s.w.AnalyzeCountry(context.Background(), "XEA", "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Result.Findings {
		if ok(&a.Result.Findings[i]) {
			return &a.Result.Findings[i]
		}
	}
	t.Fatal("fixture: no such finding in XEA")
	return nil
}

var scoreRe = regexp.MustCompile(`<strong id="score">([0-9.]+)</strong>`)

func TestOverrideWritesFileAndUpdatesScore(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	f := firstWith(t, s, func(f *score.Finding) bool { return f.MachineVerdict == score.Gap && f.Weight > 0 })
	before := scoreRe.FindStringSubmatch(get(t, s, "/c/XEA").Body.String())[1]

	form := formOf(t, s, "/c/XEA/f/"+f.Requirement)
	form.Set("action", "override")
	form.Set("verdict", "met")
	form.Set("rationale", "Section 9 covers it <b>read with</b> the Children Act")
	form.Set("reviewer", "C. Counsel")
	form.Set("expires", "2027-03-01")
	form.Set("evidence", "xea/ctip-act#s3")
	rec := post(t, s, "/c/XEA/f/"+f.Requirement, form)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/c/XEA/f/"+f.Requirement+"?saved=1" {
		t.Fatalf("POST: %d %s\n%s", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
	file := overridesFile(t, dir, "XEA")
	for _, want := range []string{"- requirement: " + f.Requirement, "verdict: met", "decision: override", "machine_verdict: gap",
		`reviewer: "C. Counsel"`, "date: 2026-03-01", "expires: 2027-03-01", `evidence: ["xea/ctip-act-2023.md#s3"]`,
		`statutes: ["xea/ctip-act@2023-09-01"`, "evidence_sha256: "} {
		if !strings.Contains(file, want) {
			t.Errorf("overrides file lacks %q:\n%s", want, file)
		}
	}
	// The CLI's analysis reads the same file and shows the reviewed verdict.
	a, err := workspace.New(workspace.Config{Corpus: dir, Now: testNow}).AnalyzeCountry(context.Background(), "XEA", "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	g := a.Result.Finding(f.Requirement)
	if g.Verdict != score.Met || g.Origin != "review" || g.MachineVerdict != score.Gap {
		t.Errorf("analysis after the decision: %s (%s, machine %s)", g.Verdict, g.Origin, g.MachineVerdict)
	}
	page := get(t, s, "/c/XEA/f/"+f.Requirement+"?saved=1").Body.String()
	if !strings.Contains(page, "Decision recorded") || !strings.Contains(page, "Overridden: <span class=\"verdict v-met\">met</span>") {
		t.Errorf("finding page after saving:\n%s", page)
	}
	after := scoreRe.FindStringSubmatch(get(t, s, "/c/XEA").Body.String())[1]
	if want := fmt.Sprintf("%.1f", a.Result.Scores.Overall); after != want || after == before {
		t.Errorf("country score %s after the decision (before %s), want %s", after, before, want)
	}
	if b := get(t, s, "/").Body.String(); !strings.Contains(b, "1 of 92") || !strings.Contains(b, "2026-03-01") {
		t.Error("countries page: reviewed count or last review date not updated")
	}

	// Confirming a finding is recorded as a confirmation and changes no verdict.
	c := firstWith(t, s, func(x *score.Finding) bool { return x.MachineVerdict == score.Met })
	form = formOf(t, s, "/c/XEA/f/"+c.Requirement)
	form.Set("action", "confirm")
	form.Set("verdict", "gap") // ignored: confirming is not overriding
	form.Set("rationale", "checked")
	form.Set("reviewer", "C. Counsel")
	if rec := post(t, s, "/c/XEA/f/"+c.Requirement, form); rec.Code != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", rec.Code, rec.Body)
	}
	ld, err := s.load(context.Background(), "XEA")
	if err != nil {
		t.Fatal(err)
	}
	cf := ld.res.Finding(c.Requirement)
	if cf.Verdict != score.Met || cf.Override == nil || !cf.Override.Confirms() || cf.Override.Verdict != score.Met {
		t.Errorf("confirmed finding: %s %+v", cf.Verdict, cf.Override)
	}
	if !strings.Contains(get(t, s, "/c/XEA").Body.String(), "Reviewed</dt><dd>2 of 92") {
		t.Error("country page: reviewed count")
	}

	// A second decision on the first finding keeps the first in its history.
	form = formOf(t, s, "/c/XEA/f/"+f.Requirement)
	form.Set("action", "override")
	form.Set("verdict", "partial")
	form.Set("rationale", "on reflection, only in part")
	form.Set("reviewer", "D. Second")
	if rec := post(t, s, "/c/XEA/f/"+f.Requirement, form); rec.Code != http.StatusSeeOther {
		t.Fatalf("second decision: %d", rec.Code)
	}
	page = get(t, s, "/c/XEA/f/"+f.Requirement).Body.String()
	if !strings.Contains(page, "Earlier decisions") || !strings.Contains(page, "C. Counsel") || !strings.Contains(page, "D. Second") {
		t.Error("decision history not shown")
	}
}

func TestStaleWriteIsRefused(t *testing.T) {
	dir := demoCorpus(t, map[string]string{"xea/overrides.yaml": "# hand-kept decisions for Eastmere\noverrides: []\n"})
	s := newServer(t, dir, nil)
	f := firstWith(t, s, func(f *score.Finding) bool { return f.MachineVerdict == score.Gap })
	g := firstWith(t, s, func(f *score.Finding) bool { return f.MachineVerdict == score.Met })
	first := formOf(t, s, "/c/XEA/f/"+f.Requirement)
	second := formOf(t, s, "/c/XEA/f/"+g.Requirement) // another browser, same file

	first.Set("action", "confirm")
	first.Set("rationale", "first browser")
	first.Set("reviewer", "A")
	if rec := post(t, s, "/c/XEA/f/"+f.Requirement, first); rec.Code != http.StatusSeeOther {
		t.Fatalf("first: %d %s", rec.Code, rec.Body)
	}
	saved := overridesFile(t, dir, "XEA")

	second.Set("action", "override")
	second.Set("verdict", "partial")
	second.Set("rationale", "second browser's careful reasoning")
	second.Set("reviewer", "B")
	rec := post(t, s, "/c/XEA/f/"+g.Requirement, second)
	if rec.Code != http.StatusConflict {
		t.Fatalf("stale write: %d, want 409", rec.Code)
	}
	body := rec.Body.String()
	if !strings.Contains(body, "Not saved: the decisions changed since you loaded this page.") || !strings.Contains(body, "second browser&#39;s careful reasoning") {
		t.Errorf("409 page does not say so or loses the entry:\n%s", body)
	}
	if overridesFile(t, dir, "XEA") != saved {
		t.Error("a refused write changed the file")
	}
	if !strings.HasPrefix(saved, "# hand-kept decisions for Eastmere\noverrides:\n") {
		t.Errorf("the file's comment was lost:\n%s", saved)
	}
	// Submitting again from the 409 page (it carries the current hash) works.
	again := url.Values{}
	for _, m := range hiddenRe.FindAllStringSubmatch(body, -1) {
		again.Set(m[1], m[2])
	}
	for _, k := range []string{"action", "verdict", "rationale", "reviewer"} {
		again.Set(k, second.Get(k))
	}
	if rec := post(t, s, "/c/XEA/f/"+g.Requirement, again); rec.Code != http.StatusSeeOther {
		t.Errorf("resubmission: %d", rec.Code)
	}

	// A change of the statutes since the page was loaded is refused too.
	form := formOf(t, s, "/c/XEA/f/"+f.Requirement)
	p := filepath.Join(dir, "xea", "employment-recruitment-act.md")
	b, _ := os.ReadFile(p)
	if err := os.WriteFile(p, append(b, "\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	form.Set("action", "confirm")
	form.Set("rationale", "r")
	form.Set("reviewer", "A")
	if rec := post(t, s, "/c/XEA/f/"+f.Requirement, form); rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "statutes of XEA changed") {
		t.Errorf("law changed: %d", rec.Code)
	}
}

func TestDecisionValidation(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	f := firstWith(t, s, func(f *score.Finding) bool { return true })
	for _, tc := range []struct {
		name string
		set  map[string]string
		want string
	}{
		{"no rationale", map[string]string{"action": "override", "verdict": "met", "rationale": "  ", "reviewer": "A"}, "a rationale is required"},
		{"bad verdict", map[string]string{"action": "override", "verdict": "fine", "rationale": "r", "reviewer": "A"}, `unknown verdict &#34;fine&#34;`},
		{"no action", map[string]string{"rationale": "r", "reviewer": "A"}, "choose confirm or override"},
		{"no reviewer", map[string]string{"action": "confirm", "rationale": "r"}, "reviewer"},
		{"past expiry", map[string]string{"action": "confirm", "rationale": "r", "reviewer": "A", "expires": "2020-01-01"}, "expected a date after today"},
		{"evidence outside", map[string]string{"action": "confirm", "rationale": "r", "reviewer": "A", "evidence": "../../etc/passwd#s1"}, "is not a provision of XEA"},
		{"evidence unknown provision", map[string]string{"action": "confirm", "rationale": "r", "reviewer": "A", "evidence": "xea/ctip-act#s999"}, "is not a provision of XEA"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := formOf(t, s, "/c/XEA/f/"+f.Requirement)
			form.Set("reviewer", "")
			for k, v := range tc.set {
				form.Set(k, v)
			}
			rec := post(t, s, "/c/XEA/f/"+f.Requirement, form)
			if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), tc.want) {
				t.Errorf("%d, want 422 saying %q:\n%s", rec.Code, tc.want, rec.Body)
			}
			if _, err := os.Stat(filepath.Join(dir, "xea", "overrides.yaml")); err == nil {
				t.Error("an invalid decision was written")
			}
		})
	}
}

func TestReadOnlyEmbeddedCorpus(t *testing.T) {
	s := newServer(t, "", nil)
	body := get(t, s, "/c/XEA/f/def.acts").Body.String()
	if strings.Contains(body, `<form class="decide`) || !strings.Contains(body, "read-only") {
		t.Error("the embedded corpus offers a decision form")
	}
	form := url.Values{"csrf": {s.csrf}, "action": {"confirm"}, "rationale": {"r"}, "reviewer": {"A"}}
	if rec := post(t, s, "/c/XEA/f/def.acts", form); rec.Code != http.StatusForbidden {
		t.Errorf("POST on the embedded corpus: %d", rec.Code)
	}
}

// After an amendment, a decision made on the old text is no longer
// applied: the finding shows "re-review" and returns to the queue's
// unreviewed part.
func TestAmendmentFlagsReReview(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	f := firstWith(t, s, func(f *score.Finding) bool {
		return f.MachineVerdict == score.Met && len(f.Evidence) > 0 && f.Evidence[0].Statute == "xea/ctip-act"
	})
	form := formOf(t, s, "/c/XEA/f/"+f.Requirement)
	form.Set("action", "override")
	form.Set("verdict", "partial")
	form.Set("rationale", "narrower than it looks")
	form.Set("reviewer", "A")
	if rec := post(t, s, "/c/XEA/f/"+f.Requirement, form); rec.Code != http.StatusSeeOther {
		t.Fatalf("%d", rec.Code)
	}
	p := filepath.Join(dir, "xea", "ctip-act-2023.md")
	b, _ := os.ReadFile(p)
	amended := strings.Replace(string(b), `version_date: "2023-09-01"`, `version_date: "2025-01-01"`, 1)
	if amended == string(b) {
		t.Fatal("fixture: version_date line not found")
	}
	if err := os.WriteFile(p, []byte(amended), 0o644); err != nil {
		t.Fatal(err)
	}
	page := get(t, s, "/c/XEA/f/"+f.Requirement).Body.String()
	if !strings.Contains(page, "re-review") || !strings.Contains(page, "now version 2025-01-01") || !strings.Contains(page, `id="verdict"><span class="verdict v-met">`) {
		t.Errorf("after the amendment the finding should show the machine verdict and ask for re-review:\n%s", page)
	}
	ld, _ := s.load(context.Background(), "XEA")
	if q := queue(ld.res); stateOf(q[0]).Reviewed {
		t.Error("queue does not start with unreviewed findings")
	}
	if rec := get(t, s, "/c/XEA?reviewed=no"); !strings.Contains(rec.Body.String(), "/c/XEA/f/"+f.Requirement+`"`) {
		t.Error("a stale decision counts as reviewed")
	}
}

// Two browsers posting at the same moment on the same file: one decision
// is written, the other refused with 409; the file holds exactly one.
func TestConcurrentDecisions(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	f := firstWith(t, s, func(f *score.Finding) bool { return f.MachineVerdict == score.Gap })
	g := firstWith(t, s, func(f *score.Finding) bool { return f.MachineVerdict == score.Met })
	forms := []url.Values{formOf(t, s, "/c/XEA/f/"+f.Requirement), formOf(t, s, "/c/XEA/f/"+g.Requirement)}
	reqs := []string{f.Requirement, g.Requirement}
	codes := make(chan int, 2)
	for i := range forms {
		forms[i].Set("action", "confirm")
		forms[i].Set("rationale", "r")
		forms[i].Set("reviewer", "A")
		go func(i int) { codes <- post(t, s, "/c/XEA/f/"+reqs[i], forms[i]).Code }(i)
	}
	a, b := <-codes, <-codes
	if !(a == http.StatusSeeOther && b == http.StatusConflict || a == http.StatusConflict && b == http.StatusSeeOther) {
		t.Errorf("codes %d and %d, want one 303 and one 409", a, b)
	}
	if n := strings.Count(overridesFile(t, dir, "XEA"), "- requirement:"); n != 1 {
		t.Errorf("%d decisions in the file, want 1", n)
	}
}
