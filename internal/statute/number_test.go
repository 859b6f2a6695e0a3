package statute

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

func TestParseHeading(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		english bool
		kind    Kind
		id      string
		title   string
	}{
		{"english section word", "Section 3. Trafficking in persons", true, KindSection, "s3", "Trafficking in persons"},
		{"english section short title", "Section 1. Short title", true, KindSection, "s1", "Short title"},
		{"bare number and title", "3 Trafficking in persons", true, KindSection, "s3", "Trafficking in persons"},
		{"number with dot", "3. Interpretation", true, KindSection, "s3", "Interpretation"},
		{"s dot", "s. 3", true, KindSection, "s3", ""},
		{"decimal section", "279.01 Trafficking in persons", true, KindSection, "s279.01", "Trafficking in persons"},
		{"three decimals", "279.011 Trafficking of a person under the age of eighteen years", true, KindSection, "s279.011", "Trafficking of a person under the age of eighteen years"},
		{"paragraph sign glued", "§1591.", true, KindSection, "§1591", ""},
		{"paragraph sign narrow space", "§\u202f1593A. Benefitting financially", true, KindSection, "§1593A", "Benefitting financially"},
		{"german paragraph", "§ 232 Menschenhandel", false, KindSection, "§232", "Menschenhandel"},
		{"german letter suffix", "§ 233a Förderung des Menschenhandels", false, KindSection, "§233a", "Förderung des Menschenhandels"},
		{"french article", "Article 225-4-1", false, KindSection, "art225-4-1", ""},
		{"superscript inserted article", "Article 143¹ Trafficking in persons", true, KindSection, "art143-1", "Trafficking in persons"},
		{"superscript two digits", "Article 143¹² Use of services", true, KindSection, "art143-12", "Use of services"},
		{"spanish bis", "Artículo 177 bis", false, KindSection, "art177bis", ""},
		{"upper case ordinal", "ARTICULO 2º", false, KindSection, "art2", ""},
		{"upper case dot", "ARTICULO 10.", false, KindSection, "art10", ""},
		{"articulo plain", "Artículo 77", false, KindSection, "art77", ""},
		{"french first article", "Article 1er", false, KindSection, "art1", ""},
		{"french premier", "Article premier - Objet", false, KindSection, "art1", "Objet"},
		{"spanish unico", "Artículo único.", false, KindSection, "artunico", ""},
		{"spanish primero", "ARTÍCULO PRIMERO.- Objeto", false, KindSection, "art1", "Objeto"},
		{"art abbreviation", "Art. 5 Scope", true, KindSection, "art5", "Scope"},
		{"part roman", "Part I - PRELIMINARY", true, KindDivision, "part-I", "PRELIMINARY"},
		{"part upper", "PART III — TRAFFICKING IN PERSONS OFFENCES, IMMUNITY, ETC.", true, KindDivision, "part-III", "TRAFFICKING IN PERSONS OFFENCES, IMMUNITY, ETC."},
		{"chapter digits", "CHAPTER 77— PEONAGE, SLAVERY", true, KindDivision, "chapter-77", "PEONAGE, SLAVERY"},
		{"titulo", "TITULO I — DISPOSICIONES GENERALES", false, KindDivision, "title-I", "DISPOSICIONES GENERALES"},
		{"capitulo", "CAPITULO XV - DE LOS DELITOS", false, KindDivision, "chapter-XV", "DE LOS DELITOS"},
		{"capitulo accent", "CAPÍTULO II - CONSEJO NACIONAL", false, KindDivision, "chapter-II", "CONSEJO NACIONAL"},
		{"french section grouping", "Section 1 bis : De la traite des êtres humains.", false, KindDivision, "section-1bis", "De la traite des êtres humains."},
		{"spanish seccion", "Sección I - Tráfico de personas", false, KindDivision, "section-I", "Tráfico de personas"},
		{"livre", "Livre II : Des crimes et délits contre les personnes", false, KindDivision, "book-II", "Des crimes et délits contre les personnes"},
		{"libro", "Libro II — Título VII bis: De la trata de seres humanos", false, KindDivision, "book-II", "Título VII bis: De la trata de seres humanos"},
		{"german ordinal abschnitt", "Achtzehnter Abschnitt - Straftaten gegen die persönliche Freiheit", false, KindDivision, "abschnitt-18", "Straftaten gegen die persönliche Freiheit"},
		{"german first", "Erster Abschnitt - Das Strafgesetz", false, KindDivision, "abschnitt-1", "Das Strafgesetz"},
		{"schedule without number", "Schedule", true, KindDivision, "schedule", ""},
		{"latin ter", "Artículo 367 ter", false, KindSection, "art367ter", ""},
		{"latin quater", "Artículo 411 quater. Trata", false, KindSection, "art411quater", "Trata"},
		{"latin accented quater", "Artículo 411 quáter", false, KindSection, "art411quater", ""},
		{"latin upper accented", "ARTÍCULO 411 QUÁTER", false, KindSection, "art411quater", ""},
		{"latin quinquies", "Article 225-4-1 quinquies", false, KindSection, "art225-4-1quinquies", ""},
		{"latin terdecies", "Art. 3 terdecies", false, KindSection, "art3terdecies", ""},
		{"paragraph ter", "§ 12 ter", false, KindSection, "§12ter", ""},
		{"french first still 1", "Article 1er - Objet", false, KindSection, "art1", "Objet"},
		{"chapitre compound roman", "Chapitre VI-I : De la traite", false, KindDivision, "chapter-VI-I", "De la traite"},
		{"chapitre compound roman 3", "Chapitre VI-III", false, KindDivision, "chapter-VI-III", ""},
		{"chapitre roman then word", "Chapitre VI-Infractions", false, KindDivision, "chapter-VI", "Infractions"},
		{"chapitre plain", "Chapitre VI", false, KindDivision, "chapter-VI", ""},
		{"numbered abschnitt", "1. Abschnitt", false, KindDivision, "abschnitt-1", ""},
		{"numbered abschnitt title", "25. Abschnitt: Schlussbestimmungen", false, KindDivision, "abschnitt-25", "Schlussbestimmungen"},
		{"ordinal then capitalised title", "TÍTULO CUARTO De la Comisión Intersecretarial", false, KindDivision, "title-4", "De la Comisión Intersecretarial"},
		{"libro primero then title", "LIBRO PRIMERO Disposiciones generales", false, KindDivision, "book-1", "Disposiciones generales"},
		{"numbered kapitel, capitalised title", "2. Kapitel Die strafrechtliche Verantwortlichkeit", false, KindDivision, "chapter-2", "Die strafrechtliche Verantwortlichkeit"},
		{"numbered teil", "2. Teil", false, KindDivision, "part-2", ""},
		{"number then words stays a section", "3. Title of the Act", true, KindSection, "s3", "Title of the Act"},
		{"number then hyphenated word", "3. Part-time work", true, KindSection, "s3", "Part-time work"},
		{"no number", "Definitions", true, "", "", "Definitions"},
		{"no number with colon", "Short title, extent and commencement:", true, "", "", "Short title, extent and commencement:"},
		{"word starting like part", "Partnership agreements", true, "", "", "Partnership agreements"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseHeading(tt.text, tt.english)
			if got.kind != tt.kind || got.id != tt.id || got.title != tt.title {
				t.Errorf("parseHeading(%q) = kind %q id %q title %q, want kind %q id %q title %q",
					tt.text, got.kind, got.id, got.title, tt.kind, tt.id, tt.title)
			}
		})
	}
}

// parseBody parses a statute body with minimal front matter.
func parseBody(t *testing.T, lang, body string) *Statute {
	t.Helper()
	src := fmt.Sprintf("---\nid: xea/test\ncountry: XEA\ntitle: Test Act\nlanguage: %s\n---\n\n%s", lang, body)
	s, err := Parse("test.md", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s
}

func ids(s *Statute) string {
	var out []string
	for _, p := range s.All {
		out = append(out, string(p.ID))
	}
	return strings.Join(out, " ")
}

func TestMarkers(t *testing.T) {
	tests := []struct {
		name, lang, body, want string
	}{
		{"english subsections, paragraphs, subparagraphs", "en",
			"### 3 Trafficking\n\n(1) A person who—\n\n- (a) recruits;\n- (b) transports—\n  - (i) by land; or\n  - (ii) by sea.\n\n(2) Consent is irrelevant.\n",
			"s3 s3(1) s3(1)(a) s3(1)(b) s3(1)(b)(i) s3(1)(b)(ii) s3(2)"},
		{"(h) then (i) stays alphabetic", "en",
			"### 2 Means\n\n(a) a\n\n(b) b\n\n(c) c\n\n(d) d\n\n(e) e\n\n(f) f\n\n(g) g\n\n(h) h\n\n(i) i\n\n(j) j\n",
			"s2 s2(a) s2(b) s2(c) s2(d) s2(e) s2(f) s2(g) s2(h) s2(i) s2(j)"},
		{"(v) after (iv) is roman", "en",
			"### 2 X\n\n(a) lead\n\n(i) one\n\n(ii) two\n\n(iii) three\n\n(iv) four\n\n(v) five\n\n(b) next\n",
			"s2 s2(a) s2(a)(i) s2(a)(ii) s2(a)(iii) s2(a)(iv) s2(a)(v) s2(b)"},
		{"inserted numbers and letters", "en",
			"### 19 Committee\n\n(1a) inserted\n\n(2) second\n\n(e) e\n\n(ea) inserted\n\n(4.11) decimal\n",
			"s19 s19(1a) s19(2) s19(2)(e) s19(2)(ea) s19(4.11)"},
		{"united states levels", "en",
			"### § 1591. Sex trafficking\n\n(a) Whoever knowingly\n\n(1) recruits; or\n\n(2) benefits,\n\n(e) In this section:\n\n(2) The term “coercion” means\n\n(A) threats;\n\n(B) any scheme; or\n\n(C) the abuse.\n\n(3) The term\n",
			"§1591 §1591(a) §1591(a)(1) §1591(a)(2) §1591(e) §1591(e)(2) §1591(e)(2)(A) §1591(e)(2)(B) §1591(e)(2)(C) §1591(e)(3)"},
		{"caption item keeps its text", "en",
			"### § 7105. Protection\n\n(b) Victims\n\n(1) Eligibility\n\n(A) In general\n\nSubject to subparagraph (C), an alien who is a victim.\n\n(B) Requirement\n",
			"§7105 §7105(b) §7105(b)(1) §7105(b)(1)(A) §7105(b)(1)(B)"},
		{"(aa) below (I)", "en",
			"### § 7105. X\n\n(c) c\n\n(3) three\n\n(A) a\n\n(ii) ii\n\n(I) one\n\n(II) two\n\n(aa) aa\n\n(bb) bb\n\n(B) b\n",
			"§7105 §7105(c) §7105(c)(3) §7105(c)(3)(A) §7105(c)(3)(A)(ii) §7105(c)(3)(A)(ii)(I) §7105(c)(3)(A)(ii)(II) §7105(c)(3)(A)(ii)(II)(aa) §7105(c)(3)(A)(ii)(II)(bb) §7105(c)(3)(B)"},
		{"german Absatz, Nummer, Buchstabe", "de",
			"### § 232 Menschenhandel\n\n(1) Bestraft wird, wer\n\n1.  diese Person ausgebeutet werden soll\n\n    a)  bei der Prostitution,\n\n    b)  durch eine Beschäftigung,\n\n2.  in Sklaverei gehalten werden soll oder\n\n3.  ein Organ entnommen werden soll.\n\nSatz zwei gehört zu Absatz 1.\n\n(2) Zweiter Absatz.\n",
			"§232 §232(1) §232(1)(1) §232(1)(1)(a) §232(1)(1)(b) §232(1)(2) §232(1)(3) §232(2)"},
		{"spanish apartados and letters", "es",
			"### Artículo 177 bis\n\n1. Será castigado:\n\na) La imposición de trabajo.\n\nb) La explotación sexual.\n\nExiste una situación de necesidad.\n\n2. Aun cuando no se recurra.\n",
			"art177bis art177bis(1) art177bis(1)(a) art177bis(1)(b) art177bis(2)"},
		{"french roman paragraphs and degrees", "fr",
			"### Article 225-4-1\n\nI. - La traite est le fait :\n\n1° Soit avec menace ;\n\n2° Soit par abus.\n\nL'exploitation mentionnée au présent I.\n\nII. - À l'égard d'un mineur.\n\nII.-Doublon sans espace.\n",
			"art225-4-1 art225-4-1/I art225-4-1/I(1°) art225-4-1/I(2°) art225-4-1/II art225-4-1/II~2"},
		{"french degrees directly under the article", "fr",
			"### Article 225-4-2\n\nL'infraction est punie :\n\n1° A l'égard de plusieurs personnes ;\n\n2° A l'égard d'une personne hors du territoire.\n",
			"art225-4-2 art225-4-2(1°) art225-4-2(2°)"},
		{"uruguay capital letters with parenthesis", "es",
			"### Artículo 3\n\nA los efectos:\n\nA) Trata.\n\nB) Explotación.\n\nH) Otra.\n\nI) Novena letra.\n\nJ) Décima.\n",
			"art3 art3(A) art3(B) art3(H) art3(I) art3(J)"},
		{"definitions own their items", "en",
			"### 2 Interpretation\n\nIn this Act—\n\n\"exploitation\" includes—\n\n- (a) slavery;\n- (b) servitude;\n\n\"trafficking for sexual exploitation\" means trafficking—\n\n- (a) with intent; or\n- (b) in the belief;\n\n\"victim\" means a person.\n",
			"s2 s2[exploitation] s2[exploitation](a) s2[exploitation](b) s2[trafficking-for-sexual-exploitation] s2[trafficking-for-sexual-exploitation](a) s2[trafficking-for-sexual-exploitation](b) s2[victim]"},
		{"markers on consecutive lines", "en",
			"### 4 Penalty\n\n(1) A person is liable—\n(a) to imprisonment; or\n(b) to a fine.\n(2) Second.\n",
			"s4 s4(1) s4(1)(a) s4(1)(b) s4(2)"},
		{"numbered list items", "en",
			"### 5 Duties\n\nThe Council shall—\n\n1. advise;\n2. report;\n3. coordinate.\n",
			"s5 s5(1) s5(2) s5(3)"},
		{"close-paren numbers", "es",
			"### Artículo 9\n\nSon obligaciones:\n\n1) informar;\n\n2) proteger.\n",
			"art9 art9(1) art9(2)"},
		{"divisions nest by heading level", "en",
			"## Part I - Preliminary\n\n### 1 Short title\n\nText.\n\n## Part II - Offences\n\n### 2 Offence\n\nText.\n",
			"part-I s1 part-II s2"},
		{"sub-levels written as headings", "en",
			"### § 7105. Protection\n\n#### (a) Victims\n\nText.\n\n##### (1) In general\n\n(A) first\n\n#### (b) Second\n",
			"§7105 §7105(a) §7105(a)(1) §7105(a)(1)(A) §7105(b)"},
		{"preamble before first heading", "en",
			"# Test Act\n\nAn Act to prevent trafficking.\n\n### 1 Short title\n\nText.\n",
			"preamble s1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseBody(t, tt.lang, tt.body)
			if got := ids(s); got != tt.want {
				t.Errorf("IDs\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

func TestProvisionFields(t *testing.T) {
	s := parseBody(t, "en", "# Test Act\n\n## Part I - General\n\n### 3 Trafficking in persons\n\n(1) A person who *recruits* another person commits an offence.\n\n(2) [Repealed by Act 5 of 2019.]\n\n### 4 Offence by officials\n\nText.\n")
	if s.Title != "Test Act" {
		t.Errorf("Title = %q, want %q", s.Title, "Test Act")
	}
	p := s.Lookup("s3(1)")
	if p == nil {
		t.Fatalf("s3(1) missing; have %s", ids(s))
	}
	if p.Number != "(1)" || p.Kind != KindSubsection || p.Line != 14 || p.EndLine != 14 || p.Depth != 2 {
		t.Errorf("s3(1) = number %q kind %q lines %d-%d depth %d, want (1) subsection 14-14 depth 2", p.Number, p.Kind, p.Line, p.EndLine, p.Depth)
	}
	if p.Text != "A person who recruits another person commits an offence." {
		t.Errorf("s3(1) text = %q", p.Text)
	}
	if len(p.Segments) != 1 || p.Segments[0].Line != 14 {
		t.Errorf("s3(1) segments = %+v, want one at line 14", p.Segments)
	}
	if p.Parent == nil || p.Parent.ID != "s3" || p.Section().ID != "s3" {
		t.Errorf("s3(1) parent/section wrong")
	}
	sec := s.Lookup("s3")
	if sec.Heading != "Trafficking in persons" || sec.Number != "3" || sec.Line != 12 || sec.EndLine != 16 {
		t.Errorf("s3 = heading %q number %q lines %d-%d, want Trafficking in persons 3 12-16", sec.Heading, sec.Number, sec.Line, sec.EndLine)
	}
	if !s.Lookup("s3(2)").Repealed || s.Lookup("s3(1)").Repealed {
		t.Errorf("repealed flags wrong: s3(2) must be repealed, s3(1) not")
	}
	if got := s.Lookup("part-I").EndLine; got != 20 {
		t.Errorf("part-I EndLine = %d, want 20", got)
	}
	if s.Size == 0 || len(s.SHA256) != 64 {
		t.Errorf("Size %d SHA256 %q", s.Size, s.SHA256)
	}
}

func TestRepealMarks(t *testing.T) {
	for _, body := range []string{
		"### 3 Old offence\n\n[Repealed by Act 2 of 2015.]\n",
		"### § 3 (weggefallen)\n",
		"### § 3 Alt\n\n(aufgehoben)\n",
		"### Article 3\n\nAbrogé par la loi n° 2013-711.\n",
		"### Artículo 3\n\nDerogado por la Ley 26.842.\n",
	} {
		s := parseBody(t, "en", body)
		if len(s.All) == 0 || !s.All[0].Repealed {
			t.Errorf("%q: first provision not marked repealed", body)
		}
	}
	s := parseBody(t, "fr", "### Article 4\n\nLes dispositions contraires sont abrogées dans le délai d'un an après la publication de la présente loi au Journal officiel de la République, sauf pour les contrats en cours à cette date.\n")
	if s.All[0].Repealed {
		t.Errorf("running text mentioning abrogation late in a long sentence must not mark the article repealed")
	}
}

func TestOCRNoise(t *testing.T) {
	tests := []struct {
		text  string
		noisy bool
	}{
		{"A person who recruits another person commits an offence.", false},
		{"under section 1101(a)(15)(T)(ii) of title 8, or s279.01(1)", false},
		{"on 3rd May 2010, A12 and 2A", false},
		{"The Sect1on applies to any 0ff1ce holder.", true},
		{"the of¦ence of trafficking", true},
		{"a table | with bars | between words", false},
		{"damaged \uFFFD character", true},
	}
	for _, tt := range tests {
		if _, got := ocrNoise(tt.text); got != tt.noisy {
			t.Errorf("ocrNoise(%q) = %v, want %v", tt.text, got, tt.noisy)
		}
	}
	s := parseBody(t, "en", "### 1 X\n\nThe Sect1on applies.\n\nClean text.\n")
	if len(s.Warnings) != 1 || s.Warnings[0].Pos.Line != 10 || !strings.Contains(s.Warnings[0].Msg, "OCR noise near \"Sect1on\"") {
		t.Errorf("warnings = %v", s.Warnings)
	}
}

// TestScanNumFastPath: scanNum's fast path reads every number as numRe
// does.
func TestScanNumFastPath(t *testing.T) {
	heads := []string{"3", "12", "279", "3 Trafficking", "3. Interpretation", "3: x", "3) x", "3, x", "3 bis", "3 Bis x",
		"367 ter", "411 quáter", "3.a", "3. bis", "3.", "3-", "3-1a", "3.-", "3.x", "3 sexies", "3 Terrorism", "3 dolo", "3\tbis", "3 ", "3  x", "3 Ü", "3-1", "3.01", "3a", "1er",
		"2º", "4 (1)", "5 — Title", "6 octies.", "7 undecies", "8 decies x", "9 nonies", "10 novies", "11 quinquiesdecies"}
	for _, h := range heads {
		for _, pre := range []string{"", " ", "\u00a0"} {
			s := pre + h
			n1, p1, r1, ok1 := scanNum(s)
			n2, p2, r2, ok2 := scanNumRe(s, strings.TrimLeftFunc(s, unicode.IsSpace))
			if n1 != n2 || p1 != p2 || r1 != r2 || ok1 != ok2 {
				t.Errorf("scanNum(%q) = %q %q %q %v, numRe reads %q %q %q %v", s, n1, p1, r1, ok1, n2, p2, r2, ok2)
			}
		}
	}
}

// scanMarkerRe is scanMarker without its cheap prechecks: the expressions
// alone.
func scanMarkerRe(text string) (marker, bool) {
	if text == "" {
		return marker{}, false
	}
	if m := superRe.FindStringSubmatchIndex(text); m != nil {
		v := strings.NewReplacer("⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9").Replace(text[m[2]:m[3]])
		return marker{style: stSwiss, value: v, width: m[4]}, true
	}
	switch c := text[0]; {
	case c == 0xC2:
		if m := paragraphRe.FindStringSubmatchIndex(text); m != nil {
			return marker{style: stParagraph, value: text[m[2]:m[3]], width: m[4]}, true
		}
	case c >= '0' && c <= '9':
		if m := degreeRe.FindStringSubmatchIndex(text); m != nil {
			return marker{style: stDegree, value: text[m[2]:m[3]], width: m[1]}, true
		}
		if m := dotNumRe.FindStringSubmatchIndex(text); m != nil {
			return marker{style: stDotNum, value: text[m[2]:m[3]], width: m[1]}, true
		}
		if m := closeRe.FindStringSubmatchIndex(text); m != nil {
			return marker{style: stCloseNum, value: text[m[2]:m[3]], width: m[1]}, true
		}
		if m := swissRe.FindStringSubmatchIndex(text); m != nil {
			return marker{style: stSwiss, value: text[m[2]:m[3]], width: m[4]}, true
		}
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		if m := romanDashRe.FindStringSubmatchIndex(text); m != nil {
			return marker{style: stRomanDash, value: text[m[2]:m[3]], width: m[1]}, true
		}
		if m := romanDotRe.FindStringSubmatchIndex(text); m != nil && romanValue(strings.ToLower(text[m[2]:m[3]])) > 0 {
			return marker{style: stRomanDot, value: text[m[2]:m[3]], width: m[4]}, true
		}
		if m := closeRe.FindStringSubmatchIndex(text); m != nil {
			v := text[m[2]:m[3]]
			st := stCloseLower
			if v[0] >= 'A' && v[0] <= 'Z' {
				st = stCloseUpper
			}
			return marker{style: st, value: v, width: m[1]}, true
		}
	default:
		return scanMarker(text)
	}
	return marker{}, false
}

// superRe is a superscript paragraph number, blanks and a letter.
var superRe = regexp.MustCompile(`^([¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})[\t\pZ]+()\pL`)

// TestScanMarkerPrechecks: the prechecks of scanMarker never reject a
// marker the expressions would find, over every line of the repository's
// statutes and a list of edge cases.
func TestScanMarkerPrechecks(t *testing.T) {
	lines := []string{"1. a", "1.", "1)", "1) a", "1a) a", "1a. b", "12° x", "12 ° x", "3\u00a0° x", "1234. x", "4.11 x",
		"a) x", "abcd) x", "abcde) x", "A) x", "ABC) x", "ABCD) x", "IV. - x", "IV.- x", "IV . - x", "IV\u00a0.\u00a0- x",
		"XII.— x", "I. x", "In general", "The Minister", "ii) x", "2010 Act", "12 months", "3ª x", "1°", "1º x"}
	for _, root := range []string{"../../corpus", "../../testdata"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				src, _ := os.ReadFile(p)
				for _, l := range strings.Split(string(src), "\n") {
					lines = append(lines, strings.TrimLeft(l, " #>-*"))
				}
			}
			return nil
		})
	}
	for _, l := range lines {
		m1, ok1 := scanMarker(l)
		m2, ok2 := scanMarkerRe(l)
		if m1 != m2 || ok1 != ok2 {
			t.Errorf("scanMarker(%q) = %+v %v, the expressions read %+v %v", l, m1, ok1, m2, ok2)
		}
	}
	if len(lines) < 1000 {
		t.Errorf("only %d lines checked", len(lines))
	}
}

// numberedDivisionRe is numberedDivision by ordNumRe.
func numberedDivisionRe(t string) (headingInfo, bool) {
	m := ordNumRe.FindStringSubmatchIndex(t)
	if m == nil {
		return headingInfo{}, false
	}
	word, rest := firstWord(t[m[1]:])
	k, ok := divisionWords[fold(word)]
	if !ok {
		return headingInfo{}, false
	}
	if r := strings.TrimLeftFunc(rest, unicode.IsSpace); r != "" && !strings.ContainsRune(":-–—", []rune(r)[0]) && !strings.HasPrefix(t[m[1]+len(word):], ".") &&
		!(len(r) < len(rest) && unicode.IsUpper([]rune(r)[0])) {
		return headingInfo{}, false
	}
	num := t[m[2]:m[3]]
	return headingInfo{kind: KindDivision, id: k + "-" + num, number: strings.TrimSpace(t[:m[1]]) + " " + word, title: cleanTitle(rest)}, true
}

// TestNumberedDivisionByHand: numberedDivision reads "1. Abschnitt" as
// ordNumRe does.
func TestNumberedDivisionByHand(t *testing.T) {
	for _, h := range []string{"1. Abschnitt", "12.\u00a0Teil", "123. Titel", "1234. Teil", "1.Abschnitt", "1.", "1. ", "3. Part-time work",
		"2. Teil: Title", "1 . Abschnitt", "1.\tKapitel", "01. Buch", "3.\u2003Chapter", "3.\u2028Teil", "4. Teil.", "5. Title of the Act", "2. Kapitel Die Straftaten", "2. Teil der Kosten", "3. Kapitel 4"} {
		a, ok1 := numberedDivision(h)
		b, ok2 := numberedDivisionRe(h)
		if a != b || ok1 != ok2 {
			t.Errorf("%q: by hand %+v %v, by ordNumRe %+v %v", h, a, ok1, b, ok2)
		}
	}
}

// A Latin ordinal written against the number ("Article 433ter.",
// "433quinquies", Belgian drafting) is part of it, as "367 ter" is.
func TestAttachedLatinOrdinal(t *testing.T) {
	for h, want := range map[string]string{
		"Article 433ter.  Sera puni d'un emprisonnement": "art433ter",
		"Article 433quinquies.  § 1er.":                  "art433quinquies",
		"Article 433terdecies":                           "art433terdecies",
		"Article 12bis":                                  "art12bis",
		"Article 367 ter":                                "art367ter",
		"Article 433.  Sous réserve":                     "art433",
		"Article 417/7. Sera puni":                       "art417/7",
		"Article 120octies/1. La personne":               "art120octies/1",
		"Art. 303 bis 4. — Est considéré comme traite":   "art303bis4",
	} {
		if got := parseHeading(h, false).id; got != want {
			t.Errorf("parseHeading(%q).id = %q, want %q", h, got, want)
		}
	}
}

// Belgian paragraphs "§ 1er." and Mexican fracciones "II." are markers.
func TestParagraphSignAndRomanDotMarkers(t *testing.T) {
	for text, want := range map[string]string{
		"§ 1er. Constitue l'infraction …": "/§1",
		"§ 3. L'infraction visée …":       "/§3",
		"§ 2. [¹ Le consentement …":       "/§2",
		"II. La víctima sea …":            "/II",
	} {
		m, ok := scanMarker(text)
		if !ok || m.idPart() != want {
			t.Errorf("scanMarker(%q) = %+v %v, want a marker with ID part %q", text, m, ok, want)
		}
	}
	for _, text := range []string{"§ 5 gilt entsprechend.", "II. del artículo", "I. am the law"} {
		if m, ok := scanMarker(text); ok {
			t.Errorf("scanMarker(%q) = %+v, want no marker", text, m)
		}
	}
}

// "§ 2." after a list of the first paragraph starts the article's second
// paragraph, not an item of the list.
func TestParagraphSignClosesLists(t *testing.T) {
	src := "---\nid: xbe/cp\ncountry: XBE\ntitle: \"Code\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Code\n\n### Article 433quinquies\n\n§ 1er. Constitue l'infraction le fait :\n\n1° de recruter ;\n\n2° de transporter.\n\n§ 2. [¹ Le consentement est indifférent.]¹\n\n§ 3. L'infraction visée au § 1er est punie.\n"
	st, err := Parse("cp.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []ProvisionID{"art433quinquies/§1", "art433quinquies/§1(2°)", "art433quinquies/§2", "art433quinquies/§3"} {
		if st.Lookup(id) == nil {
			var ids []string
			for _, p := range st.All {
				ids = append(ids, string(p.ID))
			}
			t.Errorf("no provision %s; have %v", id, ids)
		}
	}
}

// An ordinal or English number word followed by a separator and a title
// numbers its division ("Chapitre premier : …", "Título Primero. …",
// "Chapter One — …"), and "Article (1)" is article 1.
func TestOrdinalDivisionWithTitle(t *testing.T) {
	for h, want := range map[string]string{
		"Chapitre premier : Dispositions générales": "chapter-1",
		"Livre deuxième : Des crimes":               "book-2",
		"Título Primero. Disposiciones Generales":   "title-1",
		"Libro Primero. Parte General":              "book-1",
		"Chapter One — Interpretation":              "chapter-1",
		"Chapter Two":                               "chapter-2",
		"Chapter Thirty-Three Criminal association": "chapter-33",
		"Chapter Thirty — Crimes":                   "chapter-30",
		"Part Ninety-Nine":                          "part-99",
		"Chapitre II : Des peines":                  "chapter-II",
		"Article (12) Definitions":                  "art12",
		"Subdivision B—Offences relating to exit":   "subdivision-B",
	} {
		if got := parseHeading(h, false).id; got != want {
			t.Errorf("parseHeading(%q).id = %q, want %q", h, got, want)
		}
	}
}

// A heading that holds the article's first sentence (a converter that
// joins them) gives that sentence as the article's text; a long caption
// stays a caption.
func TestHeadingThatIsText(t *testing.T) {
	src := "---\ntitle: \"Code\"\nidentifier: x\ncountry: be\n---\n\n##### Article 433sexies. <Inséré par L 2005-08-10/61, art. 11> L'infraction prévue à l'article 433quinquies sera punie de la réclusion de cinq ans à dix ans.\n\n#### 358A. Debt bondage, serfdom, forced or compulsory labour, slavery and recruitment of children for use in armed conflict.\n\n(1) Whoever knowingly recruits a child commits an offence.\n"
	st, err := Parse("be.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a := st.Lookup("art433sexies")
	if a == nil || a.Heading != "" || len(a.Segments) == 0 || !strings.Contains(a.Segments[0].Text, "sera punie") {
		t.Errorf("art433sexies = %+v, want its sentence as text", a)
	}
	c := st.Lookup("s358A")
	if c == nil || !strings.HasPrefix(c.Heading, "Debt bondage") {
		t.Errorf("s358A = %+v, want its caption kept", c)
	}
}

// Swiss paragraphs "1 Wer …", "2 Celui qui …" are markers; a number that
// opens an ordinary sentence is not.
func TestSwissParagraphMarkers(t *testing.T) {
	for text, want := range map[string]string{"1 Wer als Anbieter …": "(1)", "2 Celui qui, en qualité …": "(2)"} {
		m, ok := scanMarker(text)
		if !ok || m.idPart() != want {
			t.Errorf("scanMarker(%q) = %+v %v, want ID part %q", text, m, ok, want)
		}
	}
	for _, text := range []string{"10 years after the offence", "3 ECHR", "120 Tagessätze"} {
		if m, ok := scanMarker(text); ok {
			t.Errorf("scanMarker(%q) = %+v, want none", text, m)
		}
	}
}

// A marker after an opening amendment bracket is still a marker.
func TestMarkerAfterAmendmentBracket(t *testing.T) {
	m, ok := scanMarker("[² § 4. L'amende sera appliquée autant de fois qu'il y a de victimes.]²")
	if !ok || m.idPart() != "/§4" {
		t.Errorf("scanMarker = %+v %v, want the § 4 marker", m, ok)
	}
}

// TestSpacedLetterSuffix: "Artículo 129 b.-" numbers art129b (Paraguayan
// printing), as "129b" does; the file is no longer refused as duplicates.
func TestSpacedLetterSuffix(t *testing.T) {
	src := "---\nid: xpy/cp\ncountry: XPY\ntitle: Código Penal\nlanguage: es\n---\n\n# Código Penal\n\n" +
		"### Artículo 129 b.- Trata de personas\n\nTexto.\n\n### Artículo 129 c.- Trata agravada\n\nTexto.\n"
	st, err := Parse("xpy/cp.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []ProvisionID{"art129b", "art129c"} {
		if st.Lookup(id) == nil {
			t.Errorf("no provision %s", id)
		}
	}
}

// Two divisions whose numbers Lacuna does not read are named by their
// word alone: the second is renamed and reported as a warning, and the
// statute is read (an error would lose the whole file).
func TestUnreadDivisionNumbersRepeat(t *testing.T) {
	src := "---\nid: xta/code\ncountry: XTA\ntitle: Code\nlanguage: en\n---\n\n# Code\n\n## Chapter Ninety and One Association\n\n### Article 346\n\nText.\n\n## Chapter Ninety and Two Humanity\n\n### Article 388\n\nText.\n"
	st, err := Parse("code.md", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v, want the statute with a warning", err)
	}
	if st.Lookup("chapter~2") == nil || st.Lookup("art388") == nil {
		t.Errorf("provisions %v, want chapter~2 and art388", st.All)
	}
	if len(st.Warnings) == 0 || !strings.Contains(st.Warnings[0].Error(), "number is not read") {
		t.Errorf("warnings %v, want the repeated division reported", st.Warnings)
	}
}
