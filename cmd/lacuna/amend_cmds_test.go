package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// parseWith runs args through the root command with one subcommand
// replaced by its runF-seamed constructor, and returns the error.
func parseWith(t *testing.T, name string, mk func(f *Factory) *cobra.Command, args ...string) error {
	t.Helper()
	io, _, _ := testIO()
	f := &Factory{IO: io, Global: &globalOptions{}, Now: func() time.Time { return time.Unix(0, 0).UTC() }}
	root := newRootCmd(f)
	for _, c := range root.Commands() {
		if c.Name() == name {
			root.RemoveCommand(c)
		}
	}
	root.AddCommand(mk(f))
	root.SetArgs(args)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	return root.ExecuteContext(context.Background())
}

func TestAmendmentFlagsToOptions(t *testing.T) {
	var diffGot *diffOptions
	var searchGot *searchOptions
	var cmpGot *compareOptions
	var histGot *historyOptions
	var runsGot *runsOptions
	mkDiff := func(f *Factory) *cobra.Command {
		return newCmdDiffWith(f, func(o *diffOptions) error { diffGot = o; return nil })
	}
	mkSearch := func(f *Factory) *cobra.Command {
		return newCmdSearchWith(f, func(o *searchOptions) error { searchGot = o; return nil })
	}
	mkCompare := func(f *Factory) *cobra.Command {
		return newCmdCompareWith(f, func(o *compareOptions) error { cmpGot = o; return nil })
	}
	mkHistory := func(f *Factory) *cobra.Command {
		return newCmdHistoryWith(f, func(o *historyOptions) error { histGot = o; return nil })
	}
	mkRuns := func(f *Factory) *cobra.Command {
		return newCmdRunsWith(f, func(o *runsOptions) error { runsGot = o; return nil })
	}
	tests := []struct {
		name    string
		cmd     string
		mk      func(*Factory) *cobra.Command
		args    []string
		wantErr string
		check   func(t *testing.T)
	}{
		{"diff files", "diff", mkDiff, []string{"diff", "a.md", "b.md", "--format", "md", "--fail-on-regression"}, "", func(t *testing.T) {
			if diffGot.Format != "markdown" || !diffGot.FailOnRegression || len(diffGot.Files) != 2 || diffGot.Context != 8 {
				t.Errorf("options = %+v", diffGot)
			}
		}},
		{"diff corpus", "diff", mkDiff, []string{"diff", "--country", "xfr", "--statute", "xfr/code-penal", "--from", "2011", "--to", "2013-08-07"}, "", func(t *testing.T) {
			if diffGot.Country != "XFR" || diffGot.From != "2011" || diffGot.To != "2013-08-07" || diffGot.Format != "text" {
				t.Errorf("options = %+v", diffGot)
			}
		}},
		{"diff bad similarity", "diff", mkDiff, []string{"diff", "a", "b", "--min-similarity", "2"}, "--min-similarity 2, expected a number between 0 and 1", nil},
		{"search", "search", mkSearch, []string{"search", "forced", "labour", "--role", "offence", "--lang", "FR", "--limit", "5"}, "", func(t *testing.T) {
			if searchGot.Query != "forced labour" || searchGot.Role != "offence" || searchGot.Lang != "fr" || searchGot.Limit != 5 {
				t.Errorf("options = %+v", searchGot)
			}
		}},
		{"search as-of and all", "search", mkSearch, []string{"search", "x1", "--as-of", "2020-01-01", "--all-versions"}, "--as-of and --all-versions exclude each other", nil},
		{"compare", "compare", mkCompare, []string{"compare", "xea", "xfr", "--format", "markdown", "--top", "0"}, "", func(t *testing.T) {
			if strings.Join(cmpGot.Countries, ",") != "XEA,XFR" || cmpGot.Format != "md" || cmpGot.Top != 0 {
				t.Errorf("options = %+v", cmpGot)
			}
		}},
		{"history", "history", mkHistory, []string{"history", "--country", "xea", "--format", "csv"}, "", func(t *testing.T) {
			if histGot.Country != "XEA" || histGot.Format != "csv" {
				t.Errorf("options = %+v", histGot)
			}
		}},
		{"runs", "runs", mkRuns, []string{"runs", "--country", "xea"}, "", func(t *testing.T) {
			if runsGot.Country != "XEA" || runsGot.Format != "text" {
				t.Errorf("options = %+v", runsGot)
			}
		}},
		{"runs extra arg", "runs", mkRuns, []string{"runs", "extra"}, "unknown command", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := parseWith(t, tc.cmd, tc.mk, tc.args...)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t)
		})
	}
}

// TestDiffRunColour: colour on a terminal, markers off it and with --no-color.
func TestDiffRunColour(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"old.md": "---\nid: xzz/act\ncountry: XEA\ntitle: \"Act\"\nversion_date: \"2010-01-01\"\n---\n\n# Act\n\n### 3. Offence\n\nA person who recruits another for exploitation is liable to imprisonment for seven years.\n",
		"new.md": "---\nid: xzz/act\ncountry: XEA\ntitle: \"Act\"\nversion_date: \"2012-01-01\"\n---\n\n# Act\n\n### 3. Offence\n\nA person who recruits another for exploitation is liable to imprisonment for ten years.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name         string
		tty, noColor bool
		want         string
	}{
		{"tty", true, false, "\x1b[31mseven\x1b[0m\x1b[32mten\x1b[0m"},
		{"pipe", false, false, "[-seven-]{+ten+}"},
		{"tty no-color", true, true, "[-seven-]{+ten+}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			io, out, _ := testIO()
			io.IsTTY = tc.tty
			f := &Factory{IO: io, Global: &globalOptions{}, Now: func() time.Time { return time.Unix(0, 0).UTC() }}
			opts := &diffOptions{IO: io, Factory: f, Files: []string{filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")},
				Format: "text", NoColor: tc.noColor, Context: 8, MinSimilarity: 0.5}
			if err := diffRun(context.Background(), opts); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, out.String())
			}
		})
	}
}
