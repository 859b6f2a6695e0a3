package penalty

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// itemKind is what one element of a sanction phrase is.
type itemKind uint8

const (
	iPrison itemKind = iota // imprisonment anchor
	iFine                   // fine anchor
	iLife                   // life anchor
	iDur                    // a duration (number + unit of time)
	iAmount                 // a sum of money
	iOr                     // alternative connector
	iAnd                    // cumulative connector
	iBoth                   // "or both"
	// iOther is a sanction other than custody or a fine that may have a
	// term of its own ("restriction of liberty for up to three years",
	// "arrest for up to two months", "community work"): its term is not
	// the imprisonment's
	iOther
)

type item struct {
	kind     itemKind
	tok, end int // token range [tok, end)
	val      float64
	unit     unit
	q        qual
	currency string
}

// stmt is one sanction statement: a run of tokens [cs, ce) holding at least
// one imprisonment or fine anchor.
type stmt struct {
	cs, ce int
	items  []item
	grade  *Grade // the grade the custodial word names, if any
	// graded names the offence grade whose sanction the statement takes
	// from an OffenceScale ("is a felony of the second degree"); it has no
	// items
	graded string
}

// Parse extracts every sanction statement from one clause or provision
// text in lang ("en", "fr", "de", "es"; other values try all four). Each
// Penalty gives the imprisonment range in months, life imprisonment, the
// fine and how it relates to imprisonment, the variant the surrounding
// sentence describes, and the byte offsets of the sanction words. Results
// are in text order. Currencies that only the country can settle
// ("shillings", "rupees", "$") are returned as written; use ParseFor to
// resolve them.
func (lx *Lexicon) Parse(text, lang string) []Penalty {
	return lx.ParseFor(text, lang, "")
}

// ParseFor is Parse with the ISO 3166 alpha-3 code of the country whose law
// the text is, used to turn ambiguous currency words into ISO 4217 codes
// ("shillings" in KEN → KES, "rupees" in PAK → PKR, "$" in CAN → CAD).
func (lx *Lexicon) ParseFor(text, lang, country string) []Penalty {
	return lx.parse(text, lang, country, nil)
}

func (lx *Lexicon) parse(text, lang, country string, sc OffenceScale) []Penalty {
	// (ParseGraded's caller passes a scale only for a text that names a
	// grade's degree word)
	graded := len(sc) > 0
	if !graded && !lx.mayHoldSanction(text) {
		return nil
	}
	tb := getTokBuf()
	defer putTokBuf(tb)
	toks := lx.tokenize(text, tb)
	stmts := lx.findStatements(toks, lang)
	var ss []sentInfo
	if graded {
		ss = lx.sentences(toks)
		if g := lx.gradedStatements(toks, ss, stmts, sc); len(g) > 0 {
			stmts = append(stmts, g...)
			sort.SliceStable(stmts, func(a, b int) bool { return stmts[a].cs < stmts[b].cs })
		}
	}
	rels, kinds := lx.findRelative(toks)
	if len(stmts) == 0 && len(rels) == 0 {
		return nil
	}
	out := make([]Penalty, 0, len(stmts)+len(rels))
	kept := make([]stmt, 0, len(stmts)+len(rels))
	for k := range stmts {
		if g := stmts[k].graded; g != "" {
			out = append(out, sc.sanction(g, toks[stmts[k].cs].start, toks[stmts[k].ce-1].end))
			kept = append(kept, stmts[k])
			continue
		}
		p, ok := lx.buildPenalty(toks, &stmts[k], country)
		if !ok {
			continue
		}
		lx.additive(toks, &stmts[k], &p)
		if g := p.Grade; g != nil && g.end <= len(text) {
			g.Text = text[g.start:g.end]
		}
		out = append(out, p)
		kept = append(kept, stmts[k])
	}
	// "a fine of … minimal salaries, or arrest for …, or imprisonment for
	// …": a fine alone, then after an alternative connector a custodial
	// sanction in the same sentence, is that sanction's fine alternative
	for k := 0; k+1 < len(out); k++ {
		f, p := out[k], &out[k+1]
		if f.HasImprisonment() || f.Grade != nil || f.FineMax == nil && f.FineMin == nil || !p.HasImprisonment() || p.FineAlternative {
			continue
		}
		if lx.alternativeBetween(toks, kept[k].ce, kept[k+1].cs) {
			p.FineAlternative, p.FineCumulative = true, false
		}
	}
	// "imprisonment for a term not exceeding half of the maximum penalty
	// prescribed": custody named without a term just before a relative
	// sanction is that sanction's, not one of its own
	if len(rels) > 0 {
		n := 0
		for k := range out {
			if bareCustodyBefore(out[k], kept[k], rels) {
				continue
			}
			out[n], kept[n] = out[k], kept[k]
			n++
		}
		out, kept = out[:n], kept[:n]
	}
	// Relative sanctions join the list in text order (both lists are
	// sorted by position: merge them).
	if len(rels) > 0 {
		mOut := make([]Penalty, 0, len(out)+len(rels))
		mKept := make([]stmt, 0, len(out)+len(rels))
		i, r := 0, 0
		for i < len(kept) || r < len(rels) {
			if r < len(rels) && (i == len(kept) || rels[r].cs < kept[i].cs) {
				mOut = append(mOut, Penalty{Variant: VariantBasic, Relative: kinds[r],
					Start: toks[rels[r].cs].start, End: toks[rels[r].ce-1].end})
				mKept = append(mKept, rels[r])
				r++
				continue
			}
			mOut = append(mOut, out[i])
			mKept = append(mKept, kept[i])
			i++
		}
		out, kept = mOut, mKept
	}
	if ss == nil {
		ss = lx.sentences(toks)
	}
	n := 0
	for k := range kept {
		lo, hi := lx.contextRange(toks, kept, k, ss)
		if lx.defaultTerm(toks, lo, hi) {
			continue
		}
		p := out[k]
		p.Variant, p.Aggravations = lx.variantIn(toks, lo, hi, [2]int{kept[k].cs, kept[k].ce}, ss[sentenceOf(ss, kept[k].cs)], lang)
		p.Procedure = lx.procedureIn(toks, lo, hi, kept[k].cs)
		switch p.Relative {
		case RelLowerDegree, RelHalf:
			p.Variant = VariantMitigated
		case RelHigherDegree, RelUpperHalf, RelThirdToHalf, RelDouble, RelAdditional:
			// a raised penalty is an aggravation even when the words around
			// it do not say which
			if p.Variant == VariantBasic {
				p.Variant, p.Aggravations = VariantAggravated, []Variant{VariantAggravated}
			}
		}
		out[n] = p
		n++
	}
	out = out[:n]
	SplitProcedures(out)
	return out
}

// bareCustodyBefore reports whether p is custody named by its penalty words
// alone (no term, no life, no fine, no grade of a code's scale) whose
// statement a relative sanction follows within a few words.
func bareCustodyBefore(p Penalty, s stmt, rels []stmt) bool {
	if s.grade != nil || p.Grade == nil || p.MinMonths != nil || p.MaxMonths != nil || p.Life || p.FineMin != nil || p.FineMax != nil {
		return false
	}
	for _, r := range rels {
		if r.cs >= s.ce && r.cs-s.ce <= 8 {
			return true
		}
	}
	return false
}

// SplitProcedures applies the mode-of-trial rule to sanctions of one
// offence (one text, or the clauses of one provision): when one of them is
// stated for conviction on indictment, those stated for summary conviction
// that would otherwise be basic become summary_conviction, so the basic row
// carries the indictment maximum. A summary sanction with no indictment
// sanction beside it (an offence triable only summarily) stays basic.
func SplitProcedures(ps []Penalty) {
	indict := false
	for _, p := range ps {
		indict = indict || p.Procedure == ProcIndictment
	}
	if !indict {
		return
	}
	for i := range ps {
		if ps[i].Procedure == ProcSummary && ps[i].Variant == VariantBasic {
			ps[i].Variant = VariantSummary
		}
	}
}

// additive turns a sanction whose term is added to another ("an additional
// two years of imprisonment", "a further term of five years", "zusätzlich",
// "supplémentaire", "adicional") into a relative sanction: its term is
// AddedMonths, not the offence's minimum or maximum.
func (lx *Lexicon) additive(toks []token, s *stmt, p *Penalty) {
	if p.Life || p.Relative != "" {
		return
	}
	for _, it := range s.items {
		if it.kind != iDur {
			continue
		}
		for b := it.tok - 1; b >= 0 && b >= it.tok-6; b-- {
			if toks[b].kind == tNum {
				break
			}
			// "an additional two years", "a further term of imprisonment of
			// four years"; not "and further to imprisonment for two years"
			if lx.additional.has(toks[b].s) && b+1 < len(toks) && (b+1 == it.tok || lx.addedNoun.has(toks[b+1].s)) {
				add := p.MaxMonths
				if add == nil {
					add = p.MinMonths
				}
				p.Relative, p.AddedMonths, p.MinMonths, p.MaxMonths = RelAdditional, add, nil, nil
				return
			}
		}
		return // only the first term of the sanction decides
	}
}

// mayHoldSanction is the fast path for the many provisions that state no
// sanction: it reports whether a word of text, folded, can start a
// sanction (an imprisonment or fine word, the first word of a custodial
// phrase such as "privative de liberté", or of a relative sanction such as
// "superior en grado"). Words are split and folded as tokenize does, into a
// buffer on the stack: one pass, no allocation.
func (lx *Lexicon) mayHoldSanction(text string) bool {
	var buf [64]byte
	w := buf[:0]
	in, long := false, false
	end := func() bool {
		hit := in && !long && lx.isCue(w)
		w, in, long = w[:0], false, false
		return hit
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
				if len(w) < len(buf) {
					w = append(w, c|0x20)
				} else {
					long = true
				}
				in = true
			default:
				if end() {
					return true
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent: dropped when folding
		case unicode.IsLetter(r):
			if len(w)+4 <= len(buf) {
				w = foldRune(r, w)
			} else {
				long = true
			}
			in = true
		default:
			if end() {
				return true
			}
		}
	}
	return end()
}

// isCue reports a folded word that can start a sanction.
func (lx *Lexicon) isCue(w []byte) bool {
	if len(w) < lx.cueMin {
		return false
	}
	if i, ok := letterPair(w); ok && lx.cueMin > 0 && !lx.cueStart[i] {
		return false
	}
	if lx.cue[string(w)] {
		return true
	}
	for _, p := range lx.cuePrefixes {
		if len(w) >= len(p) && string(w[:len(p)]) == p {
			return true
		}
	}
	return false
}

// chainable reports whether toks[i] may belong to a sanction phrase.
func (lx *Lexicon) chainable(toks []token, i int, lang string) bool {
	t := toks[i]
	switch t.kind {
	case tNum:
		return true
	case tPunct:
		switch t.s {
		case ",", "(", ")", "-", "€", "$", "£", "₦", "₹", "₱", "¥":
			return true
		case ".":
			// "Rs. 1,000"
			return i > 0 && lx.amountAbbrev.has(toks[i-1].s) && i+1 < len(toks) && toks[i+1].kind == tNum
		}
		return false
	}
	w := t.s
	if t.lf&chainFlags != 0 {
		return true
	}
	// "(P1,000,000.00)", "N250,000": a letter glued to an amount
	if len(w) == 1 && i+1 < len(toks) && toks[i+1].kind == tNum && toks[i+1].start == t.end {
		return true
	}
	if lang == "" || lx.langIndex(lang) >= 0 && lx.numCompound[lx.langIndex(lang)] {
		_, ok := lx.lookupWord(w, lang)
		return ok
	}
	return false
}

// anchorOf returns the anchor kind of toks[i]: imprisonment, fine or life.
func (lx *Lexicon) anchorOf(toks []token, i int) (itemKind, bool) {
	t := toks[i]
	if t.kind != tWord {
		return 0, false
	}
	f := t.lf
	switch {
	case f&fOther != 0 && lx.otherSanctionAt(toks, i):
		return iOther, true
	case f&fPrison != 0:
		return iPrison, true
	case f&fCustHead != 0 && lx.custodialAt(toks, i, len(toks)) > 0:
		// "peine privative de liberté", "pena privativa de libertad"
		return iPrison, true
	case f&fFine != 0:
		return iFine, true
	case f&fLife != 0:
		// "prisión permanente": an adjective of life only right after the
		// custodial noun (not "infirmité permanente")
		if lx.lifeAfterCustody.has(t.s) && !(i > 0 && toks[i-1].lf&fPrison != 0) {
			return 0, false
		}
		return iLife, true
	}
	return 0, false
}

// custodialAt returns the length of a custodial penalty of several words
// starting at toks[i] ("privative de liberté"), 0 when none.
func (lx *Lexicon) custodialAt(toks []token, i, hi int) int {
	n, _ := lx.custodial.at(toks, i, hi)
	return n
}

// negatedFine reports "without the option of a fine", "sans amende",
// "ohne Geldstrafe", "sin multa" before toks[i].
func (lx *Lexicon) negatedFine(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if lx.fineNeg.has(toks[k].s) {
			return true
		}
	}
	return false
}

// maxChain caps a sanction phrase at this many tokens; the longest real
// one ("imprisonment for a term not less than three years but not exceeding
// twenty years, and shall also be liable to a fine of not less than fifty
// thousand ringgit but not exceeding five hundred thousand ringgit") has 40.
// The cap keeps Parse linear on adversarial text.
const maxChain = 120

// findStatements groups chainable tokens into runs and keeps the runs
// that hold an anchor.
func (lx *Lexicon) findStatements(toks []token, lang string) []stmt {
	var out []stmt
	i := 0
	for i < len(toks) {
		if !lx.chainable(toks, i, lang) {
			i++
			continue
		}
		j := i + 1
		if toks[i].lf&fPrison != 0 {
			_, j = lx.gradeAfter(toks, i, len(toks))
		}
		for j < len(toks) && j-i < maxChain && toks[j].nlBefore == 0 {
			if !lx.chainable(toks, j, lang) {
				// "imprisonment in the Department of Corrections for
				// life": the place of custody, skipped to its "for"
				n := lx.custodyPlace(toks, i, j)
				if n == j {
					break
				}
				j = n
				continue
			}
			if toks[j].lf&fPrison != 0 {
				// "reclusión mayor en su grado medio y multa": the grade's
				// words belong to the sanction
				_, j = lx.gradeAfter(toks, j, len(toks))
				continue
			}
			j++
		}
		// "if the victim is under 18 years, imprisonment for …": an age
		// opening the run is the victim's, not a term
		for p := i; p < j; p++ {
			if _, ok := lx.anchorOf(toks, p); ok {
				break
			}
			if e := lx.skipAge(toks, p, j, lang); e > p {
				i = e
				break
			}
		}
		hasAnchor := false
		for k := i; k < j; k++ {
			if a, ok := lx.anchorOf(toks, k); ok && a != iLife && a != iOther {
				hasAnchor = true
				break
			}
		}
		if hasAnchor {
			out = append(out, lx.scanChain(toks, i, j, lang)...)
		} else if b, n := lx.penaltySubjectBefore(toks, i, j); n > 0 {
			// "la pena será de diez a trece años", "la peine est portée à
			// vingt ans": a term in years or months whose subject is the
			// penalty itself is custody, the sanction the clause changes
			for _, st := range lx.scanChain(toks, i, j, lang) {
				st.cs = min(st.cs, b)
				st.items = append([]item{{kind: iPrison, tok: b, end: b + n}}, st.items...)
				out = append(out, st)
			}
		}
		i = j
	}
	return out
}

// custodyPlace skips, from the word toks[j] that ends a sanction phrase
// begun at i, the place of custody named after the custodial noun
// ("imprisonment in the Department of Corrections for …", "confinement in a
// state jail for …"): an opening word right after the noun or its article,
// then at most six words, then the word that leads to the term. It returns
// the index of that word, or j when there is no such place.
func (lx *Lexicon) custodyPlace(toks []token, i, j int) int {
	open := -1
	for b := j - 1; b >= i && b >= j-3; b-- {
		if toks[b].kind == tWord && lx.placeOpen.has(toks[b].s) {
			open = b
			break
		}
	}
	if open < 1 || toks[open-1].lf&fPrison == 0 {
		return j
	}
	for k := j; k < len(toks) && k <= open+7; k++ {
		t := toks[k]
		if t.kind != tWord || t.nlBefore > 0 {
			return j
		}
		if lx.placeClose.has(t.s) {
			return k
		}
	}
	return j
}

// penSubjectReach is how many tokens before a term its penalty subject may
// stand: "la pena fija establecida podrá ser aumentada hasta" is eight.
const penSubjectReach = 10

// penaltySubjectBefore finds, in the clause before the term of the run
// [i, j) (in the run or before it), a phrase
// naming the penalty as a subject ("la pena", "les peines", "the
// penalty"), when the run states a term in years or months and nothing
// adds it to another term. It returns the phrase's first token and length.
func (lx *Lexicon) penaltySubjectBefore(toks []token, i, j int) (int, int) {
	if lx.penSubject == nil || len(lx.penSubject.ps) == 0 {
		return 0, 0
	}
	num := -1 // the term's first number
	for k := i; k < j; k++ {
		if num < 0 && (toks[k].kind == tNum || lx.isNumWord(toks[k].s)) {
			num = k
		}
		if toks[k].kind == tWord {
			if u := lx.unitOf(toks[k].s); (u == uYear || u == uMonth) && num >= 0 {
				break
			}
			if lx.additional.has(toks[k].s) {
				return 0, 0 // "dos años adicionales"
			}
		}
		if k == j-1 {
			return 0, 0
		}
	}
	if num < 0 || num > 0 && lx.increment.has(toks[num-1].s) {
		return 0, 0 // "se aumentará en dos años": added to the term
	}
	for b := num - 1; b >= 0 && b >= num-penSubjectReach; b-- {
		t := toks[b]
		if t.kind == tPunct && t.s != "(" && t.s != ")" || toks[b+1].nlBefore > 0 {
			return 0, 0
		}
		if t.kind == tWord && lx.additional.has(t.s) {
			return 0, 0
		}
		if n, _ := lx.penSubject.at(toks, b, num); n > 0 {
			if b+n < num && lx.termLink.has(toks[b+n].s) {
				return 0, 0 // "la pena de inhabilitación de cinco años": another sanction named
			}
			// "la pena superior en grado e inhabilitación de seis a doce
			// años": the term is another sanction's
			for k := b + n; k < num; k++ {
				if m, _ := lx.relative.at(toks, k, len(toks)); m > 0 {
					return 0, 0
				}
				if m, _ := lx.sanctionNoun.at(toks, k, num); m > 0 {
					return 0, 0
				}
			}
			return b, n
		}
	}
	return 0, 0
}

// scanChain reads the items of the run [cs, ce). A run that holds two
// imprisonment phrases each with their own terms, separated by a
// cumulative connector and a new clause, is not split here: the words
// between them ("in den Fällen des Absatzes 3") already end the run.
func (lx *Lexicon) scanChain(toks []token, cs, ce int, lang string) []stmt {
	s := stmt{cs: cs, ce: ce, items: make([]item, 0, 16)}
	pending := qNone
	lastBareUnit, lastBareUnitAt := uNone, -10
	hasPrison, rangeOpen := false, false
	for k := cs; k < ce; k++ {
		if a, ok := lx.anchorOf(toks, k); ok && a == iPrison {
			hasPrison = true
		}
	}
	k := cs
	for k < ce {
		t := toks[k]
		if a, ok := lx.anchorOf(toks, k); ok {
			switch {
			case a == iFine && lx.negatedFine(toks, k):
				// "without the option of a fine": no fine here
			case a == iLife && !hasPrison:
			case a == iLife && k+1 < ce && (toks[k+1].kind == tPunct && toks[k+1].s == "-" || lx.phraseAt(lx.notLife, toks, k, ce)):
			case a == iOther:
				n, _ := lx.otherSanction.at(toks, k, ce)
				s.items = append(s.items, item{kind: iOther, tok: k, end: k + max(n, 1)})
				k += max(n, 1)
				continue
			default:
				e := k + 1
				if a == iPrison && toks[k].lf&fPrison == 0 {
					if n := lx.custodialAt(toks, k, ce); n > 0 {
						e = k + n // "privative de liberté"
					}
				}
				s.items = append(s.items, item{kind: a, tok: k, end: e})
				if a == iPrison && e == k+1 && s.grade == nil {
					if g, n := lx.gradeAfter(toks, k, ce); g.Name != "" {
						s.grade, e = &g, n
					}
				}
				// "privación perpetua de la libertad": a custodial phrase
				// that holds a life word is imprisonment for life
				for j := k + 1; j < e; j++ {
					if toks[j].lf&fLife != 0 {
						s.items = append(s.items, item{kind: iLife, tok: j, end: j + 1})
						break
					}
				}
				k = e
				continue
			}
			k++
			continue
		}
		if t.kind == tWord {
			f := t.lf
			if f&fBoth != 0 {
				s.items = append(s.items, item{kind: iBoth, tok: k, end: k + 1})
			}
		}
		if m, ok := lx.matchMarker(toks, k, ce); ok {
			n := k + len(m.words)
			apply := true
			switch m.q {
			case qFrom, qTo:
				apply = lx.isNumStart(toks, n, lang) || lx.amountAhead(toks, n, ce, lang)
				if apply && m.q == qFrom && (pending == qMin || pending == qMax) && !lx.rangeAfterNumber(toks, n, ce, lang) {
					// "peine minimale d'emprisonnement de cinq ans": the "de"
					// before the number is the qualifier's, not a range's
					k = n
					continue
				}
				if apply && m.q == qTo && lx.isJoiner(m.words[0]) {
					last := lastNumber(s.items)
					apply = last != nil && last.q == qFrom
				}
			}
			if apply {
				pending = m.q
				// "portée à dix à vingt ans": a "to" with no number before
				// it that opens a range closed by another "to" opens it
				if m.q == qTo && lastNumber(s.items) == nil && lx.rangeAfterNumber(toks, n, ce, lang) {
					pending = qFrom
				}
				k = n
				continue
			}
		}
		if t.kind == tWord {
			f := t.lf
			switch {
			case f&fOr != 0:
				s.items = append(s.items, item{kind: iOr, tok: k, end: k + 1})
			case f&fAnd != 0:
				s.items = append(s.items, item{kind: iAnd, tok: k, end: k + 1})
			}
			if u := lx.unitOf(t.s); u != uNone {
				lastBareUnit, lastBareUnitAt = u, k
			}
		}
		if lx.isNumStart(toks, k, lang) {
			v, n, ok := lx.readNumber(toks, k, lang)
			if !ok || n <= k {
				k++
				continue
			}
			if lx.repeatsPrevious(toks, s.items, k, v) {
				// "One million pesos (P1,000,000.00)": the same sum again
				for n < ce && toks[n].s != ")" {
					n++
				}
				k = n
				continue
			}
			if n > ce {
				n = ce
			}
			it := item{tok: k, end: n, val: v, q: pending}
			if n < ce && toks[n].kind == tWord && lx.unitOf(toks[n].s) != uNone {
				it.kind, it.unit, it.end = iDur, lx.unitOf(toks[n].s), n+1
			} else if cur, at := lx.currencyNear(toks, k, n, cs, ce); cur != "" {
				it.kind, it.currency = iAmount, cur
				if at >= n {
					it.end = at + 1
				}
				if at < k {
					it.tok = at
				}
			} else if u := lx.borrowUnit(toks, n, ce, lang); u != uNone {
				it.kind, it.unit = iDur, u
				if it.q == qNone {
					it.q = qFrom // "5 to 10 years": the first number opens a range
				}
				rangeOpen = true
			} else if lastBareUnit != uNone && k-lastBareUnitAt <= 5 {
				it.kind, it.unit = iDur, lastBareUnit
			} else if u := lx.unitAhead(toks, n, ce, lang); u != uNone && pending != qNone && lastAnchor(s.items) != iFine {
				// "not less than 5 nor more than 20 years"
				it.kind, it.unit = iDur, u
			} else if lastAnchor(s.items) == iFine && pending != qNone {
				it.kind = iAmount
			} else if m, ok := lx.matchMarker(toks, n, ce); ok && m.q == qTo && it.q == qNone && lastAnchor(s.items) == iFine &&
				lx.sumAhead(toks, n+len(m.words), cs, ce, lang) {
				// "a fine of two to five million shillings": the first
				// number of a fine range opens it without "from"
				it.kind, it.q = iAmount, qFrom
			} else {
				k = n
				continue
			}
			// "six months and one day", "zwei Jahre und sechs Monate": add to
			// the duration just before.
			if it.kind == iDur && len(s.items) >= 1 {
				// the previous duration, joined by one "and"/"y"/"et"/"und"
				// (as a connector item or consumed as a range marker), in a
				// coarser unit: "two years and six months", "seis meses y un día"
				pi := len(s.items) - 1
				if s.items[pi].kind == iAnd {
					pi--
				}
				if pi >= 0 && s.items[pi].kind == iDur && s.items[pi].end+1 == it.tok && lx.isJoiner(toks[s.items[pi].end].s) &&
					it.unit > s.items[pi].unit && (it.q == qNone || it.q == qTo) {
					prev := &s.items[pi]
					prev.val = months(prev.val, prev.unit) + months(it.val, it.unit)
					prev.unit = uMonth
					prev.end = it.end
					s.items = s.items[:pi+1]
					pending = qNone
					k = it.end
					continue
				}
			}
			// "trois ans au plus", "un an au moins", "cinco años como máximo";
			// also after "de": "d'un an au moins" is a minimum, no range
			if (it.q == qNone || it.q == qFrom) && it.end+1 < ce {
				if m, _ := lx.maxAfter.at(toks, it.end, ce); m > 0 {
					it.q, it.end = qMax, it.end+m
				} else if m, _ := lx.minAfter.at(toks, it.end, ce); m > 0 {
					it.q, it.end = qMin, it.end+m
				}
			}
			s.items = append(s.items, it)
			pending = qNone
			if rangeOpen {
				pending, rangeOpen = qTo, false // "3-10 years": the next number closes it
			}
			k = it.end
			continue
		}
		k++
	}
	return []stmt{s}
}

// rangeAfterNumber reports whether the number at n is followed (after its
// unit, if any) by a range-closing marker and another number: "de cinq à dix
// ans".
func (lx *Lexicon) rangeAfterNumber(toks []token, n, ce int, lang string) bool {
	if !lx.isNumStart(toks, n, lang) {
		return false
	}
	_, e, ok := lx.readNumber(toks, n, lang)
	if !ok || e >= ce {
		return false
	}
	if toks[e].kind == tWord && lx.unitOf(toks[e].s) != uNone {
		e++
	}
	if e >= ce {
		return false
	}
	m, ok := lx.matchMarker(toks, e, ce)
	return ok && m.q == qTo && lx.isNumStart(toks, e+len(m.words), lang)
}

func lastNumber(items []item) *item {
	for k := len(items) - 1; k >= 0; k-- {
		if items[k].kind == iDur || items[k].kind == iAmount {
			return &items[k]
		}
	}
	return nil
}

func lastAnchor(items []item) itemKind {
	for k := len(items) - 1; k >= 0; k-- {
		switch items[k].kind {
		case iPrison, iFine, iLife:
			return items[k].kind
		}
	}
	return iOr
}

// currencyNear finds a currency word or symbol right after the number
// ending at n, or right before the number starting at k ("$250,000",
// "Rs. 1,000,000"). It returns the currency and the token index where it
// was found.
func (lx *Lexicon) currencyNear(toks []token, k, n, cs, ce int) (string, int) {
	if n < ce {
		at := n
		// "thirty million Kenya shillings"
		if at+1 < ce && toks[at].kind == tWord {
			if _, ok := lx.currencyOf(toks[at].s); !ok {
				if c, ok := lx.currencyOf(toks[at+1].s); ok && lx.beforeResolved[c] {
					at++
				}
			}
		}
		// "Sri Lanka rupees"
		if m, _ := lx.countryMulti.at(toks, at, ce); m > 1 {
			at += m
		}
		if at < ce {
			if c, ok := lx.currencyOf(toks[at].s); ok {
				before, after := "", ""
				if at > 0 {
					before = toks[at-1].s
				}
				if at+1 < len(toks) {
					after = toks[at+1].s
				}
				return lx.qualifiedCurrency(c, before, after), at
			}
			// "unidades reajustables"
			if m, v := lx.currencyMulti.at(toks, at, ce); m > 0 {
				return lx.currencyMultiVal[v], at + m - 1
			}
			// "penalty units", "fine points": the unit as written
			if m, _ := lx.fineUnits.at(toks, at, len(toks)); m > 0 {
				ws := make([]string, m)
				for j := range ws {
					ws[j] = toks[at+j].s
				}
				return strings.Join(ws, " "), at + m - 1
			}
		}
	}
	b := k - 1
	if b >= cs && toks[b].kind == tWord && len(toks[b].s) == 1 && toks[b].upper && toks[b].end == toks[k].start {
		// "R100 000", "K5,000": a currency letter as written
		return strings.ToUpper(toks[b].s), b
	}
	if b >= cs && toks[b].s == "." {
		b--
	}
	if b >= cs {
		if c, ok := lx.currencyOf(toks[b].s); ok {
			before := ""
			if b > 0 {
				before = toks[b-1].s
			}
			return lx.qualifiedCurrency(c, before, ""), b
		}
		// "a fine not exceeding level fourteen": a level of a scale of
		// fines, written before its number
		if lx.fineUnitBefore.has(toks[b].s) {
			return toks[b].s, b
		}
	}
	return "", 0
}

// borrowUnit gives a number without unit the unit of the range end that
// follows it: "de cinco a ocho años", "von zwei bis zehn Jahren", "between
// two and five years".
func (lx *Lexicon) borrowUnit(toks []token, n, ce int, lang string) unit {
	if n >= ce || toks[n].kind == tNum {
		return uNone
	}
	if !(lx.isRangeTo(toks[n].s) || toks[n].kind == tPunct && toks[n].s == "-") {
		return uNone
	}
	j := n + 1
	if m, ok := lx.matchMarker(toks, n, ce); ok && len(m.words) > 1 {
		j = n + len(m.words) // "bis zu"
	}
	if !lx.isNumStart(toks, j, lang) {
		return uNone
	}
	_, e, ok := lx.readNumber(toks, j, lang)
	if !ok || e >= ce || toks[e].kind != tWord {
		return uNone
	}
	return lx.unitOf(toks[e].s)
}

// months converts a duration to months: a year is 12 months, a week
// 12/52.1775 months (≈ 1/4.345) and a day 12/365.25 months, rounded to two
// decimals so that "six weeks" is 1.38 and "thirty days" 0.99.
func months(v float64, u unit) float64 {
	switch u {
	case uYear:
		return v * 12
	case uMonth:
		return v
	case uWeek:
		return round2(v / 4.345)
	case uDay:
		return round2(v * 12 / 365.25)
	}
	return v
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// buildPenalty turns the items of one statement into a Penalty. It reports
// false for statements that are not sanctions (a fine mentioned in
// passing, "confined or imprisoned" in a definition).
func (lx *Lexicon) buildPenalty(toks []token, s *stmt, country string) (Penalty, bool) {
	var p Penalty
	p.Variant = VariantBasic
	prisonAt, fineAt := -1, -1
	hasTerm, hasAmount, hasVerb := false, false, false
	for k := s.cs; k < s.ce; k++ {
		if toks[k].kind == tWord && toks[k].lf&fVerb != 0 {
			// "fined" alone in a list ("incarcerated, fined, or otherwise
			// penalized") is not a sanction; "shall be fined" is.
			if toks[k].lf&fFine == 0 || k > 0 && lx.auxiliary.has(toks[k-1].s) {
				hasVerb = true
			}
		}
	}
	var durs []item
	first, last := -1, -1
	mark := func(it item) {
		if first < 0 || it.tok < first {
			first = it.tok
		}
		if it.end > last {
			last = it.end
		}
	}
	for idx, it := range s.items {
		switch it.kind {
		case iPrison:
			if prisonAt < 0 {
				prisonAt = idx
			}
			mark(it)
		case iFine:
			if fineAt < 0 {
				fineAt = idx
			}
			mark(it)
		case iLife:
			p.Life = true
			mark(it)
		case iBoth:
			mark(it)
		case iDur:
			if lx.durationOwner(toks, s.items, idx) == iPrison {
				durs = append(durs, it)
				hasTerm = true
				mark(it)
			}
		case iAmount:
			hasAmount = true
			mark(it)
		}
	}
	if prisonAt < 0 && fineAt < 0 {
		return p, false
	}
	if prisonAt >= 0 && s.grade != nil {
		g := *s.grade
		p.Grade = &g
	}
	if prisonAt >= 0 && s.grade == nil && !hasTerm && !p.Life && hasVerb {
		// "Est puni des travaux forcés à temps", "wird mit Freiheitsstrafe
		// bestraft": custody whose term the code's general part sets, named
		// by its penalty words
		it := s.items[prisonAt]
		var name []string
		for k := it.tok; k < it.end; k++ {
			name = append(name, toks[k].s)
		}
		p.Grade = &Grade{Name: strings.Join(name, " "), start: toks[it.tok].start, end: toks[it.end-1].end}
	}
	if prisonAt >= 0 && !hasTerm && !p.Life && !hasVerb && p.Grade == nil {
		return p, false
	}
	if prisonAt < 0 && !hasAmount && !hasVerb {
		return p, false
	}
	if prisonAt < 0 {
		p.Life = false
	}
	// Imprisonment range.
	var minV, maxV, bare *float64
	for k, d := range durs {
		m := months(d.val, d.unit)
		switch d.q {
		case qFixed:
			if minV == nil && maxV == nil {
				minV, maxV = fp(m), fp(m)
			}
		case qMin:
			if minV == nil {
				minV = fp(m)
			}
		case qMax, qTo:
			if maxV == nil {
				maxV = fp(m)
			}
		case qFrom:
			if k+1 < len(durs) && (durs[k+1].q == qTo || durs[k+1].q == qMax) {
				if minV == nil {
					minV = fp(m)
				}
			} else if bare == nil {
				bare = fp(m)
			}
		default:
			// "for a term of ten years to fifteen years": a term right
			// before a "to" bound opens the range, though no "from" says so
			if k+1 < len(durs) && durs[k+1].q == qTo && minV == nil {
				minV = fp(m)
			} else if bare == nil {
				bare = fp(m)
			}
		}
	}
	if minV == nil && maxV == nil && bare != nil && !p.Life && prisonAt >= 0 && lx.mandatoryBefore(toks, s.items[prisonAt].tok) {
		// "shall be punished with imprisonment for a period of ten years":
		// a sentence the court must impose, with no bound named, is fixed
		// ("liable to", "punishable by" name the maximum)
		minV, maxV = bare, bare
	} else if maxV == nil && bare != nil && !(p.Life && minV == nil) {
		maxV = bare
	} else if maxV == nil && bare != nil && p.Life {
		// "imprisonment for life or for a term of ten years" reads as a
		// minimum alternative in no code we know; keep it as the maximum of
		// the term alternative.
		maxV = bare
	}
	if minV != nil && maxV != nil && *minV > *maxV {
		minV, maxV = maxV, minV
	}
	p.MinMonths, p.MaxMonths = minV, maxV
	// Fine.
	if fineAt >= 0 {
		var amounts []item
		for _, it := range s.items {
			if it.kind == iAmount {
				amounts = append(amounts, it)
			}
		}
		for idx, it := range amounts {
			v := it.val
			q := it.q
			if q == qFrom && !(idx+1 < len(amounts) && (amounts[idx+1].q == qTo || amounts[idx+1].q == qMax)) {
				q = qNone // "de 150 000 euros d'amende": one sum, the maximum
			}
			switch q {
			case qMin, qFrom:
				if p.FineMin == nil {
					p.FineMin = fp(v)
				}
			default:
				if p.FineMax == nil {
					p.FineMax = fp(v)
				}
			}
			if p.Currency == nil && it.currency != "" {
				c := it.currency
				if m, ok := countryCurrency[c]; ok && country != "" {
					if code, ok := m[strings.ToUpper(country)]; ok {
						c = code
					}
				}
				p.Currency = &c
			}
		}
		if p.FineMin != nil && p.FineMax != nil {
			*p.FineMin = sharedScale(*p.FineMin, *p.FineMax)
		}
		if p.FineMin != nil && p.FineMax != nil && *p.FineMin > *p.FineMax {
			p.FineMin, p.FineMax = p.FineMax, p.FineMin
		}
		if prisonAt >= 0 {
			if fineRelationAlternative(s.items, prisonAt, fineAt) || lx.eitherPenaltyAfter(toks, s.ce) {
				p.FineAlternative = true
			} else {
				p.FineCumulative = true
			}
		}
	}
	// "prisión hasta de tres años, conmutable a razón de cincuenta sueldos
	// por cada día": a prison term the court may commute into a payment
	if prisonAt >= 0 && !p.FineAlternative && lx.commutableAfter(toks, s.ce) {
		p.FineAlternative = true
	}
	if first < 0 {
		first, last = s.cs, s.ce
	}
	p.Start, p.End = toks[first].start, toks[last-1].end
	return p, true
}

// commutableAfter reports a word right after a sanction saying that its
// prison term may be commuted into a payment ("conmutable"), not negated
// ("no será conmutable"), before the sentence ends.
func (lx *Lexicon) commutableAfter(toks []token, ce int) bool {
	for k := ce; k < len(toks) && k < ce+4; k++ {
		t := toks[k]
		if t.kind == tPunct && (t.s == "." || t.s == ";") {
			return false
		}
		if t.kind == tWord && lx.commutable.has(t.s) {
			return !(k > 0 && lx.commutableNot.has(toks[k-1].s)) && !(k > 1 && lx.commutableNot.has(toks[k-2].s))
		}
	}
	return false
}

func fp(v float64) *float64 { return &v }

// mandatoryBefore reports a verb that imposes the sanction starting at
// toks[at] ("shall be punished with", "be sentenced to"), as against one
// that permits it ("liable to", "punishable by").
func (lx *Lexicon) mandatoryBefore(toks []token, at int) bool {
	for b := at - 1; b >= 0 && b >= at-4; b-- {
		if n, _ := lx.mandatory.at(toks, b, at); n > 0 && b+n == at {
			return true
		}
	}
	return false
}

// durationOwner says whether the duration at items[idx] belongs to an
// imprisonment anchor or to a fine anchor (day-fines counted in months, as
// in "multa de seis a doce meses"). A duration directly followed by "of
// imprisonment" / "d'emprisonnement" / "de prisión" belongs to that anchor;
// otherwise to the nearest anchor before it, else after it.
func (lx *Lexicon) durationOwner(toks []token, items []item, idx int) itemKind {
	d := items[idx]
	// the next anchor, if it follows within two tokens
	for k := idx + 1; k < len(items); k++ {
		it := items[k]
		if it.kind == iPrison || it.kind == iFine || it.kind == iLife || it.kind == iOther {
			if lx.linkedOf(toks, d.end, it.tok) {
				if it.kind == iLife {
					return iPrison
				}
				return it.kind
			}
			break
		}
		if it.kind == iDur || it.kind == iAmount {
			break
		}
	}
	for k := idx - 1; k >= 0; k-- {
		switch items[k].kind {
		case iPrison, iLife:
			return iPrison
		case iFine:
			return iFine
		case iOther:
			return iOther
		}
	}
	for k := idx + 1; k < len(items); k++ {
		switch items[k].kind {
		case iPrison, iLife:
			return iPrison
		case iFine:
			return iFine
		}
	}
	return iPrison
}

// fineRelationAlternative decides whether the fine can replace
// imprisonment: "or both" anywhere, or an alternative connector ("or",
// "oder", "ou", "o") as the connector nearest to the fine between it and
// the imprisonment phrase.
func fineRelationAlternative(items []item, prisonAt, fineAt int) bool {
	for _, it := range items {
		if it.kind == iBoth {
			return true
		}
	}
	if fineAt > prisonAt {
		for k := fineAt - 1; k > prisonAt; k-- {
			switch items[k].kind {
			case iOr:
				return true
			case iAnd:
				return false
			}
		}
		return false
	}
	for k := fineAt + 1; k < prisonAt; k++ {
		switch items[k].kind {
		case iOr:
			return true
		case iAnd:
			return false
		}
	}
	return false
}

// linkedOf reports whether the tokens [a, b) between a duration and an
// anchor only link them: nothing ("ten years' imprisonment"), "of", "de",
// "d'" ("sept ans d'emprisonnement", "ocho años de prisión").
func (lx *Lexicon) linkedOf(toks []token, a, b int) bool {
	if b-a > 2 {
		return false
	}
	for k := a; k < b; k++ {
		if !lx.termLink.has(toks[k].s) {
			return false
		}
	}
	return true
}

// defaultTerm reports a term of imprisonment imposed for not paying a fine
// or compensation ("in default of payment", "a failure to pay"): not the
// penalty of the offence.
func (lx *Lexicon) defaultTerm(toks []token, lo, hi int) bool {
	for k := lo; k+1 < hi; k++ {
		if lx.phraseAt(lx.fineDefault, toks, k, hi) {
			return true
		}
	}
	return false
}

// DetectVariant reads the aggravating or mitigating circumstances stated
// anywhere in text (a heading, the chapeau of a list, a whole subsection):
// the same reading Parse applies to the sentence around each sanction. The
// engine uses it to carry a child-victim chapeau ("a person under the age of
// eighteen years") down to the sanction paragraphs below it.
func (lx *Lexicon) DetectVariant(text, lang string) (Variant, []Variant) {
	toks := lx.tokenize(text, nil)
	return lx.variantIn(toks, 0, len(toks), [2]int{0, 0}, lx.sentFacts(toks, 0, len(toks)), lang)
}

// eitherPenaltyAfter reports a closing "or one of these two penalties
// only" right after a statement ("ou de l'une de ces deux peines
// seulement", "o una de estas penas", "or either of them"): the fine can
// then stand alone.
func (lx *Lexicon) eitherPenaltyAfter(toks []token, ce int) bool {
	// (from a few tokens before the end: "or by one of these two
	// penalties" reads "one of" as part of the sanction phrase)
	for k := max(ce-3, 0); k < len(toks) && k < ce+8; k++ {
		if lx.phraseAt(lx.eitherPenalty, toks, k, len(toks)) {
			return true
		}
		if toks[k].kind == tPunct && (toks[k].s == "." || toks[k].s == ";") {
			return false
		}
	}
	return false
}

// repeatsPrevious reports a number in parentheses, possibly after a
// currency letter or sign, that repeats the sum or term just before it:
// "One million pesos (P1,000,000.00)", "twenty (20) years" after the unit.
func (lx *Lexicon) repeatsPrevious(toks []token, items []item, k int, v float64) bool {
	if len(items) == 0 {
		return false
	}
	last := items[len(items)-1]
	if last.kind != iAmount && last.kind != iDur || last.val != v {
		return false
	}
	b := k - 1
	if b >= 0 && toks[b].kind != tPunct && len(toks[b].s) == 1 {
		b--
	}
	if b >= 0 && toks[b].kind == tPunct && toks[b].s != "(" {
		if _, ok := lx.currencyOf(toks[b].s); ok {
			b--
		}
	}
	return b >= 0 && toks[b].s == "(" && b >= last.end-1 && b <= last.end+1
}

// amountAhead reports a currency word or sign at toks[n] followed by a
// number: "de pesos mil a pesos diez mil", "from $1,000 to $5,000".
func (lx *Lexicon) amountAhead(toks []token, n, ce int, lang string) bool {
	if n >= ce {
		return false
	}
	if _, ok := lx.currencyOf(toks[n].s); !ok {
		return false
	}
	j := n + 1
	if j < ce && toks[j].s == "." {
		j++
	}
	return lx.isNumStart(toks, j, lang)
}

// sumAhead reports whether a number with its currency starts at n ("five
// million shillings", "$5,000").
func (lx *Lexicon) sumAhead(toks []token, n, cs, ce int, lang string) bool {
	if lx.amountAhead(toks, n, ce, lang) {
		return true
	}
	if !lx.isNumStart(toks, n, lang) {
		return false
	}
	_, e, ok := lx.readNumber(toks, n, lang)
	if !ok || e <= n {
		return false
	}
	cur, _ := lx.currencyNear(toks, n, e, cs, ce)
	return cur != ""
}

// unitAhead finds the unit of time of the next number within a few glue
// words ("5 nor more than 20 years"), for a qualified number that has none.
func (lx *Lexicon) unitAhead(toks []token, n, ce int, lang string) unit {
	for j := n; j < ce && j < n+6; j++ {
		if lx.isNumStart(toks, j, lang) {
			_, e, ok := lx.readNumber(toks, j, lang)
			if !ok || e >= ce || toks[e].kind != tWord {
				return uNone
			}
			return lx.unitOf(toks[e].s)
		}
		if toks[j].kind != tWord || toks[j].lf&fGlue == 0 {
			return uNone
		}
	}
	return uNone
}

// sharedScale reads the lower bound of "de cinq à vingt millions" (five
// to twenty million) with the scale word written once after the upper
// bound: a small lower bound beside a whole number of millions (or
// thousands) takes the same scale.
func sharedScale(lo, hi float64) float64 {
	if lo <= 0 || lo >= 100 || lo != math.Trunc(lo) {
		return lo
	}
	for _, scale := range []float64{1e9, 1e6, 1e3} {
		if hi >= scale && math.Mod(hi, scale) == 0 && hi/scale < 1000 && lo*scale <= hi {
			return lo * scale
		}
	}
	return lo
}

// skipAge returns the index after an age of at most 18 at toks[k] ("18
// years" after "under", "the age of eighteen" after "under", "dieciocho
// años" after "menores de"), k when there is none. An age-limit word inside
// a qualifier ("not under five years", "au moins", "no menos de") states a
// term, not an age.
func (lx *Lexicon) skipAge(toks []token, k, j int, lang string) int {
	if !lx.isNumStart(toks, k, lang) {
		return k
	}
	lim := -1
	for b := k - 1; b >= 0 && b >= k-4; b-- {
		if toks[b].kind != tWord {
			break
		}
		if lx.ageLimit.has(toks[b].s) {
			lim = b
			break
		}
	}
	if lim < 0 {
		return k
	}
	for b := lim - 2; b <= lim; b++ {
		if b >= 0 {
			if m, ok := lx.matchMarker(toks, b, len(toks)); ok && b+len(m.words) > lim {
				return k
			}
		}
	}
	v, n, ok := lx.readNumber(toks, k, lang)
	if !ok || v <= 0 || v > 18 || n > j {
		return k
	}
	if n < j && toks[n].kind == tWord && lx.unitOf(toks[n].s) == uYear {
		n++
	} else if n < j && toks[n].kind == tWord && lx.unitOf(toks[n].s) != uNone {
		return k // "under 18 months": a term
	}
	return n
}

// otherSanctionAt reports a sanction other than custody or a fine starting
// at toks[i].
func (lx *Lexicon) otherSanctionAt(toks []token, i int) bool {
	n, _ := lx.otherSanction.at(toks, i, len(toks))
	return n > 0
}

// alternativeBetween reports an alternative connector ("or", "ou", "o")
// between the statement ending at a and the one starting at b (or among
// the first tokens of the second, which may open with it), with no
// sentence or clause break.
func (lx *Lexicon) alternativeBetween(toks []token, a, b int) bool {
	alt := false
	for k := max(a-1, 0); k < b+3 && k < len(toks); k++ {
		t := toks[k]
		if t.kind == tPunct && (t.s == "." || t.s == ";" || t.s == ":") {
			return false
		}
		if t.kind == tWord && t.lf&fOr != 0 {
			alt = true
		}
	}
	return alt
}
