package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/reason"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/mapping"
)

// TestBuildRendersReasons: with a catalogue, every gap sheet's
// explanation, review reasons and nearest notes are rendered from the
// findings' reason codes in its language; without one they are the
// result's English texts; a catalogue lacking a code fails the build.
func TestBuildRendersReasons(t *testing.T) {
	m, err := standard.Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	c, err := statute.Load(corpus.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	res, err := score.Analyze(c, m, score.Options{Country: "XEA", LacunaVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	en, err := reason.English()
	if err != nil {
		t.Fatal(err)
	}
	catalogue := func(drop string) *reason.Catalogue {
		var b strings.Builder
		for _, code := range en.Codes() {
			if code == drop {
				continue
			}
			fmt.Fprintf(&b, "%s: \"xx:%s", code, code)
			args, _ := en.Args(code)
			for _, a := range args {
				fmt.Fprintf(&b, " {%s}", a)
			}
			b.WriteString("\"\n")
		}
		xx, err := reason.Parse("xx.yaml", "xx", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		return xx
	}
	plain, err := Build(Input{Result: res, Map: m, Date: "2026-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	xx, err := Build(Input{Result: res, Map: m, Date: "2026-01-01", Reasons: catalogue("")})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Gaps) == 0 || len(plain.Gaps) != len(xx.Gaps) {
		t.Fatalf("%d and %d gap sheets", len(plain.Gaps), len(xx.Gaps))
	}
	notes := 0
	for i, g := range xx.Gaps {
		f := res.Finding(g.ID)
		if p := plain.Gaps[i]; p.Explanation != f.Explanation {
			t.Errorf("%s: without a catalogue the explanation is %q, want the result's %q", g.ID, p.Explanation, f.Explanation)
		}
		if want := "xx:" + f.Reason.Code; !strings.HasPrefix(g.Explanation, want) {
			t.Errorf("%s: explanation %q, want it rendered as %q…", g.ID, g.Explanation, want)
		}
		for _, s := range g.ReviewNeeded {
			if !strings.HasPrefix(s, "xx:") {
				t.Errorf("%s: review reason %q not rendered", g.ID, s)
			}
		}
		for _, n := range g.Nearest {
			for _, s := range n.Notes {
				notes++
				if !strings.HasPrefix(s, "xx:") {
					t.Errorf("%s: nearest note %q not rendered", g.ID, s)
				}
			}
		}
		if g.NearestNone != "" && !strings.HasPrefix(g.NearestNone, "xx:") {
			t.Errorf("%s: nearest none %q not rendered", g.ID, g.NearestNone)
		}
	}
	if notes == 0 {
		t.Error("no gap sheet of XEA has a nearest note")
	}
	drop := xx.Gaps[0]
	code := res.Finding(drop.ID).Reason.Code
	if _, err := Build(Input{Result: res, Map: m, Date: "2026-01-01", Reasons: catalogue(code)}); err == nil || !strings.Contains(err.Error(), code) {
		t.Errorf("catalogue without %q: err %v", code, err)
	}
}
