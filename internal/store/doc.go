// Package store keeps statute versions, provisions, analysis runs, findings,
// penalties and overrides in SQLite (database/sql over mattn/go-sqlite3, the
// only package that imports them).
//
// Statute versions are stored by content hash with their full source bytes,
// so a run can be re-scored and diffed without the original files. The
// schema is built by numbered embedded migrations tracked by PRAGMA
// user_version. Connections use WAL, a busy timeout and foreign keys, so two
// processes can save runs to one database at the same time, and every write
// is one transaction, so a process killed mid-run leaves the database as it
// was before that write.
//
// Full-text search uses FTS4 (available in mattn's default build; FTS5 needs
// a build tag) over the folded heading and text of each provision (folded
// in Go as the engine folds: case, accents, ß = ss), ranked by Okapi BM25 in
// a C function every connection has (bm25.go: a Go callback per matched
// row cost more than the rest of the query). A version is indexed for
// search under a key naming the engine, lexicon and map (IndexVersions):
// the narrow search_rows table holds each indexed provision's version, role
// bits and word counts, so a query filters and ranks before its limit
// without reading provision text, and search_provisions holds a version's
// provisions as one JSON row, read for the hits alone. Saves store a
// version and its source only. corpus_catalogs records, per corpus
// directory, each file's size, time, front matter and (once a search has
// selected the file) content hash, so a search reads only files that
// changed, and hashes only the versions it searches.
package store
