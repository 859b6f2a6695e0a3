package index

// The definition frames as they were written in Go before they moved to the
// lexicon (issue 10): the oracle of TestDefFramesMatchLegacy. A phrase added
// to the embedded lexicon since is added here too ("shall have the
// meaning"), so that the oracle keeps checking how frames are compiled.

import (
	"regexp"
	"strings"
	"unicode"
)

// Quoted definitions: '"exploitation" means', '“child” includes'.
// (changed on purpose after the oracle was written: a short qualifier
// between commas may follow the term, '"guardian", in relation to a child,
// includes'; see TestQualifiedQuotedTerm)
var legacyQuotedDef = regexp.MustCompile(`["“„«‘']([^"”“«»’]{1,80})["”“»’']\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:[^,"“”«»;:.()]{1,50},\s*)?(?:means|includes|include|shall mean|shall include|shall have the (?:same )?meaning|has the (?:same )?meaning|have the (?:same )?meaning|refers to|is defined|désigne|s['’]entend|bezeichnet|significa|comprend|comprende)\b`)

// Unquoted definitions over the folded text; group 1 is the term.
var legacyFoldedDefs = []*regexp.Regexp{
	regexp.MustCompile(`\bse entender[aá]n? por ([a-z][a-z ]{1,60}?)(?:[,:;.]| a | toda | todo | la | el | las | los | cualquier | aquel| quien|$)`),
	regexp.MustCompile(`\bse entiende(?:n)? por ([a-z][a-z ]{1,60}?)(?:[,:;.]| a | toda | todo | la | el | las | los | cualquier | aquel| quien|$)`),
	regexp.MustCompile(`\bse considera(?:ra|n|ran)? ([a-z][a-z ]{1,40}?)(?: a | al | la | el | los | las |[,:;])`),
	regexp.MustCompile(`\bon entend par ([a-z][a-z' ]{1,60}?)(?:[,:;.]| toute? | tous | toutes | la | le | les | l'| une? | celui| celle| quiconque|$)`),
	regexp.MustCompile(`^(?:la |le |l'|les )?([a-z][a-z' ]{2,60}?) (?:est|sont) (?:le fait|constitue)`),
	regexp.MustCompile(`\b([a-z]{3,40}(?: [a-z]{3,30})?) im sinne (?:dieses|des|der|von)`),
	regexp.MustCompile(`^(?:(?:in|for the purposes of) this (?:act|part|section|chapter)[^,]{0,40}, )?(?:the (?:term|expression) )?([a-z][a-z ]{1,40}?) (?:means|includes|shall mean) `),
	// "L'exploitation comprend …", "le terme enfant désigne …"
	regexp.MustCompile(`^(?:au sens (?:de|du|des) [^,]{1,60}, )?(?:la |le |l'|les )?(?:(?:terme|expression|notion) (?:de |d')?)?([a-z][a-z' ]{2,50}?) (?:comprend|recouvre)[ ,:]`),
	regexp.MustCompile(`^(?:au sens (?:de|du|des) [^,]{1,60}, )?(?:la |le |l'|les )?(?:(?:terme|expression|notion) (?:de |d')?)?([a-z][a-z' ]{2,50}?) (?:designe|s'entend)[ ,:]`),
	// "La explotación comprende …", "por niño se entiende …"
	regexp.MustCompile(`^(?:(?:a|para) (?:los|el) (?:efectos?|fines) de [^,]{1,60}, )?(?:la |el |los |las )?(?:(?:termino|expresion) )?([a-z][a-z ]{2,50}?) (?:comprende|incluye|significa|abarca)[ ,:]`),
	regexp.MustCompile(`\bpor ([a-z][a-z ]{1,60}?),? se entiende`),
	// "Est considéré comme traite des personnes le fait de …"
	regexp.MustCompile(`^(?:au sens de [^,]{1,60}, )?(?:est|sont) (?:egalement |aussi |notamment )?considere(?:e|s|es|ees)? comme ([a-z][a-z' ]{2,60}?),? (?:le fait|toute? |tous |toutes |l'|la |les |le |un |une )`),
	// "Constitue la traite des personnes le fait de …", "Est constitutif
	// de traite d'enfants, tout acte de …"
	regexp.MustCompile(`^(?:au sens (?:de|du|des) [^,]{1,60}, )?(?:constitue(?:nt)? |(?:est|sont) constituti(?:f|fs|ve|ves) (?:de |d'))(?:egalement |aussi )?(?:la |le |l'|les |une? )?([a-z][a-z' ]{2,60}?),? (?:le fait |tout |toute |tous |toutes |le recrutement|la |le |l'|les )`),
	// "Est enfant au sens de la présente loi toute personne âgée de moins
	// de dix-huit ans": the term between the copula and its scope
	regexp.MustCompile(`^(?:est|sont) ([a-z][a-z' ]{2,40}?),? au sens (?:de|du|des) [^,]{1,60}?,? (?:toute?|tous|toutes|la|le|les|l'|une?|quiconque|celui|celle) `),
	// "2° est un enfant toute personne âgée de moins de dix-huit ans"
	regexp.MustCompile(`^(?:est|sont) (?:un |une |des )?([a-z][a-z' ]{2,30}?),? (?:toute personne|toutes personnes|tout individu|toute personne physique) `),
	// "Est qualifié de traite des personnes le recrutement, …"
	regexp.MustCompile(`^(?:au sens (?:de|du|des) [^,]{1,60}, )?(?:est|sont) qualifie(?:e|s|es|ees)? (?:de |d')([a-z][a-z' ]{2,60}?),? (?:le fait|toute? |tous |toutes |l'|la |les |le |un |une )`),
}

// legacyLeadingArticle is a definite article before a defined term.
var legacyLeadingArticle = regexp.MustCompile(`^(?:la |le |les |l'|el |los |las |the |die |der |das )`)

// legacyDefHints are literal words each of legacyFoldedDefs needs (a cheap prefilter;
// "" when its verbs share none).
var legacyDefHints = []string{"se entender", "se entiende", "se considera", "on entend par", "", "im sinne", " mean",
	" comprend", "", "", "se entiende", "considere", "constitu", "au sens", "toute", "qualifie"}

// legacyDefHintWords are, for each of legacyDefHints, words every text holding the
// hint holds (a word of a hint that follows a space starts a token): the
// memoised word test spares most segments the seven text scans.
var legacyDefHintWords = []*PhraseSet{NewPhraseSet([]string{"entender*"}), NewPhraseSet([]string{"entiende*"}),
	NewPhraseSet([]string{"considera*"}), NewPhraseSet([]string{"entend par*"}), NewPhraseSet([]string{"le fait*", "constitue*"}),
	NewPhraseSet([]string{"sinne*"}), NewPhraseSet([]string{"mean*"}),
	NewPhraseSet([]string{"comprend*", "recouvre*"}), NewPhraseSet([]string{"designe*", "entend*"}), NewPhraseSet([]string{"comprende*", "incluye*", "significa*", "abarca*"}),
	NewPhraseSet([]string{"entiende*"}), NewPhraseSet([]string{"considere*"}), NewPhraseSet([]string{"constitu*"}), NewPhraseSet([]string{"sens"}), NewPhraseSet([]string{"toute*", "tout"}), NewPhraseSet([]string{"qualifie*"})}

func legacyFindDefinitions(s *Segment, titles []string) []*Definition {
	var out []*Definition
	seen := map[string]bool{}
	// extLawCue can match only where the folded text holds one of the
	// extHint words (its literals, folded), or where the text holds a rune
	// that (?i) takes for a letter of them but folding may not (ſ for s,
	// the Kelvin sign for k): computed once, at the first definition.
	extOK := -1
	var add func(term string, extStart int)
	add = func(term string, extStart int) {
		term = strings.TrimSpace(FoldString(term))
		term = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			if r == '\'' || r == '-' || r == ',' {
				return ' '
			}
			return r
		}, term)), " ")
		// an article alone is no term ("The means referred to in
		// subsection (1) are …" read as a definition of "the")
		if term == "" || seen[term] || len(term) > 80 || legacyLeadingArticle.MatchString(term+" ") && !strings.Contains(term, " ") {
			return
		}
		seen[term] = true
		// "niño, niña o adolescente": each alternative is defined too
		if alts := splitAlternatives(s.cues().Conjunctions, term); len(alts) > 1 {
			for _, a := range alts {
				add(a, extStart)
			}
		}
		d := &Definition{Term: term}
		if extOK < 0 {
			extOK = 0
			if s.ContainsAny(litExtHint) || strings.ContainsRune(s.Text, 'ſ') || strings.ContainsRune(s.Text, '\u212a') {
				extOK = 1
			}
		}
		if extOK == 1 {
			if loc := extLawCueNear(s.Text[extStart:], 120); loc != nil {
				law := lawName(s.Text[extStart+loc[1]:], s.ix.laws)
				// ("principio según el cual …" names no law)
				if !internalName(law, s.Statute, s.ix.laws) && !inCorpus(law, titles) && !s.ix.laws.relPronoun.MatchString(law) {
					d.ExternalLaw = law
				}
			}
		}
		out = append(out, d)
	}
	if !s.Has(s.cues().DefVerbs) && !strings.Contains(s.Fold, ":") {
		return nil
	}
	if hasQuote(s.Text) {
		for _, m := range legacyQuotedDef.FindAllStringSubmatchIndex(s.Text, -1) {
			add(s.Text[m[2]:m[3]], m[2])
		}
		// "« enfant » : toute personne …", an item of a definitions list
		// whose term opens it in quotes
		if m := quotedColonDef.FindStringSubmatchIndex(s.Text); m != nil {
			add(s.Text[m[2]:m[3]], m[2])
		}
	}
	// "a) Niño, niña o adolescente: toda persona menor de …" in a
	// definitions section
	if s.Roles&bitDefinition != 0 {
		// after the label of an item split off a paragraph ("a. enfant :")
		off := 0
		if l := inlineItem.FindStringIndex(s.Fold); l != nil {
			off = l[1]
		}
		if m := colonDef.FindStringSubmatchIndex(s.Fold[off:]); m != nil {
			a := off + m[2]
			// the term without its article ("le trafic d'enfants")
			if l := legacyLeadingArticle.FindStringIndex(s.Fold[a : off+m[3]]); l != nil {
				a += l[1]
			}
			add(s.Fold[a:off+m[3]], s.Orig(a))
		}
	}
	for k, re := range legacyFoldedDefs {
		if !s.Has(legacyDefHintWords[k]) || !strings.Contains(s.Fold, legacyDefHints[k]) {
			continue
		}
		for _, m := range re.FindAllStringSubmatchIndex(s.Fold, 2) {
			t := s.Fold[m[2]:m[3]]
			// (changed on purpose after the oracle was written: a term
			// ending with a determiner is none, "by any means causes"; see
			// TestByAnyMeansDefinesNothing)
			if ws := strings.Fields(t); len(ws) > 6 || len(ws) > 0 && s.ix.defs.determiners[ws[len(ws)-1]] {
				continue
			}
			if m[2] > m[0] && properName(s.Text[s.Orig(m[2]):]) {
				// "La Commission comprend des représentants …": an
				// article before a capitalised name is a body, not a term
				continue
			}
			add(t, s.Orig(m[2]))
		}
	}
	return out
}

// The law-name words as they were in Go before they moved to the lexicon:
// the oracle of TestLawGrammarMatchesLegacy.

var legacyRelativePronoun = regexp.MustCompile(`(?i)^(?:cual|cuales|que|quien|quienes|lequel|laquelle|lesquels|lesquelles)\b`)

var legacyNameGlue = map[string]bool{"über": true, "zur": true, "zum": true, "des": true, "der": true,
	"den": true, "dem": true, "die": true, "vom": true, "von": true, "für": true, "und": true, "in": true}

func legacyCutAfterCompound(n string) string {
	words := strings.Fields(n)
	for i := 0; i+1 < len(words); i++ {
		w := strings.ToLower(words[i])
		if !strings.Contains(w, "gesetz") && !strings.Contains(w, "ordnung") {
			continue
		}
		next := words[i+1]
		r := []rune(next)[0]
		if unicode.IsLower(r) && !legacyNameGlue[next] {
			return strings.Join(words[:i+1], " ")
		}
	}
	return n
}

func legacySelfRef(t string) bool {
	t = FoldString(t)
	for _, p := range []string{"this ", "the present", "presente", "present ", "cette ", "ce code", "le present", "la presente",
		"dieses", "diese ", "dieser", "esta ", "este ", "el presente", "said ", "such "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

func legacyInternalName(law string) bool {
	f := FoldString(law)
	if legacySelfRef(law) || f == "" {
		return true
	}
	for _, p := range []string{"section", "subsection", "sections", "article", "articulo", "paragraph", "part ", "§", "s "} {
		if strings.HasPrefix(f, p) {
			// (changed on purpose: "section 3 of this Act" is the statute
			// itself, a self-reference then a law word)
			for _, o := range []string{"this", "the present", "said", "such", "dieses", "diese", "dieser", "presente", "present", "cette", "ce code", "le present", "la presente", "esta", "este", "el presente"} {
				if i := strings.Index(f, " "+o+" "); i >= 0 {
					ws := strings.Fields(f[i+1:])
					n := len(strings.Fields(o))
					if len(ws) > n && lawWord.MatchString(ws[n]) || lawWord.MatchString(ws[n-1]) {
						return true
					}
				}
			}
			return !strings.Contains(f, " of ") && !strings.Contains(f, " de ") && !lawWord.MatchString(law)
		}
	}
	return false
}

func legacyIsRepealed(f string) bool {
	t := strings.TrimSpace(f)
	if len(t) > 60 {
		return false
	}
	for _, w := range []string{"repealed", "[repealed", "(repealed", "abroge", "aufgehoben", "derogado", "derogada", "(weggefallen)", "weggefallen"} {
		if strings.HasPrefix(strings.Trim(t, "[]().- "), strings.Trim(w, "[(")) {
			return true
		}
	}
	return false
}

var (
	legacyRefPrevious    = regexp.MustCompile(`\b(?:apartado anterior|alinea precedent|preceding subsection|previous subsection|vorstehenden absatz|vorstehende absatz)`)
	legacyRefPrevArticle = regexp.MustCompile(`\b(?:articulo anterior|article precedent|preceding section|previous section|vorstehenden paragraphen|vorstehende paragraph|vorstehenden artikel)`)
)

var legacyNamedAct = regexp.MustCompile(`\b(?:[A-Z][A-Za-z'’-]+ )+(?:(?:and|of|on|for|in|against) (?:[A-Z][A-Za-z'’-]+ )+)*(?:Act|Code|Ordinance|Decree)(?: \d{4})?(?: \((?:Cap|No)\.? ?[\w.]+\))?`)

var (
	legacyRefArticleA = regexp.MustCompile("^" + `\b(?:articles?|articulos?|artikels?|art\.|arts\.) ?(\d+(?:[a-z]\b)?(?:-\d+)*)(?:(?: |)(bis|terdecies|ter|quaterdecies|quater|quinquies|sexies|septies|octies|novies|nonies|decies|undecies|duodecies))?`)
	legacyRefListNext = regexp.MustCompile(`^(?:,\s*|\s+(?:y|e|et|and|und|o|ou|or|a|à|to|al|bis)\s+)(\d+(?:[a-z]\b)?(?:-\d+)*)(?:(?: |)(bis|terdecies|ter|quaterdecies|quater|quinquies|sexies|septies|octies|novies|nonies|decies|undecies|duodecies))?\b`)
)

func legacyRangeWord(join string) bool {
	switch strings.TrimSpace(join) {
	case "bis", "to", "a", "à", "al":
		return true
	}
	return false
}
