package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"strings"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
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
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"gitcommit": gitCommitCmd},
		Setup: func(env *testscript.Env) error {
			env.Setenv("REALDATA", realdataDir())
			env.Setenv("REPO", repo)
			// LACUNABIN is the directory of the lacuna command alone, for
			// scripts that run with PATH=$LACUNABIN (no other program).
			for _, d := range filepath.SplitList(env.Getenv("PATH")) {
				if _, err := os.Stat(filepath.Join(d, "lacuna")); err == nil {
					env.Setenv("LACUNABIN", d)
					break
				}
			}
			env.Setenv("LACUNA_NOW", "2026-01-15T12:00:00Z")
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, ".data"))
			return nil
		},
	})
}

// gitCommitCmd is the script command "gitcommit DIR DATE MESSAGE
// PATH=FILE...": it makes DIR a git repository if it is none, copies each
// FILE of the script's directory to PATH inside it and commits them with
// author date DATE (noon UTC), with go-git, so that scripts build
// legislation repositories where no git program is installed.
func gitCommitCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 4 {
		ts.Fatalf("usage: gitcommit DIR DATE MESSAGE PATH=FILE...")
	}
	dir := ts.MkAbs(args[0])
	r, err := git.PlainOpen(dir)
	if err != nil {
		r, err = git.PlainInitWithOptions(dir, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")}})
	}
	ts.Check(err)
	wt, err := r.Worktree()
	ts.Check(err)
	for _, a := range args[3:] {
		p, file, ok := strings.Cut(a, "=")
		if !ok {
			ts.Fatalf("gitcommit: %q is not PATH=FILE", a)
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		ts.Check(os.MkdirAll(filepath.Dir(dst), 0o755))
		ts.Check(os.WriteFile(dst, []byte(ts.ReadFile(file)), 0o644))
		_, err := wt.Add(p)
		ts.Check(err)
	}
	when, err := time.Parse("2006-01-02 15:04", args[1]+" 12:00")
	ts.Check(err)
	_, err = wt.Commit(args[2], &git.CommitOptions{
		Author:    &object.Signature{Name: "T", Email: "t@example.org", When: when},
		Committer: &object.Signature{Name: "T", Email: "t@example.org", When: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)},
	})
	ts.Check(err)
}
