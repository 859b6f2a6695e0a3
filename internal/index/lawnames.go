package index

import (
	"regexp"
	"strings"
)

// Classes of the words by which the index reads the name of a law, whether
// it is the statute itself and whether a provision is repealed
// (mapping/lexicon/classes.yaml).
const (
	classRelativePronoun = "relative-pronoun"
	classLawNameGlue     = "law-name-glue"
	classLawCompound     = "law-compound"
	classSelfReference   = "self-reference"
	classInternalOpening = "internal-provision-opening"
	classOtherLawLink    = "other-law-link"
	classRepealMarker    = "repeal-marker"
	classPrevSubsection  = "previous-subsection"
	classPrevSection     = "previous-section"
	classLawTitleWord    = "law-title-word"
	classTitleConnector  = "law-title-connector"
	classLawNumberAbbrev = "law-number-abbreviation"
	classLatinOrdinal    = "latin-ordinal"
	classListJoiner      = "number-list-joiner"
	classRangeWord       = "number-range-word"
)

// lawNameClasses are the classes lawGrammar reads (Check reports those a
// lexicon lacks).
var lawNameClasses = []string{classRelativePronoun, classLawNameGlue, classLawCompound, classSelfReference,
	classInternalOpening, classOtherLawLink, classRepealMarker, classPrevSubsection, classPrevSection,
	classLawTitleWord, classTitleConnector, classLawNumberAbbrev, classLatinOrdinal, classListJoiner, classRangeWord}

// lawGrammar is what the index reads of law names from the lexicon,
// compiled once per lexicon (Lexicon.lawGrammar). Every class is read as
// the union of its languages: a statute names laws of other languages.
type lawGrammar struct {
	// relPronoun opens a clause, not a law's name ("según el cual"):
	// the original text, any case
	relPronoun *regexp.Regexp
	// glue holds the lower-case words, as written, that carry a German
	// law's name on after a compound law word ("Gesetz über den …")
	glue map[string]bool
	// compound holds the pieces of a compound law word
	// ("Strafgesetzbuches"), lower case
	compound []string
	// selfOpen holds the folded openings of a name that is the statute
	// itself ("this ", "the present", "dieses"); internalOpen those of a
	// part of it ("section", "article", "s ")
	selfOpen, internalOpen []string
	// otherLaw holds the folded links after a provision's number that
	// name another law (" of ", " de ")
	otherLaw []string
	// repealed holds the folded words that open a repealed provision's
	// text ("repealed", "aufgehoben")
	repealed []string
	// prevSub and prevSec find "the preceding subsection", "el artículo
	// anterior" in the folded text
	prevSub, prevSec phraseFinder
	// namedAct finds "the Children Act (Cap. 141)", "Immigration Act
	// 1971" in the original text: capitalised words joined by connector
	// words, ending in a title word (titles, with the space before:
	// " Act"; litTitles folded, a prefilter)
	namedAct  *regexp.Regexp
	titles    []string
	litTitles *Literals
	connector map[string]bool
	// refArticleA reads an article reference at the start of folded
	// text: "article 12", "artículo 303 bis" (group 2: the Latin ordinal
	// of latin-ordinal); refListNext the next number of a list of them
	// (", 188c", " y 218", " et 433septies", " à 12"), joined by a
	// number-list-joiner or number-range-word; rangeWords the folded words
	// that make two numbers a range ("to", "bis", "a")
	refArticleA, refListNext *regexp.Regexp
	// refArticleParen reads "article (160)"
	refArticleParen *regexp.Regexp
	// refArticleCode reads a reference to an article of a code numbered
	// with its part's letter ("l'article L.4", "article R. 12-3"), as
	// the parser numbers the article artL4 (group 1 the letter, group 2
	// the number)
	refArticleCode *regexp.Regexp
	// refArticleFirst reads "l'article premier", "artículo primero"
	refArticleFirst *regexp.Regexp
	rangeWords      map[string]bool
}

// rangeWord reports whether the folded words joining two numbers make a
// range ("bis", "to", "à", "a", "al"), not a list.
func (g *lawGrammar) rangeWord(join string) bool { return g.rangeWords[strings.TrimSpace(join)] }

// phraseFinder finds the phrases of a class in folded text, each read as
// the start of a text (a word may go on: "alinea precedent" reads "alinéa
// précédente").
type phraseFinder struct {
	re   *regexp.Regexp
	lits *Literals
}

func newPhraseFinder(phrases []string) phraseFinder {
	var lits []string
	for _, p := range phrases {
		lits = append(lits, strings.TrimSuffix(foldPhrase(p), "*"))
	}
	return phraseFinder{re: regexp.MustCompile(`\b` + alternation(foldedAlts(phrases, false))), lits: NewLiterals(lits...)}
}

// findAll returns the matches in the segment's folded text.
func (pf phraseFinder) findAll(s *Segment) [][]int {
	if !s.ContainsAny(pf.lits) {
		return nil
	}
	return pf.re.FindAllStringIndex(s.Fold, -1)
}

type lawGrammarKey struct{}

// lawGrammar returns the law-name words of the lexicon, built once.
func (l *Lexicon) lawGrammar() *lawGrammar {
	return l.Memo(lawGrammarKey{}, func() any { return l.buildLawGrammar() }).(*lawGrammar)
}

func (l *Lexicon) buildLawGrammar() *lawGrammar {
	g := &lawGrammar{glue: map[string]bool{}}
	g.relPronoun = regexp.MustCompile(`(?i)^` + alternation(origAlts(l.src.Union(classRelativePronoun))) + `\b`)
	for _, p := range l.src.Union(classLawNameGlue) {
		g.glue[strings.TrimSpace(p)] = true
	}
	for _, p := range l.src.Union(classLawCompound) {
		g.compound = append(g.compound, strings.ToLower(strings.TrimSpace(p)))
	}
	g.selfOpen = openings(l.src.Union(classSelfReference))
	g.internalOpen = openings(l.src.Union(classInternalOpening))
	for _, p := range l.src.Union(classOtherLawLink) {
		g.otherLaw = append(g.otherLaw, " "+foldPhrase(p)+" ")
	}
	for _, p := range l.src.Union(classRepealMarker) {
		g.repealed = append(g.repealed, strings.TrimSuffix(foldPhrase(p), "*"))
	}
	titles, connectors := l.src.Union(classLawTitleWord), l.src.Union(classTitleConnector)
	g.namedAct = regexp.MustCompile(`\b(?:[A-Z][A-Za-z'’-]+ )+(?:` + alternation(origAlts(connectors)) + ` (?:[A-Z][A-Za-z'’-]+ )+)*` +
		alternation(origAlts(titles)) + `(?: \d{4})?(?: \(` + alternation(origAlts(l.src.Union(classLawNumberAbbrev))) + `\.? ?[\w.]+\))?`)
	var folded []string
	for _, w := range titles {
		g.titles = append(g.titles, " "+strings.TrimSpace(w))
		folded = append(folded, " "+foldPhrase(w))
	}
	g.litTitles = NewLiterals(folded...)
	g.connector = map[string]bool{}
	for _, w := range connectors {
		g.connector[strings.TrimSpace(w)] = true
	}
	ordinals := `(` + alternation(foldedAlts(l.src.Union(classLatinOrdinal), false)) + `)`
	ranges := l.src.Union(classRangeWord)
	g.refArticleA = regexp.MustCompile(`^\b(?:articles?|articulos?|artikels?|art\.|arts\.) ?(\d+(?:[a-z]\b)?(?:-\d+)*)(?:(?: |)` + ordinals + `)?`)
	// "Article (160)": translations of Arabic-tradition codes bracket the
	// number, as their headings do
	g.refArticleParen = regexp.MustCompile(`^\b(?:articles?|articulos?|art\.) \((\d+)\)`)
	g.refArticleFirst = regexp.MustCompile(`^\b(?:articles?|articulos?) (?:premier|primero)\b`)
	g.refArticleCode = regexp.MustCompile(`^\b(?:articles?|articulos?|art\.) ([lrd])\. ?(\d+(?:-\d+)*)\b`)
	g.refListNext = regexp.MustCompile(`^(?:,\s*|\s+` + alternation(foldedAlts(append(l.src.Union(classListJoiner), ranges...), false)) +
		`\s+)(\d+(?:[a-z]\b)?(?:-\d+)*)(?:(?: |)` + ordinals + `)?\b`)
	g.rangeWords = map[string]bool{}
	for _, w := range ranges {
		// as written and folded ("à", "a"): the words of folded text
		// are folded, the function's callers may not be
		g.rangeWords[strings.TrimSpace(w)] = true
		g.rangeWords[foldPhrase(w)] = true
	}
	g.prevSub = newPhraseFinder(l.src.Union(classPrevSubsection))
	g.prevSec = newPhraseFinder(l.src.Union(classPrevSection))
	return g
}

// openings renders phrases as the folded openings of a text: a whole word
// is followed by a space ("this "), a prefix ("the present*") is not.
func openings(phrases []string) []string {
	var out []string
	for _, p := range phrases {
		f := foldPhrase(p)
		if w, ok := strings.CutSuffix(f, "*"); ok {
			out = append(out, w)
		} else {
			out = append(out, f+" ")
		}
	}
	return out
}

// hasOpening reports whether the folded text f opens with one of ops.
func hasOpening(f string, ops []string) bool {
	for _, p := range ops {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}
