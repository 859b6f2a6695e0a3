package workspace

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/gitrepo/gittest"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// commitFile writes text to name in dir and commits it with the given
// author date (no git program needed).
func commitFile(t *testing.T, dir, name, text, date, msg string) {
	t.Helper()
	gittest.Commit(t, dir, date, msg, map[string]string{name: text})
}

// demoRepo builds a legislation repository from the demo corpus: the three
// versions of Eastmere's CTIP Act as three commits of one file (dated as
// their version_date, except the 2017 one, committed a day late), and the
// employment act as a second file.
func demoRepo(t *testing.T) string {
	t.Helper()
	dir := gittest.Init(t, "")
	read := func(name string) string {
		b, err := fs.ReadFile(corpus.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	commitFile(t, dir, "xea/employment.md", read("xea/employment-recruitment-act.md"), "2011-07-01", "employment act")
	commitFile(t, dir, "xea/ctip.md", read("xea/ctip-act-2012.md"), "2012-07-01", "CTIP Act 2012")
	commitFile(t, dir, "xea/ctip.md", read("xea/ctip-act-2017.md"), "2017-03-16", "Act No. 2 of 2017")
	commitFile(t, dir, "xea/ctip.md", read("xea/ctip-act-2023.md"), "2023-09-01", "Act No. 4 of 2023")
	return dir
}

func TestLoadGit(t *testing.T) {
	dir := demoRepo(t)
	ctx := context.Background()
	h, err := LoadGit(ctx, GitSource{Repo: dir, Paths: []string{"xea/ctip.md", "xea/employment.md"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range h.Versions {
		s := v.Date + " " + v.Path
		if v.Bootstrap {
			s += " bootstrap"
		}
		got = append(got, s)
	}
	want := "2011-07-01 xea/employment.md bootstrap|2012-07-01 xea/ctip.md bootstrap|2017-03-16 xea/ctip.md|2023-09-01 xea/ctip.md"
	if strings.Join(got, "|") != want {
		t.Errorf("versions\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	// The commit date wins; the disagreeing front matter date is a warning.
	v2017 := h.Versions[2].Statute
	if v2017.Meta.VersionDate != "2017-03-16" || v2017.Meta.SourceCommit != h.Versions[2].Hash || v2017.Meta.SourcePath != "xea/ctip.md" || v2017.Meta.SourceRepository != dir {
		t.Errorf("2017 meta = %+v", v2017.Meta)
	}
	if len(h.Warnings) != 1 || !strings.Contains(h.Warnings[0].Error(), "the front matter dates this version 2017-03-15, its commit") ||
		!strings.HasPrefix(h.Warnings[0].Error(), "xea/ctip.md@"+h.Versions[2].Short()+":11: warning: ") {
		t.Errorf("warnings = %v", h.Warnings)
	}
	// On a date, the corpus is every path's latest version on or before it.
	var asOf []string
	for _, st := range h.Corpus.AsOf("2018-01-01").Statutes {
		asOf = append(asOf, st.Meta.SourcePath+"@"+st.Meta.VersionDate)
	}
	if strings.Join(asOf, " ") != "xea/ctip.md@2017-03-16 xea/employment.md@2011-07-01" {
		t.Errorf("as of 2018: %v", asOf)
	}
	// --date-from front-matter keeps the file's date.
	h2, err := LoadGit(ctx, GitSource{Repo: dir, Paths: []string{"xea/ctip.md"}, DateFrom: DateFromFrontMatter})
	if err != nil {
		t.Fatal(err)
	}
	if d := h2.Versions[1].Statute.Meta.VersionDate; d != "2017-03-15" || len(h2.Warnings) != 0 {
		t.Errorf("front-matter date = %s, warnings %v", d, h2.Warnings)
	}
}

// TestGitTimelineMatchesFiles: the timeline read from git gives the same
// verdict changes as the same versions given as files, each on its date.
func TestGitTimelineMatchesFiles(t *testing.T) {
	dir := demoRepo(t)
	w := embedded(t)
	m, err := w.Map()
	if err != nil {
		t.Fatal(err)
	}
	h, err := LoadGit(context.Background(), GitSource{Repo: dir, Paths: []string{"xea/ctip.md", "xea/employment.md"}, DateFrom: DateFromFrontMatter})
	if err != nil {
		t.Fatal(err)
	}
	gt, err := GitTimelineOf(m, h, score.Options{LacunaVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if gt.Country != "XEA" || len(gt.Points) != 4 {
		t.Fatalf("country %s, %d points; want XEA and 4", gt.Country, len(gt.Points))
	}
	if !gt.Points[0].Bootstrap || gt.Points[2].Bootstrap || gt.Points[2].Commits[0].Subject != "Act No. 2 of 2017" {
		t.Errorf("points = %+v", gt.Points)
	}
	// The same files, loaded from the embedded corpus.
	var sts []*statute.Statute
	for _, name := range []string{"xea/employment-recruitment-act.md", "xea/ctip-act-2012.md", "xea/ctip-act-2017.md", "xea/ctip-act-2023.md"} {
		b, _ := fs.ReadFile(corpus.FS, name)
		st, err := statute.Parse(name, b)
		if err != nil {
			t.Fatal(err)
		}
		sts = append(sts, st)
	}
	ft, err := Timeline(m, statute.NewCorpus(sts...), score.Options{Country: "XEA", LacunaVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	changes := 0
	for i, p := range ft.Points {
		g := gt.Points[i]
		if g.Date != p.VersionDate || g.Overall != p.Overall || len(g.Changes) != len(p.Changes) {
			t.Errorf("point %d: git %s %.1f %d changes, files %s %.1f %d changes", i, g.Date, g.Overall, len(g.Changes), p.VersionDate, p.Overall, len(p.Changes))
			continue
		}
		for j := range p.Changes {
			if g.Changes[j].Requirement != p.Changes[j].Requirement || g.Changes[j].To != p.Changes[j].To {
				t.Errorf("point %d change %d: git %+v, files %+v", i, j, g.Changes[j], p.Changes[j])
			}
		}
		changes += len(p.Changes)
	}
	if changes == 0 {
		t.Errorf("the demo versions change no verdict: the comparison proves nothing")
	}
}

func TestLoadGitErrors(t *testing.T) {
	dir := demoRepo(t)
	ctx := context.Background()
	var ie *InputError
	for _, src := range []GitSource{
		{Repo: dir},
		{Repo: dir, Paths: []string{"../etc/passwd"}},
		{Repo: dir, Paths: []string{"xea/none.md"}},
		{Repo: t.TempDir(), Paths: []string{"xea/ctip.md"}},
		{Repo: dir, Paths: []string{"xea/ctip.md"}, DateFrom: "tomorrow"},
	} {
		if _, err := LoadGit(ctx, src); !errors.As(err, &ie) {
			t.Errorf("LoadGit(%+v) = %v, want an *InputError", src, err)
		}
	}
	// A version that does not parse is a positioned error naming its commit.
	commitFile(t, dir, "xea/ctip.md", "---\ncountry: XEA\ntitle: [unclosed\n---\n\n### 1 X\n\nText.\n", "2024-01-01", "broken")
	_, err := LoadGit(ctx, GitSource{Repo: dir, Paths: []string{"xea/ctip.md"}})
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "xea/ctip.md@") || !strings.Contains(err.Error(), ":3:") {
		t.Errorf("broken version: %v", err)
	}
}

// TestLoadGitTooLarge: a version past the statute size limit is a
// positioned input error, refused before it is read.
func TestLoadGitTooLarge(t *testing.T) {
	dir := demoRepo(t)
	commitFile(t, dir, "xea/big.md", strings.Repeat("x", 2048), "2024-01-01", "big")
	defer func(n int) { statute.MaxFileSize = n }(statute.MaxFileSize)
	statute.MaxFileSize = 1024
	var ie *InputError
	_, err := LoadGit(context.Background(), GitSource{Repo: dir, Paths: []string{"xea/big.md"}})
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "xea/big.md@") || !strings.Contains(err.Error(), ":1: input is larger than the limit of 1024 bytes") {
		t.Errorf("LoadGit of a large version = %v", err)
	}
}

func TestLoadGitRemovedFile(t *testing.T) {
	dir := demoRepo(t)
	gittest.Remove(t, dir, "2024-05-01", "repeal the employment act", "xea/employment.md")
	h, err := LoadGit(context.Background(), GitSource{Repo: dir, Paths: []string{"xea/employment.md"}})
	if err != nil {
		t.Fatal(err)
	}
	last := h.Versions[len(h.Versions)-1]
	if !last.Deleted || last.Statute != nil || len(h.Corpus.Statutes) != 1 {
		t.Errorf("versions = %+v", h.Versions)
	}
	if len(h.Warnings) != 1 || !strings.Contains(h.Warnings[0].Error(), "xea/employment.md was removed by commit") {
		t.Errorf("warnings = %v", h.Warnings)
	}
}

// TestGitBriefingOverrides: a reviewer's decision recorded on one version
// of a git history (statutes: [ID@commit date]) applies to that version
// and is stale, the machine verdict kept, for the others, in the analysis
// and in the amendments timeline; evidence citing a provision the version
// in force does not have is a warning, named by the path in the repository.
func TestGitBriefingOverrides(t *testing.T) {
	dir := demoRepo(t)
	w := embedded(t)
	m, err := w.Map()
	if err != nil {
		t.Fatal(err)
	}
	h, err := LoadGit(context.Background(), GitSource{Repo: dir, Paths: []string{"xea/ctip.md"}})
	if err != nil {
		t.Fatal(err)
	}
	// A requirement the engine finds a gap in both 2017 and 2023.
	opts := score.Options{Country: "XEA", LacunaVersion: "test"}
	at := func(asOf string, ovs []score.Override) *score.Result {
		o := opts
		o.AsOf, o.Overrides = asOf, ovs
		r, err := score.Analyze(h.Corpus, m, o)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r17, r23 := at("2017-03-16", nil), at("", nil)
	req := ""
	for _, f := range r17.Findings {
		if f.Verdict == score.Gap && r23.Finding(f.Requirement).Verdict == score.Gap {
			req = f.Requirement
			break
		}
	}
	if req == "" {
		t.Fatal("no requirement is a gap in both versions")
	}
	src := "overrides:\n  - requirement: " + req + "\n    verdict: met\n    rationale: \"read with the 2017 regulations\"\n    reviewer: \"R\"\n    date: 2024-01-01\n" +
		"    machine_verdict: gap\n    statutes: [\"xea/ctip-act@2017-03-16\"]\n    evidence: [\"xea/ctip.md#s3\", \"xea/ctip.md#s999\"]\n"
	ovs, err := score.ParseOverrides("review.yaml", []byte(src), m)
	if err != nil {
		t.Fatal(err)
	}
	if f := at("2017-03-16", ovs).Finding(req); f.Verdict != score.Met || f.Origin != "review" {
		t.Errorf("2017: %s is %s (%s), want the reviewed met", req, f.Verdict, f.Origin)
	}
	br, err := w.GitBriefing(m, h, GitBriefOptions{Template: AmendmentsTemplate, Overrides: ovs})
	if err != nil {
		t.Fatal(err)
	}
	if len(br.Reviews) != 1 || !strings.Contains(br.Reviews[0].Stale, "statute xea/ctip-act is now version 2023-09-01 (decided on 2017-03-16)") {
		t.Errorf("latest version: reviews %+v, want the decision stale", br.Reviews)
	}
	if f := at("", ovs).Finding(req); f.Verdict != score.Gap || f.Override == nil || len(f.Override.Stale) == 0 {
		t.Errorf("latest version: %s is %s, want the machine's gap and the decision stale", req, f.Verdict)
	}
	// The timeline: met on the version decided, the machine's gap before
	// and after.
	var changes []string
	for _, p := range br.Timeline.Points {
		for _, c := range p.Changes {
			if c.Requirement == req {
				changes = append(changes, p.VersionDate+" "+c.From+"→"+c.To)
			}
		}
	}
	if got := strings.Join(changes, ", "); got != "2017-03-16 gap→met, 2023-09-01 met→gap" {
		t.Errorf("timeline changes of %s: %s", req, got)
	}
	ws := h.OverrideWarnings(ovs, "XEA", "")
	if len(ws) != 1 || !strings.Contains(ws[0].Error(), `review.yaml:2: warning: override of `+req+`: evidence "xea/ctip.md#s999" cites provision "s999"`) {
		t.Errorf("evidence warnings = %v", ws)
	}
}
