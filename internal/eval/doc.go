// Package eval measures the engine against hand-labelled gold files: it
// parses a gold file (format in docs/gold-format.md), runs the analysis on
// each unit and reports exact-verdict agreement, a confusion matrix, the
// disagreements with their evidence, and penalty-row accuracy.
//
// It does no I/O: the caller supplies a function that loads a unit's
// statutes. It imports internal/score, internal/standard, internal/statute
// and internal/penalty.
package eval
