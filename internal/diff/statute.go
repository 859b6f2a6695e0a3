package diff

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// ChangeKind classifies one provision's change between versions.
type ChangeKind string

const (
	Added     ChangeKind = "added"
	Removed   ChangeKind = "removed"
	Changed   ChangeKind = "changed"   // same ID, different text
	Moved     ChangeKind = "moved"     // different ID, similar text (renumbered or moved), maybe edited
	Unchanged ChangeKind = "unchanged" // reported only when asked
)

// Op is one word-level edit.
type Op struct {
	Kind string `json:"op"` // "=", "+", "-"
	Text string `json:"text"`
}

// ProvisionChange is one aligned (or unaligned) provision.
type ProvisionChange struct {
	Kind       ChangeKind `json:"kind"`
	OldID      string     `json:"old_id,omitempty"`
	NewID      string     `json:"new_id,omitempty"`
	OldLine    int        `json:"old_line,omitempty"`
	NewLine    int        `json:"new_line,omitempty"`
	Heading    string     `json:"heading,omitempty"`
	Similarity float64    `json:"similarity"`
	Words      []Op       `json:"words,omitempty"` // word diff of the provision's own text (and heading)
	Added      int        `json:"words_added"`
	Removed    int        `json:"words_removed"`
}

// StatuteDiff is the provision-level difference between two versions.
type StatuteDiff struct {
	Statute    string             `json:"statute"`
	OldVersion string             `json:"old_version"`
	NewVersion string             `json:"new_version"`
	OldSHA256  string             `json:"old_sha256"`
	NewSHA256  string             `json:"new_sha256"`
	Changes    []ProvisionChange  `json:"changes"`
	Summary    map[ChangeKind]int `json:"summary"`
}

// Options tune the alignment.
type Options struct {
	// MinSimilarity is the least Jaccard similarity of word sets for two
	// provisions with different IDs to be paired (default 0.5).
	MinSimilarity float64
	// KeepUnchanged reports unchanged provisions too.
	KeepUnchanged bool
}

// Statutes compares old and new, which should be two versions of one statute
// (any two statutes work). It never fails.
func Statutes(old, new *statute.Statute, opt Options) *StatuteDiff {
	if opt.MinSimilarity == 0 {
		opt.MinSimilarity = 0.5
	}
	d := &StatuteDiff{
		Statute: string(new.Meta.ID), OldVersion: old.Meta.VersionDate, NewVersion: new.Meta.VersionDate,
		OldSHA256: old.SHA256, NewSHA256: new.SHA256, Summary: map[ChangeKind]int{},
	}
	if d.Statute == "" {
		d.Statute = string(old.Meta.ID)
	}
	a := &aligner{opt: opt, dmp: diffmatchpatch.New()}
	a.dmp.DiffTimeout = 0
	a.align(old.Roots, new.Roots, d)
	a.pairLeftovers(d)
	for _, c := range d.Changes {
		d.Summary[c.Kind]++
	}
	return d
}

// sameIDLock is the similarity at or above which two provisions with the
// same ID are paired before any other candidate is considered;
// sameIDBonus is added to the similarity of a same-ID pair below it.
const (
	sameIDLock  = 0.8
	sameIDBonus = 0.25
)

type aligner struct {
	opt Options
	dmp *diffmatchpatch.DiffMatchPatch
}

type node struct {
	p    *statute.Provision
	text string              // heading and the whole subtree's text
	wset map[uint64]struct{} // words of text, computed on first use
	oset map[uint64]struct{} // words of the provision's own text
	used bool
}

func newNodes(ps []*statute.Provision) []*node {
	out := make([]*node, len(ps))
	for i, p := range ps {
		out[i] = &node{p: p, text: p.Heading + "\n" + subtreeText(p)}
	}
	return out
}

// set returns the words of the heading and subtree (computed once).
func (n *node) set() map[uint64]struct{} {
	if n.wset == nil {
		n.wset = wordSet(n.text)
	}
	return n.wset
}

// own returns the words of the provision's own text (for a leaf, its set).
func (n *node) own() map[uint64]struct{} {
	if len(n.p.Children) == 0 {
		return n.set()
	}
	if n.oset == nil {
		n.oset = wordSet(ownText(n.p))
	}
	return n.oset
}

// similarity compares two provisions by their subtrees, except a leaf with
// a provision that has sub-provisions: there the subtree would contain the
// leaf's words, so their own texts are compared.
func similarity(o, n *node) float64 {
	if (len(o.p.Children) > 0) != (len(n.p.Children) > 0) {
		if len(o.own()) == 0 || len(n.own()) == 0 {
			return 0
		}
		return jaccard(o.own(), n.own())
	}
	if o.text == n.text {
		return 1
	}
	return jaccard(o.set(), n.set())
}

// align pairs two sibling lists and recurses into paired children.
func (a *aligner) align(olds, news []*statute.Provision, d *StatuteDiff) {
	on, nn := newNodes(olds), newNodes(news)
	pairOf := make(map[*node]*node)
	byID := make(map[statute.ProvisionID]*node, len(on))
	for _, o := range on {
		byID[o.p.ID] = o
	}
	// Same ID and nearly the same words first: the common case, and cheap.
	for _, n := range nn {
		if o, ok := byID[n.p.ID]; ok && !o.used && (o.text == n.text || jaccard(o.set(), n.set()) >= sameIDLock) {
			o.used, n.used = true, true
			pairOf[n] = o
		}
	}
	// Then the rest by similarity, best pairs first, a shared ID counting
	// as a bonus: a subsection renumbered by an insertion before it pairs
	// with its new number rather than with the new text that took its old
	// number. Ties by document order.
	type cand struct {
		o, n *node
		sim  float64
		oi   int
		ni   int
	}
	var cands []cand
	for ni, n := range nn {
		if n.used {
			continue
		}
		for oi, o := range on {
			if o.used {
				continue
			}
			s := similarity(o, n)
			if o.p.ID == n.p.ID {
				s += sameIDBonus
			}
			if s >= a.opt.MinSimilarity {
				cands = append(cands, cand{o, n, s, oi, ni})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].sim != cands[j].sim {
			return cands[i].sim > cands[j].sim
		}
		if cands[i].ni != cands[j].ni {
			return cands[i].ni < cands[j].ni
		}
		return cands[i].oi < cands[j].oi
	})
	for _, c := range cands {
		if c.o.used || c.n.used {
			continue
		}
		c.o.used, c.n.used = true, true
		pairOf[c.n] = c.o
	}
	// A provision keeping its ID but rewritten beyond recognition is still
	// the same provision, changed.
	for _, n := range nn {
		if o, ok := byID[n.p.ID]; ok && !o.used && !n.used {
			o.used, n.used = true, true
			pairOf[n] = o
		}
	}
	for _, n := range nn {
		o, ok := pairOf[n]
		if !ok {
			d.Changes = append(d.Changes, ProvisionChange{Kind: Added, NewID: string(n.p.ID), NewLine: n.p.Line,
				Heading: n.p.Heading, Words: wordsOnly("+", ownText(n.p)), Added: countWords(ownText(n.p))})
			a.addSubtree(n.p.Children, d, Added)
			continue
		}
		a.compare(o.p, n.p, similarity(o, n), d)
		a.align(o.p.Children, n.p.Children, d)
	}
	for _, o := range on {
		if !o.used {
			d.Changes = append(d.Changes, ProvisionChange{Kind: Removed, OldID: string(o.p.ID), OldLine: o.p.Line,
				Heading: o.p.Heading, Words: wordsOnly("-", ownText(o.p)), Removed: countWords(ownText(o.p))})
			a.addSubtree(o.p.Children, d, Removed)
		}
	}
}

func (a *aligner) addSubtree(ps []*statute.Provision, d *StatuteDiff, kind ChangeKind) {
	for _, p := range ps {
		c := ProvisionChange{Kind: kind, Heading: p.Heading}
		if kind == Added {
			c.NewID, c.NewLine, c.Words, c.Added = string(p.ID), p.Line, wordsOnly("+", ownText(p)), countWords(ownText(p))
		} else {
			c.OldID, c.OldLine, c.Words, c.Removed = string(p.ID), p.Line, wordsOnly("-", ownText(p)), countWords(ownText(p))
		}
		d.Changes = append(d.Changes, c)
		a.addSubtree(p.Children, d, kind)
	}
}

func (a *aligner) compare(o, n *statute.Provision, sim float64, d *StatuteDiff) {
	oldText, newText := ownText(o), ownText(n)
	kind := Unchanged
	if o.ID != n.ID {
		kind = Moved
	} else if oldText != newText {
		kind = Changed
	}
	if kind == Unchanged && !a.opt.KeepUnchanged {
		return
	}
	c := ProvisionChange{Kind: kind, OldID: string(o.ID), NewID: string(n.ID), OldLine: o.Line, NewLine: n.Line,
		Heading: n.Heading, Similarity: round2(sim)}
	if oldText != newText {
		c.Words, c.Added, c.Removed = a.wordDiff(oldText, newText)
	}
	d.Changes = append(d.Changes, c)
}

// ownText is what a provision itself says: heading and text, without children.
func ownText(p *statute.Provision) string {
	if p.Heading == "" {
		return p.Text
	}
	if p.Text == "" {
		return p.Heading
	}
	return p.Heading + "\n" + p.Text
}

func subtreeText(p *statute.Provision) string { return p.FullText() }

// wordDiff diffs two texts word by word: each word (and each run of
// separators) is mapped to one rune, diffed, cleaned up, and mapped back.
func (a *aligner) wordDiff(oldText, newText string) (ops []Op, added, removed int) {
	dict := map[string]rune{}
	var words []string
	encode := func(s string) []rune {
		toks := tokens(s)
		out := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := dict[t]
			if !ok {
				r = rune(0xE000 + len(words)) // private use area, then beyond
				if r >= 0xF8FF {
					r = rune(0xF0000 + len(words))
				}
				dict[t] = r
				words = append(words, t)
			}
			out[i] = r
		}
		return out
	}
	r1, r2 := encode(oldText), encode(newText)
	diffs := a.dmp.DiffMainRunes(r1, r2, false)
	// Each word (and each separator) is one symbol here, so the semantic
	// cleanup, tuned for characters, swallows whole clauses kept between two
	// edits; the efficiency cleanup (edit cost 4) only folds equalities of
	// a word or two, so the unchanged words a lawyer reads stay visible.
	diffs = a.dmp.DiffCleanupEfficiency(diffs)
	index := make(map[rune]string, len(dict))
	for w, r := range dict {
		index[r] = w
	}
	for _, df := range diffs {
		var b strings.Builder
		n := 0
		for _, r := range df.Text {
			w := index[r]
			b.WriteString(w)
			if isWordTok(w) {
				n++
			}
		}
		op := "="
		switch df.Type {
		case diffmatchpatch.DiffInsert:
			op = "+"
			added += n
		case diffmatchpatch.DiffDelete:
			op = "-"
			removed += n
		}
		if len(ops) > 0 && ops[len(ops)-1].Kind == op {
			ops[len(ops)-1].Text += b.String()
			continue
		}
		ops = append(ops, Op{Kind: op, Text: b.String()})
	}
	return ops, added, removed
}

func wordsOnly(op, text string) []Op {
	if text == "" {
		return nil
	}
	return []Op{{Kind: op, Text: text}}
}

// tokens splits s into alternating word and separator tokens that
// concatenate back to s.
func tokens(s string) []string {
	var out []string
	start := 0
	inWord := false
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if i == 0 {
			inWord = w
			continue
		}
		if w != inWord {
			out = append(out, s[start:i])
			start, inWord = i, w
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func isWordTok(t string) bool {
	for _, r := range t {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

func countWords(s string) int {
	n := 0
	for _, t := range tokens(s) {
		if isWordTok(t) {
			n++
		}
	}
	return n
}

func wordSet(s string) map[uint64]struct{} {
	set := map[uint64]struct{}{}
	const offset, prime = 14695981039346656037, 1099511628211
	h, inWord := uint64(offset), false
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			// FNV-1a over the lower-cased word's UTF-8 bytes.
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			for _, c := range buf[:n] {
				h = (h ^ uint64(c)) * prime
			}
			inWord = true
			continue
		}
		if inWord {
			set[h] = struct{}{}
			h, inWord = offset, false
		}
	}
	if inWord {
		set[h] = struct{}{}
	}
	return set
}

func jaccard(a, b map[uint64]struct{}) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	inter := 0
	for k := range a {
		if _, ok := b[k]; ok {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// maxLeftoverPairs bounds the cross-level pass (added × removed pairs).
const maxLeftoverPairs = 1 << 20

// pairLeftovers pairs added and removed provisions across levels and
// sections by the similarity of their own text: a paragraph that moved into
// a new sub-level ("(1°)" → "/I(1°)") or into a new section (§233 → §232b)
// is reported as moved, with its word diff. A provision that kept its ID
// but lost all its own text (moved down into a new sub-provision) or gained
// it (moved up) takes part too, and stays reported as changed. Texts of
// fewer than three words are never paired, so short list items do not pair
// by chance.
func (a *aligner) pairLeftovers(d *StatuteDiff) {
	type item struct {
		i       int
		text    string
		set     map[uint64]struct{}
		changed bool // a Changed entry, kept; else Added/Removed, replaced
	}
	var adds, rems []item
	for i, c := range d.Changes {
		switch c.Kind {
		case Added, Removed:
			if len(c.Words) != 1 || countWords(c.Words[0].Text) < 3 {
				continue
			}
			it := item{i: i, text: c.Words[0].Text, set: wordSet(c.Words[0].Text)}
			if c.Kind == Added {
				adds = append(adds, it)
			} else {
				rems = append(rems, it)
			}
		case Changed:
			plus, minus := opsText(c.Words, "+"), opsText(c.Words, "-")
			switch {
			case plus == "" && countWords(minus) >= 3:
				rems = append(rems, item{i, minus, wordSet(minus), true})
			case minus == "" && countWords(plus) >= 3:
				adds = append(adds, item{i, plus, wordSet(plus), true})
			}
		}
	}
	if len(adds) == 0 || len(rems) == 0 || len(adds)*len(rems) > maxLeftoverPairs {
		return
	}
	type cand struct {
		ai, ri int
		sim    float64
	}
	var cands []cand
	for ai, ad := range adds {
		for ri, rm := range rems {
			if ad.changed && rm.changed {
				continue
			}
			if s := jaccard(ad.set, rm.set); s >= a.opt.MinSimilarity {
				cands = append(cands, cand{ai, ri, s})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].sim != cands[j].sim {
			return cands[i].sim > cands[j].sim
		}
		if cands[i].ai != cands[j].ai {
			return cands[i].ai < cands[j].ai
		}
		return cands[i].ri < cands[j].ri
	})
	usedA, usedR := map[int]bool{}, map[int]bool{}
	drop := map[int]bool{}
	for _, c := range cands {
		if usedA[c.ai] || usedR[c.ri] {
			continue
		}
		usedA[c.ai], usedR[c.ri] = true, true
		ad, rm := adds[c.ai], rems[c.ri]
		ac, rc := d.Changes[ad.i], d.Changes[rm.i]
		m := ProvisionChange{Kind: Moved, OldID: rc.OldID, NewID: ac.NewID, OldLine: rc.OldLine, NewLine: ac.NewLine,
			Heading: ac.Heading, Similarity: round2(c.sim)}
		if rm.text != ad.text {
			m.Words, m.Added, m.Removed = a.wordDiff(rm.text, ad.text)
		}
		switch {
		case ad.changed: // text moved up into a kept provision: the removed entry becomes the move
			d.Changes[rm.i] = m
		default: // the added entry becomes the move; a removed entry goes
			d.Changes[ad.i] = m
			if !rm.changed {
				drop[rm.i] = true
			}
		}
	}
	if len(drop) == 0 {
		return
	}
	kept := d.Changes[:0]
	for i, c := range d.Changes {
		if !drop[i] {
			kept = append(kept, c)
		}
	}
	d.Changes = kept
}

// opsText joins the text of the ops of one kind ("+" or "-").
func opsText(ops []Op, kind string) string {
	var b strings.Builder
	for _, op := range ops {
		if op.Kind == kind {
			b.WriteString(op.Text)
		}
	}
	return strings.TrimSpace(b.String())
}
