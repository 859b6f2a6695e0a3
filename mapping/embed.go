// Package mapping exposes the bundled mapping files to the lacuna binary.
package mapping

import "embed"

// FS holds the embedded mapping files.
//
//go:embed *
var FS embed.FS

// SnapshotFile is the embedded map decoded and encoded again
// (standard.EncodeSnapshot), made from the files beside it by
//
//go:generate go run ../scripts/mapsnapshot
const SnapshotFile = "snapshot.bin"
