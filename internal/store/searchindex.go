package store

import (
	"context"
	"database/sql"
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
	for _, e := range entries {
		if err := indexTx(ctx, tx, e, key, added); err != nil {
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
	if err := putStatuteTx(ctx, tx, st, e.Source, added); err != nil {
		return err
	}
	wrap := func(err error) error { return fmt.Errorf("index statute %s: %w", st.Meta.ID, err) }
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_fts WHERE docid IN (SELECT rowid FROM provisions WHERE sha256 = ?)`, st.SHA256); err != nil {
		return wrap(err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM provisions WHERE sha256 = ?`, st.SHA256); err != nil {
		return wrap(err)
	}
	if err := insertProvisions(ctx, tx, st, e.Roles); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_fts (docid, heading, text)
		SELECT rowid, lacuna_fold(heading), lacuna_fold(text) FROM provisions WHERE sha256 = ? ORDER BY ord`, st.SHA256); err != nil {
		return wrap(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_versions (sha256, index_key, provisions) VALUES (?, ?, ?)
		ON CONFLICT (sha256) DO UPDATE SET index_key = excluded.index_key, provisions = excluded.provisions`,
		st.SHA256, key, len(st.All)); err != nil {
		return wrap(err)
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
