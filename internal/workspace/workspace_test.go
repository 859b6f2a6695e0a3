package workspace

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

var fixedNow = func() time.Time { return time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC) }

// embedded is a workspace over the embedded corpus and map, with a store
// in a temporary directory.
func embedded(t *testing.T) *Workspace {
	t.Helper()
	return New(Config{DB: filepath.Join(t.TempDir(), "lacuna.db"), Now: fixedNow, ToolVersion: "test"})
}

// analyzeXEA analyses the embedded demo country XEA at its latest
// versions, with its overrides, through w.
func analyzeXEA(t *testing.T, w *Workspace, cache bool) *Analysis {
	t.Helper()
	a, err := w.AnalyzeCountry(context.Background(), "XEA", "", "", cache)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestOpenEmbeddedDefaults(t *testing.T) {
	w := embedded(t)
	m, err := w.Map()
	if err != nil {
		t.Fatalf("embedded map: %v", err)
	}
	if m.Version == "" || len(m.Requirements) < 50 {
		t.Errorf("embedded map: version %q, %d requirements; want a version and the full map", m.Version, len(m.Requirements))
	}
	if m2, _ := w.Map(); m2 != m {
		t.Error("Map loaded the map twice, want it loaded once and shared")
	}
	c, err := w.Corpus()
	if err != nil {
		t.Fatalf("embedded corpus: %v", err)
	}
	if got := strings.Join(c.Countries(), " "); got != "XEA XFR XSA" {
		t.Errorf("embedded corpus countries %q, want XEA XFR XSA", got)
	}
	// Every version of every statute: five XEA files, three each for XFR and XSA.
	if len(c.Statutes) != 11 {
		t.Errorf("embedded corpus has %d statute versions, want 11", len(c.Statutes))
	}
	p, err := w.Plan("")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Countries, " "); got != "XEA XFR XSA" || !p.Has("XFR") || p.Has("XZZ") {
		t.Errorf("plan countries %q (has XFR %v, XZZ %v)", got, p.Has("XFR"), p.Has("XZZ"))
	}
	if ms := p.Metas("XEA"); len(ms) != 5 || ms[0].ID != "xea/ctip-act" || ms[0].VersionDate != "2012-07-01" {
		t.Errorf("XEA metas: %d, first %+v; want 5, xea/ctip-act 2012-07-01 first", len(ms), ms[0])
	}
}

// TestAnalyzeXEA checks the demo country's figures: the same as
// "lacuna analyze --country XEA".
func TestAnalyzeXEA(t *testing.T) {
	w := embedded(t)
	a := analyzeXEA(t, w, false)
	res := a.Result
	if a.Reused != nil || a.Key != "" {
		t.Errorf("uncached analysis: reused %v, key %q; want neither", a.Reused, a.Key)
	}
	if got := fmt.Sprintf("%.1f", res.Scores.Overall); got != "75.6" {
		t.Errorf("XEA overall %s, want 75.6", got)
	}
	want := map[score.Verdict]int{score.Met: 57, score.Partial: 1, score.Undetermined: 2, score.Gap: 28, score.NotApplicable: 4}
	for v, n := range want {
		if res.Scores.Counts[v] != n {
			t.Errorf("XEA %s: %d, want %d", v, res.Scores.Counts[v], n)
		}
	}
	var ids []string
	for _, s := range res.Statutes {
		ids = append(ids, s.ID+"@"+s.VersionDate)
	}
	if got := strings.Join(ids, " "); !strings.Contains(got, "xea/ctip-act@2023-09-01") || strings.Contains(got, "2017-03-15") {
		t.Errorf("XEA statutes %s, want the latest ctip-act (2023-09-01) only", got)
	}
	f := res.Finding("prot.non-punishment")
	if f == nil || f.Verdict != score.Partial {
		t.Errorf("prot.non-punishment: %+v, want partial", f)
	}
	// As of a date, the version in force then is analysed.
	m, _ := w.Map()
	c, err := w.CorpusFor("XEA", "2013-01-01")
	if err != nil {
		t.Fatal(err)
	}
	a2, err := w.Analyze(context.Background(), c, m, score.Options{Country: "XEA", AsOf: "2013-01-01", LacunaVersion: "test"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%.1f", a2.Result.Scores.Overall); got != "69.3" {
		t.Errorf("XEA as of 2013-01-01: overall %s, want 69.3 (the 2012 act)", got)
	}
}

// TestAnalyzeCache checks that a saved analysis is reused for the same
// inputs and not for other ones.
func TestAnalyzeCache(t *testing.T) {
	ctx := context.Background()
	w := embedded(t)
	first := analyzeXEA(t, w, true)
	if first.Reused != nil {
		t.Fatalf("first analysis reused run %s from an empty store", first.Reused.ID)
	}
	if len(first.Key) != 64 {
		t.Fatalf("cache key %q, want a sha256", first.Key)
	}
	id, err := w.Save(ctx, first, map[string]string{"country": "XEA"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "20260115T120000Z-XEA-" + first.Key[:8]; id != want {
		t.Errorf("run ID %s, want %s", id, want)
	}
	second := analyzeXEA(t, w, true)
	if second.Reused == nil || second.Reused.ID != id {
		t.Fatalf("second analysis: reused %v, want run %s", second.Reused, id)
	}
	if again, err := w.Save(ctx, second, nil); err != nil || again != id {
		t.Errorf("saving a reused analysis: %s, %v; want %s and nothing new", again, err, id)
	}
	var b1, b2 bytes.Buffer
	if err := EncodeResult(&b1, first.Result); err != nil {
		t.Fatal(err)
	}
	if err := EncodeResult(&b2, second.Result); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("the reused result's JSON differs from the analysed one")
	}
	// Another tool build is another key: nothing to reuse.
	w2 := New(Config{DB: w.Config().DB, Now: fixedNow, ToolVersion: "test", ToolBuild: func() string { return "other" }})
	if a := analyzeXEA(t, w2, true); a.Reused != nil || a.Key == first.Key {
		t.Errorf("another build reused %v (key %s)", a.Reused, a.Key)
	}
	// No store location: analysed afresh, and saving says why not.
	w3 := New(Config{Now: fixedNow, ToolVersion: "test"})
	a := analyzeXEA(t, w3, true)
	if a.Reused != nil {
		t.Error("reused a result without a store")
	}
	if _, err := w3.Save(ctx, a, nil); !errors.Is(err, ErrNoStore) {
		t.Errorf("save without a store: %v, want ErrNoStore", err)
	}
}

// TestBadCorpus checks the typed errors the CLI maps to exit 2.
func TestBadCorpus(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	w := New(Config{Corpus: missing})
	_, err := w.Corpus()
	var de *DirError
	if !errors.As(err, &de) || de.What != "corpus" || de.Dir != missing || de.NotDir {
		t.Fatalf("missing corpus: %v, want a *DirError for the corpus", err)
	}
	if _, err := w.Plan(""); !errors.As(err, &de) {
		t.Errorf("plan over a missing corpus: %v, want a *DirError", err)
	}

	dir := t.TempDir()
	dup, err := os.ReadFile("../../testdata/bad/duplicate-section.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "dup.md"), dup, 0o644); err != nil {
		t.Fatal(err)
	}
	w = New(Config{Corpus: dir})
	for name, load := range map[string]func() error{
		"Corpus":    func() error { _, err := w.Corpus(); return err },
		"CorpusFor": func() error { _, err := w.CorpusFor("XEA", ""); return err },
		// The plan reads front matter only; the country's load fails.
		"Plan.Load": func() error {
			p, err := w.Plan("")
			if err != nil {
				return err
			}
			in, err := p.Read("XEA")
			if err != nil {
				return err
			}
			_, err = p.Load(in)
			return err
		},
	} {
		err := load()
		var ie *InputError
		var el statute.ErrorList
		if !errors.As(err, &ie) || !errors.As(err, &el) {
			t.Errorf("%s over a bad corpus: %v, want an *InputError with positions", name, err)
			continue
		}
		if want := filepath.ToSlash(dir) + "/dup.md:15:"; !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), `provision "s2" appears twice`) {
			t.Errorf("%s: %q, want %s… provision \"s2\" appears twice", name, err, want)
		}
	}
	if _, err := New(Config{Corpus: dir}).CorpusOf([]string{"XZZ"}, ""); !errors.As(err, new(*InputError)) || !strings.Contains(err.Error(), `no statutes for country "XZZ"`) {
		t.Errorf("CorpusOf an absent country: %v", err)
	}
}

// TestTimeline checks the demo country's timeline: one point per version
// date, the 2023 amendment's verdict change and its cause.
func TestTimeline(t *testing.T) {
	w := embedded(t)
	tl, err := w.CountryTimeline("XEA", "")
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, p := range tl.Points {
		dates = append(dates, p.VersionDate)
	}
	if got := strings.Join(dates, " "); got != "2010-01-01 2011-07-01 2012-07-01 2017-03-15 2023-09-01" {
		t.Fatalf("XEA timeline dates %s", got)
	}
	last := tl.Points[len(tl.Points)-1]
	if got := fmt.Sprintf("%.1f", last.Overall); got != "75.6" {
		t.Errorf("2023 point overall %s, want 75.6", got)
	}
	var found bool
	for _, ch := range last.Changes {
		if ch.Requirement == "prot.non-punishment" {
			found = true
			if ch.From != "met" || ch.To != "partial" || ch.Better {
				t.Errorf("2023 prot.non-punishment change %+v, want met→partial, worse", ch)
			}
			if len(ch.Causes) == 0 || !strings.HasPrefix(ch.Causes[0], "xea/ctip-act ") {
				t.Errorf("2023 prot.non-punishment causes %q, want a provision of xea/ctip-act", ch.Causes)
			}
		}
	}
	if !found {
		t.Errorf("2023 point changes %+v lack prot.non-punishment", last.Changes)
	}
	// Up to a date, the later versions are dropped.
	tl, err = w.CountryTimeline("XEA", "2015-01-01")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tl.Points); n != 3 || tl.Points[n-1].VersionDate != "2012-07-01" {
		t.Errorf("timeline up to 2015: %d points, want 3 ending 2012-07-01", n)
	}
	if _, err := w.CountryTimeline("XZZ", ""); !errors.As(err, new(*InputError)) {
		t.Errorf("timeline of an absent country: %v, want an *InputError", err)
	}
}

// copyDemo copies the embedded demo corpus into a directory.
func copyDemo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(corpus.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || !strings.Contains(p, "/") {
			return err
		}
		b, err := fs.ReadFile(corpus.FS, p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

const reviewYAML = `overrides:
  - requirement: prot.non-punishment
    verdict: met
    rationale: "s29 read with the 2023 guidelines covers every offence committed as a victim"
    reviewer: "A. Adviser"
    date: 2026-01-10
`

// TestOverrides checks that a reviewer's file beside the corpus is found
// and applied, with the machine verdict kept beside the reviewed one.
func TestOverrides(t *testing.T) {
	dir := copyDemo(t)
	ovPath := filepath.Join(dir, "xea", "overrides.yaml")
	if err := os.WriteFile(ovPath, []byte(reviewYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	w := New(Config{Corpus: dir, Now: fixedNow, ToolVersion: "test"})
	m, err := w.Map()
	if err != nil {
		t.Fatal(err)
	}
	ov, err := w.Overrides(m, "xea")
	if err != nil {
		t.Fatal(err)
	}
	if ov.Path != ovPath || ov.Embedded || len(ov.List) != 1 || string(ov.Source) != reviewYAML {
		t.Fatalf("overrides %+v, want the one decision of %s", ov, ovPath)
	}
	if p := w.OverridesPath("XEA"); p != ovPath {
		t.Errorf("OverridesPath %q, want %q", p, ovPath)
	}
	if ov, err := w.Overrides(m, "XFR"); err != nil || ov.Path != "" || len(ov.List) != 0 {
		t.Errorf("XFR has no overrides file: %+v, %v", ov, err)
	}
	a := analyzeXEA(t, w, false)
	f := a.Result.Finding("prot.non-punishment")
	if f == nil || f.Verdict != score.Met || f.MachineVerdict != score.Partial || f.Origin != "review" || f.Override == nil || f.Override.Reviewer != "A. Adviser" {
		t.Fatalf("reviewed finding %+v, want met by review over a partial machine verdict", f)
	}
	if a.Result.Scores.Counts[score.Met] != 58 || a.Result.Scores.Counts[score.Partial] != 0 {
		t.Errorf("counts with the review %v, want met 58, partial 0", a.Result.Scores.Counts)
	}
	if a.Overrides.Path != ovPath {
		t.Errorf("analysis overrides from %q, want %q", a.Overrides.Path, ovPath)
	}
	// An explicit file applies to the embedded corpus too.
	a, err = embedded(t).AnalyzeCountry(context.Background(), "XEA", "", ovPath, false)
	if err != nil {
		t.Fatal(err)
	}
	if f := a.Result.Finding("prot.non-punishment"); f == nil || f.Verdict != score.Met || a.Overrides.Embedded {
		t.Errorf("explicit overrides file: finding %+v, overrides %+v", f, a.Overrides)
	}
	// A bad file is a positioned input error.
	if err := os.WriteFile(ovPath, []byte(strings.Replace(reviewYAML, "prot.non-punishment", "prot.no-such", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = w.Overrides(m, "XEA")
	if !errors.As(err, new(*InputError)) || !strings.HasPrefix(err.Error(), ovPath+":2:") {
		t.Errorf("bad overrides: %v, want an *InputError at %s:2", err, ovPath)
	}
}

// TestBatch checks a Batch over the plan: fresh analyses are recorded,
// then reused, and a Workspace serves concurrent callers.
func TestBatch(t *testing.T) {
	ctx := context.Background()
	w := embedded(t)
	m, err := w.Map()
	if err != nil {
		t.Fatal(err)
	}
	plan, err := w.Plan("")
	if err != nil {
		t.Fatal(err)
	}
	run := func() (fresh []string, out []*CountryAnalysis) {
		var mu sync.Mutex
		b, err := w.NewBatch(m, plan, BatchOptions{Reuse: true, Decode: true, JSON: true,
			OnAnalyze: func(cc string) { mu.Lock(); fresh = append(fresh, cc); mu.Unlock() }})
		if err != nil {
			t.Fatal(err)
		}
		rec, err := w.OpenRecorder(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		rec.Start(ctx)
		b.SetRecorder(rec)
		out = make([]*CountryAnalysis, len(plan.Countries))
		var wg sync.WaitGroup
		errs := make([]error, len(plan.Countries))
		for i, cc := range plan.Countries {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out[i], errs[i] = b.Country(ctx, cc)
			}()
		}
		wg.Wait()
		for i, a := range out {
			if errs[i] != nil {
				t.Fatal(errs[i])
			}
			b.Record(a, map[string]string{"command": "analyze", "country": a.Country})
		}
		if err := rec.Close(ctx); err != nil {
			t.Fatal(err)
		}
		return fresh, out
	}
	fresh, first := run()
	if len(fresh) != 3 {
		t.Fatalf("first batch analysed %v, want all three countries", fresh)
	}
	if got := fmt.Sprintf("%.1f", first[0].Scores.Overall); first[0].Country != "XEA" || got != "75.6" || first[0].Statutes != 3 {
		t.Errorf("first batch XEA: %s overall %s, %d statutes; want XEA 75.6, 3", first[0].Country, got, first[0].Statutes)
	}
	fresh, second := run()
	if len(fresh) != 0 {
		t.Errorf("second batch analysed %v afresh, want every result reused", fresh)
	}
	for i, a := range second {
		if !a.Reused || !bytes.Equal(a.JSON, first[i].JSON) || a.Result == nil {
			t.Errorf("%s: reused %v, same JSON %v, decoded %v", a.Country, a.Reused, bytes.Equal(a.JSON, first[i].JSON), a.Result != nil)
		}
	}
	s, err := w.OpenStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runs, err := s.Runs(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 3 {
		t.Errorf("store holds %d runs, want 3 (one per country, none for reused results)", len(runs))
	}
}

// TestBriefingNothingInForce checks that a country whose statutes all
// postdate the date is told apart.
func TestBriefingNothingInForce(t *testing.T) {
	w := embedded(t)
	m, _ := w.Map()
	plan, err := w.Plan("2000-01-01")
	if err != nil {
		t.Fatal(err)
	}
	b, err := w.NewBatch(m, plan, BatchOptions{AsOf: "2000-01-01", Decode: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Briefing(context.Background(), "XEA", "legal")
	if !IsNothingInForce(err) || !errors.As(err, new(*InputError)) {
		t.Errorf("briefing XEA as of 2000: %v, want nothing in force", err)
	}
	plan, _ = w.Plan("")
	b, _ = w.NewBatch(m, plan, BatchOptions{Decode: true})
	br, err := b.Briefing(context.Background(), "XEA", "legal")
	if err != nil {
		t.Fatal(err)
	}
	if br.Country != "XEA" || br.Date != "2026-01-15" || br.AsOf != "" || len(br.Requirements) != 92 {
		t.Errorf("briefing: country %s, date %s, as of %q, %d requirement rows; want XEA, 2026-01-15, latest, 92",
			br.Country, br.Date, br.AsOf, len(br.Requirements))
	}
}
