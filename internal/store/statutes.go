package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// StatuteVersion describes one stored statute version.
type StatuteVersion struct {
	SHA256      string `json:"sha256"`
	StatuteID   string `json:"statute"`
	Country     string `json:"country"`
	VersionDate string `json:"version_date"`
	Title       string `json:"title"`
	Language    string `json:"language"`
	Path        string `json:"path"`
	Added       string `json:"added"`
}

// PutStatute stores a parsed statute version and its source bytes (its
// provisions are stored when it is indexed for search: see IndexVersions).
// Storing the same content twice is a no-op. added is
// the time stamp to record (RFC 3339), passed in so the store reads no clock.
func (s *Store) PutStatute(ctx context.Context, st *statute.Statute, src []byte, added string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store statute %s: %w", st.Meta.ID, err)
	}
	defer tx.Rollback()
	if err := putStatuteTx(ctx, tx, st, src, added); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store statute %s: %w", st.Meta.ID, err)
	}
	return nil
}

func putStatuteTx(ctx context.Context, tx *sql.Tx, st *statute.Statute, src []byte, added string) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM statute_versions WHERE sha256 = ?", st.SHA256).Scan(&one)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store statute %s: %w", st.Meta.ID, err)
	}
	// The provisions are not written here: only the search index reads
	// them, and it writes its own (IndexVersions), so a save records the
	// version and its source alone (writing every provision made a first
	// "analyze --all --save" cost half again a plain run).
	return insertVersion(ctx, tx, st, src, added)
}

// insertVersion adds the row of a statute version not yet stored.
func insertVersion(ctx context.Context, tx *sql.Tx, st *statute.Statute, src []byte, added string) error {
	meta, err := json.Marshal(st.Meta)
	if err != nil {
		return fmt.Errorf("store statute %s: %w", st.Meta.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO statute_versions
		(sha256, statute_id, country, version_date, title, language, path, meta_json, source, added)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		st.SHA256, string(st.Meta.ID), st.Meta.Country, st.Meta.VersionDate, st.Meta.Title,
		st.Meta.Lang(), st.Path, string(meta), src, added); err != nil {
		return fmt.Errorf("store statute %s: %w", st.Meta.ID, err)
	}
	return nil
}

// provisionsJSON encodes st.All, in order, as [[id, heading, text, line,
// end line, repealed 0/1], …].
func provisionsJSON(st *statute.Statute) ([]byte, error) {
	n := 2
	for _, p := range st.All {
		n += len(p.ID) + len(p.Heading) + len(p.Text) + 32
	}
	b := append(make([]byte, 0, n), '[')
	for i, p := range st.All {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendProvisionRow(b, string(p.ID), p.Heading, p.Text, p.Line, p.EndLine, p.Repealed)
	}
	return append(b, ']'), nil
}

// marshalJSON is json.Marshal without HTML escaping (the text is stored
// as given).
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// StatuteSource returns the stored source bytes of a statute version.
func (s *Store) StatuteSource(ctx context.Context, sha string) ([]byte, error) {
	var src []byte
	err := s.db.QueryRowContext(ctx, "SELECT source FROM statute_versions WHERE sha256 = ?", sha).Scan(&src)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("statute version %s: %w", sha, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read statute version %s: %w", sha, err)
	}
	return src, nil
}

// StatuteVersions lists stored versions, filtered by country and statute ID
// when non-empty, ordered by country, statute and version date.
func (s *Store) StatuteVersions(ctx context.Context, country, statuteID string) ([]StatuteVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256, statute_id, country, version_date, title, language, path, added
		FROM statute_versions
		WHERE (? = '' OR country = ?) AND (? = '' OR statute_id = ?)
		ORDER BY country, statute_id, version_date, sha256`, country, country, statuteID, statuteID)
	if err != nil {
		return nil, fmt.Errorf("list statute versions: %w", err)
	}
	defer rows.Close()
	var out []StatuteVersion
	for rows.Next() {
		var v StatuteVersion
		if err := rows.Scan(&v.SHA256, &v.StatuteID, &v.Country, &v.VersionDate, &v.Title, &v.Language, &v.Path, &v.Added); err != nil {
			return nil, fmt.Errorf("list statute versions: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Missing returns the hashes among shas that are not stored, in the order
// given, so a caller indexes only what is new.
func (s *Store) Missing(ctx context.Context, shas []string) ([]string, error) {
	var out []string
	for _, sha := range shas {
		var one int
		err := s.db.QueryRowContext(ctx, "SELECT 1 FROM statute_versions WHERE sha256 = ?", sha).Scan(&one)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			out = append(out, sha)
		case err != nil:
			return nil, fmt.Errorf("look up statute version %s: %w", sha, err)
		}
	}
	return out, nil
}
