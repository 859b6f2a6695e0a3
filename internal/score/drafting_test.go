package score

import (
	"slices"
	"strings"
	"testing"
)

// Rules found by the fourth round of drafting probes, each on made-up text.

// wantVerdict analyses body in lang and checks one requirement's verdict.
func wantVerdict(t *testing.T, e *Engine, lang, body, id string, want Verdict) {
	t.Helper()
	if f := analyzeText(t, e, lang, "Loi", body).Finding(id); f == nil || f.MachineVerdict != want {
		t.Errorf("%s is %v, want %v", id, verdictOf(f), want)
	}
}

// TestDashItemsReadWithLeadIn: "Les peines sont doublées lorsque :" then
// dash items; the child item aggravates the trafficking penalty.
func TestDashItemsReadWithLeadIn(t *testing.T) {
	e := embeddedEngine(t)
	const def = "## Article 2 : Définitions\n\nAu sens de la présente loi, on entend par traite des personnes le recrutement, le transport ou l'hébergement d'une personne, par quelque moyen que ce soit, aux fins d'exploitation.\n\n"
	body := def + "## Chapitre I : De la traite des personnes\n\n### Article 3 : Peines\n\nLa traite des personnes est punie d'un emprisonnement de cinq à dix ans.\n\n" +
		"### Article 4 : Aggravations\n\nLes peines sont doublées lorsque :\n\n- la victime est un enfant ;\n- l'infraction est commise en bande organisée.\n"
	wantVerdict(t, e, "fr", body, "pen.child-aggravation", Met)
	noLead := def + "## Chapitre I : De la traite des personnes\n\n### Article 3 : Peines\n\nLa traite des personnes est punie d'un emprisonnement de cinq à dix ans.\n\n" +
		"### Article 4 : Assistance\n\nLes services sociaux sont informés.\n\n- la victime est un enfant ;\n"
	wantVerdict(t, e, "fr", noLead, "pen.child-aggravation", Gap)
}

// TestDefinitionWithoutMeansPunishedByName: trafficking defined "par
// quelque moyen que ce soit" in a definitions article and punished by its
// name in another needs no means, for any victim; the same definition with
// means does not do without them.
func TestDefinitionWithoutMeansPunishedByName(t *testing.T) {
	e := embeddedEngine(t)
	body := "## Article 2 : Définitions\n\nAu sens de la présente loi, on entend par :\n\n" +
		"- traite des personnes : le recrutement, le transport, le transfert, l'hébergement ou l'accueil d'une personne, par quelque moyen que ce soit, en vue de son exploitation ;\n" +
		"- exploitation : l'exploitation de la prostitution d'autrui, le travail forcé, l'esclavage et la servitude.\n\n" +
		"## Article 3 : Peines\n\nLa traite des personnes est punie d'un emprisonnement de cinq à dix ans.\n"
	wantVerdict(t, e, "fr", body, "def.child-no-means", Met)
	wantVerdict(t, e, "fr", body, "def.means", Met)
	withMeans := strings.Replace(body, "par quelque moyen que ce soit", "par la menace, la force ou la tromperie", 1)
	wantVerdict(t, e, "fr", withMeans, "def.means", Partial)
}

// TestConsentClauseIsNotContrary: "the victim's consent does not exempt
// from criminal liability" keeps the offender liable; it says nothing of
// punishing victims.
func TestConsentClauseIsNotContrary(t *testing.T) {
	e := embeddedEngine(t)
	body := "## Artículo 41. Trata de personas\n\nQuien capte, traslade, acoja o reciba a una persona con fines de explotación será penado con prisión de diez a quince años.\n\n" +
		"## Artículo 42. Consentimiento\n\nEl consentimiento dado por la víctima a cualquier forma de explotación no exime de responsabilidad penal.\n"
	wantVerdict(t, e, "es", body, "prot.non-punishment", Gap)
	contrary := body + "\n## Artículo 43. Responsabilidad\n\nLa condición de víctima no exime de responsabilidad penal por los delitos que la víctima cometa.\n"
	wantVerdict(t, e, "es", contrary, "prot.non-punishment", Contrary)
}

// TestChildDefinedByReference: a child defined "as defined in article 2
// of the Children's Code", a law outside the corpus, is undetermined.
func TestChildDefinedByReference(t *testing.T) {
	e := embeddedEngine(t)
	body := "## Artículo 3. Definiciones\n\nPara los efectos de esta Ley, se entiende por persona menor de edad la definida como tal en el artículo 2 del Código de la Niñez y la Adolescencia.\n\n" +
		"## Artículo 4. Trata\n\nQuien capte, traslade, acoja o reciba a una persona menor de edad con fines de explotación será sancionado con prisión de diez a quince años.\n"
	wantVerdict(t, e, "es", body, "def.child-age-18", Undetermined)
}

// TestCaptionNamingDefinedTerm: "Artículo 4. Explotación" captioning the
// definition of exploitation is no offence of exploitation: the purposes it
// lists are those of the trafficking offence that uses the term.
func TestCaptionNamingDefinedTerm(t *testing.T) {
	e := embeddedEngine(t)
	body := "## Artículo 4. Explotación\n\nA los efectos de esta Ley, se entiende por explotación:\n\n1. La explotación de la prostitución ajena y cualquier otra forma de explotación sexual.\n2. Los trabajos o servicios forzados.\n3. La esclavitud y la servidumbre.\n4. La extracción de órganos.\n\n" +
		"## Artículo 41. Trata de personas\n\nQuien capte, traslade, acoja o reciba a una persona con fines de explotación, mediante amenaza, fuerza o engaño, será penado con prisión de diez a quince años.\n"
	if f := analyzeText(t, e, "es", "Ley Orgánica contra la Trata de Personas", body).Finding("def.purposes"); f == nil || f.MachineVerdict != Met {
		t.Errorf("def.purposes is %v, want met", verdictOf(f))
	}
}

// TestVictimAfterCue: the victim may follow the rule's verb ("Est exemptée
// de peine la victime qui …") or sit in its condition ("… kann von Strafe
// absehen, wenn … ein Opfer …").
func TestVictimAfterCue(t *testing.T) {
	e := embeddedEngine(t)
	const traite = "## Article 2\n\nQuiconque recrute, transporte, transfère, héberge ou accueille une personne par la menace ou la force aux fins d'exploitation est puni de dix ans d'emprisonnement.\n\n"
	inverted := traite + "## Article 9\n\nEst exemptée de peine la victime qui a commis une infraction sous la contrainte des auteurs de la traite.\n"
	if f := analyzeText(t, e, "fr", "Loi", inverted).Finding("prot.non-punishment"); f == nil || f.MachineVerdict == Gap {
		t.Errorf("inverted subject: prot.non-punishment is %v, want met or partial", verdictOf(f))
	}
	none := traite + "## Article 9\n\nEst exemptée de l'obligation de déclaration la personne qui signale les faits.\n"
	wantVerdict(t, e, "fr", none, "prot.non-punishment", Gap)
}

// TestSaleCaptionOverChildTrafficking: an article captioned with a sale word
// ("Kinderhandel") whose text is the acts of trafficking for exploitation
// is a trafficking offence.
func TestSaleCaptionOverChildTrafficking(t *testing.T) {
	e := embeddedEngine(t)
	body := "### Artikel 47 – Kinderhandel\n\n(1) Wer ein Kind zum Zweck der Ausbeutung anwirbt, befördert, einem anderen überlässt, beherbergt oder aufnimmt, wird mit Freiheitsstrafe von drei bis zu zwölf Jahren bestraft.\n"
	wantVerdict(t, e, "de", body, "def.acts", Met)
}

// TestDeferralToOutsideLaw: "En lo relativo a la tentativa … se aplicarán
// las disposiciones del Código Penal" leaves attempt to a law outside the
// corpus: undetermined, not gap.
func TestDeferralToOutsideLaw(t *testing.T) {
	e := embeddedEngine(t)
	const traf = "## Artículo 11. Trata de personas\n\nComete el delito de trata de personas quien capte, traslade, acoja o reciba a una persona con fines de explotación, y será sancionado con reclusión de diez a quince años.\n\n"
	body := traf + "## Artículo 15. Disposiciones comunes\n\nEn lo relativo a la tentativa y al concurso de delitos se aplicarán las disposiciones del Código Penal.\n"
	wantVerdict(t, e, "es", body, "crim.attempt", Undetermined)
	wantVerdict(t, e, "es", traf, "crim.attempt", Gap)
}

// TestPenaltyByReference: a trafficking offence "sancionado conforme al
// artículo 129b del Código Penal" has its penalty outside the corpus.
func TestPenaltyByReference(t *testing.T) {
	e := embeddedEngine(t)
	body := "## Artículo 54. De la trata de niños\n\nEl que captare, transportare, trasladare, acogiere o recibiere a un niño con el fin de someterlo a explotación sexual o a trabajos forzados será sancionado conforme al artículo 129b del Código Penal.\n"
	wantVerdict(t, e, "es", body, "pen.serious-crime", Undetermined)
	wantVerdict(t, e, "es", body, "pen.custodial-mandatory", Undetermined)
}

// TestReflectionNearestDuration: of two durations in one sentence, the one
// beside the reflection cue is the reflection period.
func TestReflectionNearestDuration(t *testing.T) {
	e := embeddedEngine(t)
	body := "## Artículo 9. Víctimas extranjeras\n\nLa Dirección de Migración otorgará a la víctima extranjera una categoría especial de residencia por un año, precedida de un período de reflexión de veinte días.\n"
	wantVerdict(t, e, "es", body, "prot.reflection-period", Partial)
}

// TestOffenceOutsideCorpus: a victims' law that names the trafficking
// offence only by a section of the criminal code outside the corpus leaves
// the offence's definition and penalty undetermined; the same law with a
// trafficking offence of its own does not.
func TestOffenceOutsideCorpus(t *testing.T) {
	e := embeddedEngine(t)
	const body = "## Artikel 1\n\n(1) Ein Ausländer, der durch eine Straftat nach § 232 des Strafgesetzbuches verletzt worden ist, soll eine Aufenthaltserlaubnis erhalten.\n"
	analyze := func(b string) *Result {
		return analyzeText(t, e, "de", "Gesetz zur Stärkung der Rechte von Opfern des Menschenhandels", b)
	}
	for _, id := range []string{"def.acts", "crim.offence", "pen.serious-crime", "def.child-age-18"} {
		if f := analyze(body).Finding(id); f == nil || f.MachineVerdict != Undetermined {
			t.Errorf("offence outside the corpus: %s is %v, want undetermined", id, verdictOf(f))
		}
	}
	if f := analyze(body).Finding("crim.attempt"); f == nil || f.MachineVerdict != Gap {
		t.Errorf("crim.attempt is %v, want gap (not a point the reference settles)", verdictOf(f))
	}
	own := body + "\n## Artikel 2\n\nWer eine Person unter Ausnutzung ihrer Zwangslage anwirbt, befördert, beherbergt oder aufnimmt, um sie auszubeuten, wird mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren bestraft.\n"
	for _, id := range []string{"def.acts", "def.child-age-18"} {
		if f := analyze(own).Finding(id); f == nil || f.MachineVerdict == Undetermined {
			t.Errorf("with an offence of its own: %s is %v", id, verdictOf(f))
		}
	}
}

// TestOffenceQuotedNotItsMention: an offence named with its section inside
// another offence ("… eine Vereinigung, die Menschenhandel (§ 104a)
// ausübt") is not the proof of the offence; the section it names is.
func TestOffenceQuotedNotItsMention(t *testing.T) {
	e := embeddedEngine(t)
	body := "### § 104a Menschenhandel\n\n(1) Wer eine Person mit dem Vorsatz, dass sie ausgebeutet werde, unter Einsatz unlauterer Mittel anwirbt, beherbergt, befördert oder einem anderen anbietet, ist mit Freiheitsstrafe bis zu drei Jahren zu bestrafen.\n\n(3) Ausbeutung umfasst die sexuelle Ausbeutung und die Ausbeutung der Arbeitskraft.\n\n" +
		"### § 278 Kriminelle Vereinigung\n\n(3) Mit Freiheitsstrafe bis zu fünf Jahren ist zu bestrafen, wer sich an einer Vereinigung beteiligt, die\n\n1. Menschenhandel (§ 104a) ausübt,\n\n2. Schlepperei begeht.\n"
	f := analyzeText(t, e, "de", "Strafgesetzbuch", body).Finding("crim.offence")
	if f == nil || len(f.Evidence) == 0 || !strings.HasPrefix(f.Evidence[0].Provision, "§104a") {
		t.Fatalf("crim.offence evidence %+v, want §104a first", f)
	}
}

// TestOffenceOutsideNamedLaw: "la traite de personnes au sens du Code
// criminel" and "Artikel 182 StGB" name the offence by a law outside the
// corpus, with or without a provision number.
func TestOffenceOutsideNamedLaw(t *testing.T) {
	e := embeddedEngine(t)
	fr := "## Article 38\n\nLa sécurité d'un enfant est considérée comme compromise lorsqu'il est victime de traite de personnes au sens du Code criminel.\n"
	if f := analyzeText(t, e, "fr", "Loi sur la protection de la jeunesse et la traite", fr).Finding("def.acts"); f == nil || f.MachineVerdict != Undetermined {
		t.Errorf("fr: def.acts is %v, want undetermined", verdictOf(f))
	}
	de := "## § 2 Begriffe\n\nOpfer im Sinne dieses Gesetzes sind Personen, gegen die eine Straftat nach Artikel 182 StGB (Menschenhandel) begangen worden ist.\n"
	if f := analyzeText(t, e, "de", "Einführungsgesetz zum Opferhilfegesetz (Menschenhandel)", de).Finding("pen.serious-crime"); f == nil || f.MachineVerdict != Undetermined {
		t.Errorf("de: pen.serious-crime is %v, want undetermined", verdictOf(f))
	}
}

// TestHandOffToCode: a child code that hands trafficking to the penal code
// ("Los delitos de trata … serán sancionados conforme al Código Penal")
// leaves the offence and its penalty undetermined.
func TestHandOffToCode(t *testing.T) {
	e := embeddedEngine(t)
	body := "### ARTÍCULO 150. (PROTECCIÓN CONTRA LA TRATA).\n\nI. La niña, niño y adolescente tiene derecho a ser protegido contra la trata de personas.\n\nII. Los delitos de trata de personas cometidos contra niñas, niños y adolescentes serán sancionados conforme al Código Penal.\n"
	for _, id := range []string{"def.acts", "pen.serious-crime"} {
		if f := analyzeText(t, e, "es", "Código Niña, Niño y Adolescente", body).Finding(id); f == nil || f.MachineVerdict != Undetermined {
			t.Errorf("%s is %v, want undetermined", id, verdictOf(f))
		}
	}
}

// TestDefinitionListItemsReachOffence: the purposes listed as items under
// "Para los efectos de este Capítulo, se entiende por explotación:" are the
// purposes of the chapter's trafficking offence.
func TestDefinitionListItemsReachOffence(t *testing.T) {
	e := embeddedEngine(t)
	body := "## Artículo 201. Trata de personas\n\nAl que capte, traslade, acoja o reciba a una persona, mediante amenaza, fuerza o engaño, con fines de explotación, se le impondrán de diez a veinte años de prisión.\n\n" +
		"## Artículo 202. Explotación\n\nPara los efectos de este Capítulo, se entiende por explotación:\n\nI. La prostitución ajena u otras formas de explotación sexual;\n\nII. Los trabajos o servicios forzados;\n\nIII. La esclavitud;\n\nIV. La servidumbre, y\n\nV. La extracción de órganos.\n"
	if f := analyzeText(t, e, "es", "Código Penal para el Estado", body).Finding("def.purposes"); f == nil || f.MachineVerdict != Met {
		t.Errorf("def.purposes is %v, want met", verdictOf(f))
	}
}

// TestInAccordanceWithOutsideLaw: "has the meaning assigned thereto in the
// Child Act" defines a child by a law outside the corpus.
func TestInAccordanceWithOutsideLaw(t *testing.T) {
	e := embeddedEngine(t)
	body := "### 2. Interpretation\n\nIn this Act, \"child\" has the meaning assigned thereto in the Child Act.\n\n### 3. Offence\n\nWhoever recruits, transports or harbours a child for the purpose of exploitation shall be punished with imprisonment for a term not less than three years.\n"
	wantVerdict(t, e, "en", body, "def.child-age-18", Undetermined)
}

// TestChildNamedByReference: a child named in an offence "as defined in"
// a section the corpus leaves out has the age of that section: undetermined.
func TestChildNamedByReference(t *testing.T) {
	e := embeddedEngine(t)
	en := "### 377A Trafficking in persons\n\n(1) Whoever recruits, transports, harbours or receives a minor, as defined in section 368A of the principal law, for the purpose of exploitation shall be punished with imprisonment for ten years.\n"
	wantVerdict(t, e, "en", en, "def.child-age-18", Undetermined)
	es := "### Artículo 160. Trata de menores\n\nEl que capte, traslade o reciba a un menor, según se define en el Artículo 14 de este Código, con fines de explotación será castigado con prisión de diez años.\n"
	wantVerdict(t, e, "es", es, "def.child-age-18", Undetermined)
	own := strings.Replace(en, ", as defined in section 368A of the principal law,", "", 1)
	wantVerdict(t, e, "en", own, "def.child-age-18", Gap)
}

// TestNoMovementQuotesTheGeneralRule: where no trafficking offence requires
// movement, the provision that says movement is not needed is quoted first,
// not the offence; a victim's stay "within the territory" is not that rule.
func TestNoMovementQuotesTheGeneralRule(t *testing.T) {
	e := embeddedEngine(t)
	body := "### 2 Scope\n\n(1) This Act applies to trafficking in persons whether it takes place wholly within Arland or across its borders.\n\n" +
		"### 3 Trafficking in persons\n\n(1) A person who recruits, transports, harbours or receives another person by force or deception for the purpose of exploitation commits an offence and is liable to imprisonment for fifteen years.\n\n" +
		"### 9 Stay of victims\n\n(1) A victim of trafficking may remain within the territory while proceedings are pending.\n"
	f := analyzeText(t, e, "en", "Trafficking Act", body).Finding("def.no-movement-required")
	if f == nil || f.MachineVerdict != Met || len(f.Evidence) == 0 || f.Evidence[0].Provision != "s2(1)" {
		t.Fatalf("def.no-movement-required %+v, want met quoting s2(1) first", f)
	}
}

// TestNonPunishmentLesserOffencesOnly: a prosecutor's discretion to drop
// only a victim's lesser offences (Vergehen) is a limited non-punishment
// rule: partial.
func TestNonPunishmentLesserOffencesOnly(t *testing.T) {
	e := embeddedEngine(t)
	body := "### § 20 Absehen von der Verfolgung\n\nIst ein Beschuldigter Opfer einer Straftat nach § 5, so kann die Staatsanwaltschaft von der Verfolgung eines Vergehens absehen, das er im Zusammenhang mit dieser Straftat begangen hat.\n"
	wantVerdict(t, e, "de", body, "prot.non-punishment", Partial)
}

// TestOffenceOutsideCorpusDespiteExemption: a victims' exemption ("La
// víctima de trata no será sancionada …") is no trafficking offence of the
// corpus: the offence stays outside it.
func TestOffenceOutsideCorpusDespiteExemption(t *testing.T) {
	e := embeddedEngine(t)
	body := "### Artículo 1\n\nSe considera víctima de trata a toda persona sometida al delito de trata de personas previsto en el artículo 91 del Código Orgánico Integral Penal.\n\n" +
		"### Artículo 2\n\nLa víctima de trata no será sancionada por su situación migratoria irregular.\n"
	wantVerdict(t, e, "es", body, "def.acts", Undetermined)
	// the law named is the one that creates the offence, not another
	// outside law mentioned first
	named := "### Artículo 1\n\nLos niños no acompañados quedan bajo la protección prevista en el Código de la Niñez.\n\n" +
		"### Artículo 2\n\nSe considera víctima a quien haya sido objeto del delito de trata de personas tipificado y sancionado en el Código Orgánico Integral Penal.\n\n" +
		"### Artículo 3\n\nLa víctima de trata no será sancionada por su situación migratoria irregular.\n"
	f := analyzeText(t, e, "es", "Ley de Movilidad", named).Finding("def.acts")
	if f == nil || f.MachineVerdict != Undetermined || len(f.ExternalRefs) == 0 || !strings.Contains(f.ExternalRefs[0].Law, "Integral Penal") {
		t.Errorf("def.acts %+v, want undetermined naming the Código Orgánico Integral Penal", f)
	}
}

// TestExemptionHandedAwayIsNoOffence: a child-protection law that hands
// the victims' exemption from liability to an article of the penal code
// ("La exención de responsabilidad penal de las víctimas de trata … se
// regirá por el artículo 177 bis del Código Penal") hands that exemption
// away, not the offence: a law with no trafficking offence is a gap, not
// undetermined; the exemption is undetermined.
func TestExemptionHandedAwayIsNoOffence(t *testing.T) {
	e := embeddedEngine(t)
	body := "### Artículo 16\n\n1. Las administraciones públicas protegerán a los niños víctimas de violencia.\n\n" +
		"2. La exención de responsabilidad penal de las víctimas menores de edad de trata por los hechos cometidos durante su explotación se regirá por lo dispuesto en el artículo 177 bis del Código Penal.\n"
	wantVerdict(t, e, "es", body, "crim.offence", Gap)
	wantVerdict(t, e, "es", body, "def.acts", Gap)
	// and the exemption itself, with its scope, is in the code: undetermined
	wantVerdict(t, e, "es", body, "prot.non-punishment", Undetermined)
}

// TestAbuseOfHisOrHerAuthority: "the abuse of his or her authority" is the
// means abuse of power, as "abused his authority" is.
func TestAbuseOfHisOrHerAuthority(t *testing.T) {
	e := embeddedEngine(t)
	body := "### 4 Trafficking in persons\n\n(1) A person shall be guilty of an offence if he or she recruits, transports or harbours another person by means of force, deception or the abuse of his or her authority over that person, for the purpose of exploitation.\n"
	f := analyzeText(t, e, "en", "Criminal Law (Human Trafficking) Act", body).Finding("def.means")
	if f == nil || !slices.Contains(f.Found, "abuse of power or authority") {
		t.Errorf("def.means found %v, want abuse of power or authority among them", f)
	}
}

// TestChildOnlyTraffickingLaw: a law whose only trafficking offence
// protects children covers only some victims (crim.offence partial,
// CORE's "only for some forms/victims"), and its "consent of the child is
// irrelevant" is said of every victim it protects (def.consent-irrelevant
// met); beside an offence against any person, both read as before.
func TestChildOnlyTraffickingLaw(t *testing.T) {
	e := embeddedEngine(t)
	child := "### Article 60\n\nEst puni d'un emprisonnement de dix à vingt ans quiconque recrute, transporte, transfère, héberge ou accueille un enfant de moins de dix-huit ans aux fins d'exploitation sexuelle, de travail forcé ou d'esclavage.\n\n" +
		"### Article 61\n\nLe consentement de l'enfant victime est indifférent.\n"
	wantVerdict(t, e, "fr", child, "crim.offence", Partial)
	wantVerdict(t, e, "fr", child, "def.consent-irrelevant", Met)
	adult := "### Article 59\n\nEst puni d'un emprisonnement de cinq à dix ans quiconque recrute, transporte, transfère, héberge ou accueille une personne, par la menace ou la contrainte, aux fins d'exploitation sexuelle, de travail forcé ou d'esclavage.\n\n" + child
	wantVerdict(t, e, "fr", adult, "crim.offence", Met)
	wantVerdict(t, e, "fr", adult, "def.consent-irrelevant", Gap)
}

// TestAbuseOfDependence: "abuse of … a difficult situation or of a
// relationship of dependence" is abuse of a position of vulnerability.
func TestAbuseOfDependence(t *testing.T) {
	e := embeddedEngine(t)
	body := "### Article 106\n\n(1) Whoever by force or by abuse of a relationship of dependence recruits, transports or harbours another person for the purpose of exploitation shall be sentenced to imprisonment for a term of between one and ten years.\n"
	f := analyzeText(t, e, "en", "Criminal Code", body).Finding("def.means")
	if f == nil || !slices.Contains(f.Found, "abuse of a position of vulnerability") {
		t.Errorf("def.means found %v, want abuse of a position of vulnerability among them", f)
	}
}

// TestNoMovementExpressFrame: a border word in a sentence that says the
// crossing does not matter, or names the inside of the country beside it,
// extends trafficking to a country's inside, in the offence or in a clause
// on the whole law that never names trafficking; an indifference about
// something else before an act of crossing does not.
func TestNoMovementExpressFrame(t *testing.T) {
	e := embeddedEngine(t)
	en := "### 3 Trafficking in persons\n\n(1) A person who transports another person across a border of Arland by force for the purpose of exploitation commits an offence and is liable to imprisonment for fifteen years.\n\n" +
		"(2) It is immaterial whether the person was conveyed across any frontier.\n"
	f := analyzeText(t, e, "en", "Trafficking Act", en).Finding("def.no-movement-required")
	if f == nil || f.MachineVerdict != Met || len(f.Evidence) == 0 || f.Evidence[0].Provision != "s3(2)" {
		t.Errorf("en: def.no-movement-required %+v, want met quoting s3(2) first", f)
	}
	reward := "### 3 Trafficking in persons\n\n(1) A person who, whether or not for reward, transports another person across a border of Arland by force for the purpose of exploitation commits an offence and is liable to imprisonment for fifteen years.\n"
	wantVerdict(t, e, "en", reward, "def.no-movement-required", Gap)
	fr := "### Article 3 : Champ d'application\n\nLa présente loi s'applique que les faits aient été commis à l'intérieur du territoire national ou de manière transfrontalière.\n\n" +
		"### Article 5 : Traite des personnes\n\nEst puni de dix ans d'emprisonnement quiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation.\n"
	f = analyzeText(t, e, "fr", "Loi sur la traite", fr).Finding("def.no-movement-required")
	if f == nil || f.MachineVerdict != Met || len(f.Evidence) == 0 || f.Evidence[0].Provision != "art3" {
		t.Errorf("fr: def.no-movement-required %+v, want met quoting art3 first", f)
	}
}

// TestEmphasisDefinitionRead: a definition whose term is set in emphasis,
// without quotes ("***exploitation*** of a person includes …"), gives the
// offence its purposes.
func TestEmphasisDefinitionRead(t *testing.T) {
	e := embeddedEngine(t)
	body := "### 80G Trafficking in persons\n\n(1) A person who recruits, transports or harbours another person by force for the purpose of exploitation is guilty of an offence.\n\nMaximum penalty: Imprisonment for 12 years.\n\n" +
		"### Dictionary\n\nIn this Act—\n\n***exploitation*** of a person includes placing or keeping the person in slavery, servitude, forced labour or sexual servitude, the prostitution of the person and the removal of an organ of the person.\n"
	wantVerdict(t, e, "en", body, "def.purposes", Met)
}
