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
// a build tag), with a Go ranking function registered on each connection.
package store
