package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
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
	// the rows to write, encoded by Prepare
	provJSON, ftsJSON, rowsJSON []byte
	hsum, tsum, n               int
	prepErr                     error
}

// Prepare encodes the entry's rows (folding the headings and texts for the
// full-text index) and lets go of its provision tree; IndexVersions does it when the caller has not (callers call it
// in parallel, off the one writing goroutine).
func (e *IndexEntry) Prepare() {
	if e.provJSON != nil || e.prepErr != nil {
		return
	}
	all := e.Statute.All
	// [[heading, text] folded, …] and [[roles, words of the heading, of
	// the text], …], as marshalJSON would write them
	fts := append(make([]byte, 0, 64*len(all)), '[')
	rows := append(make([]byte, 0, 16*len(all)), '[')
	e.hsum, e.tsum = 0, 0
	for i, p := range all {
		h, t := foldText(p.Heading), foldText(p.Text)
		roles := 0
		if i < len(e.Roles) {
			roles = int(e.Roles[i])
		}
		hn, tn := countWords(h), countWords(t)
		e.hsum += hn
		e.tsum += tn
		if i > 0 {
			fts = append(fts, ',')
			rows = append(rows, ',')
		}
		fts = append(fts, '[')
		fts = appendJSONString(fts, h)
		fts = append(fts, ',')
		fts = appendJSONString(fts, t)
		fts = append(fts, ']')
		rows = append(rows, '[')
		rows = strconv.AppendInt(rows, int64(roles), 10)
		rows = append(rows, ',')
		rows = strconv.AppendInt(rows, int64(hn), 10)
		rows = append(rows, ',')
		rows = strconv.AppendInt(rows, int64(tn), 10)
		rows = append(rows, ']')
	}
	e.ftsJSON, e.rowsJSON = append(fts, ']'), append(rows, ']')
	e.provJSON, e.prepErr = provisionsJSON(e.Statute)
	// The provision tree is no longer needed (the rows are encoded): an
	// entry waiting to be written keeps only what the version row needs.
	e.n = len(all)
	e.Statute = &statute.Statute{Path: e.Statute.Path, SHA256: e.Statute.SHA256, Meta: e.Statute.Meta}
	e.Roles = nil
}

// Provisions returns the number of provisions of the entry's version.
func (e *IndexEntry) Provisions() int {
	if e.provJSON == nil && e.prepErr == nil {
		return len(e.Statute.All)
	}
	return e.n
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
	// the database file); this connection only.
	if _, err := tx.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 8192"); err != nil {
		return fmt.Errorf("index statutes: %w", err)
	}
	// The full-text rows of the whole batch go in last, with one
	// statement: FTS4 flushes its pending terms at the start of every
	// later statement of the transaction, so a statute at a time made
	// many small segments (and merges) — it more than doubled the cost.
	var fts bytes.Buffer
	fts.WriteByte('[')
	for i := range entries {
		entries[i].Prepare()
		base, err := indexTx(ctx, tx, entries[i], key, added)
		if err != nil {
			return err
		}
		if i > 0 {
			fts.WriteByte(',')
		}
		fmt.Fprintf(&fts, "[%d,", base+1)
		fts.Write(entries[i].ftsJSON)
		fts.WriteByte(']')
	}
	fts.WriteByte(']')
	// (each entry's array is taken out once, in a materialised CTE: read
	// again for every row, it made the statement quadratic)
	if _, err := tx.ExecContext(ctx, `WITH e AS MATERIALIZED (SELECT value ->> 0 AS base, value -> 1 AS rows FROM json_each(?))
		INSERT INTO search_fts (docid, heading, text)
		SELECT e.base + f.key, f.value ->> 0, f.value ->> 1
		FROM e, json_each(e.rows) f`, fts.String()); err != nil {
		return fmt.Errorf("index statutes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("index statutes: %w", err)
	}
	return nil
}

// indexTx writes one entry's version, provisions and search rows (not its
// full-text rows: see IndexVersions) and returns the rowid before its
// first provision.
func indexTx(ctx context.Context, tx *sql.Tx, e IndexEntry, key, added string) (int64, error) {
	st := e.Statute
	wrap := func(err error) error { return fmt.Errorf("index statute %s: %w", st.Meta.ID, err) }
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM statute_versions WHERE sha256 = ?", st.SHA256).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := insertVersion(ctx, tx, st, e.Source, added); err != nil {
			return 0, err
		}
	case err != nil:
		return 0, wrap(err)
	default:
		// indexed before (under another key): its rows give way to this
		// parse's
		var id, first, n int64
		err := tx.QueryRowContext(ctx, `SELECT id, first, provisions FROM search_versions WHERE sha256 = ?`, st.SHA256).Scan(&id, &first, &n)
		switch {
		case errors.Is(err, sql.ErrNoRows): // stored by a save, never indexed
		case err != nil:
			return 0, wrap(err)
		default:
			for _, q := range []string{
				`DELETE FROM search_fts WHERE docid BETWEEN ?1 AND ?2`,
				`DELETE FROM search_rows WHERE docid BETWEEN ?1 AND ?2`,
				`DELETE FROM search_provisions WHERE ver = ?3`,
				`DELETE FROM search_versions WHERE id = ?3`,
			} {
				if _, err := tx.ExecContext(ctx, q, first, first+n-1, id); err != nil {
					return 0, wrap(err)
				}
			}
		}
	}
	// Provisions get consecutive docids after the largest in use (the
	// write transaction holds the lock, so it cannot move), shared by the
	// full-text and search rows. Each table's rows go in with one
	// statement reading a JSON text Prepare encoded (in the caller's
	// workers).
	var base int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(docid), 0) FROM search_rows").Scan(&base); err != nil {
		return 0, wrap(err)
	}
	var ver int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO search_versions (sha256, index_key, first, provisions, hsum, tsum)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		st.SHA256, key, base+1, e.Provisions(), e.hsum, e.tsum).Scan(&ver); err != nil {
		return 0, wrap(err)
	}
	if e.prepErr != nil {
		return 0, wrap(e.prepErr)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_provisions (ver, rows) VALUES (?, ?)`, ver, string(e.provJSON)); err != nil {
		return 0, wrap(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_rows (docid, ver, roles, hlen, tlen)
		SELECT ?1 + key, ?2, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?3)`, base+1, ver, string(e.rowsJSON)); err != nil {
		return 0, wrap(err)
	}
	return base, nil
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

// CountIndexedUnder returns how many distinct hashes of shas are indexed
// for search under key: one statement, where IndexedUnder binds every
// hash and reads a row for each (a search asks about 2,000 versions at 200
// countries to learn only whether all are there).
func (s *Store) CountIndexedUnder(ctx context.Context, shas []string, key string) (int, error) {
	b, err := json.Marshal(shas)
	if err != nil {
		return 0, fmt.Errorf("look up search index: %w", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM search_versions
		WHERE index_key = ?2 AND sha256 IN (SELECT value FROM json_each(?1))`, string(b), key).Scan(&n); err != nil {
		return 0, fmt.Errorf("look up search index: %w", err)
	}
	return n, nil
}
