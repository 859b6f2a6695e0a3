package penalty

import "testing"

// TestVariantRules checks, on sentences written for this test, each rule
// that keeps a sanction out of the basic row: a repeat conviction, a less
// serious case, summary conviction beside indictment, and a term added to
// another. Each case lists the variants Parse must give, in text order,
// with the maximum (or added) term in months.
func TestVariantRules(t *testing.T) {
	type row struct {
		v    Variant
		max  float64 // none: no maximum
		life bool
		proc string
		rel  string
		add  float64 // AddedMonths, none when not relative
	}
	tests := []struct {
		name, lang, text string
		want             []row
	}{
		// One clause listing several circumstances takes the first listed.
		{"fr kidnapping before death", "fr",
			"Quiconque exploite une personne est passible de l'emprisonnement à perpétuité s'il séquestre la victime ou cause sa mort.",
			[]row{{v: VariantAggravated, max: none, life: true}}},
		{"en organised group before death", "en",
			"Whoever commits trafficking in persons as a member of an organised criminal group, or causes the death of the victim, shall be punished with imprisonment for life.",
			[]row{{v: VariantOrganised, max: none, life: true}}},
		{"en death before organised group", "en",
			"Whoever commits trafficking in persons and causes the death of the victim, or does so as a member of an organised criminal group, shall be punished with imprisonment for life.",
			[]row{{v: VariantDeath, max: none, life: true}}},
		{"en serious injury or death is one item", "en",
			"Where, in the course of the offence, the victim suffers serious injury or dies, the offender is liable to imprisonment for life.",
			[]row{{v: VariantDeath, max: none, life: true}}},
		{"es relative of the victim before organised group", "es",
			"La pena será de ocho a doce años de prisión cuando el autor fuere ascendiente de la víctima o el hecho fuere cometido por tres o más personas en forma organizada.",
			[]row{{v: VariantAggravated, max: 144}}},
		{"en the word aggravating is no circumstance", "en",
			"Where the aggravating circumstance of the activity of an organised criminal group is present, the offender shall be punished with imprisonment for fourteen years.",
			[]row{{v: VariantOrganised, max: 168}}},
		// Coercive means in the condition after a sanction aggravate it.
		{"es means in the condition after the sanction", "es",
			"La trata será sancionada: 2. Con pena privativa de libertad de diecinueve a veintidós años, si la persona infractora ha empleado violencia o amenaza, o si la infracción se comete por una organización criminal.",
			[]row{{v: VariantAggravated, max: 264}}},
		{"es means in the offence after the sanction", "es",
			"Será castigado con prisión de cinco a diez años el que, mediante violencia o amenaza, capte a una persona con fines de explotación.",
			[]row{{v: VariantBasic, max: 120}}},
		// "Est puni de … le fait de …": the subject follows the sanction; the
		// means it names are the offence, a condition after it aggravates.
		{"fr le fait de after the sanction", "fr",
			"Est puni de cinq à dix ans d'emprisonnement le fait de recruter une personne en recourant à la violence ou à l'enlèvement, aux fins de son exploitation.",
			[]row{{v: VariantBasic, max: 120}}},
		{"fr quiconque right after the sanction", "fr",
			"Sera puni de la détention de cinq à douze ans quiconque aura hébergé une personne par l'enlèvement ou la ruse en vue de son exploitation.",
			[]row{{v: VariantBasic, max: 144}}},
		{"fr cas de peu de gravité", "fr",
			"Dans les cas de peu de gravité, la peine est une peine privative de liberté de deux ans au plus.",
			[]row{{v: VariantMitigated, max: 24}}},
		// the victim's death or serious injury in the code's own verbs
		{"es muriere, lesiones graves", "es",
			"Si la víctima sufriere lesiones graves, la pena será de prisión de hasta diez años. Si la víctima muriere, la pena será de prisión no menor de veinte años.",
			[]row{{v: VariantAggravated, max: 120}, {v: VariantDeath, max: none}}},
		{"fr blessures graves", "fr",
			"Lorsque la victime a subi des blessures graves, la peine est portée à quinze ans d'emprisonnement.",
			[]row{{v: VariantAggravated, max: 180}}},
		// a lighter penalty for releasing the victim is a mitigation
		{"fr volontairement libéré", "fr",
			"Lorsque l'auteur a volontairement libéré la victime avant toute exploitation, la peine est un emprisonnement de un à trois ans.",
			[]row{{v: VariantMitigated, max: 36}}},
		{"fr toute personne qui", "fr",
			"Toute personne qui recrute une personne par l'enlèvement ou la fraude aux fins de son exploitation est passible d'une peine d'emprisonnement maximale de 15 ans.",
			[]row{{v: VariantBasic, max: 180}}},
		{"fr déjà condamnée, commet à nouveau", "fr",
			"Toute personne qui, étant déjà condamnée pour une infraction au présent article, commet à nouveau une telle infraction est passible de l'emprisonnement à vie.",
			[]row{{v: VariantSubsequent, max: none, life: true}}},
		{"en minor significance", "en",
			"If the offence is of minor significance, the perpetrator shall be punished by a fine or by imprisonment of up to one year.",
			[]row{{v: VariantMitigated, max: 12}}},
		{"fr le fait de, then a condition", "fr",
			"Est puni de dix à vingt ans de réclusion le fait de recruter une personne aux fins de son exploitation lorsque la victime a subi des tortures.",
			[]row{{v: VariantAggravated, max: 240}}},
		// "une personne, adulte ou enfant": anyone, not a child victim
		{"fr adulte ou enfant", "fr",
			"Est puni de la réclusion criminelle de dix à vingt ans quiconque vend ou achète une personne, adulte ou enfant, comme un bien.",
			[]row{{v: VariantBasic, max: 240}}},
		{"en adult or child", "en",
			"A person who sells another person, adult or child, as property shall be punished with imprisonment for twenty years.",
			[]row{{v: VariantBasic, max: 240}}},
		{"en again convicted", "en",
			"A person who, having been convicted of an offence under this Act, is again convicted of such an offence is liable to imprisonment for life.",
			[]row{{v: VariantSubsequent, max: none, life: true}}},
		// a condition that is the conviction itself aggravates nothing
		{"fr lorsqu'elle en est reconnue coupable", "fr",
			"Lorsqu'elle en est reconnue coupable, la personne qui exploite le travail d'autrui est passible d'un emprisonnement de cinq à sept ans.",
			[]row{{v: VariantBasic, max: 84}}},
		{"en second or subsequent", "en",
			"Any person who keeps a worker in bondage is liable to imprisonment for a term not exceeding eight years and, on a second or subsequent conviction, to imprisonment for life.",
			[]row{{v: VariantBasic, max: 96}, {v: VariantSubsequent, max: none, life: true}}},
		{"en subsequent conviction in its own sentence", "en",
			"A person who exploits another person commits an offence punishable by imprisonment for six years. Upon a subsequent conviction the offender is liable to imprisonment for twelve years.",
			[]row{{v: VariantBasic, max: 72}, {v: VariantSubsequent, max: 144}}},
		{"en first and repeat offence under one sanction", "en",
			"A person who commits the offence is liable to imprisonment for life and to a minimum punishment of imprisonment for a term of\n(i) in the case of a first offence, three years, and\n(ii) in the case of a second or subsequent offence, six years.",
			[]row{{v: VariantBasic, max: none, life: true}}},
		{"en previously convicted", "en",
			"Whoever forces a person to beg shall be punished with imprisonment for up to four years; if he has previously been convicted of such an offence, with imprisonment for up to nine years.",
			[]row{{v: VariantBasic, max: 48}, {v: VariantSubsequent, max: 108}}},
		{"de Wiederholungsfall", "de",
			"Wer einen Menschen zur Bettelei zwingt, wird mit Freiheitsstrafe bis zu drei Jahren bestraft, im Wiederholungsfall mit Freiheitsstrafe bis zu sechs Jahren.",
			[]row{{v: VariantBasic, max: 36}, {v: VariantSubsequent, max: 72}}},
		{"fr récidive", "fr",
			"Le fait de contraindre une personne à mendier est puni de deux ans d'emprisonnement. En cas de récidive, la peine est portée à quatre ans d'emprisonnement.",
			[]row{{v: VariantBasic, max: 24}, {v: VariantSubsequent, max: 48}}},
		{"es reincidencia", "es",
			"El que obligue a otro a mendigar será castigado con prisión de uno a tres años. En caso de reincidencia, la pena será de prisión de tres a seis años.",
			[]row{{v: VariantBasic, max: 36}, {v: VariantSubsequent, max: 72}}},
		{"en less serious case", "en",
			"Whoever keeps a person in servitude shall be punished with imprisonment of two to ten years; in a less serious case the penalty is imprisonment of six months to five years.",
			[]row{{v: VariantBasic, max: 120}, {v: VariantMitigated, max: 60}}},
		{"de minder schwerer Fall", "de",
			"Wer einen anderen zur Arbeit zwingt, wird mit Freiheitsstrafe von einem Jahr bis zu zehn Jahren bestraft. In minder schweren Fällen ist die Strafe Freiheitsstrafe von drei Monaten bis zu fünf Jahren.",
			[]row{{v: VariantBasic, max: 120}, {v: VariantMitigated, max: 60}}},
		{"en indictment then summary in one sentence", "en",
			"A person guilty of an offence under this section is liable on conviction on indictment to imprisonment for a term not exceeding twelve years, or on summary conviction to imprisonment for a term not exceeding six months or to a fine.",
			[]row{{v: VariantBasic, max: 144, proc: ProcIndictment}, {v: VariantSummary, max: 6, proc: ProcSummary}}},
		{"en summary then indictment as list items", "en",
			"A person who commits an offence under this section is liable— (a) on summary conviction, to imprisonment for a term not exceeding one year or a fine or both; (b) on conviction on indictment, to imprisonment for a term not exceeding fourteen years.",
			[]row{{v: VariantSummary, max: 12, proc: ProcSummary}, {v: VariantBasic, max: 168, proc: ProcIndictment}}},
		{"en summary only stays basic", "en",
			"A person who withholds a worker's wages is liable on summary conviction to imprisonment for a term not exceeding three months.",
			[]row{{v: VariantBasic, max: 3, proc: ProcSummary}}},
		{"en additional term", "en",
			"Where the victim is injured, the court may impose, in addition to the term for the offence, an additional three years of imprisonment.",
			[]row{{v: VariantAggravated, max: none, rel: RelAdditional, add: 36}}},
		{"en further term", "en",
			"If the offender used a weapon, a further term of imprisonment of four years may be imposed.",
			[]row{{v: VariantAggravated, max: none, rel: RelAdditional, add: 48}}},
		{"en child sanction stated apart", "en",
			"Any person who commits an offence under subsection (1) shall be liable to imprisonment for a term not exceeding fifteen years. Where the offence is committed in relation to a child, the person shall be liable to imprisonment for a term not exceeding twenty-five years.",
			[]row{{v: VariantBasic, max: 180}, {v: VariantChild, max: 300}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(tc.text, tc.lang)
			if len(got) != len(tc.want) {
				for _, p := range got {
					t.Logf("got %s", describe(p))
				}
				t.Fatalf("got %d sanctions, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				p := got[i]
				if p.Variant != w.v || !eqPtr(p.MaxMonths, w.max) || p.Life != w.life || p.Procedure != w.proc ||
					p.Relative != w.rel || (w.rel == "") != (p.AddedMonths == nil) || w.rel != "" && !eqPtr(p.AddedMonths, w.add) {
					t.Errorf("sanction %d: got %s procedure=%q added=%s, want variant %s max %v life %v procedure %q relative %q added %v",
						i, describe(p), p.Procedure, fmtPtr(p.AddedMonths), w.v, w.max, w.life, w.proc, w.rel, w.add)
				}
			}
		})
	}
}

// TestResolveAdditional checks that an added term lands on the base
// maximum and keeps the base minimum.
func TestResolveAdditional(t *testing.T) {
	base := Penalty{MinMonths: fp(12), MaxMonths: fp(60)}
	rel := Penalty{Relative: RelAdditional, AddedMonths: fp(24)}
	got, ok := ResolveRelative(rel, base)
	if !ok || !eqPtr(got.MinMonths, 12) || !eqPtr(got.MaxMonths, 84) {
		t.Fatalf("got %s ok=%v, want min 12 max 84", describe(got), ok)
	}
	if _, ok := ResolveRelative(rel, Penalty{MinMonths: fp(12)}); ok {
		t.Errorf("resolved an added term against a base with no maximum")
	}
}

// TestSplitProcedures checks the rule on sanctions the caller gathered
// from separate clauses of one provision.
func TestSplitProcedures(t *testing.T) {
	ps := []Penalty{
		{Variant: VariantBasic, Procedure: ProcSummary},
		{Variant: VariantBasic, Procedure: ProcIndictment},
		{Variant: VariantChild, Procedure: ProcSummary},
	}
	SplitProcedures(ps)
	if ps[0].Variant != VariantSummary || ps[1].Variant != VariantBasic || ps[2].Variant != VariantChild {
		t.Errorf("got %s, %s, %s; want summary_conviction, basic, child_victim", ps[0].Variant, ps[1].Variant, ps[2].Variant)
	}
	alone := []Penalty{{Variant: VariantBasic, Procedure: ProcSummary}}
	SplitProcedures(alone)
	if alone[0].Variant != VariantBasic {
		t.Errorf("a summary-only sanction became %s, want basic", alone[0].Variant)
	}
}
