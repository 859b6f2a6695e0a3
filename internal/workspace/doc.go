// Package workspace is Lacuna's application layer: a corpus of statutes, a
// map of standards, a store and the reviewers' overrides, turned into
// results, timelines and briefing inputs. The CLI (cmd/lacuna) and, later,
// a web server hold a Workspace and call it; they keep flags, output
// formats and exit codes.
//
// A Workspace is built from a plain Config (New) and loads lazily: a
// directory that does not exist is reported only by the first method that
// needs it, as a *DirError. Bad statutes, maps and overrides files are
// *InputError values wrapping the positioned error lists of
// internal/statute and internal/standard; a store needed where no location
// was configured is ErrNoStore. Everything else is an operational error.
//
// Main types: Workspace (corpus, map, store, overrides, analysis with the
// store as a cache), Plan (a corpus scanned once and loaded country by
// country), Batch (one country after another from a Plan, reusing and
// recording runs), Recorder (runs saved in batched transactions) and
// Overrides (a country's reviewer decisions and where they came from),
// GitHistory (every commit of statute files in a legislation repository,
// read through internal/gitrepo, as dated versions: LoadGit, GitTimelineOf,
// DiffGit, GitBriefing, ImportGit). Search and ListCorpus answer from the
// store's catalog of the corpus directory (files re-read only when their
// size or time changed) and its search index (versions indexed once per
// engine key, SearchKey); StatuteVersions parses one statute's versions.
//
// A Workspace holds no package-level mutable state: one value may serve
// concurrent reads. It reads the clock only through Config.Now and never
// the environment. It is the one package below cmd/ that opens paths: the
// directories and files its caller configured or named (statute files,
// overrides files, the store), on the caller's behalf.
//
// It may import every logic package of the pipeline (statute, standard,
// index, score, store, diff, report) and the data packages, but never
// cmd/, cobra, or a renderer of an output format (report/pdf, report/html).
package workspace
