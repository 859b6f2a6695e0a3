package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestMain lets the test binary act as a second process for the
// concurrency and crash tests.
func TestMain(m *testing.M) {
	switch os.Getenv("LACUNA_STORE_CHILD") {
	case "save":
		os.Exit(childSave(os.Getenv("LACUNA_STORE_DB"), os.Getenv("LACUNA_STORE_PREFIX"), 20))
	case "save-forever":
		childSave(os.Getenv("LACUNA_STORE_DB"), os.Getenv("LACUNA_STORE_PREFIX"), 1<<30)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func childSave(db, prefix string, n int) int {
	ctx := context.Background()
	s, err := Open(ctx, db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	for i := 0; i < n; i++ {
		st := fakeStatute(fmt.Sprintf("%s-%d", prefix, i))
		res := fakeResult(st)
		run := Run{ID: fmt.Sprintf("%s-run-%d", prefix, i), Created: "2026-01-01T00:00:00Z"}
		if err := s.SaveRun(ctx, run, res, []*statute.Statute{st}, [][]byte{[]byte("src " + st.SHA256)}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

func fakeStatute(tag string) *statute.Statute {
	p1 := &statute.Provision{ID: "s3", Number: "3", Kind: statute.KindSection, Heading: "Trafficking in persons",
		Text: "A person who recruits, transports or harbours a child for the purpose of exploitation commits an offence.", Line: 10, EndLine: 14}
	p2 := &statute.Provision{ID: "s3(2)", Number: "(2)", Kind: statute.KindSubsection, Parent: p1,
		Text: "Penalty: imprisonment for twenty years; the consent of the victim is irrelevant. Café señor łódź.", Line: 12, EndLine: 12}
	p1.Children = []*statute.Provision{p2}
	p3 := &statute.Provision{ID: "s4", Number: "4", Kind: statute.KindSection, Heading: "Shelters",
		Text: "The Minister may establish shelters for victims of trafficking.", Line: 16, EndLine: 18}
	return &statute.Statute{
		Path: "xea/" + tag + ".md", SHA256: "sha-" + tag,
		Meta:  statute.Meta{ID: statute.StatuteID("xea/" + tag), Country: "XEA", Title: "Act " + tag, Language: "en", VersionDate: "2020-01-01"},
		Roots: []*statute.Provision{p1, p3}, All: []*statute.Provision{p1, p2, p3},
	}
}

// indexStatute stores st and indexes it for search with the given role
// bits (one per provision of st.All; nil = none).
func indexStatute(tb testing.TB, s *Store, st *statute.Statute, roles []uint8) {
	tb.Helper()
	if err := s.IndexVersions(context.Background(), []IndexEntry{{Statute: st, Source: []byte("x"), Roles: roles}}, "k1", "2026-01-01T00:00:00Z"); err != nil {
		tb.Fatal(err)
	}
}

func fakeResult(st *statute.Statute) *score.Result {
	mx := 240.0
	q := "imprisonment for twenty years"
	return &score.Result{
		LacunaVersion: "test", MappingVersion: "m1", Country: st.Meta.Country, AsOf: "2026-01-01",
		Statutes: []score.StatuteRef{{ID: string(st.Meta.ID), Title: st.Meta.Title, VersionDate: st.Meta.VersionDate, SHA256: st.SHA256, Path: st.Path, Language: "en"}},
		Findings: []score.Finding{
			{Requirement: "def.acts", Verdict: score.Partial, MachineVerdict: score.Partial, Origin: "machine", Score: 1.5, Weight: 3, Pillar: "prosecution",
				Evidence: []score.Evidence{{Statute: string(st.Meta.ID), Provision: "s3", Line: 10, Quote: "recruits, transports or harbours"}},
				Missing:  []string{"transfer", "receipt"}, Explanation: "3 of 5 acts"},
			{Requirement: "prot.reflection-period", Verdict: score.Met, MachineVerdict: score.Gap, Origin: "review", Score: 2, Weight: 2, Pillar: "protection",
				Override: &score.Override{Requirement: "prot.reflection-period", Verdict: score.Met, Rationale: "see regulations", Reviewer: "A. Lawyer", Date: "2025-12-01"}},
		},
		Penalties: []penalty.Row{{Statute: string(st.Meta.ID), Provision: "s3(2)", Line: 12, Offence: "trafficking",
			Penalty: penalty.Penalty{MaxMonths: &mx, Variant: penalty.VariantBasic}, Quote: &q}},
		Scores:    score.Scores{Overall: 42.5, Pillars: map[string]float64{"prosecution": 50, "protection": 100}, Counts: map[score.Verdict]int{score.Met: 1, score.Partial: 1}},
		Overrides: []score.Override{{Requirement: "prot.reflection-period", Verdict: score.Met, Rationale: "see regulations", Reviewer: "A. Lawyer", Date: "2025-12-01"}},
	}
}

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lacuna.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestMigrationsSetUserVersion(t *testing.T) {
	s, path := openTemp(t)
	v, err := s.SchemaVersion(context.Background())
	if err != nil || v != 3 {
		t.Fatalf("user_version = %d, %v; want 3", v, err)
	}
	s.Close()
	// Reopening applies nothing twice.
	s2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	if err := s2.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestSaveAndLoadRunRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	st := fakeStatute("a")
	want := fakeResult(st)
	run := Run{ID: "r1", Created: "2026-01-02T03:04:05Z", Options: map[string]string{"as_of": "2026-01-01"}, CacheKey: "k1"}
	if err := s.SaveRun(ctx, run, want, []*statute.Statute{st}, [][]byte{[]byte("# source")}); err != nil {
		t.Fatal(err)
	}
	gotRun, got, err := s.LoadRun(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	if gotRun.Created != run.Created || gotRun.CacheKey != "k1" || gotRun.Options["as_of"] != "2026-01-01" {
		t.Errorf("run = %+v", gotRun)
	}
	// The JSON contract is what is kept: empty arrays are [] (never null)
	// after a round trip, so the results compare as JSON.
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Errorf("loaded result differs:\n got %s\nwant %s", gj, wj)
	}
	src, err := s.StatuteSource(ctx, st.SHA256)
	if err != nil || string(src) != "# source" {
		t.Errorf("source = %q, %v", src, err)
	}
	if _, _, err := s.LoadRun(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing run: err = %v, want ErrNotFound", err)
	}
	_, cached, err := s.CachedRun(ctx, "k1")
	if err != nil || cached.Scores.Overall != 42.5 {
		t.Errorf("cached run: %v, %v", cached, err)
	}
	runs, err := s.Runs(ctx, "XEA")
	if err != nil || len(runs) != 1 || len(runs[0].Statutes) != 1 {
		t.Errorf("runs = %+v, %v", runs, err)
	}
	// The same run saved twice (same ID, same cache key) is a no-op; the
	// same ID with other inputs fails and leaves the first run intact.
	if err := s.SaveRun(ctx, run, want, []*statute.Statute{st}, [][]byte{[]byte("# source")}); err != nil {
		t.Errorf("saving the same run again: %v", err)
	}
	other := run
	other.CacheKey = "k2"
	if err := s.SaveRun(ctx, other, want, []*statute.Statute{st}, [][]byte{[]byte("# source")}); !errors.Is(err, ErrRunExists) {
		t.Errorf("saving another run under the same ID: err = %v, want ErrRunExists", err)
	}
	if runs, _ := s.Runs(ctx, ""); len(runs) != 1 || runs[0].CacheKey != "k1" {
		t.Errorf("after duplicate saves, runs = %+v", runs)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestBuildMatch(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{name: "words", in: "forced labour", want: `"forced" "labour"`},
		{name: "phrase", in: `"position of vulnerability" child`, want: `"position of vulnerability" "child"`},
		{name: "prefix", in: "recruit*", want: `"recruit*"`},
		{name: "syntax is neutralised", in: `NEAR(a b) OR -x AND "`, want: `"near" "a" "b" "or" "x" "and"`},
		{name: "accents and case folded", in: "Traite êtres TRÁFICO", want: `"traite" "etres" "trafico"`},
		{name: "sharp s is ss", in: "Straße", want: `"strasse"`},
		{name: "empty", in: `  *** "" `, err: "has no words"},
		{name: "short prefix", in: "a*", err: "too short"},
		{name: "too many terms", in: "a b c d e f g h i j k l m n o p q r", err: "more than 16 terms"},
		{name: "sql quote", in: `'; DROP TABLE runs; --`, want: `"drop" "table" "runs"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := BuildMatch(tt.in)
			if tt.err != "" {
				var qe *QueryError
				if !errors.As(err, &qe) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want QueryError containing %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("BuildMatch(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestSearchRanksAndFolds(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for _, tag := range []string{"a", "b"} {
		indexStatute(t, s, fakeStatute(tag), nil)
	}
	hits, err := s.Search(ctx, Query{Text: "shelters", Country: "XEA"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Provision != "s4" || hits[0].StatuteID != "xea/a" {
		t.Fatalf("hits = %+v", hits)
	}
	// Diacritics fold: "cafe" finds "Café", "lodz" finds "łódź".
	hits, err = s.Search(ctx, Query{Text: "cafe senor", Limit: 1})
	if err != nil || len(hits) != 1 || hits[0].Provision != "s3(2)" {
		t.Fatalf("folded search: %+v, %v", hits, err)
	}
	// Heading hits rank above text-only hits.
	hits, err = s.Search(ctx, Query{Text: "trafficking"})
	if err != nil || len(hits) == 0 || hits[0].Provision != "s3" {
		t.Fatalf("heading ranking: %+v, %v", hits, err)
	}
	if hits, err := s.Search(ctx, Query{Text: "trafficking", Country: "ZZZ"}); err != nil || len(hits) != 0 {
		t.Fatalf("country filter: %+v, %v", hits, err)
	}
	if _, err := s.Search(ctx, Query{Text: `"`}); err == nil {
		t.Fatal("empty query gave no error")
	}
}

// TestConcurrentWriters runs two processes saving runs into one database at
// the same time; both must succeed and every run must be there.
func TestConcurrentWriters(t *testing.T) {
	_, path := openTemp(t)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	outs := make([][]byte, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "LACUNA_STORE_CHILD=save", "LACUNA_STORE_DB="+path, "LACUNA_STORE_PREFIX=p"+strconv.Itoa(i))
			outs[i], errs[i] = cmd.CombinedOutput()
		}(i)
	}
	wg.Wait()
	for i := range errs {
		if errs[i] != nil {
			t.Fatalf("writer %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runs, err := s.Runs(context.Background(), "")
	if err != nil || len(runs) != 40 {
		t.Fatalf("runs = %d, %v; want 40", len(runs), err)
	}
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestKilledWriterLeavesConsistentDatabase kills a writer mid-stream; the
// database must pass its integrity checks and hold only whole runs.
func TestKilledWriterLeavesConsistentDatabase(t *testing.T) {
	_, path := openTemp(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "LACUNA_STORE_CHILD=save-forever", "LACUNA_STORE_DB="+path, "LACUNA_STORE_PREFIX=k")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	runs, err := s.Runs(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		_, res, err := s.LoadRun(ctx, r.ID)
		if err != nil {
			t.Fatalf("run %s: %v", r.ID, err)
		}
		if len(res.Findings) != 2 || len(res.Penalties) != 1 || len(res.Statutes) != 1 {
			t.Fatalf("run %s is incomplete: %d findings, %d penalties, %d statutes", r.ID, len(res.Findings), len(res.Penalties), len(res.Statutes))
		}
	}
	t.Logf("%d whole runs survived the kill", len(runs))
}

func TestSaveRunsBatchAndCachedResult(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	st1, src1 := batchStatute(t, "XAA", "2001-01-01")
	st2, src2 := batchStatute(t, "XAB", "2002-01-01")
	res := func(cc string) *score.Result {
		return &score.Result{LacunaVersion: "v", MappingVersion: "m", Country: cc}
	}
	if err := s.SaveRuns(ctx, []RunInput{
		{Run: Run{ID: "r1", Created: "2026-01-01T00:00:00Z", CacheKey: "k1"}, Result: res("XAA"), ResultJSON: []byte(`{"country":"XAA"}`), Statutes: []*statute.Statute{st1}, Sources: [][]byte{src1}},
		{Run: Run{ID: "r2", Created: "2026-01-01T00:00:00Z", CacheKey: "k2"}, Result: res("XAB"), Statutes: []*statute.Statute{st1, st2}, Sources: [][]byte{nil, src2}},
	}); err != nil {
		t.Fatal(err)
	}
	known, err := s.Known(ctx, []string{st1.SHA256, st2.SHA256, "feed"})
	if err != nil || !known[st1.SHA256] || !known[st2.SHA256] || known["feed"] {
		t.Fatalf("Known = %v, %v", known, err)
	}
	run, js, err := s.CachedResult(ctx, "k1")
	if err != nil || run.ID != "r1" || string(js) != `{"country":"XAA"}` {
		t.Fatalf("CachedResult(k1) = %v %s %v", run.ID, js, err)
	}
	if _, js, err = s.CachedResult(ctx, "k2"); err != nil || !strings.Contains(string(js), `"country":"XAB"`) {
		t.Fatalf("CachedResult(k2) = %s %v", js, err)
	}
	if _, _, err := s.CachedResult(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("CachedResult(nope) error %v, want ErrNotFound", err)
	}
	if _, r2, err := s.LoadRun(ctx, "r2"); err != nil || len(r2.Statutes) != 2 {
		t.Fatalf("LoadRun(r2) = %+v, %v", r2, err)
	}
}

func batchStatute(t *testing.T, cc, date string) (*statute.Statute, []byte) {
	t.Helper()
	src := []byte("---\ncountry: " + cc + "\nid: " + strings.ToLower(cc) + "/act\ntitle: \"Act\"\nversion_date: \"" + date + "\"\n---\n\n### Section 1. Short title\n\nThis Act is the Act.\n")
	st, err := statute.Parse(strings.ToLower(cc)+"/act.md", src)
	if err != nil {
		t.Fatal(err)
	}
	return st, src
}

func TestKnownManyHashes(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	st, src := batchStatute(t, "XAC", "2003-01-01")
	if err := s.PutStatute(ctx, st, src, "2026-01-01T00:00:00Z"); err != nil {
		t.Fatal(err)
	}
	var shas []string
	for i := 0; i < 1234; i++ {
		shas = append(shas, fmt.Sprintf("%064x", i))
	}
	shas = append(shas[:700], append([]string{st.SHA256}, shas[700:]...)...)
	known, err := s.Known(ctx, shas)
	if err != nil || len(known) != 1 || !known[st.SHA256] {
		t.Fatalf("Known over %d hashes = %v, %v; want only %s", len(shas), known, err, st.SHA256)
	}
}
