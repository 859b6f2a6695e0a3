package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// IndexEntry is one statute version to index for search: the parsed
// statute, its source bytes (stored with it when the version is new) and
// the role bits of each provision of st.All, in order.
type IndexEntry struct {
	Statute *statute.Statute
	Source  []byte
	Roles   []uint8
	// folded heading and text of each provision (Prepare)
	folded []string
}

// Prepare folds the headings and texts of the entry for the full-text
// index; IndexVersions does it when the caller has not (callers call it
// in parallel, off the one writing goroutine).
func (e *IndexEntry) Prepare() {
	if e.folded != nil {
		return
	}
	e.folded = make([]string, 0, 2*len(e.Statute.All))
	for _, p := range e.Statute.All {
		e.folded = append(e.folded, foldText(p.Heading), foldText(p.Text))
	}
}

// IndexVersions indexes statute versions for search under key (which
// names the engine, lexicon and map that computed the roles), in one
// transaction: the version is stored when new (with its source, stamped
// added), its provisions are replaced by those of the parse given (so rows
// stored by an older parser never outlive it) with their roles, and its
// folded heading and text go into the full-text index. Callers keep
// batches short, so that another writer never waits long.
func (s *Store) IndexVersions(ctx context.Context, entries []IndexEntry, key, added string) error {
	if len(entries) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("index statutes: %w", err)
	}
	defer tx.Rollback()
	// A bulk index checkpoints the log less often (each checkpoint syncs
	// the database file) and keeps more pages in memory (rows go into
	// indexes at random places); this connection only, and the cache
	// grows only as pages are touched.
	for _, pragma := range []string{"PRAGMA wal_autocheckpoint = 8192", "PRAGMA cache_size = -65536"} {
		if _, err := tx.ExecContext(ctx, pragma); err != nil {
			return fmt.Errorf("index statutes: %w", err)
		}
	}
	for i := range entries {
		entries[i].Prepare()
		if err := indexTx(ctx, tx, entries[i], key, added); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("index statutes: %w", err)
	}
	return nil
}

func indexTx(ctx context.Context, tx *sql.Tx, e IndexEntry, key, added string) error {
	st := e.Statute
	wrap := func(err error) error { return fmt.Errorf("index statute %s: %w", st.Meta.ID, err) }
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM statute_versions WHERE sha256 = ?", st.SHA256).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := insertVersion(ctx, tx, st, e.Source, added); err != nil {
			return err
		}
	case err != nil:
		return wrap(err)
	default:
		// stored before (by a save, or an older index): its rows give way
		// to this parse's
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_fts WHERE docid IN (SELECT rowid FROM provisions WHERE sha256 = ?)`, st.SHA256); err != nil {
			return wrap(err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_versions WHERE sha256 = ?`, st.SHA256); err != nil {
			return wrap(err) // its search_rows go with it
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM provisions WHERE sha256 = ?`, st.SHA256); err != nil {
			return wrap(err)
		}
	}
	var ver int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO search_versions (sha256, index_key, provisions) VALUES (?, ?, ?) RETURNING id`,
		st.SHA256, key, len(st.All)).Scan(&ver); err != nil {
		return wrap(err)
	}
	// Provisions get explicit rowids (the write transaction holds the
	// lock, so max(rowid) cannot move), which the full-text and search
	// rows reuse as docids: all go in with multi-row INSERTs.
	var base int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(rowid), 0) FROM provisions").Scan(&base); err != nil {
		return wrap(err)
	}
	if err := insertProvisions(ctx, tx, st, base+1); err != nil {
		return err
	}
	const chunk = 100
	for i := 0; i < len(st.All); i += chunk {
		n := min(chunk, len(st.All)-i)
		args := make([]any, 0, 3*n)
		rows := make([]any, 0, 3*n)
		for j := i; j < i+n; j++ {
			var r uint8
			if j < len(e.Roles) {
				r = e.Roles[j]
			}
			args = append(args, base+1+int64(j), e.folded[2*j], e.folded[2*j+1])
			rows = append(rows, base+1+int64(j), ver, int64(r))
		}
		q := "INSERT INTO search_fts (docid, heading, text) VALUES (?, ?, ?)" + strings.Repeat(", (?, ?, ?)", n-1)
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return wrap(err)
		}
		q = "INSERT INTO search_rows (docid, ver, roles) VALUES (?, ?, ?)" + strings.Repeat(", (?, ?, ?)", n-1)
		if _, err := tx.ExecContext(ctx, q, rows...); err != nil {
			return wrap(err)
		}
	}
	return nil
}

// IndexedUnder returns, for each hash of shas indexed for search, the
// number of provisions indexed, keeping only versions indexed under key.
func (s *Store) IndexedUnder(ctx context.Context, shas []string, key string) (map[string]int, error) {
	out := map[string]int{}
	const chunk = 500
	for i := 0; i < len(shas); i += chunk {
		part := shas[i:min(i+chunk, len(shas))]
		args := make([]any, 0, len(part)+1)
		args = append(args, key)
		for _, sha := range part {
			args = append(args, sha)
		}
		q := "SELECT sha256, provisions FROM search_versions WHERE index_key = ? AND sha256 IN (?" + strings.Repeat(",?", len(part)-1) + ")"
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("look up search index: %w", err)
		}
		for rows.Next() {
			var sha string
			var n int
			if err := rows.Scan(&sha, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("look up search index: %w", err)
			}
			out[sha] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("look up search index: %w", err)
		}
	}
	return out, nil
}
