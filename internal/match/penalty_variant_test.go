package match

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestFactsVariantRows checks, on statutes written for this test, that a
// repeat-conviction sanction and a summary-conviction sanction beside an
// indictment one are rows of their own and never widen or replace the basic
// row, and that the pen.* checks judge the penalties a first offender faces.
func TestFactsVariantRows(t *testing.T) {
	ix := corpusOf(t, "en", `### 4 Trafficking in persons

(1) A person who recruits, transports or harbours another person for the purpose of exploitation commits an offence.

(2) A person who commits an offence under subsection (1) is liable—

- (a) on summary conviction, to imprisonment for a term not exceeding one year or to a fine;
- (b) on conviction on indictment, to imprisonment for a term not exceeding twelve years and, on a second or subsequent conviction, to imprisonment for life.
`)
	type row struct {
		v    penalty.Variant
		max  float64 // -1: none
		life bool
	}
	want := []row{{penalty.VariantSummary, 12, false}, {penalty.VariantBasic, 144, false}, {penalty.VariantSubsequent, -1, true}}
	fs := Facts(ix)
	if len(fs) != len(want) {
		t.Fatalf("got %d facts, want %d: %+v", len(fs), len(want), fs)
	}
	for i, w := range want {
		p := fs[i].Penalty
		okMax := w.max < 0 && p.MaxMonths == nil || p.MaxMonths != nil && *p.MaxMonths == w.max
		if p.Variant != w.v || !okMax || p.Life != w.life {
			t.Errorf("fact %d: variant %s max %v life %v, want %+v", i, p.Variant, p.MaxMonths, p.Life, w)
		}
	}
	// twelve years on indictment: serious, although the summary maximum is one year
	if o := run(t, ix, standard.CheckPenaltyThreshold, map[string]float64{"max_months_min": 48}); o.Level != LMet {
		t.Errorf("penalty-threshold: %s, want met (%s)", o.Level, o.Reason.Code)
	}
	// a fine alone on summary conviction; the life term on a repeat
	// conviction does not make the offence's imprisonment mandatory
	if o := run(t, ix, standard.CheckFineAlternative, nil); o.Level != LPartial {
		t.Errorf("fine-alternative: %s, want partial (%s)", o.Level, o.Reason.Code)
	}
}

// TestAggravatedHeading: a later offence whose heading calls it aggravated
// gives an aggravated row; the same section with a plain heading, after
// another basic offence, keeps its own basic row.
func TestAggravatedHeading(t *testing.T) {
	for _, tc := range []struct {
		heading string
		want    penalty.Variant
	}{
		{"Trafficking in persons—aggravated offence", penalty.VariantAggravated},
		{"Further trafficking offence", penalty.VariantBasic},
	} {
		ix := corpusOf(t, "en", `### 2 Trafficking in persons

A person who recruits, transports or harbours another person for the purpose of exploitation commits an offence.

Penalty: Imprisonment for 12 years.

### 3 `+tc.heading+`

A person who recruits, transports or harbours another person for the purpose of exploitation and subjects the victim to cruel treatment commits an offence.

Penalty: Imprisonment for 20 years.
`)
		fs := Facts(ix)
		if len(fs) != 2 {
			t.Fatalf("%s: %d facts, want 2: %+v", tc.heading, len(fs), fs)
		}
		if fs[1].Penalty.Variant != tc.want {
			t.Errorf("%s: second row %s, want %s", tc.heading, fs[1].Penalty.Variant, tc.want)
		}
	}
}

// TestLeadInTakesUpNamedOffence: "Est puni … quiconque commet la traite des
// personnes : 1° à l'égard d'un enfant ; …" after the article that defines
// and punishes the offence is its aggravation, the first circumstance
// deciding the row.
func TestLeadInTakesUpNamedOffence(t *testing.T) {
	ix := corpusOf(t, "fr", `### Article 5

La traite des personnes, à savoir le recrutement, le transport ou l'hébergement d'une personne aux fins d'exploitation, est punie d'un emprisonnement de deux à cinq ans.

### Article 6

Est puni de la réclusion de dix à vingt ans quiconque commet la traite des personnes :

1° à l'égard d'un enfant ;

2° en bande organisée.
`)
	var got []penalty.Variant
	for _, f := range Facts(ix) {
		got = append(got, f.Penalty.Variant)
	}
	if len(got) != 2 || got[0] != penalty.VariantBasic || got[1] != penalty.VariantChild {
		t.Errorf("variants %v, want [basic child_victim]", got)
	}
}

// TestOwnCircumstanceAfterList: a sentence that opens with its own
// circumstance after a list of aggravations ("Cuando … se produzca la
// muerte de la víctima, la pena será …") is that circumstance's row, not
// the list's first.
func TestOwnCircumstanceAfterList(t *testing.T) {
	ix := corpusOf(t, "es", `### Artículo 52

El que captare, transportare o acogiere a una o más personas con fines de explotación será sancionado con reclusión de diez a quince años.

### Artículo 54

Las penas del delito de trata de personas se incrementarán en un tercio cuando:

1) La víctima sea menor de dieciocho años;
2) El hecho sea cometido por un grupo delictivo organizado.

Cuando a consecuencia del delito se produzca la muerte de la víctima, la pena será de veinte a treinta años de reclusión.
`)
	var death bool
	for _, f := range Facts(ix) {
		if f.Penalty.MaxMonths != nil && *f.Penalty.MaxMonths == 360 {
			death = f.Penalty.Variant == penalty.VariantDeath
		}
	}
	if !death {
		t.Errorf("the death sentence after the list is not a death row: %+v", Facts(ix))
	}
}

// TestSameTermsNoAggravation: a second subsection that names force but is
// punished exactly like the basic offence of its section is basic, not an
// aggravated form; a heavier one stays aggravated.
func TestSameTermsNoAggravation(t *testing.T) {
	for _, tc := range []struct {
		second string
		want   penalty.Variant
	}{
		{"seven years", penalty.VariantBasic},
		{"fourteen years", penalty.VariantAggravated},
	} {
		ix := corpusOf(t, "en", `### 3 Trafficking in persons

(1) Whoever recruits, harbours or transports another person for the purpose of sexual exploitation shall be punished with imprisonment which may extend to seven years.

(2) Whoever recruits, harbours or transports another person by means of force, fraud or coercion for the purpose of forced labour shall be punished with imprisonment which may extend to `+tc.second+`.
`)
		fs := Facts(ix)
		if len(fs) != 2 || fs[1].Penalty.Variant != tc.want {
			var got []penalty.Variant
			for _, f := range fs {
				got = append(got, f.Penalty.Variant)
			}
			t.Errorf("%s: variants %v, want the second %s", tc.second, got, tc.want)
		}
	}
}

// TestSanctionAfterItems: a sanction printed after the items of its own
// lead-in ("… is committed— (a) against a child; (b) …, and is liable …")
// takes the items as its circumstances.
func TestSanctionAfterItems(t *testing.T) {
	ix := corpusOf(t, "en", `### 3 Trafficking in persons

A person who recruits, transports or harbours another person for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for fifteen years.

### 4 Aggravated trafficking in persons

(1) A person commits the offence of aggravated trafficking in persons where the offence under section 3 is committed—

(a) against a child;
(b) by an organised criminal group,

and is liable on conviction to imprisonment for life.
`)
	var got []penalty.Variant
	for _, f := range Facts(ix) {
		got = append(got, f.Penalty.Variant)
	}
	if len(got) != 2 || got[1] != penalty.VariantChild {
		t.Errorf("variants %v, want [basic child_victim]", got)
	}
}

// TestLaterDefinitionNoChildRow: a definition of exploitation after the
// sanction, listing the use of minors among its forms, does not make the
// sanction a child-victim row.
func TestLaterDefinitionNoChildRow(t *testing.T) {
	ix := corpusOf(t, "es", `### Artículo 10

Toda acción dolosa de una o varias personas para captar, transportar o recibir a una o varias personas con fines de explotación se le impondrá de 5 a 15 años de prisión.

Se entenderá por explotación: la esclavitud; la prostitución ajena; la utilización de personas menores de dieciocho años en actividades delictivas.
`)
	fs := Facts(ix)
	if len(fs) != 1 || fs[0].Penalty.Variant != penalty.VariantBasic {
		t.Errorf("facts %+v, want one basic row", fs)
	}
}

// TestCircumstancesFromSiblingAndOffenceLine: a sanction subsection takes
// the circumstances a subsection before it lists for a named aggravated
// form, and a "Penalty:" line takes the circumstance of the offence
// sentence above it.
func TestCircumstancesFromSiblingAndOffenceLine(t *testing.T) {
	sibling := corpusOf(t, "en", `### 3 Trafficking in persons

A person who recruits, transports or harbours another person for the purpose of exploitation commits an offence and is liable to imprisonment for ten years.

### 7 Severe trafficking in persons

(1) Trafficking in persons shall be severe trafficking in persons where—

(a) the victim is a child;

(b) the offence is committed by a syndicate.

(2) A person convicted of severe trafficking in persons shall be liable to imprisonment for twenty years.
`)
	line := corpusOf(t, "en", `### 208C Trafficking in persons

A person who recruits, transports or harbours another person for the purpose of exploitation is guilty of a crime.

Penalty: Imprisonment for 20 years.

### 208E Aggravated trafficking in persons

A person who commits a crime against Section 208C and, in the course of committing it, causes the death of the trafficked person is guilty of a crime.

Penalty: Imprisonment for life.
`)
	named := corpusOf(t, "en", `### 3 Trafficking in persons

A person who recruits, transports or harbours another person for the purpose of exploitation commits an offence and is liable to imprisonment for ten years.

### 4 Aggravating circumstances

(1) The following are aggravating circumstances for the offence under section 3 —

(a) the offender is a public officer;

(b) the victim is a child.

(2) Where any aggravating circumstance is proved, the offender is liable to imprisonment for twenty years.
`)
	form := corpusOf(t, "en", `### 3 Trafficking in persons

A person who recruits, transports or harbours another person for the purpose of exploitation commits an offence and is liable to imprisonment for ten years.

### 4 Aggravated offence

(1) A person who commits the offence under section 3 commits an aggravated offence where—
(a) the offender is a public officer;
(b) the victim is a child.

(2) A person who commits an aggravated offence shall be liable on conviction to imprisonment for twenty-five years.
`)
	for _, tc := range []struct {
		name string
		ix   *index.Index
		want penalty.Variant
	}{{"sibling list", sibling, penalty.VariantChild}, {"penalty line", line, penalty.VariantDeath},
		{"sibling list named as the aggravating circumstances", named, penalty.VariantChild},
		{"sibling list of a named aggravated offence", form, penalty.VariantChild}} {
		fs := Facts(tc.ix)
		if len(fs) != 2 || fs[1].Penalty.Variant != tc.want {
			var got []penalty.Variant
			for _, f := range fs {
				got = append(got, f.Penalty.Variant)
			}
			t.Errorf("%s: variants %v, want the second %s", tc.name, got, tc.want)
		}
	}
}

// TestChildAgedUnder18: "une personne âgée de moins de dix-huit ans" is the
// offence's child victim.
func TestChildAgedUnder18(t *testing.T) {
	ix := corpusOf(t, "fr", `### 279.01 Traite des personnes

(1) Quiconque recrute, transporte ou héberge une personne en vue de l'exploiter commet un acte criminel passible d'un emprisonnement maximal de quatorze ans.

### 279.011 Traite des personnes

(1) Quiconque recrute, transporte ou héberge une personne âgée de moins de dix-huit ans en vue de l'exploiter commet un acte criminel passible d'un emprisonnement maximal de quatorze ans, la peine minimale étant de cinq ans.
`)
	fs := Facts(ix)
	if len(fs) != 2 || fs[1].Penalty.Variant != penalty.VariantChild {
		var got []penalty.Variant
		for _, f := range fs {
			got = append(got, f.Penalty.Variant)
		}
		t.Errorf("variants %v, want [basic child_victim]", got)
	}
}

// TestSanctionClosingPurposeList: a sanction printed after a list of
// purposes whose last item names minors ("7) Utilización de personas
// menores de dieciocho años …; será castigado …") is the basic row.
func TestSanctionClosingPurposeList(t *testing.T) {
	ix := corpusOf(t, "es", `### Artículo 219

Quien capte, transporte, traslade, acoja o reciba a una o más personas con alguna de las finalidades siguientes:

1) Explotación sexual comercial;

2) Utilización de personas menores de dieciocho años en actividades delictivas;

será castigado con las penas de prisión de diez a quince años.
`)
	fs := Facts(ix)
	if len(fs) != 1 || fs[0].Penalty.Variant != penalty.VariantBasic {
		t.Errorf("facts %+v, want one basic row", fs)
	}
}

// TestSecondListAfterJoinedLeadIn: a second list whose lead-in ("La pena
// será … cuando:") the parser joined to the last item of the first list
// takes its circumstances from the provisions that follow it.
func TestSecondListAfterJoinedLeadIn(t *testing.T) {
	ix := corpusOf(t, "es", `**Artículo 3.- Trata de personas**

El que capta, transporta o recibe a una persona con fines de explotación es reprimido con pena privativa de libertad no menor de ocho ni mayor de quince años.

**Artículo 4.- Formas agravadas**

La pena será no menor de quince ni mayor de veinte años de pena privativa de libertad cuando:

1. El agente es funcionario público.
2. El hecho es cometido con violencia.

La pena será privativa de libertad no menor de treinta años cuando:

1. Se produzca la muerte de la víctima.
2. La víctima es menor de catorce años de edad.
`)
	var got []penalty.Variant
	for _, f := range Facts(ix) {
		got = append(got, f.Penalty.Variant)
	}
	if len(got) != 3 || got[1] != penalty.VariantOfficial || got[2] != penalty.VariantChild {
		t.Errorf("variants %v, want basic, public_official, child_victim", got)
	}
}

// TestLastItemOwnSanction: a sanction paragraph the parser joined to the
// last item of a list ("Cuando la víctima fuere menor … la pena será …")
// is no circumstance of the list's own sanction.
func TestLastItemOwnSanction(t *testing.T) {
	ix := corpusOf(t, "es", `**Artículo 3.- Trata de personas**

El que capta, transporta o recibe a una persona con fines de explotación será reprimido con prisión de cuatro a ocho años.

**Artículo 4.- Agravantes**

En los supuestos del artículo 3 la pena será de seis a diez años de prisión, cuando:

1. Mediare violencia o amenaza.
2. El autor fuere funcionario público.

Cuando la víctima fuere menor de dieciocho años la pena será de diez a quince años de prisión.
`)
	var got []penalty.Variant
	for _, f := range Facts(ix) {
		got = append(got, f.Penalty.Variant)
	}
	if len(got) != 3 || got[1] != penalty.VariantAggravated || got[2] != penalty.VariantChild {
		t.Errorf("variants %v, want basic, aggravated, child_victim", got)
	}
}

// TestFirstItemOfficial: the first item of an aggravation list naming a
// public official ("l'auteur est un fonctionnaire") gives the
// public_official row, read with the penalty parser's words.
func TestFirstItemOfficial(t *testing.T) {
	ix := corpusOf(t, "fr", `### Article 5.- Traite des personnes

Quiconque recrute, transporte ou héberge une personne aux fins de son exploitation est puni de sept à quinze ans d'emprisonnement.

### Article 6.- Circonstances aggravantes

Les peines prévues à l'article 5 sont portées de quinze à trente ans d'emprisonnement lorsque :

a) l'auteur est un fonctionnaire ayant abusé de ses fonctions ;

b) l'infraction a été commise par un groupe criminel organisé.
`)
	var got []penalty.Variant
	for _, f := range Facts(ix) {
		got = append(got, f.Penalty.Variant)
	}
	if len(got) != 2 || got[1] != penalty.VariantOfficial {
		t.Errorf("variants %v, want basic, public_official", got)
	}
}

// TestChildAsAddedCase: a child named in a concessive clause ("even if
// that person is a child") is a case the offence also covers, not its
// only victim.
func TestChildAsAddedCase(t *testing.T) {
	ix := corpusOf(t, "en", `### 3. Transport of persons for exploitation

(1) A person shall not recruit or transport another person for the purpose of exploitation, even if that person is a child or the child or a parent of the child agrees.

(2) A person who recruits or transports a person for exploitation commits an offence and is liable on conviction to imprisonment for not less than six years.
`)
	fs := Facts(ix)
	if len(fs) != 1 || fs[0].Penalty.Variant != penalty.VariantBasic {
		var got []penalty.Variant
		for _, f := range fs {
			got = append(got, f.Penalty.Variant)
		}
		t.Errorf("variants %v, want basic", got)
	}
}

// TestSummaryItemBesideIndictment: "(a) on summary conviction, …; and (b)
// on conviction on indictment, …" gives a summary_conviction row and the
// offence's own (here child_victim) row.
func TestSummaryItemBesideIndictment(t *testing.T) {
	ix := corpusOf(t, "en", `### 5. Trafficking of children for sexual purposes.

(1) A person who recruits, transports, harbours or receives a child for the purpose of prostitution commits an offence and is liable—

(a) on summary conviction, to a fine not exceeding ten thousand dollars or to imprisonment for a term not exceeding three years, or to both; and

(b) on conviction on indictment, to imprisonment for twelve years.
`)
	var got []penalty.Variant
	for _, f := range Facts(ix) {
		got = append(got, f.Penalty.Variant)
	}
	if len(got) != 2 || got[0] != penalty.VariantSummary || got[1] != penalty.VariantChild {
		t.Errorf("variants %v, want summary_conviction, child_victim", got)
	}
}

// TestSaleWordings: "la venta, la entrega … de una persona menor de edad"
// and parents who "le remettent ou le cèdent" for exploitation are sales of
// children, with child_victim rows.
func TestSaleWordings(t *testing.T) {
	for _, tc := range []struct{ lang, text string }{
		{"es", "### Artículo 174. Venta de personas menores de edad\n\nSerá sancionado con pena de prisión de seis a diez años quien promueva, facilite o realice la venta, la entrega o el traspaso de una persona menor de edad a cambio de cualquier beneficio.\n"},
		{"fr", "### Article 10\n\nLes parents ou tuteurs d'un enfant qui le remettent ou le cèdent à un tiers en vue de son exploitation sont punis de cinq à dix ans d'emprisonnement.\n"},
		// the plural of the offence's name
		{"fr", "### Article 12\n\nLa vente d'enfants est punie de huit à quinze ans d'emprisonnement.\n"},
	} {
		ix := corpusOf(t, tc.lang, tc.text)
		fs := Facts(ix)
		if len(fs) != 1 || fs[0].Offence != OffSale || fs[0].Penalty.Variant != penalty.VariantChild {
			var got []string
			for _, f := range fs {
				got = append(got, f.Offence+"/"+string(f.Penalty.Variant))
			}
			t.Errorf("%s: facts %v, want one sale_of_children child_victim row", tc.lang, got)
		}
	}
}

// TestCircumstancesFromNextSubsection: "(1) … in aggravating circumstances
// shall be liable to imprisonment for life. (2) For the purposes of
// subsection (1), aggravating circumstances exist where— (a) the offender
// is a public officer …": the first listed decides.
func TestCircumstancesFromNextSubsection(t *testing.T) {
	ix := corpusOf(t, "en", `### 3. Trafficking in persons

(1) A person who recruits, transports, harbours or receives another person for the purpose of exploitation commits an offence and shall, on conviction, be liable to imprisonment for twenty years.

### 4. Aggravated trafficking

(1) A person who commits an offence under section 3(1) in aggravating circumstances shall, on conviction, be liable to imprisonment for life.

(2) For the purposes of subsection (1), aggravating circumstances exist where—
(a) the offender is a public officer acting in the course of his duties;
(b) the victim dies as a result of the offence.
`)
	var got []penalty.Variant
	for _, f := range Facts(ix) {
		got = append(got, f.Penalty.Variant)
	}
	if len(got) != 2 || got[1] != penalty.VariantOfficial {
		t.Errorf("variants %v, want basic, public_official", got)
	}
}

// TestCircumstanceItemWithWho: an aggravation section whose lead-in takes up
// the offence before ("The punishment shall be … where:") keeps that
// offence's class, though an item it lists names a person with "who".
func TestCircumstanceItemWithWho(t *testing.T) {
	ix := corpusOf(t, "en", `## Part II Offences

### 4. Trafficking in Persons

Any person who recruits, transports or harbours another person for the purpose of exploitation shall be punished with rigorous imprisonment from 10 to 20 years.

### 5. Aggravating circumstances

The punishment shall be rigorous imprisonment from 18 to 25 years where:

a) the victim is a child;

b) the offender is a public servant who abused his office.
`)
	var got []string
	for _, f := range Facts(ix) {
		got = append(got, string(f.Seg.Section.ID)+" "+f.Offence+" "+string(f.Penalty.Variant))
	}
	want := []string{"s4 trafficking basic", "s5 trafficking child_victim"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// TestSaleOfAPersonAndForcedLabourHeading: selling any person for
// exploitation is trafficking, whatever the article's heading; a second
// offence in an article captioned "Travail forcé" is no aggravated form of
// the first because its caption says "forcé".
func TestSaleOfAPersonAndForcedLabourHeading(t *testing.T) {
	ix := corpusOf(t, "fr", `## Chapitre II Infractions

### Article 7 Vente d'êtres humains

Quiconque achète ou vend une personne aux fins de son exploitation est puni d'un emprisonnement de huit à quinze ans.

### Article 8 Travail forcé

1 Quiconque contraint une personne par la menace à accomplir un travail qu'elle n'a pas offert de son plein gré est puni d'un emprisonnement de cinq ans au plus.

2 Quiconque maintient une personne en servitude est puni d'un emprisonnement de deux ans au moins.
`)
	var got []string
	for _, f := range Facts(ix) {
		got = append(got, string(f.Seg.Prov.ID)+" "+f.Offence+" "+string(f.Penalty.Variant))
	}
	want := []string{"art7 trafficking basic", "art8(1) forced_labour basic", "art8(2) forced_labour basic"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// TestOffenceGradeRows: a code whose offences state only their grade ("is
// a felony of the second degree") gets rows with the terms its general part
// gives that grade; the general part itself gives none.
func TestOffenceGradeRows(t *testing.T) {
	ix := corpusOf(t, "en", `## Title 3 Punishments

### Sec. 12.32 First degree felony punishment

An individual adjudged guilty of a felony of the first degree shall be punished by imprisonment in the State Penitentiary for life or for any term of not more than 60 years or less than 5 years.

### Sec. 12.33 Second degree felony punishment

An individual adjudged guilty of a felony of the second degree shall be punished by imprisonment in the State Penitentiary for any term of not more than 20 years or less than 2 years.

## Title 5 Offenses against the person

### Sec. 20.02 Trafficking of persons

(a) A person commits an offense if the person knowingly recruits, transports or harbors another person for the purpose of forced labor or prostitution.

(b) An offense under this section is a felony of the second degree, except that it is a felony of the first degree if the trafficked person is a child.
`)
	var got []string
	for _, f := range Facts(ix) {
		if f.Offence == OffRelated {
			continue // the general part's own sanctions: facts, never rows
		}
		p := f.Penalty
		got = append(got, fmt.Sprintf("%s %s %s %v-%v life=%v", f.Seg.Prov.ID, f.Offence, p.Variant, fmtMonths(p.MinMonths), fmtMonths(p.MaxMonths), p.Life))
	}
	want := []string{"s20.02(b) trafficking basic 24-240 life=false", "s20.02(b) trafficking child_victim 60-720 life=true"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("facts %q, want %q", got, want)
	}
}

func fmtMonths(v *float64) string {
	if v == nil {
		return "nil"
	}
	return fmt.Sprint(*v)
}

// TestInjuryOrDeathItem: a first listed circumstance that names an injury
// and, after a comma, the victim's death is the death variant.
func TestInjuryOrDeathItem(t *testing.T) {
	ix := corpusOf(t, "en", "## Part 4 People trafficking\n\n### 41 People trafficking\n\nA person who recruits, transports or harbours another person for the purpose of exploitation commits an offence and shall be liable upon conviction to imprisonment for a period not exceeding 20 years.\n\n### 43 Aggravated people trafficking\n\nWhere a person commits an offence under section 41 and -\n(a) the offence causes grave harm to, or the death of, the trafficked person;\n(b) the offence is committed by an organised criminal group,\n\nthat person shall be liable upon conviction to imprisonment for a period not exceeding 28 years.\n")
	var got []string
	for _, f := range Facts(ix) {
		got = append(got, string(f.Seg.Prov.ID)+" "+string(f.Penalty.Variant))
	}
	if want := "s41 basic; s43(b) death"; strings.Join(got, "; ") != want {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// TestRepeatedActCountsOnce: one act named in two items of a list is one
// act, so the section is no trafficking offence (Palermo's structure needs
// two acts or more for a purpose of exploitation).
func TestRepeatedActCountsOnce(t *testing.T) {
	ix := corpusOf(t, "fr", `## Titre V Travail des enfants

### Article 105

Sont interdites les pires formes de travail des enfants, notamment :

a) le fait de recruter un enfant en vue de son exploitation dans les mines ;

b) le fait de recruter un enfant en vue de son exploitation dans la pêche.

Est puni d'un emprisonnement de deux à cinq ans quiconque enfreint les dispositions du présent article.
`)
	sec := ix.Segments[0].Section
	if got := classOf(ix, sec, map[*statute.Provision]string{}, 0); got == OffTrafficking {
		t.Errorf("class %s, want no trafficking offence (one act, named twice)", got)
	}
}

// TestAggravationInStatuteWithoutDivisions: an aggravation article with no
// offence of its own takes up the article before it, also at the top of a
// statute without chapters, and a "who" in a case its lead-in lists ("in any
// of the following cases:") names no new offender.
func TestAggravationInStatuteWithoutDivisions(t *testing.T) {
	ix := corpusOf(t, "en", `### Article (3)

Whoever recruits, transports or harbours a person for the purpose of exploitation shall be punished with imprisonment for a period of not less than five years.

### Article (4)

The penalty shall be imprisonment for a period of not less than seven years in any of the following cases:

(a) if the victim is a child;

(b) if the offender is a public servant who exploited his office.
`)
	var got []string
	for _, f := range Facts(ix) {
		got = append(got, string(f.Seg.Section.ID)+" "+f.Offence+" "+string(f.Penalty.Variant))
	}
	if want := "art3 trafficking basic; art4 trafficking child_victim"; strings.Join(got, "; ") != want {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// TestChildAgeNeedsAnOffence: a code with no trafficking or sale offence
// (a labour code) defines no child for def.child-age-18, whatever age its
// own rules use; with a sale-of-children offence its definition counts.
func TestChildAgeNeedsAnOffence(t *testing.T) {
	labour := `## Chapter I General

### 2 Interpretation

In this Code, "child" means a person under the age of eighteen years.

### 3 Minimum age

No employer shall employ a child under the age of fifteen years.
`
	if o := run(t, corpusOf(t, "en", labour), standard.CheckChildAge, nil); o.Level != LGap {
		t.Errorf("labour code: %s, want gap (no offence for the child definition to serve)", o.Level)
	}
	sale := labour + `
### 4 Sale of children

A person who sells a child for any purpose commits an offence and is liable to imprisonment for ten years.
`
	if o := run(t, corpusOf(t, "en", sale), standard.CheckChildAge, nil); o.Level != LMet {
		t.Errorf("with a sale offence: %s, want met", o.Level)
	}
}

// TestCircumstanceParagraphsBeforeSanction: circumstances printed as
// paragraphs of one provision ("2.1. against a child;") between its
// conditional lead-in and the sanction give the sanction its variant; a
// sanction with a condition of its own keeps it.
func TestCircumstanceParagraphsBeforeSanction(t *testing.T) {
	ix := corpusOf(t, "en", `## Chapter XVII Trafficking

### Article 171

1. Whoever engages in trafficking in persons shall be punished by imprisonment of five (5) to twelve (12) years.

2. When the offence provided for in paragraph 1 of this Article is committed:

2.1. by an official person in the exercise of official duties;

2.2. against a child,

the perpetrator shall be punished by imprisonment of at least ten (10) years.
`)
	var got []string
	for _, f := range Facts(ix) {
		got = append(got, string(f.Seg.Prov.ID)+" "+string(f.Penalty.Variant))
	}
	if want := "art171(1) basic; art171(2) child_victim"; strings.Join(got, "; ") != want {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// TestSameActsCommittedLeadIn: "The same acts committed: 1) against a
// minor; 2) by a group," with the sanction after the list ("is punished
// with …", the formula of codes in translation) is the child row.
func TestSameActsCommittedLeadIn(t *testing.T) {
	ix := corpusOf(t, "en", `## Chapter 19 Crimes against liberty

### Article 132 Trafficking in persons

1. Recruitment, transportation or harbouring of a person for the purpose of exploitation is punished with imprisonment for the term of five to eight years.

2. The same acts committed:

1) against a minor;

2) by a group of persons,

are punished with imprisonment for the term of eight to twelve years.
`)
	var got []string
	for _, f := range Facts(ix) {
		got = append(got, string(f.Penalty.Variant))
	}
	if want := "basic; child_victim"; strings.Join(got, "; ") != want {
		t.Errorf("variants %q, want %q", got, want)
	}
}

// TestChildAmongVictimsOfAnAggravation: a raise "cuando la víctima sea
// niña, niño o adolescente, persona con discapacidad o mujer embarazada"
// is a child aggravation, though the item also names adults.
func TestChildAmongVictimsOfAnAggravation(t *testing.T) {
	ix := corpusOf(t, "es", `## Capítulo I Trata de personas

### Artículo 281 bis. Trata de personas

I. Será sancionado con privación de libertad de diez a quince años quien capte, traslade o reciba a una persona con fines de explotación.

II. La pena se agravará en un tercio cuando:

1. La víctima sea niña, niño o adolescente, persona con discapacidad o mujer embarazada;

2. El autor sea servidor público.
`)
	if o := run(t, ix, standard.CheckChildAggravation, nil); o.Level != LMet {
		t.Errorf("child aggravation: %s (%s), want met", o.Level, o.Reason.Code)
	}
}

// TestSpanishFutureSubjunctiveAndConductAnaphor: a code's future
// subjunctive ("el que se sirviere de los servicios de una víctima") is the
// use of a victim's services, a related offence and no trafficking row; an
// article taking up "las conductas descritas en este Capítulo" is the
// chapter's trafficking offence, so its death clause is a row.
func TestSpanishFutureSubjunctiveAndConductAnaphor(t *testing.T) {
	ix := corpusOf(t, "es", `## Capítulo I Trata de personas

### Artículo 10

El que captare, transportare o acogiere a una persona con fines de explotación será sancionado con prisión de ocho a doce años.

### Artículo 11

El que, a sabiendas de que una persona es víctima de trata, se sirviere de sus servicios será sancionado con prisión de uno a tres años.

### Artículo 12

Si como consecuencia de las conductas descritas en este Capítulo resultare la muerte de la víctima, la pena será de veinte a treinta años de prisión.
`)
	got := factLabels(ix)
	want := []string{"art10:trafficking:basic", "art11:related:basic", "art12:trafficking:death"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("facts %v, want %v", got, want)
	}
}

// TestReferenceToABodyLendsNoOffence: a child-labour sanction refers to a
// list of hazardous work, which names a committee "de lutte contre la
// traite des enfants" by its article; the committee lends the sanction no
// trafficking offence (and so no trafficking row).
func TestReferenceToABodyLendsNoOffence(t *testing.T) {
	ix := corpusOf(t, "fr", `### Article 5 : Travaux dangereux

Il est interdit d'employer un enfant aux travaux dangereux, dont la liste est fixée par arrêté après avis du Comité prévu à l'article 19.

### Article 7 : Sanctions

Quiconque affecte un enfant à l'un des travaux dangereux visés à l'article 5 est puni d'un emprisonnement de deux à cinq ans.

### Article 19 : Comité

Il est créé un Comité national de lutte contre le travail et la traite des enfants, chargé de coordonner l'action des services publics.
`)
	for _, f := range Facts(ix) {
		if f.Offence == OffTrafficking {
			t.Errorf("%s: a trafficking row, want none (the committee lends no offence)", f.Seg.Prov.ID)
		}
	}
}

// TestUseOfServicesOfAVictimByReference: a clause punishing whoever, knowing
// a person is the victim of the offences an article names, makes use of
// that person's services is a related offence even in an article whose
// other clause names an act ("provides premises"): no trafficking row.
func TestUseOfServicesOfAVictimByReference(t *testing.T) {
	ix := corpusOf(t, "en", `#### 301A. Trafficking in persons

(1) Whosoever recruits, transports or harbours a person for the purpose of exploitation shall, on conviction, be liable to imprisonment from four to twelve years.

#### 301D. Related offences

(1) Whosoever knowingly finances or provides premises for the commission of an offence mentioned in article 301A shall be liable to the same punishment.

(2) Whosoever, knowing that a person is the victim of an offence mentioned in article 301A, makes use of the services of that person shall, on conviction, be liable to imprisonment from one to four years or to a fine.
`)
	for _, f := range Facts(ix) {
		if f.Seg.Prov.ID == "s301D(2)" && f.Offence != OffRelated {
			t.Errorf("s301D(2): %s, want related (use of a victim's services)", f.Offence)
		}
	}
}

// TestLabelledParagraphOwnCircumstance: a paragraph labelled "Párrafo I.-"
// that opens with its own circumstance after a list of aggravations is that
// circumstance's row (death), not the list's child circumstance.
func TestLabelledParagraphOwnCircumstance(t *testing.T) {
	ix := corpusOf(t, "es", `### Artículo 185

El que captare, transportare o acogiere a una persona con fines de explotación será sancionado con reclusión mayor de diez a veinte años.

### Artículo 188

La pena será de quince a treinta años de reclusión mayor cuando:

1) La víctima sea menor de edad;

2) El autor sea funcionario público.

Párrafo I.- Si a consecuencia del hecho la víctima falleciere, la pena será de treinta a cuarenta años de reclusión mayor.
`)
	var got []string
	for _, f := range Facts(ix) {
		got = append(got, string(f.Penalty.Variant))
	}
	if want := "basic child_victim death"; strings.Join(got, " ") != want {
		t.Errorf("variants %v, want %s", got, want)
	}
}

// TestAggravationsAfterADefinition: an aggravation article ("La pena será
// de … cuando: a) la víctima sea niña, niño o adolescente") that follows a
// definition article takes up the offence before the definition.
func TestAggravationsAfterADefinition(t *testing.T) {
	ix := corpusOf(t, "es", `## Capítulo VII Trata de personas

### Art. 182 Trata de personas

Quien capte, transporte o acoja a una persona con fines de explotación será sancionado con pena de diez a quince años de prisión.

### Art. 183 Concepto de niña, niño y adolescente

Para los efectos de este Capítulo se entiende por niña, niño y adolescente la persona definida en el Código de la Niñez.

### Art. 184 Circunstancias agravantes

La pena será de quince a dieciocho años de prisión cuando:

a) la víctima sea niña, niño o adolescente;

b) el autor sea funcionario público.
`)
	got := factLabels(ix)
	if len(got) != 2 || got[1] != "art184:trafficking:child_victim" {
		t.Errorf("facts %v, want art184 a trafficking child_victim row", got)
	}
}

// TestPenaltyOfAnotherArticleRaised: "La pena prevista en el encabezamiento
// del artículo 174 será de presidio de doce a dieciocho años cuando: …"
// states a sanction of its own for the offence it names: a row.
func TestPenaltyOfAnotherArticleRaised(t *testing.T) {
	ix := corpusOf(t, "es", "### Artículo 174\n\nQuien capte, transporte o acoja a una persona con fines de explotación será penado con prisión de ocho a doce años.\n\n### Artículo 175\n\nLa pena prevista en el encabezamiento del artículo 174 será de presidio de doce a dieciocho años cuando:\n\n1. El hecho sea cometido por un grupo organizado;\n\n2. El autor sea funcionario público.\n")
	got := factLabels(ix)
	if want := "art174:trafficking:basic art175:trafficking:organised_group"; strings.Join(got, " ") != want {
		t.Errorf("facts %v, want %s", got, want)
	}
}

// TestOwnCircumstanceOfAChildOffence: in a child-trafficking article, a
// paragraph opening with its own circumstance ("Cuando el autor sea el
// padre … o un funcionario público, la reclusión será …") aggravates a
// child offence: child_victim (gold README), not public_official.
func TestOwnCircumstanceOfAChildOffence(t *testing.T) {
	ix := corpusOf(t, "es", "### Artículo 185.- Trata de niños.\n\nQuien capte, transporte, traslade, acoja o reciba a un niño o niña con fines de explotación sexual o trabajo forzoso será sancionado con reclusión de ocho a doce años.\n\nCuando el autor sea el padre, la madre o un funcionario público, la reclusión será de doce a quince años.\n")
	var got []string
	for _, f := range Facts(ix) {
		got = append(got, string(f.Penalty.Variant))
	}
	if want := "child_victim child_victim"; strings.Join(got, " ") != want {
		t.Errorf("variants %v, want %s", got, want)
	}
}

// TestFrenchFuturePerfectSaleAndDeceasedVictim: "Quiconque aura vendu,
// acheté, cédé ou reçu un enfant … sera puni" is the sale of a child; "si la
// victime est décédée des suites des traitements subis" is the death row.
func TestFrenchFuturePerfectSaleAndDeceasedVictim(t *testing.T) {
	ix := corpusOf(t, "fr", `### Article 294

Quiconque aura recruté, transporté ou hébergé une personne par la menace ou la contrainte en vue de son exploitation sera puni de cinq à dix ans d'emprisonnement.

### Article 294-2

Sera puni de vingt ans d'emprisonnement le coupable du crime prévu à l'article précédent, si la victime est décédée des suites des traitements subis ou si elle a été soumise à des actes de barbarie.

### Article 294-3

Quiconque aura vendu, acheté, cédé ou reçu un enfant, moyennant une rémunération ou tout autre avantage, sera puni de trois à sept ans d'emprisonnement.
`)
	got := factLabels(ix)
	want := "art294:trafficking:basic art294-2:trafficking:death art294-3:sale_of_children:child_victim"
	if strings.Join(got, " ") != want {
		t.Errorf("facts %v, want %s", got, want)
	}
}

// factLabels lists the penalty facts of ix as provision:offence:variant.
func factLabels(ix *index.Index) []string {
	var got []string
	for _, f := range Facts(ix) {
		got = append(got, fmt.Sprintf("%s:%s:%s", f.Seg.Prov.ID, f.Offence, f.Penalty.Variant))
	}
	return got
}

// TestRepeatWordings: "having been sentenced for … commits another" and
// "ayant été condamné pour … aura commis la même infraction" are repeat
// convictions: rows of their own, not the basic offence.
func TestRepeatWordings(t *testing.T) {
	for _, tc := range []struct{ lang, body, want string }{
		{"en", "### 12 Trafficking\n\n(1) Whosoever recruits, transports or harbours a person by force for the purpose of exploitation shall, on conviction, be liable to imprisonment for a term from four to nine years.\n\n(2) Whosoever, having been sentenced for an offence under subsection (1), commits another such offence shall, on conviction, be liable to imprisonment for a term from nine to eighteen years.\n",
			"s12(1):trafficking:basic s12(2):trafficking:subsequent_conviction"},
		{"fr", "### Art. 20.\n\nQuiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation sera puni de la réclusion de cinq ans à dix ans.\n\n### Art. 21.\n\nQuiconque, ayant été condamné pour une infraction visée à l'article 20, aura commis la même infraction dans les cinq ans, sera puni de la réclusion de dix ans à quinze ans.\n",
			"art20:trafficking:basic art21:trafficking:subsequent_conviction"},
	} {
		ix := corpusOf(t, tc.lang, tc.body)
		if got := strings.Join(factLabels(ix), " "); got != tc.want {
			t.Errorf("%s: facts %s, want %s", tc.lang, got, tc.want)
		}
	}
}

// TestChildOffenceTakenUp: an offence that only takes up a child offence
// of another article ("en vue de la commission de l'infraction prévue à
// l'article 162") is a child_victim row; a repeat of it stays a repeat.
func TestChildOffenceTakenUp(t *testing.T) {
	body := "### Article 162\n\nEst puni de dix à vingt ans de servitude pénale principale quiconque recrute, transporte ou héberge un enfant aux fins d'exploitation.\n\n" +
		"### Article 165\n\nQuiconque, ayant été condamné pour une infraction visée à l'article 162, aura commis la même infraction dans les cinq ans, sera puni de vingt à trente ans de servitude pénale principale.\n\n" +
		"### Article 166\n\nEst puni de dix ans de servitude pénale principale au plus quiconque fournit sciemment un local ou des fonds en vue de la commission de l'infraction prévue à l'article 162.\n"
	ix := corpusOf(t, "fr", body)
	got := strings.Join(factLabels(ix), " ")
	for _, want := range []string{"art162:trafficking:child_victim", "art165:trafficking:subsequent_conviction", "art166:trafficking:child_victim"} {
		if !strings.Contains(got, want) {
			t.Errorf("facts %s, want %s", got, want)
		}
	}
}

// TestConvictionOnInformation: "on conviction on information" is trial on
// indictment (the Bahamian and Caribbean wording): the summary penalty
// beside it is a summary_conviction row, not the basic one.
func TestConvictionOnInformation(t *testing.T) {
	ix := corpusOf(t, "en", "### 6 Facilitating trafficking\n\nA person who knowingly facilitates the trafficking of another person commits an offence and is liable—\n\n(a) on summary conviction, to imprisonment for a term not exceeding two years;\n\n(b) on conviction on information, to imprisonment for a term not exceeding seven years.\n")
	got := strings.Join(factLabels(ix), " ")
	if !strings.Contains(got, ":summary_conviction") || !strings.Contains(got, "s6(b):trafficking:basic") {
		t.Errorf("facts %s, want s6(a) summary_conviction and s6(b) basic", got)
	}
}

// TestForcedLabourByDefinition: forced labour named by the words of its
// definition (C29 art. 2) rather than by name, "un travail … qu'elle n'a
// pas librement accepté", "work … under the threat of any penalty", is a
// forced-labour offence with its rows.
func TestForcedLabourByDefinition(t *testing.T) {
	for _, tc := range []struct{ lang, body, want string }{
		{"fr", "### Article 30\n\nLe fait de contraindre une personne, par des violences ou des menaces, à accomplir un travail qu'elle n'a pas librement accepté est puni de l'emprisonnement de trois à cinq ans.\n",
			"art30:forced_labour:basic"},
		{"en", "### Article (6)\n\nShall be punished by imprisonment for a term of not less than three years whoever compels a person to perform work against his will under the threat of any penalty.\n",
			"art6:forced_labour:basic"},
	} {
		ix := corpusOf(t, tc.lang, tc.body)
		if got := strings.Join(factLabels(ix), " "); got != tc.want {
			t.Errorf("%s: facts %q, want %s", tc.lang, got, tc.want)
		}
	}
}

// TestVictimMentionIsNoOffence: a carrier's fine beside its duty to report
// a passenger who "est victime de traite" is no trafficking offence; a
// sentence that punishes where the victim of trafficking is a child still
// aggravates trafficking.
func TestVictimMentionIsNoOffence(t *testing.T) {
	ix := corpusOf(t, "fr", "### Article L. 823-4\n\nLa compagnie aérienne qui débarque un étranger non muni des documents requis est passible d'une amende de 10 000 euros. Elle est tenue de signaler aux autorités tout indice laissant supposer qu'un passager est victime de traite.\n")
	if c := sectionClass(ix, ix.Segments[0].Section); c != OffRelated {
		t.Errorf("carrier's fine classed %s, want %s", c, OffRelated)
	}
	ix = corpusOf(t, "fr", "### Article 11\n\nQuiconque dissimule ou détruit la pièce d'identité d'une victime de la traite est puni de un à trois ans d'emprisonnement.\n")
	if c := sectionClass(ix, ix.Segments[0].Section); c != OffRelated {
		t.Errorf("hiding a victim's papers classed %s, want %s", c, OffRelated)
	}
	ix = corpusOf(t, "fr", "### Article 12\n\nLorsque la victime de la traite est un enfant, la peine est de quinze à vingt ans de réclusion.\n")
	if got := strings.Join(factLabels(ix), " "); !strings.Contains(got, ":trafficking:") {
		t.Errorf("facts %s, want a trafficking row", got)
	}
}

// TestOfficialPersonAndFinalConviction: "an official person … performing
// his official duty" is a public official; "after having been finally
// convicted" is a repeat conviction.
func TestOfficialPersonAndFinalConviction(t *testing.T) {
	ix := corpusOf(t, "en", "### Article 186\n\n(1) Whoever recruits, transports or harbours a person by force for the purpose of exploitation shall be punished by imprisonment for a term between three and ten years.\n\n(2) An official person who commits the offence referred to in paragraph 1 of this Article while performing his official duty shall be punished by imprisonment for a term not less than five years.\n\n(3) Whoever, after having been finally convicted of the offence referred to in paragraph 1 of this Article, commits it again shall be punished by imprisonment for a term not less than eight years.\n")
	want := "art186(1):trafficking:basic art186(2):trafficking:public_official art186(3):trafficking:subsequent_conviction"
	if got := strings.Join(factLabels(ix), " "); got != want {
		t.Errorf("facts %s, want %s", got, want)
	}
}

// TestFailureToInformPlain: "quiconque, ayant connaissance de
// l'infraction de traite, n'en informe pas les autorités" punishes a
// failure to report, not trafficking: no trafficking row.
func TestFailureToInformPlain(t *testing.T) {
	ix := corpusOf(t, "fr", "### Art. 303 bis 8\n\nEst puni d'un emprisonnement d'un an à cinq ans quiconque, ayant connaissance de l'infraction de traite des personnes, n'en informe pas immédiatement les autorités compétentes.\n")
	if got := strings.Join(factLabels(ix), " "); strings.Contains(got, ":trafficking:") {
		t.Errorf("facts %s, want no trafficking row", got)
	}
}

// TestRecidivismArticleTakesUpOffence: an article of its own on repeat
// offences ("En cas de récidive, la peine ne peut être inférieure à vingt
// ans") after the offence takes it up: a subsequent_conviction row.
func TestRecidivismArticleTakesUpOffence(t *testing.T) {
	ix := corpusOf(t, "fr", "### Article 6.- Traite\n\nQuiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation est passible de sept à quinze ans d'emprisonnement.\n\n### Article 9.- Récidive\n\nEn cas de récidive, la peine ne peut être inférieure à vingt (20) ans de travaux forcés.\n")
	if got, want := strings.Join(factLabels(ix), " "), "art6:trafficking:basic art9:trafficking:subsequent_conviction"; got != want {
		t.Errorf("facts %s, want %s", got, want)
	}
}

// TestParentsWhoHandOver: parents who "le remettent à un tiers en vue de
// son exploitation" (plural) sell the child as the singular does.
func TestParentsWhoHandOver(t *testing.T) {
	ix := corpusOf(t, "fr", "### Article 8\n\nLes père, mère ou tuteur d'un enfant qui le remettent à un tiers en vue de son exploitation sont punis d'un emprisonnement de six mois à deux ans.\n")
	if got := strings.Join(factLabels(ix), " "); !strings.HasPrefix(got, "art8:") || strings.Contains(got, ":related:") {
		t.Errorf("facts %q, want a row for art8", got)
	}
}

// TestAuthorIsPunishedTakesUpOffence: "Lorsque la victime est un enfant,
// l'auteur est puni de …" in an article of its own takes up the offence
// before it.
func TestAuthorIsPunishedTakesUpOffence(t *testing.T) {
	ix := corpusOf(t, "fr", "### Article 5\n\nQuiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation est puni de cinq à dix ans d'emprisonnement.\n\n### Article 6\n\nLorsque la victime est un enfant, l'auteur est puni de dix à vingt ans d'emprisonnement.\n")
	if got, want := strings.Join(factLabels(ix), " "), "art5:trafficking:basic art6:trafficking:child_victim"; got != want {
		t.Errorf("facts %s, want %s", got, want)
	}
}

// TestSanctionedBefore: "Si el culpable ha sido sancionado anteriormente
// por este delito, la sanción es …" is a repeat conviction.
func TestSanctionedBefore(t *testing.T) {
	ix := corpusOf(t, "es", "### Artículo 363\n\n363.1. Se sanciona con privación de libertad de siete a quince años al que capte, traslade o acoja a una persona mediante violencia con fines de explotación.\n\n363.4. Si el culpable ha sido sancionado anteriormente por este delito, la sanción es de privación de libertad de quince a treinta años.\n")
	if got := strings.Join(factLabels(ix), " "); !strings.Contains(got, ":subsequent_conviction") {
		t.Errorf("facts %s, want a subsequent_conviction row", got)
	}
}

// TestGradeScaleComprende: "la pena de prisión mayor comprende de seis
// años y un día a doce años" gives the grade its term, as "dura" does.
func TestGradeScaleComprende(t *testing.T) {
	body := "### Artículo 3\n\nPara la aplicación de la presente Ley, la pena de prisión mayor comprende de seis años y un día a doce años.\n\n" +
		"### Artículo 7\n\nEl que captare, transportare o acogiere a una persona mediante violencia con fines de explotación será castigado con la pena de prisión mayor.\n"
	ix := corpusOf(t, "es", body)
	for _, f := range Facts(ix) {
		if f.Seg.Prov.ID == "art7" {
			if f.Penalty.MaxMonths == nil || *f.Penalty.MaxMonths != 144 {
				t.Errorf("art7 penalty %+v, want a maximum of 144 months from the scale", f.Penalty)
			}
			return
		}
	}
	t.Error("no fact for art7")
}

// TestPenaltyWordings: "not being less than fifteen years" is a minimum;
// "La réclusion criminelle à perpétuité est encourue lorsque …" is a
// sanction clause with the penalty as its subject.
func TestPenaltyWordings(t *testing.T) {
	ix := corpusOf(t, "en", "### 4 Trafficking in persons\n\n(2) A person who recruits, transports or harbours a child for the purpose of exploitation commits an offence and is liable on conviction on indictment to imprisonment for life or such other term, not being less than fifteen years, as the court considers appropriate.\n")
	fs := Facts(ix)
	if len(fs) == 0 || fs[0].Penalty.MinMonths == nil || *fs[0].Penalty.MinMonths != 180 {
		t.Errorf("en facts %+v, want a minimum of 180 months", fs)
	}
	ix = corpusOf(t, "fr", "### Article 211\n\nQuiconque recrute, transporte ou héberge un enfant aux fins d'exploitation est puni de la réclusion criminelle à temps de dix à vingt ans.\n\n### Article 213\n\nLa réclusion criminelle à perpétuité est encourue lorsque la traite a entraîné la mort de l'enfant.\n")
	if got := strings.Join(factLabels(ix), " "); !strings.Contains(got, "art213:") {
		t.Errorf("fr facts %s, want a row for art213", got)
	}
}

// TestGermanBande: "als Mitglied einer Bande" is an organised group, as
// "bandenmäßig" is: the first example of a particularly serious case
// decides its row.
func TestGermanBande(t *testing.T) {
	ix := corpusOf(t, "de", "### § 232a Zwangsprostitution\n\n(1) Wer eine andere Person unter Ausnutzung ihrer Zwangslage veranlasst, die Prostitution aufzunehmen, wird mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren bestraft.\n\n(2) Der Versuch ist strafbar.\n\n(3) In besonders schweren Fällen ist die Strafe Freiheitsstrafe nicht unter zwei Jahren. Ein besonders schwerer Fall liegt in der Regel vor, wenn der Täter\n\n1.  als Mitglied einer Bande handelt, die sich zur fortgesetzten Begehung solcher Taten verbunden hat,\n\n2.  gewerbsmäßig handelt.\n")
	if got := strings.Join(factLabels(ix), " "); !strings.Contains(got, "organised_group") {
		t.Errorf("facts %s, want the particularly serious case as organised_group", got)
	}
}

// TestSaleForRemuneration: handing over a child "a cambio de una
// remuneración" is a sale of children, with its row.
func TestSaleForRemuneration(t *testing.T) {
	ix := corpusOf(t, "es", "### Artículo 3\n\nQuien entregue a un niño, niña o adolescente a otra persona a cambio de una remuneración será sancionado con prisión de ocho a doce años.\n")
	if got := strings.Join(factLabels(ix), " "); !strings.Contains(got, "art3:sale") {
		t.Errorf("facts %q, want a row for the sale in art3", got)
	}
}

// TestSpanishAnaphorContracted: "a consecuencia del hecho" takes up the
// offence before it, as "el hecho" does: the death clause is a row.
func TestSpanishAnaphorContracted(t *testing.T) {
	ix := corpusOf(t, "es", "### Artículo 5\n\nEl que captare, transportare o acogiere a una persona mediante violencia con fines de explotación será castigado con pena privativa de libertad de hasta ocho años.\n\n### Artículo 9\n\nSi a consecuencia del hecho resultare la muerte de la víctima, la pena privativa de libertad será de diez a veinte años.\n")
	if got := strings.Join(factLabels(ix), " "); !strings.Contains(got, "art9:trafficking") {
		t.Errorf("facts %s, want the death clause art9 as a trafficking row", got)
	}
}

// TestOfficeAndRecidivism: "a person holding a public office" is an
// official offender; "nachdem er … rechtskräftig verurteilt worden ist" a
// repeat conviction.
func TestOfficeAndRecidivism(t *testing.T) {
	ix := corpusOf(t, "en", "### 5 Aggravated trafficking\n\nWhere an offence under section 3 is committed by a person holding a public office, or by an organised criminal group, the offender is liable to imprisonment for life.\n\n### 3 Trafficking\n\nA person who recruits, transports or harbours another person by force for the purpose of exploitation commits an offence and is liable to imprisonment for twenty years.\n")
	if got := strings.Join(factLabels(ix), " "); !strings.Contains(got, "s5:trafficking:public_official") {
		t.Errorf("en facts %s, want s5 public_official", got)
	}
	ix = corpusOf(t, "de", "### § 232 Menschenhandel\n\n(1) Wer eine andere Person unter Ausnutzung ihrer Zwangslage anwirbt, befördert oder beherbergt, wenn sie ausgebeutet werden soll, wird mit Freiheitsstrafe von sechs Monaten bis zu fünf Jahren bestraft.\n\n### § 232a Rückfall\n\nWer eine Tat nach § 232 begeht, nachdem er wegen einer solchen Tat rechtskräftig verurteilt worden ist, wird mit Freiheitsstrafe nicht unter drei Jahren bestraft.\n")
	if got := strings.Join(factLabels(ix), " "); !strings.Contains(got, "§232a:trafficking:subsequent_conviction") {
		t.Errorf("de facts %s, want §232a subsequent_conviction", got)
	}
}

// TestPledgingAChildIsSale: pledging a child as security for a debt
// transfers the child for consideration (OPSC art. 2(a)); its penalty is a
// sale-of-children row, not a related offence's.
func TestPledgingAChildIsSale(t *testing.T) {
	for _, tc := range []struct{ lang, body, want string }{
		{"fr", "### Article 9\n\n(1) Est puni d'un emprisonnement de trois à huit ans toute personne qui met en gage un enfant pour garantir une dette.\n",
			"art9(1):sale_of_children:child_victim"},
		{"en", "### 9 Pledging of children\n\n(1) Any person who pledges a child as security for a debt commits an offence and is liable on conviction to imprisonment for a term not exceeding eight years.\n",
			"s9(1):sale_of_children:child_victim"},
	} {
		ix := corpusOf(t, tc.lang, tc.body)
		if got := strings.Join(factLabels(ix), " "); got != tc.want {
			t.Errorf("%s: facts %s, want %s", tc.lang, got, tc.want)
		}
	}
}

// TestSaleAndServiceUseWordings: a parent who hands over, or an adopter who
// receives "a título oneroso", a person under eighteen sells a child; who
// uses the services of a person "a sabiendas de su situación de trata"
// commits a related offence, not trafficking.
func TestSaleAndServiceUseWordings(t *testing.T) {
	body := "### Artículo 27\n\nSe impondrá pena de 3 a 10 años de prisión al que entregue en su carácter de padre o tutor o reciba a título oneroso, en su carácter de adoptante, a una persona menor de dieciocho años.\n\n" +
		"### Artículo 35\n\nSe sancionará con pena de 2 a 40 años de prisión al que, a sabiendas de su situación de trata, adquiera, use, compre, solicite o alquile servicios de una persona para cualquiera de los fines previstos en esta Ley.\n"
	ix := corpusOf(t, "es", body)
	want := "art27:sale_of_children:child_victim art35:related:basic"
	if got := strings.Join(factLabels(ix), " "); got != want {
		t.Errorf("facts %s, want %s", got, want)
	}
}

// TestRelatedOffenceHeadings: offences captioned as revealing a victim's
// identity, concealing her whereabouts or withholding documents are
// related offences (rule 3), though their text names trafficking.
func TestRelatedOffenceHeadings(t *testing.T) {
	for _, tc := range []struct{ lang, body, want string }{
		{"es", "### Artículo 5. TRATA DE PERSONAS.\n\nEl que captare, transportare, trasladare, acogiere o recibiere a otro con el propósito de someterlo a explotación sexual será sancionado con pena privativa de libertad de hasta ocho años.\n\n### Artículo 13. REVELACION DE IDENTIDAD.\n\nToda persona que revele información que permita la identificación de una víctima de la trata de personas será castigada con pena privativa de libertad de hasta tres años.\n",
			"art5:trafficking:basic art13:related:basic"},
		{"fr", "### Article 5 Traite des personnes\n\nQuiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation est puni de dix ans d'emprisonnement.\n\n### Article 13 Divulgation de l'identité des victimes\n\nQuiconque divulgue l'identité d'une victime de la traite des personnes est puni de deux ans d'emprisonnement.\n",
			"art5:trafficking:basic art13:related:basic"},
	} {
		ix := corpusOf(t, tc.lang, tc.body)
		if got := strings.Join(factLabels(ix), " "); got != tc.want {
			t.Errorf("%s: facts %s, want %s", tc.lang, got, tc.want)
		}
	}
}

// TestDebtBondageIsForcedLabour: an offence of debt bondage, a practice
// similar to slavery, gives forced-labour penalty rows.
func TestDebtBondageIsForcedLabour(t *testing.T) {
	body := "### 9 Debt bondage\n\nA person who intentionally causes another person to enter into debt bondage commits an offence and is liable on conviction to imprisonment for a period not exceeding fifteen years.\n"
	ix := corpusOf(t, "en", body)
	if got, want := strings.Join(factLabels(ix), " "), "s9:forced_labour:basic"; got != want {
		t.Errorf("facts %s, want %s", got, want)
	}
}

// TestAgeUpToIsChild: "una persona de hasta trece años de edad" is a child
// victim's circumstance, while "de hasta ocho años de prisión" stays a
// term of imprisonment.
func TestAgeUpToIsChild(t *testing.T) {
	body := "### Artículo 5\n\nEl que captare, transportare o recibiere a otro con el propósito de someterlo a explotación sexual será sancionado con pena privativa de libertad de hasta ocho años.\n\n" +
		"### Artículo 6\n\nEn los casos del artículo anterior, se aplicará la pena privativa de libertad de dos a quince años cuando:\n\n1. el autor fuere funcionario público; o,\n\n2. se trasladare a la víctima a un territorio extranjero.\n\n" +
		"### Artículo 7\n\nEn los casos del Artículo 5 de la presente Ley, el autor será castigado con pena privativa de libertad de hasta veinte años, si:\n\n1. el autor fuere pariente de la víctima;\n\n2. la víctima directa fuere una persona de hasta trece años de edad inclusive; u,\n\n3. el autor actuare como miembro de una banda organizada.\n"
	ix := corpusOf(t, "es", body)
	if got, want := strings.Join(factLabels(ix), " "), "art5:trafficking:basic art6:trafficking:public_official art7:trafficking:child_victim"; got != want {
		t.Errorf("facts %s, want %s", got, want)
	}
}

// TestVictimHeadingLendsNoOffence: a section captioned after the victims
// ("Certification of victims of trafficking in persons") whose last
// subsection punishes false information is a related offence, not
// trafficking.
func TestVictimHeadingLendsNoOffence(t *testing.T) {
	body := "### 3 Trafficking in persons\n\n(1) A person who recruits, transports or harbours another person by force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for a term of not less than twenty years.\n\n" +
		"### 22 Certification of victims of trafficking in persons\n\n(1) A person shall be considered a victim of trafficking in persons if that person is certified by the Department.\n\n(5) A person who submits false information to obtain a certificate commits an offence and is liable on conviction to imprisonment for a term not exceeding three years.\n"
	ix := corpusOf(t, "en", body)
	if got, want := strings.Join(factLabels(ix), " "), "s3(1):trafficking:basic s22(5):related:basic"; got != want {
		t.Errorf("facts %s, want %s", got, want)
	}
}
