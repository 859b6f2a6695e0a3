-- Search from the store alone (issue 12).
--
-- provisions.roles holds the engine's role bits of each provision, as
-- computed with the key in search_versions; the full-text index holds the
-- folded heading and text of each provision (docid = provisions.rowid), so
-- that every language matches without case or accents (tráfico = trafico,
-- ß = ss). The old index over the raw text is dropped: versions are indexed
-- again, with roles, the next time a search needs them.
ALTER TABLE provisions ADD COLUMN roles INTEGER NOT NULL DEFAULT 0;
DROP TABLE provisions_fts;
CREATE VIRTUAL TABLE search_fts USING fts4(
	heading, text,
	tokenize=unicode61 "remove_diacritics=2"
);

-- A statute version is indexed for search under a key naming the engine,
-- lexicon and map it was classified with; another key means it is indexed
-- again, so stored roles are never stale after an upgrade.
CREATE TABLE search_versions (
	sha256     TEXT PRIMARY KEY REFERENCES statute_versions(sha256) ON DELETE CASCADE,
	index_key  TEXT NOT NULL,
	provisions INTEGER NOT NULL
);

-- What a scan of a corpus directory last found in each file: its size and
-- modification time (so an unchanged file is not read again), its content
-- hash and its front matter (so selecting versions needs no file).
CREATE TABLE corpus_files (
	root         TEXT NOT NULL,
	path         TEXT NOT NULL,
	size         INTEGER NOT NULL,
	mtime        INTEGER NOT NULL,
	sha256       TEXT NOT NULL,
	statute_id   TEXT NOT NULL,
	country      TEXT NOT NULL,
	version_date TEXT NOT NULL,
	language     TEXT NOT NULL,
	title        TEXT NOT NULL,
	short_title  TEXT NOT NULL,
	PRIMARY KEY (root, path)
);
