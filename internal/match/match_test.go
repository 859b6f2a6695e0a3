package match

import (
	"regexp"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// corpusOf builds an index over one statute whose body is given.
func corpusOf(t *testing.T, lang, body string) *index.Index {
	t.Helper()
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: " + lang + "\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n" + body
	st, err := statute.Parse("xta/act.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return index.Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
}

func run(t *testing.T, ix *index.Index, kind standard.CheckKind, thresholds map[string]float64) Outcome {
	t.Helper()
	req := &standard.Requirement{ID: "x.test", Thresholds: thresholds, Criteria: standard.Criteria{Check: &standard.Check{Kind: kind}}}
	o, err := RunCheck(kind, &Input{Ix: ix, Req: req, Facts: Facts(ix)})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestChildAge(t *testing.T) {
	for _, tc := range []struct {
		name, lang, body string
		want             Level
		law              string
	}{
		{"digits en", "en", "### 2 Interpretation\n\n\"child\" means a person under the age of 18 years;\n", LMet, ""},
		{"words en", "en", "### 2 Interpretation\n\n\"child\" means a person below the age of eighteen years;\n", LMet, ""},
		{"lower age", "en", "### 2 Interpretation\n\n\"child\" means a person under the age of sixteen years;\n", LContrary, ""},
		{"outside law", "en", "### 2 Interpretation\n\n\"child\" has the meaning assigned to it in the Children Act (Cap. 141);\n", LUndetermined, "Children Act (Cap. 141)"},
		{"german offence", "de", "### § 232 Menschenhandel\n\n(1) Mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren wird bestraft, wer eine Person unter achtzehn Jahren anwirbt.\n", LMet, ""},
		{"german ordinal year of life", "de", "### § 74 Andere Begriffsbestimmungen\n\n(1) Im Sinne dieses Gesetzes ist minderjährig, wer das achtzehnte Lebensjahr noch nicht vollendet hat.\n", LMet, ""},
		{"german ordinal below 18 proves nothing", "de", "### § 74 Andere Begriffsbestimmungen\n\n(1) Im Sinne dieses Gesetzes ist minderjährig, wer das sechzehnte Lebensjahr noch nicht vollendet hat.\n", LGap, ""},
		{"spanish definition", "es", "### Artículo 2\n\nA los efectos de esta ley se entiende por niño toda persona menor de dieciocho años de edad.\n", LMet, ""},
		{"none", "en", "### 3 Offence\n\nA person who traffics another person commits an offence.\n", LGap, ""},
		{"prison term is no age", "en", "### 3 Offence\n\nA person who traffics another person commits an offence and shall be punished with imprisonment for a term of not less than ten years.\n", LGap, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// the child of def.child-age-18 is the trafficking offence's: every
			// corpus here has one
			body := tc.body + map[string]string{
				"en": "\n### 9 Trafficking in persons\n\nA person who traffics another person commits an offence.\n",
				"de": "\n### § 233 Menschenhandel\n\n(1) Wegen Menschenhandels wird mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren bestraft, wer eine Person anwirbt, befördert oder beherbergt, um sie auszubeuten.\n",
				"es": "\n### Artículo 9\n\nEl que cometa el delito de trata de personas será castigado con prisión de cinco a diez años.\n",
			}[tc.lang]
			o := run(t, corpusOf(t, tc.lang, body), standard.CheckChildAge, map[string]float64{"age": 18})
			if o.Level != tc.want {
				t.Fatalf("level %s, want %s (%s)", o.Level, tc.want, o.Reason.Code)
			}
			if tc.want != LGap && len(o.Evidence) == 0 {
				t.Errorf("no evidence for %s", o.Level)
			}
			if tc.law != "" && (len(o.External) == 0 || o.External[0].Law != tc.law) {
				t.Errorf("external refs %+v, want %q", o.External, tc.law)
			}
		})
	}
}

func TestConsentAndNoMeans(t *testing.T) {
	ix := corpusOf(t, "en", `### 3 Trafficking in persons

(1) A person who recruits, transports, transfers, harbours or receives another person for the purpose of exploitation by means of threat, force, fraud or deception commits an offence and is liable to imprisonment for a term not exceeding fifteen years.

(2) The consent of a victim of trafficking in persons to the intended exploitation shall not be relevant where any of the means set out in subsection (1) have been used.

(3) The recruitment, transportation, transfer, harbouring or receipt of a child for the purposes of exploitation shall be considered trafficking in persons even if this does not involve any of the means set out in subsection (1).

(4) An act of trafficking in persons may be committed internally within the borders of the country or internationally.
`)
	for _, tc := range []struct {
		kind standard.CheckKind
		want Level
		prov string
	}{
		{standard.CheckConsentIrrelevant, LMet, "s3(2)"},
		{standard.CheckChildNoMeans, LMet, "s3(3)"},
		{standard.CheckNoMovementRequired, LMet, "s3(4)"},
		{standard.CheckPenaltyThreshold, LMet, "s3(1)"},
		{standard.CheckFineAlternative, LMet, "s3(1)"},
		{standard.CheckChildAggravation, LGap, ""},
		{standard.CheckReflectionPeriod, LGap, ""},
		{standard.CheckNonPunishmentScope, LGap, ""},
	} {
		o := run(t, ix, tc.kind, map[string]float64{"max_months_min": 48, "min_days": 30})
		if o.Level != tc.want {
			t.Errorf("%s: level %s, want %s (%s)", tc.kind, o.Level, tc.want, o.Reason.Code)
			continue
		}
		if tc.prov != "" && (len(o.Evidence) == 0 || string(o.Evidence[0].Seg.Prov.ID) != tc.prov) {
			t.Errorf("%s: evidence %v, want %s", tc.kind, o.Evidence, tc.prov)
		}
		if o.Level == LGap && len(o.Missing) == 0 {
			t.Errorf("%s: gap without missing elements", tc.kind)
		}
	}
}

func TestPenaltyChecks(t *testing.T) {
	ix := corpusOf(t, "en", `### 3 Trafficking in persons

A person who recruits, transports or harbours another person for the purpose of exploitation commits an offence and is liable to imprisonment for a term not exceeding three years or to a fine, or to both.
`)
	if o := run(t, ix, standard.CheckPenaltyThreshold, map[string]float64{"max_months_min": 48}); o.Level != LGap {
		t.Errorf("penalty-threshold: %s, want gap (3 years < 4)", o.Level)
	}
	if o := run(t, ix, standard.CheckFineAlternative, nil); o.Level != LGap {
		t.Errorf("fine-alternative: %s, want gap (a fine can replace prison)", o.Level)
	}
	fs := Facts(ix)
	if len(fs) != 1 || fs[0].Offence != OffTrafficking || fs[0].Penalty.MaxMonths == nil || *fs[0].Penalty.MaxMonths != 36 {
		t.Fatalf("facts %+v", fs)
	}
}

func TestReflectionAndNonPunishment(t *testing.T) {
	ix := corpusOf(t, "es", `### Artículo 10

La víctima tendrá derecho a un período de reflexión de hasta noventa días para decidir si colabora con las autoridades.

### Artículo 11

Las víctimas de la trata de personas no son punibles por la comisión de cualquier delito que sea el resultado directo de haber sido objeto de trata.
`)
	if o := run(t, ix, standard.CheckReflectionPeriod, map[string]float64{"min_days": 30}); o.Level != LMet {
		t.Errorf("reflection period: %s (%s), want met", o.Level, o.Reason.Code)
	}
	if o := run(t, ix, standard.CheckNonPunishmentScope, nil); o.Level != LMet {
		t.Errorf("non-punishment: %s (%s), want met", o.Level, o.Reason.Code)
	}
	narrow := corpusOf(t, "en", `### 25 Immunity

A trafficked person shall not be liable to criminal prosecution in respect of—

- (a) his illegal entry into the receiving country;
- (b) his period of unlawful residence in the receiving country.
`)
	if o := run(t, narrow, standard.CheckNonPunishmentScope, nil); o.Level != LPartial {
		t.Errorf("narrow non-punishment: %s (%s), want partial", o.Level, o.Reason.Code)
	}
}

func TestQuoteKeepsOriginalBytes(t *testing.T) {
	long := strings.Repeat("Le fait de recruter une personne est puni. ", 3) +
		"La traite des êtres humains à l'égard d'un mineur est punie de dix ans d'emprisonnement, " + strings.Repeat("et encore des mots ", 20) + "fin."
	ix := corpusOf(t, "fr", "### Article 225-4-1\n\n"+long+"\n")
	el, err := CompileElement(&standard.Element{ID: "e", Label: "child", Patterns: []standard.Pattern{{Kind: standard.CritKeyword, Terms: map[string][]string{"fr": {"mineur"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) != 1 {
		t.Fatalf("hits %v", r.Hits)
	}
	q := Quote(r.Hits[0])
	if !strings.Contains(q, "à l'égard d'un mineur") {
		t.Errorf("quote %q lost the original accents", q)
	}
	if n := len([]rune(q)); n > MaxQuote+2 {
		t.Errorf("quote has %d characters, want at most %d", n, MaxQuote+2)
	}
	if strings.Contains(q, "Le fait de recruter") {
		t.Errorf("quote %q should start at the sentence of the hit", q)
	}
}

func TestNegationAndExclusion(t *testing.T) {
	ix := corpusOf(t, "en", `### 2 Interpretation

"exploitation" does not include forced labour;

### 3 Offence

Forced labour is an offence under this Act.
`)
	el, err := CompileElement(&standard.Element{ID: "fl", Label: "forced labour", Patterns: []standard.Pattern{{Kind: standard.CritPhrase, Terms: map[string][]string{"*": {"forced labour"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := el.Find(ix)
	if len(r.Hits) != 1 || r.Hits[0].Seg.Prov.ID != "s3" {
		t.Errorf("hits %v, want only s3 (s2 is negated)", r.Hits)
	}
	el.Excl = append(el.Excl, mustCompile(t, standard.Pattern{Kind: standard.CritKeyword, Terms: map[string][]string{"en": {"under this act"}}}))
	if r := el.Find(ix); len(r.Hits) != 0 {
		t.Errorf("exclusion should veto s3, got %v", r.Hits)
	}
}

func mustCompile(t *testing.T, p standard.Pattern) Matcher {
	t.Helper()
	m, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCompileErrors(t *testing.T) {
	if _, err := Compile(standard.Pattern{Kind: "keywrod", Pos: standard.Pos{File: "m.yaml", Line: 3, Col: 9}}); err == nil || !strings.Contains(err.Error(), "m.yaml:3:9: unknown criterion kind") {
		t.Errorf("unknown kind: %v", err)
	}
	if _, err := Compile(standard.Pattern{Kind: standard.CritRegex, Regex: map[string]string{"en": "("}, Pos: standard.Pos{File: "m.yaml", Line: 4}}); err == nil || !strings.Contains(err.Error(), "m.yaml:4") {
		t.Errorf("bad regex: %v", err)
	}
}

func TestNearAndDefines(t *testing.T) {
	ix := corpusOf(t, "en", `### 2 Interpretation

"forced labour" means work extracted under threat of penalty;

### 9 Duties

The Minister shall provide shelter to victims.
`)
	near := mustCompile(t, standard.Pattern{Kind: standard.CritNear, Terms: map[string][]string{"en": {"shelter"}}, With: map[string][]string{"en": {"victim*"}}, Within: 3})
	if hs := near.Match(ix); len(hs) != 1 || hs[0].Seg.Prov.ID != "s9" {
		t.Errorf("near hits %v", hs)
	}
	def := mustCompile(t, standard.Pattern{Kind: standard.CritDefines, Terms: map[string][]string{"en": {"forced labour"}}})
	if hs := def.Match(ix); len(hs) != 1 || hs[0].Seg.Prov.Section().ID != "s2" {
		t.Errorf("defines hits %v", hs)
	}
}

func TestRegexAnchoredAgreesWithPlain(t *testing.T) {
	ix := corpusOf(t, "en", "### 2 Interpretation\n\n\"child\" means a person under the age of eighteen years, or below 16 years, but not xunder 12 years.\n")
	src := `\b(under|below|less than)\W+(the\W+)?(age\W+of\W+)?[a-z0-9]+\W+years?\b`
	anch := mustCompile(t, standard.Pattern{Kind: standard.CritRegex, Regex: map[string]string{"en": src}})
	if r := anch.(*regex); r.anch["en"] == nil {
		t.Fatal("expected an anchored form for a regex starting with literals")
	}
	plain := &regex{res: map[string]*regexp.Regexp{"en": regexp.MustCompile(src)}}
	a, p := anch.Match(ix), plain.Match(ix)
	if len(a) != 2 || len(a) != len(p) {
		t.Fatalf("anchored %v, plain %v", a, p)
	}
	for i := range a {
		if a[i].I != p[i].I || a[i].J != p[i].J {
			t.Errorf("hit %d: anchored %d-%d, plain %d-%d", i, a[i].I, a[i].J, p[i].I, p[i].J)
		}
	}
}

// TestNonPunishmentInverted: a non-punishment rule whose victim follows
// the cue that opens the sentence ("No se aplicarán sanciones penales a
// las víctimas …") protects the victim; a cue in the middle of a sentence
// about someone else does not.
func TestNonPunishmentInverted(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       Level
	}{
		{"inverted", "### Artículo 5\n\nNo se aplicarán sanciones penales a las víctimas de trata de personas por los delitos cometidos como consecuencia directa de la trata.\n", LMet},
		{"other subject", "### Artículo 5\n\nEl funcionario que revele datos no será penalmente responsable si lo ordena un juez; la víctima de trata de personas podrá reclamar.\n", LGap},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := run(t, corpusOf(t, "es", tc.body), standard.CheckNonPunishmentScope, nil)
			if o.Level != tc.want {
				t.Errorf("level %s, want %s (%s)", o.Level, tc.want, o.Reason.Code)
			}
		})
	}
}

// TestNonPunishmentScopeQualified: a broad offence phrase that a narrow one
// qualifies at once ("les infractions de séjour irrégulier"), or that a
// demonstrative takes up after it ("ces infractions"), is narrow; facts the
// victim was compelled to commit are any offence; "shall not be exempted
// from prosecution" is contrary.
func TestNonPunishmentScopeQualified(t *testing.T) {
	for _, tc := range []struct {
		name, lang, body string
		want             Level
	}{
		{"qualified", "fr", "### Article 13\n\nEst exemptée de toute peine la victime de la traite des personnes pour les infractions de séjour irrégulier, lorsqu'elle a commis ces infractions sous la contrainte.\n", LPartial},
		{"facts compelled", "fr", "### Article 30\n\nLa victime de la traite des personnes n'encourt aucune poursuite pénale pour les faits qu'elle a été contrainte de commettre.\n", LMet},
		{"not exempted", "en", "### 16 Victims\n\nA victim of trafficking shall not be exempted from prosecution for any offence under the Passport Order committed in connection with the trafficking.\n", LContrary},
		{"generic subject", "en", "### 118 Victims\n\nA person is not criminally responsible for an offence that the person was compelled to commit as a direct consequence of being the victim of trafficking.\n", LMet},
		{"examples after any offence", "en", "### 13 Immunity\n\nA victim of trafficking shall not be prosecuted for any offence, including unlawful entry or the possession of false documents, which is a direct result of being trafficked.\n", LMet},
		{"victim in the cue", "en", "### 20 Immunity\n\nNo victim shall be prosecuted for illegal entry into the country where the entry was a direct consequence of being trafficked.\n", LPartial},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := run(t, corpusOf(t, tc.lang, tc.body), standard.CheckNonPunishmentScope, nil)
			if o.Level != tc.want {
				t.Errorf("level %s, want %s (%s)", o.Level, tc.want, o.Reason.Code)
			}
		})
	}
}

// TestConsentInLeadIn: "It is not a defence … that—" said of an item in
// which the victim consented makes consent irrelevant; the same items under
// a lead-in that says nothing of a defence do not.
func TestConsentInLeadIn(t *testing.T) {
	for _, tc := range []struct {
		name, lead string
		want       Level
	}{
		{"defence lead-in", "It is not a defence to a charge under section 2 that—", LMet},
		{"plain lead-in", "The court shall consider whether—", LGap},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := "### 3 Defences\n\n" + tc.lead + "\n\n- (a) the victim of trafficking consented to the intended exploitation; or\n- (b) the intended exploitation did not occur.\n"
			o := run(t, corpusOf(t, "en", body), standard.CheckConsentIrrelevant, nil)
			if o.Level != tc.want {
				t.Errorf("level %s, want %s (%s)", o.Level, tc.want, o.Reason.Code)
			}
		})
	}
}

// TestNegationThatProtects: "must not publish" proves an element whose terms
// name prohibited conduct (Prohibits), and a negation taken back by a
// condition ("may not return … without giving due consideration to") does
// not deny the term; a plain negation still does.
func TestNegationThatProtects(t *testing.T) {
	for _, tc := range []struct {
		name, body, term string
		prohibits, want  bool
	}{
		{"prohibited publication", "### 21 Publication\n\nA person must not publish the name of a victim.\n", "publish*", true, true},
		{"plain element", "### 21 Publication\n\nA person must not publish the name of a victim.\n", "publish*", false, false},
		{"negated condition", "### 20 Return\n\nThe Minister may not return a victim without giving due consideration to the safety of the victim.\n", "return*", false, true},
		{"plain negation", "### 20 Return\n\nThe Minister may not return a victim to the country of origin.\n", "return*", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := corpusOf(t, "en", tc.body)
			el, err := CompileElement(&standard.Element{ID: "x", Prohibits: tc.prohibits, Patterns: []standard.Pattern{{Kind: standard.CritKeyword,
				Terms: map[string][]string{"*": {tc.term}}}}})
			if err != nil {
				t.Fatal(err)
			}
			if got := el.Find(ix).Found(); got != tc.want {
				t.Errorf("found %v, want %v", got, tc.want)
			}
		})
	}
}

// TestMeansByReferenceBesideChildCase: an offence that names its means by
// reference ("recurriendo a alguno de los medios previstos en el artículo
// 4") needs them, although a later sentence waives them for a child.
func TestMeansByReferenceBesideChildCase(t *testing.T) {
	ix := corpusOf(t, "es", `### Artículo 4

Son medios de la trata la violencia, la amenaza, el engaño y el abuso de una situación de vulnerabilidad.

### Artículo 9

El que captare, transportare o acogiere a una o más personas con fines de explotación, recurriendo a alguno de los medios previstos en el artículo 4, será castigado con seis a dieciocho años de penitenciaría. Si la víctima fuere niño, niña o adolescente, no se requerirá el empleo de medio alguno.
`)
	for _, s := range ix.Segments {
		if string(s.Prov.ID) == "art9" && !meansByReference(s) {
			t.Error("the means named by reference were not read")
		}
	}
	if _, ok := noMeansAtAll(ix); ok {
		t.Error("an offence that names its means by reference was read as needing none")
	}
}

// TestPalermoStructureWithSale: a section that defines a term by three
// acts for a purpose of exploitation is trafficking, though its next
// paragraph also covers handing a child over for money.
func TestPalermoStructureWithSale(t *testing.T) {
	ix := corpusOf(t, "es", `### Artículo 70 Concepto de tráfico de niños

Se entiende por tráfico de niños su captación, transporte, retención o recepción con el propósito de utilizarlos en la prostitución u otra forma de explotación sexual o en trabajos forzosos.

Se considera también tráfico la entrega de un niño a cambio de dinero, cualquiera que sea su finalidad.
`)
	for _, s := range ix.Segments {
		if got := sectionClass(ix, s.Section); got != OffTrafficking {
			t.Errorf("class %s, want %s", got, OffTrafficking)
		}
		break
	}
}

// TestPenalServitudeIsNoServitude: "servitude pénale" is the name of a
// penalty, not the offence of servitude: a child-trafficking clause
// punished with it stays trafficking.
func TestPenalServitudeIsNoServitude(t *testing.T) {
	ix := corpusOf(t, "fr", `### Article 10

Quiconque recrute, transporte ou héberge une personne aux fins d'exploitation commet la traite des personnes et est puni de la servitude pénale de cinq à dix ans.

### Article 11

L'infraction prévue à l'article 10 est punie de la servitude pénale de dix à vingt ans lorsque la victime est un enfant.
`)
	for _, s := range ix.Segments {
		if string(s.Prov.ID) != "art11" {
			continue
		}
		if got := sectionClass(ix, s.Section); got != OffTrafficking {
			t.Errorf("class of art11 %s, want %s", got, OffTrafficking)
		}
	}
}

// TestReflectionLengthByRegulation: a reflection period "of such duration as
// may be prescribed" has its length outside the corpus: undetermined, not
// a shorter period.
func TestReflectionLengthByRegulation(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Level
	}{
		{"A victim shall be allowed a period of recovery and reflection of such duration as may be prescribed.", LUndetermined},
		{"A victim shall be allowed a period of recovery and reflection.", LPartial},
	} {
		ix := corpusOf(t, "en", "### 13 Reflection\n\n"+tc.text+"\n")
		if o := run(t, ix, standard.CheckReflectionPeriod, map[string]float64{"min_days": 30}); o.Level != tc.want {
			t.Errorf("%q: %s (%s), want %s", tc.text, o.Level, o.Reason.Code, tc.want)
		}
	}
}

// TestOffenceHandedToNamedLaw: "La tipificación de los delitos de trata de
// personas, sus penas … se rigen por el Código Penal de la Nación" names the
// law that holds the offence, though it cites no article of it.
func TestOffenceHandedToNamedLaw(t *testing.T) {
	ix := corpusOf(t, "es", `### Artículo 2

La tipificación de los delitos de trata de personas, sus penas y la persecución penal de sus autores se rigen por el Código Penal de la Nación.

### Artículo 5

El Programa Provincial brindará asistencia médica y psicológica a las víctimas de trata.
`)
	h, law, ok := OffenceOutsideCorpus(ix)
	if !ok || !strings.Contains(law, "Código Penal de la Nación") || string(h.Seg.Prov.ID) != "art2" {
		t.Errorf("offence outside the corpus: %v %q at %v, want art2 and the Código Penal de la Nación", ok, law, h.Seg)
	}
}

// TestPaymentWithoutChildNoSale: a smuggling offence "a cambio de un
// beneficio económico" names no child: it is no sale of children.
func TestPaymentWithoutChildNoSale(t *testing.T) {
	ix := corpusOf(t, "es", `### Artículo 3

Quien facilite la entrada ilegal de una persona al país a cambio de un beneficio económico será sancionado con prisión de diez a quince años.
`)
	for _, f := range Facts(ix) {
		if f.Offence == OffSale {
			t.Errorf("smuggling read as sale of children: %+v", f)
		}
	}
}

// A form of exploitation that moves goods "within or across borders",
// in the definition of exploitation, says nothing of where the
// trafficking happens: the no-movement finding quotes the offence.
func TestNoMovementNotFromExploitationItem(t *testing.T) {
	ix := corpusOf(t, "en", `### 2 Interpretation

In this Act—

"child" means a person under the age of eighteen years;

"exploitation" includes—

- (a) forced labour;
- (b) causing a person to carry prohibited goods within or across borders;

"trafficking in persons" means the recruitment, transportation, transfer, harbouring or receipt of persons for the purpose of exploitation.

### 3 Trafficking in persons

A person who recruits, transports, transfers, harbours or receives another person for the purpose of exploitation by means of threat or force commits an offence and is liable to imprisonment for twenty years.
`)
	o := run(t, ix, standard.CheckNoMovementRequired, nil)
	if o.Level != LMet {
		t.Fatalf("level %s, want met (%s)", o.Level, o.Reason.Code)
	}
	if id := string(o.Evidence[0].Seg.Prov.ID); !strings.HasPrefix(id, "s3") {
		t.Errorf("evidence %s (%q), want the offence s3", id, o.Evidence[0].Seg.Text)
	}
}

// "(a) on summary conviction— (i) be sentenced to …; (b) on conviction on
// indictment— (i) …": the procedure is in the lead-in above each sanction,
// and the summary sanction is a row of its own.
func TestSummaryPenaltyUnderProcedureLeadIn(t *testing.T) {
	ix := corpusOf(t, "en", `### 3 Trafficking in persons

(1) Whoever recruits, transports or harbours another person by force for the purpose of exploitation shall—

- (a) on summary conviction—
  - (i) be sentenced to not less than three years nor more than five years imprisonment;
- (b) on conviction on indictment—
  - (i) be sentenced to not less than five years or to life imprisonment.
`)
	got := map[string]penalty.Variant{}
	for _, f := range Facts(ix) {
		got[string(f.Seg.Prov.ID)] = f.Penalty.Variant
	}
	if got["s3(1)(a)(i)"] != penalty.VariantSummary || got["s3(1)(b)(i)"] != penalty.VariantBasic {
		t.Errorf("variants %v, want s3(1)(a)(i) summary_conviction and s3(1)(b)(i) basic", got)
	}
}

// One act done "for the purpose of exploiting" the person moved is a
// trafficking offence; one act beside a benefit from exploitation is not.
func TestTransportForExploitingIsTrafficking(t *testing.T) {
	ix := corpusOf(t, "en", "### 7 Transporting a person for the purpose of exploiting that person's prostitution\n\nA person who transports another person across an international border for the purpose of exploiting that person's prostitution is guilty of an offence and is liable on conviction on indictment to imprisonment for 25 years.\n\n"+
		"### 8 Benefit\n\nA person who receives a financial benefit from the exploitation of another person is guilty of an offence and is liable on conviction on indictment to imprisonment for 5 years.\n")
	got := map[string]string{}
	for _, s := range ix.Segments {
		got[string(s.Section.ID)] = sectionClass(ix, s.Section)
	}
	if got["s7"] != OffTrafficking || got["s8"] == OffTrafficking {
		t.Errorf("classes %v, want s7 trafficking and s8 not", got)
	}
}

// A section captioned for migrant smuggling is a related offence even when
// its aggravations name forced labour or sexual exploitation.
func TestMigrantSmugglingCaptionIsRelated(t *testing.T) {
	ix := corpusOf(t, "en", "### 20 Migrant smuggling prohibited\n\n(1) A person who, for a financial benefit, procures, transports or harbours another person for the illegal entry of that person into a foreign country commits an offence and is liable on conviction to imprisonment for not less than 7 years.\n\n(2) The term is not less than 10 years where the smuggled migrant was subjected to sexual exploitation, forced labour or slavery.\n")
	for _, s := range ix.Segments {
		if c := sectionClass(ix, s.Section); c == OffTrafficking {
			t.Fatalf("class of %s = %s, want a related offence", s.Section.ID, c)
		}
	}
}

// A section captioned for fraudulent adoption (paying for a parent's
// consent) is the sale of a child: its sanction is a child_victim row.
func TestFraudulentAdoptionIsSale(t *testing.T) {
	ix := corpusOf(t, "en", "### 15 Fraudulent adoption prohibited\n\n(1) A person shall not make any payment to obtain the consent of a parent for the purpose of carrying out a fraudulent adoption of a child.\n\n(2) A person who contravenes subsection (1) commits an offence and shall, on conviction, serve a term of imprisonment of not less than 10 years.\n")
	for _, f := range Facts(ix) {
		if f.Offence == OffSale && f.Penalty.Variant == penalty.VariantChild {
			return
		}
	}
	t.Errorf("facts %+v, want a sale-of-children child_victim row", Facts(ix))
}

// The same in Spanish: an article captioned "Adopción ilegal".
func TestAdopcionIlegalIsSale(t *testing.T) {
	ix := corpusOf(t, "es", "### Artículo 15. Adopción ilegal\n\nEl que, mediante pago, obtenga el consentimiento de los padres para la adopción de un niño será sancionado con prisión de seis a diez años.\n")
	for _, f := range Facts(ix) {
		if f.Offence == OffSale {
			return
		}
	}
	t.Errorf("facts %+v, want a sale-of-children row", Facts(ix))
}

// "shall be imprisoned for not more than three years, but … aggravating
// factors … can permit a longer sentence up to a maximum of five years— (a)
// …; (b) transportation of one or more children": the basic term and the
// longer one for the listed circumstances are rows of their own.
func TestLongerSentenceForAggravatingFactors(t *testing.T) {
	ix := corpusOf(t, "en", "### 5 Transporting a person for the purpose of exploiting that person's prostitution\n\n(1) Whoever knowingly transports any person across an international border for the purpose of exploiting that person's prostitution commits an offence and shall be liable on summary conviction to be punished in accordance with subsection (2).\n\n(2) Persons convicted of the offence shall be imprisoned for not more than three years, but the presence of any one of the following aggravating factors can permit a longer sentence up to a maximum of five years—\n\n- (a) transporting two or more persons at the same time;\n- (b) transportation of one or more children.\n")
	got := map[penalty.Variant]float64{}
	for _, f := range Facts(ix) {
		if f.Penalty.MaxMonths != nil {
			got[f.Penalty.Variant] = *f.Penalty.MaxMonths
		}
	}
	if got[penalty.VariantBasic] != 36 || got[penalty.VariantChild] != 60 {
		t.Errorf("rows %v, want basic 36 and child_victim 60 months", got)
	}
}
