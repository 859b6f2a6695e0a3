package penalty

import "testing"

// TestOffenceGrades: the general part gives each grade of offence its
// sanction; an offence that states only its grade takes it, with the
// variant its own sentence gives; a sentence with a sanction of its own
// keeps it.
func TestOffenceGrades(t *testing.T) {
	lx := MustDefault()
	sc := OffenceScale{}
	for _, g := range []string{
		"(a) An individual adjudged guilty of a felony of the first degree shall be punished by imprisonment for life or for any term of not more than 50 years or less than 10 years.",
		"(a) An individual adjudged guilty of a felony of the third degree shall be punished by imprisonment for any term of not more than 8 years or less than 1 year.",
		"(b) In addition to imprisonment, an individual adjudged guilty of a felony of the third degree may be punished by a fine not to exceed $5,000.",
	} {
		lx.LearnGrades(sc, g, "en", "")
	}
	if len(sc) != 2 {
		t.Fatalf("learnt %d grades, want 2: %v", len(sc), sc)
	}
	for _, c := range []struct {
		text     string
		min, max float64
		life     bool
		v        Variant
	}{
		{"An offense under this section is a felony of the third degree.", 12, 96, false, VariantBasic},
		{"If the victim is a child, an offense under this section is a felony of the first degree.", 120, 600, true, VariantChild},
		{"An offense under this section is a felony of the second degree.", none, none, false, ""},
		{"An offense under this section is a felony of the third degree, punishable by imprisonment for any term of not more than 9 years.", none, 108, false, VariantBasic},
	} {
		ps := lx.ParseGraded(c.text, "en", "", sc)
		if c.v == "" {
			if len(ps) != 0 {
				t.Errorf("%q: parsed %s, want nothing (a grade the scale lacks)", c.text, describe(ps[0]))
			}
			continue
		}
		if len(ps) != 1 {
			t.Errorf("%q: parsed %d sanctions, want 1", c.text, len(ps))
			continue
		}
		p := ps[0]
		if fmtPtr(p.MinMonths) != fmtPtr(ptrOrNil(c.min)) || fmtPtr(p.MaxMonths) != fmtPtr(ptrOrNil(c.max)) || p.Life != c.life || p.Variant != c.v {
			t.Errorf("%q: parsed %s, want min %v max %v life %v %s", c.text, describe(p), c.min, c.max, c.life, c.v)
		}
	}
	// Spanish: "delito grave de segundo grado severo" is a grade of its own
	sc = OffenceScale{}
	lx.LearnGrades(sc, "(b) Delito grave de segundo grado severo: conlleva una pena de reclusión por un término fijo que no será menor de doce (12) años y un (1) día ni mayor de veinte (20) años.", "es", "")
	lx.LearnGrades(sc, "(c) Delito grave de segundo grado: conlleva una pena de reclusión por un término fijo que no será menor de seis (6) años y un (1) día ni mayor de doce (12) años.", "es", "")
	ps := lx.ParseGraded("Si la víctima es menor, la persona incurrirá en delito grave de segundo grado severo.", "es", "", sc)
	if len(ps) != 1 || fmtPtr(ps[0].MaxMonths) != "240" || ps[0].Variant != VariantChild {
		t.Errorf("segundo grado severo: parsed %v, want one child-victim sanction up to 240 months", ps)
	}
}

// A general part that names the custody once, before its list of grades
// ("the term of imprisonment for: (b) a felony of the second degree shall be
// a minimum of nine years and a maximum of fifteen years"), gives each grade
// its term.
func TestOffenceGradesUnderCustodyLeadIn(t *testing.T) {
	lx := MustDefault()
	sc := OffenceScale{}
	lx.LearnGrades(sc, "the term of imprisonment for: (b) a felony of the second degree shall be a minimum of nine years and a maximum of fifteen years; (c) a felony of the third degree shall be a minimum of five years and a maximum of nine years.", "en", "")
	p, ok := sc["felony of the second degree"]
	if !ok || fmtPtr(p.MinMonths) != "108" || fmtPtr(p.MaxMonths) != "180" {
		t.Errorf("second degree: learnt %v (%v), want 108-180 months", describe(p), ok)
	}
	if p, ok := sc["felony of the third degree"]; !ok || fmtPtr(p.MaxMonths) != "108" {
		t.Errorf("third degree: learnt %v (%v), want up to 108 months", describe(p), ok)
	}
}
