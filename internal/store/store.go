package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrations embed.FS

// driverName is mattn's driver, under our own name: every connection it
// opens has the ranking function lacuna_bm25 (see bm25.go).
const driverName = "sqlite3_lacuna"

var (
	registerOnce sync.Once
	registerErr  error
)

func register() error {
	registerOnce.Do(func() {
		registerErr = registerBM25()
		sql.Register(driverName, &sqlite3.SQLiteDriver{})
	})
	return registerErr
}

// Store is an open Lacuna database.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	onClose  []func()
}

// ErrNotFound is returned when a run or statute version is not stored.
var ErrNotFound = errors.New("not found")

// NewerSchemaError is a store written by a newer Lacuna: its schema
// version is above the newest this build knows. Such a store is never
// written to.
type NewerSchemaError struct {
	Path      string
	Have, Max int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("store %s has schema version %d, newer than this lacuna's %d: it was written by a newer lacuna; use that version (the store was not changed)", e.Path, e.Have, e.Max)
}

// dsn is the connection string for dbPath. Every connection uses WAL, so
// readers never wait for a writer; read-only connections open the file
// with mode=ro and take no write lock at BEGIN.
func dsn(dbPath string, readOnly bool) string {
	q := url.Values{}
	q.Set("_foreign_keys", "1")
	q.Set("_busy_timeout", "10000")
	if readOnly {
		q.Set("mode", "ro")
		q.Set("_txlock", "deferred")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
	}
	// the path is escaped: "?" or "#" in a file name is part of the name
	return "file:" + (&url.URL{Path: dbPath}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path for reading and
// writing. The schema is upgraded only when its version is below ours (in
// one write transaction per migration); a store from a newer schema is
// refused with a *NewerSchemaError before anything is written. The caller
// creates the parent directory.
func Open(ctx context.Context, dbPath string) (*Store, error) {
	// A new database that several processes open at once (three "analyze
	// --save" runs): switching it to WAL or creating its schema can meet
	// another connection's lock where SQLite returns "database is locked"
	// at once instead of waiting; the open is tried again, a little later
	// each time, for about ten seconds.
	for attempt := 0; ; attempt++ {
		s, err := openOnce(ctx, dbPath)
		if err == nil || !busy(err) || attempt >= openRetries {
			return s, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(time.Duration(min(attempt+1, 10)) * 25 * time.Millisecond):
		}
	}
}

// openRetries bounds the retries of Open on a busy database (with the
// growing pause, about ten seconds in all).
const openRetries = 50

// busy reports whether err is SQLite's "database is busy/locked".
func busy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

func openOnce(ctx context.Context, dbPath string) (*Store, error) {
	if err := register(); err != nil {
		return nil, fmt.Errorf("open store %s: %w", dbPath, err)
	}
	// An existing file's version is read first through a read-only
	// connection: a newer store is never opened for writing.
	if have, err := peekVersion(ctx, dbPath); err != nil {
		return nil, err
	} else if max := latestVersion(); have > max {
		return nil, &NewerSchemaError{Path: dbPath, Have: have, Max: max}
	}
	db, err := sql.Open(driverName, dsn(dbPath, false))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dbPath, err)
	}
	s := &Store{db: db, path: dbPath}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		var ne *NewerSchemaError
		if errors.As(err, &ne) {
			return nil, err
		}
		return nil, fmt.Errorf("open store %s: %w", dbPath, err)
	}
	return s, nil
}

// OpenReadOnly opens an existing store for reading only: nothing is ever
// written and no write lock is taken, so it never waits for a writer. A
// store whose schema is older than ours is upgraded first (through Open,
// once); a newer one is refused (*NewerSchemaError). A missing file is an
// error wrapping fs.ErrNotExist.
func OpenReadOnly(ctx context.Context, dbPath string) (*Store, error) {
	if err := register(); err != nil {
		return nil, fmt.Errorf("open store %s: %w", dbPath, err)
	}
	if _, err := os.Stat(dbPath); err != nil {
		return nil, fmt.Errorf("open store %s: %w", dbPath, err)
	}
	have, err := peekVersion(ctx, dbPath)
	if err != nil {
		return nil, err
	}
	switch max := latestVersion(); {
	case have > max:
		return nil, &NewerSchemaError{Path: dbPath, Have: have, Max: max}
	case have < max:
		s, err := Open(ctx, dbPath)
		if err != nil {
			return nil, err
		}
		s.Close()
	}
	db, err := sql.Open(driverName, dsn(dbPath, true))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dbPath, err)
	}
	return &Store{db: db, path: dbPath, readOnly: true}, nil
}

// peekVersion reads PRAGMA user_version of an existing file through a
// read-only connection; 0 when there is no file yet.
func peekVersion(ctx context.Context, dbPath string) (int, error) {
	if _, err := os.Stat(dbPath); errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	db, err := sql.Open(driverName, dsn(dbPath, true))
	if err != nil {
		return 0, fmt.Errorf("open store %s: %w", dbPath, err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("open store %s: %w", dbPath, err)
	}
	return v, nil
}

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the database, then runs the OnClose functions.
func (s *Store) Close() error {
	err := s.db.Close()
	for _, fn := range s.onClose {
		fn()
	}
	s.onClose = nil
	return err
}

// OnClose registers fn to run after the store is closed (e.g. removing a
// temporary directory).
func (s *Store) OnClose(fn func()) { s.onClose = append(s.onClose, fn) }

// Path returns the database file path.
func (s *Store) Path() string { return s.path }

// migrate applies every embedded migration numbered above PRAGMA
// user_version, each in one transaction with the version bump.
func (s *Store) migrate(ctx context.Context) error {
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return err
	}
	type mig struct {
		n    int
		name string
	}
	var ms []mig
	for _, e := range entries {
		n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		ms = append(ms, mig{n, e.Name()})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].n < ms[j].n })
	// Up to date: no transaction at all (a write transaction here would
	// make every open wait for a running save).
	var cur int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
		return err
	}
	if max := ms[len(ms)-1].n; cur > max {
		return &NewerSchemaError{Path: s.path, Have: cur, Max: max}
	} else if cur == max {
		return nil
	}
	for _, m := range ms {
		if err := s.applyMigration(ctx, m.n, m.name); err != nil {
			return err
		}
	}
	return nil
}

// latestVersion is the number of the newest embedded migration.
func latestVersion() int {
	entries, _ := fs.ReadDir(migrations, "migrations")
	max := 0
	for _, e := range entries {
		if n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0]); err == nil && n > max {
			max = n
		}
	}
	return max
}

func (s *Store) applyMigration(ctx context.Context, n int, name string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	defer tx.Rollback()
	var cur int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if cur >= n {
		return nil
	}
	if max := latestVersion(); cur > max {
		return &NewerSchemaError{Path: s.path, Have: cur, Max: max}
	}
	body, err := fs.ReadFile(migrations, path.Join("migrations", name))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	return tx.Commit()
}

// SchemaVersion returns PRAGMA user_version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// Check runs PRAGMA integrity_check and foreign_key_check and returns an
// error describing the first problem found.
func (s *Store) Check(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	rows, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}
	defer rows.Close()
	if rows.Next() {
		return errors.New("foreign key check: dangling reference")
	}
	return rows.Err()
}
