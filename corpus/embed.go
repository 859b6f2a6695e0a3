// Package corpus exposes the bundled corpus files to the lacuna binary.
package corpus

import "embed"

// FS holds the embedded corpus files.
//
//go:embed all:*
var FS embed.FS
