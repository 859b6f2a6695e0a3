package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unwritableDir returns a directory path that cannot be created, even by
// root (under /sys); the test is skipped where there is none.
func unwritableDir(t *testing.T) string {
	t.Helper()
	p := "/sys/lacuna-trust-test"
	if err := os.Mkdir(p, 0o755); err == nil {
		os.Remove(p)
		t.Skip("/sys is writable here")
	} else if _, serr := os.Stat("/sys"); serr != nil {
		t.Skip("no /sys")
	}
	return p
}

// TestReadCommandsWithoutWritableDataDir: brief, compare, search, runs and
// history work when the data directory cannot be written; only saving
// needs the store, and its error names the permission problem.
func TestReadCommandsWithoutWritableDataDir(t *testing.T) {
	data := unwritableDir(t)
	tmp := t.TempDir()
	env := []string{"XDG_DATA_HOME=" + data, "HOME=" + data}
	out := filepath.Join(tmp, "b.md")
	for _, args := range [][]string{
		{"brief", "--country", "XEA", "--format", "md", "-o", out, "-q"},
		{"compare", "XEA", "XFR"},
		{"search", "trafficking", "--limit", "3"},
		{"runs"},
		{"history", "--country", "XEA"},
	} {
		code, stdout, e := runAllCLI(t, env, args...)
		if code != 0 {
			t.Errorf("%v without a writable data directory: exit %d: %s", args, code, e)
			continue
		}
		if args[0] == "search" && !strings.Contains(strings.ToLower(stdout), "trafficking") {
			t.Errorf("search found nothing: %q", stdout)
		}
	}
	if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), "XEA") && !strings.Contains(string(b), "Eastmere") {
		t.Errorf("brief wrote no pack: %v", err)
	}
	// --save needs the store: the error says why.
	for _, db := range []string{filepath.Join(data, "x.db"), "/sys/lacuna-trust-test.db"} {
		code, _, e := runAllCLI(t, nil, "--db", db, "analyze", "--country", "XEA", "--save", "-q")
		if code != exitOther || !strings.Contains(e, db) || !strings.Contains(e, "permission denied") && !strings.Contains(e, "not permitted") || strings.Contains(e, "no such file") {
			t.Errorf("--save into an unwritable directory: exit %d: %s", code, e)
		}
	}
}

// TestFailedBriefNotRecorded: a brief whose output cannot be written
// exits 3 and records no run.
func TestFailedBriefNotRecorded(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "x.db")
	code, _, e := runAllCLI(t, nil, "--db", db, "brief", "--country", "XEA", "--format", "md", "-o", filepath.Join(tmp, "missing", "b.md"))
	if code != exitOther {
		t.Fatalf("brief into a missing directory: exit %d: %s", code, e)
	}
	code, out, e := runAllCLI(t, nil, "--db", db, "runs", "--format", "json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("runs after a failed brief: exit %d, %.200q: %s", code, out, e)
	}
	// the same brief written is recorded
	if code, _, e := runAllCLI(t, nil, "--db", db, "brief", "--country", "XEA", "--format", "md", "-o", filepath.Join(tmp, "b.md"), "-q"); code != 0 {
		t.Fatalf("brief: exit %d: %s", code, e)
	}
	if _, out, _ := runAllCLI(t, nil, "--db", db, "runs", "--format", "json"); !strings.Contains(out, `"XEA"`) {
		t.Errorf("a written brief was not recorded: %s", out)
	}
}
