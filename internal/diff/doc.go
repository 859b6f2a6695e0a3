// Package diff compares two versions of a statute provision by provision,
// with word-level differences (sergi/go-diff, the only package that imports
// it), and two analysis results requirement by requirement, linking each
// verdict change to the provision changes that caused it.
//
// Alignment: provisions with the same canonical ID are paired first; the
// rest are paired by text similarity (renumbered or moved provisions), best
// pairs first. Sub-provisions are aligned within their aligned sections. The
// go-diff timeout is off (DiffTimeout = 0) so results never depend on
// machine load. Output order follows the new version's document order, then
// removed provisions in the old version's order.
package diff
