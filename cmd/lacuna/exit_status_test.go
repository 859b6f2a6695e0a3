package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestEveryCommandDocumentsExitStatus runs "lacuna <command> --help" for
// every command and subcommand and checks that the help has an EXIT STATUS
// section naming the four codes.
func TestEveryCommandDocumentsExitStatus(t *testing.T) {
	ios, _, _ := testIO()
	root := newRootCmd(&Factory{IO: ios, Global: &globalOptions{}})
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			if sub.Name() == "help" || sub.Name() == "completion" || sub.Hidden {
				continue
			}
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk(root, nil)
	if len(paths) < 12 {
		t.Fatalf("found only %d commands", len(paths))
	}
	for _, p := range paths {
		name := strings.Join(append([]string{"lacuna"}, p...), " ")
		code, out, errOut := runAllCLI(t, nil, append(append([]string(nil), p...), "--help")...)
		if code != exitOK {
			t.Errorf("%s --help: exit %d: %s", name, code, errOut)
			continue
		}
		if !strings.Contains(out, "EXIT STATUS") {
			t.Errorf("%s --help has no EXIT STATUS section", name)
			continue
		}
		sec := out[strings.Index(out, "EXIT STATUS"):]
		for _, c := range []string{"0 ", "1 ", "2 ", "3 "} {
			if !strings.Contains(sec, "\n  "+c) {
				t.Errorf("%s --help: EXIT STATUS does not list code %s", name, strings.TrimSpace(c))
			}
		}
	}
}

// TestExitCodes checks representative invocations of each exit code.
func TestExitCodes(t *testing.T) {
	tmp := t.TempDir()
	corrupt := filepath.Join(tmp, "corrupt.db")
	if err := os.WriteFile(corrupt, []byte(strings.Repeat("not a database\n", 400)), 0o644); err != nil {
		t.Fatal(err)
	}
	badCorpus := filepath.Join(tmp, "bad")
	if err := os.MkdirAll(filepath.Join(badCorpus, "xzz"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(badCorpus, "xzz", "act.md"), []byte("no front matter\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_DATA_HOME=" + filepath.Join(tmp, "data"), "LACUNA_NOW=2026-01-01T00:00:00Z"}
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"version", []string{"version"}, 0},
		{"analyze ok", []string{"analyze", "--country", "XEA"}, 0},
		{"analyze --all", []string{"analyze", "--all"}, 0},
		{"analyze --fail-on gap finds gaps", []string{"analyze", "--country", "XEA", "--fail-on", "gap"}, 1},
		{"analyze --all --fail-on gap", []string{"analyze", "--all", "--fail-on", "gap"}, 1},
		{"unknown flag", []string{"analyze", "--bogus"}, 2},
		{"unknown command", []string{"frobnicate"}, 2},
		{"analyze without a country", []string{"analyze"}, 2},
		{"analyze --all with --country", []string{"analyze", "--all", "--country", "XEA"}, 2},
		{"--out-dir without --all", []string{"analyze", "--country", "XEA", "--out-dir", tmp}, 2},
		{"--all --format csv without --out-dir", []string{"--format", "csv", "analyze", "--all"}, 2},
		{"bad --fail-on", []string{"analyze", "--country", "XEA", "--fail-on", "awful"}, 2},
		{"unknown country", []string{"analyze", "--country", "XQQ"}, 2},
		{"bad statute file", []string{"--corpus", badCorpus, "analyze", "--country", "XZZ"}, 2},
		{"bad statute file, --all", []string{"--corpus", badCorpus, "analyze", "--all"}, 2},
		{"corpus validate of a bad corpus", []string{"--corpus", badCorpus, "corpus", "validate"}, 2},
		{"brief --all without --out-dir", []string{"brief", "--all"}, 2},
		{"unwritable -o path", []string{"--format", "md", "brief", "--country", "XEA", "-o", filepath.Join(tmp, "no", "such", "dir", "x.md")}, 3},
		{"corrupt --db file, runs", []string{"--db", corrupt, "runs"}, 3},
		{"corrupt --db file, analyze --save", []string{"--db", corrupt, "analyze", "--country", "XEA", "--save"}, 3},
		{"corrupt --db file, analyze --all --save", []string{"--db", corrupt, "analyze", "--all", "--save"}, 3},
	}
	for _, c := range cases {
		code, _, errOut := runAllCLI(t, env, c.args...)
		if code != c.want {
			t.Errorf("%s: lacuna %s: exit %d, want %d (stderr %q)", c.name, strings.Join(c.args, " "), code, c.want, errOut)
		}
		if code >= 2 && strings.TrimSpace(errOut) == "" {
			t.Errorf("%s: exit %d with no message", c.name, code)
		}
	}
}
