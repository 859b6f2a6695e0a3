package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/lacuna-project/lacuna/internal/testutil"
	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update", false, "rewrite testscript archives' expected output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"lacuna": func() {
			os.Exit(run(context.Background(), os.Args[1:], os.Environ(), defaultIO()))
		},
	})
}

// realdataDir returns ../shared/realdata relative to the repository root, or
// LACUNA_REALDATA when set; "" when absent.
func realdataDir() string {
	d, err := testutil.RealDataDir()
	if err != nil {
		return ""
	}
	return d
}

func TestScripts(t *testing.T) {
	repo, _ := filepath.Abs("../..")
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join(repo, "testdata", "script"),
		UpdateScripts: *updateScripts || os.Getenv("UPDATE_GOLDEN") != "",
		// [realdata] holds when ../shared/realdata (or $LACUNA_REALDATA) is present.
		Condition: func(cond string) (bool, error) {
			if cond == "realdata" {
				return realdataDir() != "", nil
			}
			return false, fmt.Errorf("unknown condition %q, expected realdata", cond)
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("REALDATA", realdataDir())
			env.Setenv("REPO", repo)
			env.Setenv("LACUNA_NOW", "2026-01-15T12:00:00Z")
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, ".data"))
			return nil
		},
	})
}
