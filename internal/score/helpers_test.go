package score

import (
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

// embeddedEngine compiles the embedded map, failing tb on any error.
func embeddedEngine(tb testing.TB) *Engine {
	tb.Helper()
	m, err := standard.Load(mapping.FS)
	if err != nil {
		tb.Fatal(err)
	}
	e, err := Compile(m)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}
