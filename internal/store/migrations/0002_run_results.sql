-- The whole result of a run, as the analysis produced it (JSON), so that a
-- run reused by cache key gives back exactly what a fresh analysis would.
CREATE TABLE run_results (
	run_id      TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
	result_json BLOB NOT NULL
);
