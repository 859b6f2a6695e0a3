package score

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestEngineConcurrent compiles the map once and analyses every demo
// country at the same time on one Engine: the results equal those of one
// country after another (the compiled phrase sets and matchers are shared
// read-only; each analysis memoises into its own index). Run with -race.
func TestEngineConcurrent(t *testing.T) {
	c, err := statute.Load(corpus.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	e := embeddedEngine(t)
	countries := map[string]bool{}
	for _, st := range c.Statutes {
		countries[st.Meta.Country] = true
	}
	var list []string
	for k := range countries {
		list = append(list, k)
	}
	run := func(country string) string {
		r, err := e.Analyze(Select(c, country, ""), Options{Country: country})
		if err != nil {
			t.Error(err)
			return ""
		}
		b, _ := json.Marshal(r)
		return string(b)
	}
	want := map[string]string{}
	for _, k := range list {
		want[k] = run(k)
	}
	got := make([]string, len(list))
	var wg sync.WaitGroup
	for i, k := range list {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = run(k)
		}()
	}
	wg.Wait()
	if len(list) < 2 {
		t.Fatalf("demo corpus has %d countries, want several", len(list))
	}
	for i, k := range list {
		if got[i] != want[k] {
			t.Errorf("%s: concurrent analysis differs from the sequential one", k)
		}
	}
}
