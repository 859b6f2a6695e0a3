package match

import "github.com/lacuna-project/lacuna/internal/index"

// CitationClause reports whether a segment is a short-title clause ("This
// Act may be cited as …"): its words name the Act and prove nothing about
// its content, so it is never a candidate for a requirement either.
func CitationClause(s *index.Segment) bool { return s.Has(citationCues) }
