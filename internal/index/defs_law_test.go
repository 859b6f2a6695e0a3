package index

import "testing"

// TestExternalLawRoundTrip: the English name of a provision outside the
// corpus reads back into its parts; other law names do not.
func TestExternalLawRoundTrip(t *testing.T) {
	for _, tc := range []struct{ prov, st string }{{"art113-6", "Code pénal (Valcourt)"}, {"s. 12", "Children Act of 2001"}} {
		p, s, ok := ParseExternalLaw(ExternalLaw(tc.prov, tc.st))
		if !ok || p != tc.prov || s != tc.st {
			t.Errorf("%q, %q: got %q, %q, %v", tc.prov, tc.st, p, s, ok)
		}
	}
	for _, s := range []string{"Children Act (Cap. 141)", " of X (not in the corpus)", "the sentencing provisions for the grade of offence"} {
		if _, _, ok := ParseExternalLaw(s); ok {
			t.Errorf("%q parsed as an external law", s)
		}
	}
}
