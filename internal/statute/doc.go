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
//
// Front matter is read in Lacuna's own format or in a dialect of other
// people's legislation files (dialects.yaml: the legalize family's English
// and Spanish keys); country codes come from one ISO 3166-1 table
// (countries.tsv: alpha-3, alpha-2, names), see Countries. Canonical writes
// a statute back in Lacuna's own front matter. Provision IDs of whole codes
// are unique by construction (a repeated division number is qualified by
// its division); Statute.Aliases and Resolve map the IDs of the earlier
// scheme to today's.
//
// Entry points: Parse (one file's bytes), ParseFile (a path on disk), Load
// and LoadNamed (every *.md under a directory of an fs.FS, parsed by a
// bounded worker pool, sorted by country, id, version date and path).
// For large corpora, Scan/ScanNamed read only each file's front matter
// (ParseMeta), a Selection picks files by country and by the version an
// analysis as of a date can choose, and LoadFiles/LoadSelected parse only
// those, so memory follows what is analysed rather than the corpus.
// Corpus.AsOf, Latest, Country, Versions and Resolve select versions;
// ParseRef reads "id@date" references. Parsing is linear in the input:
// goldmark parses blocks only, inline syntax is stripped by a byte scan, and
// nesting is capped (MaxNesting, MaxFrontMatter, MaxFileSize) so that hostile
// files fail with a positioned error instead of exhausting time or stack.
package statute
