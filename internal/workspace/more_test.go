package workspace

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// TestDiffVersions checks the 2017 → 2023 amendment of XEA's
// trafficking act: one statute changed, prot.non-punishment regressed.
func TestDiffVersions(t *testing.T) {
	w := embedded(t)
	m, err := w.Map()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := w.DiffVersions(context.Background(), m, DiffOptions{Country: "XEA", From: "2018", To: "2023-12-31", MinSimilarity: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Statutes) != 1 || rep.Statutes[0].Statute != "xea/ctip-act" || rep.Statutes[0].OldVersion != "2017-03-15" || rep.Statutes[0].NewVersion != "2023-09-01" {
		t.Fatalf("statute diffs %+v, want xea/ctip-act 2017-03-15 → 2023-09-01 only", rep.Statutes)
	}
	var got []string
	for _, ch := range rep.Verdicts.Changes {
		got = append(got, fmt.Sprintf("%s %s→%s", ch.Requirement, ch.Old, ch.New))
	}
	if s := strings.Join(got, "; "); s != "enf.data-rapporteur gap→met; prot.non-punishment met→partial" {
		t.Errorf("verdict changes %q", s)
	}
	if !rep.Verdicts.Regression() || rep.Verdicts.Regressed != 1 || rep.Verdicts.Improved != 1 {
		t.Errorf("regressed %d, improved %d; want 1 and 1", rep.Verdicts.Regressed, rep.Verdicts.Improved)
	}
	if rep.Old.Label != "XEA as of 2018" || fmt.Sprintf("%.1f", rep.New.Overall) != "75.6" {
		t.Errorf("sides %q (%.1f) → %q (%.1f)", rep.Old.Label, rep.Old.Overall, rep.New.Label, rep.New.Overall)
	}
	_, err = w.DiffVersions(context.Background(), m, DiffOptions{Country: "XEA", Statute: "xea/nope", From: "2012", To: "2023"})
	if !errors.As(err, new(*InputError)) || !strings.Contains(err.Error(), "expected one of: xea/ctip-act,") {
		t.Errorf("unknown statute: %v, want an *InputError listing the statutes", err)
	}
	// Two files, each analysed as its own corpus.
	rep, err = w.DiffFiles(m, "../../corpus/xea/ctip-act-2012.md", "../../corpus/xea/ctip-act-2017.md", 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Country != "XEA" || len(rep.Statutes) != 1 || rep.Old.Label != "../../corpus/xea/ctip-act-2012.md" {
		t.Errorf("file diff: country %s, %d statutes, old %q", rep.Country, len(rep.Statutes), rep.Old.Label)
	}
	if _, err := w.DiffFiles(m, "no-such.md", "../../corpus/xea/ctip-act-2017.md", 0.5); !errors.As(err, new(*InputError)) {
		t.Errorf("missing file: %v, want an *InputError", err)
	}
}

// TestAnalyzeCountries checks the machine verdicts a comparison reads:
// no overrides, in the order asked for.
func TestAnalyzeCountries(t *testing.T) {
	w := embedded(t)
	m, _ := w.Map()
	rs, err := w.AnalyzeCountries(m, []string{"XSA", "XEA"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].Country != "XSA" || rs[1].Country != "XEA" {
		t.Fatalf("results %d, want XSA then XEA", len(rs))
	}
	if a, b := fmt.Sprintf("%.1f", rs[0].Scores.Overall), fmt.Sprintf("%.1f", rs[1].Scores.Overall); a != "56.3" || b != "75.6" {
		t.Errorf("overall XSA %s, XEA %s; want 56.3, 75.6", a, b)
	}
	if _, err := w.AnalyzeCountries(m, []string{"XEA", "XFR"}, "2013-01-01"); err == nil || err.Error() != "no statutes of XFR in force on 2013-01-01" {
		t.Errorf("XFR as of 2013: %v", err)
	}
}

// TestSearch checks search over the indexed corpus, by role.
func TestSearch(t *testing.T) {
	ctx := context.Background()
	w := embedded(t)
	hits, err := w.Search(ctx, SearchQuery{Text: "imprisonment", Country: "XEA", Role: standard.RolePenalty, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || len(hits) > 5 {
		t.Fatalf("%d hits for imprisonment in XEA, want 1 to 5", len(hits))
	}
	for _, h := range hits {
		hasPenalty := false
		for _, r := range h.Roles {
			hasPenalty = hasPenalty || r == standard.RolePenalty
		}
		if h.Country != "XEA" || !hasPenalty || !strings.Contains(strings.ToLower(h.Snippet), "imprison") {
			t.Errorf("hit %s %s (%s, roles %v): %q", h.StatuteID, h.Provision, h.Country, h.Roles, h.Snippet)
		}
	}
	if _, err := w.Search(ctx, SearchQuery{Text: "x", Country: "XZZ", Limit: 5}); !errors.As(err, new(*InputError)) {
		t.Errorf("absent country: %v, want an *InputError", err)
	}
	// No store location: a search is a read, indexed in a private store.
	if hits, err := New(Config{}).Search(ctx, SearchQuery{Text: "imprisonment", Limit: 5}); err != nil || len(hits) == 0 {
		t.Errorf("search without a store: %d hits, %v; want hits from a private index", len(hits), err)
	}
}

// TestConcurrentReads checks that one Workspace serves concurrent readers
// (as a server would) with the same answers as one reader; run with -race.
func TestConcurrentReads(t *testing.T) {
	w := embedded(t)
	want := fmt.Sprintf("%.1f", analyzeXEA(t, w, false).Result.Scores.Overall)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 4; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			a, err := w.AnalyzeCountry(context.Background(), "XEA", "", "", false)
			if err != nil {
				errs <- err
				return
			}
			if got := fmt.Sprintf("%.1f", a.Result.Scores.Overall); got != want {
				errs <- fmt.Errorf("concurrent analysis: overall %s, want %s", got, want)
			}
		}()
		go func() {
			defer wg.Done()
			tl, err := w.CountryTimeline("XSA", "")
			if err != nil {
				errs <- err
				return
			}
			if len(tl.Points) == 0 {
				errs <- errors.New("concurrent timeline: no points")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
