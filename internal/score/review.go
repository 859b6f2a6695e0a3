package score

import (
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/match"
	"github.com/lacuna-project/lacuna/internal/reason"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// judged is what the engine knew when it decided one requirement: the
// element results before and after scoping, and how it decided.
type judged struct {
	cr      compiledReq
	raw     []match.Result // element results as found (before trafficking scope)
	results []match.Result // element results the verdict was computed from
	check   bool           // decided by a built-in check
	scoped  bool           // only hits reaching the trafficking offence count
	na      bool           // not applicable (instrument not binding)
}

// looseMatchers returns an element's word patterns without role scope
// (cross-reference patterns left out): they find the provisions that carry
// the element's words, counted or not. The matchers of near patterns
// reduced to their terms (the context words dropped) follow, from index
// ctxFrom. Nothing is compiled again: the matchers share the element's.
func looseMatchers(el *match.Element) looseSet {
	var out looseSet
	var ctx []match.Matcher
	for _, m := range el.Pats {
		l, terms := match.Loose(m)
		out.ms = append(out.ms, l)
		if terms != nil {
			ctx = append(ctx, terms)
		}
	}
	out.ctxFrom = len(out.ms)
	out.ms = append(out.ms, ctx...)
	return out
}

// looseSet is an element's loose matchers: ms[:ctxFrom] are its patterns
// as written, ms[ctxFrom:] its near patterns' terms without their context.
type looseSet struct {
	ms      []match.Matcher
	ctxFrom int
}

// Miss codes: why a provision carrying an element's words did not count
// for it.
const (
	missFrame      = "frame_unclassified" // no role recognised (offence, definition, protection, …)
	missRole       = "other_role"         // a role, but not one the element accepts
	missNegated    = "negated"            // the words are negated
	missExcluded   = "excluded"           // an exclusion of the map vetoes the provision
	missNonOp      = "non_operative"      // findings, purposes, preamble
	missAdvisory   = "advisory"           // a body's mandate to advise on the measure
	missFiltered   = "filtered"           // e.g. an attempt at something other than an offence
	missOutside    = "outside_trafficking"
	missUncounted  = "not_counted"     // another sense of the words, or resting on an outside law
	missContext    = "context_missing" // the key word without the words the map requires near it
	maxNearest     = 3
	maxMissPerElem = 24
)

// missNote is the note of a nearest provision on element el whose words
// (word: the key word, for missContext) are there but did not count for
// the miss code.
func missNote(code, el, word string) reason.Reason {
	switch code {
	case missFrame:
		return reason.New("near-frame-unclassified", reason.Args{"element": el})
	case missRole:
		return reason.New("near-other-role", reason.Args{"element": el})
	case missNegated:
		return reason.New("near-negated", reason.Args{"element": el})
	case missExcluded:
		return reason.New("near-excluded", reason.Args{"element": el})
	case missNonOp:
		return reason.New("near-non-operative", reason.Args{"element": el})
	case missAdvisory:
		return reason.New("near-advisory", reason.Args{"element": el})
	case missFiltered:
		return reason.New("near-filtered", reason.Args{"element": el})
	case missOutside:
		return reason.New("near-outside-trafficking", reason.Args{"element": el})
	case missContext:
		if word != "" {
			return reason.New("near-context-missing-word", reason.Args{"element": el, "word": word})
		}
		return reason.New("near-context-missing", reason.Args{"element": el})
	}
	return reason.New("near-not-counted", reason.Args{"element": el})
}

// miss is a hit of an element's words that did not count, with its code.
type miss struct {
	elem int
	hit  match.Hit
	code string
}

// misses finds, for element i, the hits of its words that did not count,
// with the reason, in document order (at most maxMissPerElem).
func misses(ix *index.Index, j judged, i int) []miss {
	el := j.cr.elems[i]
	var out []miss
	seen := map[*index.Segment]bool{}
	rep := index.Bit(index.RoleRepealed)
	for mi, m := range j.cr.loose[i].ms {
		if len(out) >= maxMissPerElem {
			break // no later hit can be kept
		}
		match.EachFirstHits(m, ix, 2*maxMissPerElem, func(hs []match.Hit) bool {
			for _, h := range hs {
				s := h.Seg
				if seen[s] || s.Repealed() || len(out) >= maxMissPerElem || match.CitationClause(s) {
					continue
				}
				code := ""
				switch {
				case mi >= j.cr.loose[i].ctxFrom && !s.NonOperative:
					code = missContext
				case s.NonOperative:
					code = missNonOp
				case s.Advisory:
					code = missAdvisory
				case el.ExcludedSeg(ix, s):
					code = missExcluded
				case el.Roles != 0 && s.Roles&el.Roles == 0 && s.Roles&^rep == 0:
					code = missFrame
				case el.Roles != 0 && s.Roles&el.Roles == 0:
					code = missRole
				case match.Negated(h):
					code = missNegated
				case el.Filter != nil && !el.Filter(h):
					code = missFiltered
				case j.scoped && !match.InTraffickingScope(ix, s):
					code = missOutside
				default:
					code = missUncounted
				}
				seen[s] = true
				out = append(out, miss{elem: i, hit: h, code: code})
			}
			return len(out) < maxMissPerElem
		})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].hit.Seg.Ord < out[b].hit.Seg.Ord })
	return out
}

// annotate sets the finding's confidence, its review flag and, for a gap,
// its nearest provisions, from what the engine knew when it decided (j).
// It changes no verdict.
func annotate(ix *index.Index, segs segLookup, f *Finding, j judged) {
	v := f.MachineVerdict
	feats := map[string]bool{}
	if j.na {
		feats["instrument_scope"] = true
		f.Confidence = confidence(v, feats)
		return
	}
	elems := j.cr.elems
	// elements the verdict did not find, and the words of theirs that did
	// not count
	var ms []miss
	if v == Gap || v == Partial { // the only verdicts that use them
		for i := range elems {
			if i < len(j.results) && !j.results[i].Found() {
				ms = append(ms, misses(ix, j, i)...)
			}
		}
	}
	notFound := 0
	for i := range elems {
		if i < len(j.results) && !j.results[i].Found() {
			notFound++
		}
	}
	unclassified := unclassifiedMiss(ms, notFound)
	switch v {
	case Met, Partial, Contrary:
		seg := evidenceSeg(segs, f)
		feats["frame"] = seg != nil && frameOK(seg, j)
		feats["reference_resolved"] = refsResolved(segs, f)
		feats["direct"] = direct(j)
		feats["mandatory_wording"] = !f.Reason.Has("permissive-wording")
		if !j.check && len(f.Found) > 1 {
			feats["one_clause"] = oneClause(j)
		}
		if !j.check && len(elems) > 1 && v == Met {
			feats["all_elements"] = len(f.Missing) == 0
		}
		if !j.check && v == Met {
			feats["corroborated"] = corroborated(j)
		}
		if v == Partial {
			feats["frame"] = feats["frame"] && unclassified == nil
		}
	case Gap:
		feats["frame"] = unclassified == nil
		feats["vocabulary"] = vocabulary(ix, j)
		keyWord, other := false, false
		for _, m := range ms {
			if m.code == missContext {
				keyWord = true
			} else {
				other = true
			}
		}
		feats["no_key_word"] = !keyWord
		feats["no_near_miss"] = !other
		if !j.check && len(elems) > 1 {
			feats["nothing_found"] = len(f.Found) == 0
		}
	case Undetermined:
		feats["reference_named"] = len(f.ExternalRefs) > 0 && f.ExternalRefs[0].Law != ""
	}
	f.Confidence = confidence(v, feats)
	if unclassified != nil && (v == Gap || v == Partial) {
		f.Review = reviewFor(unclassified, elemName(elems[unclassified.elem]), v)
	}
	if v == Gap {
		f.Nearest, f.NearestNoneReason = nearest(ix, f, j, ms)
	}
}

// unclassifiedMiss returns the first provision that carries an element's
// words, or the key word of one of its near patterns, in a frame the
// engine cannot classify (no role recognised): the words are there, but
// whether the provision creates an offence, defines, protects or
// establishes cannot be told. Full patterns come before key words alone;
// key words count only where one provision carries those of every element
// not found (notFound of them), so one stray word does not ask for review.
func unclassifiedMiss(ms []miss, notFound int) *miss {
	for k := range ms {
		if ms[k].code == missFrame {
			return &ms[k]
		}
	}
	rep := index.Bit(index.RoleRepealed)
	for k := range ms {
		m := &ms[k]
		if m.code != missContext || m.hit.Seg.Roles&^rep != 0 {
			continue
		}
		var elems uint64 // elements with words in this segment (a bit set; maps only past 64)
		n := 0
		var seen map[int]bool
		for _, o := range ms {
			if o.hit.Seg != m.hit.Seg {
				continue
			}
			switch {
			case o.elem < 64 && elems&(1<<o.elem) == 0:
				elems |= 1 << o.elem
				n++
			case o.elem >= 64 && !seen[o.elem]:
				if seen == nil {
					seen = map[int]bool{}
				}
				seen[o.elem] = true
				n++
			}
		}
		if n >= notFound {
			return m
		}
	}
	return nil
}

// reviewFor builds the review flag of a finding whose verdict may be
// wrong because a candidate provision's frame is not recognised.
func reviewFor(m *miss, label string, v Verdict) *Review {
	st, prov, line := string(m.hit.Seg.Statute.Meta.ID), string(m.hit.Seg.Prov.ID), m.hit.Seg.Line
	why := reason.New("frame-unclassified", reason.Args{"statute": st, "provision": prov, "line": line, "label": label, "verdict": string(v)})
	if w := hitWords(m.hit); m.code == missContext && w != "" {
		why = reason.New("frame-unclassified-key-word", reason.Args{"statute": st, "provision": prov, "line": line, "word": w, "label": label, "verdict": string(v)})
	}
	r := &Review{Needed: true, Reasons: []ReviewReason{{Code: missFrame, Reason: why}}}
	if ev := evidence([]match.Hit{m.hit}, label, 1); len(ev) > 0 {
		r.Candidate = &ev[0]
	}
	return r
}

// segLookup finds the segment an evidence item quotes: the statute by ID
// (a handful per corpus), the provision by ID, then its segment at the line.
type segLookup struct {
	ix       *index.Index
	statutes map[string]*statute.Statute
}

// newSegLookup prepares the lookup; it indexes only the corpus's statutes.
func newSegLookup(ix *index.Index) segLookup {
	l := segLookup{ix: ix, statutes: map[string]*statute.Statute{}}
	for _, st := range ix.Corpus.Statutes {
		id := string(st.Meta.ID)
		if _, ok := l.statutes[id]; !ok {
			l.statutes[id] = st
		}
	}
	return l
}

// at returns the first segment (in document order) of the evidence's
// provision at its line.
func (l segLookup) at(e Evidence) *index.Segment {
	st := l.statutes[e.Statute]
	if st == nil {
		return nil
	}
	p := st.Lookup(statute.ProvisionID(e.Provision))
	if p == nil {
		return nil
	}
	for _, s := range l.ix.ProvSegs(p) {
		if s.Line == e.Line {
			return s
		}
	}
	return nil
}

// evidenceSeg returns the segment the finding's first evidence quotes.
func evidenceSeg(segs segLookup, f *Finding) *index.Segment {
	if len(f.Evidence) == 0 {
		return nil
	}
	return segs.at(f.Evidence[0])
}

// frameOK reports whether the evidence segment holds a role the
// requirement's elements ask for first (any recognised role when they ask
// for none).
func frameOK(s *index.Segment, j judged) bool {
	rep := index.Bit(index.RoleRepealed)
	want := index.RoleSet(0)
	for _, el := range j.cr.elems {
		want |= el.First
	}
	if want == 0 {
		return s.Roles&^rep != 0
	}
	return s.Roles&want != 0
}

// refsResolved reports whether every cross-reference in the evidence
// segments resolves to a provision of the corpus.
func refsResolved(segs segLookup, f *Finding) bool {
	for _, e := range f.Evidence {
		s := segs.at(e)
		if s == nil {
			continue
		}
		for _, r := range s.Refs {
			if r.External && r.Target == nil {
				return false
			}
		}
	}
	return true
}

// direct reports whether the element evidence comes from the words of the
// map's patterns rather than from a caption or an engine fact alone.
func direct(j judged) bool {
	for _, r := range j.results {
		for _, h := range r.Hits {
			if strings.HasPrefix(h.Term, "(") {
				return false
			}
			break
		}
	}
	return true
}

// oneClause reports whether one section holds hits of every element found.
func oneClause(j judged) bool {
	count := map[*statute.Provision]int{}
	found := 0
	for _, r := range j.results {
		if !r.Found() {
			continue
		}
		found++
		seen := map[*statute.Provision]bool{}
		for _, h := range r.Hits {
			sec := sectionOf(h.Seg)
			if !seen[sec] {
				seen[sec] = true
				count[sec]++
			}
		}
	}
	for _, n := range count {
		if n == found {
			return true
		}
	}
	return false
}

// corroborated reports whether the counted hits lie in two sections or
// more: one stray mention proves less than a provision echoed elsewhere.
func corroborated(j judged) bool {
	var first *statute.Provision
	for _, r := range j.results {
		for _, h := range r.Hits {
			sec := sectionOf(h.Seg)
			if first == nil {
				first = sec
			} else if sec != first {
				return true
			}
		}
	}
	return false
}

// vocabulary reports whether the map gives every element of the
// requirement words in every language of the corpus (or for all
// languages): a gap found with no words in the statute's language is only
// as good as the other languages' words.
func vocabulary(ix *index.Index, j judged) bool {
	for _, el := range j.cr.elems {
		if el.El.Fact != "" {
			continue
		}
		for l := range ix.Langs {
			ok := false
			for _, p := range el.El.Patterns {
				if len(p.Terms[l]) > 0 || len(p.Terms["*"]) > 0 || p.Regex[l] != "" || p.Regex["*"] != "" {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
	}
	return true
}

func sectionOf(s *index.Segment) *statute.Provision {
	if s.Section != nil {
		return s.Section
	}
	return s.Prov
}

// The confidence of a finding is 1 − e, e being the error rate of its
// verdict when every feature holds (baseError) multiplied by the factor of
// each feature that fails (featureFactor, per verdict), capped at 0.95.
// Both were set on the seen gold files (real.yaml and dev.yaml, never the
// sealed one) so that findings in a higher band agree with the gold more
// often. Measured there (agreement when the feature holds / fails): gap
// no_key_word 97.7% / 91.0%, gap frame 95.8% / 76.5%; met corroborated
// 96.9% / 90.8%, met one_clause 100% / 80%, met mandatory_wording 94.6% /
// 88.0%, met frame 94.3% / 93.3%. A feature with no measured effect keeps
// the factor 1 and stays visible to the reader.
var (
	baseError = map[Verdict]float64{Met: 0.025, Partial: 0.13, Gap: 0.022, Contrary: 0.3, Undetermined: 0.3, NotApplicable: 0.02}

	featureFactor = map[Verdict]map[string]float64{
		Met: {"corroborated": 3, "one_clause": 6, "mandatory_wording": 3, "all_elements": 2, "frame": 1.5,
			"direct": 1.5, "reference_resolved": 1},
		Partial:  {"frame": 1.2, "one_clause": 1.2, "mandatory_wording": 1, "direct": 1.5, "reference_resolved": 1},
		Contrary: {"frame": 1.5, "direct": 1.5, "mandatory_wording": 1, "reference_resolved": 1},
		// vocabulary: the map has no words in the statute's language, so a
		// gap says nothing (never seen on the gold, set by reasoning)
		Gap:          {"no_key_word": 4, "frame": 2.5, "nothing_found": 2, "no_near_miss": 1, "vocabulary": 20},
		Undetermined: {"reference_named": 2},
	}
)

func confidence(v Verdict, feats map[string]bool) *Confidence {
	e := baseError[v]
	if e == 0 {
		e = 0.3
	}
	var lowered []string
	for _, k := range featureOrder { // a fixed order of multiplication: the same value every run
		ok, present := feats[k]
		if x := featureFactor[v][k]; present && !ok && x != 0 && x != 1 {
			e *= x
			lowered = append(lowered, k)
		}
	}
	return &Confidence{Value: round3(1 - min(e, 0.95)), Features: feats, LoweredBy: lowered}
}

// featureOrder lists every confidence feature, sorted.
var featureOrder = []string{"all_elements", "corroborated", "direct", "frame", "instrument_scope", "mandatory_wording",
	"no_key_word", "no_near_miss", "nothing_found", "one_clause", "reference_named", "reference_resolved", "vocabulary"}

// nearCand is a section that comes close to a requirement: the elements
// counted in it, and the elements whose words it carries without counting.
type nearCand struct {
	best  *match.Hit // the hit to quote: the first counted one, else the first miss
	first int        // its first segment's position, for document order
	has   []bool     // by element
	nHas  int        // elements counted
	miss  []string   // by element: why its words did not count, "" for none
	words []string   // by element: the words of a key-word miss, as written
}

// weight ranks candidates: an element counted weighs most, then an
// element's words that did not count for a reason a reader may dispute
// (frame, role, negation, sense), then a key word alone or words the law
// itself sets aside (preamble, advice, an exclusion of the map).
func (c *nearCand) weight() int {
	w := 8 * c.nHas
	for _, code := range c.miss {
		switch code {
		case "":
		case missContext:
			w += 2
		case missNonOp, missAdvisory, missExcluded:
			w++
		default:
			w += 4
		}
	}
	return w
}

// hitWords returns the words of a hit as written in the statute.
func hitWords(h match.Hit) string {
	s := h.Seg
	if h.I < 0 || h.J > len(s.Toks) || h.I >= h.J {
		return ""
	}
	a, b := s.Orig(int(s.Toks[h.I].Start)), s.Orig(int(s.Toks[h.J-1].End))
	if a < 0 || b > len(s.Text) || a >= b {
		return ""
	}
	return s.Text[a:b]
}

// nearest lists, for a gap, up to maxNearest provisions that come closest
// to the requirement: most elements counted, then most elements whose
// words are there but did not count, then document order. Each lists the
// elements it has and lacks, and why words it carries did not count. When
// there is none, the second value says why.
func nearest(ix *index.Index, f *Finding, j judged, ms []miss) ([]Near, *reason.Reason) {
	elems := j.cr.elems
	if len(elems) == 0 {
		if j.check {
			r := reason.New("nearest-none-check", nil)
			return nil, &r
		}
		r := reason.New("no-criteria", nil)
		return nil, &r
	}
	cands := map[*statute.Provision]*nearCand{}
	get := func(s *index.Segment) *nearCand {
		sec := sectionOf(s)
		c := cands[sec]
		if c == nil {
			n := len(elems)
			c = &nearCand{first: s.Ord, has: make([]bool, n), miss: make([]string, n), words: make([]string, n)}
			cands[sec] = c
		}
		return c
	}
	for i, r := range j.raw {
		for _, h := range r.Hits {
			if j.scoped && !match.InTraffickingScope(ix, h.Seg) {
				c := get(h.Seg)
				if c.miss[i] == "" {
					c.miss[i] = missOutside
				}
				if c.best == nil {
					c.best = &h
				}
				continue
			}
			c := get(h.Seg)
			if c.nHas == 0 {
				c.best = &h
			}
			if !c.has[i] {
				c.has[i] = true
				c.nHas++
			}
		}
	}
	for _, m := range ms {
		c := get(m.hit.Seg)
		if !c.has[m.elem] && c.miss[m.elem] == "" {
			c.miss[m.elem] = m.code
			c.words[m.elem] = hitWords(m.hit)
		}
		if c.best == nil {
			h := m.hit
			c.best = &h
		}
	}
	list := make([]*nearCand, 0, len(cands))
	for _, c := range cands {
		if c.best != nil && !c.best.Seg.Repealed() {
			list = append(list, c)
		}
	}
	if len(list) == 0 {
		r := reason.New("nearest-none-no-words", nil)
		return nil, &r
	}
	sort.Slice(list, func(a, b int) bool {
		x, y := list[a], list[b]
		if sx, sy := x.weight(), y.weight(); sx != sy {
			return sx > sy
		}
		return x.first < y.first
	})
	var out []Near
	for _, c := range list[:min(maxNearest, len(list))] {
		s := c.best.Seg
		n := Near{Statute: string(s.Statute.Meta.ID), Provision: string(s.Prov.ID), Line: s.Line,
			Quote: match.Quote(*c.best), Context: match.Context(*c.best), Has: []string{}, Lacks: []string{}}
		for i, el := range elems {
			if c.has[i] {
				n.Has = append(n.Has, elemName(el))
				continue
			}
			n.Lacks = append(n.Lacks, elemName(el))
			if code := c.miss[i]; code != "" {
				n.NoteReasons = append(n.NoteReasons, missNote(code, elemName(el), c.words[i]))
			}
		}
		out = append(out, n)
	}
	return out, nil
}
