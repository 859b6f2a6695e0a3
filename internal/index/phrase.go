package index

import (
	"strings"
	"sync/atomic"
)

// phraseSets numbers the phrase sets of the process, so an index can keep
// its per-set memo in a slice instead of a map keyed by pointer.
var phraseSets atomic.Int32

// PhraseSet finds any of a set of word sequences in a token stream. A word
// ending in '*' is a prefix. Compiled once; Find is linear in the tokens.
type PhraseSet struct {
	phrases [][]string
	words   [][]pword          // phrases with prefix flags precomputed
	exact   map[string][]int32 // first word -> phrase indexes
	pre3    map[string][]int32 // first 3 bytes of a prefix first word
	short   []int32            // prefix first words shorter than 3 bytes
	Terms   []string           // the terms as given, by phrase index
	id      int32              // 0-based number of the set in the process
	// starts holds a bit per hash of the first two bytes of every word a
	// phrase can start with: most tokens of a text start no phrase, and
	// the bit test rejects them before any map lookup.
	starts [startBits / 64]uint64
	// exactLens holds a bit per length of the exact first words (lengths
	// from 63 on share the last bit): a second cheap test before the map
	// lookup.
	exactLens uint64
}

// exactLen reports whether an exact first word may be n bytes long.
func (ps *PhraseSet) exactLen(n int) bool {
	return ps.exactLens&(1<<min(n, 63)) != 0
}

const startBits = 4096

// startKey hashes the first two bytes of a word (a one-byte word hashes
// with 0 as its second byte).
func startKey(w string) uint32 {
	var b1 byte
	if len(w) > 1 {
		b1 = w[1]
	}
	return (uint32(w[0])*131 + uint32(b1)) % startBits
}

func (ps *PhraseSet) setStart(w string) {
	k := startKey(w)
	ps.starts[k>>6] |= 1 << (k & 63)
}

// mayStart reports whether a phrase can start at word w (false: none can).
func (ps *PhraseSet) mayStart(w string) bool {
	if w == "" {
		return false
	}
	k := startKey(w)
	return ps.starts[k>>6]&(1<<(k&63)) != 0
}

// NewPhraseSet compiles terms (folded with Words).
//
// The phrases' words, their prefix flags and the phrase lists of the first
// words are laid out in a few flat arrays, not one small slice each: a
// compiled map holds thousands of phrase sets for the life of the engine,
// and the garbage collector marks each object they hold in every cycle.
func NewPhraseSet(terms []string) *PhraseSet {
	ps := &PhraseSet{id: phraseSets.Add(1) - 1}
	var all [][]string
	ps.Terms = make([]string, 0, len(terms))
	n := 0
	for _, t := range terms {
		ws := Words(t)
		if len(ws) == 0 {
			continue
		}
		all = append(all, ws)
		ps.Terms = append(ps.Terms, t)
		n += len(ws)
	}
	flat := make([]string, 0, n)
	pflat := make([]pword, 0, n)
	ps.phrases = make([][]string, len(all))
	ps.words = make([][]pword, len(all))
	// phrase indexes by first word, in phrase order: counted, then filled
	// into one array
	exactN, pre3N := map[string]int{}, map[string]int{}
	for i, ws := range all {
		a := len(flat)
		flat = append(flat, ws...)
		ps.phrases[i] = flat[a:len(flat):len(flat)]
		for _, w := range ws {
			if strings.HasSuffix(w, "*") {
				pflat = append(pflat, pword{w: w[:len(w)-1], prefix: true})
			} else {
				pflat = append(pflat, pword{w: w})
			}
		}
		ps.words[i] = pflat[a:len(pflat):len(pflat)]
		switch w := ws[0]; {
		case !strings.HasSuffix(w, "*"):
			exactN[w]++
		case len(w)-1 >= 3:
			pre3N[w[:3]]++
		}
	}
	lists := make([]int32, 0, len(all))
	ps.exact = make(map[string][]int32, len(exactN))
	if len(pre3N) > 0 {
		ps.pre3 = make(map[string][]int32, len(pre3N)) // else nil: read only
	}
	carve := func(m map[string][]int32, k string, count int) {
		a := len(lists)
		lists = lists[:a+count]
		m[k] = lists[a : a : a+count]
	}
	for i, ws := range all {
		w := ws[0]
		p := int32(i)
		switch {
		case !strings.HasSuffix(w, "*"):
			if _, ok := ps.exact[w]; !ok {
				carve(ps.exact, w, exactN[w])
			}
			ps.exact[w] = append(ps.exact[w], p)
			ps.setStart(w)
			ps.exactLens |= 1 << min(len(w), 63)
		case len(w)-1 >= 3:
			if _, ok := ps.pre3[w[:3]]; !ok {
				carve(ps.pre3, w[:3], pre3N[w[:3]])
			}
			ps.pre3[w[:3]] = append(ps.pre3[w[:3]], p)
			ps.setStart(w[:2])
		default:
			ps.short = append(ps.short, p)
			switch pre := w[:len(w)-1]; len(pre) {
			case 2:
				ps.setStart(pre)
			case 1:
				// a one-byte prefix starts words with any second byte
				for b := 0; b < 256; b++ {
					ps.setStart(string([]byte{pre[0], byte(b)}))
				}
			default:
				for k := range ps.starts {
					ps.starts[k] = ^uint64(0)
				}
			}
		}
	}
	return ps
}

// Len is the number of phrases.
func (ps *PhraseSet) Len() int { return len(ps.phrases) }

func wordMatch(pat, w string) bool {
	if strings.HasSuffix(pat, "*") {
		return strings.HasPrefix(w, pat[:len(pat)-1])
	}
	return pat == w
}

// pword is one word of a phrase: exact, or a prefix.
type pword struct {
	w      string
	prefix bool
}

func (ps *PhraseSet) at(toks []Token, i int, p int32) int { return ps.atFrom(toks, i, p, 0) }

// atFrom checks phrase p at token i, its words from k on (the caller knows
// the first k match); it returns the end token or -1.
func (ps *PhraseSet) atFrom(toks []Token, i int, p int32, k int) int {
	ws := ps.words[p]
	if i+len(ws) > len(toks) {
		return -1
	}
	for ; k < len(ws); k++ {
		w, t := ws[k], toks[i+k].Word
		if w.prefix {
			if len(t) < len(w.w) || t[:len(w.w)] != w.w {
				return -1
			}
		} else if t != w.w {
			return -1
		}
	}
	return i + len(ws)
}

// Span is a token range [I, J) and the phrase that matched.
type Span struct {
	I, J   int
	Phrase int
}

// Find returns every match, ordered by start token, longest first at one start.
func (ps *PhraseSet) Find(toks []Token) []Span {
	if ps == nil || len(ps.phrases) == 0 {
		return nil
	}
	var out []Span
	for i := range toks {
		w := toks[i].Word
		if !ps.mayStart(w) {
			continue
		}
		// the longest phrase starting here, the first of equal length in
		// the order exact, prefix of three bytes, short prefix
		best := Span{I: -1}
		if ps.exactLen(len(w)) {
			for _, p := range ps.exact[w] {
				if j := ps.at(toks, i, p); j > 0 && (best.I < 0 || j > best.J) {
					best = Span{I: i, J: j, Phrase: int(p)}
				}
			}
		}
		if len(w) >= 3 && ps.pre3 != nil {
			for _, p := range ps.pre3[w[:3]] {
				if j := ps.at(toks, i, p); j > 0 && (best.I < 0 || j > best.J) {
					best = Span{I: i, J: j, Phrase: int(p)}
				}
			}
		}
		for _, p := range ps.short {
			if j := ps.at(toks, i, p); j > 0 && (best.I < 0 || j > best.J) {
				best = Span{I: i, J: j, Phrase: int(p)}
			}
		}
		if best.I >= 0 {
			out = append(out, best)
		}
	}
	return out
}

// Any reports whether any phrase occurs.
func (ps *PhraseSet) Any(toks []Token) bool {
	if ps == nil {
		return false
	}
	for i := range toks {
		w := toks[i].Word
		if !ps.mayStart(w) {
			continue
		}
		if ps.exactLen(len(w)) {
			for _, p := range ps.exact[w] {
				if ps.at(toks, i, p) > 0 {
					return true
				}
			}
		}
		if len(w) >= 3 && ps.pre3 != nil {
			for _, p := range ps.pre3[w[:3]] {
				if ps.at(toks, i, p) > 0 {
					return true
				}
			}
		}
		for _, p := range ps.short {
			if ps.at(toks, i, p) > 0 {
				return true
			}
		}
	}
	return false
}

// AnyWithGap reports whether toks hold the first and last word of one of
// the set's two-word phrases in order, at most gap words apart ("wird …
// bestraft": "wird nach Maßgabe des Militärstrafgesetzes bestraft"). Only
// exact (non-prefix) words are read.
func (ps *PhraseSet) AnyWithGap(toks []Token, gap int) bool {
	if ps == nil {
		return false
	}
	for i := range toks {
		// most words start no phrase: the start and length bits, set for
		// every exact first word, spare the map lookup
		if w := toks[i].Word; !ps.mayStart(w) || !ps.exactLen(len(w)) {
			continue
		}
		for _, p := range ps.exact[toks[i].Word] {
			ws := ps.phrases[p]
			if len(ws) != 2 {
				continue
			}
			for j := i + 1; j < len(toks) && j <= i+1+gap; j++ {
				if toks[j].Word == ws[1] {
					return true
				}
			}
		}
	}
	return false
}
