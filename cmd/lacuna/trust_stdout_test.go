package main

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullWriter fails every write as /dev/full does.
type fullWriter struct{}

func (fullWriter) Write(p []byte) (int, error) { return 0, syscall.ENOSPC }

// TestStdoutWriteErrors: output lost to a full disk is a failure (exit
// 3), for every command, including those that print with Fprintf.
func TestStdoutWriteErrors(t *testing.T) {
	for _, args := range [][]string{
		{"version"},
		{"mapping", "list"},
		{"mapping", "show", "def.acts"},
		{"corpus", "list"},
		{"eval", "../../testdata/gold/demo.yaml"},
	} {
		_, _, errOut := testIO()
		ios := &IOStreams{In: strings.NewReader(""), Out: fullWriter{}, ErrOut: errOut}
		code := run(context.Background(), args, nil, ios)
		if code != exitOther || !strings.Contains(errOut.String(), "no space left on device") {
			t.Errorf("%v > /dev/full: exit %d, want 3: %s", args, code, errOut)
		}
	}
	// the real device, through a child process
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	defer full.Close()
	spec := filepath.Join(t.TempDir(), "args.json")
	os.WriteFile(spec, []byte(`["version"]`), 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileHelperProcess$")
	cmd.Env = append(os.Environ(), "LACUNA_HOSTILE_ARGS="+spec)
	cmd.Stdout = full
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitOther {
		t.Errorf("lacuna version > /dev/full: %v, want exit 3", err)
	}
}

// TestCSVFormulaInjection: a cell that a spreadsheet would run as a
// formula is written with a leading apostrophe; numbers stay numbers.
func TestCSVFormulaInjection(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "xea"), 0o755)
	src, err := os.ReadFile("../../corpus/xea/employment-recruitment-act.md")
	if err != nil {
		t.Fatal(err)
	}
	evil := strings.Replace(string(src), "short_title: ", "short_title_was: ", 1)
	evil = strings.Replace(evil, "\ntitle: ", "\ntitle: \"=HYPERLINK(\\\"http://x.invalid\\\",\\\"Act\\\")\"\ntitle_was: ", 1)
	os.WriteFile(filepath.Join(dir, "xea", "act.md"), []byte(evil), 0o644)
	code, out, e := runAllCLI(t, nil, "--corpus", dir, "corpus", "list", "--format", "csv")
	if code != 0 {
		t.Fatalf("corpus list: exit %d: %s", code, e)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("CSV: %v\n%s", err, out)
	}
	found := false
	for _, r := range recs[1:] {
		for _, cell := range r {
			if strings.Contains(cell, "HYPERLINK") {
				found = true
				if cell != `'=HYPERLINK("http://x.invalid","Act")` {
					t.Errorf("formula cell written as %q", cell)
				}
			}
		}
	}
	if !found {
		t.Fatalf("the title is not in the CSV:\n%s", out)
	}
	for in, want := range map[string]string{"-1.5": "-1.5", "+3": "+3", "-x": "'-x", "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "plain": "plain"} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
