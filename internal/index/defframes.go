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

	classDeemingScope      = "deeming-scope"
	classDeemingAdverb     = "deeming-adverb"
	classDeemingParticiple = "deeming-participle"
	classQualifiedEnd      = "qualified-term-end"
	classConstitutiveVerb  = "constitutive-verb"
	classConstitutiveAdj   = "constitutive-adjective"
	classConstitutiveAdv   = "constitutive-adverb"
	classIndefArticle      = "indefinite-article"
	classPluralIndef       = "plural-indefinite-article"
	classConstitutedEnd    = "constituted-term-end"
	classQualifyingPart    = "qualifying-participle"
	classPersonOpener      = "definition-person-opener"
	classTermDeterminer    = "term-determiner"
)

// defFrameClasses are the classes the definition frames read (Check
// reports those a lexicon lacks).
var defFrameClasses = []string{classQuotedDefVerb, classDefArticle, classDefIntro, classDefTermEnd, classDefDeeming,
	classDeemedEnd, classDefCopula, classDefPredicate, classTermScope, classDefScope, classTermNoun, classDefEquative,
	classDefInclusive, classDefFrame, classDeemingScope, classDeemingAdverb, classDeemingParticiple, classQualifiedEnd,
	classConstitutiveVerb, classConstitutiveAdj, classConstitutiveAdv, classIndefArticle, classPluralIndef,
	classConstitutedEnd, classQualifyingPart, classPersonOpener}

// Languages some frames are bound to: their skeletons differ by language
// (the English frame takes "In this Act[…], the term …" and ends at a
// space; the French and Spanish ones take "Au sens de …," and end at a
// space, comma or colon).
const (
	langEN = "en"
	langFR = "fr"
	langES = "es"
	langDE = "de"
)

// termSlot is the marker of the term in a phrase of definition-frame.
const termSlot = "{term}"

// defFrameSpec is one frame: its skeleton, the language whose phrases
// fill it, and the class every match holds a phrase of (its anchor, read
// as a prefilter).
type defFrameSpec struct {
	// group names the frames that share a skeleton; lang is the language
	// whose phrases fill it, or anyLang: every language of the lexicon
	// that no other frame of the group names, in the lexicon's order (a
	// language an overlay adds, or a class an overlay gives phrases in a
	// new language). split is the frame of the definition-frame phrases,
	// in every language.
	group, lang string
	split       bool
	re          string
	anchor      string
	// inflected: the anchor's phrases are tried in groups, a phrase with
	// its inflected forms (se entiende por, se entienden por), one
	// expression per group, in the lexicon's order
	inflected bool
	// narrow, when set, must also occur in the text: a prefilter
	// narrower than the frame, kept so that behaviour is unchanged (see
	// its uses).
	narrow string
}

// anyLang marks a frame read in the languages its group names nowhere else.
const anyLang = "*"

// Group names of frames not named by their anchor class.
const (
	groupVerb        = "verb-after-term"
	groupCopulaScope = "copula-term-scope"
)

// The skeletons shared by several frames.
const (
	introSkeleton     = `\b{definition-introducer} ([a-z][a-z{q} ]{1,60}?)(?:[,:;.]| {definition-term-end }|$)`
	deemingSkeleton   = `\b{definition-deeming} ([a-z][a-z{q} ]{1,40}?)(?: {deemed-term-end }|[,:;])`
	predicateSkeleton = `^(?:{definite-article })?([a-z][a-z{q} ]{2,60}?) {definition-copula} {definition-predicate}`
	termScopeSkeleton = `\b([a-z]{3,40}(?: [a-z]{3,30})?) {term-scope}`
	// "L'exploitation comprend …", "Au sens de la présente loi, le terme
	// enfant désigne …", "La explotación comprende …"
	verbSkeleton = `^(?:{definition-scope} [^,]{1,60}, )?(?:{definite-article })?(?:{term-noun })?([a-z][a-z{q} ]{2,50}?) {%s}[ ,:]`
	bothVerbs    = classDefInclusive + "|" + classDefEquative
)

// defFrameSpecs are the frames tried on the folded text, in order (the
// order of the definitions a segment gives).
var defFrameSpecs = []defFrameSpec{
	// "se entiende por explotación la …"
	{group: classDefIntro, lang: langES, re: introSkeleton, anchor: classDefIntro, inflected: true},
	// "se considera víctima a …"
	{group: classDefDeeming, lang: langES, re: deemingSkeleton, anchor: classDefDeeming, inflected: true},
	// "on entend par enfant toute personne …"
	{group: classDefIntro, lang: langFR, re: introSkeleton, anchor: classDefIntro, inflected: true},
	// "la traite est le fait de …"
	{group: classDefPredicate, lang: langFR, re: predicateSkeleton, anchor: classDefPredicate},
	// "Ausbeutung im Sinne dieses Gesetzes …"
	{group: classTermScope, lang: langDE, re: termScopeSkeleton, anchor: classTermScope},
	// "In this Act, the term child means …"; a segment without " mean"
	// is not read ("exploitation includes …" alone is no definition here)
	{group: groupVerb, lang: langEN, re: `^(?:{definition-scope}[^,]{0,40}, )?(?:{term-noun })?([a-z][a-z{q} ]{1,40}?) {definition-verb-equative|definition-verb-inclusive} `,
		anchor: bothVerbs, narrow: " mean"},
	// read only where " comprend" is (a text with "recouvre" alone is not)
	{group: groupVerb, lang: langFR, re: fmt.Sprintf(verbSkeleton, classDefInclusive), anchor: classDefInclusive, narrow: " comprend"},
	{group: groupVerb, lang: langFR, re: fmt.Sprintf(verbSkeleton, classDefEquative), anchor: classDefEquative},
	{group: groupVerb, lang: langES, re: fmt.Sprintf(verbSkeleton, bothVerbs), anchor: bothVerbs},
	// "por trata se entiende …"
	{split: true},
	// "Est considéré comme traite des personnes le fait de …"
	{group: classDeemingParticiple, lang: langFR, re: `^(?:{deeming-scope} [^,]{1,60}, )?{definition-copula} (?:{deeming-adverb })?{deeming-participle }([a-z][a-z{q} ]{2,60}?),? {qualified-term-end }`,
		anchor: classDeemingParticiple},
	// "Constitue la traite des personnes le fait de …", "Est constitutif
	// de traite d'enfants, tout acte de …"
	{group: classConstitutiveVerb, lang: langFR, re: `^(?:{definition-scope} [^,]{1,60}, )?(?:{constitutive-verb }|{definition-copula} {constitutive-adjective })(?:{constitutive-adverb })?(?:{definite-article|indefinite-article })?([a-z][a-z{q} ]{2,60}?),? {constituted-term-end }`,
		anchor: classConstitutiveVerb + "|" + classConstitutiveAdj},
	// "Est enfant au sens de la présente loi toute personne âgée de moins
	// de dix-huit ans": the term between the copula and its scope
	{group: groupCopulaScope, lang: langFR, re: `^{definition-copula} ([a-z][a-z{q} ]{2,40}?),? {definition-scope} [^,]{1,60}?,? {definition-term-end} `,
		anchor: classDefScope},
	// "2° est un enfant toute personne âgée de moins de dix-huit ans";
	// read only where "toute" is ("est mineur tout individu …" alone is not)
	{group: classPersonOpener, lang: langFR, re: `^{definition-copula} (?:{indefinite-article|plural-indefinite-article })?([a-z][a-z{q} ]{2,30}?),? {definition-person-opener} `,
		anchor: classPersonOpener, narrow: "toute"},
	// "Est qualifié de traite des personnes le recrutement, …"
	{group: classQualifyingPart, lang: langFR, re: `^(?:{definition-scope} [^,]{1,60}, )?{definition-copula} {qualifying-participle }([a-z][a-z{q} ]{2,60}?),? {qualified-term-end }`,
		anchor: classQualifyingPart},
	// the frames of the other languages
	{group: classDefIntro, lang: anyLang, re: introSkeleton, anchor: classDefIntro, inflected: true},
	{group: classDefDeeming, lang: anyLang, re: deemingSkeleton, anchor: classDefDeeming, inflected: true},
	{group: classDefPredicate, lang: anyLang, re: predicateSkeleton, anchor: classDefPredicate},
	{group: classTermScope, lang: anyLang, re: termScopeSkeleton, anchor: classTermScope},
	{group: groupVerb, lang: anyLang, re: fmt.Sprintf(verbSkeleton, bothVerbs), anchor: bothVerbs},
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
	// frames run over the folded text, in order
	frames []defFrame
	// article is a definite article opening a text ("la ", "l'", "the ")
	article *regexp.Regexp
	// determiners are the folded words no unquoted term ends with: the
	// definition verb after one is a noun ("by any means causes")
	determiners map[string]bool
	// commaItem, by language, reads the term of an item of a definitions
	// list drafted with a comma where most put a colon ("- enfant, toute
	// personne âgée de moins de dix-huit ans ;"): a term of at most four
	// words, a comma,
	// then a word that opens a definition's text (definition-term-end).
	// Only items of a definition are read so.
	commaItem map[string]*regexp.Regexp
}

// isCommaItem reports whether s opens as an item of a definitions list
// drafted with a comma (commaItem).
// A list is read so only when two or more items follow the lead-in and
// each opens so: a list of rights or acts may open one item with a comma
// ("d'être assistée d'un avocat, le cas échéant …"), a definitions list
// drafted with commas opens every item so.
func (g *defGrammar) isCommaItem(s *Segment) bool {
	var lead *Segment
	var items []*Segment
	found := false
	for _, o := range s.ix.BySection[s.Section] {
		switch {
		case leadIn(o.Text) && !found:
			lead, items = o, nil
			continue
		case lead != nil && !leadIn(o.Text) && (o.Prov == lead.Prov || o.Prov.Parent == lead.Prov):
			items = append(items, o)
			found = found || o == s
			continue
		}
		if found {
			break
		}
		lead, items = nil, nil
	}
	if !found || len(items) < 2 {
		return false
	}
	for _, o := range items {
		if g.commaItemAt(o, o.Fold) == nil {
			return false
		}
	}
	return true
}

// commaItemAt matches commaItem at the start of f, a folded text of s; a
// term that opens with an article is no term but the first of a list of
// nouns ("l'utilisation, le recrutement ou l'offre d'un enfant …").
func (g *defGrammar) commaItemAt(s *Segment, f string) []int {
	re := g.commaItem[s.Lang]
	if re == nil {
		return nil
	}
	m := re.FindStringSubmatchIndex(f)
	if m == nil || g.article.MatchString(f[m[2]:m[3]]) {
		return nil
	}
	return m
}

// commaItemSkeleton is the frame of commaItem.
const commaItemSkeleton = `^([a-z][a-z{q}]*(?: [a-z][a-z{q}]*){0,3}), {definition-term-end }`

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
	// ('"guardian", in relation to a child, includes …': a short
	// qualifier between commas may stand between the term and its verb)
	g.quoted = regexp.MustCompile(`["“„«‘']([^"”“«»’]{1,80})["”“»’']\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:[^,"“”«»;:.()]{1,50},\s*)?` +
		alternation(origAlts(l.src.Union(classQuotedDefVerb))) + `\b`)
	g.article = regexp.MustCompile(`^` + alternation(foldedAlts(l.src.Union(classDefArticle), true)))
	g.determiners = map[string]bool{}
	for _, w := range l.src.Union(classTermDeterminer) {
		g.determiners[FoldString(w)] = true
	}
	named := map[string]map[string]bool{} // group -> languages named
	for _, sp := range defFrameSpecs {
		if sp.lang != anyLang && !sp.split {
			if named[sp.group] == nil {
				named[sp.group] = map[string]bool{}
			}
			named[sp.group][sp.lang] = true
		}
	}
	for _, sp := range defFrameSpecs {
		if sp.split {
			for _, lang := range l.Langs() {
				f, bad := l.splitFrame(lang)
				errs = append(errs, bad...)
				if f != nil {
					g.frames = append(g.frames, *f)
				}
			}
			continue
		}
		langs := []string{sp.lang}
		if sp.lang == anyLang {
			langs = nil
			for _, lang := range l.Langs() {
				if !named[sp.group][lang] {
					langs = append(langs, lang)
				}
			}
		}
		for _, lang := range langs {
			anchor := l.classPhrases(lang, sp.anchor)
			groups := [][]string{anchor}
			if sp.inflected {
				groups = inflections(anchor)
			}
			for _, ph := range groups {
				if len(ph) == 0 {
					continue
				}
				src := l.fillFrame(sp.re, lang, sp.anchor, ph)
				if unfilled.MatchString(src) {
					errs = append(errs, fmt.Sprintf("%s: the %s definition frame %q has a malformed slot", l.src.Catalogue, lang, sp.re))
					continue
				}
				re, err := regexp.Compile(src)
				if err != nil {
					errs = append(errs, fmt.Sprintf("%s: the %s definition frame %q does not compile: %v", l.src.Catalogue, lang, src, err))
					continue
				}
				var lits []string
				for _, p := range ph {
					lits = append(lits, strings.TrimSuffix(foldPhrase(p), "*"))
				}
				g.frames = append(g.frames, defFrame{re: re, lits: NewLiterals(lits...), narrow: sp.narrow})
			}
		}
	}
	g.commaItem = map[string]*regexp.Regexp{}
	for _, lang := range l.Langs() {
		if len(l.classPhrases(lang, classDefTermEnd)) == 0 {
			continue
		}
		src := l.fillFrame(commaItemSkeleton, lang, "", nil)
		re, err := regexp.Compile(src)
		if err != nil || unfilled.MatchString(src) {
			errs = append(errs, fmt.Sprintf("%s: the %s definition item frame %q does not compile: %v", l.src.Catalogue, lang, src, err))
			continue
		}
		g.commaItem[lang] = re
	}
	if len(errs) > 0 {
		return g, fmt.Errorf("%s", strings.Join(errs, "\n"))
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
		case strings.Contains(after, termSlot) || strings.ContainsAny(strings.Replace(p, termSlot, "", 1), "{}"):
			bad = append(bad, fmt.Sprintf("%s %q of class %q has a brace other than one %s, expected the words of the frame around one %s", file, p, classDefFrame, termSlot, termSlot))
			continue
		case !ok:
			bad = append(bad, fmt.Sprintf("%s %q of class %q has no %s, expected the words of the frame around one %s (por {term} se entiende)", file, p, classDefFrame, termSlot, termSlot))
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
		return nil, append(bad, fmt.Sprintf("lexicon %s.yaml: class %q does not compile: %v", lang, classDefFrame, err))
	}
	return &defFrame{re: re, lits: NewLiterals(lits...), split: true}, bad
}

// where names a phrase of lang for messages. The compiled lexicon keeps
// no phrase positions, nor whether a phrase came from the map's lexicon or
// an overlay: the language file is named by its base name.
// TODO(lacuna): positions need standard.Lexicon to keep them (#10).
func (l *Lexicon) where(lang string) string {
	return fmt.Sprintf("lexicon %s.yaml: phrase", lang)
}

var slotRE = regexp.MustCompile(`\{([a-z|-]+)( ?)\}`)

// unfilled finds a slot fillFrame left (a skeleton's typo, a build defect).
var unfilled = regexp.MustCompile(`\{[a-z]`)

// fillFrame replaces the slots of a skeleton with the phrases of lang;
// the slot of the anchor class gets the phrases given.
func (l *Lexicon) fillFrame(skel, lang, anchor string, phrases []string) string {
	return slotRE.ReplaceAllStringFunc(skel, func(m string) string {
		sm := slotRE.FindStringSubmatch(m)
		switch sm[1] {
		case "q":
			return l.elision(lang)
		case anchor:
			return alternation(foldedAlts(phrases, sm[2] == " "))
		}
		return alternation(foldedAlts(l.classPhrases(lang, sm[1]), sm[2] == " "))
	})
}

// inflections groups phrases with their inflected forms: two phrases of
// the same words but one, where one's word extends the other's (se
// entiende por, se entienden por; se considera, se consideran), are in one
// group. Groups come in the order of their first phrase.
func inflections(phrases []string) [][]string {
	words := make([][]string, len(phrases))
	for i, p := range phrases {
		words[i] = strings.Fields(foldPhrase(p))
	}
	group := make([]int, len(phrases))
	for i := range phrases {
		group[i] = i
		for j := 0; j < i; j++ {
			if inflectedPair(words[i], words[j]) {
				group[i] = group[j]
				break
			}
		}
	}
	var out [][]string
	at := map[int]int{}
	for i, p := range phrases {
		k, ok := at[group[i]]
		if !ok {
			k = len(out)
			at[group[i]] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], p)
	}
	return out
}

// inflectedPair reports whether a and b have the same words but one, of
// which one extends the other.
func inflectedPair(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := 0
	for k := range a {
		if a[k] == b[k] {
			continue
		}
		diff++
		if !strings.HasPrefix(a[k], b[k]) && !strings.HasPrefix(b[k], a[k]) {
			return false
		}
	}
	return diff <= 1
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
