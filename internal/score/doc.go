// Package score turns evidence into verdicts and scores. It is pure: no I/O,
// no clock. Its Result type is the JSON contract of `lacuna analyze`
// (documented in docs/json-contract.md) and the input of the store, the diff
// and every renderer.
//
// After the verdicts, review.go annotates each finding without changing
// it: a Confidence from named features, a Review flag when a provision
// carries the requirement's words in a frame the engine cannot classify,
// and, for a gap, the Nearest provisions with the elements each lacks.
//
// Every finding carries a reason.Reason (a code with arguments); the
// Explanation of the JSON contract and the text of each review reason are
// rendered from it by the embedded English catalogue at the end of
// Analyze, which fails on a code or argument the catalogue lacks.
//
// Reviewers' decisions (ParseOverrides) apply to the machine verdicts once
// derived. A decision that records what it was made on (machine verdict,
// statute versions, EvidenceHash of the quoted text) applies only while
// those still hold; otherwise it is stale: the machine verdict stands and
// the finding's Review asks for a re-review (decision.go). SetOverride
// records a decision in an overrides file by editing only that entry's
// lines (edit.go).
package score
