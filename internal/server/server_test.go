package server

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

func TestCountriesPage(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	rec := get(t, s, "/")
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	w := workspace.New(workspace.Config{Corpus: dir, Now: testNow})
	for _, cc := range []string{"XEA", "XFR", "XSA"} {
		a, err := w.AnalyzeCountry(context.Background(), cc, "", "", false)
		if err != nil {
			t.Fatal(err)
		}
		row := fmt.Sprintf(`<td><a href="/c/%s">%s</a></td>\s*<td class="num">%d</td>\s*<td class="num">%.1f</td>`, cc, cc, len(a.Result.Statutes), a.Result.Scores.Overall)
		if !regexp.MustCompile(row).MatchString(body) {
			t.Errorf("no row for %s with its score %.1f in\n%s", cc, a.Result.Scores.Overall, body)
		}
		if !strings.Contains(body, fmt.Sprintf("0 of %d", len(a.Result.Findings))) {
			t.Errorf("%s: reviewed count missing", cc)
		}
	}
}

var rowRe = regexp.MustCompile(`<td><a href="/c/XEA/f/([^"]+)">`)

func rows(body string) []string {
	var out []string
	for _, m := range rowRe.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestCountryFilters(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	a, err := s.w.AnalyzeCountry(context.Background(), "XEA", "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		keep  func(f *score.Finding) bool
	}{
		{"", func(*score.Finding) bool { return true }},
		{"pillar=protection", func(f *score.Finding) bool { return f.Pillar == "protection" }},
		{"verdict=gap", func(f *score.Finding) bool { return f.Verdict == score.Gap }},
		{"child=yes", func(f *score.Finding) bool { return f.ChildSpecific }},
		{"child=no&verdict=met", func(f *score.Finding) bool { return !f.ChildSpecific && f.Verdict == score.Met }},
		{"reviewed=yes", func(*score.Finding) bool { return false }},
		{"reviewed=no&pillar=prevention", func(f *score.Finding) bool { return f.Pillar == "prevention" }},
	} {
		t.Run(tc.query, func(t *testing.T) {
			rec := get(t, s, "/c/XEA?"+tc.query)
			if rec.Code != http.StatusOK {
				t.Fatalf("%d", rec.Code)
			}
			var want []string
			for i := range a.Result.Findings {
				if tc.keep(&a.Result.Findings[i]) {
					want = append(want, a.Result.Findings[i].Requirement)
				}
			}
			if got := rows(rec.Body.String()); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("rows %q, want %q", got, want)
			}
		})
	}
	if rec := get(t, s, "/c/xea"); rec.Code != http.StatusOK {
		t.Errorf("lower-case country code: %d", rec.Code)
	}
	if rec := get(t, s, "/c/XZZ"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown country: %d", rec.Code)
	}
}

func TestFindingPage(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	a, err := s.w.AnalyzeCountry(context.Background(), "XEA", "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	var met, gap *score.Finding
	for i := range a.Result.Findings {
		f := &a.Result.Findings[i]
		if met == nil && f.MachineVerdict == score.Met && len(f.Evidence) > 0 {
			met = f
		}
		if gap == nil && f.MachineVerdict == score.Gap && len(f.Nearest) > 0 {
			gap = f
		}
	}
	if met == nil || gap == nil {
		t.Fatal("fixture: XEA needs a met finding with evidence and a gap with nearest provisions")
	}
	body := get(t, s, "/c/XEA/f/"+met.Requirement).Body.String()
	e := met.Evidence[0]
	hit := fmt.Sprintf(`<div class="ln hit" id="e0-L%d"><a href="#e0-L%d">%d</a><span>`, e.Line, e.Line, e.Line)
	if !strings.Contains(body, hit) {
		t.Errorf("quoted line %d not highlighted in the statute's text:\n%s", e.Line, body)
	}
	if !strings.Contains(body, html.EscapeString(fmt.Sprintf("/c/XEA/s/%s?hl=%d#L%d", e.Statute, e.Line, e.Line))) {
		t.Errorf("no link to the statute at line %d", e.Line)
	}
	m, _ := s.w.Map()
	if st := m.Requirement(standardID(met.Requirement)).Statement; !strings.Contains(body, html.EscapeString(st)) {
		t.Errorf("requirement statement %q missing", st)
	}
	gbody := get(t, s, "/c/XEA/f/"+gap.Requirement).Body.String()
	if !strings.Contains(gbody, "Nearest provisions") || !strings.Contains(gbody, html.EscapeString(gap.Nearest[0].Statute+" "+gap.Nearest[0].Provision)) {
		t.Errorf("gap %s: nearest provision %s %s not shown", gap.Requirement, gap.Nearest[0].Statute, gap.Nearest[0].Provision)
	}
	for i := range a.Result.Findings {
		f := &a.Result.Findings[i]
		if f.Review != nil && f.Review.Needed {
			b := get(t, s, "/c/XEA/f/"+f.Requirement).Body.String()
			if !strings.Contains(b, `<span class="badge flag">`+f.Review.Reasons[0].Code+`</span>`) {
				t.Errorf("%s: review flag %s not shown", f.Requirement, f.Review.Reasons[0].Code)
			}
			break
		}
	}
	if rec := get(t, s, "/c/XEA/f/def.nope"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown requirement: %d", rec.Code)
	}
}

func TestStatutePage(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	rec := get(t, s, "/c/XEA/s/xea/ctip-act?hl=12")
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	if !strings.Contains(body, `<div class="ln hit" id="L12">`) && !strings.Contains(body, `<div class="ln hit head" id="L12">`) {
		t.Error("line 12 not highlighted")
	}
	if !strings.Contains(body, `href="#p-`) || !strings.Contains(body, `<span id="p-`) {
		t.Error("no provision outline with anchors")
	}
	if !strings.Contains(body, "version 2023-09-01") {
		t.Error("not the latest version")
	}
}

func TestQueueOrderAndNext(t *testing.T) {
	dir := demoCorpus(t, nil)
	s := newServer(t, dir, nil)
	c, err := s.load(context.Background(), "XEA")
	if err != nil {
		t.Fatal(err)
	}
	q := queue(c.res)
	flagged := func(f *score.Finding) bool { return f.Review != nil && f.Review.Needed }
	seenUnflagged := false
	for i, f := range q {
		if !flagged(f) {
			seenUnflagged = true
		} else if seenUnflagged {
			t.Errorf("flagged %s after an unflagged finding", f.Requirement)
		}
		if i > 0 && flagged(f) == flagged(q[i-1]) && (f.Review == nil || len(f.Review.Reasons) == len(q[i-1].Review.Reasons)) &&
			f.Confidence != nil && q[i-1].Confidence != nil && f.Confidence.Value < q[i-1].Confidence.Value {
			t.Errorf("%s (%.2f) after %s (%.2f): confidence should ascend", f.Requirement, f.Confidence.Value, q[i-1].Requirement, q[i-1].Confidence.Value)
		}
	}
	body := get(t, s, "/c/XEA/queue").Body.String()
	if got := rows(body); len(got) != len(q) || got[0] != q[0].Requirement {
		t.Errorf("queue rows %q", got)
	}
	rec := get(t, s, "/c/XEA/next")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/c/XEA/f/"+q[0].Requirement {
		t.Errorf("next: %d %s, want %s", rec.Code, rec.Header().Get("Location"), q[0].Requirement)
	}
	rec = get(t, s, "/c/XEA/next?after="+q[0].Requirement)
	if rec.Header().Get("Location") != "/c/XEA/f/"+q[1].Requirement {
		t.Errorf("next after %s: %s, want %s", q[0].Requirement, rec.Header().Get("Location"), q[1].Requirement)
	}
	if b := get(t, s, "/c/XEA/f/"+q[0].Requirement).Body.String(); !strings.Contains(b, `href="/c/XEA/f/`+q[1].Requirement+`" data-key="next" accesskey="n"`) {
		t.Error("finding page has no next-unreviewed link for the keyboard")
	}
	js := get(t, s, "/assets/keys.js")
	if js.Code != http.StatusOK || !strings.Contains(js.Body.String(), `data-key="' + name`) {
		t.Errorf("keys.js: %d", js.Code)
	}
}

func overridesFile(t *testing.T, dir, cc string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, strings.ToLower(cc), "overrides.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func standardID(s string) standard.RequirementID { return standard.RequirementID(s) }

func TestDiffPage(t *testing.T) {
	s := newServer(t, demoCorpus(t, nil), nil)
	rec := get(t, s, "/c/XEA/diff/xea/ctip-act")
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	if !strings.Contains(body, "version 2017-03-15 → 2023-09-01") || !strings.Contains(body, "<ins>") || strings.Contains(body, "{+") {
		t.Errorf("default diff of the two latest versions:\n%s", body)
	}
	rec = get(t, s, "/c/XEA/diff/xea/ctip-act?from=2012-07-01&to=2017-03-15")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "version 2012-07-01 → 2017-03-15") {
		t.Errorf("chosen versions: %d", rec.Code)
	}
	for _, target := range []string{"/c/XEA/diff/xea/ctip-act?from=2013-01-01", "/c/XEA/diff/xea/nope", "/c/XEA/diff/..%2f..%2fetc"} {
		if rec := get(t, s, target); rec.Code != http.StatusNotFound {
			t.Errorf("%s: %d", target, rec.Code)
		}
	}
}

// With the instrument texts (real data), a finding quotes the treaty
// article it derives from.
func TestFindingQuotesTreatyArticles(t *testing.T) {
	rd := testutil.RealData(t)
	inst := filepath.Join(rd, "instruments")
	if _, err := os.Stat(inst); err != nil {
		t.Skipf("no instrument texts at %s", inst)
	}
	s, err := New(Config{Workspace: workspace.New(workspace.Config{Corpus: demoCorpus(t, nil), Instruments: inst, Now: testNow}), Addr: testAddr})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.w.Map()
	texts, err := s.w.InstrumentTexts(m)
	if err != nil {
		t.Fatal(err)
	}
	req := m.Requirement("def.acts")
	var want string
	for _, src := range req.Sources {
		if tx := texts[src.Instrument]; tx != nil {
			if a, ok := tx.Article(src.Article); ok {
				want = a
				break
			}
		}
	}
	if want == "" {
		t.Skip("no article text for def.acts in the instrument texts")
	}
	body := get(t, s, "/c/XEA/f/def.acts").Body.String()
	if !strings.Contains(body, "<blockquote class=\"small\">"+html.EscapeString(want)) {
		t.Errorf("article text %.80q not quoted", want)
	}
}

func TestDiffSegments(t *testing.T) {
	got := segments("a [-old words-] b {+new+}{+ more+} c")
	want := []diffSeg{{"", "a "}, {"del", "old words"}, {"", " b "}, {"ins", "new"}, {"ins", " more"}, {"", " c"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("segments = %v, want %v", got, want)
	}
	if got := segments(""); len(got) != 1 || got[0].Text != "" {
		t.Errorf("empty line: %v", got)
	}
}
