package penalty

import (
	"strings"
	"testing"
)

func TestGradedPenalty(t *testing.T) {
	for _, c := range []struct {
		text, lang string
		want       Grade
		cumulative bool
	}{
		{"será castigado con la pena de reclusión mayor en sus grados mínimo a medio y multa de cincuenta a cien unidades.", "es",
			Grade{Name: "reclusion mayor", From: 1, To: 2}, true},
		{"La pena de Reclusión Mayor en su grado medio.", "es", Grade{Name: "reclusion mayor", From: 2, To: 2}, false},
		{"se impondrá la pena de presidio menor en su grado máximo.", "es", Grade{Name: "presidio menor", From: 3, To: 3}, false},
		{"shall suffer the penalty of prision mayor in its medium and maximum periods.", "en", Grade{Name: "prision mayor", From: 2, To: 3}, false},
		{"shall be punished by reclusion temporal in its maximum period and a fine of one million pesos.", "en",
			Grade{Name: "reclusion temporal", From: 3, To: 3}, true},
		{"será sancionado con prisión correccional.", "es", Grade{Name: "prision correccional"}, false},
	} {
		ps := Parse(c.text, c.lang)
		if len(ps) != 1 {
			t.Errorf("%q: %d sanctions, want 1: %+v", c.text, len(ps), ps)
			continue
		}
		p := ps[0]
		if p.Grade == nil || p.Grade.Name != c.want.Name || p.Grade.From != c.want.From || p.Grade.To != c.want.To {
			t.Errorf("%q: grade %+v, want %+v", c.text, p.Grade, c.want)
		}
		if p.Grade.Text == "" || !strings.Contains(c.text, p.Grade.Text) || len(strings.Fields(p.Grade.Text)) != len(strings.Fields(p.Grade.Name)) {
			t.Errorf("%q: grade text %q is not the grade's words as written", c.text, p.Grade.Text)
		}
		if p.HasImprisonment() || !p.Custodial() {
			t.Errorf("%q: a grade without its scale has no term but is custody: %+v", c.text, p)
		}
		if p.FineCumulative != c.cumulative || p.FineAlternative {
			t.Errorf("%q: fine cumulative %v alternative %v, want cumulative %v", c.text, p.FineCumulative, p.FineAlternative, c.cumulative)
		}
	}
}

func TestGradeScale(t *testing.T) {
	sc := Scale{}
	for _, def := range []string{
		"La pena de reclusión mayor dura de cinco años y un día a veinte años.",
		"The penalty of prision mayor shall be from six years and one day to twelve years.",
	} {
		ps := Parse(def, "")
		if len(ps) != 1 || ps[0].Grade == nil || ps[0].MaxMonths == nil {
			t.Fatalf("%q: want one graded sanction with its term, got %+v", def, ps)
		}
		sc.Learn(ps[0])
	}
	for _, c := range []struct {
		text     string
		min, max float64
	}{
		{"será castigado con la pena de reclusión mayor en sus grados mínimo a medio.", 60.03, 180},
		{"se impondrá la pena de reclusión mayor en su grado máximo.", 180.03, 240},
		{"se impondrá la pena de reclusión mayor.", 60.03, 240},
		{"shall suffer prision mayor in its medium period.", 96.03, 120},
	} {
		ps := Parse(c.text, "")
		if len(ps) != 1 {
			t.Fatalf("%q: %+v", c.text, ps)
		}
		p, ok := sc.Resolve(ps[0])
		if !ok || *p.MinMonths != c.min || *p.MaxMonths != c.max {
			t.Errorf("%q: resolved %v %v..%v, want %v..%v", c.text, ok, p.MinMonths, p.MaxMonths, c.min, c.max)
		}
	}
	if _, ok := sc.Resolve(Parse("se impondrá la pena de presidio menor en su grado medio.", "es")[0]); ok {
		t.Error("a grade the scale lacks was resolved")
	}
}

// TestGradePeriodTable: a general part that states the term of each
// period of a grade one by one gives those terms, not thirds of a whole
// term (the periods of a code's table need not be equal), and the whole
// term from the first to the last period.
func TestGradePeriodTable(t *testing.T) {
	lx := MustDefault()
	sc := Scale{}
	lx.LearnPeriods(sc, "Cada pena consta de tres grados. En el presidio mayor, el grado mínimo va de cuatro años y un día a ocho años; el grado medio, de ocho años y un día a doce años; y el grado máximo, de doce años y un día a veinte años. En el presidio menor, el grado máximo va de dos años y un día a cuatro años.", "es")
	for _, c := range []struct {
		text     string
		min, max float64
	}{
		{"será castigado con la pena de presidio mayor en sus grados mínimo a medio.", 48.03, 144},
		{"se impondrá la pena de presidio mayor en su grado máximo.", 144.03, 240},
		{"se impondrá la pena de presidio mayor.", 48.03, 240},
		{"será castigado con presidio menor en su grado máximo.", 24.03, 48},
	} {
		ps := Parse(c.text, "es")
		if len(ps) != 1 {
			t.Fatalf("%q: %+v", c.text, ps)
		}
		p, ok := sc.Resolve(ps[0])
		if !ok || *p.MinMonths != c.min || *p.MaxMonths != c.max {
			t.Errorf("%q: resolved %v %v..%v, want %v..%v", c.text, ok, p.MinMonths, p.MaxMonths, c.min, c.max)
		}
	}
	// a period the table does not state is not guessed
	if _, ok := sc.Resolve(Parse("se impondrá la pena de presidio menor en su grado mínimo.", "es")[0]); ok {
		t.Error("a period the table lacks was resolved")
	}
}

// An age before the sanction is the victim's, never a term; an age-limit
// word inside a qualifier states a term.
func TestAgeBeforeSanction(t *testing.T) {
	for _, c := range []struct {
		text, lang string
		max        float64
		child      bool
	}{
		{"if the victim is under 18 years, imprisonment for 12 years", "en", 144, true},
		{"if the victim is under the age of 18 years, imprisonment for 12 years", "en", 144, true},
		{"(a) if the other person is under 18—imprisonment for 12 years; or", "en", 144, true},
		{"cuando la víctima sea menor de dieciocho años, prisión de doce a veinte años", "es", 240, true},
		{"wird mit Freiheitsstrafe nicht unter zwei Jahren bis zu zehn Jahren bestraft", "de", 120, false},
	} {
		ps := Parse(c.text, c.lang)
		if len(ps) != 1 || ps[0].MaxMonths == nil || *ps[0].MaxMonths != c.max {
			t.Errorf("%q: %+v, want one sanction with maximum %v", c.text, ps, c.max)
			continue
		}
		if got := ps[0].Variant == VariantChild; got != c.child {
			t.Errorf("%q: variant %s, child %v", c.text, ps[0].Variant, c.child)
		}
	}
}

// Custody named without a term ("des travaux forcés à temps", "mit
// Freiheitsstrafe") is custody whose term the general part sets: a grade
// named by its penalty words.
func TestTermlessCustodyIsNamed(t *testing.T) {
	for _, c := range []struct{ text, lang, name string }{
		{"Est puni des travaux forcés à temps quiconque commet la traite des personnes.", "fr", "travaux forces"},
		{"Wer einen Menschen ausbeutet, wird mit Freiheitsstrafe bestraft.", "de", "freiheitsstrafe"},
	} {
		ps := Parse(c.text, c.lang)
		if len(ps) != 1 || ps[0].Grade == nil || ps[0].Grade.Name != c.name || !ps[0].Custodial() || ps[0].HasImprisonment() {
			t.Errorf("%q: %+v, want custody named %q without a term", c.text, ps, c.name)
		}
	}
	if ps := Parse("Le fait de soumettre une personne à des travaux forcés.", "fr"); len(ps) != 0 {
		t.Errorf("a purpose of forced labour is no sanction: %+v", ps)
	}
}

// A fine written before the prison term in a currency of the lexicon
// keeps the clause one sanction: the fine is an alternative.
func TestFineFirstInLeones(t *testing.T) {
	ps := Parse("commits an offence and is liable on conviction to a fine not less than fifty million leones or to imprisonment for a term not less than five years or to both", "en")
	if len(ps) != 1 || !ps[0].FineAlternative || ps[0].Currency == nil || *ps[0].Currency != "SLL" || ps[0].MinMonths == nil || *ps[0].MinMonths != 60 {
		t.Errorf("%+v, want one sanction: at least five years, or a fine in SLL", ps)
	}
}

// The verb "organise" in the offence ("Quiconque organise ou facilite
// l'entrée …", "organises or facilitates the entry") is no organised group.
func TestOrganiseVerbNoGroup(t *testing.T) {
	for _, c := range []struct{ text, lang string }{
		{"Quiconque organise ou facilite l'entrée d'une personne aux fins de son exploitation est puni de quinze ans d'emprisonnement.", "fr"},
		{"A person who organises or facilitates the entry of another person for the purpose of exploitation is liable to imprisonment for 15 years.", "en"},
	} {
		ps := Parse(c.text, c.lang)
		if len(ps) != 1 || ps[0].Variant != VariantBasic {
			t.Errorf("%q: %+v, want one basic sanction", c.text, ps)
		}
	}
	if ps := Parse("Elle est punie de vingt ans de réclusion lorsque l'infraction est commise en bande organisée.", "fr"); len(ps) != 1 || ps[0].Variant != VariantOrganised {
		t.Errorf("bande organisée: %+v, want organised_group", ps)
	}
}
