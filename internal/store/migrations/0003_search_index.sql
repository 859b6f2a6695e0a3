-- Search from the store alone (issue 12).
--
-- The full-text index holds the folded heading and text of each provision
-- (docid as in search_rows), so that every language matches without case
-- or accents (tráfico = trafico, ß = ss). The old index over the raw text
-- is dropped, and so are the provisions (only search reads them): versions
-- are indexed again, with roles, the next time a search needs them.
DROP TABLE provisions_fts;
DROP TABLE provisions;

-- The provisions of each indexed version, in document order, as one JSON
-- array of [id, heading, text, line, end line, repealed] (a hit's
-- provision is element docid - search_versions.first): one row to write a
-- version, where a row per provision cost a quarter of indexing.
CREATE TABLE search_provisions (
	ver  INTEGER PRIMARY KEY, -- search_versions.id
	rows TEXT NOT NULL
);

CREATE VIRTUAL TABLE search_fts USING fts4(
	heading, text,
	tokenize=unicode61 "remove_diacritics=2"
);

-- A statute version is indexed for search under a key naming the engine,
-- lexicon and map it was classified with; another key means it is indexed
-- again, so stored roles are never stale after an upgrade.
CREATE TABLE search_versions (
	id         INTEGER PRIMARY KEY,
	sha256     TEXT NOT NULL UNIQUE REFERENCES statute_versions(sha256) ON DELETE CASCADE,
	index_key  TEXT NOT NULL,
	first      INTEGER NOT NULL, -- docid of its first provision
	provisions INTEGER NOT NULL,
	hsum       INTEGER NOT NULL, -- words in all its headings
	tsum       INTEGER NOT NULL  -- words in all its texts
);

-- One narrow row per indexed provision (docid: consecutive within a
-- version, from search_versions.first): its
-- version, the engine's role bits and the number of words of its heading
-- and text. A query filters and ranks the rows the full-text index matches
-- by these alone, without reading the wide provision rows (tens of
-- thousands match a common word at 200 countries) or asking FTS4 for the
-- lengths (matchinfo 'l' cost three times the rest of the match).
CREATE TABLE search_rows (
	docid INTEGER PRIMARY KEY,
	ver   INTEGER NOT NULL, -- search_versions.id
	roles INTEGER NOT NULL,
	hlen  INTEGER NOT NULL,
	tlen  INTEGER NOT NULL
);


-- What a scan of a corpus directory last found in each file, one row per
-- directory (root): for every file its size and modification time (so an
-- unchanged file is not read again), its content hash and its front
-- matter (so selecting versions needs no file), in a compact encoding that
-- a search decodes in a few milliseconds (see internal/store/files.go).
CREATE TABLE corpus_catalogs (
	root TEXT PRIMARY KEY,
	data BLOB NOT NULL
);
