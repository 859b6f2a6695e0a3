package match

import (
	"fmt"
	"regexp"
	"sort"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/standard"
)

// Hit is one match: a token span [I, J) of one segment.
type Hit struct {
	Seg  *index.Segment
	I, J int
	Term string
	// Law is set by cross-ref hits: the law referred to.
	Law string
}

// Matcher finds the hits of one pattern over a whole index.
type Matcher interface {
	Match(ix *index.Index) []Hit
}

// langTerms merges the terms for each language with the "*" terms.
func langTerms(m map[string][]string) map[string][]string {
	out := map[string][]string{}
	for _, l := range []string{"en", "fr", "de", "es"} {
		out[l] = append(append([]string(nil), m[l]...), m["*"]...)
	}
	for l, ts := range m {
		if _, ok := out[l]; !ok && l != "*" {
			out[l] = append(append([]string(nil), ts...), m["*"]...)
		}
	}
	return out
}

// langSets is one PhraseSet per language.
type langSets map[string]*index.PhraseSet

func newLangSets(m map[string][]string) langSets {
	ls := langSets{}
	for l, ts := range langTerms(m) {
		ls[l] = index.NewPhraseSet(ts)
	}
	return ls
}

func (ls langSets) forLang(l string) *index.PhraseSet {
	if p, ok := ls[l]; ok {
		return p
	}
	return ls["en"]
}

// find returns the hits of the sets over ix, each segment using the set of
// its statute's language.
func (ls langSets) find(ix *index.Index) []Hit {
	var out []Hit
	langs := make([]string, 0, len(ls))
	for l := range ls {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		if !ix.Langs[l] && !(l == "en" && otherLangs(ix, ls)) {
			continue
		}
		ps := ls[l]
		for _, ss := range ps.FindAll(ix) {
			seg := ix.Segments[ss.Seg]
			if segLang(seg, ls) != l {
				continue
			}
			out = append(out, Hit{Seg: seg, I: ss.I, J: ss.J, Term: ps.Terms[ss.Phrase]})
		}
	}
	sortHits(out)
	return out
}

// otherLangs reports whether the index holds a language without its own
// term set (those segments use the English set).
func otherLangs(ix *index.Index, ls langSets) bool {
	for l := range ix.Langs {
		if _, ok := ls[l]; !ok {
			return true
		}
	}
	return false
}

func segLang(s *index.Segment, ls langSets) string {
	if _, ok := ls[s.Lang]; ok {
		return s.Lang
	}
	return "en"
}

func sortHits(h []Hit) {
	sort.SliceStable(h, func(a, b int) bool {
		if h[a].Seg.Ord != h[b].Seg.Ord {
			return h[a].Seg.Ord < h[b].Seg.Ord
		}
		return h[a].I < h[b].I
	})
}

// keyword matches any term (phrase is the same matcher; the kinds differ in
// intent only).
type keyword struct{ sets langSets }

func (k *keyword) Match(ix *index.Index) []Hit { return k.sets.find(ix) }

// near matches a term of Terms within Within tokens of a term of With.
type near struct {
	terms, with langSets
	within      int
}

func (n *near) Match(ix *index.Index) []Hit {
	var out []Hit
	var last *index.Segment
	var with []index.Span
	for _, h := range n.terms.find(ix) {
		if h.Seg != last {
			last = h.Seg
			with = n.with.forLang(segLang(h.Seg, n.with)).Find(h.Seg.Toks)
		}
		for _, w := range with {
			d := w.I - h.J
			if w.I < h.I {
				d = h.I - w.J
			}
			if d <= n.within {
				out = append(out, Hit{Seg: h.Seg, I: min(h.I, w.I), J: max(h.J, w.J), Term: h.Term})
				break
			}
		}
	}
	return out
}

// regex matches a Go regular expression against the folded text.
type regex struct {
	res   map[string]*regexp.Regexp
	roles index.RoleSet // set by CompileElement: segments outside these roles are skipped
}

func (r *regex) Match(ix *index.Index) []Hit {
	var out []Hit
	for _, s := range ix.Segments {
		if r.roles != 0 && s.Roles&r.roles == 0 {
			continue
		}
		re := r.res[s.Lang]
		if re == nil {
			re = r.res["*"]
		}
		if re == nil {
			continue
		}
		for _, loc := range re.FindAllStringIndex(s.Fold, 4) {
			i, j := tokenSpan(s, loc[0], loc[1])
			out = append(out, Hit{Seg: s, I: i, J: j, Term: s.Fold[loc[0]:loc[1]]})
		}
	}
	return out
}

// tokenSpan converts folded byte offsets to a token range.
func tokenSpan(s *index.Segment, a, b int) (int, int) {
	i := sort.Search(len(s.Toks), func(k int) bool { return int(s.Toks[k].End) > a })
	j := sort.Search(len(s.Toks), func(k int) bool { return int(s.Toks[k].Start) >= b })
	if j <= i {
		j = min(i+1, len(s.Toks))
	}
	return i, j
}

// defines matches segments that define one of the terms.
type defines struct{ terms map[string][]string }

func (d *defines) Match(ix *index.Index) []Hit {
	var out []Hit
	for _, s := range ix.Segments {
		if len(s.Defines) == 0 {
			continue
		}
		ts := d.terms[s.Lang]
		if ts == nil {
			ts = d.terms["en"]
		}
		for _, t := range ts {
			if defMatches(s.Defines, t) {
				out = append(out, Hit{Seg: s, I: 0, J: min(len(s.Toks), 1), Term: t})
				break
			}
		}
	}
	return out
}

func defMatches(defs []string, term string) bool {
	ws := index.Words(term)
	for _, d := range defs {
		dw := index.Words(d)
		if len(dw) < len(ws) {
			continue
		}
		ok := true
		for k, w := range ws {
			if !wordEq(w, dw[k]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func wordEq(pat, w string) bool {
	if len(pat) > 0 && pat[len(pat)-1] == '*' {
		return len(w) >= len(pat)-1 && w[:len(pat)-1] == pat[:len(pat)-1]
	}
	return pat == w
}

// crossRef matches a segment that mentions a term and refers to a law
// outside the corpus.
type crossRef struct{ sets langSets }

func (c *crossRef) Match(ix *index.Index) []Hit {
	var out []Hit
	for _, h := range c.sets.find(ix) {
		for _, r := range h.Seg.Refs {
			if r.External {
				h.Law = r.Law
				out = append(out, h)
				break
			}
		}
	}
	return out
}

// Compile builds the matcher for one pattern.
func Compile(p standard.Pattern) (Matcher, error) {
	switch p.Kind {
	case standard.CritKeyword, standard.CritPhrase:
		return &keyword{sets: newLangSets(p.Terms)}, nil
	case standard.CritNear:
		w := p.Within
		if w <= 0 {
			w = 8
		}
		return &near{terms: newLangSets(p.Terms), with: newLangSets(p.With), within: w}, nil
	case standard.CritRegex:
		r := &regex{res: map[string]*regexp.Regexp{}}
		for l, src := range p.Regex {
			re, err := regexp.Compile(src)
			if err != nil {
				return nil, fmt.Errorf("%s: regex for %q: %v", p.Pos, l, err)
			}
			r.res[l] = re
		}
		return r, nil
	case standard.CritDefines:
		return &defines{terms: langTerms(p.Terms)}, nil
	case standard.CritCrossRef:
		return &crossRef{sets: newLangSets(p.Terms)}, nil
	}
	return nil, fmt.Errorf("%s: unknown criterion kind %q, expected one of keyword, phrase, near, regex, defines, cross-ref", p.Pos, p.Kind)
}
