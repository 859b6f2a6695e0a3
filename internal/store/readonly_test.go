package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// holdWriteLock opens a second connection to the store at p and keeps a
// write transaction open (with an uncommitted row) until release is
// called, as a long save in another process does.
func holdWriteLock(t *testing.T, p string) (release func()) {
	t.Helper()
	db, err := sql.Open(driverName, dsn(p, false))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin() // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO runs (id, created, lacuna_version, mapping_version, country, as_of, options_json, overall, scores_json) VALUES ('held', '2026', 'x', 'x', 'XEA', '', '{}', 0, '{}')`); err != nil {
		t.Fatal(err)
	}
	return func() { tx.Rollback(); db.Close() }
}

// TestReadersNeverWaitForWriter: while another connection holds the
// write lock, opening an up-to-date store (read-write or read-only) and
// listing its runs succeed at once; before, every open ran the schema
// upgrade in BEGIN IMMEDIATE and failed with "database is locked" after
// the 10 s busy timeout.
func TestReadersNeverWaitForWriter(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "x.db")
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	st := fakeStatute("a")
	if err := s.SaveRun(ctx, Run{ID: "r1", Created: "2026-01-01T00:00:00Z"}, fakeResult(st), []*statute.Statute{st}, [][]byte{[]byte("src")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	release := holdWriteLock(t, p)
	defer release()

	// A deadline well inside the busy timeout: a reader that waits for
	// the lock fails here instead of after 10 s.
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	ro, err := OpenReadOnly(cctx, p)
	if err != nil {
		t.Fatalf("OpenReadOnly while a save runs: %v", err)
	}
	runs, err := ro.Runs(cctx, "")
	ro.Close()
	if err != nil || len(runs) != 1 || runs[0].ID != "r1" {
		t.Fatalf("Runs while a save runs: %v, %v (want the committed run only)", runs, err)
	}
	rw, err := Open(cctx, p)
	if err != nil {
		t.Fatalf("Open of an up-to-date store while a save runs: %v", err)
	}
	rw.Close()
}

// TestReadOnlyNeverWrites: a read-only store refuses writes, and reading
// leaves the file's bytes as they were.
func TestReadOnlyNeverWrites(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "x.db")
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(p)
	ro, err := OpenReadOnly(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.Runs(ctx, ""); err != nil {
		t.Fatal(err)
	}
	st := fakeStatute("b")
	if err := ro.SaveRun(ctx, Run{ID: "r2", Created: "2026"}, fakeResult(st), []*statute.Statute{st}, [][]byte{[]byte("s")}); err == nil {
		t.Errorf("SaveRun on a read-only store succeeded")
	}
	ro.Close()
	if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
		t.Errorf("reading changed the store file")
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(t.TempDir(), "none.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenReadOnly of a missing file: %v, want ErrNotExist", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(p), "none.db")); err == nil {
		t.Errorf("OpenReadOnly created a file")
	}
}

// TestNewerSchemaRefused: a store whose user_version is above ours is
// refused by Open and OpenReadOnly with both versions named, and its
// bytes, inode and mode stay as they were.
func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "x.db")
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	id := func() (string, uint64, os.FileMode) {
		b, _ := os.ReadFile(p)
		fi, _ := os.Stat(p)
		return string(b), fi.Sys().(*syscall.Stat_t).Ino, fi.Mode()
	}
	b0, i0, m0 := id()
	for name, open := range map[string]func(context.Context, string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		got, err := open(ctx, p)
		var ne *NewerSchemaError
		if !errors.As(err, &ne) {
			if got != nil {
				got.Close()
			}
			t.Errorf("%s of a newer store: %v, want *NewerSchemaError", name, err)
			continue
		}
		if ne.Have != 99 || ne.Max != latestVersion() || !strings.Contains(err.Error(), "99") || !strings.Contains(err.Error(), "newer than this lacuna's") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if b1, i1, m1 := id(); b1 != b0 || i1 != i0 || m1 != m0 {
		t.Errorf("the newer store was changed")
	}
	if _, err := os.Stat(p + "-wal"); err == nil {
		if fi, _ := os.Stat(p + "-wal"); fi.Size() > 0 {
			t.Errorf("a WAL with writes appeared beside the newer store")
		}
	}
}
