package index

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// quotedColonDef is a quoted term opening a text and followed by a colon.
var quotedColonDef = regexp.MustCompile(`^\s*["“„«]\s*([^"”“«»]{1,80}?)\s*["”»]\s*:\s`)

var colonDef = regexp.MustCompile(`^([a-z][a-z ,']{1,50}?)\s*:\s`)

// splitAlternatives splits "nino nina o adolescente" into its words joined
// by "or"/"and" in the four languages (only for short lists of words).
func splitAlternatives(conj map[string]bool, term string) []string {
	ws := strings.Fields(term)
	if len(ws) < 3 || len(ws) > 7 {
		return nil
	}
	var out []string
	sawConj := false
	for _, w := range ws {
		if conj[w] {
			sawConj = true
			continue
		}
		out = append(out, w)
	}
	if !sawConj {
		return nil
	}
	return out
}

// External-law cues: group 1 starts the law's name (in the original text).
var extLawCue = regexp.MustCompile(`(?i)(?:` + extLawCueSource() + `)\s+`)

// extLawCueAlts are the alternatives of extLawCue, each with the folded
// words one of which every match of it holds, starting at most
// extLawCueLead bytes after the match ("have the same meaning", "tal como
// se define", "de acuerdo con"): extLawCues tries the expression only
// there. An alternative added here names its words.
var extLawCueAlts = []struct {
	re    string
	words []string
}{
	{`ha(?:s|ve) the (?:same )?meaning (?:assigned|given|ascribed|attributed)?\s*(?:(?:to (?:it|them|that expression|that term)|thereto) )?(?:in|by|under)`, []string{"meaning"}},
	{`in accordance with (?:the )?(?:provisions of )?(?:part|section|chapter)? ?[0-9ivxlc]* ?(?:of )?(?:the )?`, []string{"accordance"}},
	{`ha(?:s|ve) the (?:same )?meaning as (?:is )?(?:assigned|given|ascribed|attributed) (?:to (?:it|them) )?(?:in|by|under)`, []string{"meaning"}},
	{`as (?:defined|construed) (?:in|by|under)`, []string{"define", "construed"}},
	{`within the meaning of`, []string{"meaning"}},
	{`defined in`, []string{"define"}},
	{`tal como (?:se )?(?:define|definen) (?:en|por)`, []string{"define"}},
	{`definid[oa]s? (?:como tal(?:es)? )?(?:en|por)`, []string{"defini"}},
	{`d[eé]finie?s? (?:comme tel(?:le)?s? )?(?:à|au|par)`, []string{"defini"}},
	{`en los t[eé]rminos de`, []string{"terminos"}},
	{`seg[uú]n (?:lo dispuesto en )?(?:el|la)`, []string{"segun"}},
	{`conforme (?:a|al)`, []string{"conforme"}},
	{`de acuerdo con (?:el|la)`, []string{"acuerdo"}},
	{`de conformidad con (?:el|la|lo dispuesto en (?:el|la))`, []string{"conformidad"}},
	{`se[nñ]alad[oa]s? (?:en|por) (?:el|la)`, []string{"senalad"}},
	{`establecid[oa]s? (?:en|por) (?:el|la)`, []string{"establecid"}},
	{`previst[oa]s? (?:en|por) (?:el|la)`, []string{"previst"}},
	{`fijad[oa]s? (?:en|por) (?:el|la)`, []string{"fijad"}},
	{`fix[ée]e?s? par (?:le|la|les|l')`, []string{"fixe"}},
	{`au sens (?:de|du|des)`, []string{"sens"}},
	{`en application (?:de|du|des)`, []string{"application"}},
	{`im sinne (?:des|der|von)`, []string{"sinne"}},
}

// extLawCueSource joins the alternatives of extLawCue.
func extLawCueSource() string {
	alts := make([]string, len(extLawCueAlts))
	for i, a := range extLawCueAlts {
		alts[i] = a.re
	}
	return strings.Join(alts, "|")
}

// extLawCueWords are the cue words of every alternative, without repeats.
var extLawCueWords = func() []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range extLawCueAlts {
		for _, w := range a.words {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}()

// extLawCueLead bounds the bytes of a match of extLawCue before its cue
// word ("have the same " before "meaning"); the letters before a cue word
// are ASCII wherever extLawCues reads cue words.
const extLawCueLead = 14

// extLawCueA is extLawCue anchored at the start of the text.
var extLawCueA = regexp.MustCompile(`^(?:` + extLawCue.String() + `)`)

// extLawCueFirst tells the bytes a match of extLawCue can start with: the
// first letters of its alternatives, either case (has, as, within,
// defined, tal, en, según, conforme, de, au, im); all are ASCII letters.
var extLawCueFirst = func() (t [256]bool) {
	for _, a := range extLawCueAlts {
		c := a.re[0]
		if c < 'a' || c > 'z' {
			panic("extLawCueAlts: an alternative must start with a lower-case ASCII letter")
		}
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// extLawCues is extLawCue.FindAllStringIndex(s.Text, -1) when ok, else
// nil. The case-insensitive expression has no literal prefix, so Go's
// engine would read the whole text; here it is tried, anchored, only at
// the extLawCueLead+1 positions up to each occurrence of a cue word (a
// match holds one that near its start), in order, the leftmost match
// first, as the whole-text search takes them (the expression has no
// assertion, so a match depends only on the text from its start). Where
// (?i) matches a rune that folding leaves apart (ſ for s, the Kelvin sign
// for k) a cue word could be missing from the folded text: the whole text
// is searched.
func extLawCues(s *Segment, ok bool) [][]int {
	if !ok {
		return nil
	}
	t := s.Text
	if strings.ContainsRune(t, 'ſ') || strings.ContainsRune(t, '\u212a') {
		return extLawCue.FindAllStringIndex(t, -1)
	}
	// the cue words' starts in the original text, in order
	var at []int
	for _, w := range extLawCueWords {
		for from := 0; ; {
			i := strings.Index(s.Fold[from:], w)
			if i < 0 {
				break
			}
			at = append(at, s.Orig(from+i))
			from += i + 1
		}
	}
	sort.Ints(at)
	var out [][]int
	next := 0 // the first position not yet tried, and not inside a match
	for _, k := range at {
		for p := max(next, k-extLawCueLead); p <= k && p < len(t); p++ {
			next = p + 1
			if !extLawCueFirst[t[p]] {
				continue
			}
			if loc := extLawCueA.FindStringIndex(t[p:]); loc != nil {
				out = append(out, []int{p, p + loc[1]})
				next = p + loc[1]
				break
			}
		}
	}
	return out
}

// extLawCueNear is extLawCue.FindStringIndex(t), kept only when the match
// starts before limit, without scanning all of a long t. A match of
// extLawCue is at most 56 letters (under (?i) a letter may take 3 bytes)
// and two runs of white space, so one starting before limit ends within
// limit+512 bytes unless a run of 64 white-space bytes intervenes (then
// the whole text is searched). A match found in the window is re-run from
// its start over the whole text, so its end (greedy trailing space) is the
// one a full search gives.
func extLawCueNear(t string, limit int) []int {
	w := t
	if len(t) > limit+512 {
		w = t[:limit+512]
		run := 0
		for i := 0; i < len(w); i++ {
			switch w[i] {
			case ' ', '\t', '\n', '\f', '\r':
				run++
			default:
				run = 0
			}
			if run >= 64 {
				w = t
				break
			}
		}
	}
	loc := extLawCue.FindStringIndex(w)
	if loc == nil || loc[0] >= limit {
		return nil
	}
	if len(w) < len(t) {
		end := extLawCue.FindStringIndex(t[loc[0]:])
		loc[1] = loc[0] + end[1]
	}
	return loc
}

var lawWord = regexp.MustCompile(`(?i)\b(?:act|code|law|ordinance|decree|statute|constitution|regulations?|loi|code|\w*gesetz\w*|\w*gesetzbuch\w*|\w*ordnung|ley|c[oó]digo|decreto|stgb|stpo|aufenthg|u\.s\.c\.|usc)\b`)

func findDefinitions(s *Segment, titles []string) []*Definition {
	g, lg := s.ix.defs, s.ix.laws
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
		if term == "" || seen[term] || len(term) > 80 || g.article.MatchString(term+" ") && !strings.Contains(term, " ") {
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
				law := lawName(s.Text[extStart+loc[1]:], lg)
				// ("principio según el cual …" names no law)
				if !internalName(law, s.Statute, lg) && !inCorpus(law, titles) && !lg.relPronoun.MatchString(law) {
					d.ExternalLaw = law
				}
			}
		}
		out = append(out, d)
	}
	// "- enfant, toute personne …": an item of a definitions list drafted
	// with commas (never a provision's opening text)
	if s.Roles&bitDefinition != 0 && strings.Contains(s.Fold, ",") && g.isCommaItem(s) {
		if m := g.commaItemAt(s, s.Fold); m != nil {
			add(s.Fold[m[2]:m[3]], s.Orig(m[2]))
		}
	}
	// "*exploitation*, of a person, means …": a term the parser read from
	// its emphasis, which the text no longer marks
	if term, ok := parsedTerm(s); ok {
		add(term, 0)
	}
	if !s.Has(s.cues().DefVerbs) && !strings.Contains(s.Fold, ":") {
		return out
	}
	if hasQuote(s.Text) {
		for _, m := range g.quoted.FindAllStringSubmatchIndex(s.Text, -1) {
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
		// or after a dash that opens the item ("— les lieux d'accueil :
		// tout lieu …", the French decrees' "on entend par :" lists)
		off := 0
		if l := inlineItem.FindStringIndex(s.Fold); l != nil {
			off = l[1]
		} else {
			off = dashBullet(s.Fold)
		}
		if m := colonDef.FindStringSubmatchIndex(s.Fold[off:]); m != nil {
			a := off + m[2]
			// the term without its article ("le trafic d'enfants")
			if l := g.article.FindStringIndex(s.Fold[a : off+m[3]]); l != nil {
				a += l[1]
			}
			add(s.Fold[a:off+m[3]], s.Orig(a))
		}
	}
	term := func(m []int) {
		t := s.Fold[m[2]:m[3]]
		ws := strings.Fields(t)
		if len(ws) > 6 || len(ws) > 0 && g.determiners[ws[len(ws)-1]] {
			return
		}
		if m[2] > m[0] && properName(s.Text[s.Orig(m[2]):]) {
			// "La Commission comprend des représentants …": an
			// article before a capitalised name is a body, not a term
			return
		}
		add(t, s.Orig(m[2]))
	}
	for k := range g.frames {
		for _, m := range g.frames[k].run(s, 2) {
			term(m)
		}
	}
	return out
}

// dashBullet returns the length of a dash or bullet that opens t with
// the spaces after it ("— ", "– ", "- ", "• "), 0 when there is none.
func dashBullet(t string) int {
	for _, d := range []string{"—", "–", "-", "•"} {
		if strings.HasPrefix(t, d) {
			rest := strings.TrimLeft(t[len(d):], " ")
			if len(rest) < len(t)-len(d) {
				return len(t) - len(rest)
			}
		}
	}
	return 0
}

// parsedTerm returns the term of a definition the parser made a provision
// of (its ID ends "[forced-labour]") when the segment opens that provision
// with the term's own words and no quote before them (the first three
// bytes hold any opening quote, “ „ ‘ being three bytes long).
func parsedTerm(s *Segment) (string, bool) {
	if s.Prov.Kind != statute.KindDefinition || s.Line != s.Prov.Line || hasQuote(s.Text[:min(len(s.Text), 3)]) {
		return "", false
	}
	id := string(s.Prov.ID)
	i := strings.LastIndexByte(id, '[')
	if i < 0 || !strings.HasSuffix(id, "]") {
		return "", false
	}
	term := strings.ReplaceAll(id[i+1:len(id)-1], "-", " ")
	if !strings.HasPrefix(s.Fold, term) {
		return "", false
	}
	return term, true
}

// properName reports whether t starts with a capital letter.
func properName(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// hasQuote is strings.ContainsAny(t, "\"“„«‘'") as one byte scan (IndexAny
// decodes every rune when the set is not ASCII): an ASCII double quote or
// apostrophe, or the UTF-8 encodings of “ „ ‘ (E2 80 9C/9E/98) and « (C2 AB).
func hasQuote(t string) bool {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '"', '\'':
			return true
		case 0xE2:
			if i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0x9C || t[i+2] == 0x9E || t[i+2] == 0x98) {
				return true
			}
		case 0xC2:
			if i+1 < len(t) && t[i+1] == 0xAB {
				return true
			}
		}
	}
	return false
}

// internalName reports whether a referred-to name is a part of the same
// statute ("section 3", "this Act", "article 5") that the statute holds.
func internalName(law string, st *statute.Statute, lg *lawGrammar) bool {
	f := FoldString(law)
	if selfRef(law, lg) || f == "" {
		return true
	}
	if strings.HasPrefix(f, "§") || hasOpening(f, lg.internalOpen) {
		// a section of the same statute: internal unless it is missing
		// from the excerpt (then the finding names it as outside law)
		// "section 3 of this Act", "§ 3 dieses Gesetzes": the statute
		// itself names its section
		for _, o := range lg.selfOpen {
			i := strings.Index(f, " "+o)
			if i < 0 {
				continue
			}
			// the opening, then a law word ("this act", "ce code")
			ws := strings.Fields(f[i+1:])
			if len(ws) > 0 && lawWord.MatchString(ws[0]) || len(ws) > 1 && lawWord.MatchString(ws[1]) {
				return true
			}
		}
		for _, o := range lg.otherLaw {
			if strings.Contains(f, o) {
				return false
			}
		}
		return !lawWord.MatchString(law)
	}
	return false
}

// lawName returns the name of a law at the start of s, up to the end of the
// clause (keeping a parenthesised chapter number such as "(Cap. 141)").
func lawName(s string, lg *lawGrammar) string {
	depth := 0
	end := len(s)
loop:
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 && titleComma(s, i) == i {
				end = i
				break loop
			}
		case ';', '\n', ':':
			if depth == 0 {
				end = i
				break loop
			}
		case '.':
			if depth == 0 && (i+1 >= len(s) || s[i+1] == ' ' && i+2 < len(s) && s[i+2] >= 'A' && s[i+2] <= 'Z' && !strings.HasSuffix(s[:i], "Cap")) {
				end = i
				break loop
			}
		}
		if i > 160 {
			end = i
			break
		}
	}
	n := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s[:end]), ".;,"))
	n = strings.TrimPrefix(n, "the ")
	return cutAfterCompound(n, lg)
}

// cutAfterCompound ends a name at a German compound law word
// ("Strafgesetzbuches", "Aufenthaltsgesetz", "Strafprozessordnung") when the
// clause goes on with a verb rather than the rest of the name.
// The words of a German law's name are lg.compound (the pieces of a
// compound law word) and lg.glue (the lower-case words that carry the name
// on: "Gesetz über den Aufenthalt", "Gesetz zur Bekämpfung des …").
func cutAfterCompound(n string, lg *lawGrammar) string {
	words := strings.Fields(n)
	for i := 0; i+1 < len(words); i++ {
		w := strings.ToLower(words[i])
		compound := false
		for _, c := range lg.compound {
			compound = compound || strings.Contains(w, c)
		}
		if !compound {
			continue
		}
		next := words[i+1]
		r := []rune(next)[0]
		if unicode.IsLower(r) && !lg.glue[next] {
			return strings.Join(words[:i+1], " ")
		}
	}
	return n
}

var (
	refSection      = regexp.MustCompile(`\b(?:sections?|s\.|ss\.) ?(\d+[a-z]{0,2}(?:\.\d+)?)((?:\(\w{1,5}\))*)`)
	refSubsection   = regexp.MustCompile(`\bsub-?sections? ?\((\w{1,5})\)`)
	refAbs          = regexp.MustCompile(`\b(?:abs\.|absatz|absatzes) ?(\d+)\b`)
	refApartado     = regexp.MustCompile(`\b(?:apartados?|alineas?) (\d+)\b`)
	refOtherArticle = regexp.MustCompile(`^ (?:del|de l|de la|of) (?:articulo|article|ley|loi)`)
	refParaBefore   = regexp.MustCompile(`§§? ?\d+[a-z]? ?$`)
	refPara         = regexp.MustCompile(`§§? ?(\d+[a-z]?)(?: (?:abs\.?|absatz|absatzes) ?(\d+))?`)
	refRoman        = regexp.MustCompile(`\b(?:au|du|le|la|del|of) ([ivx]+) (?:de l['’ ]?|del |of )?(?:article|articulo|art\.) (\d+(?:-\d+)*)`)
	refRangeEnd     = regexp.MustCompile(`^\s*(?:bis|to|through|à|a|al|au|und|and|-|–)\s*(?:§§?\s*|articles?\s*|art\.\s*|artículos?\s*|sections?\s*)?\d+[a-z]{0,12}\b`)
	refOf           = regexp.MustCompile(`^\s*(?:of|of the|de la|de|des|du|del|der|des) `)
)

// prevSibling is the provision before p under the same parent, or nil;
// for a segment inside a subsection's list, the subsection's.
func prevSibling(p *statute.Provision) *statute.Provision {
	for q := p; q != nil && q.Parent != nil; q = q.Parent {
		sib := q.Parent.Children
		for i, c := range sib {
			if c == q && i > 0 && q.Kind == sib[i-1].Kind {
				return sib[i-1]
			}
		}
		if q.Parent == p.Section() {
			break
		}
	}
	return nil
}

// findRefs records cross-references in a segment: internal ones resolved
// to provisions, and references to other laws by name.
func findRefs(s *Segment, st *statute.Statute, corpus *statute.Corpus, titles []string) []Ref {
	var out []Ref
	f := s.Fold
	sec := s.Section
	secNum := ""
	if sec != nil {
		secNum = string(sec.ID)
	}
	if !s.Has(s.cues().RefWords) && !strings.Contains(f, "§") {
		return nil
	}
	resolve := func(id string, m []int) {
		id = articleID(st, id) // "section 98D" is s98D, not s98d
		end := s.Orig(m[1])
		rest := s.Text[end:]
		r := Ref{Text: s.Text[s.Orig(m[0]):end], Start: s.Orig(m[0])}
		// "§§ 232 bis 233a des Strafgesetzbuches", "articles 10 à 13 du
		// Code pénal": the law named after the range is the first one's too
		if loc := refRangeEnd.FindStringIndex(strings.ToLower(rest[:min(len(rest), 40)])); loc != nil {
			rest = rest[loc[1]:]
		}
		if loc := refOf.FindStringIndex(strings.ToLower(rest[:min(len(rest), 24)])); loc != nil {
			tail := rest[loc[1]:]
			if !selfRef(tail, s.ix.laws) && lawWord.MatchString(firstClause(tail)) {
				name := lawName(tail, s.ix.laws)
				if !inCorpus(name, titles) {
					r.External = true
					r.Law = name
					out = append(out, r)
					return
				}
			}
		}
		if p := st.Lookup(statute.ProvisionID(id)); p != nil {
			r.Target = p
		} else if p := lookupElsewhere(corpus, st, id); p != nil {
			// "section 1591 of title 18" cited from another statute of the corpus
			r.Target = p
		} else if alt := "§" + strings.TrimPrefix(id, "s"); strings.HasPrefix(id, "s") && st.Lookup(statute.ProvisionID(alt)) != nil {
			// US Code sections are numbered "§ 1591" but cited as "section 1591"
			r.Target = st.Lookup(statute.ProvisionID(alt))
		} else if p := lookupElsewhere(corpus, st, alt); strings.HasPrefix(id, "s") && p != nil {
			r.Target = p
		} else {
			r.External = true
			r.Law = ExternalLaw(id, statuteName(st))
		}
		out = append(out, r)
	}
	// Each strings.Contains and scan below is first asked of the
	// vocabulary (MayContain, Has): most segments hold none of the words,
	// and the answer is the same.
	hasSec := s.ContainsAny(litSection)
	hasArt := s.Has(s.cues().ArticleWords)
	hasPara := s.ContainsAny(litPara)
	if hasSec {
		for _, m := range AnchoredAll(refSectionA, f, []string{"section", "s.", "ss."}) {
			resolve("s"+f[m[2]:m[3]]+f[m[4]:m[5]], m)
			// "an offence under section 1 or 2", "sections 3, 4 and 5":
			// the sections listed after the first
			if m[4] == m[5] {
				s.ix.laws.resolveListed(f, m[1], f[m[2]:m[3]], "s", resolve)
			}
		}
	}
	for _, m := range anchoredIf(s.MayContain(litSubsection), refSubsectionA, f, litSubsection.Strings()) {
		if secNum != "" {
			resolve(secNum+"("+f[m[2]:m[3]]+")", m)
		}
	}
	// "(Abs. 3)" without a § is a subsection of the same section, as
	// "subsection (3)" is; "§ 6 Abs. 3" is left to refPara below.
	if secNum != "" && s.ContainsAny(litAbs) {
		for _, m := range refAbs.FindAllStringSubmatchIndex(f, -1) {
			if !refParaBefore.MatchString(f[max(0, m[0]-12):m[0]]) {
				resolve(secNum+"("+f[m[2]:m[3]]+")", m)
			}
		}
	}
	// "apartado 1", "alinéa 2" of the same article; "the preceding
	// subsection", "el apartado anterior", "l'alinéa précédent", "der
	// vorstehende Absatz": its previous sibling
	if secNum != "" {
		for _, m := range refApartado.FindAllStringSubmatchIndex(f, btoi(s.ContainsAny(litApartado))) {
			if !refOtherArticle.MatchString(f[m[1]:min(len(f), m[1]+16)]) {
				resolve(secNum+"("+f[m[2]:m[3]]+")", m)
			}
		}
		for _, m := range s.ix.laws.prevSub.findAll(s) {
			if prev := prevSibling(s.Prov); prev != nil {
				out = append(out, Ref{Text: s.Text[s.Orig(m[0]):s.Orig(m[1])], Start: s.Orig(m[0]), Target: prev})
			}
		}
	}
	// "el artículo anterior", "l'article précédent": the section before
	for _, m := range s.ix.laws.prevSec.findAll(s) {
		prev := prevSibling(s.Section)
		if prev == nil && s.Section != nil && s.Section.Parent == nil {
			for i, r := range st.Roots {
				if r == s.Section && i > 0 && st.Roots[i-1].Kind == r.Kind {
					prev = st.Roots[i-1]
				}
			}
		}
		if prev != nil {
			out = append(out, Ref{Text: s.Text[s.Orig(m[0]):s.Orig(m[1])], Start: s.Orig(m[0]), Target: prev})
		}
	}
	for _, m := range refPara.FindAllStringSubmatchIndex(f, btoi(hasPara)) {
		num := f[m[2]:m[3]]
		// "le § 1er" of the same article (Belgian paragraphs): its own
		// paragraph, when the article has one so numbered
		if secNum != "" && m[4] < 0 {
			n := strings.TrimSuffix(num, "e")
			if p := st.Lookup(statute.ProvisionID(secNum + "/§" + n)); p != nil {
				out = append(out, Ref{Text: s.Text[s.Orig(m[0]):s.Orig(m[1])], Start: s.Orig(m[0]), Target: p})
				continue
			}
		}
		id := "§" + num
		if m[4] >= 0 {
			id += "(" + f[m[4]:m[5]] + ")"
		}
		resolve(id, m)
		// "§§ 10 bis 13", "§§ 10, 11 und 13": the sections listed after
		// the first, and those a range spans
		if m[4] < 0 {
			s.ix.laws.resolveListed(f, m[1], num, "§", resolve)
		}
	}
	for _, m := range refRoman.FindAllStringSubmatchIndex(f, btoi(hasArt)) {
		resolve("art"+f[m[4]:m[5]]+"/"+strings.ToUpper(f[m[2]:m[3]]), m)
	}
	for _, m := range anchoredIf(s.MayContain(litArt), s.ix.laws.refArticleA, f, litArt.Strings()) {
		id := "art" + f[m[2]:m[3]]
		if m[4] >= 0 {
			id += f[m[4]:m[5]]
			// "l'article 303 bis 4"
			if d := refOrdinalNum.FindStringSubmatchIndex(f[m[1]:]); d != nil {
				id += f[m[1]+d[2] : m[1]+d[3]]
				m = []int{m[0], m[1] + d[1]}
			}
		}
		// "l'article 586.2", "Article 23.3": a decimal number, where the
		// statute numbers its articles so
		if t := decimalTail(f[m[1]:]); t != "" && st.Lookup(statute.ProvisionID(articleID(st, id+t))) != nil {
			id += t
			m = append([]int{m[0], m[1] + len(t)}, m[2:]...)
		}
		first := len(out)
		resolve(articleID(st, id), m)
		// "los artículos 188A, 188C y 218", "articles 433quinquies à
		// 433octies": the numbers listed after the first
		for end := m[1]; ; {
			n := s.ix.laws.refListNext.FindStringSubmatchIndex(f[end:])
			if n == nil {
				break
			}
			if t := decimalTail(f[end+n[1]:]); t != "" && n[4] < 0 && st.Lookup(statute.ProvisionID(articleID(st, "art"+f[end+n[2]:end+n[3]]+t))) != nil {
				n = []int{n[0], n[1] + len(t), n[2], n[3] + len(t), n[4], n[5]}
			}
			nid := "art" + f[end+n[2]:end+n[3]]
			if n[4] >= 0 {
				nid += f[end+n[4] : end+n[5]]
			} else if s.ix.laws.rangeWord(f[end : end+n[2]]) {
				// "articles 10 à 13": the articles between as well
				for _, mid := range between(strings.TrimPrefix(id, "art"), f[end+n[2]:end+n[3]]) {
					resolve(articleID(st, "art"+mid), []int{end + n[2], end + n[1]})
				}
			}
			resolve(articleID(st, nid), []int{end + n[2], end + n[1]})
			id = nid
			end += n[1]
		}
		// "los artículos 125 bis, 127 y 145 ter del Código Penal": the law
		// named after the list is every listed article's
		if last := len(out) - 1; last > first && out[last].External {
			if _, _, unnamed := ParseExternalLaw(out[last].Law); !unnamed {
				for k := first; k < last; k++ {
					prov := out[k].Law
					if p, _, ok := ParseExternalLaw(prov); ok {
						prov = p
					} else if out[k].Target != nil {
						prov = string(out[k].Target.ID)
					}
					out[k].Target, out[k].External, out[k].Law = nil, true, ExternalLaw(prov, out[last].Law)
				}
			}
		}
	}
	for _, m := range anchoredIf(s.MayContain(litArt), s.ix.laws.refArticleParen, f, litArt.Strings()) {
		resolve(articleID(st, "art"+f[m[2]:m[3]]), m)
	}
	// "l'article premier", "articles premier et 4": the first article by
	// its ordinal, and the numbers listed after it
	for _, m := range anchoredIf(s.MayContain(litArt), s.ix.laws.refArticleFirst, f, litArt.Strings()) {
		resolve(articleID(st, "art1"), m)
		for end := m[1]; ; {
			n := s.ix.laws.refListNext.FindStringSubmatchIndex(f[end:])
			if n == nil {
				break
			}
			resolve(articleID(st, "art"+f[end+n[2]:end+n[3]]), []int{end + n[2], end + n[1]})
			end += n[1]
		}
	}
	// "l'article L.4": an article of a code part numbered with its letter
	for _, m := range anchoredIf(s.MayContain(litArt), s.ix.laws.refArticleCode, f, litArt.Strings()) {
		resolve(articleID(st, "art"+strings.ToUpper(f[m[2]:m[3]])+f[m[4]:m[5]]), m)
	}
	// Named laws without a section number ("the Children Act", "Sexual
	// Offences Act (Cap. 63A)").
	for _, m := range extLawCues(s, s.ContainsAny(litExtHint)) {
		name := lawName(s.Text[m[1]:], s.ix.laws)
		if name == "" || strings.HasPrefix(strings.ToLower(name), "this") || strings.HasPrefix(strings.ToLower(name), "section") || !lawWord.MatchString(name) {
			continue
		}
		if inCorpus(name, titles) {
			continue
		}
		out = append(out, Ref{Text: s.Text[m[0]:min(len(s.Text), m[1]+len(name))], Start: m[0], External: true, Law: name})
	}
	var named [][]int
	if lg := s.ix.laws; s.MayContain(lg.litTitles) {
		named = namedActs(s.Text, lg)
	}
	for _, m := range named {
		name := strings.TrimSpace(s.Text[m[0]:m[1]])
		name = strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")
		if w, _, _ := strings.Cut(name, " "); skipFirst[w] {
			continue
		}
		if inCorpus(name, titles) || dupRef(out, m[0], len(name)) {
			continue
		}
		out = append(out, Ref{Text: name, Start: m[0], External: true, Law: name})
	}
	return out
}

// resolveListed resolves, as prefix and number, the numbers a reference
// ending at end lists after its first one, first ("§§ 10, 11 und 13",
// "section 1 or 2"), and those a range spans ("§§ 10 bis 13"); a number
// with an ordinal ends the list.
func (g *lawGrammar) resolveListed(f string, end int, first, prefix string, resolve func(id string, m []int)) {
	prev := first
	for {
		n := g.refListNext.FindStringSubmatchIndex(f[end:])
		if n == nil || n[4] >= 0 {
			return
		}
		next := f[end+n[2] : end+n[3]]
		span := []int{end + n[2], end + n[1]}
		if g.rangeWord(f[end : end+n[2]]) {
			for _, mid := range between(prev, next) {
				resolve(prefix+mid, span)
			}
		}
		resolve(prefix+next, span)
		prev = next
		end += n[1]
	}
}

// between lists the whole numbers strictly between two plain numbers of a
// range ("10", "13" → "11", "12"), at most 50 of them; none when either is
// not a plain number.
func between(from, to string) []string {
	a, err1 := strconv.Atoi(from)
	b, err2 := strconv.Atoi(to)
	if err1 != nil || err2 != nil || b <= a+1 || b-a > 50 {
		return nil
	}
	out := make([]string, 0, b-a-1)
	for k := a + 1; k < b; k++ {
		out = append(out, strconv.Itoa(k))
	}
	return out
}

// refOrdinalNum is the number after a Latin ordinal ("303 bis 4").
var refOrdinalNum = regexp.MustCompile(`^ (\d{1,3})\b`)

// articleID returns the statute's ID for a folded article reference:
// "art188a" is "art188A" where the statute prints a capital letter.
// decimalTail returns the decimal parts that open t (".2", ".1.3"),
// each a full stop followed by digits.
func decimalTail(t string) string {
	k := 0
	for k+1 < len(t) && t[k] == '.' && t[k+1] >= '0' && t[k+1] <= '9' {
		k++
		for k < len(t) && t[k] >= '0' && t[k] <= '9' {
			k++
		}
	}
	return t[:k]
}

func articleID(st *statute.Statute, id string) string {
	if st.Lookup(statute.ProvisionID(id)) != nil {
		return id
	}
	// "section 98c", "section 98aa" of a statute numbering them 98C, 98AA:
	// the letters after the number, upper-cased
	ids := []string{id}
	n := len(id)
	k := n
	for k > 0 && n-k < 3 && id[k-1] >= 'a' && id[k-1] <= 'z' {
		k--
	}
	if k < n && k >= 2 && id[k-1] >= '0' && id[k-1] <= '9' {
		up := id[:k] + strings.ToUpper(id[k:])
		if st.Lookup(statute.ProvisionID(up)) != nil {
			return up
		}
		ids = append(ids, up)
	}
	// "l'article 279.01" of a code whose divisions carry bare numbers
	// ("279.01 Traite des personnes"), read as sections; "article 248A"
	// of one headed "248A. Traffic in persons" too
	for _, x := range ids {
		if sec := "s" + strings.TrimPrefix(x, "art"); strings.HasPrefix(x, "art") && st.Lookup(statute.ProvisionID(sec)) != nil {
			return sec
		}
	}
	return id
}

var (
	refSectionA    = regexp.MustCompile("^" + refSection.String())
	refSubsectionA = regexp.MustCompile("^" + refSubsection.String())
)

// AnchoredAll runs an anchored regular expression at every occurrence of
// one of its start words that begins a word, and returns the submatch
// indexes in order, without overlaps. It is FindAllStringSubmatchIndex for
// expressions that always start with one of starts, without scanning every
// position.
//
// When every start word begins with a word byte (the usual case: folded
// words), the text is read once, word start by word start, instead of once
// per start word. The result is anchoredAllScan's: that scan resumes after
// each occurrence it finds, so an occurrence overlapping an earlier one
// could be skipped there; when one is seen, or the expression turns out
// not to be anchored, the scan is used instead.
func AnchoredAll(re *regexp.Regexp, f string, starts []string) [][]int {
	var first [4]uint64 // first bytes of the start words
	for _, a := range starts {
		if a == "" || !wordByte[a[0]] {
			return anchoredAllScan(re, f, starts)
		}
		first[a[0]>>6] |= 1 << (a[0] & 63)
	}
	var out [][]int
	end := -1
	for at := 0; at < len(f); at++ {
		c := f[at]
		if !wordByte[c] {
			continue
		}
		// at starts a word
		if first[c>>6]&(1<<(c&63)) != 0 {
			n := 0
			for _, a := range starts {
				if a[0] == c && len(f)-at >= len(a) && f[at:at+len(a)] == a {
					if overlapsBefore(f, at, a) {
						return anchoredAllScan(re, f, starts)
					}
					n++
				}
			}
			if n > 0 {
				if m := re.FindStringSubmatchIndex(f[at:]); m != nil {
					if m[0] != 0 {
						return anchoredAllScan(re, f, starts)
					}
					for k := range m {
						if m[k] >= 0 {
							m[k] += at
						}
					}
					// the scan finds this match once per start word
					// that occurs here; sorted and without overlaps,
					// the copies after the first survive only when
					// the match is empty
					if m[0] >= end {
						out = append(out, m)
						end = m[1]
						for ; n > 1 && m[0] == m[1]; n-- {
							out = append(out, append([]int(nil), m...))
						}
					}
				}
			}
		}
		for at+1 < len(f) && wordByte[f[at+1]] {
			at++
		}
	}
	return out
}

// overlapsBefore reports whether an occurrence of a starts less than
// len(a) bytes before at (where a occurs too).
func overlapsBefore(f string, at int, a string) bool {
	for k := 1; k < len(a) && k <= at; k++ {
		if strings.HasPrefix(f[at-k:], a) {
			return true
		}
	}
	return false
}

// anchoredAllScan is AnchoredAll by one strings.Index scan per start word.
func anchoredAllScan(re *regexp.Regexp, f string, starts []string) [][]int {
	var out [][]int
	for _, a := range starts {
		for from := 0; ; {
			i := strings.Index(f[from:], a)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(a)
			if at > 0 && isWordByte(f[at-1]) {
				continue
			}
			if m := re.FindStringSubmatchIndex(f[at:]); m != nil {
				for k := range m {
					if m[k] >= 0 {
						m[k] += at
					}
				}
				out = append(out, m)
			}
		}
	}
	if len(out) > 1 {
		sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
		kept := out[:0]
		end := -1
		for _, m := range out {
			if m[0] < end {
				continue
			}
			kept = append(kept, m)
			end = m[1]
		}
		out = kept
	}
	return out
}

// lookupElsewhere finds a provision ID in the other statutes of the corpus
// when exactly one holds it.
func lookupElsewhere(c *statute.Corpus, st *statute.Statute, id string) *statute.Provision {
	if c == nil {
		return nil
	}
	var found *statute.Provision
	for _, o := range c.Statutes {
		if o == st {
			continue
		}
		if p := o.Lookup(statute.ProvisionID(id)); p != nil {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// btoi turns a prefilter result into a FindAll limit: -1 (all) or 0 (none).
func btoi(ok bool) int {
	if ok {
		return -1
	}
	return 0
}

func refHint(f string) bool {
	return strings.Contains(f, "section") || strings.Contains(f, " s.") || strings.Contains(f, "art") ||
		strings.Contains(f, "§") || strings.Contains(f, " act") || strings.Contains(f, " code") || strings.Contains(f, "ley") ||
		strings.Contains(f, "loi") || strings.Contains(f, "gesetz") || extHint(f) || strings.Contains(f, "ordinance") || strings.Contains(f, "decree")
}

// The literals of findRefs' and findDefinitions' prefilters: each list is
// both the exact test (Segment.ContainsAny, the start words of
// AnchoredAll) and the vocabulary's prefilter for it, so a word added to a
// list is found.
var (
	litSection    = NewLiterals("section", " s.", " ss.")
	litSubsection = NewLiterals("subsection", "sub-section", "subsections")
	litAbs        = NewLiterals("abs.", "absatz")
	litApartado   = NewLiterals("apartado", "alinea")
	litPara       = NewLiterals("§")
	litArt        = NewLiterals("art")
	litExtHint    = NewLiterals("meaning", "accordance", "defined", "define", "defini", "construed", "au sens", "en application", "im sinne", "terminos", "segun", "conforme", "acuerdo con", "conformidad", "fixe par", "senalad", "establecid", "previst", "fijad")
)

// anchoredIf is AnchoredAll when ok, else nil.
func anchoredIf(ok bool, re *regexp.Regexp, f string, starts []string) [][]int {
	if !ok {
		return nil
	}
	return AnchoredAll(re, f, starts)
}

func extHint(f string) bool { return litExtHint.In(f) }

// namedActs finds the names of laws ("the Children Act (Cap. 141)") by
// running lg.namedAct only on a window around each occurrence of a law
// title word (lg.titles: " Act", " Code", …).
func namedActs(t string, lg *lawGrammar) [][]int {
	var out [][]int
	lastEnd := -1
	for _, w := range lg.titles {
		for from := 0; ; {
			i := strings.Index(t[from:], w)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(w)
			if !mayName(t, at, lg.connector) {
				continue
			}
			lo := max(0, at-160)
			for lo > 0 && t[lo-1] != ' ' {
				lo++
				if lo >= at {
					break
				}
			}
			hi := min(len(t), at+len(w)+40)
			for _, m := range lg.namedAct.FindAllStringIndex(t[lo:hi], -1) {
				a, b := m[0]+lo, m[1]+lo
				if a <= at+1 && b >= at+len(w) {
					out = append(out, []int{a, b})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	kept := out[:0]
	for _, m := range out {
		if m[0] < lastEnd {
			continue
		}
		kept = append(kept, m)
		lastEnd = m[1]
	}
	return kept
}

// mayName reports whether a match of namedAct can cover the law word that
// starts at t[at+1] (t[at] is the space before it). It is false, sparing
// the regular expression, for "under this Act shall …": such a match
// either runs through the space before the word, so the piece before the
// space is a capitalised word or a connector (and, of, on, for, in,
// against), or it starts at the law word itself, so that word is followed
// by one space and a capitalised word or a connector.
func mayName(t string, at int, connector map[string]bool) bool {
	// the piece before the space: a run of lower-case letters that no
	// capitalised word can include and that is not a connector
	k := at
	for k > 0 && 'a' <= t[k-1] && t[k-1] <= 'z' {
		k--
	}
	if k == at {
		return true
	}
	if k > 0 {
		c := t[k-1]
		if c >= 0x80 || 'A' <= c && c <= 'Z' || c == '\'' || c == '-' || c == ' ' && connector[t[k:at]] {
			return true
		}
	}
	// the match starting at the law word: its capitalised word (letters,
	// ', -, ’) must end at a space followed by a capital or a connector
	e := at + 1
	for e < len(t) {
		c := t[e]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '\'', c == '-':
			e++
			continue
		case c == 0xE2 && strings.HasPrefix(t[e:], "’"):
			e += len("’")
			continue
		}
		break
	}
	if e >= len(t) || t[e] != ' ' || e+1 >= len(t) {
		return false
	}
	if c := t[e+1]; 'A' <= c && c <= 'Z' {
		return true
	}
	for w := range connector {
		if strings.HasPrefix(t[e+1:], w+" ") {
			return true
		}
	}
	return false
}

var skipFirst = map[string]bool{"This": true, "That": true, "Such": true, "Any": true, "An": true, "A": true,
	"Each": true, "Every": true, "Principal": true, "Other": true, "Whoever": true, "In": true, "Under": true}

func dupRef(refs []Ref, start, n int) bool {
	for _, r := range refs {
		if r.External && start >= r.Start && start <= r.Start+len(r.Text) {
			return true
		}
	}
	return false
}

// selfRef reports whether text starting a law name refers to the statute
// itself ("this Act", "la presente ley", "dieses Gesetzes").
func selfRef(t string, lg *lawGrammar) bool { return hasOpening(FoldString(t), lg.selfOpen) }

func firstClause(s string) string {
	if i := strings.IndexAny(s, ",;:"); i >= 0 {
		// "the Child Care, Protection and Justice Act": a comma inside a
		// title, the name going on with a capital and ending in a law word
		if s[i] == ',' {
			if j := titleComma(s, i); j > i {
				return s[:j]
			}
		}
		return s[:i]
	}
	return s
}

// titleComma returns the end of a law's title that a comma at s[i]
// interrupts ("Child Care, Protection and Justice Act"): the next word is
// capitalised and a law word closes the title within a few words before
// any other punctuation; i when it does not.
func titleComma(s string, i int) int {
	rest := s[i+1:]
	t := strings.TrimLeft(rest, " ")
	if t == "" || !unicode.IsUpper([]rune(t)[0]) {
		return i
	}
	end := strings.IndexAny(t, ",;:.()")
	if end < 0 {
		end = len(t)
	}
	words := strings.Fields(t[:end])
	if len(words) == 0 || len(words) > 6 {
		return i
	}
	if lawWord.MatchString(words[len(words)-1]) {
		return i + 1 + (len(rest) - len(t)) + end
	}
	return i
}

func inCorpus(name string, titles []string) bool {
	n := FoldString(name)
	if i := strings.Index(n, "("); i > 0 {
		n = strings.TrimSpace(n[:i])
	}
	n = strings.TrimPrefix(n, "the ")
	if n == "" {
		return true
	}
	for _, t := range titles {
		if t == n || (len(n) >= 8 && strings.Contains(t, n)) {
			return true
		}
	}
	return false
}

func statuteName(st *statute.Statute) string {
	switch {
	case st.Meta.ShortTitle != "":
		return st.Meta.ShortTitle
	case st.Meta.Title != "":
		return st.Meta.Title
	case st.Title != "":
		return st.Title
	}
	return string(st.Meta.ID)
}

// OutsideLaw returns the law outside the corpus that a reference names:
// "Código Penal" for "los artículos 125 bis … del Código Penal" (each
// article of the list), "" for a provision of the statute's own that the
// corpus lacks, a resolved reference or no law at all.
func OutsideLaw(r Ref, st *statute.Statute) string {
	if !r.External || r.Target != nil || r.Law == "" {
		return ""
	}
	if _, law, ok := ParseExternalLaw(r.Law); ok {
		if law == statuteName(st) {
			return ""
		}
		return law
	}
	return r.Law
}

// notInCorpus ends every law name ExternalLaw writes.
const notInCorpus = " (not in the corpus)"

// ExternalLaw names, in English, a provision that a statute of the corpus
// cites but the corpus does not contain: "art113-6 of Code pénal
// (not in the corpus)". ParseExternalLaw reads it back, so a pack in
// another language can name it in its words.
func ExternalLaw(provision, statute string) string {
	return provision + " of " + statute + notInCorpus
}

// ParseExternalLaw returns the provision and statute of a name written by
// ExternalLaw; ok is false for any other law name (the statute's own
// words, which stay as they are).
func ParseExternalLaw(s string) (provision, statute string, ok bool) {
	rest, found := strings.CutSuffix(s, notInCorpus)
	if !found {
		return "", "", false
	}
	provision, statute, ok = strings.Cut(rest, " of ")
	return provision, statute, ok && provision != "" && statute != ""
}
