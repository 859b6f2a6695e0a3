// Package pdf renders a briefing to PDF. It is the only package that imports
// codeberg.org/go-pdf/fpdf.
//
// The briefing template's Markdown is parsed with goldmark (GFM tables,
// footnotes, heading attributes) and its AST is walked directly — never
// through HTML — with one drawing routine per node kind and a stack of block
// contexts (indent, font, colour) in the manner of glamour's ANSI renderer.
// Directive fences drawn here: ```cover (cover page or banner), ```toc
// (contents with page numbers, filled in once every heading has a page),
// ```chart (vector bar charts drawn with fpdf primitives) and ```pagebreak.
// Inline code spans holding a verdict (`GAP`) become coloured badges.
// Footnotes are set at the foot of the page whose text cites them (the room
// is reserved as each citing line is placed); "Page N of M", the running
// header and the contents' page numbers are drawn once every page exists,
// so one layout pass suffices.
//
// Fonts are Liberation Serif and Sans (UTF-8 TrueType, from
// github.com/go-fonts/liberation), embedded as subsets, so Polish,
// Hungarian, Czech and every Latin script print. Output is byte-identical
// for the same briefing, template and clock: no map order reaches the page,
// catalogs are sorted and the creation date is the caller's.
//
// It must not read the clock, the environment or the file system beyond the
// template fs.FS it is given.
package pdf
