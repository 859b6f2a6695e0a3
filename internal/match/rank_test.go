package match

import (
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// The best proof of an element comes first: the offence before a
// definition of some other body or fund that merely names the offence.
func TestRankOffenceBeforeOtherDefinitions(t *testing.T) {
	for _, tc := range []struct {
		lang, body, term, want string
	}{
		{"en", "### 2 Interpretation\n\nIn this Act—\n\n\"Board\" means the Board against Trafficking in Persons established by section 9;\n\n\"Fund\" means the fund for victims of trafficking in persons;\n\n" +
			"### 3 Offence\n\n(1) A person who recruits another person for exploitation commits the offence of trafficking in persons.\n",
			"trafficking in persons", "s3"},
		{"fr", "### Article 1 Définitions\n\nPour l'application de la présente loi, « comité » désigne le comité national contre la traite des êtres humains.\n\n" +
			"### Article 2\n\nLa traite des êtres humains est le fait de recruter une personne en vue de l'exploiter. Elle est punie de sept ans d'emprisonnement.\n",
			"traite des êtres humains", "art2"},
		{"es", "### Artículo 1 Definiciones\n\nA los efectos de esta ley, «Consejo» significa el Consejo Nacional contra la trata de personas.\n\n" +
			"### Artículo 2\n\nEl que captare a una persona con fines de explotación comete el delito de trata de personas y será castigado con prisión de cuatro a ocho años.\n",
			"trata de personas", "art2"},
		{"de", "### § 1 Begriffsbestimmungen\n\nIm Sinne dieses Gesetzes ist „Rat“ der Rat gegen Menschenhandel.\n\n" +
			"### § 2 Menschenhandel\n\n(1) Wer eine andere Person zum Zweck der Ausbeutung anwirbt, wird wegen Menschenhandels mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren bestraft.\n",
			"menschenhandel*", "§2"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			ix := corpusOf(t, tc.lang, tc.body)
			el, err := CompileElement(&standard.Element{ID: "offence", Roles: []standard.Role{standard.RoleOffence, standard.RoleDefinition},
				Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {tc.term}}}}})
			if err != nil {
				t.Fatal(err)
			}
			r := el.Find(ix)
			if len(r.Hits) < 2 {
				t.Fatalf("%d hits, want the definition and the offence", len(r.Hits))
			}
			first := el.Rank(r.Hits)[0]
			if id := string(first.Seg.Prov.ID); !strings.HasPrefix(id, tc.want) {
				t.Errorf("first evidence %s (%q), want %s", id, first.Seg.Text, tc.want)
			}
		})
	}
}

// Among definitions, the definition of the term itself proves more than a
// definition of another term that names it.
func TestRankOwnDefinitionFirst(t *testing.T) {
	ix := corpusOf(t, "en", "### 2 Interpretation\n\nIn this Act—\n\n\"Commission\" means the Commission on Exploitation of Workers;\n\n"+
		"\"exploitation\" includes forced labour, slavery and the removal of organs;\n")
	el, err := CompileElement(&standard.Element{ID: "purpose", Roles: []standard.Role{standard.RoleDefinition, standard.RoleOffence},
		Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {"exploitation"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) < 2 {
		t.Fatalf("%d hits, want both definitions", len(r.Hits))
	}
	if first := el.Rank(r.Hits)[0]; !strings.Contains(string(first.Seg.Prov.ID), "exploitation") {
		t.Errorf("first evidence %s, want the definition of exploitation", first.Seg.Prov.ID)
	}
	if r.Hits[0].Seg.Ord > r.Hits[1].Seg.Ord {
		t.Errorf("Find must keep document order")
	}
}

// A short-title clause names the Act; it proves least.
func TestRankShortTitleLast(t *testing.T) {
	for _, tc := range []struct {
		lang, body, term, want string
	}{
		{"en", "### 1 Short title\n\nThis Act may be cited as the Recruitment Agencies Act.\n\n### 4 Licences\n\nNo person shall operate a recruitment agency without a licence.\n", "recruitment agenc*", "s4"},
		{"fr", "### Article 1\n\nLa présente loi peut être citée comme loi sur les agences de placement.\n\n### Article 4\n\nNul ne peut exploiter une agence de placement sans licence.\n", "agence* de placement", "art4"},
		{"es", "### Artículo 1\n\nLa presente ley podrá citarse como Ley de agencias de empleo.\n\n### Artículo 4\n\nNinguna persona podrá operar una agencia de empleo sin licencia.\n", "agencia* de empleo", "art4"},
		{"de", "### § 1 Kurzbezeichnung\n\nDieses Gesetz kann zitiert werden als Arbeitsvermittlungsgesetz.\n\n### § 4 Erlaubnis\n\nDie Arbeitsvermittlung bedarf der Erlaubnis.\n", "arbeitsvermittl*", "§4"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			ix := corpusOf(t, tc.lang, tc.body)
			el, err := CompileElement(&standard.Element{ID: "agencies",
				Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {tc.term}}}}})
			if err != nil {
				t.Fatal(err)
			}
			r := el.Find(ix)
			if len(r.Hits) < 2 {
				t.Fatalf("%d hits, want the short title and the provision", len(r.Hits))
			}
			if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), tc.want) {
				t.Errorf("first evidence %s, want %s", first.Seg.Prov.ID, tc.want)
			}
		})
	}
}

// For an element of any role, the provision that does the thing comes
// before the definition that names it.
func TestRankOperativeBeforeDefinitionForAnyRole(t *testing.T) {
	for _, tc := range []struct {
		lang, body, term, want string
	}{
		{"en", "### 2 Interpretation\n\nIn this Act—\n\n\"Fund\" means the fund for the compensation of victims established by section 13;\n\n" +
			"### 13 Compensation\n\nThe court shall order the offender to pay compensation to the victim.\n", "compensation", "s13"},
		{"es", "### Artículo 1 Definiciones\n\nA los efectos de esta ley, «Fondo» significa el fondo de reparación de las víctimas.\n\n" +
			"### Artículo 13\n\nEl tribunal ordenará la reparación de la víctima a cargo del condenado.\n", "reparacion", "art13"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			checkFirstKeywordHit(t, tc.lang, tc.body, tc.term, tc.want, "the definition and the provision")
		})
	}
}

// "any" after a role lets hits count anywhere, but the first-listed role
// still ranks first.
func TestRankFirstRoleWithAny(t *testing.T) {
	ix := corpusOf(t, "en", "### 6 Adoption\n\nA person who, acting as an intermediary, improperly induces consent to the adoption of a child commits an offence.\n\n"+
		"### 22 Child witnesses\n\nThe court shall hear a child witness through an intermediary in proceedings under this Act.\n")
	el, err := CompileElement(&standard.Element{ID: "x", Roles: []standard.Role{standard.RoleProcedural, standard.RoleAny},
		Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {"intermediary"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) < 2 {
		t.Fatalf("%d hits, want both provisions (any role)", len(r.Hits))
	}
	if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), "s22") {
		t.Errorf("first evidence %s (roles %v), want s22", first.Seg.Prov.ID, first.Seg.Roles.Roles())
	}
}

// A clause that names what a victim suffered ("a victim of sex
// trafficking") proves less than the clause that makes it an offence.
func TestRankVictimOfLast(t *testing.T) {
	ix := corpusOf(t, "en", "### 3 Prostitution\n\n(1) A person who pays another for sexual conduct commits an offence; if the other person is a victim of sex trafficking, the offence is a felony.\n\n"+
		"### 4 Sex trafficking\n\n(1) A person commits the offence of sex trafficking if the person knowingly advances the prostitution of another person by force.\n")
	el, err := CompileElement(&standard.Element{ID: "offence", Roles: []standard.Role{standard.RoleOffence, standard.RoleDefinition},
		Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {"sex trafficking"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) < 2 {
		t.Fatalf("%d hits, want both clauses", len(r.Hits))
	}
	if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), "s4") {
		t.Errorf("first evidence %s (%q), want s4", first.Seg.Prov.ID, first.Seg.Text)
	}
}

// An element of the trafficking definition is best proved inside the
// trafficking offence, not by another offence's definition of the same
// word earlier in the code.
func TestRankDefinitionElementInTrafficking(t *testing.T) {
	ix := corpusOf(t, "de", "### § 50 Begriffsbestimmungen zur Gewalt in der Familie\n\n(2) Gewalt im Sinne dieses Abschnitts übt aus, wer eine andere Person am Körper misshandelt.\n\n"+
		"### § 104a Menschenhandel\n\n(1) Wer eine Person mit dem Vorsatz, dass sie ausgebeutet werde, unter Einsatz von Gewalt anwirbt oder befördert, ist mit Freiheitsstrafe bis zu fünf Jahren zu bestrafen.\n")
	el, err := CompileElement(&standard.Element{ID: "coercion", Roles: []standard.Role{standard.RoleDefinition, standard.RoleOffence},
		Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {"gewalt"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) < 2 {
		t.Fatalf("%d hits, want both", len(r.Hits))
	}
	if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), "§104a") {
		t.Errorf("first evidence %s (%q), want §104a", first.Seg.Prov.ID, first.Seg.Text)
	}
}

// A body is best proved by the provision that establishes it, not by the
// definition that names it, whatever role the element asks for first.
func TestRankBodyBeforeItsDefinition(t *testing.T) {
	ix := corpusOf(t, "en", "### 2 Interpretation\n\nIn this Act—\n\n\"Committee\" means the Committee on Human Trafficking established by section 17;\n\n"+
		"### 17 Committee on Human Trafficking\n\n(1) There is established the Committee on Human Trafficking, which shall coordinate the action of the Ministries against trafficking.\n")
	el, err := CompileElement(&standard.Element{ID: "body", Roles: []standard.Role{standard.RoleInstitutional},
		Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {"committee on human trafficking"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) < 2 {
		t.Fatalf("%d hits, want the definition and the establishing section", len(r.Hits))
	}
	if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), "s17") {
		t.Errorf("first proof %s, want s17", first.Seg.Prov.ID)
	}
}

// An item under a lead-in that deems its persons parties to the offence
// ("is deemed to have taken part in the commission of the offence and may
// be charged and convicted") creates that liability: it proves aiding
// before a later offence of aiding something else.
func TestRankPartiesLeadInCreatesOffence(t *testing.T) {
	ix := corpusOf(t, "en", "### 12 Parties to offences\n\n(1) Where an offence under this Act is committed, each of the following persons is deemed to have taken part in the commission of the offence and may be charged and convicted with the actual commission of the offence—\n\n(a) a person who aids or abets another person to commit the offence.\n\n"+
		"### 30 Seals\n\nA person who, without authority, aids or abets in breaking a seal placed by an officer commits an offence and is liable on conviction to a fine.\n")
	el, err := CompileElement(&standard.Element{ID: "aiding", Roles: []standard.Role{standard.RoleOffence},
		Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {"aids or abets"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) < 2 {
		t.Fatalf("%d hits, want both", len(r.Hits))
	}
	if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), "s12") {
		t.Errorf("first proof %s, want s12(1)(a)", first.Seg.Prov.ID)
	}
}

// The costs a restitution order makes the offender repay ("temporary
// housing", "medical treatment") prove a victim's assistance less than
// the provision that grants it; the order itself still proves
// compensation.
func TestRankCompensationCostsAfterAssistance(t *testing.T) {
	for _, tc := range []struct {
		lang, body, term, comp, want string
	}{
		{"en", "### 8 Restitution\n\n(1) The court may order a convicted trafficker to pay restitution to the victim.\n\n(2) Restitution shall cover—\n\n- (a) costs of temporary housing;\n- (b) lost earnings.\n\n" +
			"### 9 Assistance to victims\n\n(1) A victim may receive—\n\n- (a) appropriate housing;\n- (b) counselling.\n",
			"housing", "restitution", "s9"},
		{"fr", "### Article 8 Réparation\n\nLa juridiction peut ordonner à l'auteur de verser une indemnisation à la victime, couvrant notamment les frais d'hébergement.\n\n" +
			"### Article 9 Assistance\n\nLa victime bénéficie d'un hébergement adapté.\n",
			"hébergement", "indemnisation", "art9"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			ix := corpusOf(t, tc.lang, tc.body)
			el, err := CompileElement(&standard.Element{ID: "shelter", Roles: []standard.Role{standard.RoleProtection, standard.RoleInstitutional},
				Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {tc.term}}}}})
			if err != nil {
				t.Fatal(err)
			}
			r := el.Find(ix)
			if len(r.Hits) < 2 {
				t.Fatalf("%d hits, want the restitution cost and the assistance", len(r.Hits))
			}
			if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), tc.want) {
				t.Errorf("first evidence %s (%q), want %s", first.Seg.Prov.ID, first.Seg.Text, tc.want)
			}
			comp, err := CompileElement(&standard.Element{ID: "compensation", Roles: []standard.Role{standard.RoleProtection, standard.RoleInstitutional},
				Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {tc.comp}}}}})
			if err != nil {
				t.Fatal(err)
			}
			if r := comp.Find(ix); len(r.Hits) == 0 || strings.HasPrefix(string(comp.Rank(r.Hits)[0].Seg.Prov.ID), tc.want) {
				t.Errorf("compensation: hits %v, want the restitution order first", r.Hits)
			}
		})
	}
}

// An item of what a victim is told ("is informed of … proceedings for
// the return of the victim") proves a return less than the provision
// that organises it; the information rule itself still proves
// information.
func TestRankInformedItemsAfterMeasure(t *testing.T) {
	ix := corpusOf(t, "en", "### 17 Information for victims\n\nA victim is informed of his rights and such information shall include—\n\n- (a) proceedings against the offenders;\n- (b) proceedings for the return of the victim to his country.\n\n"+
		"### 20 Return of victims\n\n(1) The Minister shall establish a system for the safe return of a victim to his country.\n")
	el, err := CompileElement(&standard.Element{ID: "return", Roles: []standard.Role{standard.RoleProtection, standard.RoleInstitutional},
		Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {"return of"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) < 2 {
		t.Fatalf("%d hits, want the information item and the return system", len(r.Hits))
	}
	if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), "s20") {
		t.Errorf("first evidence %s (%q), want s20", first.Seg.Prov.ID, first.Seg.Text)
	}
}

// A quoted list item or closing clause carries the lead-in it completes.
func TestContextOfItemsAndClosingWords(t *testing.T) {
	ix := corpusOf(t, "en", "### 4 Trafficking in children\n\n(1) A person who for the purpose of exploitation\n\n- (a) recruits or transports a child; or\n- (b) receives a child,\n\nis guilty of an offence and is liable to imprisonment for life.\n\n(2) The consent of the child is no defence.\n")
	got := map[string]string{}
	for _, s := range ix.Segments {
		got[strings.TrimSpace(s.Text)] = Context(Hit{Seg: s, I: 0, J: 1})
	}
	for text, want := range map[string]string{
		"recruits or transports a child; or":                              "A person who for the purpose of exploitation",
		"is guilty of an offence and is liable to imprisonment for life.": "A person who for the purpose of exploitation",
		"The consent of the child is no defence.":                         "",
		"A person who for the purpose of exploitation":                    "",
	} {
		if c, ok := got[text]; !ok || c != want {
			t.Errorf("context of %q = %q (found %v), want %q", text, c, ok, want)
		}
	}
}

// A lead-in whose items state the sentence creates the offence: it ranks
// with an offence that says "commits an offence", in document order.
func TestRankLeadInWithSanctionItems(t *testing.T) {
	ix := corpusOf(t, "en", "### 3 Trafficking in persons\n\n(1) Whoever engages in trafficking in persons shall—\n\n- (a) on summary conviction, be sentenced to imprisonment for five years;\n- (b) on conviction on indictment, be sentenced to imprisonment for life.\n\n"+
		"### 4 Withholding papers\n\nAny person who for the purpose of trafficking in persons withholds the passport of another person commits an offence and is liable to imprisonment for five years.\n")
	el, err := CompileElement(&standard.Element{ID: "offence", Roles: []standard.Role{standard.RoleOffence, standard.RoleDefinition},
		Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {"trafficking in persons"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) < 2 {
		t.Fatalf("%d hits, want both sections", len(r.Hits))
	}
	if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), "s3") {
		t.Errorf("first evidence %s (%q), want s3", first.Seg.Prov.ID, first.Seg.Text)
	}
}

// A ground to refuse a thing ("no person shall be extradited … where …")
// ranks after the provision that provides it.
func TestRankBarAfterProvision(t *testing.T) {
	for _, tc := range []struct {
		lang, body, term, want string
	}{
		{"en", "### 21 Extradition\n\n(1) Notwithstanding any other provision, no person shall be extradited under this Act where there are grounds for believing that the request for extradition was made to punish the person for his opinions.\n\n" +
			"### 22 Extraditable offences\n\nAn offence under this Act is an extraditable offence for the purposes of the Extradition Act.\n", "extradit*", "s22"},
		{"fr", "### Article 21\n\nNul ne peut être extradé lorsque la demande d'extradition a un but politique.\n\n" +
			"### Article 22\n\nLes infractions prévues par la présente loi donnent lieu à extradition.\n", "extradi*", "art22"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			checkFirstKeywordHit(t, tc.lang, tc.body, tc.term, tc.want, "the bar and the provision")
		})
	}
}

// The caption a clause gives in parentheses to the provisions it cites
// names them; the cited provision proves more. An article's own caption
// after its number ("ARTÍCULO 280 ter. (Trata de personas).- El que …") is
// no citation.
func TestRankCitedCaptionLast(t *testing.T) {
	for _, tc := range []struct {
		lang, body, term, want string
	}{
		{"en", "### Article 3\n\nThis Code applies to any national who commits one of the following crimes outside the territory:\n\n" +
			"(i) the crimes prescribed under Articles 24 through 28 (Kidnapping for Transportation out of a Country; Buying or Selling of Human Beings);\n\n" +
			"### Article 26\n\nA person who kidnaps another person for the purpose of transportation out of the country is punished by imprisonment for not less than 2 years.\n", "transportation", "art26"},
		{"es", "### Artículo 78\n\nSustitúyese el artículo 280 del Código Penal por el siguiente:\n\n\"ARTÍCULO 280 ter. (Trata de personas).- El que captare o trasladare a una persona con fines de explotación será castigado con seis a dieciocho años de penitenciaría.\"\n\n" +
			"### Artículo 79\n\nLa trata de personas será investigada de oficio.\n", "trata de personas", "art78"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			checkFirstKeywordHit(t, tc.lang, tc.body, tc.term, tc.want, "two")
		})
	}
}

// checkFirstKeywordHit finds term (a keyword element of any role) in body
// and checks that it finds at least two hits (what the test names as
// wantHits) and that the best-ranked one is in the provision want.
func checkFirstKeywordHit(t *testing.T, lang, body, term, want, wantHits string) {
	t.Helper()
	ix := corpusOf(t, lang, body)
	el, err := CompileElement(&standard.Element{ID: "x",
		Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"*": {term}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) < 2 {
		t.Fatalf("%d hits, want %s", len(r.Hits), wantHits)
	}
	if first := el.Rank(r.Hits)[0]; !strings.HasPrefix(string(first.Seg.Prov.ID), want) {
		t.Errorf("first evidence %s, want %s", first.Seg.Prov.ID, want)
	}
}
