// Package templates exposes the bundled templates files to the lacuna binary.
package templates

import "embed"

// FS holds the embedded templates files.
//
//go:embed *
var FS embed.FS
