package match

import (
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
)

// Attempt words of the map ("attempt*", "tentative", "Versuch", "tentativa")
// prove that attempting the offence is punishable only when the attempt is
// of an offence: "attempts to commit an offence under this Act", "attempts
// to violate section 1591", "Attempt to commit any of the offences", "or
// attempts to do so" in a trafficking offence, "La tentative des délits …
// est punie", "Der Versuch ist strafbar", "la tentativa … será castigada".
// Attempting something else ("attempts to initiate adoption proceedings",
// "attempts to obstruct", "an attempt to kidnap") is another offence.
var (
// commit needs an offence as its object ("attempts to commit an
// offence", "any of the offences"), not another crime named in full
// ("an attempt to commit aggravated sexual abuse"): these words may
// stand between them.
)

// AttemptOfOffence reports whether an attempt word at h makes attempting an
// offence punishable (see the class attempt-object).
func AttemptOfOffence(h Hit) bool {
	cu := cuesFor(h.Seg)
	s := h.Seg
	n := len(s.Toks)
	if h.I >= n || h.J > n || h.J <= h.I {
		return false
	}
	// the verb form: "attempt(s|ing) to X", "tente de X", "intentare X"
	w := s.Toks[h.I].Word
	all := allCues(s)
	first := s.Toks[h.I : h.I+1]
	particle := all.AttemptVerb.Any(first) // "attempt(s|ing) to X", "tente de X"
	k, verb := h.J, false
	switch {
	case particle && k < n && cu.AttemptTo[s.Toks[k].Word] && !clauseBreak(s, k-1, k):
		verb, k = true, k+1
	case cu.AttemptTo[s.Toks[h.J-1].Word] || all.AttemptVerbDirect.Any(first):
		// the map's term holds the "to"/"de" itself ("tente de")
		verb = true
	case all.AttemptVerbFinal[w]:
		// German puts the attempted act before the verb: "wer eine solche
		// Tat zu begehen versucht"
		for k := h.I - 1; k >= 0 && k >= h.I-4 && !clauseBreak(s, k, k+1); k-- {
			if cu.AttemptVerbObj.Any(s.Toks[k:k+1]) || cu.GermanDeed[s.Toks[k].Word] {
				return true
			}
		}
		return false
	}
	if !verb && particle && k < n && strings.Contains(s.Fold[s.Toks[k-1].End:s.Toks[k].Start], ",") {
		// "attempts, conspires with any other person or incites … another
		// person to commit an offence": the verbs of a list share one object
		_, end := sentenceBounds(s, h.I)
		for j := k; j+1 < end && j < k+30; j++ {
			if cu.AttemptTo[s.Toks[j].Word] && cu.CommitVerb.Any(s.Toks[j+1:j+2]) {
				return committedOffence(s, j+2)
			}
			// "attempts, assists, abets … or conspires with others for,
			// the commission of the crime of trafficking": the object is
			// the commission of an offence
			// (not the sentence's own formula: "attempts, aids or abets in
			// breaking the seal, commits an offence" attempts the breaking)
			if cu.CommitVerb.Any(s.Toks[j:j+1]) && !cu.CommitVerb.Any(s.Toks[j-1:j]) && j+1 < end && objectFrom(cu, s, j+1) && !clauseBreak(s, j, j+1) &&
				!cu.OffenceWords.Any(s.Toks[j:min(j+3, end)]) {
				return true
			}
		}
	}
	if verb {
		if k >= n {
			return false
		}
		if cu.CommitVerb.Any(s.Toks[k : k+1]) {
			return committedOffence(s, k+1)
		}
		if cu.AttemptVerbObj.Any(s.Toks[k : k+1]) {
			return true
		}
		// "attempts to do the act … which constitutes the offence": the
		// act is the offence's
		if cu.AttemptDos[s.Toks[k].Word] {
			_, end := sentenceBounds(s, k)
			if j := min(end, k+14); k+1 < j && cu.OffenceConstituting.Any(s.Toks[k+1:j]) {
				return true
			}
		}
		if cu.AttemptDos[s.Toks[k].Word] && k+1 < n && cu.AttemptSo[s.Toks[k+1].Word] {
			// "or attempts to do so": the attempt of what the sentence
			// makes an offence, which counts when that is trafficking
			return hasTraffick(s) || (actCount(s) >= 2 && s.Has(cu.ExploitTerms))
		}
		return false
	}
	// the noun form: an offence or sanction word in the same clause, within
	// eight words
	for k := h.I - 1; k >= 0 && k >= h.I-8 && !clauseBreak(s, k, k+1); k-- {
		if cu.AttemptOffenceCtx.Any(s.Toks[k : k+1]) {
			return true
		}
	}
	for k := h.J; k < n && k < h.J+8 && !clauseBreak(s, k-1, k); k++ {
		if cu.AttemptOffenceCtx.Any(s.Toks[k:k+1]) || cu.AttemptVerbObj.Any(s.Toks[k:k+1]) {
			return true
		}
	}
	return false
}

// committedOffence reports whether the words from k name an offence (after
// articles and determiners), or the clause ends there ("attempts to
// commit;" in a list whose lead-in names the offence).
func committedOffence(s *index.Segment, k int) bool {
	cu := cuesFor(s)
	// "attempts to commit, or abets or conspires in, an offence", "attempts
	// to commit, or aids, abets or counsels the commission of, an offence":
	// a parenthetical list between the verb and its object is skipped, up
	// to the comma after which the object follows
	if k < len(s.Toks) && k > 0 && commaBefore(s, k) {
		for m := k + 1; m < len(s.Toks) && m <= k+24 && !clauseBreak(s, m-1, m); m++ {
			if commaBefore(s, m) && objectFrom(cu, s, m) {
				return true
			}
		}
		// "attempts to commit, abets or conspires to commit an offence":
		// the last inserted verb repeats "commit" before the object
		for m := k + 1; m < len(s.Toks) && m <= k+24 && !clauseBreak(s, m-1, m); m++ {
			if cu.CommitVerb.Any(s.Toks[m:m+1]) && objectFrom(cu, s, m+1) {
				return true
			}
		}
		for m := k + 1; m < len(s.Toks) && m <= k+8 && !clauseBreak(s, m-1, m); m++ {
			if commaBefore(s, m) {
				k = m
				break
			}
		}
	}
	if objectFrom(cu, s, k) || k >= len(s.Toks) {
		return true
	}
	// "attempts to commit or performs any act aimed at participating in
	// the commission of an offence": a coordinated verb, then the
	// commission of the offence both share
	for m := k; m+1 < len(s.Toks) && m <= k+16 && !clauseBreak(s, m, m+1); m++ {
		if cu.CommitVerb.Any(s.Toks[m:m+1]) && objectFrom(cu, s, m+1) {
			return true
		}
	}
	return false
}

// objectFrom reports whether the words from k name an offence (after
// articles and determiners) or the clause ends there.
func objectFrom(cu *cues, s *index.Segment, k int) bool {
	for ; k < len(s.Toks); k++ {
		if clauseBreak(s, k-1, k) {
			return true
		}
		if cu.CommitObj.Any(s.Toks[k : k+1]) {
			return true
		}
		if !cu.CommitFill[s.Toks[k].Word] {
			return false
		}
	}
	return true
}

// commaBefore reports whether a comma separates token k from the one
// before it.
func commaBefore(s *index.Segment, k int) bool {
	return strings.Contains(s.Fold[s.Toks[k-1].End:s.Toks[k].Start], ",")
}
