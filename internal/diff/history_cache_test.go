package diff

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestHistoryAnalysesUnchangedTextOnce: a version that differs from the
// one before only in its front matter's date (a legislation repository's
// commit that touched nothing the engine reads) is not analysed again, and
// the result it gets is the one a fresh analysis gives, its own version
// date, hash and path included.
func TestHistoryAnalysesUnchangedTextOnce(t *testing.T) {
	read := func(name string) []byte {
		b, err := fs.ReadFile(corpus.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	parse := func(name string, b []byte) *statute.Statute {
		st, err := statute.Parse(name, b)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	v2017 := read("xea/ctip-act-2017.md")
	same := strings.Replace(string(v2017), `version_date: "2017-03-15"`, `version_date: "2019-05-01"`, 1)
	if same == string(v2017) {
		t.Fatal("the fixture has no version_date line to change")
	}
	c := statute.NewCorpus(
		parse("xea/ctip@2012.md", read("xea/ctip-act-2012.md")),
		parse("xea/ctip@2017.md", v2017),
		parse("xea/ctip@2019.md", []byte(same)),
		parse("xea/ctip@2023.md", read("xea/ctip-act-2023.md")),
	)
	e := engine(t)
	opts := score.Options{Country: "XEA", LacunaVersion: "test"}
	rs, n, err := HistoryCounted(e, c, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 4 || n != 3 {
		t.Fatalf("%d points from %d analyses, want 4 points from 3", len(rs), n)
	}
	for i, r := range rs {
		fresh, err := e.Analyze(c.AsOf(r.AsOf), opts)
		if err != nil {
			t.Fatal(err)
		}
		fresh.AsOf = r.AsOf
		got, _ := json.Marshal(r)
		want, _ := json.Marshal(fresh)
		if string(got) != string(want) {
			t.Errorf("point %d (%s) differs from a fresh analysis", i, r.AsOf)
		}
	}
	if p := rs[2].Statutes[0].Path; p != "xea/ctip@2019.md" {
		t.Errorf("the reused point names %s", p)
	}
	// The reused result is a copy: the first one still names its version.
	if p := rs[1].Statutes[0].Path; p != "xea/ctip@2017.md" {
		t.Errorf("the first point now names %s", p)
	}
	// With a reviewer's decision, whose staleness depends on the versions
	// it was made on, every version is analysed.
	opts.Overrides = []score.Override{{Requirement: "crim.trafficking-offence", Verdict: score.Met, Rationale: "r", Reviewer: "x", Date: "2020-01-01"}}
	if _, n, err := HistoryCounted(e, c, opts); err != nil || n != 4 {
		t.Errorf("with overrides: %d analyses, %v; want 4", n, err)
	}
}
