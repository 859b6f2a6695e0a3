package penalty

import "testing"

// TestParseOtherTraditions covers drafting shapes of codes outside the real
// data set (paraphrased), so the rules are not tuned to the statutes at
// hand alone.
func TestParseOtherTraditions(t *testing.T) {
	tests := []struct {
		name string
		lang string
		text string
		want []w
	}{
		{"indian rigorous imprisonment", "en",
			"shall be punished with rigorous imprisonment for a term which shall not be less than seven years but which may extend to ten years, and shall also be liable to fine.",
			[]w{{min: 84, max: 120, cum: true, fmin: none, fmax: none}}},
		{"uk summary or indictment", "en",
			"A person guilty of an offence is liable on summary conviction to imprisonment for a term not exceeding 12 months or a fine or both.",
			[]w{{min: none, max: 12, alt: true, fmin: none, fmax: none}}},
		{"philippine pesos with repeated digits", "en",
			"shall suffer the penalty of imprisonment of twenty (20) years and a fine of not less than One million pesos (P1,000,000.00) but not more than Two million pesos (P2,000,000.00).",
			[]w{{min: none, max: 240, cum: true, fmin: 1e6, fmax: 2e6, cur: "pesos"}}},
		{"nigerian naira sign", "en",
			"is liable on conviction to imprisonment for a term of not less than 2 years and a fine of not less than ₦250,000.",
			[]w{{min: 24, max: none, cum: true, fmin: 250000, fmax: none, cur: "NGN"}}},
		{"from to", "en",
			"shall be punishable by imprisonment from three to ten years.",
			[]w{{min: 36, max: 120, fmin: none, fmax: none}}},
		{"period of up to", "en",
			"is liable to imprisonment for a period of up to 15 years or to a fine of up to USD 50,000.",
			[]w{{min: none, max: 180, alt: true, fmin: none, fmax: 50000, cur: "USD"}}},
		{"life or range", "en",
			"shall be liable to imprisonment for a term of not less than 7 years and not more than 14 years or for life.",
			[]w{{min: 84, max: 168, life: true, fmin: none, fmax: none}}},
		{"de mindestens", "de",
			"wird mit Freiheitsstrafe von mindestens einem Jahr bestraft.",
			[]w{{min: 12, max: none, fmin: none, fmax: none}}},
		{"fr d'un emprisonnement de", "fr",
			"est puni d'un emprisonnement de cinq ans et d'une amende de 75 000 euros.",
			[]w{{min: none, max: 60, cum: true, fmin: none, fmax: 75000, cur: "EUR"}}},
		{"es reclusión digits", "es",
			"será sancionado con reclusión de 8 a 12 años.",
			[]w{{min: 96, max: 144, fmin: none, fmax: none}}},
		{"in addition to", "en",
			"shall be liable to a fine of 10,000 dollars in addition to imprisonment for a term not exceeding three years.",
			[]w{{min: none, max: 36, cum: true, fmin: none, fmax: 10000, cur: "$"}}},
		{"fine and imprisonment", "en",
			"shall be punished with a fine and imprisonment for not less than one year.",
			[]w{{min: 12, max: none, cum: true, fmin: none, fmax: none}}},
		{"digits age, child", "en",
			"Where the victim is under 18 years of age, the offender is liable to imprisonment for a term not exceeding 25 years.",
			[]w{{min: none, max: 300, fmin: none, fmax: none, variant: VariantChild}}},
		{"adult age is not a child", "en",
			"Where the victim is over 18 years of age, the offender is liable to imprisonment for a term not exceeding 15 years.",
			[]w{{min: none, max: 180, fmin: none, fmax: none}}},
		{"de und Geldstrafe", "de",
			"wird mit Freiheitsstrafe von einem Jahr bis zu zehn Jahren und mit Geldstrafe bestraft.",
			[]w{{min: 12, max: 120, cum: true, fmin: none, fmax: none}}},
		{"fr ou amende", "fr",
			"est puni d'un an d'emprisonnement ou de 15 000 euros d'amende.",
			[]w{{min: none, max: 12, alt: true, fmin: none, fmax: 15000, cur: "EUR"}}},
		{"es y multa with amount", "es",
			"será reprimido con prisión de seis meses a dos años y multa de pesos mil a pesos diez mil.",
			[]w{{min: 6, max: 24, cum: true, fmin: 1000, fmax: 10000, cur: "pesos"}}},
		{"nor more than with one unit", "en",
			"is punishable by imprisonment for not less than 5 nor more than 20 years.",
			[]w{{min: 60, max: 240, fmin: none, fmax: none}}},
		{"hyphen range", "en",
			"shall be punished with imprisonment of 3-10 years.",
			[]w{{min: 36, max: 120, fmin: none, fmax: none}}},
		{"currency letter", "en",
			"is liable on conviction to a fine not exceeding R100 000 or to imprisonment for a period not exceeding five years.",
			[]w{{min: none, max: 60, alt: true, fmin: none, fmax: 100000, cur: "R"}}},
		{"fr de à ans before the noun", "fr",
			"est puni de cinq à dix ans d'emprisonnement.",
			[]w{{min: 60, max: 120, fmin: none, fmax: none}}},
		{"de von bis zu without first unit", "de",
			"wird mit Freiheitsstrafe von drei bis zu fünfzehn Jahren bestraft.",
			[]w{{min: 36, max: 180, fmin: none, fmax: none}}},
		{"es seis meses a un año", "es",
			"será castigado con prisión de seis meses a un año.",
			[]w{{min: 6, max: 12, fmin: none, fmax: none}}},
		{"es colombia words and digits, fines in minimum wages", "es",
			"incurrirá en prisión de trece (13) a veintitrés (23) años y multa de ochocientos (800) a mil quinientos (1.500) salarios mínimos legales mensuales vigentes.",
			[]w{{min: 156, max: 276, cum: true, fmin: 800, fmax: 1500}}},
		{"es mexico días multa", "es",
			"se le impondrá pena de prisión de 5 a 15 años y de un mil a veinte mil días multa.",
			[]w{{min: 60, max: 180, cum: true, fmin: none, fmax: none}}},
		{"south africa including life", "en",
			"is liable on conviction to a fine or to imprisonment, including imprisonment for life, or to both a fine and such imprisonment.",
			[]w{{min: none, max: none, life: true, alt: true, fmin: none, fmax: none}}},
		{"indian may extend to life, minor", "en",
			"Where the offence involves the trafficking of more than one minor, it shall be punishable with rigorous imprisonment for a term which shall not be less than fourteen years, but which may extend to imprisonment for life, and shall also be liable to fine.",
			[]w{{min: 168, max: none, life: true, cum: true, fmin: none, fmax: none, variant: VariantChild}}},
		{"uk indictment life", "en",
			"A person guilty of an offence is liable on conviction on indictment to imprisonment for life.",
			[]w{{min: none, max: none, life: true, fmin: none, fmax: none}}},
		{"be réclusion de ans à ans, amende de euros à euros", "fr",
			"sera punie de la réclusion de dix ans à quinze ans et d'une amende de mille euros à cent mille euros.",
			[]w{{min: 120, max: 180, cum: true, fmin: 1000, fmax: 100000, cur: "EUR"}}},
		{"ch peine privative de liberté au plus", "fr",
			"est puni d'une peine privative de liberté de trois ans au plus ou d'une peine pécuniaire.",
			// "ou d'une peine pécuniaire": the Swiss monetary penalty may replace custody
			[]w{{min: none, max: 36, alt: true, fmin: none, fmax: none}}},
		{"ca-fr emprisonnement maximal", "fr",
			"est passible d'un emprisonnement maximal de quatorze ans, la peine minimale étant de quatre ans.",
			[]w{{min: 48, max: 168, fmin: none, fmax: none}}},
		{"pe no menor ni mayor", "es",
			"será reprimido con pena privativa de libertad no menor de ocho ni mayor de quince años.",
			[]w{{min: 96, max: 180, fmin: none, fmax: none}}},
		{"bo privación de libertad", "es",
			"será sancionado con privación de libertad de diez (10) a quince (15) años.",
			[]w{{min: 120, max: 180, fmin: none, fmax: none}}},
		{"ve penado", "es",
			"será penado con prisión de ocho a diez años.",
			[]w{{min: 96, max: 120, fmin: none, fmax: none}}},
		{"at zu bestrafen", "de",
			"ist mit Freiheitsstrafe von sechs Monaten bis zu fünf Jahren zu bestrafen.",
			[]w{{min: 6, max: 60, fmin: none, fmax: none}}},
		{"ch minderjährig gewerbsmässig", "de",
			"Ist das Opfer minderjährig oder handelt der Täter gewerbsmässig, so ist die Strafe Freiheitsstrafe nicht unter einem Jahr.",
			[]w{{min: 12, max: none, fmin: none, fmax: none, variant: VariantChild}}},
		{"es uno (1) a tres (3)", "es",
			"Será sancionado con pena de prisión de uno (1) a tres (3) años o multa de cinco mil a veinte mil pesos el que capte a una persona.",
			[]w{{min: 12, max: 36, alt: true, fmin: 5000, fmax: 20000, cur: "pesos"}}},
		{"years and months add up", "en",
			"is liable to imprisonment for a term not exceeding two years and six months.",
			[]w{{min: none, max: 30, fmin: none, fmax: none}}},
		{"es seis meses y un día", "es",
			"será castigado con prisión de seis meses y un día a tres años.",
			[]w{{min: 6.03, max: 36, fmin: none, fmax: none}}},
		{"es prisión o multa de meses", "es",
			"será castigado con la pena de prisión de tres a seis años o multa de seis a doce meses.",
			[]w{{min: 36, max: 72, alt: true, fmin: none, fmax: none}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(tc.text, tc.lang)
			if len(got) != len(tc.want) {
				for _, p := range got {
					t.Logf("got %s [%s]", describe(p), tc.text[p.Start:p.End])
				}
				t.Fatalf("got %d penalties, want %d", len(got), len(tc.want))
			}
			for i := range got {
				checkPenalty(t, tc.text, got[i], tc.want[i])
			}
		})
	}
}
