package index

import (
	"math/bits"
	"sort"
	"strings"
	"sync/atomic"
)

// Posting is one occurrence of a word: segment and token index.
type Posting struct {
	Seg int32
	Tok int32
}

// vocab is the inverted index over all tokens, built once.
type vocab struct {
	ids   map[string]int32 // word -> id
	off   []int32          // postings of word id k are all[off[k]:off[k+1]]
	all   []Posting
	words []string // sorted, for prefix lookups
	sids  []int32  // the id of words[k]
	// flat holds the word id of every token, segment after segment; the
	// tokens of segment k are flat[start[k]:start[k+1]].
	flat  []int32
	start []int32
}

// wordIDs returns the ids of the vocabulary words a phrase word matches:
// one for an exact word (none when absent), a run of sorted words for a
// prefix.
func (v *vocab) wordIDs(w pword, buf []int32) []int32 {
	buf = buf[:0]
	if !w.prefix {
		if id, ok := v.ids[w.w]; ok {
			buf = append(buf, id)
		}
		return buf
	}
	for i := sort.SearchStrings(v.words, w.w); i < len(v.words) && strings.HasPrefix(v.words[i], w.w); i++ {
		buf = append(buf, v.sids[i])
	}
	return buf
}

// count is the number of postings of the given word ids.
func (v *vocab) count(ids []int32) int {
	n := 0
	for _, id := range ids {
		n += int(v.off[id+1] - v.off[id])
	}
	return n
}

func (v *vocab) postings(w string) []Posting {
	id, ok := v.ids[w]
	if !ok {
		return nil
	}
	return v.all[v.off[id]:v.off[id+1]]
}

const vocabCache = 1 << 12

type vocabSlot struct {
	w  string
	id int32
}

// slotOf hashes a word (never empty) by its length and three of its bytes.
func slotOf(w string) uint32 {
	h := uint32(len(w))*0x9e3779b1 ^ uint32(w[0])<<7 ^ uint32(w[len(w)-1])<<13 ^ uint32(w[len(w)/2])<<19
	h ^= h >> 15
	return h % vocabCache
}

// buildVocab interns every word once (one map operation per token), then
// lays the postings out by word with a counting sort.
func (ix *Index) buildVocab() {
	n := 0
	for _, s := range ix.Segments {
		n += len(s.Toks)
	}
	ids := make(map[string]int32, n/16+16)
	flat := make([]int32, 0, n)
	var count []int32
	// A small direct-mapped cache in front of the map: legal text repeats
	// a few hundred words ("the", "person", "shall") for most of its
	// tokens, and a hit costs a cheap hash and one short compare instead
	// of a map lookup. Entries are always (word, its id), so ids are the
	// same as without it.
	cache := make([]vocabSlot, vocabCache)
	start := make([]int32, len(ix.Segments)+1)
	for k, s := range ix.Segments {
		start[k] = int32(len(flat))
		for _, t := range s.Toks {
			w := t.Word
			c := &cache[slotOf(w)]
			id := c.id
			if c.w != w { // tokens are never empty, so a zero slot never matches
				var ok bool
				id, ok = ids[w]
				if !ok {
					id = int32(len(count))
					ids[w] = id
					count = append(count, 0)
				}
				*c = vocabSlot{w, id}
			}
			count[id]++
			flat = append(flat, id)
		}
	}
	start[len(ix.Segments)] = int32(len(flat))
	off := make([]int32, len(count)+1)
	for k, c := range count {
		off[k+1] = off[k] + c
	}
	next := append([]int32(nil), off[:len(count)]...)
	all := make([]Posting, n)
	k := 0
	for si, s := range ix.Segments {
		for ti := range s.Toks {
			id := flat[k]
			k++
			all[next[id]] = Posting{int32(si), int32(ti)}
			next[id]++
		}
	}
	words := make([]string, 0, len(ids))
	for w := range ids {
		words = append(words, w)
	}
	sort.Strings(words)
	sids := make([]int32, len(words))
	for k, w := range words {
		sids[k] = ids[w]
	}
	ix.vocab = &vocab{ids: ids, off: off, all: all, words: words, sids: sids, flat: flat, start: start}
}

// Postings calls visit for each occurrence of a folded word; a trailing
// '*' makes it a prefix. Order: by segment, then token, for exact words;
// for prefixes, grouped by word in sorted order.
func (ix *Index) Postings(w string, visit func(p Posting)) {
	if ix.vocab == nil {
		ix.buildVocab()
	}
	if !strings.HasSuffix(w, "*") {
		for _, p := range ix.vocab.postings(w) {
			visit(p)
		}
		return
	}
	pre := w[:len(w)-1]
	i := sort.SearchStrings(ix.vocab.words, pre)
	for ; i < len(ix.vocab.words) && strings.HasPrefix(ix.vocab.words[i], pre); i++ {
		for _, p := range ix.vocab.postings(ix.vocab.words[i]) {
			visit(p)
		}
	}
}

// FindAll returns every match of the phrase set over the whole index, as
// (segment index, span) pairs sorted by segment then token.
func (ps *PhraseSet) FindAll(ix *Index) []SegSpan {
	var out []SegSpan
	for pi, ws := range ps.phrases {
		ix.Postings(ws[0], func(p Posting) {
			toks := ix.Segments[p.Seg].Toks
			if j := ps.atFrom(toks, int(p.Tok), int32(pi), 1); j > 0 {
				out = append(out, SegSpan{Seg: int(p.Seg), Span: Span{I: int(p.Tok), J: j, Phrase: pi}})
			}
		})
	}
	sort.Slice(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.Seg != y.Seg {
			return x.Seg < y.Seg
		}
		if x.I != y.I {
			return x.I < y.I
		}
		return x.J > y.J
	})
	return out
}

// SegSpan is a match located in one segment of the index.
type SegSpan struct {
	Seg int
	Span
}

// mark sets the bit of every segment holding a phrase of ps. A phrase is
// looked up by its rarest word, not its first: "in the course of" is found
// from the postings of "course", which are a small fraction of those of
// "in", and a phrase with a word absent from the corpus costs nothing.
func (ps *PhraseSet) mark(ix *Index, m []uint64) {
	if ix.vocab == nil {
		ix.buildVocab()
	}
	v := ix.vocab
	var buf, best, wids []int32
	for _, ws := range ps.words {
		anchor, n := -1, 0
		wids = wids[:0]
		for k, w := range ws {
			buf = v.wordIDs(w, buf)
			c := v.count(buf)
			if c == 0 {
				anchor = -1
				break
			}
			// the other words are verified by id (an exact word) or by
			// string (a prefix, -1)
			if w.prefix {
				wids = append(wids, -1)
			} else {
				wids = append(wids, buf[0])
			}
			if anchor < 0 || c < n {
				anchor, n = k, c
				best = append(best[:0], buf...)
			}
		}
		if anchor < 0 {
			continue
		}
		for _, id := range best {
			for _, p := range v.all[v.off[id]:v.off[id+1]] {
				w, b := p.Seg>>6, uint64(1)<<(uint(p.Seg)&63)
				if m[w]&b != 0 {
					continue
				}
				if len(ws) == 1 || ps.matchIDs(ix, p, anchor, ws, wids) {
					m[w] |= b
				}
			}
		}
	}
}

// matchIDs reports whether the phrase of words ws (ids wids) occurs with
// its word anchor at posting p (which matched that word already).
func (ps *PhraseSet) matchIDs(ix *Index, p Posting, anchor int, ws []pword, wids []int32) bool {
	v := ix.vocab
	i := int(p.Tok) - anchor
	lo, hi := int(v.start[p.Seg]), int(v.start[p.Seg+1])
	if i < 0 || lo+i+len(ws) > hi {
		return false
	}
	ids := v.flat[lo+i : lo+i+len(ws)]
	for k, id := range wids {
		if k == anchor {
			continue
		}
		if id >= 0 {
			if ids[k] != id {
				return false
			}
			continue
		}
		t := ix.Segments[p.Seg].Toks[i+k].Word
		if len(t) < len(ws[k].w) || t[:len(ws[k].w)] != ws[k].w {
			return false
		}
	}
	return true
}

// Candidates returns, in document order and without repeats, the segments
// (by Ord) that hold a phrase of ps. Memoised per phrase set.
func (ix *Index) Candidates(ps *PhraseSet) []int32 {
	if c, ok := ix.cands[ps]; ok {
		return c
	}
	m := ix.bits(ps)
	n := 0
	for _, v := range m {
		n += bits.OnesCount64(v)
	}
	out := make([]int32, 0, n)
	for w, v := range m {
		for v != 0 {
			b := bits.TrailingZeros64(v)
			out = append(out, int32(w<<6+b))
			v &= v - 1
		}
	}
	if ix.cands == nil {
		ix.cands = map[*PhraseSet][]int32{}
	}
	ix.cands[ps] = out
	return out
}

// SegMemo returns a per-segment slice of small values under a name,
// allocated (zeroed) on first use, for callers that memoise a property of
// segments during one analysis.
func (ix *Index) SegMemo(name string) []int8 {
	if m, ok := ix.smemo[name]; ok {
		return m
	}
	if ix.smemo == nil {
		ix.smemo = map[string][]int8{}
	}
	m := make([]int8, len(ix.Segments))
	ix.smemo[name] = m
	return m
}

// literalSets numbers the literal sets of the process (see phraseSets).
var literalSets atomic.Int32

// Literals is a set of strings looked for anywhere in a segment's folded
// text, not only at word starts as phrases are: a cheap prefilter for
// strings.Contains over many segments. Compiled once.
type Literals struct {
	lits []string
	// pieces holds the longest run of word bytes of each literal: where a
	// literal occurs, that run lies inside one token's word.
	pieces []string
	// any is set when some literal has no word byte: then every segment
	// may hold one
	any bool
	id  int32
}

// NewLiterals compiles a set of folded literals.
func NewLiterals(lits ...string) *Literals {
	l := &Literals{lits: lits, id: literalSets.Add(1) - 1}
	for _, s := range lits {
		best := ""
		for i := 0; i < len(s); {
			if !wordByte[s[i]] {
				i++
				continue
			}
			j := i + 1
			for j < len(s) && wordByte[s[j]] {
				j++
			}
			if j-i > len(best) {
				best = s[i:j]
			}
			i = j
		}
		if best == "" {
			l.any = true
			continue
		}
		l.pieces = append(l.pieces, best)
	}
	return l
}

// MayContain reports whether the segment's folded text may hold one of
// the literals: false means it holds none. Every occurrence of a literal
// holds the literal's longest run of word bytes inside one run of word
// bytes of the text, and every such run is part of a token's word, so the
// answer for every segment is computed once per set from the vocabulary:
// the segments of the words that contain a piece.
func (ix *Index) MayContain(l *Literals, s *Segment) bool {
	if l.any {
		return true
	}
	if ix == nil || s.ix != ix || ix.vocab == nil {
		return l.inSegment(s)
	}
	m := ix.litBits(l)
	return m[s.Ord>>6]&(1<<(uint(s.Ord)&63)) != 0
}

// Strings returns the literals, in the order given.
func (l *Literals) Strings() []string { return l.lits }

// In reports whether f contains one of the literals.
func (l *Literals) In(f string) bool {
	for _, x := range l.lits {
		if strings.Contains(f, x) {
			return true
		}
	}
	return false
}

// ContainsAny reports whether the segment's folded text contains one of
// the literals, asking the vocabulary first (MayContain).
func (s *Segment) ContainsAny(l *Literals) bool { return s.MayContain(l) && l.In(s.Fold) }

// inSegment is MayContain read from the segment's own words.
func (l *Literals) inSegment(s *Segment) bool {
	if l.any {
		return true
	}
	for _, t := range s.Toks {
		for _, p := range l.pieces {
			if strings.Contains(t.Word, p) {
				return true
			}
		}
	}
	return false
}

// MayContain is Index.MayContain for the segment's index.
func (s *Segment) MayContain(l *Literals) bool { return s.ix.MayContain(l, s) }

// litBits returns the memoised bit set of the segments whose words hold a
// piece of l.
func (ix *Index) litBits(l *Literals) []uint64 {
	if l.id < memoSlots && int(l.id) < len(ix.litMemo) && ix.litMemo[l.id] != nil {
		return ix.litMemo[l.id]
	}
	if m, ok := ix.litMap[l]; ok {
		return m
	}
	v := ix.vocab
	m := make([]uint64, (len(ix.Segments)+63)/64+1) // never empty: nil means not computed
	for k, w := range v.words {
		hit := false
		for _, p := range l.pieces {
			if len(w) >= len(p) && strings.Contains(w, p) {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		id := v.sids[k]
		for _, p := range v.all[v.off[id]:v.off[id+1]] {
			m[p.Seg>>6] |= 1 << (uint(p.Seg) & 63)
		}
	}
	if l.id < memoSlots {
		if int(l.id) >= len(ix.litMemo) {
			ix.litMemo = append(ix.litMemo, make([][]uint64, int(l.id)+1-len(ix.litMemo))...)
		}
		ix.litMemo[l.id] = m
	} else {
		if ix.litMap == nil {
			ix.litMap = map[*Literals][]uint64{}
		}
		ix.litMap[l] = m
	}
	return m
}
