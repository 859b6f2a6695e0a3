// Package reason holds why the engine decided what it did as data: a
// Reason is a stable code with named arguments ("child-age-defined",
// age 18), and a Catalogue renders it to a sentence in one language. The
// catalogues are data, one file per language (templates/reasons/<lang>.yaml,
// embedded), so a translator adds a language without touching Go; a code
// or an argument a catalogue lacks is an error, never a fallback to
// another language.
//
// internal/match and internal/score set reasons wherever they explain a
// verdict; score renders the English text into Finding.Explanation, and a
// renderer may render the same reasons in another language.
//
// It imports only the templates data package and the YAML parser; like
// internal/config it sits outside the pipeline and anything may import
// it. Main types: Reason, Args, Catalogue.
package reason
