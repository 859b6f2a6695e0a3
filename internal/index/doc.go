// Package index builds lookups over a loaded corpus once, so that matching
// is cheap: every segment of every provision is folded (lower case,
// diacritics removed, ß→ss) and split into tokens whose byte offsets point
// back into the original text, provisions get roles (definition, offence,
// penalty, protection, institutional, procedural, repealed), defined terms
// are collected with their definitions, and cross-references are resolved
// to provisions inside the corpus or recorded as references to laws outside
// it.
//
// The words that give roles and find definitions and references come
// from a compiled lexicon (Lexicon, from standard.Lexicon; BuildWith), the
// embedded one for Build.
//
// It imports internal/statute and internal/standard (for the Role and
// Lexicon types, and the embedded lexicon) only. Main
// types: Index, Segment, Token, Definition, Ref, Lexicon.
package index
