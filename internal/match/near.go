package match

import "github.com/lacuna-project/lacuna/internal/index"

// CitationClause reports whether a segment is a short-title clause ("This
// Act may be cited as …"): its words name the Act and prove nothing about
// its content, so it is never a candidate for a requirement either.
func CitationClause(s *index.Segment) bool { return s.Has(cuesFor(s).CitationCues) }

// Loose returns a compiled pattern without its role scope, sharing its
// compiled state (a regular expression is scoped to its element's roles
// when compiled; the other kinds are not scoped), and, for a near pattern,
// its terms alone as a keyword matcher (nil for other kinds). Callers use
// them to find where an element's words occur whether or not they count.
func Loose(m Matcher) (Matcher, Matcher) {
	switch p := m.(type) {
	case *regex:
		q := *p
		q.roles = 0
		return &q, nil
	case *near:
		return p, &keyword{sets: p.terms}
	}
	return m, nil
}

// maxFirstScan bounds the candidate segments FirstHits examines, so a
// common word in a whole code (a child word in every section) costs a
// bounded amount of work for a finding's nearest provisions.
const maxFirstScan = 256

// FirstHits returns the hits of m in the first n segments (in document
// order) where it matches, stopping there when m can list its candidate
// segments (and after maxFirstScan candidates); other matchers run over
// the whole index and are cut to the hits of n segments.
func FirstHits(m Matcher, ix *index.Index, n int) []Hit {
	var out []Hit
	EachFirstHits(m, ix, n, func(hs []Hit) bool {
		out = append(out, hs...)
		return true
	})
	return out
}

// EachFirstHits calls visit with the hits FirstHits(m, ix, n) returns,
// one segment's at a time in the same order, until visit returns false:
// a caller that needs only some of them stops the search there.
func EachFirstHits(m Matcher, ix *index.Index, n int, visit func(hs []Hit) bool) {
	each := func(hs []Hit) {
		for len(hs) > 0 {
			k := 1
			for k < len(hs) && hs[k].Seg == hs[0].Seg {
				k++
			}
			if !visit(hs[:k:k]) {
				return
			}
			hs = hs[k:]
		}
	}
	sm, ok := m.(segMatcher)
	if !ok {
		each(firstSegs(m.Match(ix), n))
		return
	}
	lists := sm.candidates(ix)
	pos := make([]int, len(lists))
	last := int32(-1)
	for segs, scanned := 0, 0; segs < n && scanned < maxFirstScan; scanned++ {
		next := int32(-1)
		for i, l := range lists {
			for pos[i] < len(l) && l[pos[i]] <= last {
				pos[i]++
			}
			if pos[i] < len(l) && (next < 0 || l[pos[i]] < next) {
				next = l[pos[i]]
			}
		}
		if next < 0 {
			break
		}
		last = next
		if hs := sm.matchSeg(ix.Segments[next]); len(hs) > 0 {
			sortHits(hs)
			segs++
			if !visit(hs) {
				return
			}
		}
	}
}

// firstSegs keeps the hits (in document order) of the first n segments.
func firstSegs(hs []Hit, n int) []Hit {
	sortHits(hs)
	segs := 0
	for i, h := range hs {
		if i > 0 && h.Seg == hs[i-1].Seg {
			continue
		}
		if segs == n {
			return hs[:i]
		}
		segs++
	}
	return hs
}

type exclKey struct{ e *Element }

// ExcludedSeg reports whether one of the element's exclude patterns vetoes
// the segment: checked on the segment alone where the pattern can, else
// through the pattern's hits over the index (memoised per index).
func (e *Element) ExcludedSeg(ix *index.Index, s *index.Segment) bool {
	for _, m := range e.Excl {
		if sm, ok := m.(segMatcher); ok {
			if len(sm.matchSeg(s)) > 0 {
				return true
			}
			continue
		}
		set := ix.Memo(exclKey{e}, func() any {
			out := map[*index.Segment]bool{}
			for _, x := range e.Excl {
				if _, ok := x.(segMatcher); ok {
					continue
				}
				for _, h := range x.Match(ix) {
					out[h.Seg] = true
				}
			}
			return out
		}).(map[*index.Segment]bool)
		if set[s] {
			return true
		}
	}
	return false
}
