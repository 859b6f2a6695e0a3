package store

import (
	"context"
	"fmt"
)

// CorpusFile is what a scan of a corpus directory learnt about one file:
// its size and modification time (nanoseconds), content hash and front
// matter. Provisions is the number of provisions indexed for search under
// the key CorpusFiles was asked about, -1 when the version is not indexed
// under it.
type CorpusFile struct {
	Path        string // inside the corpus directory, slash-separated
	Size        int64
	MTime       int64
	SHA256      string
	StatuteID   string
	Country     string
	VersionDate string
	Language    string
	Title       string
	ShortTitle  string
	Provisions  int
}

// CorpusFiles returns the files recorded for the corpus directory root,
// by path, each with the number of provisions of its version indexed
// under key (-1 when not indexed under key).
func (s *Store) CorpusFiles(ctx context.Context, root, key string) ([]CorpusFile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.path, f.size, f.mtime, f.sha256, f.statute_id, f.country, f.version_date,
		f.language, f.title, f.short_title, coalesce(sv.provisions, -1)
		FROM corpus_files f LEFT JOIN search_versions sv ON sv.sha256 = f.sha256 AND sv.index_key = ?
		WHERE f.root = ? ORDER BY f.path`, key, root)
	if err != nil {
		return nil, fmt.Errorf("read corpus files: %w", err)
	}
	defer rows.Close()
	var out []CorpusFile
	for rows.Next() {
		var f CorpusFile
		if err := rows.Scan(&f.Path, &f.Size, &f.MTime, &f.SHA256, &f.StatuteID, &f.Country, &f.VersionDate,
			&f.Language, &f.Title, &f.ShortTitle, &f.Provisions); err != nil {
			return nil, fmt.Errorf("read corpus files: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// filesChunk is how many file records one transaction writes: short
// transactions, so a concurrent writer never waits long.
const filesChunk = 2000

// UpdateCorpusFiles records files (replacing their earlier records) and
// forgets the paths gone, for the corpus directory root, in transactions
// of at most filesChunk rows.
func (s *Store) UpdateCorpusFiles(ctx context.Context, root string, files []CorpusFile, gone []string) error {
	type op struct {
		f    *CorpusFile
		gone string
	}
	var ops []op
	for i := range files {
		ops = append(ops, op{f: &files[i]})
	}
	for _, g := range gone {
		ops = append(ops, op{gone: g})
	}
	for i := 0; i < len(ops); i += filesChunk {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("record corpus files: %w", err)
		}
		for _, o := range ops[i:min(i+filesChunk, len(ops))] {
			if o.f == nil {
				_, err = tx.ExecContext(ctx, `DELETE FROM corpus_files WHERE root = ? AND path = ?`, root, o.gone)
			} else {
				f := o.f
				_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO corpus_files
					(root, path, size, mtime, sha256, statute_id, country, version_date, language, title, short_title)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					root, f.Path, f.Size, f.MTime, f.SHA256, f.StatuteID, f.Country, f.VersionDate, f.Language, f.Title, f.ShortTitle)
			}
			if err != nil {
				tx.Rollback()
				return fmt.Errorf("record corpus files: %w", err)
			}
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("record corpus files: %w", err)
		}
	}
	return nil
}
