package index

import (
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

const testStatute = `---
id: xta/test-act
country: XTA
title: "Test Act"
language: en
version_date: "2020-01-01"
---

# Test Act

## Part I - PRELIMINARY

### 2 Interpretation

In this Act, unless the context otherwise requires—

"child" has the meaning assigned to it in the Children Act (Cap. 141);

"exploitation" includes forced labour and sexual exploitation;

"trafficking in persons" has the meaning assigned to it by section 3;

## Part II - OFFENCES

### 3 Trafficking in persons

(1) A person who recruits, transports, harbours or receives another person for the purpose of exploitation commits an offence.

(2) A person who commits an offence under subsection (1) is liable to imprisonment for a term of not less than ten years.

(3) Nothing in this Act applies to an offence under the Sexual Offences Act.

### 4 Repealed

[Repealed by Act No. 2 of 2019.]

### 5 Victim assistance

The Minister shall provide shelter and medical care to victims of trafficking in persons.
`

func build(t *testing.T, src string) *Index {
	t.Helper()
	st, err := statute.Parse("xta/test-act.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Éxploitation", "exploitation"},
		{"Straße Ä", "strasse a"},
		{"Niño “child”", "nino \"child\""},
		{"réclusion criminelle", "reclusion criminelle"},
	} {
		got, m := Fold(tc.in)
		if got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(m) != len(got)+1 || int(m[len(got)]) != len(tc.in) {
			t.Errorf("Fold(%q): offset map has %d entries ending at %d", tc.in, len(m), m[len(m)-1])
		}
	}
	f, m := Fold("Réclusion à perpétuité")
	toks := Tokenize(f)
	if len(toks) != 3 || toks[1].Word != "a" {
		t.Fatalf("tokens %+v", toks)
	}
	if got := "Réclusion à perpétuité"[m[toks[2].Start]:m[toks[2].End]]; got != "perpétuité" {
		t.Errorf("original bytes of the last token = %q, want perpétuité", got)
	}
}

func TestPhraseSet(t *testing.T) {
	ps := NewPhraseSet([]string{"recruit*", "position of vulnerability", "abuse of power"})
	f, _ := Fold("He recruited her by abuse of power and of her position of vulnerability.")
	spans := ps.Find(Tokenize(f))
	var got []string
	for _, sp := range spans {
		got = append(got, ps.Terms[sp.Phrase])
	}
	want := []string{"recruit*", "abuse of power", "position of vulnerability"}
	if len(got) != len(want) {
		t.Fatalf("found %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("match %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func segOf(ix *Index, id string) *Segment {
	for _, s := range ix.Segments {
		if string(s.Prov.ID) == id {
			return s
		}
	}
	return nil
}

func TestBuildRolesDefinitionsRefs(t *testing.T) {
	ix := build(t, testStatute)
	for _, tc := range []struct {
		id   string
		role Role
		want bool
	}{
		{"s3(1)", "offence", true},
		{"s3(2)", "penalty", true},
		{"s5", "protection", true},
		{"s5", "offence", false},
	} {
		s := segOf(ix, tc.id)
		if s == nil {
			t.Fatalf("no segment for %s", tc.id)
		}
		if got := s.Roles.Has(tc.role); got != tc.want {
			t.Errorf("%s has role %s = %v, want %v (roles %v)", tc.id, tc.role, got, tc.want, s.Roles.Roles())
		}
	}
	if s := segOf(ix, "s4"); s == nil || !s.Repealed() {
		t.Errorf("s4 should be repealed")
	}
	child := ix.Definitions("child")
	if len(child) != 1 || child[0].ExternalLaw != "Children Act (Cap. 141)" {
		t.Fatalf("definitions of child = %+v, want one referring to the Children Act (Cap. 141)", child)
	}
	if ds := ix.Definitions("exploitation"); len(ds) != 1 || ds[0].ExternalLaw != "" {
		t.Errorf("definitions of exploitation = %+v", ds)
	}
	if ds := ix.Definitions("trafficking in persons"); len(ds) != 1 || ds[0].ExternalLaw != "" {
		t.Errorf("\"meaning assigned by section 3\" is an internal reference, got %+v", ds)
	}
	if law := ix.ExtTerms["child"]; law != "" {
		t.Errorf("a person term is not an external term, got %q", law)
	}
	s2 := segOf(ix, "s3(2)")
	if len(s2.Refs) == 0 || s2.Refs[0].Target == nil || s2.Refs[0].Target.ID != "s3(1)" {
		t.Errorf("subsection (1) in s3(2) should resolve to s3(1), got %+v", s2.Refs)
	}
	s3 := segOf(ix, "s3(3)")
	var ext string
	for _, r := range s3.Refs {
		if r.External {
			ext = r.Law
		}
	}
	if ext != "Sexual Offences Act" {
		t.Errorf("s3(3) external law = %q, want Sexual Offences Act", ext)
	}
}

func TestHasMatchesAny(t *testing.T) {
	ix := build(t, testStatute)
	ps := NewPhraseSet([]string{"recruit*", "medical care"})
	for _, s := range ix.Segments {
		if got, want := ix.Has(ps, s), ps.Any(s.Toks); got != want {
			t.Errorf("%s: Has = %v, Any = %v", s.Prov.ID, got, want)
		}
	}
}

func TestHasQuote(t *testing.T) {
	for _, s := range []string{"", "plain text", "it's", `say "x"`, "“child”", "„Kind“", "‘x’", "«enfant»", "é and ü", "\xe2\x80", "\xc2", "x\xe2\x80\x9c", "\xff\xe2\x80\x98"} {
		if got, want := hasQuote(s), strings.ContainsAny(s, "\"“„«‘'"); got != want {
			t.Errorf("hasQuote(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPhraseStartFilter checks that the start filter never hides a match:
// Any and Find agree with a naive scan for exact words, short and long
// prefixes, and one-letter words.
func TestPhraseStartFilter(t *testing.T) {
	terms := []string{"a*", "xy*", "zzz", "b", "long prefix*", "in the course of", "é*"}
	ps := NewPhraseSet(terms)
	text := "Ab xyz zzz b; a. Long prefixes in the course of work. Ébauche c d"
	f, _ := Fold(text)
	toks := Tokenize(f)
	got := map[[2]int]bool{}
	for _, sp := range ps.Find(toks) {
		got[[2]int{sp.I, sp.Phrase}] = true
	}
	for p, ws := range ps.phrases {
		for i := range toks {
			ok := i+len(ws) <= len(toks)
			for k := 0; ok && k < len(ws); k++ {
				ok = wordMatch(ws[k], toks[i+k].Word)
			}
			if ok && !got[[2]int{i, p}] {
				// Find keeps the longest phrase at a start; another may win
				found := false
				for _, sp := range ps.Find(toks) {
					found = found || sp.I == i
				}
				if !found {
					t.Errorf("phrase %q at token %d (%q) not found", terms[p], i, toks[i].Word)
				}
			}
		}
	}
	if !ps.Any(toks) || len(got) < 7 {
		t.Errorf("Find found %d starts, want at least 7", len(got))
	}
}

// TestExtLawCueNear checks the windowed search against a full search.
func TestExtLawCueNear(t *testing.T) {
	cue := "has the same meaning assigned to it in   the Children Act"
	pad := func(n int, c string) string { return strings.Repeat(c, n) }
	for _, tc := range []string{
		cue, pad(50, "x ") + cue, pad(119, "y") + cue, pad(120, "y") + cue, pad(119, "y") + cue + pad(2000, "z"),
		pad(60, "a") + "has the meaning" + pad(700, " ") + "in the Act" + pad(900, "q"),
		pad(30, "a ") + "HAS THE MEANING ASSIGNED \n\t TO IT BY" + pad(40, " ") + pad(1000, "k"), pad(3000, "w "),
	} {
		full := extLawCue.FindStringIndex(tc)
		if full != nil && full[0] >= 120 {
			full = nil
		}
		got := extLawCueNear(tc, 120)
		if (got == nil) != (full == nil) || got != nil && (got[0] != full[0] || got[1] != full[1]) {
			t.Errorf("extLawCueNear(%.40q…) = %v, want %v", tc, got, full)
		}
	}
}

// TestGermanOffenceFormula: "Wer …, ist mit Freiheitsstrafe … zu
// bestrafen" (the Austrian and Liechtenstein drafting) creates an offence
// like "wird … bestraft" does.
func TestGermanOffenceFormula(t *testing.T) {
	src := "---\nid: xta/stgb\ncountry: XTA\ntitle: \"Strafgesetz\"\nlanguage: de\nversion_date: \"2020-01-01\"\n---\n\n# Strafgesetz\n\n" +
		"### § 9\n\nMit Freiheitsstrafe bis zu drei Jahren ist zu bestrafen, wer eine andere Person durch Drohung zur Arbeit nötigt.\n\n" +
		"### § 10\n\nWer eine andere Person durch Drohung zur Arbeit nötigt, wird mit Freiheitsstrafe bis zu drei Jahren bestraft.\n"
	ix := build(t, src)
	for _, id := range []string{"§9", "§10"} {
		s := segOf(ix, id)
		if s == nil {
			t.Fatalf("no segment %s", id)
		}
		if !s.Roles.Has("offence") || !s.Roles.Has("penalty") {
			t.Errorf("%s roles %v, want offence and penalty", id, s.Roles.Roles())
		}
	}
}

// TestAbsatzRef: "(Abs. 3)" without a § is subsection 3 of the same
// section; "§ 6 Abs. 3" is another section's.
func TestAbsatzRef(t *testing.T) {
	src := "---\nid: xta/stgb\ncountry: XTA\ntitle: \"Strafgesetz\"\nlanguage: de\nversion_date: \"2020-01-01\"\n---\n\n# Strafgesetz\n\n" +
		"### § 6\n\n(3) Grob fahrlässig handelt, wer ungewöhnlich sorgfältswidrig handelt.\n\n" +
		"### § 9\n\n(1) Wer eine Person mit dem Vorsatz, dass sie ausgebeutet werde (Abs. 3), anwirbt, ist zu bestrafen; § 6 Abs. 3 gilt.\n\n" +
		"(3) Ausbeutung umfasst die Ausbeutung der Arbeitskraft.\n"
	ix := build(t, src)
	s := segOf(ix, "§9(1)")
	if s == nil {
		t.Fatal("no segment §9(1)")
	}
	var got []string
	for _, r := range s.Refs {
		if r.Target != nil {
			got = append(got, r.Text+"→"+string(r.Target.ID))
		}
	}
	want := []string{"Abs. 3→§9(3)", "§ 6 Abs. 3→§6(3)"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("refs of §9(1) = %v, want %v", got, want)
	}
}

// TestRelativeRefs: "el apartado anterior" is the previous subsection of
// the same article, "apartado 1" its first; "apartado 1 del artículo 9"
// is another article's.
func TestRelativeRefs(t *testing.T) {
	src := "---\nid: xta/cp\ncountry: XTA\ntitle: \"Código\"\nlanguage: es\nversion_date: \"2020-01-01\"\n---\n\n# Código\n\n" +
		"### Artículo 9\n\n1. Será castigado con prisión de cinco a ocho años el que captare a una persona con fines de explotación.\n\n" +
		"2. Se impondrá la misma pena cuando las acciones del apartado anterior recaigan sobre menores de edad.\n\n" +
		"3. Las penas del apartado 1 se aumentarán en un tercio; lo dispuesto en el apartado 1 del artículo 10 no se aplica.\n"
	ix := build(t, src)
	refs := func(id string) []string {
		s := segOf(ix, id)
		if s == nil {
			t.Fatalf("no segment %s", id)
		}
		var got []string
		for _, r := range s.Refs {
			if r.Target != nil {
				got = append(got, string(r.Target.ID))
			}
		}
		return got
	}
	if got := refs("art9(2)"); strings.Join(got, ",") != "art9(1)" {
		t.Errorf("refs of art9(2) = %v, want [art9(1)]", got)
	}
	if got := refs("art9(3)"); strings.Join(got, ",") != "art9(1)" {
		t.Errorf("refs of art9(3) = %v, want [art9(1)] only (apartado 1 del artículo 10 is another article's)", got)
	}
}

// "co-ordinate" and "co-operation" are one word each, so that the
// phrases coordinat* and cooperat* find the Commonwealth spelling.
func TestCoHyphenOneWord(t *testing.T) {
	f, _ := Fold("The Agency shall co-ordinate and promote co-operation, with co- and counsel.")
	var words []string
	for _, tk := range Tokenize(f) {
		words = append(words, tk.Word)
	}
	got := strings.Join(words, " ")
	if want := "the agency shall coordinate and promote cooperation with co and counsel"; got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
	ps := NewPhraseSet([]string{"coordinat*", "cooperat*"})
	if n := len(ps.Find(Tokenize(f))); n != 2 {
		t.Errorf("coordinat*/cooperat* found %d times, want 2", n)
	}
}

// A definitions list run into one paragraph (text from a PDF or a
// database) is read item by item: the lead-in and one segment per item,
// each item defining its term.
func TestInlineDefinitionList(t *testing.T) {
	got := splitInlineList("Au sens de la présente loi, les définitions ci-après sont admises : a. enfant : toute personne âgée de moins de 18 ans ; b) le trafic d'enfants : désigne le fait de déplacer un enfant ; c) la traite d'enfants : s'entend comme le recrutement.")
	if len(got) != 4 || !strings.HasPrefix(got[1], "a. enfant") || !strings.HasPrefix(got[3], "c) la traite") {
		t.Fatalf("split into %q", got)
	}
	if one := splitInlineList("Le juge peut ordonner : a) la confiscation."); one != nil {
		t.Errorf("a single marker split the paragraph: %q", one)
	}
	src := "---\nid: xcm/loi\ncountry: XCM\ntitle: \"Loi\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Loi\n\n### Article 2\n\nAu sens de la présente loi, les définitions ci-après sont admises : a. enfant : toute personne âgée de moins de 18 ans ; b) le trafic d'enfants : désigne le fait de déplacer un enfant.\n"
	st, err := statute.Parse("loi.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	if len(ix.Definitions("enfant")) == 0 || len(ix.Definitions("trafic d enfants")) == 0 {
		t.Errorf("definitions %v, want enfant and trafic d enfants", ix.Defs)
	}
}

// TestRangeRefNamesLaw: the law named after a range of provisions ("§§ 232
// bis 233a des Strafgesetzbuches") is the first provision's law too, not
// the citing statute.
func TestRangeRefNamesLaw(t *testing.T) {
	src := "---\nid: xta/prostg\ncountry: XTA\ntitle: \"Prostitutionsgesetz\"\nlanguage: de\nversion_date: \"2020-01-01\"\n---\n\n# Prostitutionsgesetz\n\n" +
		"### § 2\n\n(4) Menschenhandel im Sinne dieses Gesetzes sind Taten nach den §§ 232 bis 233a des Strafgesetzbuches.\n"
	ix := build(t, src)
	s := segOf(ix, "§2(4)")
	if s == nil {
		t.Fatal("no segment §2(4)")
	}
	for _, r := range s.Refs {
		if !r.External || !strings.Contains(r.Law, "Strafgesetzbuch") {
			t.Errorf("ref %q: external %v law %q, want the Strafgesetzbuch", r.Text, r.External, r.Law)
		}
	}
	if len(s.Refs) == 0 {
		t.Error("no reference found")
	}
}

// TestDefinitionByReferenceCues: a term defined "as is assigned to it in",
// "de conformidad con el" or "fixé par le" another law takes its meaning
// from that law.
func TestDefinitionByReferenceCues(t *testing.T) {
	for _, tc := range []struct{ lang, def, term, law string }{
		{"en", `In this Act, "child" has the same meaning as is assigned to it in the Guardians and Wards Act.`, "child", "Guardians and Wards Act"},
		{"es", "Para los efectos de esta ley se entiende por niño toda persona así considerada de conformidad con el Código de la Niñez y la Adolescencia.", "nino", "Código de la Niñez y la Adolescencia"},
		{"fr", "Au sens de la présente loi, on entend par enfant : toute personne n'ayant pas atteint l'âge de la majorité fixé par le Code des personnes et de la famille.", "enfant", "Code des personnes et de la famille"},
		{"es", "Para los efectos de esta ley se entiende por niño toda persona que tenga la edad señalada en el Código de la Niñez.", "nino", "Código de la Niñez"},
	} {
		src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: " + tc.lang + "\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n### 2 Definitions\n\n" + tc.def + "\n"
		ix := build(t, src)
		ds := ix.Definitions(tc.term)
		if len(ds) == 0 || !strings.Contains(ds[0].ExternalLaw, tc.law) {
			var laws []string
			for _, d := range ds {
				laws = append(laws, d.ExternalLaw)
			}
			t.Errorf("%s: definitions of %q refer to %q, want %s", tc.lang, tc.term, laws, tc.law)
		}
	}
}

// TestObjectsClauseNotOperative: a law's statement of its objects ("La
// présente loi a pour objet de …", "This Act aims to …") is no measure.
func TestObjectsClauseNotOperative(t *testing.T) {
	for _, tc := range []struct{ lang, text string }{
		{"fr", "La présente loi a pour objet de prévenir la traite des personnes et de protéger les victimes."},
		{"es", "Esta ley tiene por objeto garantizar la protección integral de las víctimas de trata."},
		{"en", "The objects of this Act are to prevent trafficking in persons and to protect victims."},
	} {
		src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: " + tc.lang + "\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n### Article 1\n\n" + tc.text + "\n\n### Article 2\n\nLes victimes reçoivent une assistance médicale.\n"
		ix := build(t, src)
		for _, s := range ix.Segments {
			if got, want := s.NonOperative, string(s.Prov.ID) == "art1"; got != want {
				t.Errorf("%s: %s non-operative %v, want %v", tc.lang, s.Prov.ID, got, want)
			}
		}
	}
}

// TestPreambleDivisionNotOperative: the numbered parts of a preamble
// ("## PREÁMBULO" then "### I", "### II") are not operative.
func TestPreambleDivisionNotOperative(t *testing.T) {
	src := "---\nid: xta/lo\ncountry: XTA\ntitle: \"Ley\"\nlanguage: es\nversion_date: \"2020-01-01\"\n---\n\n# Ley\n\n## PREÁMBULO\n\n### I\n\nLa trata exige cooperación internacional y la protección de las víctimas.\n\n## TÍTULO I\n\n### Artículo 1\n\nLas víctimas recibirán asistencia médica.\n"
	ix := build(t, src)
	for _, s := range ix.Segments {
		if got, want := s.NonOperative, string(s.Prov.ID) != "art1"; got != want {
			t.Errorf("%s non-operative %v, want %v", s.Prov.ID, got, want)
		}
	}
}

// TestLawTitleWithComma: "section 5 of the Child Care, Protection and
// Justice Act" cites another law, not the citing Act's own section 5.
func TestLawTitleWithComma(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Trafficking Act\"\nlanguage: en\nversion_date: \"2020-01-01\"\n---\n\n# Trafficking Act\n\n" +
		"### 5 Offences\n\nA person who traffics a child commits an offence.\n\n" +
		"### 9 Age\n\nWhere the age of a victim is uncertain, it shall be determined under section 5 of the Child Care, Protection and Justice Act.\n"
	ix := build(t, src)
	s := segOf(ix, "s9")
	if s == nil || len(s.Refs) == 0 {
		t.Fatal("no reference in s9")
	}
	r := s.Refs[0]
	if !r.External || r.Target != nil || !strings.Contains(r.Law, "Child Care, Protection and Justice Act") {
		t.Errorf("ref %q: external %v target %v law %q, want the Child Care, Protection and Justice Act", r.Text, r.External, r.Target, r.Law)
	}
}

// TestAccordingToWhichNoLaw: "principio según el cual …" refers to no law.
func TestAccordingToWhichNoLaw(t *testing.T) {
	src := "---\nid: xta/ley\ncountry: XTA\ntitle: \"Ley\"\nlanguage: es\nversion_date: \"2020-01-01\"\n---\n\n# Ley\n\n### Artículo 2 Definiciones\n\nSe entiende por interés superior del niño el principio según el cual toda decisión considerará primordialmente su bienestar.\n"
	ix := build(t, src)
	for _, d := range ix.Definitions("interes superior del nino") {
		if d.ExternalLaw != "" {
			t.Errorf("definition refers to %q, want no outside law", d.ExternalLaw)
		}
	}
}

// TestSectionOfThisActIsInternal: a definition "by section 3 of this Act"
// refers to the statute itself, not to an outside law.
func TestSectionOfThisActIsInternal(t *testing.T) {
	src := "---\nid: xtt/act\ncountry: XTT\ntitle: \"Trafficking Act\"\nlanguage: en\nversion_date: \"2020-01-01\"\n---\n\n# Trafficking Act\n\n" +
		"### 1 Definitions\n\nIn this Act—\n\n“trafficking in persons” has the meaning as assigned to it by section 3 of this Act;\n\n" +
		"### 3 Trafficking in persons\n\n(1) A person who recruits or transports another person by force for the purpose of exploitation commits an offence.\n"
	ix := build(t, src)
	if ds := ix.Definitions("trafficking in persons"); len(ds) != 1 || ds[0].ExternalLaw != "" {
		t.Errorf("definitions of trafficking in persons = %+v, want one with no outside law", ds)
	}
	if law := ix.ExtTerms["trafficking in persons"]; law != "" {
		t.Errorf("trafficking in persons is an external term of %q", law)
	}
}
