// Package standard loads and validates the map of international standards:
// instruments and their articles, requirements (with their crosswalk of
// sources, pillar, weight, detection criteria, thresholds, recommendation and
// model provision) and ratifications.
//
// It imports nothing else from this module. Every record carries the Pos of
// its YAML node so that validation errors read
// "path:line:col: what is wrong, what was expected". Closed sets (Pillar,
// InstrumentKind, CriterionKind, Role, CheckKind) reject unknown values and
// name the allowed ones.
package standard
