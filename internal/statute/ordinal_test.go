package statute

import (
	"strings"
	"testing"
)

// TestOrdinalTable: every ordinal word of ordinals.tsv is read, in either
// spelling (accents or none, any case), and numbers are what the table says.
func TestOrdinalTable(t *testing.T) {
	tests := map[string]string{
		"PRIMERA": "1", "séptima": "7", "Septima": "7", "sétimo": "7", "decimoctava": "18", "Única": "unico",
		"Second": "2", "twelfth": "12", "Première": "1", "deuxième": "2", "dix-septième": "17", "unique": "unique",
	}
	for w, want := range tests {
		if got, ok := ordinal(fold(w), false); !ok || got != want {
			t.Errorf("ordinal(%q) = %q %v, want %q", w, got, ok, want)
		}
	}
	if _, ok := ordinal("primera", true); ok {
		t.Errorf("the earlier scheme did not read the feminine primera")
	}
	if _, ok := numericOrdinal("unico"); ok {
		t.Errorf("unico is not a number")
	}
}

// TestDispositions: dispositions and schedules numbered by ordinal words get
// numbered IDs; each series of dispositions is numbered on its own, and a
// series of bare ordinals that repeats is qualified by its group.
func TestDispositions(t *testing.T) {
	tests := []struct {
		name, lang, body, want string
	}{
		{"bare ordinals under a group heading (Peru)", "es",
			"### Artículo 10. Bienes\n\nTexto.\n\n## DISPOSICIONES COMPLEMENTARIAS, TRANSITORIAS Y FINALES\n\n### PRIMERA.- Vigencia\n\nUno.\n\n### SEGUNDA.- Instituciones\n\nDos.\n\n### SÉPTIMA.- Diseño\n\nSiete.\n",
			"art10 dispositions-complementarias-transitorias-y-finales disp-1 disp-2 disp-7"},
		{"two series of bare ordinals are qualified by their groups", "es",
			"## DISPOSICIONES COMPLEMENTARIAS FINALES\n\n### PRIMERA. Vigencia\n\nUno.\n\n### SEGUNDA. Reglamento\n\nDos.\n\n## DISPOSICIONES COMPLEMENTARIAS TRANSITORIAS\n\n### PRIMERA. Plazo\n\nTres.\n",
			"dispositions-complementarias-finales dispositions-complementarias-finales/disp-1 dispositions-complementarias-finales/disp-2 dispositions-complementarias-transitorias dispositions-complementarias-transitorias/disp-1"},
		{"named series (Spain)", "es",
			"### Disposición adicional primera. Evaluación\n\nA.\n\n### Disposición transitoria tercera\n\nB.\n\n### Disposición derogatoria única. Derogación normativa\n\nC.\n\n### Disposición final segunda. Entrada en vigor\n\nD.\n\n### Disposición final\n\nE.\n",
			"disp-adicional-1 disp-transitoria-3 disp-derogatoria-unico disp-final-2 disp-final"},
		{"ordinal before the disposition word", "es",
			"### Primera Disposición Complementaria Final.- Vigencia\n\nA.\n\n### ÚNICA DISPOSICIÓN COMPLEMENTARIA MODIFICATORIA\n\nB.\n",
			"disp-complementaria-final-1 disp-complementaria-modificatoria-unico"},
		{"dispositions set in bold, as articles are (Peruvian legalize layout)", "es",
			"**Artículo 10.- Bienes**\n\nTexto.\n\n**PRIMERA.- Vigencia**\n\nUno.\n",
			"art10 disp-1"},
		{"English schedules", "en",
			"### 1 Short title\n\nA.\n\n## FIRST SCHEDULE (section 12)\n\nB.\n\n## Second Schedule\n\nC.\n\n## Schedule 3\n\nD.\n",
			"s1 schedule-1 schedule-2 schedule-3"},
		{"French article premier, annexes, titre premier", "fr",
			"## Titre premier\n\n### Article premier\n\nA.\n\n### Article 2\n\nB.\n\n## Annexe II\n\nC.\n\n## Dispositions finales\n\n### Article 3\n\nD.\n",
			"title-1 art1 art2 annex-II dispositions-finales art3"},
		{"an ordinal that opens a title is not a number", "en",
			"### Second reading of bills\n\nA.\n\n### Primera reunión del consejo\n\nB.\n",
			"h1 h2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseBody(t, tt.lang, tt.body)
			if got := ids(s); got != tt.want {
				t.Errorf("ids\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
	s := parseBody(t, "es", "## DISPOSICIONES FINALES\n\n### PRIMERA.- Vigencia\n\nUno.\n")
	if p := s.Lookup("disp-1"); p == nil || p.Kind != KindSection || p.Number != "PRIMERA" || p.Heading != "Vigencia" || p.Text != "Uno." {
		t.Errorf("disp-1 = %+v", p)
	}
	if p := s.Lookup("dispositions-finales"); p == nil || p.Kind != KindDivision {
		t.Errorf("the group is a division: %+v", p)
	}
}

// TestDispositionAliases: the IDs the earlier scheme gave dispositions
// numbered by ordinal words ("h3", a heading without a number, or the
// two-word "schedule-second") resolve to their numbered IDs.
func TestDispositionAliases(t *testing.T) {
	s := parseBody(t, "es", "### Artículo 1\n\nA.\n\n## DISPOSICIONES FINALES\n\n### PRIMERA.- Vigencia\n\n1. Uno.\n\n### SEGUNDA.- Reglamento\n\nDos.\n")
	for old, now := range map[string]string{"h2": "dispositions-finales", "h3": "disp-1", "h3(1)": "disp-1(1)", "h4": "disp-2"} {
		if p, got, renamed := s.Resolve(ProvisionID(old)); p == nil || string(got) != now || !renamed {
			t.Errorf("Resolve(%s) = %v %q %v, want %s", old, p != nil, got, renamed, now)
		}
	}
	s = parseBody(t, "en", "### 1 Short title\n\nA.\n\n## Second Schedule\n\nB.\n")
	if _, got, renamed := s.Resolve("schedule-second"); got != "schedule-2" || !renamed {
		t.Errorf("Resolve(schedule-second) = %q %v", got, renamed)
	}
	if _, _, renamed := s.Resolve("s1"); renamed {
		t.Errorf("s1 did not change")
	}
}

// TestPrintedNumbers: the printed number is the ID, whatever Markdown does
// with it: an escaped "4\." (which converters write so that Markdown does
// not renumber), a list that starts at 4, and the labels "1a)" and "(1a)".
func TestPrintedNumbers(t *testing.T) {
	tests := []struct {
		name, lang, body, want string
	}{
		{"escaped ordered-list numbers", "de",
			"##### § 64\n\n1\\. erstens;\n\n4\\. viertens;\n\n7\\. siebtens.\n",
			"§64 §64(1) §64(4) §64(7)"},
		{"a list that starts at 4", "en",
			"### 3 X\n\n4. four\n5. five\n",
			"s3 s3(4) s3(5)"},
		{"a loose list that starts at 4", "en",
			"### 3 X\n\n4. four\n\n5. five\n",
			"s3 s3(4) s3(5)"},
		{"labels 1a) and (1a)", "en",
			"### 5 Y\n\n(1) One.\n\n(1a) Inserted.\n\n(2) Two.\n\n### 6 Z\n\n1) Eins.\n\n1a) Eingefügt.\n",
			"s5 s5(1) s5(1a) s5(2) s6 s6(1) s6(1a)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseBody(t, tt.lang, tt.body)
			if got := ids(s); got != tt.want {
				t.Errorf("ids\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
	s := parseBody(t, "de", "##### § 64\n\n4\\. viertens;\n")
	if p := s.Lookup("§64(4)"); p == nil || p.Number != "4." || p.Text != "viertens;" {
		t.Errorf("§64(4) = %+v", p)
	}
}

// TestQuotedPassages: text an amending provision inserts into another law
// in quotation marks (not a block quote) is text of the amending
// provision, its numbering kept in the text; the IDs its markers had
// before resolve to the amending provision.
func TestQuotedPassages(t *testing.T) {
	body := "### Artículo 1.- Modificación del artículo 153\n\nModifícase el artículo 153 del Código Penal, que quedará redactado en los términos siguientes:\n\n“Artículo 153.- Trata de personas\n\nLa pena será no menor de doce años, cuando:\n\n1. El agente es funcionario;\n\n2. Exista pluralidad de víctimas.”\n\n### Artículo 2.- Vigencia\n\nLa presente ley rige desde su publicación:\n\n1. En Lima;\n\n2. En provincias.\n"
	s := parseBody(t, "es", body)
	if got := ids(s); got != "art1 art2 art2(1) art2(2)" {
		t.Errorf("ids = %s", got)
	}
	p := s.Lookup("art1")
	if p == nil || !strings.Contains(p.Text, "“Artículo 153.- Trata de personas") || !strings.Contains(p.Text, "1. El agente es funcionario;") || !strings.Contains(p.Text, "2. Exista pluralidad de víctimas.”") {
		t.Errorf("art1 = %+v", p)
	}
	if p == nil || p.EndLine != 18 {
		t.Errorf("art1 ends at line %d, want the passage's last line 18", p.EndLine)
	}
	for _, old := range []string{"art1(1)", "art1(2)"} {
		if _, now, renamed := s.Resolve(ProvisionID(old)); now != "art1" || !renamed {
			t.Errorf("Resolve(%s) = %q %v, want art1", old, now, renamed)
		}
	}
	if s.Aliases["art2(1)"] != "" {
		t.Errorf("art2(1) did not change")
	}

	// An English amending section, and definitions that open with quotes
	// (no passage: a definition, or no colon before it, or no closing quote).
	s = parseBody(t, "en", "### 3 Amendment of section 4\n\nSection 4 of the principal Act is amended to read as follows:\n\n\"SEC. 4. Acts of trafficking. - It shall be unlawful:\n\n(a) To recruit a person;\n\n(b) To harbour a person.\"\n\n### 4 Interpretation\n\nIn this Act:\n\n\"child\" means a person under 18;\n\n(a) a first item;\n\n\"Fund\" means the fund known as the \"Trust\".\n\n### 5 Offence\n\nA person commits an offence if:\n\n\"quoted\" words open it;\n\n(a) an item.\n")
	if got := ids(s); got != "s3 s4 s4[child] s4[child](a) s4[fund] s5 s5(a)" {
		t.Errorf("ids = %s", got)
	}
	if p := s.Lookup("s3"); p == nil || !strings.Contains(p.Text, "(a) To recruit a person;") {
		t.Errorf("s3 = %+v", p)
	}

	// A German amending article: the inserted sections stand in „…“,
	// closed by “.
	s = parseBody(t, "de", "### Artikel 1 Änderung des Strafgesetzbuches\n\nNach § 231 werden folgende §§ 232 und 232a eingefügt:\n\n„§ 232 Menschenhandel\n\n(1) Wer eine andere Person anwirbt, wird mit Freiheitsstrafe bestraft.\n\n(2) Der Versuch ist strafbar.\n\n§ 232a Zwangsarbeit\n\n(1) Wer eine Person zur Arbeit zwingt, wird bestraft.“\n\n### Artikel 2 Inkrafttreten\n\nDieses Gesetz tritt am Tag nach der Verkündung in Kraft.\n")
	if got := ids(s); got != "art1 art2" {
		t.Errorf("German passage: ids = %s, want the inserted sections inside art1", got)
	}
	if p := s.Lookup("art1"); p == nil || !strings.Contains(p.Text, "(2) Der Versuch ist strafbar.") {
		t.Errorf("German passage: art1 = %+v", p)
	}
}
