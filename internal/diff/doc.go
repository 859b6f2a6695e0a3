// Package diff compares two versions of a statute provision by provision,
// with word-level differences (sergi/go-diff, the only package that imports
// it), and two analysis results requirement by requirement, linking each
// verdict change to the provision changes that caused it. It also runs the
// score history of a country across its version dates.
//
// Alignment: provisions with the same canonical ID and nearly the same words
// pair first; the rest pair by text similarity (renumbered or moved
// provisions; a shared ID counts as a bonus), best pairs first; a provision
// keeping its ID but rewritten beyond recognition still pairs with its old
// self. Sub-provisions are aligned within their aligned parents, then a
// last pass pairs added and removed texts across levels and sections. The
// go-diff timeout is off (DiffTimeout = 0) so results never depend on
// machine load. Output order follows the new version's document order, then
// removed provisions in the old version's order.
//
// Main types: StatuteDiff (Statutes), ResultDiff (Results), Report with its
// text and Markdown writers (the JSON form is documented in
// docs/diff-format.md), and History. It imports score and statute, never
// store or report, and does no I/O beyond the writers it is given.
package diff
