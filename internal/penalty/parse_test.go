package penalty

import (
	"fmt"
	"strings"
	"testing"
)

// none marks a field the text does not state (nil pointer).
const none = -1.0

// w is the expected shape of one Penalty; -1 (none) stands for nil.
type w struct {
	min, max    float64
	life        bool
	alt, cum    bool
	fmin, fmax  float64
	cur         string
	variant     Variant
	quoteHas    string // a substring the quoted span must contain
	quotePrefix string // the quoted span must start with this
}

func fmtPtr(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func describe(p Penalty) string {
	cur := "nil"
	if p.Currency != nil {
		cur = *p.Currency
	}
	return fmt.Sprintf("min=%s max=%s life=%v alt=%v cum=%v fine=%s..%s %s variant=%s %v%s",
		fmtPtr(p.MinMonths), fmtPtr(p.MaxMonths), p.Life, p.FineAlternative, p.FineCumulative,
		fmtPtr(p.FineMin), fmtPtr(p.FineMax), cur, p.Variant, p.Aggravations, relNote(p.Relative))
}

func eqPtr(p *float64, want float64) bool {
	if want == none {
		return p == nil
	}
	return p != nil && *p == want
}

func checkPenalty(t *testing.T, text string, got Penalty, want w) {
	t.Helper()
	cur := ""
	if got.Currency != nil {
		cur = *got.Currency
	}
	if !eqPtr(got.MinMonths, want.min) || !eqPtr(got.MaxMonths, want.max) || got.Life != want.life ||
		got.FineAlternative != want.alt || got.FineCumulative != want.cum ||
		!eqPtr(got.FineMin, want.fmin) || !eqPtr(got.FineMax, want.fmax) || cur != want.cur {
		t.Errorf("got  %s\nwant min=%v max=%v life=%v alt=%v cum=%v fine=%v..%v %q",
			describe(got), want.min, want.max, want.life, want.alt, want.cum, want.fmin, want.fmax, want.cur)
	}
	wv := want.variant
	if wv == "" {
		wv = VariantBasic
	}
	if got.Variant != wv {
		t.Errorf("variant = %s %v, want %s", got.Variant, got.Aggravations, wv)
	}
	if got.Start < 0 || got.End > len(text) || got.Start >= got.End {
		t.Fatalf("bad offsets %d..%d for text of %d bytes", got.Start, got.End, len(text))
	}
	q := text[got.Start:got.End]
	if want.quoteHas != "" && !strings.Contains(q, want.quoteHas) {
		t.Errorf("quote %q does not contain %q", q, want.quoteHas)
	}
	if want.quotePrefix != "" && !strings.HasPrefix(q, want.quotePrefix) {
		t.Errorf("quote %q does not start with %q", q, want.quotePrefix)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		lang string
		text string
		want []w
	}{
		// English: common-law drafting (Kenya, Malaysia, Sri Lanka, Pakistan).
		{"en min only, fine alternative, repeat to life", "en",
			"Whoever sells a person for exploitation is liable to imprisonment for a term of not less than thirty years or to a fine of not less than thirty million shillings or to both and upon subsequent conviction, to imprisonment for life.",
			[]w{
				{min: 360, max: none, alt: true, fmin: 3e7, fmax: none, cur: "shillings", quotePrefix: "imprisonment for a term", quoteHas: "or to both"},
				{min: none, max: none, life: true, fmin: none, fmax: none, variant: VariantSubsequent, quotePrefix: "imprisonment for life"},
			}},
		{"en without the option of a fine", "en",
			"commits an offence and is liable to imprisonment for a term of not less than ten years or to a fine of not less than ten million Kenya shillings or to both and upon subsequent conviction, to imprisonment for a term of not less than ten years without the option of a fine.",
			[]w{
				{min: 120, max: none, alt: true, fmin: 1e7, fmax: none, cur: "KES"},
				{min: 120, max: none, fmin: none, fmax: none, variant: VariantSubsequent},
			}},
		{"en range with no from", "en",
			"shall be liable to imprisonment for a term of ten years to fifteen years and a fine of five hundred thousand rupees.",
			[]w{{min: 120, max: 180, cum: true, fmin: none, fmax: 500000, cur: "rupees"}}},
		{"en a definite term", "en",
			"shall be punished by imprisonment with work for a definite term of not less than 2 years.",
			[]w{{min: 24, max: none, fmin: none, fmax: none}}},
		{"en having once been convicted, again", "en",
			"Any person who, having once been convicted of an offence under this Act, commits such offence again shall be liable to imprisonment for life.",
			[]w{{min: none, max: none, life: true, fmin: none, fmax: none, variant: VariantSubsequent}}},
		{"en penal servitude", "en",
			"shall commit an offence and shall, on conviction, be liable to penal servitude for a term not exceeding 15 years.",
			[]w{{min: none, max: 180, fmin: none, fmax: none}}},
		{"es having been convicted, commits it again", "es",
			"Quien, habiendo sido condenado por el delito de trata de personas, lo cometiere nuevamente, será sancionado con prisión de dieciocho a veinticinco años.",
			[]w{{min: 216, max: 300, fmin: none, fmax: none, variant: VariantSubsequent}}},
		{"en convicted for a second time", "en",
			"Where a person is convicted of an offence under this Law for a second time, the punishment shall be imprisonment from 10 (ten) to 20 (twenty) years.",
			[]w{{min: 120, max: 240, fmin: none, fmax: none, variant: VariantSubsequent}}},
		{"en compound number words repeating the digits", "en",
			"shall be punished with imprisonment from 15 (fifteen) to 25 (twenty-five) years.",
			[]w{{min: 180, max: 300, fmin: none, fmax: none}}},
		{"fr francs abbreviated FD, one of the two penalties", "fr",
			"est puni de deux à cinq ans d'emprisonnement et de 3 000 000 FD d'amende ou de l'une de ces deux peines seulement.",
			[]w{{min: 24, max: 60, alt: true, fmin: none, fmax: 3e6, cur: "francs"}}},
		{"en max then cumulative fine without amount", "en",
			"Any person who traffics an adult for exploitation shall, on conviction, be punished with imprisonment for a term not exceeding fifteen years, and shall also be liable to fine.",
			[]w{{min: none, max: 180, cum: true, fmin: none, fmax: none, quoteHas: "liable to fine"}}},
		{"en range but not exceeding, child", "en",
			"Any person who traffics a child shall be punished with imprisonment for a term not less than three years but not exceeding twenty years, and shall also be liable to fine.",
			[]w{{min: 36, max: 240, cum: true, fmin: none, fmax: none, variant: VariantChild}}},
		{"en fine range in ringgit", "en",
			"Whoever profits from it shall be punished with imprisonment for a term not exceeding fifteen years, and shall also be liable to a fine of not less than fifty thousand ringgit but not exceeding five hundred thousand ringgit.",
			[]w{{min: none, max: 180, cum: true, fmin: 50000, fmax: 500000, cur: "MYR"}}},
		{"en fine first, or both; then body corporate", "en",
			"shall on conviction be liable—\n- (a) where such person is an individual, to a fine not exceeding two hundred and fifty thousand ringgit or to imprisonment for a term not exceeding five years or to both; or\n- (b) where such person is a body corporate, to a fine not less than fifty thousand ringgit but not exceeding five hundred thousand ringgit.",
			[]w{
				{min: none, max: 60, alt: true, fmin: none, fmax: 250000, cur: "MYR"},
				{min: none, max: none, fmin: 50000, fmax: 500000, cur: "MYR", variant: VariantLegalPerson},
			}},
		{"en either description, cumulative fine", "en",
			"shall be punished with imprisonment of either description for a period not less than three years and not exceeding fifteen years and be liable to a fine.",
			[]w{{min: 36, max: 180, cum: true, fmin: none, fmax: none}}},
		{"en may extend to, shall not be less than, rupees", "en",
			"If the offence is committed against a child the offender shall be punished with imprisonment which may extend to ten years and which shall not be less than two years or with fine which may extend to one million rupees or with both.",
			[]w{{min: 24, max: 120, alt: true, fmin: none, fmax: 1e6, cur: "rupees", variant: VariantChild}}},
		{"en aggravated list, cumulative fine in rupees", "en",
			"Where the offence involves death of the victim or the activity of an organized criminal group, the offender shall be punished with imprisonment which may extend to fourteen years and which shall not be less than three years and fine which may extend to two million rupees.",
			[]w{{min: 36, max: 168, cum: true, fmin: none, fmax: 2e6, cur: "rupees", variant: VariantDeath}}},
		{"en organised group to life", "en",
			"Where the person engaged in trafficking as part of the activities of an organized criminal group, that person is liable to imprisonment for life.",
			[]w{{min: none, max: none, life: true, fmin: none, fmax: none, variant: VariantOrganised}}},
		// United States Code.
		{"usc fined or imprisoned, death sentence", "en",
			"Whoever holds a person in peonage shall be fined under this title or imprisoned not more than 20 years, or both. If death results from the violation of this section, the defendant shall be fined under this title or imprisoned for any term of years or life, or both.",
			[]w{
				{min: none, max: 240, alt: true, fmin: none, fmax: none, quoteHas: "or both"},
				{min: none, max: none, life: true, alt: true, fmin: none, fmax: none, variant: VariantDeath},
			}},
		{"usc cumulative fine and minimum", "en",
			"(1) if the offense was effected by force, or the person had not attained the age of 14 years, by a fine under this title and imprisonment for any term of years not less than 15 or for life; or\n(2) if the offense was not so effected, by a fine under this title and imprisonment for not less than 10 years or for life.",
			[]w{
				{min: 180, max: none, life: true, cum: true, fmin: none, fmax: none, variant: VariantChild},
				{min: 120, max: none, life: true, cum: true, fmin: none, fmax: none, variant: VariantAggravated},
			}},
		{"usc term not to exceed", "en",
			"Whoever obstructs the enforcement of this section shall be fined under this title, imprisoned for a term not to exceed 25 years, or both.",
			[]w{{min: none, max: 300, alt: true, fmin: none, fmax: none}}},
		{"usc dollar amount", "en",
			"shall be fined not more than $250,000 or imprisoned not more than 1 year, or both.",
			[]w{{min: none, max: 12, alt: true, fmin: none, fmax: 250000, cur: "$"}}},
		// "un mineur de dix-huit ans" is the victim's age, not a term
		{"fr mineur de dix-huit ans", "fr",
			"Si la victime est un mineur de dix-huit ans, l'emprisonnement sera de dix ans au moins.",
			[]w{{min: 120, max: none, fmin: none, fmax: none, variant: VariantChild}}},
		// "de plus de dix ans sans dépasser quinze ans" (Rwandan drafting)
		{"fr plus de … sans dépasser", "fr",
			"Est passible d'une peine d'emprisonnement de plus de dix ans sans dépasser quinze ans quiconque commet la traite des personnes.",
			[]w{{min: 120, max: 180, fmin: none, fmax: none}}},
		// a fine in emalangeni replaces imprisonment ("or both")
		{"en emalangeni or imprisonment, or both", "en",
			"A person who commits the offence shall, on conviction, be liable to a fine not exceeding one hundred thousand Emalangeni or imprisonment for a period not exceeding twenty years, or both.",
			[]w{{min: none, max: 240, alt: true, fmin: none, fmax: 100000, cur: "SZL"}}},
		// a minimum in a relative clause after the custodial noun
		{"fr qui ne peut être inférieure à", "fr",
			"Si la victime est un enfant, l'auteur est puni d'une peine d'emprisonnement qui ne peut être inférieure à cinq ans.",
			[]w{{min: 60, max: none, fmin: none, fmax: none, variant: VariantChild}}},
		// Canada. Kidnapping is listed before death: the first circumstance
		// listed gives the variant (gold README).
		{"can life and minimum, then max and minimum", "en",
			"is guilty of an indictable offence and liable\n\n- (a) to imprisonment for life and to a minimum punishment of imprisonment for a term of five years if they kidnap or cause death to the victim during the offence; or\n\n- (b) to imprisonment for a term of not more than 14 years and to a minimum punishment of imprisonment for a term of four years in any other case.",
			[]w{
				{min: 60, max: none, life: true, fmin: none, fmax: none, variant: VariantAggravated},
				{min: 48, max: 168, fmin: none, fmax: none},
			}},
		{"can child, words", "en",
			"Every person who transports a person under the age of eighteen years for exploitation is guilty of an indictable offence and liable to imprisonment for a term of not more than fourteen years and to a minimum punishment of imprisonment for a term of five years.",
			[]w{{min: 60, max: 168, fmin: none, fmax: none, variant: VariantChild}}},
		{"en weeks and months", "en",
			"is liable to imprisonment for a term not exceeding six weeks",
			[]w{{min: none, max: 1.38, fmin: none, fmax: none}}},
		{"en up to, at least", "en",
			"shall be liable to imprisonment of at least 2 years and up to 7 years",
			[]w{{min: 24, max: 84, fmin: none, fmax: none}}},
		{"en fine in words only", "en",
			"is liable to a fine not exceeding one hundred thousand dollars.",
			[]w{{min: none, max: none, fmin: none, fmax: 100000, cur: "$"}}},
		{"en public servant", "en",
			"Where the offence is committed by a public servant, the offender shall be liable to imprisonment for a term not exceeding twenty years.",
			[]w{{min: none, max: 240, fmin: none, fmax: none, variant: VariantOfficial}}},
		// German.
		{"de range months to years", "de",
			"(1) Mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren wird bestraft, wer eine andere Person unter einundzwanzig Jahren anwirbt.",
			[]w{{min: 6, max: 120, fmin: none, fmax: none, quotePrefix: "Freiheitsstrafe von sechs"}}},
		{"de Austrian formula, unit only after the upper bound", "de",
			"(4) Wer die Tat im Rahmen einer kriminellen Vereinigung begeht, ist mit Freiheitsstrafe von einem bis zu zehn Jahren zu bestrafen.",
			[]w{{min: 12, max: 120, fmin: none, fmax: none, variant: VariantOrganised}}},
		{"de oder Geldstrafe", "de",
			"(1) Mit Freiheitsstrafe bis zu fünf Jahren oder mit Geldstrafe wird bestraft, wer eine Person entführt.",
			[]w{{min: none, max: 60, alt: true, fmin: none, fmax: none}}},
		{"de aggravation with child list", "de",
			"(3) In den Fällen des Absatzes 1 ist auf Freiheitsstrafe von einem Jahr bis zu zehn Jahren zu erkennen, wenn\n\n1. das Opfer zur Zeit der Tat unter achtzehn Jahren alt ist,\n\n2. der Täter das Opfer schwer misshandelt.",
			[]w{{min: 12, max: 120, fmin: none, fmax: none, variant: VariantChild}}},
		{"de two sanctions in one sentence", "de",
			"(4) In den Fällen des Absatzes 1 ist auf Freiheitsstrafe von einem Jahr bis zu zehn Jahren und in den Fällen des Absatzes 3 auf Freiheitsstrafe nicht unter einem Jahr zu erkennen, wenn einer der Umstände vorliegt.",
			[]w{
				{min: 12, max: 120, fmin: none, fmax: none, variant: VariantAggravated},
				{min: 12, max: none, fmin: none, fmax: none, variant: VariantAggravated},
			}},
		{"de mitigated", "de",
			"(5) In minder schweren Fällen des Absatzes 1 ist auf Freiheitsstrafe von drei Monaten bis zu fünf Jahren zu erkennen, in minder schweren Fällen der Absätze 3 und 4 auf Freiheitsstrafe von sechs Monaten bis zu zehn Jahren.",
			[]w{
				{min: 3, max: 60, fmin: none, fmax: none, variant: VariantMitigated},
				{min: 6, max: 120, fmin: none, fmax: none, variant: VariantMitigated},
			}},
		{"de death, life or minimum", "de",
			"(3) Verursacht der Täter durch die Tat den Tod des Opfers, so ist die Strafe lebenslange Freiheitsstrafe oder Freiheitsstrafe nicht unter zehn Jahren.",
			[]w{{min: 120, max: none, life: true, fmin: none, fmax: none, variant: VariantDeath}}},
		{"de death minimum", "de",
			"(5) Verursacht der Täter durch die Tat den Tod des Opfers, so ist die Strafe Freiheitsstrafe nicht unter drei Jahren.",
			[]w{{min: 36, max: none, fmin: none, fmax: none, variant: VariantDeath}}},
		{"de strafe is short form", "de",
			"Bewirkt der Täter, dass die Person ins Ausland verbracht wird, so ist die Strafe Freiheitsstrafe bis zu fünf Jahren oder Geldstrafe.",
			[]w{{min: none, max: 60, alt: true, fmin: none, fmax: none}}},
		{"de Bande and Amtsträger", "de",
			"Auf Freiheitsstrafe von einem Jahr bis zu zehn Jahren ist zu erkennen, wenn der Täter als Mitglied einer Bande oder als Amtsträger handelt.",
			[]w{{min: 12, max: 120, fmin: none, fmax: none, variant: VariantOrganised}}},
		{"de number words compounds", "de",
			"wird mit Freiheitsstrafe von fünfzehn Monaten bis zu dreißig Jahren bestraft",
			[]w{{min: 15, max: 360, fmin: none, fmax: none}}},
		// French.
		{"fr basic cumulative euros", "fr",
			"La traite des êtres humains est punie de sept ans d'emprisonnement et de 150 000 euros d'amende.",
			[]w{{min: none, max: 84, cum: true, fmin: none, fmax: 150000, cur: "EUR", quotePrefix: "sept ans", quoteHas: "amende"}}},
		{"fr pronoun takes previous sentence (minor)", "fr",
			"II. - La traite des êtres humains à l'égard d'un mineur est constituée même sans contrainte.\n\nElle est punie de dix ans d'emprisonnement et de 1 500 000 € d'amende.",
			[]w{{min: none, max: 120, cum: true, fmin: none, fmax: 1.5e6, cur: "EUR", variant: VariantChild}}},
		{"fr bande organisée, réclusion", "fr",
			"L'infraction prévue à l'article 225-4-1 est punie de vingt ans de réclusion criminelle et de 3 000 000 euros d'amende lorsqu'elle est commise en bande organisée.",
			[]w{{min: none, max: 240, cum: true, fmin: none, fmax: 3e6, cur: "EUR", variant: VariantOrganised}}},
		{"fr perpétuité with torture", "fr",
			"L'infraction commise en recourant à des tortures est punie de la réclusion criminelle à perpétuité et de 4 500 000 euros d'amende.",
			[]w{{min: none, max: none, life: true, cum: true, fmin: none, fmax: 4.5e6, cur: "EUR", variant: VariantAggravated}}},
		{"fr ou alternative", "fr",
			"est puni de deux ans d'emprisonnement ou de 30 000 € d'amende.",
			[]w{{min: none, max: 24, alt: true, fmin: none, fmax: 30000, cur: "EUR"}}},
		{"fr lorsque, aggravated", "fr",
			"L'infraction est punie de dix ans d'emprisonnement et de 1 500 000 Euros d'amende lorsqu'elle est commise avec l'emploi de menaces.",
			[]w{{min: none, max: 120, cum: true, fmin: none, fmax: 1.5e6, cur: "EUR", variant: VariantAggravated}}},
		{"fr list item", "fr",
			"1° Les infractions définies aux articles 225-13 et 225-14 sont punies de sept ans d'emprisonnement et de 200000 euros d'amende ;",
			[]w{{min: none, max: 84, cum: true, fmin: none, fmax: 200000, cur: "EUR"}}},
		{"fr fonctionnaire", "fr",
			"est punie de dix ans d'emprisonnement lorsqu'elle est commise par un fonctionnaire dans l'exercice de ses fonctions.",
			[]w{{min: none, max: 120, fmin: none, fmax: none, variant: VariantOfficial}}},
		{"fr digits in parentheses whose words the text lost", "fr",
			"La traite des personnes est punie de la réclusion criminelle à temps de dix (10) ans à (20) ans.",
			[]w{{min: 120, max: 240, fmin: none, fmax: none}}},
		// Spanish and Latin American.
		{"es range words before prisión", "es",
			"1. Será castigado con la pena de cinco a ocho años de prisión como reo de trata el que captare a la víctima.",
			[]w{{min: 60, max: 96, fmin: none, fmax: none, quotePrefix: "cinco a ocho"}}},
		{"es upper-case words with digits", "es",
			"El que acogiere personas menores de DIECIOCHO (18) años de edad, con fines de explotación, será reprimido con prisión de CUATRO (4) a DIEZ (10) años.",
			[]w{{min: 48, max: 120, fmin: none, fmax: none, variant: VariantChild}}},
		{"es digits then words", "es",
			"será sancionado con pena de 4 (cuatro) a 8 (ocho) años de prisión y multa.",
			[]w{{min: 48, max: 96, cum: true, fmin: none, fmax: none}}},
		{"es la pena será cuando", "es",
			"La pena será de SEIS (6) a QUINCE (15) años de prisión cuando la víctima fuere menor de TRECE (13) años.",
			[]w{{min: 72, max: 180, fmin: none, fmax: none, variant: VariantChild}}},
		{"es prisión o reclusión", "es",
			"Será reprimido con prisión o reclusión de DOS (2) a OCHO (8) años el que realice las conductas.",
			[]w{{min: 24, max: 96, fmin: none, fmax: none}}},
		{"es meses de prisión a años de penitenciaría", "es",
			"será castigado con una pena de seis meses de prisión a tres años de penitenciaría.",
			[]w{{min: 6, max: 36, fmin: none, fmax: none}}},
		{"es penitenciaría words", "es",
			"será castigado con una pena de cuatro a dieciséis años de penitenciaría.",
			[]w{{min: 48, max: 192, fmin: none, fmax: none}}},
		{"es inhabilitación is not imprisonment, the higher degree is relative", "es",
			"Se impondrá la pena superior en grado e inhabilitación absoluta de seis a doce años a los que realicen los hechos prevaliéndose de su condición de funcionario público.",
			[]w{{min: none, max: none, fmin: none, fmax: none, variant: VariantOfficial, quotePrefix: "superior en grado"}}},
		{"es day-fine months belong to multa", "es",
			"será castigado con la pena de prisión de seis meses a dos años y multa de seis a doce meses.",
			[]w{{min: 6, max: 24, cum: true, fmin: none, fmax: none}}},
		{"es organización", "es",
			"Se impondrá la pena de prisión de diez a quince años cuando el culpable perteneciera a una organización dedicada a estas actividades.",
			[]w{{min: 120, max: 180, fmin: none, fmax: none, variant: VariantOrganised}}},
		{"es o multa alternative, pesos", "es",
			"será castigado con prisión de uno a tres años o multa de diez mil pesos.",
			[]w{{min: 12, max: 36, alt: true, fmin: none, fmax: 10000, cur: "pesos"}}},
		{"es permanente", "es",
			"será castigado con la pena de prisión permanente revisable.",
			[]w{{min: none, max: none, life: true, fmin: none, fmax: none}}},
		{"es treinta y cinco", "es",
			"será castigado con la pena de prisión de veinticinco a treinta y cinco años.",
			[]w{{min: 300, max: 420, fmin: none, fmax: none}}},
		// Not sanctions.
		{"definition mentions imprisoned", "en",
			"(a) to cause the person to be confined or imprisoned against the person's will;",
			nil},
		{"fine in passing", "en",
			"(b) The Court may recover compensation to be paid to the victim by way of a fine imposed under paragraph (a).",
			nil},
		{"no sanction words", "en",
			"Nothing in this Act shall apply to a person under eighteen years of age.",
			nil},
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

func TestParseForCurrency(t *testing.T) {
	tests := []struct {
		text, lang, country, want string
	}{
		{"is liable to a fine of not less than thirty million shillings", "en", "KEN", "KES"},
		{"is liable to a fine of not less than thirty million shillings", "en", "UGA", "UGX"},
		{"is liable to a fine of not less than thirty million shillings", "en", "", "shillings"},
		{"shall be punished with fine which may extend to one million rupees", "en", "PAK", "PKR"},
		{"shall be punished with fine which may extend to one million rupees", "en", "lka", "LKR"},
		{"shall be punished with a fine of Rs. 1,000,000", "en", "PAK", "PKR"},
		{"shall be fined not more than $250,000", "en", "USA", "USD"},
		{"shall be fined not more than $250,000", "en", "CAN", "CAD"},
		{"liable to a fine of not more than 5000 US dollars", "en", "", "USD"},
		{"será castigado con multa de diez mil pesos", "es", "ARG", "ARS"},
		{"será castigado con multa de diez mil pesos", "es", "URY", "UYU"},
		{"est punie d'une amende de 1 500 000 €", "fr", "", "EUR"},
	}
	for _, tc := range tests {
		t.Run(tc.country+" "+tc.want, func(t *testing.T) {
			got := ParseFor(tc.text, tc.lang, tc.country)
			if len(got) != 1 || got[0].Currency == nil {
				t.Fatalf("ParseFor(%q) = %d penalties, want 1 with a currency", tc.text, len(got))
			}
			if *got[0].Currency != tc.want {
				t.Errorf("currency = %q, want %q", *got[0].Currency, tc.want)
			}
		})
	}
}

func TestMonths(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name         string
		p            Penalty
		min, max     float64
		ok, infinite bool
	}{
		{"range", Penalty{MinMonths: f(6), MaxMonths: f(120)}, 6, 120, true, false},
		{"min only", Penalty{MinMonths: f(360)}, 360, 0, true, true},
		{"life", Penalty{Life: true, MinMonths: f(60)}, 60, 0, true, true},
		{"max only", Penalty{MaxMonths: f(84)}, 0, 84, true, false},
		{"fine only", Penalty{FineMax: f(1000)}, 0, 0, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mn, mx, ok := Months(tc.p)
			if ok != tc.ok || mn != tc.min {
				t.Fatalf("Months = %v, %v, %v; want %v, _, %v", mn, mx, ok, tc.min, tc.ok)
			}
			if tc.infinite {
				if mx < 1e300 {
					t.Errorf("max = %v, want +Inf", mx)
				}
			} else if mx != tc.max {
				t.Errorf("max = %v, want %v", mx, tc.max)
			}
		})
	}
}

func TestParseMoreShapes(t *testing.T) {
	tests := []struct {
		name string
		lang string
		text string
		want []w
	}{
		{"en range with to", "en", "shall be liable to imprisonment of 5 to 10 years.",
			[]w{{min: 60, max: 120, fmin: none, fmax: none}}},
		{"en custody (Crown dependencies)", "en", "is liable on summary conviction to custody for a term not exceeding 12 months.",
			[]w{{min: none, max: 12, fmin: none, fmax: none}}},
		{"es a grade with its term (Ecuador 1971)", "es", "será reprimido con reclusión mayor extraordinaria de doce a dieciséis años.",
			[]w{{min: 144, max: 192, fmin: none, fmax: none}}},
		{"fr peine de prison", "fr", "est puni d'une peine de prison de cinq à dix ans.",
			[]w{{min: 60, max: 120, fmin: none, fmax: none}}},
		{"fr more than … but not exceeding", "fr", "est passible d'une peine d'emprisonnement de plus de cinq ans mais n'excédant pas sept ans et d'une amende de deux millions de francs ou de l'une de ces peines seulement.",
			[]w{{min: 60, max: 84, alt: true, fmin: none, fmax: 2e6}}},
		{"en nor more than", "en", "shall be punished with imprisonment for not less than seven years nor more than fourteen years.",
			[]w{{min: 84, max: 168, fmin: none, fmax: none}}},
		{"en years before the noun", "en", "is liable to 12 years' imprisonment.",
			[]w{{min: none, max: 144, fmin: none, fmax: none}}},
		{"en penalty units", "en", "is liable to a fine not exceeding 500 penalty units or to imprisonment for a term not exceeding 2 years, or both.",
			[]w{{min: none, max: 24, alt: true, fmin: none, fmax: 500, cur: "penalty units"}}},
		{"en death penalty is not a victim's death", "en", "Whoever does so shall be punished with death or imprisonment for life.",
			[]w{{min: none, max: none, life: true, fmin: none, fmax: none}}},
		{"en natural life", "en", "is liable to imprisonment for the remainder of his natural life.",
			[]w{{min: none, max: none, life: true, fmin: none, fmax: none}}},
		{"fr l'une de ces deux peines", "fr", "est puni de trois ans d'emprisonnement et de 45 000 euros d'amende ou de l'une de ces deux peines seulement.",
			[]w{{min: none, max: 36, alt: true, fmin: none, fmax: 45000, cur: "EUR"}}},
		{"fr détention criminelle", "fr", "est puni de quinze ans de détention criminelle.",
			[]w{{min: none, max: 180, fmin: none, fmax: none}}},
		{"es unidades reajustables", "es", "será castigado con tres a seis meses de prisión y multa de cien a mil unidades reajustables.",
			[]w{{min: 3, max: 6, cum: true, fmin: 100, fmax: 1000, cur: "UR"}}},
		{"en default term dropped", "en", "In default of payment of the fine, the offender shall be liable to imprisonment for a term not exceeding six months.",
			nil},
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

func relNote(r string) string {
	if r == "" {
		return ""
	}
	return " relative=" + r
}

// TestFineScaleShared: "de cinq à vingt millions" and "two to five million
// shillings" share the scale; a plain range keeps its numbers.
func TestFineScaleShared(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		min, max   float64
	}{
		{"fr", "est puni de cinq à dix ans d'emprisonnement et d'une amende de cinq à vingt millions de francs", 5e6, 2e7},
		{"fr", "est puni de cinq à dix ans d'emprisonnement et d'une amende de 1 000 à 5 000 euros", 1000, 5000},
		// a fine range opened without "from"
		{"en", "shall be liable to imprisonment for a term of not less than five years and to a fine of two to five million shillings", 2e6, 5e6},
		{"en", "shall be liable to a fine of 20,000 to 50,000 dollars", 20000, 50000},
		{"es", "será sancionado con prisión de cinco a diez años y multa de dos a cinco millones de pesos", 2e6, 5e6},
	} {
		ps := ParseFor(tc.text, tc.lang, "")
		if len(ps) == 0 || ps[0].FineMin == nil || ps[0].FineMax == nil {
			t.Fatalf("%q: no fine range parsed: %+v", tc.text, ps)
		}
		if *ps[0].FineMin != tc.min || *ps[0].FineMax != tc.max {
			t.Errorf("%q: fine %v–%v, want %v–%v", tc.text, *ps[0].FineMin, *ps[0].FineMax, tc.min, tc.max)
		}
	}
}

// "d'un an au moins": a minimum, not the opening bound of a range.
func TestMinimumAfterDe(t *testing.T) {
	ps := ParseFor("la peine est une peine privative de liberté d'un an au moins.", "fr", "")
	if len(ps) == 0 || ps[0].MinMonths == nil || *ps[0].MinMonths != 12 || ps[0].MaxMonths != nil {
		t.Fatalf("parsed %+v, want a minimum of 12 months and no maximum", ps)
	}
}

// A minimum stated after the maximum, or after "peine minimale d'emprisonnement":
// the "de" before its number belongs to the qualifier, not to a range.
func TestMinimumQualifierBeforeDe(t *testing.T) {
	for _, tc := range []struct {
		text     string
		min, max float64
	}{
		{"d'un emprisonnement maximal de quinze ans, la peine minimale étant de quatre ans, dans les autres cas", 48, 180},
		{"est passible d'un emprisonnement maximal de quatorze ans et d'une peine minimale d'emprisonnement de cinq ans", 60, 168},
		{"est puni d'une peine minimale d'emprisonnement de cinq à dix ans", 60, 120},
	} {
		ps := ParseFor(tc.text, "fr", "")
		if len(ps) == 0 || ps[0].MinMonths == nil || ps[0].MaxMonths == nil || *ps[0].MinMonths != tc.min || *ps[0].MaxMonths != tc.max {
			t.Errorf("%q: parsed %+v, want %v–%v months", tc.text, ps, tc.min, tc.max)
		}
	}
	ps := ParseFor("la peine est l'emprisonnement à vie.", "fr", "")
	if len(ps) == 0 || !ps[0].Life {
		t.Errorf("'emprisonnement à vie' is life imprisonment: %+v", ps)
	}
}

// "privación perpetua de la libertad": a custodial phrase holding a life
// word is life imprisonment.
func TestLifeInsideCustodialPhrase(t *testing.T) {
	ps := ParseFor("Se sanciona con privación perpetua de la libertad, o privación temporal de libertad de quince a treinta años, a quien capte a una persona.", "es", "")
	if len(ps) == 0 || !ps[0].Life || ps[0].MinMonths == nil || *ps[0].MinMonths != 180 {
		t.Fatalf("parsed %+v, want life or 15–30 years", ps)
	}
}

// "pena de reclusión por un término fijo de quince (15) años": a fixed
// term is both minimum and maximum.
func TestFixedTerm(t *testing.T) {
	ps := ParseFor("incurrirá en delito grave con pena de reclusión por un término fijo de quince (15) años.", "es", "")
	if len(ps) == 0 || ps[0].MinMonths == nil || ps[0].MaxMonths == nil || *ps[0].MinMonths != 180 || *ps[0].MaxMonths != 180 {
		t.Fatalf("parsed %+v, want a fixed term of 180 months", ps)
	}
}

// "La peine est portée à dix à vingt ans": the first "à" opens the range.
func TestRaisedToRange(t *testing.T) {
	ps := ParseFor("La peine est portée à dix (10) à vingt (20) ans d'emprisonnement lorsque la victime est un enfant.", "fr", "")
	if len(ps) == 0 || ps[0].MinMonths == nil || ps[0].MaxMonths == nil || *ps[0].MinMonths != 120 || *ps[0].MaxMonths != 240 {
		t.Fatalf("parsed %+v, want 120–240 months", ps)
	}
}

// A term whose subject is the penalty itself ("la pena será de …", "the
// penalty shall be …") is custody, though no custodial noun is written;
// not when the term is added to the penalty or belongs to another sanction.
func TestPenaltyAsSubject(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		min, max   float64 // none (-1) for nil; both none: no sanction
	}{
		{"es", "Cuando la víctima sea una persona menor de edad, la pena será de once a catorce años.", 132, 168},
		{"es", "En los supuestos más graves la pena podrá elevarse hasta doce años.", none, 144},
		{"es", "Si concurre alguna agravante, la pena fija establecida podrá ser aumentada hasta un máximo de veinte (20) años.", none, 240},
		{"fr", "La peine est portée à vingt-cinq ans lorsque l'auteur est un ascendant de la victime.", none, 300},
		{"en", "Where the offence is committed against a child, the penalty shall be eighteen years.", none, 216},
		{"es", "La pena se aumentará en tres años cuando el autor sea funcionario público.", none, none},
		{"es", "Se impondrá además la pena de inhabilitación absoluta de seis a doce años.", none, none},
		{"en", "The penalty shall be increased by four years where the offender is a public officer.", none, none},
		{"es", "La pena será la prevista en el artículo anterior, y la víctima tendrá derecho a una reparación durante dos años.", none, none},
	} {
		ps := ParseFor(c.text, c.lang, "")
		if c.min == none && c.max == none {
			if len(ps) != 0 {
				t.Errorf("%q: parsed %s, want no sanction", c.text, describe(ps[0]))
			}
			continue
		}
		if len(ps) != 1 {
			t.Errorf("%q: parsed %d sanctions, want 1", c.text, len(ps))
			continue
		}
		p := ps[0]
		if fmtPtr(p.MinMonths) != fmtPtr(ptrOrNil(c.min)) || fmtPtr(p.MaxMonths) != fmtPtr(ptrOrNil(c.max)) {
			t.Errorf("%q: parsed %s, want min %v max %v", c.text, describe(p), c.min, c.max)
		}
	}
}

func ptrOrNil(v float64) *float64 {
	if v == none {
		return nil
	}
	return &v
}

// A sentence the court must impose ("shall be punished with imprisonment
// for a period of N years") with no bound named is a fixed term; one it may
// impose ("liable to", "punishable by") names the maximum.
func TestMandatoryTermIsFixed(t *testing.T) {
	for _, c := range []struct {
		text     string
		min, max float64
	}{
		{"Any person who sells a child shall be punished with imprisonment for a period of 12 years.", 144, 144},
		{"A person convicted under this section shall be sentenced to imprisonment for seven years.", 84, 84},
		{"Any person who sells a child shall be liable to imprisonment for 12 years.", none, 144},
		{"An offence under section 4 shall be punishable by imprisonment for twelve years.", none, 144},
		{"Any person who sells a child shall be punished with imprisonment for a term not exceeding 12 years.", none, 144},
	} {
		ps := ParseFor(c.text, "en", "")
		if len(ps) != 1 {
			t.Errorf("%q: parsed %d sanctions, want 1", c.text, len(ps))
			continue
		}
		if fmtPtr(ps[0].MinMonths) != fmtPtr(ptrOrNil(c.min)) || fmtPtr(ps[0].MaxMonths) != fmtPtr(ptrOrNil(c.max)) {
			t.Errorf("%q: parsed %s, want min %v max %v", c.text, describe(ps[0]), c.min, c.max)
		}
	}
}

// "life or any shorter period, but not less than ten years" keeps its
// minimum; a fine at a level of a scale of fines, "or to both", can replace
// imprisonment.
func TestShorterPeriodAndFineLevel(t *testing.T) {
	ps := ParseFor("is guilty of an offence and liable to imprisonment for life or any shorter period, but not less than twelve years.", "en", "")
	if len(ps) != 1 || !ps[0].Life || fmtPtr(ps[0].MinMonths) != "144" {
		t.Errorf("life or any shorter period: parsed %v, want life with a minimum of 144 months", ps)
	}
	ps = ParseFor("is liable to a fine not exceeding level nine or to imprisonment for a period not exceeding three years or to both such fine and such imprisonment.", "en", "")
	if len(ps) != 1 || !ps[0].FineAlternative || fmtPtr(ps[0].MaxMonths) != "36" || ps[0].Currency == nil || *ps[0].Currency != "level" {
		t.Errorf("fine at a level: parsed %v, want 36 months, a fine in levels that can replace it", ps)
	}
}

// A place of custody between the custodial noun and its term, "or less
// than" after "not more than", and "que no será menor de … ni mayor de …".
func TestCustodyPlaceAndSpelledBounds(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		min, max   float64
		life       bool
	}{
		{"en", "An offence under this section is punishable by imprisonment in the State Penitentiary for life or for any term of not more than 40 years or less than 6 years.", 72, 480, true},
		{"en", "is liable to imprisonment in a correctional centre for a term not exceeding seven years.", none, 84, false},
		{"es", "conlleva una pena de reclusión por un término fijo que no será menor de cuatro (4) años y un (1) día ni mayor de nueve (9) años.", 48.03, 108, false},
	} {
		ps := ParseFor(c.text, c.lang, "")
		if len(ps) != 1 {
			t.Errorf("%q: parsed %d sanctions, want 1", c.text, len(ps))
			continue
		}
		p := ps[0]
		if fmtPtr(p.MinMonths) != fmtPtr(ptrOrNil(c.min)) || fmtPtr(p.MaxMonths) != fmtPtr(ptrOrNil(c.max)) || p.Life != c.life {
			t.Errorf("%q: parsed %s, want min %v max %v life %v", c.text, describe(p), c.min, c.max, c.life)
		}
	}
}

// "aggravated imprisonment" names a custodial penalty, no aggravation; "or
// by one of these two penalties" lets the fine replace imprisonment.
func TestAggravatedImprisonmentAndOneOfTwo(t *testing.T) {
	ps := ParseFor("Whoever sells a person shall be punished by aggravated imprisonment and a fine of not less than ten thousand pounds.", "en", "")
	if len(ps) != 1 || ps[0].Variant != VariantBasic || ps[0].Grade == nil {
		t.Errorf("aggravated imprisonment: parsed %v, want one basic sanction named by its grade", ps)
	}
	ps = ParseFor("shall be punished by imprisonment for a period of not less than one year and not exceeding three years and a fine of not more than five thousand pounds, or by one of these two penalties.", "en", "")
	if len(ps) != 1 || !ps[0].FineAlternative {
		t.Errorf("one of these two penalties: parsed %v, want a fine that can replace imprisonment", ps)
	}
}

// "hard labour" is custody, with or without "temporary" before it.
func TestHardLabour(t *testing.T) {
	ps := ParseFor("shall be punished by temporary hard labour and a fine of not less than one thousand dinars.", "en", "")
	if len(ps) != 1 || ps[0].Grade == nil || ps[0].Grade.Name != "hard labour" {
		t.Errorf("temporary hard labour: parsed %v, want custody named by its grade", ps)
	}
	ps = ParseFor("The penalty shall be hard labour for not less than twelve years.", "en", "")
	if len(ps) != 1 || fmtPtr(ps[0].MinMonths) != "144" {
		t.Errorf("hard labour for not less than twelve years: parsed %v, want a minimum of 144 months", ps)
	}
}

// A prison term "conmutable a razón de … por cada día" can be replaced by a
// payment; "no será conmutable" cannot.
func TestCommutableTerm(t *testing.T) {
	ps := ParseFor("será sancionado con prisión hasta de dos años, conmutable a razón de treinta sueldos por cada día.", "es", "")
	if len(ps) != 1 || !ps[0].FineAlternative {
		t.Errorf("conmutable: parsed %v, want a fine alternative", ps)
	}
	ps = ParseFor("será sancionado con prisión de cinco a ocho años, no conmutable.", "es", "")
	if len(ps) != 1 || ps[0].FineAlternative {
		t.Errorf("no conmutable: parsed %v, want no fine alternative", ps)
	}
}

// "permanente" makes custody life only right after the custodial noun.
func TestPermanentLifeOnlyAfterCustody(t *testing.T) {
	ps := ParseFor("será castigado con la pena de prisión permanente revisable.", "es", "")
	if len(ps) != 1 || !ps[0].Life {
		t.Errorf("prisión permanente: parsed %v, want life", ps)
	}
	ps = ParseFor("Lorsque le travail forcé a entraîné une infirmité permanente, la peine est la réclusion criminelle de dix à vingt ans.", "fr", "")
	if len(ps) != 1 || ps[0].Life {
		t.Errorf("infirmité permanente: parsed %v, want no life term", ps)
	}
}

// "the statutory maximum fine or both" is a fine that can replace
// imprisonment.
func TestStatutoryMaximumFine(t *testing.T) {
	ps := ParseFor("is liable on summary conviction to imprisonment for 12 months or the statutory maximum fine or both.", "en", "")
	if len(ps) != 1 || !ps[0].FineAlternative {
		t.Errorf("statutory maximum fine: parsed %v, want a fine alternative", ps)
	}
}

// A sanction other than custody with a term of its own ("restriction of
// liberty for up to three years", "arrest for up to two months") does not
// give the imprisonment its term.
func TestOtherSanctionTermIsNotCustody(t *testing.T) {
	ps := ParseFor("shall be punished by a fine or restriction of liberty for up to two years or imprisonment for a term of three to six years.", "en", "")
	if len(ps) != 1 || fmtPtr(ps[0].MinMonths) != "36" || fmtPtr(ps[0].MaxMonths) != "72" || !ps[0].FineAlternative {
		t.Errorf("restriction of liberty: parsed %v, want 36-72 months with a fine alternative", ps)
	}
	ps = ParseFor("is punished with arrest for the term of up to two months, or imprisonment for the term of up to four years.", "en", "")
	if len(ps) != 1 || fmtPtr(ps[0].MaxMonths) != "48" {
		t.Errorf("arrest: parsed %v, want imprisonment up to 48 months", ps)
	}
}

// A fine alone, then "or" and custody in the same sentence, is the
// custody's fine alternative; fines in units of a scale are read.
func TestFineThenOrCustody(t *testing.T) {
	ps := ParseFor("is punished with a fine in the amount of three hundred to five hundred minimal salaries, or arrest for the term of up to two months, or imprisonment for the term of up to four years.", "en", "")
	var custody *Penalty
	for i := range ps {
		if ps[i].HasImprisonment() {
			custody = &ps[i]
		}
	}
	if custody == nil || fmtPtr(custody.MaxMonths) != "48" || !custody.FineAlternative {
		t.Errorf("parsed %v, want imprisonment up to 48 months that a fine can replace", ps)
	}
	ps = ParseFor("shall be liable to a fine of 5000 dollars. He shall also be liable to imprisonment for 3 years.", "en", "")
	for _, p := range ps {
		if p.HasImprisonment() && p.FineAlternative {
			t.Errorf("a fine in another sentence: parsed %v, want no fine alternative", ps)
		}
	}
}

// TestQuantityLawNumber: a law's number glued to letters by slashes
// ("n°33/AN/09") is no duration, though "an" is a French year.
func TestQuantityLawNumber(t *testing.T) {
	for _, q := range Quantities("La durée du délai de réflexion est fixée par l'article 27 de la loi n°33/AN/09 relative aux étrangers.", "fr") {
		if q.Unit != "" {
			t.Errorf("quantity %+v, want no unit in a law number", q)
		}
	}
	if qs := Quantities("un délai de trente jours", "fr"); len(qs) != 1 || qs[0].Unit != UnitDay {
		t.Errorf("quantities %+v, want thirty days", qs)
	}
}
