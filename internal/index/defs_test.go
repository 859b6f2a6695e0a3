package index

import "testing"

func TestLawNameStopsAfterGermanCompound(t *testing.T) {
	for in, want := range map[string]string{
		"Strafgesetzbuches verletzt worden ist":           "Strafgesetzbuches",
		"Aufenthaltsgesetzes erteilt wird":                "Aufenthaltsgesetzes",
		"Gesetz über den Aufenthalt der Ausländer":        "Gesetz über den Aufenthalt der Ausländer",
		"Strafprozessordnung, soweit nichts anderes gilt": "Strafprozessordnung",
		"the Evidence Act (Cap. 80)":                      "Evidence Act (Cap. 80)",
	} {
		if got := lawName(in, mustDefault().lawGrammar()); got != want {
			t.Errorf("lawName(%q) = %q, want %q", in, got, want)
		}
	}
}

// "by any means" is the noun means: no unquoted term ends with a
// determiner, so a clause that uses the phrase defines nothing; and a
// clause that is "punished as" an accomplice creates an offence.
func TestByAnyMeansDefinesNothing(t *testing.T) {
	ix := build(t, "---\nid: xta/test-act\ncountry: XTA\ntitle: \"Test Act\"\nlanguage: en\nversion_date: \"2020-01-01\"\n---\n\n# Test Act\n\n"+
		"### 7 Helpers\n\nWhoever knowingly and by any means gives help to the commission of an offence by another person is punished as an accomplice.\n\n"+
		"### 8 Interpretation\n\nChild means a person under eighteen years of age.\n")
	var helpers, interp *Segment
	for _, s := range ix.Segments {
		switch s.Prov.ID {
		case "s7":
			helpers = s
		case "s8":
			interp = s
		}
	}
	if helpers == nil || interp == nil {
		t.Fatalf("segments not found: %v %v", helpers, interp)
	}
	if len(helpers.Defines) != 0 {
		t.Errorf("s7 defines %q, want nothing", helpers.Defines)
	}
	if !helpers.Roles.Has("offence") {
		t.Errorf("s7 roles %v, want the offence role", helpers.Roles.Roles())
	}
	if len(interp.Defines) != 1 || interp.Defines[0] != "child" {
		t.Errorf("s8 defines %q, want [child]", interp.Defines)
	}
}

// TestQualifiedQuotedTerm: a short qualifier between commas may stand
// between a quoted term and its verb.
func TestQualifiedQuotedTerm(t *testing.T) {
	ix := build(t, "---\nid: xta/test-act\ncountry: XTA\ntitle: \"Test Act\"\nlanguage: en\nversion_date: \"2020-01-01\"\n---\n\n# Test Act\n\n"+
		"### 2 Interpretation\n\nIn this Act—\n\n\"carer\", in relation to a young person, includes anyone who looks after that young person;\n\n\"worker\" means a person employed under a contract;\n")
	got := map[string]bool{}
	for _, s := range ix.Segments {
		for _, d := range s.Defines {
			got[d] = true
		}
	}
	for _, w := range []string{"carer", "worker"} {
		if !got[w] {
			t.Errorf("%q not defined; defined: %v", w, got)
		}
	}
}
