package match

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// cues are the lexicon classes the checks read, each the union of its
// phrases over the languages of the lexicon (see mapping/lexicon and
// docs/lexicon-format.md), bound once per compiled lexicon.
type cues struct {
	// what the attempt verb is followed by when it is an attempt of an
	// offence ("attempts to commit", "tente de commettre", "intentare
	// cometer", "versucht, … zu begehen")
	AttemptVerbObj *index.PhraseSet `lex:"attempt-object"`
	// an offence or a sanction named beside the attempt noun ("the attempt
	// of the offences", "la tentative des délits est punie", "der Versuch
	// ist strafbar", "la tentativa será castigada")
	AttemptOffenceCtx *index.PhraseSet `lex:"attempt-context"`
	CommitVerb        *index.PhraseSet `lex:"commit"`
	CommitObj         *index.PhraseSet `lex:"commit-object"`
	SanctionWords     *index.PhraseSet `lex:"sanction"`
	OffenceWords      *index.PhraseSet `lex:"offence-formula"`
	MeansWord         *index.PhraseSet `lex:"means-noun"`
	StrongMeans       *index.PhraseSet `lex:"strong-means"`
	// opens a definition of exploitation by its condition ("a person
	// exploits another person if", "une personne en exploite une autre si")
	ExploitsIf    *index.PhraseSet `lex:"exploits-if"`
	AggravCues    *index.PhraseSet `lex:"aggravation-context"`
	AggravWords   *index.PhraseSet `lex:"aggravation"`
	TextVictim    *index.PhraseSet `lex:"victim"`
	ChildTerms    *index.PhraseSet `lex:"child"`
	TraffickTerms *index.PhraseSet `lex:"trafficking"`
	ActTerms      *index.PhraseSet `lex:"act"`
	// the five acts of Palermo 3(a) without the equivalents ("provides",
	// "obtains", "procures") that child-prostitution and sale offences also use
	CoreActTerms *index.PhraseSet `lex:"core-act"`
	ExploitTerms *index.PhraseSet `lex:"exploitation"`
	// "for the purpose of exploiting" the person moved
	PurposeOfExploiting *index.PhraseSet `lex:"purpose-of-exploiting"`
	SexualTerms         *index.PhraseSet `lex:"sexual"`
	LabourTerms         *index.PhraseSet `lex:"labour"`
	MeansTerms          *index.PhraseSet `lex:"means"`
	NoMeansCues         *index.PhraseSet `lex:"no-means"`
	ConsentTerms        *index.PhraseSet `lex:"consent"`
	IrrelevantCues      *index.PhraseSet `lex:"irrelevant"`
	AgeCtx              *index.PhraseSet `lex:"age-context"`
	InternalCues        *index.PhraseSet `lex:"internal"`
	MovementCues        *index.PhraseSet `lex:"movement"`
	// Border names a border or its crossing; Indifference says a fact does
	// not matter: the two in one sentence ("whether or not the victim
	// crossed any border") extend trafficking to a country's inside
	Border           *index.PhraseSet `lex:"border"`
	Indifference     *index.PhraseSet `lex:"indifference"`
	ReflectionCues   *index.PhraseSet `lex:"reflection"`
	DurationUnits    *index.PhraseSet `lex:"time-unit"`
	NonLiabilityCues *index.PhraseSet `lex:"non-liability"`
	// NegSubject opens a sentence with a negative subject ("Ninguna niña …
	// víctima de trata podrá ser sancionada"); PunishPermit is the passive
	// of punishing after it
	NegSubject *index.PhraseSet `lex:"negative-subject"`
	// ChildExcluded excludes children from the persons a provision names
	// ("not being a child"): a child word inside it names no child
	ChildExcluded *index.PhraseSet `lex:"child-excluded"`
	// IntlBody names an international organisation or one of its organs
	// (Council of Europe, Conseil de sécurité): a word inside one names no
	// national body
	IntlBody *index.PhraseSet `lex:"international-body"`
	// FamilyCarers names a child's carers as a group ("parent or
	// guardian"): a guardian word inside one is no appointed guardian
	FamilyCarers *index.PhraseSet `lex:"family-carers"`
	// OffenceCommission holds "commission" as the committing of an
	// offence ("in the commission of"): no body
	OffenceCommission *index.PhraseSet `lex:"offence-commission"`
	// OffenceConstituting names an act as the offence's own ("which
	// constitutes the offence")
	OffenceConstituting *index.PhraseSet `lex:"offence-constituting"`
	// ConsentInvalid says a consent is not valid: of the victim only where
	// the clause names a victim or trafficking
	ConsentInvalid *index.PhraseSet `lex:"consent-invalid"`
	// Override opens a clause that sets other law aside ("despite",
	// "notwithstanding", "nonobstant"): a deferral cue after it defers to
	// nothing
	Override *index.PhraseSet `lex:"override"`
	// OffenceQualifier opens a relative clause that restricts "any offence"
	// ("whose elements include …", "relating to …", "dont les éléments …")
	OffenceQualifier *index.PhraseSet `lex:"offence-qualifier"`
	PunishPermit     *index.PhraseSet `lex:"punishment-permission"`
	// names the offence generically ("is not guilty of an offence if …
	// compelled"): as broad as "any offence" unless the same rule also names
	// a narrow class of offences
	NonPunishmentGeneric *index.PhraseSet `lex:"offence-generic"`
	NonPunishmentBroad   *index.PhraseSet `lex:"offence-any"`
	NonPunishmentNarrow  *index.PhraseSet `lex:"offence-narrow"`
	ContraryPunish       *index.PhraseSet `lex:"no-exemption"`
	RestrictCues         *index.PhraseSet `lex:"restriction"`
	FearCues             *index.PhraseSet `lex:"fear"`
	// objects (after the word) or qualifiers (before it) that make a
	// trafficking word trade in goods, influence or migrant smuggling
	GoodsTraffic *index.PhraseSet `lex:"traffic-goods"`
	// trafficking words that are trafficking in persons whatever follows
	// ("trafficking in persons", "traite", "trata")
	PersonTraffic *index.PhraseSet `lex:"trafficking-person"`
	TraiteObject  *index.PhraseSet `lex:"traite-object"`
	// buying or selling a person, any person ("achète ou vend une
	// personne"): with a purpose of exploitation, trafficking
	PersonSale *index.PhraseSet `lex:"person-sale"`
	// mark a short-title clause, whose words name the Act and prove
	// nothing about its content
	CitationCues *index.PhraseSet `lex:"citation"`
	DeferCues    *index.PhraseSet `lex:"deferral"`
	ProvidedBy   *index.PhraseSet `lex:"provided-by"`
	ByRegulation *index.PhraseSet `lex:"set-by-regulation"`
	// names an offence (offence, infraction, delito, Straftat)
	OffenceNoun *index.PhraseSet `lex:"offence-noun"`
	// PenalLaw names a law of offences ("Penal Code", "Strafgesetzbuch")
	PenalLaw map[string]bool `lex:"penal-law-word"`
	// names a law (act, code, ley, loi, Gesetz), for a deferral to it
	LawNoun      *index.PhraseSet `lex:"law-noun"`
	HeadRelated  *index.PhraseSet `lex:"related-offence"`
	HeadSale     *index.PhraseSet `lex:"sale-heading"`
	HeadForced   *index.PhraseSet `lex:"forced-labour"`
	TextSale     *index.PhraseSet `lex:"sale"`
	PenaltyWords *index.PhraseSet `lex:"penalty"`
	HeadDeath    *index.PhraseSet `lex:"death"`
	HeadOrg      *index.PhraseSet `lex:"organised-crime"`
	HeadAggr     *index.PhraseSet `lex:"heading-aggravated"`
	HeadOfficial *index.PhraseSet `lex:"public-official"`
	Concessive   *index.PhraseSet `lex:"concessive"`
	DefinedByRef *index.PhraseSet `lex:"defined-by-reference"`
	Indictment   *index.PhraseSet `lex:"indictment"`
	SummaryTrial *index.PhraseSet `lex:"summary-trial"`
	// the penalty parser's words for the same circumstances, in a list
	// item of an aggravation clause
	CircOrg      *index.PhraseSet `lex:"organised-group"`
	CircOfficial *index.PhraseSet `lex:"official-offender"`
	ForceTerms   *index.PhraseSet `lex:"force"`
	AdultTerms   *index.PhraseSet `lex:"adult"`
	ChildStrict  *index.PhraseSet `lex:"child-noun"`
	DeathText    *index.PhraseSet `lex:"harm"`
	ThisAct      *index.PhraseSet `lex:"this-law"`
	// OffenceAnaphor takes up the offence of the provision before ("the
	// offence", "l'infraction") in a sanction clause of its own
	OffenceAnaphor *index.PhraseSet `lex:"offence-anaphor"`
	// Recidivism names a repeat offence ("En cas de récidive, la peine
	// …"): a sanction clause about it takes up the offence before it too
	Recidivism *index.PhraseSet `lex:"recidivism"`
	// Compulsion says a person acted under compulsion ("compelled"): with
	// slavery or trafficking in the same rule, the person spared is a
	// victim
	Compulsion *index.PhraseSet `lex:"compulsion"`
	// DivisionAnaphor takes up every offence of the division it names
	// ("the offences under this Part", "las conductas descritas en este
	// Capítulo"), not the provision before only
	DivisionAnaphor *index.PhraseSet `lex:"division-anaphor"`
	// ServiceUse names using a person's services or labour
	ServiceUse *index.PhraseSet `lex:"service-use"`
	// ServiceUseGap holds two-word formulas of service use read with words
	// between ("utilise sciemment les services")
	ServiceUseGap *index.PhraseSet `lex:"service-use-gap"`
	// ReportFailure names an offence of failing to report or denounce
	ReportFailure *index.PhraseSet `lex:"report-failure"`
	// ModalLead ends a list lead-in whose items are each a predicate of
	// its subject ("A trafficked person shall —")
	ModalLead *index.PhraseSet `lex:"modal-lead"`
	// OffenceSubject names the author of an offence (whoever, quiconque,
	// wer, el que): a section holding one creates an offence of its own
	OffenceSubject *index.PhraseSet `lex:"offence-subject"`
	SectionOnly    *index.PhraseSet `lex:"this-section"`
	TrafficLink    map[string]bool  `lex:"traffic-link"`
	Conjunction    map[string]bool  `lex:"conjunction"`
	AttemptSo      map[string]bool  `lex:"attempt-back-reference"`
	AttemptTo      map[string]bool  `lex:"attempt-particle"`
	CommitFill     map[string]bool  `lex:"determiner"`
	GermanDeed     map[string]bool  `lex:"deed"`
	AttemptDos     map[string]bool  `lex:"do-verb"`
	HarmAfter      map[string]bool  `lex:"sexual-harm-after"`
	HarmBefore     map[string]bool  `lex:"sexual-harm-before"`
	NegWords       map[string]bool  `lex:"negation"`
	QuantWords     map[string]bool  `lex:"quantity"`
	CondWords      map[string]bool  `lex:"condition"`
	// SubjPronoun opens a sentence that continues the one before ("Il ne
	// peut être poursuivi …" after "L'enfant victime … est …")
	SubjPronoun map[string]bool `lex:"subject-pronoun"`
	// ParaLabel labels an unnumbered paragraph ("Párrafo I.- Si …")
	ParaLabel map[string]bool `lex:"paragraph-label"`
	// a lead-in that announces a list of cases ("in any of the following
	// cases:", "dans les cas suivants :") is a condition its items state
	CondList      *index.PhraseSet `lex:"condition-list"`
	Demonstrative map[string]bool  `lex:"demonstrative"`
	Inclusive     map[string]bool  `lex:"inclusive"`
	NegCondition  map[string]bool  `lex:"negated-condition"`
	// a person already trafficked; what a victim suffered; an offence
	// defined elsewhere; the units of a prison term; grades of a code's scale
	VictimStatus *index.PhraseSet `lex:"victim-status"`
	VictimOf     *index.PhraseSet `lex:"victim-of"`
	// restitution or compensation in a heading or lead-in: what the
	// offender repays, no assistance the State gives
	CompensationContext *index.PhraseSet `lex:"compensation-context"`
	// a victim's sexual past, which a rule of evidence excludes
	SexualHistory *index.PhraseSet `lex:"sexual-history"`
	// "does not include": what follows is excepted from a definition
	DefinitionException *index.PhraseSet `lex:"definition-exception"`
	// what a victim is told about, in a list's lead-in: no measure taken
	InformationContext *index.PhraseSet `lex:"information-context"`
	BaseOffenceRefs    *index.PhraseSet `lex:"offence-reference"`
	PrisonTermUnit     *index.PhraseSet `lex:"prison-term-unit"`
	GradeDuration      *index.PhraseSet `lex:"penalty-grade-duration"`
	GradeQualifier     *index.PhraseSet `lex:"penalty-grade-qualifier"`
	// the degree word of an offence's grade ("felony of the second
	// degree"): a clause that may name one
	OffenceDegree *index.PhraseSet `lex:"offence-grade-degree"`
	GradeName     *index.PhraseSet `lex:"grade-name"`
	GradeCopula   *index.PhraseSet `lex:"grade-copula"`
	Prohibition   *index.PhraseSet `lex:"prohibition"`
	PassiveBar    *index.PhraseSet `lex:"passive-bar"`
	// Classes read over every language (see allCues): verbs of attempt by
	// where the attempted act stands; conjunctions of alternatives; the
	// verbs and negations around a non-liability cue; trafficking words
	// that may be other traffic or a treaty; a clause's negating opening.
	AttemptVerb       *index.PhraseSet `lex:"attempt-verb"`
	AttemptVerbDirect *index.PhraseSet `lex:"attempt-verb-direct"`
	AttemptVerbFinal  map[string]bool  `lex:"attempt-verb-final"`
	AltWords          map[string]bool  `lex:"alternative-word"`
	NonLiabAux        map[string]bool  `lex:"non-liability-auxiliary"`
	GenericSubjVerb   map[string]bool  `lex:"generic-subject-verb"`
	PostposedNeg      map[string]bool  `lex:"postposed-negation"`
	// AgainstWord ends a cue whose object is the person spared
	AgainstWord       map[string]bool  `lex:"against-word"`
	TrafficWord       *index.PhraseSet `lex:"traffic-word"`
	AmbiguousTraffick map[string]bool  `lex:"ambiguous-trafficking-word"`
	TraiteDet         map[string]bool  `lex:"traite-determiner"`
	ClauseNegation    *index.PhraseSet `lex:"clause-negation-opening"`
	// derived from classes read as ordered lists (see newCues)
	sentenceTerm []string // sentence-term, folded, matched as substrings
	ageMarker    []string // age-marker, folded
	age          *ageExpr
	childDefined []string        // child-defined-term, folded
	recidivism   []string        // recidivism, folded, matched as substrings
	exploitDef   []string        // exploitation-defined-term, folded, matched as prefixes
	personWord   []string        // person-word, folded, matched as substrings
	agePerson    []string        // age-person-word, folded, matched as substrings
	periodWord   []string        // period-word, folded, matched as substrings
	ageCond      []string        // age-condition-cue, folded, outer spaces kept, matched as substrings
	quoteAbbrev  map[string]bool // quote-abbreviation, lower case as written
	// all is the cues over every language of the lexicon (itself for the
	// union): the classes read in any language (see allCues) come from it
	all *cues
}

// hasPrefixAny reports whether s begins with one of pres.
func hasPrefixAny(s string, pres []string) bool {
	for _, p := range pres {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// holdsAny reports whether s holds one of subs (none: false).
func holdsAny(s string, subs []string) bool {
	for _, w := range subs {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// ageExpr is the age expression compiled from the lexicon: an age limit
// (age-below), an optional article (age-article) and age noun (age-noun),
// the age in digits or words, an optional "(18)", and a unit (age-unit):
// "under the age of eighteen years", "moins de dix-huit ans", "unter
// achtzehn Jahren", "menor de edad de 18 años". The alternatives of each
// class are tried in the lexicon's order (en, fr, de, es, each in file
// order), so a longer phrase must come before its prefix ("years" before
// "year"). after is the form "under 18 years of age" (age-below-after,
// age-after).
type ageExpr struct {
	starts   []string
	anchored *regexp.Regexp
	noUnit   *regexp.Regexp
	after    *regexp.Regexp
	ordinal  *regexp.Regexp // "achtzehnte Lebensjahr noch nicht vollendet" (age-ordinal-after)
	suffixes []string       // ordinal-suffix
	numbers  map[string]int // number-10 … number-21
}

// cardinal reads an ordinal number word as its cardinal ("achtzehnte" →
// "achtzehn") when stripping an ordinal suffix gives a number word.
func (a *ageExpr) cardinal(w string) string {
	for _, suf := range a.suffixes {
		if c := strings.TrimSuffix(w, suf); c != w {
			if _, ok := a.numbers[c]; ok {
				return c
			}
		}
	}
	return w
}

// Age numbers the lexicon spells out in words (classes number-N).
const minAgeWord, maxAgeWord = 10, 21

func newAgeExpr(l *standard.Lexicon) *ageExpr {
	alt := func(class string) (string, []string) {
		var ps, qs []string
		for _, p := range l.Union(class) {
			ws := index.Words(p)
			w := strings.Join(ws, " ")
			ps = append(ps, w)
			// (an elided article or particle is written with an
			// apostrophe: "n'ayant pas atteint l'âge de")
			if e := elided(ws); e != w {
				ps = append(ps, e)
			}
			for i := range ws {
				ws[i] = regexp.QuoteMeta(ws[i])
			}
			qs = append(qs, strings.Join(ws, sep))
		}
		if len(qs) == 0 {
			return `[^\x00-\x{10FFFF}]`, nil // matches nothing
		}
		return strings.Join(qs, "|"), ps
	}
	below, starts := alt("age-below")
	article, _ := alt("age-article")
	noun, _ := alt("age-noun")
	unit, _ := alt("age-unit")
	belowAfter, _ := alt("age-below-after")
	after, _ := alt("age-after")
	ordinalAfter, _ := alt("age-ordinal-after")
	a := &ageExpr{starts: starts, numbers: map[string]int{},
		// "under eighteen (18) years", "under 18 (eighteen) years": the
		// number repeated in brackets
		anchored: regexp.MustCompile(`^(?:` + below + `)(?:` + sep + `(?:` + article + `))?(?:` + sep + `(?:` + noun + `))?` + sep + `([a-z0-9-]+)(?: \((?:\d+|[a-z]+(?:[ -][a-z]+)?)\))? (?:` + unit + `)`),
		// "under the age of 18": the age noun before a number in digits
		// stands for the unit
		noUnit:   regexp.MustCompile(`^(?:` + below + `)(?:` + sep + `(?:` + article + `))?` + sep + `(?:` + noun + `) (\d{1,2})\b`),
		after:    regexp.MustCompile(`(?:` + belowAfter + `) ([a-z0-9-]+) (?:` + after + `)`),
		ordinal:  regexp.MustCompile(`\b([a-z]+|\d+) (?:` + ordinalAfter + `)`),
		suffixes: foldedUnion(l, "ordinal-suffix")}
	for n := minAgeWord; n <= maxAgeWord; n++ {
		for _, p := range l.Union(fmt.Sprintf("number-%d", n)) {
			a.numbers[index.FoldString(p)] = n
		}
	}
	return a
}

// sep separates the words of an age expression in folded text: a space,
// or the apostrophe of an elided word ("l'âge", "n'ayant").
const sep = `[ '’]`

// elided writes a phrase's single-letter elided words (l, d, n, s, j, m,
// t, c and qu) with their apostrophe, as they stand in the text: "n ayant
// pas atteint" is written "n'ayant pas atteint".
// elisions are the words written with an apostrophe before a vowel.
var elisions = strings.Fields("l d n s j m t c qu")

func elided(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		b.WriteString(w)
		if i+1 < len(ws) {
			if slices.Contains(elisions, w) {
				b.WriteByte('\'')
			} else {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

func foldedUnion(l *standard.Lexicon, class string) []string {
	var out []string
	for _, p := range l.Union(class) {
		out = append(out, index.FoldString(p))
	}
	return out
}

// spacedUnion is foldedUnion keeping one space before and after a phrase
// written with one (" if " is the word if, "cuando" also inside a word).
func spacedUnion(l *standard.Lexicon, class string) []string {
	var out []string
	for _, p := range l.Union(class) {
		f := index.FoldString(strings.TrimSpace(p))
		if strings.TrimLeft(p, " ") != p {
			f = " " + f
		}
		if strings.TrimRight(p, " ") != p {
			f += " "
		}
		out = append(out, f)
	}
	return out
}

type cuesKey struct{}

// newCues binds the classes of lx and derives the list-read ones.
func newCues(lx *index.Lexicon) *cues {
	c := &cues{}
	c.all = c      // a lexicon of one language (langCuesOf) points it at the union
	_ = lx.Bind(c) // CheckLexicon reported missing classes at compile time
	src := lx.Source()
	c.age = newAgeExpr(src)
	c.childDefined = foldedUnion(src, "child-defined-term")
	c.recidivism = foldedUnion(src, "recidivism")
	c.sentenceTerm = foldedUnion(src, "sentence-term")
	c.ageMarker = foldedUnion(src, "age-marker")
	c.exploitDef = foldedUnion(src, "exploitation-defined-term")
	c.personWord = foldedUnion(src, "person-word")
	c.agePerson = foldedUnion(src, "age-person-word")
	c.periodWord = foldedUnion(src, "period-word")
	c.ageCond = spacedUnion(src, "age-condition-cue")
	c.quoteAbbrev = map[string]bool{}
	for _, p := range src.Union("quote-abbreviation") {
		c.quoteAbbrev[strings.ToLower(p)] = true
	}
	return c
}

// langCues holds the checks' classes of one compiled lexicon: over every
// language (for text of unknown language) and in each language alone.
type langCues struct {
	union *cues
	byIdx []*cues // by the lexicon's language index (index.Segment.LangIdx)
}

func langCuesOf(lx *index.Lexicon) *langCues {
	return lx.Ext(func() any {
		lc := &langCues{union: newCues(lx)}
		src := lx.Source()
		for _, lang := range lx.Langs() {
			var c *cues
			if only := src.Only(lang); only != nil {
				c = newCues(index.CompileLexicon(only))
				c.all = lc.union
			} else {
				c = lc.union
			}
			lc.byIdx = append(lc.byIdx, c)
		}
		return lc
	}).(*langCues)
}

// cuesOf returns the classes of the lexicon ix was built with, over every
// language: for text whose language is not known.
func cuesOf(ix *index.Index) *cues { return langCuesOf(ix.Lex).union }

// sectionCues returns the classes in the language of a section (that of
// its first segment), for reading its heading.
func sectionCues(ix *index.Index, sec *statute.Provision) *cues {
	if segs := ix.BySection[sec]; len(segs) > 0 {
		return cuesFor(segs[0])
	}
	return cuesOf(ix)
}

// allCues returns the classes of the lexicon s was indexed with over every
// language, for the classes whose words count in any provision (a
// conjunction "o" or "ou", "tente", "nicht": the checks read them so
// before they were data, and still do).
func allCues(s *index.Segment) *cues { return cuesFor(s).all }

// cuesFor returns the classes in the segment's own language, so that a
// word of another language (Spanish "no" in "no person shall", English
// "organ" in "organización") is never read as a cue; a language without a
// lexicon gets the union.
func cuesFor(s *index.Segment) *cues {
	lc := langCuesOf(s.Index().Lex)
	if i := int(s.LangIdx); i >= 0 && i < len(lc.byIdx) {
		return lc.byIdx[i]
	}
	return lc.union
}

type penaltyKey struct{}

// PenaltyLexicon returns the penalty vocabulary (penalty.Lexicon) of the
// lexicon ix was built with, compiled once per lexicon. It is nil only for
// a lexicon CheckLexicon rejects.
func PenaltyLexicon(ix *index.Index) *penalty.Lexicon {
	return ix.Lex.Memo(penaltyKey{}, func() any {
		pl, _ := penalty.NewLexicon(ix.Lex.Source()) // CheckLexicon reported its error at compile time
		return pl
	}).(*penalty.Lexicon)
}

// CheckLexicon reports whether lx has every class the index, the checks
// and the penalty parser read; an engine compiled with a lexicon that lacks
// one would read those classes as empty.
func CheckLexicon(lx *index.Lexicon) error {
	if err := lx.Check(); err != nil {
		return err
	}
	if _, err := penalty.NewLexicon(lx.Source()); err != nil {
		return err
	}
	if err := lx.Lacks(&cues{}, lexListClasses()...); err != nil {
		return err
	}
	if err := lx.Bind(&cues{}); err != nil {
		return err
	}
	return oneWordPhrases(lx.Source())
}

// oneWordClasses are phrase classes the checks match against one token
// (a "*" may end the word): a phrase of several words would never match.
var oneWordClasses = []string{"attempt-verb", "attempt-verb-direct", "traffic-word"}

// oneWordPhrases reports the phrases of oneWordClasses that are not one
// word, naming the language file (the compiled lexicon keeps no lines).
func oneWordPhrases(l *standard.Lexicon) error {
	var bad []string
	for _, lang := range l.Languages() {
		only := l.Only(lang)
		for _, class := range oneWordClasses {
			for _, p := range only.Union(class) {
				if len(index.Words(p)) != 1 {
					bad = append(bad, fmt.Sprintf("lexicon %s.yaml: phrase %q of class %q is not one word, expected one word (a \"*\" may end it): the checks read the class one token at a time", lang, p, class))
				}
			}
		}
	}
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "\n"))
	}
	return nil
}

// lexListClasses are the classes read as ordered lists rather than bound.
func lexListClasses() []string {
	cs := []string{"age-below", "age-article", "age-noun", "age-unit", "age-below-after", "age-after",
		"child-defined-term", "recidivism", "sentence-term", "age-marker",
		"exploitation-defined-term", "person-word", "age-person-word", "period-word",
		"age-condition-cue", "quote-abbreviation"}
	for n := minAgeWord; n <= maxAgeWord; n++ {
		cs = append(cs, fmt.Sprintf("number-%d", n))
	}
	return cs
}
