package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the test reaches the store file from outside, as another program would
)

// rawStore opens the store file with the plain driver, as another program
// (or another lacuna) would.
func rawStore(t *testing.T, p string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+p+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// TestRunsWhileSaving: "lacuna runs" succeeds while another process holds
// the store's write lock (before: "database is locked" after 10 s, exit 3).
func TestRunsWhileSaving(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, e := runAllCLI(t, nil, "--db", db, "analyze", "--country", "XEA", "--save", "-q"); code > 1 {
		t.Fatalf("analyze --save: exit %d: %s", code, e)
	}
	raw := rawStore(t, db)
	defer raw.Close()
	conn, err := raw.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(t.Context(), "DELETE FROM runs"); err != nil {
		t.Fatal(err)
	}
	code, out, e := runAllCLI(t, nil, "--db", db, "runs")
	if code != 0 || !strings.Contains(out, "XEA") {
		t.Errorf("runs during a save: exit %d, out %q: %s", code, out, e)
	}
	conn.ExecContext(t.Context(), "ROLLBACK")
}

// TestNewerStoreRefused: a store from a newer schema is refused (exit 3)
// by reads and saves alike, naming both versions, and is never written.
func TestNewerStoreRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, e := runAllCLI(t, nil, "--db", db, "analyze", "--country", "XEA", "--save", "-q"); code > 1 {
		t.Fatalf("analyze --save: exit %d: %s", code, e)
	}
	raw := rawStore(t, db)
	if _, err := raw.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before := idOf(t, db)
	for _, args := range [][]string{
		{"runs"},
		{"analyze", "--country", "XFR", "--save", "-q"},
		{"history", "--country", "XEA"},
	} {
		code, _, e := runAllCLI(t, nil, append([]string{"--db", db}, args...)...)
		if code != exitOther || !strings.Contains(e, "schema version 99") || !strings.Contains(e, "lacuna's 3") {
			t.Errorf("%v on a newer store: exit %d, want 3 naming versions 99 and 2: %s", args, code, e)
		}
	}
	if !before.same(idOf(t, db)) {
		t.Errorf("the newer store was written")
	}
}
