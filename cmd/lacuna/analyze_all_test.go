package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/lacuna-project/lacuna/internal/store"
	"github.com/lacuna-project/lacuna/internal/testutil"
)

// runLacuna runs the CLI in-process and returns exit code, stdout, stderr.
func runAllCLI(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	ios, out, errOut := testIO()
	code := run(context.Background(), args, env, ios)
	return code, out.String(), errOut.String()
}

// countAnalyses installs analyzeAllHook for the test and returns a
// function giving the sorted countries analysed afresh since the last call.
func countAnalyses(t *testing.T) func() []string {
	var mu sync.Mutex
	var got []string
	analyzeAllHook = func(cc string) {
		mu.Lock()
		got = append(got, cc)
		mu.Unlock()
	}
	t.Cleanup(func() { analyzeAllHook = nil })
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		out := got
		got = nil
		sort.Strings(out)
		return out
	}
}

// TestAnalyzeAllIncremental checks that analyze --all --save reuses every
// stored result over an unchanged corpus, re-analyses only the country
// whose selected version changed, and ignores a change to a version no
// analysis selects; and that its results are those of analyze --country.
func TestAnalyzeAllIncremental(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := testutil.GenerateCorpus(dir, testutil.GenOptions{Countries: 3, Statutes: 2, Versions: 2, Sections: 8}); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_DATA_HOME=" + t.TempDir(), "LACUNA_NOW=2026-01-01T00:00:00Z"}
	args := []string{"--corpus", dir, "--format", "json", "analyze", "--all", "--save"}
	analysed := countAnalyses(t)
	cc := []string{testutil.CountryCode(0), testutil.CountryCode(1), testutil.CountryCode(2)}

	code, first, stderr := runAllCLI(t, env, args...)
	if code != 0 {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	if got := analysed(); strings.Join(got, ",") != strings.Join(cc, ",") {
		t.Fatalf("first run analysed %v, want %v", got, cc)
	}
	var results []struct {
		Country string `json:"country"`
	}
	if err := json.Unmarshal([]byte(first), &results); err != nil || len(results) != 3 {
		t.Fatalf("first run output is not a JSON array of 3 results: %v\n%.500s", err, first)
	}
	// Each element is what analyze --country gives for that country.
	for i, c := range cc {
		code, one, stderr := runAllCLI(t, env, "--corpus", dir, "--format", "json", "analyze", "--country", c)
		if code != 0 {
			t.Fatalf("analyze --country %s: exit %d: %s", c, code, stderr)
		}
		var all []json.RawMessage
		json.Unmarshal([]byte(first), &all)
		var a, b bytes.Buffer
		json.Compact(&a, all[i])
		json.Compact(&b, []byte(one))
		if a.String() != b.String() {
			t.Errorf("analyze --all result %d differs from analyze --country %s", i, c)
		}
	}

	code, second, stderr := runAllCLI(t, env, args...)
	if code != 0 {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	if got := analysed(); len(got) != 0 {
		t.Errorf("second run over an unchanged corpus analysed %v, want none", got)
	}
	if second != first {
		t.Errorf("second run output differs from the first")
	}
	if !strings.Contains(stderr, "3 reused from the store") {
		t.Errorf("second run stderr %q, want 3 reused", stderr)
	}

	// Change the latest version of one statute of the second country.
	latest := filepath.Join(dir, strings.ToLower(cc[1]), "act-00-v1.md")
	appendTo(t, latest, "\n### Section 99. Added\n\nA new section added by an amendment.\n")
	// And an old version of the third country's, which no analysis selects.
	appendTo(t, filepath.Join(dir, strings.ToLower(cc[2]), "act-00-v0.md"), "\n### Section 99. Added\n\nText.\n")
	if code, _, stderr = runAllCLI(t, env, args...); code != 0 {
		t.Fatalf("third run: exit %d: %s", code, stderr)
	}
	if got := analysed(); strings.Join(got, ",") != cc[1] {
		t.Errorf("after changing %s, analysed %v, want only %s", latest, got, cc[1])
	}
	// As of a date that selects the old versions, the third country's
	// changed version counts.
	// (the generator dates statute 0's versions 2000-06-30 and 2002-06-30).
	asOf := append(append([]string(nil), args...), "--as-of", "2001-01-01")
	if code, _, stderr = runAllCLI(t, env, asOf...); code != 0 {
		t.Fatalf("as-of run: exit %d: %s", code, stderr)
	}
	if got := analysed(); len(got) != 3 {
		t.Errorf("first run as of 2001-01-01 analysed %v, want every country", got)
	}
	appendTo(t, filepath.Join(dir, strings.ToLower(cc[2]), "act-00-v0.md"), "\nMore text.\n")
	if code, _, stderr = runAllCLI(t, env, asOf...); code != 0 {
		t.Fatalf("as-of run: exit %d: %s", code, stderr)
	}
	if got := analysed(); strings.Join(got, ",") != cc[2] {
		t.Errorf("as-of run after changing %s's version in force then analysed %v, want only %s", cc[2], got, cc[2])
	}
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBriefAllReusesResults checks that brief --all records one run per
// country, that a second brief over the unchanged corpus records none
// (every result is reused from the store) and writes the same packs.
func TestBriefAllReusesResults(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := testutil.GenerateCorpus(dir, testutil.GenOptions{Countries: 2, Statutes: 2, Versions: 2, Sections: 8}); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	env := []string{"XDG_DATA_HOME=" + data, "LACUNA_NOW=2026-01-01T00:00:00Z"}
	outs := []string{t.TempDir(), t.TempDir()}
	runs := func() int {
		s, err := store.Open(context.Background(), filepath.Join(data, "lacuna", "lacuna.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		rs, err := s.Runs(context.Background(), "")
		if err != nil {
			t.Fatal(err)
		}
		return len(rs)
	}
	// The second run is a day later: a run recorded afresh would get a new
	// ID; a reused result records nothing. The third, at the first run's
	// time, must write the first run's packs byte for byte.
	later := []string{"XDG_DATA_HOME=" + data, "LACUNA_NOW=2026-01-02T00:00:00Z"}
	for i, out := range []string{outs[0], t.TempDir(), outs[1]} {
		e := env
		if i == 1 {
			e = later
		}
		if code, _, stderr := runAllCLI(t, e, "--corpus", dir, "--format", "md", "brief", "--all", "--out-dir", out); code != 0 {
			t.Fatalf("brief run %d: exit %d: %s", i+1, code, stderr)
		}
		if n := runs(); n != 2 {
			t.Errorf("after brief run %d the store holds %d runs, want 2", i+1, n)
		}
	}
	for _, cc := range []string{testutil.CountryCode(0), testutil.CountryCode(1)} {
		name := briefFileName(cc, "legal", "md")
		a, err1 := os.ReadFile(filepath.Join(outs[0], name))
		b, err2 := os.ReadFile(filepath.Join(outs[1], name))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: packs of the fresh and the reused run differ (%v, %v)", name, err1, err2)
		}
	}
}

// TestAnalyzeSaveReuses checks that analyze --country X --save reuses the
// run saved by analyze --all --save over unchanged inputs, with the same
// output, and saves a new run once the country's statute changes.
func TestAnalyzeSaveReuses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := testutil.GenerateCorpus(dir, testutil.GenOptions{Countries: 2, Statutes: 2, Versions: 2, Sections: 8}); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_DATA_HOME=" + t.TempDir(), "LACUNA_NOW=2026-01-01T00:00:00Z"}
	cc := testutil.CountryCode(1)
	one := []string{"--corpus", dir, "--format", "json", "analyze", "--country", cc, "--save"}
	_, fresh, _ := runAllCLI(t, nil, "--corpus", dir, "--format", "json", "analyze", "--country", cc)
	if code, _, stderr := runAllCLI(t, env, "--corpus", dir, "analyze", "--all", "--save"); code != 0 {
		t.Fatalf("analyze --all --save: exit %d: %s", code, stderr)
	}
	code, out, stderr := runAllCLI(t, env, one...)
	if code != 0 || !strings.Contains(stderr, "reused run") {
		t.Fatalf("analyze --country %s --save after --all: exit %d, stderr %q, want a reused run", cc, code, stderr)
	}
	if out != fresh {
		t.Errorf("reused result differs from a fresh analysis")
	}
	appendTo(t, filepath.Join(dir, strings.ToLower(cc), "act-01-v1.md"), "\n### Section 98. New\n\nNew text.\n")
	if code, _, stderr = runAllCLI(t, env, one...); code != 0 || !strings.Contains(stderr, "saved run") {
		t.Fatalf("after a change: exit %d, stderr %q, want a saved run", code, stderr)
	}
	if code, _, stderr = runAllCLI(t, env, one...); code != 0 || !strings.Contains(stderr, "reused run") {
		t.Fatalf("second run after the change: exit %d, stderr %q, want a reused run", code, stderr)
	}
}
