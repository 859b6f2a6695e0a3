// Package testutil holds helpers for tests and benchmarks: a generator of
// synthetic statute corpora for scale tests. Nothing in the lacuna binary
// imports it.
package testutil
