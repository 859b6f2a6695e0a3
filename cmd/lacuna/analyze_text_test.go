package main

import (
	"context"
	"regexp"
	"testing"
)

// TestAnalyzeTextPenalties checks that the text penalty table reads as a
// lawyer writes it: each offence beside its statute and provision, terms
// in years, life imprisonment and fine-instead-of-prison as yes/no (JSON
// keeps the booleans).
func TestAnalyzeTextPenalties(t *testing.T) {
	io, out, errOut := testIO()
	if code := run(context.Background(), []string{"analyze", "--country", "XEA"}, []string{"NO_COLOR=1"}, io); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, re := range []string{
		`(?m)^STATUTE +PROVISION +OFFENCE +VARIANT +MIN +MAX +LIFE +FINE INSTEAD$`,
		`(?m)^xea/ctip-act +s3\(5\) +trafficking +basic +10 years +20 years +no +no$`,
		`(?m)^xea/ctip-act +s4\(2\) +trafficking +death +— +— +yes +no$`,
		`(?m)^xea/employment-recruitment-act +s7\(2\) +forced_labour +basic +— +10 years +no +yes$`,
	} {
		if !regexp.MustCompile(re).MatchString(out.String()) {
			t.Errorf("analyze --country XEA: no line matches %s", re)
		}
	}
	if regexp.MustCompile(`(?m) (true|false)$`).MatchString(out.String()) {
		t.Errorf("the penalty table shows Go booleans, want yes/no")
	}
}
