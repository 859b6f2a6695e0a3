// Package score turns evidence into verdicts and scores. It is pure: no I/O,
// no clock. Its Result type is the JSON contract of `lacuna analyze`
// (documented in docs/json-contract.md) and the input of the store, the diff
// and every renderer.
package score
