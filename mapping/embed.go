// Package mapping exposes the bundled mapping files to the lacuna binary.
package mapping

import "embed"

// FS holds the embedded mapping files.
//
//go:embed *
var FS embed.FS
