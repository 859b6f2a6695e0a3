package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// RunInput is one run to save: the run, its result and the statute
// versions analysed with their source bytes. A statute whose version is
// already stored needs no source (nil). ResultJSON, when set, is stored as
// the run's result instead of marshalling Result again.
type RunInput struct {
	Run        Run
	Result     *score.Result
	ResultJSON []byte
	Statutes   []*statute.Statute
	Sources    [][]byte
}

// SaveRuns saves several runs in one transaction (all or none), as SaveRun
// saves one. Statute versions already stored, or saved by an earlier run of
// the batch, are skipped without a query per version.
func (s *Store) SaveRuns(ctx context.Context, runs []RunInput) error {
	if len(runs) == 0 {
		return nil
	}
	var shas []string
	for _, in := range runs {
		for _, st := range in.Statutes {
			shas = append(shas, st.SHA256)
		}
	}
	known, err := s.Known(ctx, shas)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save runs: %w", err)
	}
	defer tx.Rollback()
	for _, in := range runs {
		if err := saveRunTx(ctx, tx, in, known); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save runs: %w", err)
	}
	return nil
}

// Known returns the set of hashes among shas whose statute version is
// stored, in a few queries whatever the number of hashes.
func (s *Store) Known(ctx context.Context, shas []string) (map[string]bool, error) {
	known := map[string]bool{}
	const chunk = 500
	for i := 0; i < len(shas); i += chunk {
		part := shas[i:min(i+chunk, len(shas))]
		args := make([]any, len(part))
		for j, sha := range part {
			args[j] = sha
		}
		q := "SELECT sha256 FROM statute_versions WHERE sha256 IN (?" + strings.Repeat(",?", len(part)-1) + ")"
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("look up statute versions: %w", err)
		}
		for rows.Next() {
			var sha string
			if err := rows.Scan(&sha); err != nil {
				rows.Close()
				return nil, fmt.Errorf("look up statute versions: %w", err)
			}
			known[sha] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("look up statute versions: %w", err)
		}
	}
	return known, nil
}

// CachedResult returns the newest run saved with the given cache key (with
// its scores and statute hashes, so a summary needs no decoding) and its
// result exactly as saved (JSON); ErrNotFound when there is none, or when
// the run predates stored results.
func (s *Store) CachedResult(ctx context.Context, key string) (Run, []byte, error) {
	if key == "" {
		return Run{}, nil, fmt.Errorf("cached result: %w", ErrNotFound)
	}
	row := s.db.QueryRowContext(ctx, `SELECT r.id, r.created, r.lacuna_version, r.mapping_version, r.country, r.as_of,
		r.options_json, r.overall, r.scores_json, r.cache_key, x.result_json
		FROM runs r JOIN run_results x ON x.run_id = r.id
		WHERE r.cache_key = ? ORDER BY r.created DESC, r.id DESC LIMIT 1`, key)
	var res []byte
	run, err := scanRunWith(row, &res)
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, nil, fmt.Errorf("cached result: %w", ErrNotFound)
	}
	if err != nil {
		return Run{}, nil, fmt.Errorf("cached result: %w", err)
	}
	if run.Statutes, err = s.runStatutes(ctx, run.ID); err != nil {
		return Run{}, nil, err
	}
	return run, res, nil
}
