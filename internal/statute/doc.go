// Package statute parses national statutes written as Markdown with YAML
// front matter into a tree of citable provisions, and loads whole corpora of
// them.
//
// It owns the statute file format (see corpus/FORMAT.md), canonical provision
// IDs, source positions and the positioned error list used for bad input. It
// imports nothing else from this module: every later stage (index, match,
// score, store, diff, report) builds on its types.
//
// Main types: Statute (one version of one statute), Provision (a node of the
// provision tree), Meta (front matter), Corpus (many statutes, sorted),
// Error and ErrorList (path:line:col: message).
package statute
