package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Run describes one saved analysis run.
type Run struct {
	ID             string            `json:"id"`
	Created        string            `json:"created"` // RFC 3339, from the caller's clock
	LacunaVersion  string            `json:"lacuna_version"`
	MappingVersion string            `json:"mapping_version"`
	Country        string            `json:"country"`
	AsOf           string            `json:"as_of"`
	Options        map[string]string `json:"options,omitempty"`
	Overall        float64           `json:"overall"`
	Scores         score.Scores      `json:"scores"`
	// CacheKey identifies the inputs (content hashes, map and tool
	// versions, options) so an unchanged corpus can reuse the result.
	CacheKey string   `json:"cache_key,omitempty"`
	Statutes []string `json:"statutes,omitempty"` // sha256 of each version analysed
}

// ErrRunExists is returned when a different run was already saved under the
// same ID.
var ErrRunExists = errors.New("a different run with this ID exists")

// SaveRun stores a run with its statute versions (source bytes included),
// findings, penalties and overrides in one transaction: a process killed
// half-way leaves no trace of the run. Saving a run whose ID and non-empty
// cache key are already stored is a no-op; the same ID with another cache
// key is ErrRunExists.
func (s *Store) SaveRun(ctx context.Context, run Run, res *score.Result, statutes []*statute.Statute, sources [][]byte) error {
	if len(statutes) != len(sources) {
		return fmt.Errorf("save run %s: %d statutes but %d sources", run.ID, len(statutes), len(sources))
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save run %s: %w", run.ID, err)
	}
	defer tx.Rollback()
	if err := saveRunTx(ctx, tx, RunInput{Run: run, Result: res, Statutes: statutes, Sources: sources}, nil); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save run %s: %w", run.ID, err)
	}
	return nil
}

// saveRunTx saves one run in tx. known, when not nil, holds the hashes of
// the statute versions already stored (or saved earlier in tx): those are
// skipped without a query, and the ones saved here are added.
func saveRunTx(ctx context.Context, tx *sql.Tx, in RunInput, known map[string]bool) error {
	run, res, statutes, sources := in.Run, in.Result, in.Statutes, in.Sources
	if len(statutes) != len(sources) {
		return fmt.Errorf("save run %s: %d statutes but %d sources", run.ID, len(statutes), len(sources))
	}
	opts, err := json.Marshal(run.Options)
	if err != nil {
		return fmt.Errorf("save run %s: %w", run.ID, err)
	}
	scores, err := json.Marshal(res.Scores)
	if err != nil {
		return fmt.Errorf("save run %s: %w", run.ID, err)
	}
	resJSON := in.ResultJSON
	if resJSON == nil {
		if resJSON, err = json.Marshal(res); err != nil {
			return fmt.Errorf("save run %s: %w", run.ID, err)
		}
	}
	// A run ID is derived from the time and the inputs: the same ID with the
	// same cache key is the same run saved twice (a no-op).
	var existing string
	err = tx.QueryRowContext(ctx, `SELECT cache_key FROM runs WHERE id = ?`, run.ID).Scan(&existing)
	switch {
	case err == nil && existing == run.CacheKey && run.CacheKey != "":
		return nil
	case err == nil:
		return fmt.Errorf("save run %s: %w", run.ID, ErrRunExists)
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("save run %s: %w", run.ID, err)
	}
	for i, st := range statutes {
		if known != nil && known[st.SHA256] {
			continue
		}
		if err := putStatuteTx(ctx, tx, st, sources[i], run.Created); err != nil {
			return err
		}
		if known != nil {
			known[st.SHA256] = true
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO runs
		(id, created, lacuna_version, mapping_version, country, as_of, options_json, overall, scores_json, cache_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		run.ID, run.Created, res.LacunaVersion, res.MappingVersion, res.Country, res.AsOf,
		string(opts), res.Scores.Overall, string(scores), run.CacheKey); err != nil {
		return fmt.Errorf("save run %s: %w", run.ID, err)
	}
	for _, st := range statutes {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO run_statutes (run_id, sha256) VALUES (?, ?)`, run.ID, st.SHA256); err != nil {
			return fmt.Errorf("save run %s: %w", run.ID, err)
		}
	}
	// Findings and penalty rows go in with one statement each, read by
	// SQLite from one JSON text (a row's own JSON rides in it as a string,
	// so it is stored byte for byte as marshalled): a statement per row
	// made the saving goroutine the slowest part of "analyze --all --save".
	frows := make([][8]any, len(res.Findings))
	for i, f := range res.Findings {
		fj, err := json.Marshal(f)
		if err != nil {
			return fmt.Errorf("save run %s: %w", run.ID, err)
		}
		frows[i] = [8]any{f.Requirement, string(f.Verdict), string(f.MachineVerdict), f.Origin, f.Score, f.Weight, string(f.Pillar), string(fj)}
	}
	if err := insertJSONRows(ctx, tx, `INSERT INTO findings
		(run_id, requirement, verdict, machine_verdict, origin, score, weight, pillar, finding_json)
		SELECT ?1, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
		FROM json_each(?2)`, run.ID, frows); err != nil {
		return fmt.Errorf("save run %s: findings: %w", run.ID, err)
	}
	prows := make([][4]any, len(res.Penalties))
	for i, p := range res.Penalties {
		pj, err := json.Marshal(p)
		if err != nil {
			return fmt.Errorf("save run %s: %w", run.ID, err)
		}
		prows[i] = [4]any{p.Statute, p.Provision, p.Line, string(pj)}
	}
	if err := insertJSONRows(ctx, tx, `INSERT INTO penalties (run_id, ord, statute, provision, line, row_json)
		SELECT ?1, key, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?2)`, run.ID, prows); err != nil {
		return fmt.Errorf("save run %s: penalties: %w", run.ID, err)
	}
	for _, o := range res.Overrides {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO overrides
			(run_id, requirement, verdict, rationale, reviewer, date, expires, expired)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			run.ID, o.Requirement, string(o.Verdict), o.Rationale, o.Reviewer, o.Date, o.Expires, o.Expired); err != nil {
			return fmt.Errorf("save run %s: %w", run.ID, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO run_results (run_id, result_json) VALUES (?, ?)`, run.ID, resJSON); err != nil {
		return fmt.Errorf("save run %s: %w", run.ID, err)
	}
	return nil
}

// insertJSONRows runs query with id and rows encoded as one JSON array
// (nothing when rows is empty).
func insertJSONRows[T any](ctx context.Context, tx *sql.Tx, query, id string, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	js, err := marshalJSON(rows)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, query, id, string(js))
	return err
}

// Runs lists saved runs, for one country when country is non-empty, oldest
// first (then by ID).
func (s *Store) Runs(ctx context.Context, country string) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, created, lacuna_version, mapping_version, country, as_of,
		options_json, overall, scores_json, cache_key FROM runs
		WHERE (? = '' OR country = ?) ORDER BY created, id`, country, country)
	if err != nil {
		return nil, fmt.Errorf("list runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, fmt.Errorf("list runs: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list runs: %w", err)
	}
	for i := range out {
		shas, err := s.runStatutes(ctx, out[i].ID)
		if err != nil {
			return nil, err
		}
		out[i].Statutes = shas
	}
	return out, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanRun(row scanner) (Run, error) { return scanRunWith(row) }

// scanRunWith scans a run's columns followed by the extra columns given.
func scanRunWith(row scanner, extra ...any) (Run, error) {
	var r Run
	var opts, scores string
	dest := append([]any{&r.ID, &r.Created, &r.LacunaVersion, &r.MappingVersion, &r.Country, &r.AsOf,
		&opts, &r.Overall, &scores, &r.CacheKey}, extra...)
	if err := row.Scan(dest...); err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(opts), &r.Options); err != nil {
		return r, fmt.Errorf("run %s options: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(scores), &r.Scores); err != nil {
		return r, fmt.Errorf("run %s scores: %w", r.ID, err)
	}
	return r, nil
}

func (s *Store) runStatutes(ctx context.Context, id string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256 FROM run_statutes WHERE run_id = ? ORDER BY sha256`, id)
	if err != nil {
		return nil, fmt.Errorf("run %s statutes: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var sha string
		if err := rows.Scan(&sha); err != nil {
			return nil, err
		}
		out = append(out, sha)
	}
	return out, rows.Err()
}

// LoadRun rebuilds a saved run's Result from its rows.
func (s *Store) LoadRun(ctx context.Context, id string) (Run, *score.Result, error) {
	row := s.db.QueryRowContext(ctx, `SELECT id, created, lacuna_version, mapping_version, country, as_of,
		options_json, overall, scores_json, cache_key FROM runs WHERE id = ?`, id)
	run, err := scanRun(row)
	if errors.Is(err, sql.ErrNoRows) {
		return run, nil, fmt.Errorf("run %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return run, nil, fmt.Errorf("load run %s: %w", id, err)
	}
	res := &score.Result{
		LacunaVersion: run.LacunaVersion, MappingVersion: run.MappingVersion,
		Country: run.Country, AsOf: run.AsOf, Scores: run.Scores,
	}
	srows, err := s.db.QueryContext(ctx, `SELECT v.statute_id, v.title, v.version_date, v.sha256, v.path, v.language
		FROM run_statutes r JOIN statute_versions v ON v.sha256 = r.sha256
		WHERE r.run_id = ? ORDER BY v.statute_id, v.version_date, v.sha256`, id)
	if err != nil {
		return run, nil, fmt.Errorf("load run %s: %w", id, err)
	}
	for srows.Next() {
		var ref score.StatuteRef
		if err := srows.Scan(&ref.ID, &ref.Title, &ref.VersionDate, &ref.SHA256, &ref.Path, &ref.Language); err != nil {
			srows.Close()
			return run, nil, fmt.Errorf("load run %s: %w", id, err)
		}
		res.Statutes = append(res.Statutes, ref)
		run.Statutes = append(run.Statutes, ref.SHA256)
	}
	srows.Close()
	frows, err := s.db.QueryContext(ctx, `SELECT finding_json FROM findings WHERE run_id = ? ORDER BY requirement`, id)
	if err != nil {
		return run, nil, fmt.Errorf("load run %s: %w", id, err)
	}
	for frows.Next() {
		var fj string
		var f score.Finding
		if err := frows.Scan(&fj); err != nil {
			frows.Close()
			return run, nil, fmt.Errorf("load run %s: %w", id, err)
		}
		if err := json.Unmarshal([]byte(fj), &f); err != nil {
			frows.Close()
			return run, nil, fmt.Errorf("load run %s: finding: %w", id, err)
		}
		res.Findings = append(res.Findings, f)
	}
	frows.Close()
	prows, err := s.db.QueryContext(ctx, `SELECT row_json FROM penalties WHERE run_id = ? ORDER BY ord`, id)
	if err != nil {
		return run, nil, fmt.Errorf("load run %s: %w", id, err)
	}
	for prows.Next() {
		var pj string
		var p penalty.Row
		if err := prows.Scan(&pj); err != nil {
			prows.Close()
			return run, nil, fmt.Errorf("load run %s: %w", id, err)
		}
		if err := json.Unmarshal([]byte(pj), &p); err != nil {
			prows.Close()
			return run, nil, fmt.Errorf("load run %s: penalty: %w", id, err)
		}
		res.Penalties = append(res.Penalties, p)
	}
	prows.Close()
	orows, err := s.db.QueryContext(ctx, `SELECT requirement, verdict, rationale, reviewer, date, expires, expired
		FROM overrides WHERE run_id = ? ORDER BY requirement`, id)
	if err != nil {
		return run, nil, fmt.Errorf("load run %s: %w", id, err)
	}
	defer orows.Close()
	for orows.Next() {
		var o score.Override
		var v string
		if err := orows.Scan(&o.Requirement, &v, &o.Rationale, &o.Reviewer, &o.Date, &o.Expires, &o.Expired); err != nil {
			return run, nil, fmt.Errorf("load run %s: %w", id, err)
		}
		o.Verdict = score.Verdict(v)
		res.Overrides = append(res.Overrides, o)
	}
	return run, res, orows.Err()
}

// CachedRun returns the newest run saved with the given cache key, for
// incremental analysis; ErrNotFound when none.
func (s *Store) CachedRun(ctx context.Context, key string) (Run, *score.Result, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT id FROM runs WHERE cache_key = ? AND cache_key != ''
		ORDER BY created DESC, id DESC LIMIT 1`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, nil, fmt.Errorf("cached run: %w", ErrNotFound)
	}
	if err != nil {
		return Run{}, nil, fmt.Errorf("cached run: %w", err)
	}
	return s.LoadRun(ctx, id)
}
