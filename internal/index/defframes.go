package index

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// The definition frames: the word orders in which a statute defines a term
// ("se entiende por trata …", "on entend par enfant toute personne …",
// "'child' means …", "Ausbeutung im Sinne dieses Gesetzes …"). Their
// skeletons (anchors, groups, punctuation, spacing, lengths) are here;
// their words are the phrases of lexicon classes, filled in when the
// lexicon is compiled (once per lexicon, see Lexicon.defGrammar), so that
// a lawyer extends a frame with --lexicon DIR (docs/lexicon-format.md).
//
// In a skeleton, {class} is the alternation of the class's phrases in the
// frame's language, folded, each as written; {class } is the same with
// each phrase followed by a space, unless it is elided (ends in an
// apostrophe: "l'") or a prefix (ends in "*": "quien*", read "quien…");
// {a|b} joins the phrases of two classes. Alternatives are tried longest
// first, so an optional word is taken when present ("terme de" before
// "terme"), as a greedy "(?:de )?" takes it. {q} is an apostrophe in a
// language whose articles elide (a phrase of definite-article ends in "'":
// French "l'"), so that a term of it may hold one ("traite d'enfants"),
// else nothing.

// Classes of the definition frames (mapping/lexicon/classes.yaml).
const (
	classQuotedDefVerb = "quoted-definition-verb"
	classDefArticle    = "definite-article"
	classDefIntro      = "definition-introducer"
	classDefTermEnd    = "definition-term-end"
	classDefDeeming    = "definition-deeming"
	classDeemedEnd     = "deemed-term-end"
	classDefCopula     = "definition-copula"
	classDefPredicate  = "definition-predicate"
	classTermScope     = "term-scope"
	classDefScope      = "definition-scope"
	classTermNoun      = "term-noun"
	classDefEquative   = "definition-verb-equative"
	classDefInclusive  = "definition-verb-inclusive"
	classDefFrame      = "definition-frame"
)

// defFrameClasses are the classes the definition frames read (Check
// reports those a lexicon lacks).
var defFrameClasses = []string{classQuotedDefVerb, classDefArticle, classDefIntro, classDefTermEnd, classDefDeeming,
	classDeemedEnd, classDefCopula, classDefPredicate, classTermScope, classDefScope, classTermNoun, classDefEquative,
	classDefInclusive, classDefFrame}

// Languages some frames are bound to: their skeletons differ by language
// (the English frame takes "In this Act[…], the term …" and ends at a
// space; the French and Spanish ones take "Au sens de …," and end at a
// space, comma or colon).
const (
	langEN = "en"
	langFR = "fr"
	langES = "es"
)

// termSlot is the marker of the term in a phrase of definition-frame.
const termSlot = "{term}"

// defFrameSpec is one frame: its skeleton, the language whose phrases
// fill it ("" for every language of the lexicon whose anchor class has
// phrases, in the lexicon's order), and the class every match holds a
// phrase of (its prefilter).
type defFrameSpec struct {
	lang   string
	re     string
	anchor string
	// narrow, when set, must also occur in the text: a prefilter
	// narrower than the frame, kept so that behaviour is unchanged (see
	// its uses).
	narrow string
}

// defFrameSpecs are the frames tried on the folded text, in order (the
// order of the definitions a segment gives). The frame of definition-frame
// phrases ("por {term} se entiende") is built apart (splitFrames).
var defFrameSpecs = []defFrameSpec{
	// "se entiende por explotación la …", "on entend par enfant toute …"
	{re: `\b{definition-introducer} ([a-z][a-z{q} ]{1,60}?)(?:[,:;.]| {definition-term-end }|$)`, anchor: classDefIntro},
	// "se considera víctima a …"
	{re: `\b{definition-deeming} ([a-z][a-z{q} ]{1,40}?)(?: {deemed-term-end }|[,:;])`, anchor: classDefDeeming},
	// "la traite est le fait de …"
	{re: `^(?:{definite-article })?([a-z][a-z{q} ]{2,60}?) {definition-copula} {definition-predicate}`, anchor: classDefPredicate},
	// "Ausbeutung im Sinne dieses Gesetzes …"
	{re: `\b([a-z]{3,40}(?: [a-z]{3,30})?) {term-scope}`, anchor: classTermScope},
	// "In this Act, the term child means …"; a segment without " mean"
	// is not read ("exploitation includes …" alone is no definition here)
	{lang: langEN, re: `^(?:{definition-scope}[^,]{0,40}, )?(?:{term-noun })?([a-z][a-z{q} ]{1,40}?) {definition-verb-equative|definition-verb-inclusive} `,
		anchor: classDefEquative + "|" + classDefInclusive, narrow: " mean"},
	// "L'exploitation comprend …"; read only where " comprend" is (a
	// text with "recouvre" alone is not)
	{lang: langFR, re: `^(?:{definition-scope} [^,]{1,60}, )?(?:{definite-article })?(?:{term-noun })?([a-z][a-z{q} ]{2,50}?) {definition-verb-inclusive}[ ,:]`,
		anchor: classDefInclusive, narrow: " comprend"},
	// "le terme enfant désigne …"
	{lang: langFR, re: `^(?:{definition-scope} [^,]{1,60}, )?(?:{definite-article })?(?:{term-noun })?([a-z][a-z{q} ]{2,50}?) {definition-verb-equative}[ ,:]`,
		anchor: classDefEquative},
	// "La explotación comprende …"
	{lang: langES, re: `^(?:{definition-scope} [^,]{1,60}, )?(?:{definite-article })?(?:{term-noun })?([a-z][a-z{q} ]{2,50}?) {definition-verb-inclusive|definition-verb-equative}[ ,:]`,
		anchor: classDefInclusive + "|" + classDefEquative},
}

// splitFrameSkeleton is the frame of one definition-frame phrase: the
// words before {term}, the term, an optional comma, the words after.
const splitFrameSkeleton = `%s([a-z][a-z%s ]{1,60}?),? %s`

// defFrame is one compiled frame.
type defFrame struct {
	re *regexp.Regexp
	// lits holds a literal every match holds (a prefilter, exact: the
	// frame is not run where none occurs)
	lits   *Literals
	narrow string
	// split frames hold one group per phrase: the term is the first
	// that matched
	split bool
}

// defGrammar is what findDefinitions reads from the lexicon, compiled once
// per lexicon.
type defGrammar struct {
	// quoted finds '"exploitation" means', '« enfant » désigne' in the
	// original text
	quoted *regexp.Regexp
	// frames run over the folded text, in order; after them come the
	// frames of frenchFrames (still in Go)
	frames []defFrame
	// article is a definite article opening a text ("la ", "l'", "the ")
	article *regexp.Regexp
}

type defGrammarKey struct{}

// defGrammar returns the definition frames of the lexicon, built once. A
// lexicon whose frames do not compile gives the frames that do (Check
// reports the others).
func (l *Lexicon) defGrammar() *defGrammar {
	return l.Memo(defGrammarKey{}, func() any {
		g, _ := l.buildDefGrammar()
		return g
	}).(*defGrammar)
}

// buildDefGrammar compiles the frames; the error names the phrases that
// could not be read.
func (l *Lexicon) buildDefGrammar() (*defGrammar, error) {
	var errs []string
	g := &defGrammar{}
	g.quoted = regexp.MustCompile(`["“„«‘']([^"”“«»’]{1,80})["”“»’']\s*(?:\([^)]{0,40}\)\s*)?,?\s*` +
		alternation(origAlts(l.src.Union(classQuotedDefVerb))) + `\b`)
	g.article = regexp.MustCompile(`^` + alternation(foldedAlts(l.src.Union(classDefArticle), true)))
	for _, sp := range defFrameSpecs {
		langs := []string{sp.lang}
		if sp.lang == "" {
			langs = l.Langs()
		}
		for _, lang := range langs {
			anchor := l.classPhrases(lang, sp.anchor)
			if len(anchor) == 0 {
				continue
			}
			src := l.fillFrame(sp.re, lang)
			re, err := regexp.Compile(src)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: the %s definition frame %q does not compile: %v", l.src.Catalogue, lang, src, err))
				continue
			}
			var lits []string
			for _, p := range anchor {
				lits = append(lits, foldPhrase(p))
			}
			g.frames = append(g.frames, defFrame{re: re, lits: NewLiterals(lits...), narrow: sp.narrow})
		}
	}
	// the phrases of definition-frame, after the verb frames (their place
	// in the order of the frames before)
	for _, lang := range l.Langs() {
		f, bad := l.splitFrame(lang)
		errs = append(errs, bad...)
		if f != nil {
			g.frames = append(g.frames, *f)
		}
	}
	if len(errs) > 0 {
		return g, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return g, nil
}

// splitFrame compiles the definition-frame phrases of lang into one
// expression, one alternative (and group) per phrase; bad lists the
// malformed phrases.
func (l *Lexicon) splitFrame(lang string) (f *defFrame, bad []string) {
	var alts, lits []string
	q := l.elision(lang)
	file := l.where(lang)
	for _, p := range l.src.Phrases(lang, classDefFrame) {
		before, after, ok := strings.Cut(p, termSlot)
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("%s %q of class %q has no %s, expected the words of the frame around one %s (por {term} se entiende)", file, p, classDefFrame, termSlot, termSlot))
			continue
		case strings.Contains(after, termSlot) || strings.ContainsAny(strings.ReplaceAll(p, termSlot, ""), "{}"):
			bad = append(bad, fmt.Sprintf("%s %q of class %q has a brace other than one %s, expected the words of the frame around one %s", file, p, classDefFrame, termSlot, termSlot))
			continue
		case strings.Contains(after, "*") || strings.Contains(before, "*"):
			bad = append(bad, fmt.Sprintf("%s %q of class %q has a *, expected whole words around %s", file, p, classDefFrame, termSlot))
			continue
		case strings.TrimSpace(after) == "" || len(Words(after)) == 0:
			bad = append(bad, fmt.Sprintf("%s %q of class %q has no words after %s, expected the words that end the term (por {term} se entiende)", file, p, classDefFrame, termSlot))
			continue
		}
		b := ""
		if ws := foldPhrase(before); ws != "" {
			b = regexp.QuoteMeta(ws) + " "
		}
		a := foldPhrase(after)
		alts = append(alts, fmt.Sprintf(splitFrameSkeleton, b, q, regexp.QuoteMeta(a)))
		lits = append(lits, a)
	}
	if len(alts) == 0 {
		return nil, bad
	}
	re, err := regexp.Compile(`\b(?:` + strings.Join(alts, "|") + `)`)
	if err != nil {
		return nil, append(bad, fmt.Sprintf("%s: class %q in %s: %v", l.src.Catalogue, classDefFrame, lang, err))
	}
	return &defFrame{re: re, lits: NewLiterals(lits...), split: true}, bad
}

// where names a phrase of lang for messages: the lexicon's phrases carry
// no positions here, so the catalogue and the language are named.
func (l *Lexicon) where(lang string) string {
	return fmt.Sprintf("%s: the %s phrase", l.src.Catalogue, lang)
}

var slotRE = regexp.MustCompile(`\{([a-z|-]+)( ?)\}`)

// fillFrame replaces the slots of a skeleton with the phrases of lang.
func (l *Lexicon) fillFrame(skel, lang string) string {
	return slotRE.ReplaceAllStringFunc(skel, func(m string) string {
		sm := slotRE.FindStringSubmatch(m)
		if sm[1] == "q" {
			return l.elision(lang)
		}
		return alternation(foldedAlts(l.classPhrases(lang, sm[1]), sm[2] == " "))
	})
}

// classPhrases returns the phrases of one or more classes ("a|b") in
// lang, in order.
func (l *Lexicon) classPhrases(lang, classes string) []string {
	var out []string
	for _, c := range strings.Split(classes, "|") {
		out = append(out, l.src.Phrases(lang, c)...)
	}
	return out
}

// elision is an apostrophe when a definite article of lang elides ("l'").
func (l *Lexicon) elision(lang string) string {
	for _, p := range l.src.Phrases(lang, classDefArticle) {
		if strings.HasSuffix(foldPhrase(p), "'") {
			return "'"
		}
	}
	return ""
}

// foldPhrase folds a phrase as the folded text is (lower case, no
// diacritics, ’ as '), its words joined by single spaces.
func foldPhrase(p string) string {
	return strings.Join(strings.Fields(FoldString(p)), " ")
}

// foldedAlts renders phrases for an expression over the folded text: each
// folded and quoted; with open, followed by a space unless elided or a
// prefix ("*").
func foldedAlts(phrases []string, open bool) []string {
	var out []string
	for _, p := range phrases {
		f := foldPhrase(p)
		prefix := strings.HasSuffix(f, "*")
		f = strings.TrimSuffix(f, "*")
		s := regexp.QuoteMeta(f)
		if open && !prefix && !strings.HasSuffix(f, "'") {
			s += " "
		}
		out = append(out, s)
	}
	return out
}

// origAlts renders phrases for an expression over the original text: as
// written (case and accents), an apostrophe standing for ' or ’.
func origAlts(phrases []string) []string {
	var out []string
	for _, p := range phrases {
		ws := strings.Fields(strings.TrimSuffix(p, "*"))
		for i, w := range ws {
			parts := strings.Split(strings.ReplaceAll(w, "’", "'"), "'")
			for k := range parts {
				parts[k] = regexp.QuoteMeta(parts[k])
			}
			ws[i] = strings.Join(parts, `['’]`)
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

// alternation joins rendered phrases into a group, longest first (stable):
// where one phrase extends another ("terme de", "terme"), the longer is
// tried first. No phrase gives a group that never matches.
func alternation(alts []string) string {
	if len(alts) == 0 {
		return `(?:[^\x00-\x{10FFFF}])`
	}
	seen := map[string]bool{}
	uniq := alts[:0:0]
	for _, a := range alts {
		if !seen[a] {
			seen[a] = true
			uniq = append(uniq, a)
		}
	}
	sort.SliceStable(uniq, func(i, j int) bool { return len(uniq[i]) > len(uniq[j]) })
	return `(?:` + strings.Join(uniq, "|") + `)`
}

// run returns the submatch indexes of up to n matches of the frame in f,
// the term as the pair m[2:4].
func (f *defFrame) run(s *Segment, n int) [][]int {
	if !s.ContainsAny(f.lits) || f.narrow != "" && !strings.Contains(s.Fold, f.narrow) {
		return nil
	}
	ms := f.re.FindAllStringSubmatchIndex(s.Fold, n)
	if !f.split {
		return ms
	}
	for i, m := range ms {
		for k := 2; k+1 < len(m); k += 2 {
			if m[k] >= 0 {
				ms[i] = []int{m[0], m[1], m[k], m[k+1]}
				break
			}
		}
	}
	return ms
}
