package standard

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// InstrumentKinds lists the allowed instrument kinds.
var InstrumentKinds = []InstrumentKind{KindTreaty, KindRegional, KindBenchmark}

// Roles lists the allowed provision roles.
var Roles = []Role{RoleDefinition, RoleOffence, RolePenalty, RoleProtection, RoleInstitutional, RoleProcedural, RoleAny}

// RatificationStatuses lists the allowed ratification statuses.
var RatificationStatuses = []RatificationStatus{StatusParty, StatusSignatory, StatusNotParty, StatusUnknown}

func in[T comparable](set []T, v T) bool {
	for _, x := range set {
		if x == v {
			return true
		}
	}
	return false
}

// joinSet lists a closed set for messages: "a, b, c".
func joinSet[T ~string](set []T) string {
	parts := make([]string, len(set))
	for i, v := range set {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}

// Valid reports whether p is one of Pillars.
func (p Pillar) Valid() bool { return in(Pillars, p) }

// Valid reports whether k is one of InstrumentKinds.
func (k InstrumentKind) Valid() bool { return in(InstrumentKinds, k) }

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return in(Roles, r) }

// Valid reports whether k is one of CriterionKinds.
func (k CriterionKind) Valid() bool { return in(CriterionKinds, k) }

// Valid reports whether k is one of CheckKinds.
func (k CheckKind) Valid() bool { return in(CheckKinds, k) }

// Valid reports whether s is one of RatificationStatuses.
func (s RatificationStatus) Valid() bool { return in(RatificationStatuses, s) }

// Fold lower-cases s and removes diacritics (é→e, ä→a, ß→ss), the folding
// that term matching applies to both statute text and map terms.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ß':
			b.WriteString("ss")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TermWords splits a folded term into its words; a word may end in "*"
// (a prefix). ok is false when the term is unusable, with a reason.
func TermWords(term string) (words []string, reason string) {
	f := Fold(term)
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(f)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(cur) > 0 && cur[len(cur)-1] == '*' {
				return nil, "has * inside a word"
			}
			cur = append(cur, r)
		case r == '*':
			if len(cur) == 0 {
				return nil, "has * without a word stem before it"
			}
			if len(cur) > 0 && cur[len(cur)-1] == '*' {
				return nil, "has ** in a word"
			}
			cur = append(cur, r)
			if i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1])) {
				return nil, "has * inside a word"
			}
		default:
			flush()
		}
	}
	flush()
	if len(words) == 0 {
		return nil, "has no letters or digits"
	}
	return words, ""
}

// checkTerm returns "" for a usable term, else what is wrong with it.
func checkTerm(t string) string {
	_, reason := TermWords(t)
	return reason
}
