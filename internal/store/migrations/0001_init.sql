-- Statute versions by content hash, with the source bytes.
CREATE TABLE statute_versions (
	sha256       TEXT PRIMARY KEY,
	statute_id   TEXT NOT NULL,
	country      TEXT NOT NULL,
	version_date TEXT NOT NULL,
	title        TEXT NOT NULL,
	language     TEXT NOT NULL,
	path         TEXT NOT NULL,
	meta_json    TEXT NOT NULL,
	source       BLOB NOT NULL,
	added        TEXT NOT NULL
);
CREATE INDEX statute_versions_by_id ON statute_versions(country, statute_id, version_date);

-- Provisions of each stored version, in document order.
CREATE TABLE provisions (
	rowid        INTEGER PRIMARY KEY,
	sha256       TEXT NOT NULL REFERENCES statute_versions(sha256) ON DELETE CASCADE,
	ord          INTEGER NOT NULL,
	provision_id TEXT NOT NULL,
	heading      TEXT NOT NULL,
	text         TEXT NOT NULL,
	line         INTEGER NOT NULL,
	end_line     INTEGER NOT NULL,
	repealed     INTEGER NOT NULL,
	UNIQUE (sha256, ord)
);

CREATE VIRTUAL TABLE provisions_fts USING fts4(
	heading, text,
	content="provisions",
	tokenize=unicode61 "remove_diacritics=2"
);

-- Analysis runs and their results.
CREATE TABLE runs (
	id              TEXT PRIMARY KEY,
	created         TEXT NOT NULL,
	lacuna_version  TEXT NOT NULL,
	mapping_version TEXT NOT NULL,
	country         TEXT NOT NULL,
	as_of           TEXT NOT NULL,
	options_json    TEXT NOT NULL,
	overall         REAL NOT NULL,
	scores_json     TEXT NOT NULL,
	cache_key       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX runs_by_country ON runs(country, created);
CREATE INDEX runs_by_cache_key ON runs(cache_key);

CREATE TABLE run_statutes (
	run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
	sha256 TEXT NOT NULL REFERENCES statute_versions(sha256),
	PRIMARY KEY (run_id, sha256)
);

CREATE TABLE findings (
	run_id          TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
	requirement     TEXT NOT NULL,
	verdict         TEXT NOT NULL,
	machine_verdict TEXT NOT NULL,
	origin          TEXT NOT NULL,
	score           REAL NOT NULL,
	weight          REAL NOT NULL,
	pillar          TEXT NOT NULL,
	finding_json    TEXT NOT NULL,
	PRIMARY KEY (run_id, requirement)
);

CREATE TABLE penalties (
	run_id    TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
	ord       INTEGER NOT NULL,
	statute   TEXT NOT NULL,
	provision TEXT NOT NULL,
	line      INTEGER NOT NULL,
	row_json  TEXT NOT NULL,
	PRIMARY KEY (run_id, ord)
);

CREATE TABLE overrides (
	run_id      TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
	requirement TEXT NOT NULL,
	verdict     TEXT NOT NULL,
	rationale   TEXT NOT NULL,
	reviewer    TEXT NOT NULL,
	date        TEXT NOT NULL,
	expires     TEXT NOT NULL,
	expired     INTEGER NOT NULL,
	PRIMARY KEY (run_id, requirement)
);
