// Package standard loads and validates the map of international standards:
// instruments and their articles, requirements (with their crosswalk of
// sources, pillar, weight, detection criteria, thresholds, recommendation and
// model provision) and ratifications.
//
// Load (and LoadWith, LoadWithExtra) read map.yaml, instruments/*.yaml,
// requirements/*.yaml and ratifications.yaml from an fs.FS. Files are decoded
// through the YAML AST of github.com/goccy/go-yaml, never by reflection, so
// every record carries the Pos of its node and every unknown key, bad value
// or broken cross-reference is reported as
// "path:line:col: what is wrong, what was expected". All problems are
// collected in an ErrorList and returned at once, sorted. Anchors and aliases
// are refused, which makes alias bombs harmless.
//
// Closed sets (Pillar, InstrumentKind, CriterionKind, Role, CheckKind,
// RatificationStatus) reject unknown values and name the allowed ones. A
// full map must define every ID in CoreIDs (CORE-REQUIREMENTS.md); a map
// whose map.yaml says "partial: true" is exempt (drafts and test maps).
//
// (*Map).Crosswalk builds the requirement × instrument-article matrix.
// (*Map).LoadTexts reads instrument texts in the statute Markdown format
// (an --instruments directory) so that reports can quote an article or
// paragraph by its cited number (Text.Article("5(2)(a)")).
//
// LoadLexicon (and LoadWith, from lexicon/ beside the map or Options.Lexicon,
// with Options.LexiconOverlay) reads the lexicon: the class catalogue
// classes.yaml and one <lang>.yaml per language, validated like the map
// (unknown class, required class missing in a language, duplicate or
// malformed phrase, all positioned). Map.LexiconHash carries its hash so a
// hash of the map changes with it. See docs/lexicon-format.md.
//
// It imports nothing else from this module.
package standard
