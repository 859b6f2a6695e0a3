// Package penalty extracts penalty facts from offence text: imprisonment
// minimum and maximum in months (years, months, weeks; digits or words in
// English, French, German and Spanish), life imprisonment, fines with amount
// and currency, whether a fine can replace imprisonment, and aggravated
// variants. It is pure: text in, typed facts out.
//
// Its vocabulary is data: every word it reads (penalty nouns and verbs, the
// glue of a sanction phrase, qualifiers, units, number words, currencies,
// variant cues, offence words and labels) is a class of the lexicon
// (mapping/lexicon, docs/lexicon-format.md), compiled by NewLexicon into a
// Lexicon whose methods are the entry points below. The engine compiles the
// map's lexicon, --lexicon overlay included; the package-level functions of
// the same names use the embedded one (MustDefault). It imports only
// internal/standard (the lexicon, embedded one included) from this module.
//
// Main entry points (methods of Lexicon, and functions over the embedded
// one):
//
//   - Parse / ParseFor: every sanction statement of one clause, as []Penalty
//     with byte offsets for quoting.
//   - Classify: a heuristic guess whether a provision's conduct is
//     trafficking, sale of children, forced labour or a related offence.
//   - ParseNumber / ParseDuration: numbers in digits or words ("dix-huit",
//     "achtzehn", "dieciocho", "thirty million"), optionally with a unit of
//     time ("thirty days", "dix-huit ans"), for child ages and reflection
//     periods; Quantities finds every such number in running text.
//   - DetectVariant: the aggravating circumstances stated in any text (a
//     heading, a chapeau), read as Parse reads a sanction's sentence.
//   - Months: the imprisonment range of a Penalty as numbers.
//   - ResolveRelative: the terms of a relative sanction ("la pena superior
//     en grado", "de un tercio a la mitad", "réduite de moitié", "twice the
//     punishment", "an additional two years of imprisonment"), which Parse
//     reports with Penalty.Relative set and no terms, computed from the base
//     sanction the caller finds.
//   - SplitProcedures: the indictment/summary rule over the sanctions of
//     one provision (Parse applies it within one text).
//   - Label: the offence a row punishes as its provision names it
//     (forced_prostitution, slavery, servitude …), refining Classify.
//   - FormatTerm: a term in months written as years, months and days.
//
// How text is read. The text is split into tokens (words folded to lower
// case without diacritics, numbers with thousands separators merged, a few
// punctuation marks). A sanction statement is a maximal run of tokens that
// can belong to a sanction phrase (glue words such as "for a term of",
// "not less than", "von … bis zu", "de … a", number words, units, currency
// words, connectors) holding an imprisonment or fine word. Anything else
// ("wer", "upon subsequent conviction", "in den Fällen des Absatzes 3")
// ends the run, which is how two sanctions in one sentence stay apart.
//
// Inside a run, qualifiers set the role of the next number: minimum ("not
// less than", "nicht unter", "no menor de", "a minimum punishment of …"),
// maximum ("not exceeding", "may extend to", "bis zu", "jusqu'à", "hasta")
// or a range ("von X bis zu Y", "de X a Y años", "between X and Y"). A bare
// term ("sept ans d'emprisonnement", "imprisonment for five years") is the
// maximum, as in every drafting tradition we read. Units: a year is 12
// months, a week 1/4.345 month and a day 12/365.25 month, rounded to two
// decimals. A duration belongs to the imprisonment word unless it is tied to
// a fine word ("multa de seis a doce meses" is a day-fine, not prison).
//
// Fines: "or", "oder", "ou", "o" as the connector nearest the fine word, or
// "or both" anywhere, make the fine an alternative; "and", "und", "et",
// "y", "and shall also be liable" make it cumulative. "Without the option of
// a fine" removes the fine. Currencies become ISO 4217 codes where the word
// settles it (ringgit → MYR, € → EUR, "Kenya shillings" → KES); otherwise
// they stay as written ("shillings", "rupees", "$") unless ParseFor is given
// the country.
//
// Variants come from the sentence around the statement (cut at the
// neighbouring statements; a sentence opening with "Elle"/"It" takes in the
// one before): child victim (child, minor, Kind, mineur, menor, or an age
// of at most 18), death (death, Tod, mort, muerte, but not "risk of
// death"), organised group, public official, other aggravation (torture,
// kidnapping, "aggravating", or a conditional sanction clause — "wenn",
// "lorsque", "cuando", "if" — in a sentence that does not itself define the
// offence with "wer", "whoever", "quiconque", "el que"). Mitigated ("in
// minder schweren Fällen", "réduite de moitié"; a cue after a clause break
// governs only what follows it), repeat-conviction ("on a second or
// subsequent conviction", "im Wiederholungsfall", "en cas de récidive", "en
// caso de reincidencia": subsequent_conviction) and legal-person ("body
// corporate", "personne morale") sanctions get their own variants, which
// take precedence over aggravations. The mode of trial ("on conviction on
// indictment", "on summary conviction") is Penalty.Procedure; a summary
// sanction beside an indictment one is summary_conviction. A term imposed in default of paying a fine is not a
// sanction of the offence and is dropped.
//
// Cost: a one-pass, allocation-free prefilter skips texts with no sanction
// word; other texts are tokenized once (lexicon flags looked up once per
// word) and scanned in time linear in their length (sanction phrases are
// capped at maxChain tokens; sentence facts are computed once).
package penalty
