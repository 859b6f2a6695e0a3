package penalty

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// lexFlag classifies a folded word for the sanction scanner.
type lexFlag uint32

const (
	fGlue   lexFlag = 1 << iota // may sit inside a sanction phrase
	fPrison                     // imprisonment noun or verb
	fFine                       // fine noun or verb
	fLife                       // life / perpetuity
	fOr                         // alternative connector
	fAnd                        // cumulative connector
	fBoth                       // "or both"
	fVerb                       // sanction verb: liable, punished, bestraft, punie, castigado
	fChain                      // a unit, currency, number word or country adjective: may sit in a sanction phrase
	fMarker                     // first word of a qualifier phrase ("not less than", "bis zu")

	// The flags below never make a word part of a sanction phrase; they let
	// the readers of circumstances skip the words that cannot start one.
	fCirc     // may start a circumstance (a variant class: child, minor, under, less serious, …)
	fSubjEnd  // may end an offence-subject phrase (whoever, el que)
	fCond     // aggravation-condition word
	fProc     // may start a mode-of-trial phrase
	fCustHead // first word of a custodial phrase of several words
	fRelHead  // first word of a relative sanction phrase
	fOther    // first word of a sanction other than custody or a fine
)

// chainFlags are the flags of a word that may sit in a sanction phrase.
const chainFlags = fGlue | fPrison | fFine | fLife | fOr | fAnd | fBoth | fVerb | fChain | fMarker

// unit is a unit of time.
type unit uint8

const (
	uNone unit = iota
	uYear
	uMonth
	uWeek
	uDay
)

// qual qualifies a stated number.
type qual uint8

const (
	qNone qual = iota
	qMin
	qMax
	qFrom // first bound of a range ("from", "von", "de", "entre")
	qTo   // second bound of a range ("to", "bis", "a", "à")
	// qFixed states a term that is both minimum and maximum ("por un
	// término fijo de quince años", "for a fixed term of")
	qFixed
)

type marker struct {
	words []string
	q     qual
}

// Currencies stated as written because only the country settles them (see
// ParseFor), and units of fines that are no currency.
const (
	CurrencyDollar    = "$"
	CurrencyPound     = "£"
	CurrencyShillings = "shillings"
	CurrencyRupees    = "rupees"
	CurrencyPesos     = "pesos"
	CurrencyFrancs    = "francs"
	CurrencyDayFines  = "day-fines"
)

// Lexicon is the vocabulary the parser reads, compiled from the lexicon
// classes of a standard.Lexicon (mapping/lexicon; docs/lexicon-format.md):
// sanction nouns and verbs, the glue words of a sanction phrase, qualifiers
// of a number, units of time, number words, currencies, variant cues
// (repeat conviction, less serious case, mode of trial, aggravations),
// offence words and offence labels. Every class is read as the union of
// its phrases over the lexicon's languages, except the number words, which
// are read per language (a language with no lexicon reads all of them). A
// Lexicon is immutable and safe for concurrent use; NewLexicon compiles one
// lexicon (by hash) once.
type Lexicon struct {
	hash  string
	flags map[string]lexFlag
	// flagPrefixes flag the words that start with a prefix phrase
	// ("lebenslang*"), by the prefix's first byte.
	flagPrefixes [256][]prefixFlag
	units        map[string]unit
	markers      map[string][]marker // by first word, longest first
	maxAfter     *phraseSet          // "au plus" after a term
	minAfter     *phraseSet
	custodial    *phraseSet // custodial penalties of several words ("privative de liberté")
	amountAbbrev wordSet
	// the graded penalties of a code's scale ("reclusión mayor en sus
	// grados mínimo a medio", "prision mayor in its medium period")
	gradeQual, gradeOpen, gradePeriod, gradeJoin wordSet
	gradeLevel                                   [3]wordSet // minimum, medium, maximum
	gradeDuration                                *phraseSet

	currency         map[string]string // one word → currency
	currencyMulti    *phraseSet        // currencies of several words; vals index currencyMultiVal
	currencyMultiVal []string
	fineUnits        *phraseSet
	fineUnitBefore   wordSet // "level" in "a fine not exceeding level ten"
	// lifeAfterCustody are life words only right after a custodial noun
	// ("prisión permanente")
	lifeAfterCustody wordSet
	// placeOpen and placeClose bound the place of custody named after a
	// custodial noun ("imprisonment in … for")
	placeOpen, placeClose wordSet
	// gradeNoun, gradeDegree and gradeDegreeQual name an offence's grade on
	// a code's scale ("felony of the second degree", "delito grave de
	// segundo grado severo")
	gradeNoun                    *phraseSet
	gradeDegree, gradeDegreeQual wordSet
	// countryBefore and countryAfter hold, by ISO 4217 code, the country
	// words that resolve an ambiguous currency ("Kenya shillings", "pesos
	// uruguayos"); countrySkip holds the country words of several words
	// ("Sri Lanka") and the ambiguous currencies a word before resolves.
	countryBefore  map[string]string // word → code
	countryAfter   map[string]string
	countryMulti   *phraseSet
	beforeResolved map[string]bool

	num                          map[string]map[string]numWord // by language
	numLangs                     []string                      // the languages of num, with their tables
	numTabs                      []map[string]numWord
	numCompound                  []bool
	numAll                       map[string]numWord
	compound                     map[string]bool // languages whose number words compound
	morphemes                    map[byte][]string
	morphTable                   map[string]numWord
	joinHundreds, joinTens, weak wordSet

	// words that may start a sanction: imprisonment and fine words, the
	// first words of custodial phrases and relative sanctions
	cue         map[string]bool
	cuePrefixes []string
	// cueStart holds the first two letters (a-z) of the cue words and
	// prefixes, cueMin the length of the shortest: most words are rejected
	// without a lookup
	cueStart [26 * 26]bool
	cueMin   int

	addedNoun, additional, fineNeg, auxiliary, termLink wordSet
	notLife, fineDefault, eitherPenalty                 *phraseSet
	// penSubject names the sanction itself as a clause's subject ("la
	// pena", "la peine", "the penalty"): its term is custody's
	penSubject *phraseSet
	increment  wordSet // "increased by two years": a term added, not stated
	// sanctionNoun names any sanction (imprisonment, fine, disqualification)
	sanctionNoun *phraseSet
	mandatory    *phraseSet // "shall be punished with": the sanction is imposed
	commutable   wordSet    // "conmutable": a prison term commuted into a payment
	// otherSanction names sanctions other than custody or a fine whose
	// terms are their own ("restriction of liberty", "community work")
	otherSanction *phraseSet
	// commutableNot negates it ("no será conmutable")
	commutableNot wordSet
	relative      *phraseSet // vals index relKinds

	abbrev, repeatQual, repeatObj, childVictim, ageLimit, ageNotAttained, ageWord, ageLink wordSet
	death, risk, aggravating, aggravationName, condition, pronoun                          wordSet
	subject, mitigation, repeatConv, firstOffence, minorAge, deathPenalty                  *phraseSet
	organised, official, serious, legal, exclusion, indictment, summary                    *phraseSet
	strongMeans, convictionCond                                                            *phraseSet

	traffic, childSale, forced, side *phraseSet
	minorNoun, sell, exploit         wordSet
	acts                             []wordSet  // classes act-<name>, in catalogue order
	labels                           *phraseSet // vals index labelNames
}

// relKinds are the relative sanctions, each read from class relative-<kind>.
var relKinds = []struct{ class, kind string }{
	{"relative-higher-degree", RelHigherDegree}, {"relative-upper-half", RelUpperHalf},
	{"relative-lower-degree", RelLowerDegree}, {"relative-third-to-half", RelThirdToHalf},
	{"relative-double", RelDouble}, {"relative-half", RelHalf},
}

// labelNames are the offence labels, each read from class label-<name>
// with "-" for "_"; the longest phrase wins, then the first label.
var labelNames = []string{LabelForcedProstitution, LabelDebtBondage, LabelForcedLabour, LabelPeonage, LabelSlavery,
	LabelServitude, LabelLabourExploitation}

type prefixFlag struct {
	prefix string
	f      lexFlag
}

// wordSet is a class read one word at a time: folded words, and prefixes
// (a phrase ending in "*").
type wordSet struct {
	exact    map[string]bool
	prefixes []string
	// eb and pb hold the first bytes of the exact words and of the
	// prefixes: most words are rejected without a lookup
	eb, pb byteSet
}

func (s *wordSet) has(w string) bool {
	if w == "" {
		return false
	}
	if s.eb.has(w[0]) && s.exact[w] {
		return true
	}
	if s.pb.has(w[0]) {
		for _, p := range s.prefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (b *byteSet) add(c byte)      { b[c>>6] |= 1 << (c & 63) }
func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }

// phraseSet is a class of phrases matched on consecutive tokens; a word
// ending in "*" matches the words that start with it.
type phraseSet struct {
	ps      [][]string
	vals    []int
	byFirst map[string][]int
	byLast  map[string][]int
	pref    []int // phrases whose first word is a prefix
	prefEnd []int // phrases whose last word is a prefix
	// first bytes of the first and last words, for a quick reject
	fb, lb byteSet
}

func newPhraseSet() *phraseSet {
	return &phraseSet{byFirst: map[string][]int{}, byLast: map[string][]int{}}
}

func (s *phraseSet) add(words []string, val int) {
	i := len(s.ps)
	s.ps = append(s.ps, words)
	s.vals = append(s.vals, val)
	s.fb.add(words[0][0])
	s.lb.add(words[len(words)-1][0])
	if strings.HasSuffix(words[0], "*") {
		s.pref = append(s.pref, i)
	} else {
		s.byFirst[words[0]] = append(s.byFirst[words[0]], i)
	}
	if l := words[len(words)-1]; strings.HasSuffix(l, "*") {
		s.prefEnd = append(s.prefEnd, i)
	} else {
		s.byLast[l] = append(s.byLast[l], i)
	}
}

func wordIs(pat, w string) bool {
	if p, ok := strings.CutSuffix(pat, "*"); ok {
		return strings.HasPrefix(w, p)
	}
	return w == pat
}

// match reports whether phrase i lies on toks[k:], within hi.
func (s *phraseSet) match(i int, toks []token, k, hi int) bool {
	ws := s.ps[i]
	if k < 0 || k+len(ws) > hi {
		return false
	}
	for j, w := range ws {
		if !wordIs(w, toks[k+j].s) {
			return false
		}
	}
	return true
}

// at returns the length of the longest phrase starting at toks[k] and
// ending before hi (0 when none) and its value; the first phrase added wins
// a tie.
func (s *phraseSet) at(toks []token, k, hi int) (int, int) {
	if s == nil || k >= hi || k >= len(toks) || toks[k].s == "" || !s.fb.has(toks[k].s[0]) {
		return 0, 0
	}
	best, val, bi := 0, 0, -1
	try := func(i int) {
		if n := len(s.ps[i]); (n > best || n == best && i < bi) && s.match(i, toks, k, hi) {
			best, val, bi = n, s.vals[i], i
		}
	}
	for _, i := range s.byFirst[toks[k].s] {
		try(i)
	}
	for _, i := range s.pref {
		try(i)
	}
	return best, val
}

// endsAt reports a phrase ending at toks[k] and starting at or after lo.
func (s *phraseSet) endsAt(toks []token, k, lo int) bool {
	if s == nil || k < 0 || k >= len(toks) || toks[k].s == "" || !s.lb.has(toks[k].s[0]) {
		return false
	}
	ok := func(i int) bool {
		st := k - len(s.ps[i]) + 1
		return st >= lo && s.match(i, toks, st, len(toks))
	}
	for _, i := range s.byLast[toks[k].s] {
		if ok(i) {
			return true
		}
	}
	for _, i := range s.prefEnd {
		if ok(i) {
			return true
		}
	}
	return false
}

// in reports whether any phrase occurs anywhere in toks.
func (s *phraseSet) in(toks []token) bool {
	for k := range toks {
		if n, _ := s.at(toks, k, len(toks)); n > 0 {
			return true
		}
	}
	return false
}

// firstWords reports whether w can open a phrase of s.
func (s *phraseSet) opens(w string) bool {
	if len(s.byFirst[w]) > 0 {
		return true
	}
	for _, i := range s.pref {
		if wordIs(s.ps[i][0], w) {
			return true
		}
	}
	return false
}

// reader reads the classes of a standard.Lexicon, collecting the names of
// the classes it lacks and of those it cannot read.
type reader struct {
	l       *standard.Lexicon
	missing []string
	bad     []string
}

func (r *reader) has(class string) bool {
	if !r.l.HasClass(class) {
		r.missing = append(r.missing, class)
		return false
	}
	return true
}

// phrases returns the phrases of class over every language, folded and
// split into words.
func (r *reader) phrases(class string) [][]string {
	if !r.has(class) {
		return nil
	}
	return foldAll(r.l.Union(class))
}

func foldAll(ps []string) [][]string {
	var out [][]string
	for _, p := range ps {
		if ws, _ := standard.TermWords(p); len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

// words reads a class of single words (a word ending in "*" is a prefix).
func (r *reader) words(class string) wordSet {
	s := wordSet{exact: map[string]bool{}}
	for _, ws := range r.phrases(class) {
		if len(ws) != 1 {
			r.bad = append(r.bad, fmt.Sprintf("%s (%q)", class, strings.Join(ws, " ")))
			continue
		}
		if p, ok := strings.CutSuffix(ws[0], "*"); ok {
			s.prefixes = append(s.prefixes, p)
			s.pb.add(p[0])
		} else {
			s.exact[ws[0]] = true
			s.eb.add(ws[0][0])
		}
	}
	return s
}

// set reads a phrase class.
func (r *reader) set(class string) *phraseSet {
	s := newPhraseSet()
	for _, ws := range r.phrases(class) {
		s.add(ws, 0)
	}
	return s
}

// classesWith lists the catalogue's classes whose name starts with prefix,
// in catalogue order.
func (r *reader) classesWith(prefix string) []string {
	var out []string
	for _, c := range r.l.Classes {
		if strings.HasPrefix(c.Name, prefix) {
			out = append(out, c.Name)
		}
	}
	return out
}

var (
	compiledMu sync.Mutex
	compiled   = map[string]*Lexicon{}
)

// NewLexicon compiles the penalty vocabulary of l. It fails, naming them,
// when l lacks a class the parser reads (a --mapping directory with an
// older lexicon) or has a phrase of several words in a class read one word
// at a time. The same lexicon (same hash) compiles to the same *Lexicon.
func NewLexicon(l *standard.Lexicon) (*Lexicon, error) {
	compiledMu.Lock()
	defer compiledMu.Unlock()
	if lx, ok := compiled[l.Hash]; ok {
		return lx, nil
	}
	r := &reader{l: l}
	lx := build(r)
	if len(r.missing) > 0 {
		return nil, fmt.Errorf("%s: the lexicon has no class %s, expected every class the engine reads (see docs/lexicon-format.md)",
			l.Catalogue, strings.Join(r.missing, ", "))
	}
	if len(r.bad) > 0 {
		sort.Strings(r.bad)
		return nil, fmt.Errorf("%s: the penalty parser reads the classes of %s one word at a time, expected single words (a \"*\" may end one)",
			l.Catalogue, strings.Join(dedup(r.bad), ", "))
	}
	compiled[l.Hash] = lx
	return lx, nil
}

func dedup(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// DefaultLexicon is the penalty vocabulary of the embedded lexicon
// (mapping/lexicon).
func DefaultLexicon() (*Lexicon, error) {
	defaultOnce.Do(func() {
		l, err := standard.EmbeddedLexicon()
		if err != nil {
			defaultErr = err
			return
		}
		defaultLex, defaultErr = NewLexicon(l)
	})
	return defaultLex, defaultErr
}

// MustDefault is DefaultLexicon for the package-level functions (Parse,
// Classify, …); the embedded lexicon is checked by the tests, so an error
// is a build defect and panics.
func MustDefault() *Lexicon {
	lx, err := DefaultLexicon()
	if err != nil {
		panic(err)
	}
	return lx
}

// Hash is the hash of the lexicon the vocabulary was compiled from.
func (lx *Lexicon) Hash() string { return lx.hash }

var reNumberClass = regexp.MustCompile(`^number-(\d+)$`)

// currencyClass is the prefix of the classes naming one currency each:
// currency-<iso code> (its code), or one of currencyAsWritten.
const currencyClass = "currency-"

var currencyAsWritten = map[string]string{
	"currency-dollar": CurrencyDollar, "currency-pound": CurrencyPound, "currency-shilling": CurrencyShillings,
	"currency-rupee": CurrencyRupees, "currency-peso": CurrencyPesos, "currency-franc": CurrencyFrancs,
	"currency-day-fine": CurrencyDayFines,
}

// symbols are currency signs, not words of any language.
var symbols = map[string]string{"€": "EUR", "₦": "NGN", "₹": "INR", "₱": "PHP", "$": CurrencyDollar, "£": CurrencyPound}

func build(r *reader) *Lexicon {
	lx := &Lexicon{hash: r.l.Hash, flags: map[string]lexFlag{}, units: map[string]unit{}, markers: map[string][]marker{},
		currency: map[string]string{}, countryBefore: map[string]string{}, countryAfter: map[string]string{},
		beforeResolved: map[string]bool{}}
	flag := func(f lexFlag, s wordSet) {
		for w := range s.exact {
			lx.flags[w] |= f
		}
		for _, p := range s.prefixes {
			lx.flagPrefixes[p[0]] = append(lx.flagPrefixes[p[0]], prefixFlag{p, f})
		}
	}
	flag(fGlue, r.words("sanction-glue"))
	lx.custodial = newPhraseSet()
	for _, ws := range r.phrases("custodial-penalty") {
		if len(ws) == 1 {
			flag(fPrison, wordSet{exact: map[string]bool{ws[0]: true}})
		} else {
			// "privative de liberté": its words may sit in a sanction phrase
			lx.custodial.add(ws, 0)
			for _, w := range ws {
				lx.flags[w] |= fChain
			}
		}
	}
	flag(fFine, r.words("pecuniary-penalty"))
	flag(fLife, r.words("life-term"))
	lx.lifeAfterCustody = r.words("life-after-custody")
	flag(fLife, lx.lifeAfterCustody)
	flag(fOr, r.words("sanction-or"))
	flag(fAnd, r.words("sanction-and"))
	flag(fBoth, r.words("sanction-both"))
	flag(fVerb, r.words("sanction-verb"))
	for _, u := range []struct {
		class string
		u     unit
	}{{"time-unit-year", uYear}, {"time-unit-month", uMonth}, {"time-unit-week", uWeek}, {"time-unit-day", uDay}} {
		for w := range r.words(u.class).exact {
			if _, ok := lx.units[w]; !ok {
				lx.units[w] = u.u
			}
		}
	}
	for _, m := range []struct {
		class string
		q     qual
	}{{"minimum-qualifier", qMin}, {"maximum-qualifier", qMax}, {"range-from", qFrom}, {"range-to", qTo}, {"fixed-term-qualifier", qFixed}} {
		for _, ws := range r.phrases(m.class) {
			lx.markers[ws[0]] = append(lx.markers[ws[0]], marker{ws, m.q})
			lx.flags[ws[0]] |= fMarker
		}
	}
	for _, ms := range lx.markers {
		sortMarkers(ms)
	}
	lx.maxAfter, lx.minAfter = r.set("maximum-after"), r.set("minimum-after")
	lx.amountAbbrev = r.words("amount-abbreviation")
	lx.gradeQual, lx.gradeOpen = r.words("penalty-grade-qualifier"), r.words("penalty-grade-open")
	lx.gradePeriod, lx.gradeJoin = r.words("penalty-grade-period"), r.words("penalty-grade-joiner")
	lx.gradeLevel = [3]wordSet{r.words("penalty-grade-minimum"), r.words("penalty-grade-medium"), r.words("penalty-grade-maximum")}
	lx.gradeDuration = r.set("penalty-grade-duration")

	// currencies
	lx.currencyMulti, lx.countryMulti = newPhraseSet(), newPhraseSet()
	chain := func(ws []string) {
		for _, w := range ws {
			lx.flags[w] |= fChain
		}
	}
	if r.has("currency-code") {
		for _, ws := range r.phrases("currency-code") {
			if _, ok := lx.currency[ws[0]]; !ok && len(ws) == 1 {
				lx.currency[ws[0]] = strings.ToUpper(ws[0])
			}
			chain(ws)
		}
	}
	resolved := map[string][]string{} // ambiguous currency → codes
	for c, m := range countryCurrency {
		for _, code := range m {
			resolved[c] = append(resolved[c], code)
		}
	}
	for _, class := range r.classesWith(currencyClass) {
		suffix := strings.TrimPrefix(class, currencyClass)
		switch {
		case class == "currency-code":
		case strings.HasPrefix(suffix, "country-"), strings.HasPrefix(suffix, "after-"):
			code := strings.ToUpper(suffix[strings.LastIndexByte(suffix, '-')+1:])
			for _, ws := range r.phrases(class) {
				switch {
				case len(ws) > 1:
					lx.countryMulti.add(ws, 0)
				case strings.HasPrefix(suffix, "after-"):
					setOnce(lx.countryAfter, ws[0], code)
				default:
					setOnce(lx.countryBefore, ws[0], code)
					for c, codes := range resolved {
						if contains(codes, code) {
							lx.beforeResolved[c] = true
						}
					}
				}
			}
		default:
			name, ok := currencyAsWritten[class]
			if !ok {
				name = strings.ToUpper(suffix)
			}
			for _, ws := range r.phrases(class) {
				chain(ws)
				if len(ws) == 1 {
					setOnce(lx.currency, ws[0], name)
				} else {
					lx.currencyMulti.add(ws, len(lx.currencyMultiVal))
					lx.currencyMultiVal = append(lx.currencyMultiVal, name)
				}
			}
		}
	}
	lx.fineUnits, lx.fineUnitBefore = r.set("fine-unit"), r.words("fine-unit-before")
	lx.placeOpen, lx.placeClose = r.words("custody-place-open"), r.words("custody-place-close")
	lx.gradeNoun, lx.gradeDegree, lx.gradeDegreeQual = r.set("offence-grade-noun"), r.words("offence-grade-degree"), r.words("offence-grade-qualifier")

	// number words
	lx.num, lx.numAll, lx.compound = map[string]map[string]numWord{}, map[string]numWord{}, map[string]bool{}
	type numClass struct {
		name string
		v    float64
	}
	var ncs []numClass
	for _, c := range r.l.Classes {
		if m := reNumberClass.FindStringSubmatch(c.Name); m != nil {
			v, _ := strconv.ParseFloat(m[1], 64)
			ncs = append(ncs, numClass{c.Name, v})
		}
	}
	for _, req := range []string{"number-0", "number-1", "number-100", "number-1000"} {
		r.has(req)
	}
	r.has("number-compound-joiner")
	for _, lang := range r.l.Languages() {
		t := map[string]numWord{}
		for _, nc := range ncs {
			kind := nAdd
			switch {
			case nc.v == 100:
				kind = nHund
			case nc.v >= 1000:
				kind = nScale
			}
			for _, ws := range foldAll(r.l.Phrases(lang, nc.name)) {
				if len(ws) == 1 && !strings.HasSuffix(ws[0], "*") {
					setOnce(t, ws[0], numWord{nc.v, kind})
				}
			}
		}
		for _, ws := range foldAll(r.l.Phrases(lang, "number-compound-joiner")) {
			if len(ws) == 1 {
				lx.compound[lang] = true
				setOnce(t, ws[0], numWord{0, nJoin})
			}
		}
		lx.num[lang] = t
	}
	for _, lang := range r.l.Languages() {
		lx.numLangs = append(lx.numLangs, lang)
		lx.numTabs = append(lx.numTabs, lx.num[lang])
		lx.numCompound = append(lx.numCompound, lx.compound[lang])
	}
	// the union: the first language (en, fr, de, es, then others) wins
	for _, lang := range r.l.Languages() {
		for k, v := range lx.num[lang] {
			if v.kind == nJoin {
				continue
			}
			if _, ok := lx.numAll[k]; !ok {
				lx.numAll[k] = v
			}
		}
	}
	lx.morphTable = map[string]numWord{}
	var morphemes []string
	for _, lang := range r.l.Languages() {
		if !lx.compound[lang] {
			continue
		}
		for k, v := range lx.num[lang] {
			if _, ok := lx.morphTable[k]; !ok {
				lx.morphTable[k] = v
				morphemes = append(morphemes, k)
			}
		}
	}
	// longest first, then alphabetical, for a deterministic greedy split
	sort.Slice(morphemes, func(i, j int) bool {
		a, b := morphemes[i], morphemes[j]
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	lx.morphemes = map[byte][]string{}
	for _, m := range morphemes {
		lx.morphemes[m[0]] = append(lx.morphemes[m[0]], m)
	}
	lx.joinHundreds, lx.joinTens = r.words("number-joiner-hundreds"), r.words("number-joiner-tens")
	lx.weak = r.words("weak-number")
	for w := range lx.units {
		lx.flags[w] |= fChain
	}
	buildVocab(r, lx)
	for w := range lx.numAll {
		lx.flags[w] |= fChain
	}
	return lx
}

func setOnce[V any](m map[string]V, k string, v V) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func sortMarkers(ms []marker) {
	// longest phrase first, stable
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && len(ms[j].words) > len(ms[j-1].words); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// flagsOf returns the lexicon flags of a folded word.
func (lx *Lexicon) flagsOf(w string) lexFlag {
	if w == "" {
		return 0
	}
	f := lx.flags[w]
	for _, p := range lx.flagPrefixes[w[0]] {
		if strings.HasPrefix(w, p.prefix) {
			f |= p.f
		}
	}
	return f
}

func (lx *Lexicon) unitOf(w string) unit { return lx.units[w] }

// matchMarker returns the marker starting at toks[i], if any.
func (lx *Lexicon) matchMarker(toks []token, i, end int) (marker, bool) {
	if toks[i].lf&fMarker == 0 {
		return marker{}, false
	}
	for _, m := range lx.markers[toks[i].s] {
		if i+len(m.words) > end {
			continue
		}
		all := true
		for k, w := range m.words {
			if toks[i+k].s != w || toks[i+k].kind != tWord {
				all = false
				break
			}
		}
		if all {
			return m, true
		}
	}
	return marker{}, false
}

// currencyOf returns the currency a word or symbol names: an ISO 4217 code
// where the word alone makes it clear ("ringgit" → MYR, "€" → EUR), else the
// word as the parser states it ("shillings", "rupees", "$"), resolved
// later with the country when one is known.
func (lx *Lexicon) currencyOf(w string) (string, bool) {
	if c, ok := lx.currency[w]; ok {
		return c, true
	}
	c, ok := symbols[w]
	return c, ok
}

// qualifiedCurrency resolves "Kenya shillings", "US dollars", "pesos
// uruguayos": a country word next to an ambiguous currency word.
func (lx *Lexicon) qualifiedCurrency(cur, before, after string) string {
	m, ok := countryCurrency[cur]
	if !ok {
		return cur
	}
	if code, ok := lx.countryBefore[before]; ok && hasValue(m, code) {
		return code
	}
	if code, ok := lx.countryAfter[after]; ok && hasValue(m, code) {
		return code
	}
	return cur
}

func hasValue(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}

// countryCurrency resolves ambiguous currency words with the ISO 3166
// alpha-3 code of the country whose law is read (ISO 4217 reference data,
// not language).
var countryCurrency = map[string]map[string]string{
	CurrencyShillings: {"KEN": "KES", "UGA": "UGX", "TZA": "TZS", "SOM": "SOS"},
	CurrencyRupees:    {"LKA": "LKR", "PAK": "PKR", "IND": "INR", "NPL": "NPR", "MUS": "MUR", "SYC": "SCR"},
	CurrencyDollar: {"USA": "USD", "CAN": "CAD", "AUS": "AUD", "NZL": "NZD", "SGP": "SGD", "HKG": "HKD", "JAM": "JMD", "LBR": "LRD",
		"ARG": "ARS", "URY": "UYU", "MEX": "MXN", "CHL": "CLP", "COL": "COP", "DOM": "DOP", "CUB": "CUP", "PHL": "PHP"},
	CurrencyPesos:  {"ARG": "ARS", "URY": "UYU", "MEX": "MXN", "CHL": "CLP", "COL": "COP", "DOM": "DOP", "CUB": "CUP", "PHL": "PHP"},
	CurrencyPound:  {"GBR": "GBP", "EGY": "EGP", "LBN": "LBP", "SDN": "SDG", "SYR": "SYP"},
	CurrencyFrancs: {"CHE": "CHF", "FRA": "FRF"},
}

// buildVocab reads the classes of variants, offences, labels and relative
// sanctions.
func buildVocab(r *reader, lx *Lexicon) {
	lx.addedNoun, lx.additional = r.words("added-term-noun"), r.words("additional")
	lx.fineNeg, lx.auxiliary, lx.termLink = r.words("fine-negation"), r.words("passive-auxiliary"), r.words("term-link")
	lx.notLife, lx.fineDefault, lx.eitherPenalty = r.set("not-life-term"), r.set("fine-default"), r.set("either-penalty")
	lx.penSubject, lx.increment = r.set("penalty-subject"), r.words("term-increment")
	lx.sanctionNoun, lx.mandatory = r.set("penalty-noun"), r.set("mandatory-sentence")
	lx.otherSanction = r.set("other-sanction")
	for _, ws := range lx.otherSanction.ps {
		lx.flags[ws[0]] |= fOther
		for _, w := range ws {
			lx.flags[w] |= fChain // its words may sit in a sanction phrase
		}
	}
	lx.commutable, lx.commutableNot = r.words("commutable"), r.words("commutable-negation")
	lx.sanctionNoun, lx.mandatory = r.set("penalty-noun"), r.set("mandatory-sentence")
	lx.relative = newPhraseSet()
	for i, rk := range relKinds {
		for _, ws := range r.phrases(rk.class) {
			lx.relative.add(ws, i)
		}
	}
	lx.abbrev, lx.repeatQual, lx.repeatObj = r.words("abbreviation"), r.words("repeat-qualifier"), r.words("repeat-object")
	lx.childVictim, lx.ageLimit, lx.ageNotAttained = r.words("child-victim"), r.words("age-limit"), r.words("age-not-attained")
	lx.ageWord, lx.ageLink, lx.death, lx.risk = r.words("age-word"), r.words("age-number-link"), r.words("death-word"), r.words("risk")
	lx.aggravating, lx.condition, lx.pronoun = r.words("aggravating-circumstance"), r.words("aggravation-condition"), r.words("subject-pronoun")
	lx.aggravationName = r.words("aggravation-name")
	lx.subject, lx.mitigation, lx.repeatConv = r.set("offence-subject"), r.set("mitigation"), r.set("repeat-conviction")
	lx.firstOffence, lx.minorAge, lx.deathPenalty = r.set("first-offence"), r.set("minor-age"), r.set("death-penalty")
	lx.organised, lx.official, lx.serious, lx.legal = r.set("organised-group"), r.set("official-offender"), r.set("serious-harm"), r.set("legal-person")
	lx.strongMeans = r.set("strong-means")
	lx.convictionCond = r.set("conviction-condition")
	lx.exclusion, lx.indictment, lx.summary = r.set("exclusion"), r.set("indictment"), r.set("summary-trial")
	lx.traffic, lx.childSale, lx.forced, lx.side = r.set("trafficking-conduct"), r.set("child-sale"), r.set("forced-labour-conduct"), r.set("trafficking-side-conduct")
	lx.minorNoun, lx.sell, lx.exploit = r.words("minor-noun"), r.words("sale-act"), r.words("exploitation-conduct")
	// the Palermo acts (act-recruit, act-transport, …); a word is the first
	// act whose class has it
	for _, a := range r.classesWith("act-") {
		lx.acts = append(lx.acts, r.words(a))
	}
	if len(lx.acts) == 0 {
		r.missing = append(r.missing, "act-*")
	}
	lx.labels = newPhraseSet()
	for i, l := range labelNames {
		for _, ws := range r.phrases("label-" + strings.ReplaceAll(l, "_", "-")) {
			lx.labels.add(ws, i)
		}
	}

	// the words that may start a circumstance, a mode of trial, …
	mark := func(f lexFlag, ws ...*wordSet) {
		for _, set := range ws {
			for w := range set.exact {
				lx.flags[w] |= f
			}
			for _, p := range set.prefixes {
				lx.flagPrefixes[p[0]] = append(lx.flagPrefixes[p[0]], prefixFlag{p, f})
			}
		}
	}
	markPhrases := func(f lexFlag, last bool, sets ...*phraseSet) {
		for _, ps := range sets {
			for _, ws := range ps.ps {
				w := ws[0]
				if last {
					w = ws[len(ws)-1]
				}
				if p, ok := strings.CutSuffix(w, "*"); ok {
					lx.flagPrefixes[p[0]] = append(lx.flagPrefixes[p[0]], prefixFlag{p, f})
				} else {
					lx.flags[w] |= f
				}
			}
		}
	}
	mark(fCirc, &lx.repeatQual, &lx.childVictim, &lx.ageLimit, &lx.ageNotAttained, &lx.death, &lx.aggravating)
	markPhrases(fCirc, false, lx.mitigation, lx.repeatConv, lx.firstOffence, lx.minorAge, lx.organised, lx.official, lx.serious, lx.legal, lx.strongMeans)
	markPhrases(fSubjEnd, true, lx.subject)
	mark(fCond, &lx.condition)
	markPhrases(fProc, false, lx.indictment, lx.summary)
	markPhrases(fCustHead, false, lx.custodial)
	markPhrases(fRelHead, false, lx.relative)

	// the prefilter's cue words
	lx.cue = map[string]bool{}
	for w, f := range lx.flags {
		if f&(fPrison|fFine) != 0 {
			lx.cue[w] = true
		}
	}
	for _, ps := range lx.flagPrefixes {
		for _, p := range ps {
			if p.f&(fPrison|fFine) != 0 {
				lx.cuePrefixes = append(lx.cuePrefixes, p.prefix)
			}
		}
	}
	for _, ps := range []*phraseSet{lx.custodial, lx.relative} {
		for _, ws := range ps.ps {
			if p, ok := strings.CutSuffix(ws[0], "*"); ok {
				lx.cuePrefixes = append(lx.cuePrefixes, p)
			} else {
				lx.cue[ws[0]] = true
			}
		}
	}
	// a penalty named as a subject is cued by its noun, its last word
	for _, ws := range lx.penSubject.ps {
		lx.cue[ws[len(ws)-1]] = true
	}
	lx.cueMin = 1 << 30
	start := func(w string) {
		lx.cueMin = min(lx.cueMin, len(w))
		if i, ok := letterPair(w); ok {
			lx.cueStart[i] = true
		} else {
			lx.cueMin = 0 // a cue of one letter or not in a-z: no filter
		}
	}
	for w := range lx.cue {
		start(w)
	}
	for _, p := range lx.cuePrefixes {
		start(p)
	}
}

// letterPair indexes the first two bytes of w when both are a-z.
func letterPair[T string | []byte](w T) (int, bool) {
	if len(w) < 2 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z' {
		return 0, false
	}
	return int(w[0]-'a')*26 + int(w[1]-'a'), true
}
