package penalty

import "testing"

func TestParseRelative(t *testing.T) {
	tests := []struct {
		name, lang, text string
		rel              string
		variant          Variant
	}{
		{"es higher degree, child", "es", "Se impondrá la pena superior en grado a la prevista en el apartado primero cuando la víctima sea menor de edad.", RelHigherDegree, VariantChild},
		{"es higher degree, official", "es", "Se impondrá la pena superior en grado a los que realicen los hechos prevaliéndose de su condición de funcionario público.", RelHigherDegree, VariantOfficial},
		{"es upper half", "es", "Si concurriere más de una circunstancia se impondrá la pena en su mitad superior.", RelUpperHalf, VariantAggravated},
		{"es lower degree", "es", "La provocación y la conspiración serán castigadas con la pena inferior en uno o dos grados a la del delito.", RelLowerDegree, VariantMitigated},
		{"uy third to half, child", "es", "Se incrementarán de un tercio a la mitad las penas cuando la víctima se trate de un niño.", RelThirdToHalf, VariantChild},
		{"fr half", "fr", "La peine privative de liberté encourue est réduite de moitié si l'auteur a averti l'autorité.", RelHalf, VariantMitigated},
		{"en half of the maximum, attempt", "en", "Whoever attempts to commit any of the crimes provided for in this Act shall be punished with imprisonment for a term not exceeding half of the maximum penalty prescribed for the completed crime.", RelHalf, VariantMitigated},
		{"en twice", "en", "In case the offence is committed on a subsequent occasion, the offender shall be punished with twice the punishment specified.", RelDouble, VariantSubsequent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(tc.text, tc.lang)
			if len(got) != 1 {
				t.Fatalf("got %d penalties, want 1", len(got))
			}
			p := got[0]
			if p.Relative != tc.rel || p.Variant != tc.variant {
				t.Errorf("got relative %q variant %s %v, want %q %s", p.Relative, p.Variant, p.Aggravations, tc.rel, tc.variant)
			}
			if p.HasImprisonment() {
				t.Errorf("a relative sanction states no term itself: %s", describe(p))
			}
			checkInvariants(t, tc.text, p)
		})
	}
}

func TestResolveRelative(t *testing.T) {
	base := Penalty{MinMonths: fp(60), MaxMonths: fp(96)}
	tests := []struct {
		rel      string
		min, max float64
	}{
		{RelHigherDegree, 96, 144},
		{RelUpperHalf, 78, 96},
		{RelLowerDegree, 30, 60},
		{RelThirdToHalf, 80, 144},
		{RelDouble, 120, 192},
		{RelHalf, 30, 48},
	}
	for _, tc := range tests {
		t.Run(tc.rel, func(t *testing.T) {
			got, ok := ResolveRelative(Penalty{Relative: tc.rel}, base)
			if !ok || *got.MinMonths != tc.min || *got.MaxMonths != tc.max {
				t.Errorf("ResolveRelative = %s, %v; want %v..%v", describe(got), ok, tc.min, tc.max)
			}
		})
	}
	if _, ok := ResolveRelative(Penalty{}, base); ok {
		t.Error("ResolveRelative of an absolute sanction reported true")
	}
	if _, ok := ResolveRelative(Penalty{Relative: RelHigherDegree}, Penalty{MinMonths: fp(12)}); ok {
		t.Error("higher degree without a base maximum reported true")
	}
}
