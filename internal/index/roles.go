package index

import (
	"github.com/lacuna-project/lacuna/internal/statute"
)

// roleCues are the lexicon classes that give a provision a role, and the
// other classes the index reads, in one language: a segment is read with
// the cues of its own language (decided per provision), so a word of
// another language never gives a role.
type roleCues struct {
	HeadDefinition    *PhraseSet `lex:"heading-definition"`
	HeadOffence       *PhraseSet `lex:"heading-offence"`
	HeadProtection    *PhraseSet `lex:"heading-protection"`
	HeadInstitutional *PhraseSet `lex:"heading-institutional"`
	HeadProcedural    *PhraseSet `lex:"heading-procedural"`
	TextOffence       *PhraseSet `lex:"offence-creating"`
	// two words creating an offence with words between them ("wird nach
	// Maßgabe des … bestraft")
	TextOffenceGap    *PhraseSet `lex:"offence-creating-gap"`
	TextPenalty       *PhraseSet `lex:"penalty-noun"`
	TextInstitutional *PhraseSet `lex:"institutional"`
	TextProtection    *PhraseSet `lex:"protected-person"`
	TextProcedural    *PhraseSet `lex:"procedural"`
	// Ban forbids an act outright ("le travail forcé est interdit", "se
	// prohíbe el trabajo forzoso"): with a sanction in another provision
	// that refers to it, an offence
	Ban        *PhraseSet `lex:"ban"`
	NonOpHeads *PhraseSet `lex:"non-operative-heading"`
	NonOpText  *PhraseSet `lex:"non-operative-text"`
	AdviseText *PhraseSet `lex:"advisory"`
	// DefLeadWords open a list of definitions ("on entend par :")
	DefLeadWords *PhraseSet `lex:"definition-lead"`
	// DefVerbs: one of them is in every definition (a memoised prefilter).
	DefVerbs *PhraseSet `lex:"definition-verb"`
	// RefWords: without one a segment holds no reference (a cheap,
	// memoised prefilter for the reference regexes).
	RefWords     *PhraseSet `lex:"reference-word"`
	ArticleWords *PhraseSet `lex:"article-word"`
	// Conjunctions join the alternatives of a defined term ("niño, niña o
	// adolescente": each alternative is defined too).
	Conjunctions map[string]bool `lex:"conjunction"`
	// PersonTerms are defined terms naming persons: a definition of
	// "child" by reference to another law decides the age question only
	// (checked by the child-age check), not every provision that protects
	// children.
	PersonTerms map[string]bool `lex:"person-term"`
}

type roleCuesKey struct{ lang string }

// cues returns the index's classes over every language, bound once per
// lexicon: for text whose language is not known (a defined term).
func (ix *Index) cues() *roleCues { return ix.cuesFor("") }

// cuesFor returns the classes in lang ("" for the union), bound once per
// lexicon and language. The languages of the index are looked up in a
// table filled when it is built (no allocation per segment).
func (ix *Index) cuesFor(lang string) *roleCues {
	if c, ok := ix.langCues[lang]; ok {
		return c
	}
	return ix.bindCues(lang)
}

func (ix *Index) bindCues(lang string) *roleCues {
	return ix.Lex.Memo(roleCuesKey{lang}, func() any {
		c := &roleCues{}
		if lang == "" {
			_ = ix.Lex.Bind(c) // Check reported missing classes at compile time
		} else {
			_ = ix.Lex.BindLang(c, lang)
		}
		return c
	}).(*roleCues)
}

// cues returns the classes in the segment's language.
func (s *Segment) cues() *roleCues {
	if i := int(s.LangIdx); i >= 0 && i < len(s.ix.roleByIdx) {
		return s.ix.roleByIdx[i]
	}
	return s.ix.cuesFor(s.Lang)
}

func headTokens(p *statute.Provision) []Token {
	if p == nil || p.Heading == "" {
		return nil
	}
	f, _ := FoldSparse(p.Heading)
	return Tokenize(f)
}

// headingRoles classifies a section by its own heading and the headings of
// its divisions.
func headingRoles(sec *statute.Provision, c *roleCues, headToks func(*statute.Provision) []Token) RoleSet {
	var rs RoleSet
	own := headToks(sec)
	classify := func(toks []Token) RoleSet {
		var r RoleSet
		if c.HeadDefinition.Any(toks) {
			r |= bitDefinition
		}
		inst := c.HeadInstitutional.Any(toks)
		if inst {
			r |= bitInstitutional
		}
		prot := c.HeadProtection.Any(toks)
		if prot {
			r |= bitProtection
		}
		if c.HeadProcedural.Any(toks) {
			r |= bitProcedural
		}
		// ("Del derecho a la protección contra la explotación": the
		// offence word names what the victim is protected from)
		if !inst && !prot && c.HeadOffence.Any(toks) {
			r |= bitOffence
		}
		return r
	}
	rs |= classify(own)
	// The nearest division heading adds context ("Part IV — Protection of
	// victims"), but never makes a section an offence by itself.
	for q := sec.Parent; q != nil; q = q.Parent {
		if q.Heading != "" {
			rs |= classify(headToks(q)) &^ (bitOffence | bitDefinition)
			break
		}
	}
	return rs
}

// offenceGap is the most words offence-creating-gap lets between its two
// words.
const offenceGap = 8

// textRoles classifies one segment by cue phrases in its text.
func textRoles(s *Segment, c *roleCues) RoleSet {
	var rs RoleSet
	off := s.Has(c.TextOffence) || c.TextOffenceGap.AnyWithGap(s.Toks, offenceGap)
	if off {
		rs |= bitOffence
		if s.Has(c.TextPenalty) {
			rs |= bitPenalty
		}
	}
	if s.Has(c.TextInstitutional) {
		rs |= bitInstitutional
	}
	if !off && s.Has(c.TextProtection) {
		rs |= bitProtection
	}
	if s.Has(c.TextProcedural) {
		rs |= bitProcedural
	}
	return rs
}

// pathTexts returns the folded tokens of the segment and of the own text of
// each ancestor up to its section.
func pathTexts(s *Segment) [][]Token {
	out := [][]Token{s.Toks}
	for p := s.Prov.Parent; p != nil; p = p.Parent {
		if p.Text != "" {
			if s.ix != nil {
				out = append(out, s.ix.ProvToks(p))
			} else {
				f, _ := FoldSparse(p.Text)
				out = append(out, Tokenize(f))
			}
		}
		if p == s.Section {
			break
		}
	}
	return out
}

func advisory(s *Segment) bool { return pathHas(s, s.cues().AdviseText) }

// pathHas reports whether the segment or the own text of an ancestor up to
// its section holds a phrase of ps; ancestors' answers are memoised.
func pathHas(s *Segment, ps *PhraseSet) bool {
	if s.Has(ps) {
		return true
	}
	for p := s.Prov.Parent; p != nil; p = p.Parent {
		if p.Text != "" && s.ix != nil && s.ix.provHas(ps, p) {
			return true
		}
		if p == s.Section {
			break
		}
	}
	return false
}
