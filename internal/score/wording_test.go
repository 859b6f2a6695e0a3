package score

import "testing"

// TestRequirementWordings checks requirements against wordings of
// traditions the map first missed or misread, each on a statute written for
// the test: the verdict a lawyer would give.
func TestRequirementWordings(t *testing.T) {
	e := embeddedEngine(t)
	for _, tc := range []struct {
		name, lang, body, req string
		want                  Verdict
	}{
		{"fr reintegration in the family (adjective)", "fr", "### Article 16 : Prise en charge\n\nL'enfant victime de traite bénéficie d'un hébergement provisoire, de soins médicaux et d'un soutien psychologique, en vue de sa réinsertion familiale, scolaire ou professionnelle.\n",
			"prot.child-reintegration", Met},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := analyzeText(t, e, tc.lang, "Loi", tc.body)
			for _, f := range res.Findings {
				if f.Requirement == tc.req {
					if f.Verdict != tc.want {
						t.Errorf("%s: %s, want %s (%s)", tc.req, f.Verdict, tc.want, f.Explanation)
					}
					return
				}
			}
			t.Fatalf("no finding for %s", tc.req)
		})
	}
}
