package reason

import (
	"fmt"
	"sort"
	"strings"
)

// Args are a reason's named arguments. Values are strings, ints, float64s
// or lists of strings; a reason read back from JSON has float64 numbers
// and []any lists, which render the same way.
type Args map[string]any

// Reason is a stable code with its arguments; Also holds qualifiers of the
// same sentence (e.g. permissive wording), rendered after it in
// parentheses. The zero Reason has no code and renders as "".
type Reason struct {
	Code string   `json:"code"`
	Args Args     `json:"args,omitempty"`
	Also []Reason `json:"also,omitempty"`
}

// New returns the reason code with args (nil when it takes none).
func New(code string, args Args) Reason { return Reason{Code: code, Args: args} }

// With returns r with the qualifier q appended to Also (r is not changed).
func (r Reason) With(q Reason) Reason {
	also := make([]Reason, len(r.Also), len(r.Also)+1)
	copy(also, r.Also)
	r.Also = append(also, q)
	return r
}

// Has reports whether r or one of its qualifiers has the code.
func (r Reason) Has(code string) bool {
	if r.Code == code {
		return true
	}
	for _, q := range r.Also {
		if q.Has(code) {
			return true
		}
	}
	return false
}

// IsZero reports whether r has no code.
func (r Reason) IsZero() bool { return r.Code == "" && len(r.Also) == 0 }

// value formats one argument for a sentence in lang: numbers as %v (so
// 5.0 is "5", like %g) with a decimal comma in French and Spanish
// ("0,5"), lists joined with "; ".
func value(v any, lang string) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case int, int64:
		return fmt.Sprint(x), nil
	case float64:
		s := fmt.Sprint(x)
		if decimalComma[lang] {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s, nil
	case []string:
		return strings.Join(x, "; "), nil
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return "", fmt.Errorf("list item %d is %T, expected a string", i, e)
			}
			parts[i] = s
		}
		return strings.Join(parts, "; "), nil
	}
	return "", fmt.Errorf("value of type %T, expected a string, a number or a list of strings", v)
}

// decimalComma lists the languages that write 0.5 as "0,5".
var decimalComma = map[string]bool{"fr": true, "es": true}

// sortedKeys returns the keys of a, sorted.
func sortedKeys(a Args) []string {
	ks := make([]string, 0, len(a))
	for k := range a {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
