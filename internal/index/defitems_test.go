package index

import (
	"strconv"
	"testing"
)

// The list items of a definition whose lead-in ends with a colon are the
// definition's text, in a section not headed "Definitions" too; the list
// items of other provisions are not.
func TestDefinitionItemsInherit(t *testing.T) {
	for _, tc := range []struct {
		lang, head, lead, item string
	}{
		{"en", "### 4 Exploitation", "For the purposes of this Act, \"exploitation\" means any of the following:", "(a) holding a person in slavery;"},
		{"fr", "### Article 4", "Pour l'application de la présente loi, « exploitation » désigne :", "1° le fait de réduire une personne en esclavage ;"},
		{"es", "### Artículo 4", "A los fines de esta ley se entiende por explotación la configuración de los siguientes supuestos:", "a) Cuando se redujere a una persona a esclavitud;"},
		{"de", "### § 4 Ausbeutung", "Ausbeutung im Sinne dieses Gesetzes ist jede der folgenden Handlungen:", "1. das Halten einer Person in Sklaverei,"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: " + tc.lang + "\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n" +
				tc.head + "\n\n" + tc.lead + "\n\n" + tc.item + "\n"
			ix := build(t, src)
			var lead, item *Segment
			for _, s := range ix.Segments {
				if s.Text == tc.lead || (lead == nil && len(s.Defines) > 0) {
					lead = s
				} else if lead != nil && item == nil {
					item = s
				}
			}
			if lead == nil || len(lead.Defines) == 0 {
				t.Fatalf("lead-in defines nothing: %+v", ix.Segments)
			}
			if item == nil || !item.Roles.Has("definition") {
				t.Fatalf("item %v lacks the definition role", item)
			}
		})
	}
	// a list under an ordinary provision gets no definition role
	ix := build(t, "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: en\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n"+
		"### 5 Assistance\n\nThe Minister shall provide the following:\n\n(a) shelter;\n")
	for _, s := range ix.Segments {
		if s.Roles.Has("definition") {
			t.Errorf("%s has the definition role", s.Prov.ID)
		}
	}
}

// Definitions drafted as a quoted term and a colon ("1. « enfant » : …"),
// or "Sont considérés comme TERME le …".
func TestQuotedColonAndConsideredDefinitions(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Ordonnance\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Ordonnance\n\n" +
		"### Article 2\n\nAu sens de la présente ordonnance, on entend par :\n\n1. « enfant » : toute personne âgée de moins de dix-huit ans ;\n\n2. « exploitation » : le travail forcé et l'esclavage.\n\n" +
		"### Article 3\n\nSont considérés comme traite des personnes le recrutement et le transport d'une personne aux fins d'exploitation.\n\n" +
		"### Article 4\n\nLe ministre remplace les mots « enfant » : par les mots « mineur ».\n"
	ix := build(t, src)
	want := map[string]bool{"enfant": false, "exploitation": false, "traite des personnes": false}
	for _, s := range ix.Segments {
		for _, d := range s.Defines {
			if _, ok := want[d]; ok {
				want[d] = true
			}
			if s.Prov.ID == "art4" {
				t.Errorf("art4 defines %q", d)
			}
		}
	}
	for term, ok := range want {
		if !ok {
			t.Errorf("%q not defined", term)
		}
	}
}

// "el artículo anterior" refers to the article before.
func TestPreviousArticleRef(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Ley\"\nlanguage: es\nversion_date: \"2020-01-01\"\n---\n\n# Ley\n\n" +
		"### Artículo 11\n\nComete el delito de trata quien capte a una persona.\n\n### Artículo 12\n\nLas penas del artículo anterior se aumentarán en un tercio cuando la víctima sea menor de edad.\n"
	ix := build(t, src)
	for _, s := range ix.Segments {
		if s.Prov.ID != "art12" {
			continue
		}
		for _, r := range s.Refs {
			if r.Target != nil && r.Target.ID == "art11" {
				return
			}
		}
		t.Fatalf("art12 refs %+v, want art11", s.Refs)
	}
	t.Fatal("no art12")
}

// "wird nach Maßgabe des Militärstrafgesetzes bestraft": the two words of a
// German offence formula may stand apart.
func TestOffenceFormulaWithGap(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Gesetz\"\nlanguage: de\nversion_date: \"2020-01-01\"\n---\n\n# Gesetz\n\n" +
		"### Artikel 51\n\nWer eine Person unter achtzehn Jahren für die Streitkräfte anwirbt, wird nach Maßgabe des Militärstrafgesetzes bestraft.\n\n" +
		"### Artikel 52\n\nDie Behörde wird den Bericht im nächsten Jahr vorlegen und wird dafür nicht bestraft werden können, weil sie es sagt.\n"
	ix := build(t, src)
	for _, s := range ix.Segments {
		if s.Prov.ID == "art51" && !s.Roles.Has("offence") {
			t.Errorf("art51 has no offence role")
		}
	}
}

// "Constitue la traite des personnes le fait de …" defines the term.
func TestConstitueDefinition(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Code\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Code\n\n" +
		"### Article 327\n\nConstitue la traite des personnes le fait de recruter, transporter ou héberger une personne aux fins d'exploitation.\n\n" +
		"### Article 385\n\nEst constitutif de traite d'enfants, tout acte de recrutement ou de transport d'un enfant aux fins d'exploitation.\n\n" +
		"### Article 3\n\nEst qualifié de traite des êtres humains le recrutement, le transport ou l'hébergement d'une personne aux fins d'exploitation.\n"
	ix := build(t, src)
	src += "\n### Article 4\n\nEst enfant au sens de la présente loi toute personne âgée de moins de dix-huit ans.\n" +
		"\n### Article 289\n\nConstitue la traite des personnes le recrutement, le transport ou l'hébergement d'une personne aux fins d'exploitation.\n" +
		"\n### Article 288\n\nEst un mineur toute personne âgée de moins de dix-huit ans.\n"
	ix = build(t, src)
	want := map[string]bool{"traite des personnes": false, "traite d enfants": false, "traite des etres humains": false, "enfant": false, "mineur": false}
	for _, s := range ix.Segments {
		for _, d := range s.Defines {
			if _, ok := want[d]; ok {
				want[d] = true
			}
		}
	}
	for term, ok := range want {
		if !ok {
			t.Errorf("no definition of %q", term)
		}
	}
}

// "§§ 10 bis 13" and "articles 10 à 13" refer to every section of the range.
func TestRangeRefs(t *testing.T) {
	for _, tc := range []struct{ lang, head, ref, want string }{
		{"de", "§", "Die Verbandsgeldbuße gilt für Taten nach §§ 10 bis 13.", "§12"},
		{"fr", "Article", "Les personnes morales sont responsables des infractions des articles 10 à 13.", "art12"},
	} {
		src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Act\"\nlanguage: " + tc.lang + "\nversion_date: \"2020-01-01\"\n---\n\n# Act\n\n"
		for k := 10; k <= 14; k++ {
			src += "### " + tc.head + " " + strconv.Itoa(k) + "\n\nText " + strconv.Itoa(k) + ".\n\n"
		}
		src += "### " + tc.head + " 20\n\n" + tc.ref + "\n"
		ix := build(t, src)
		found := false
		for _, s := range ix.Segments {
			for _, r := range s.Refs {
				if r.Target != nil && string(r.Target.ID) == tc.want {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no reference to %s", tc.lang, tc.want)
		}
	}
}

// "l'article L.4": a labour code numbers its articles with the letter of its
// part, and a reference to one resolves to the article the parser numbers
// artL4.
func TestCodeLetterArticleRef(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Code\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Code\n\n" +
		"### Article L.4.-\n\nLe travail forcé est interdit.\n\n### Article L.250.-\n\nSont punis d'une amende les auteurs des infractions aux dispositions de l'article L.4 et de l'article L. 5.\n\n### Article L.5.-\n\nTexte.\n"
	ix := build(t, src)
	got := map[string]bool{}
	for _, s := range ix.Segments {
		for _, r := range s.Refs {
			if r.Target != nil {
				got[string(r.Target.ID)] = true
			}
		}
	}
	if !got["artL4"] || !got["artL5"] {
		t.Errorf("references resolved to %v, want artL4 and artL5", got)
	}
}

// A ban that a sanction elsewhere refers to is an offence; a ban no
// sanction refers to is not.
func TestSanctionedBan(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Code\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Code\n\n" +
		"### Article L.4.-\n\nLe travail forcé ou obligatoire est interdit.\n\n" +
		"### Article L.9.-\n\nLe travail de nuit des apprentis est interdit.\n\n" +
		"### Article L.250.-\n\nSont punis d'une amende de 100 000 à 500 000 francs les auteurs des infractions aux dispositions de l'article L.4.\n"
	ix := build(t, src)
	for _, s := range ix.Segments {
		switch string(s.Prov.ID) {
		case "artL4":
			if !s.Roles.Has("offence") {
				t.Errorf("artL4 (sanctioned by artL250): roles %v, want offence", s.Roles)
			}
		case "artL9":
			if s.Roles.Has("offence") {
				t.Errorf("artL9 (no sanction refers to it): roles %v, want no offence", s.Roles)
			}
		}
	}
}

// "l'article premier" and "articles premier et 3" refer to art1 (and art3).
func TestOrdinalFirstArticleRef(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Loi\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Loi\n\n" +
		"### Article premier\n\nConstitue la traite des personnes le fait de recruter une personne aux fins d'exploitation.\n\n" +
		"### Article 2\n\nTexte.\n\n### Article 3\n\nTexte.\n\n" +
		"### Article 4\n\nL'infraction prévue aux articles premier et 3 est punie de dix ans d'emprisonnement.\n"
	ix := build(t, src)
	got := map[string]bool{}
	for _, s := range ix.Segments {
		if string(s.Prov.ID) != "art4" {
			continue
		}
		for _, r := range s.Refs {
			if r.Target != nil {
				got[string(r.Target.ID)] = true
			}
		}
	}
	if !got["art1"] || !got["art3"] {
		t.Errorf("references resolved to %v, want art1 and art3", got)
	}
}

// "Article 143¹" in a text refers to the inserted article the parser
// numbers art143-1, not to article 143.
func TestSuperscriptArticleRef(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Code\"\nlanguage: en\nversion_date: \"2020-01-01\"\n---\n\n# Code\n\n" +
		"### Article 143\n\nText.\n\n### Article 143¹ Trafficking in persons\n\nText.\n\n" +
		"### Article 144\n\nA legal person is liable for the offence under Article 143¹.\n"
	ix := build(t, src)
	got := map[string]bool{}
	for _, s := range ix.Segments {
		if string(s.Prov.ID) != "art144" {
			continue
		}
		for _, r := range s.Refs {
			if r.Target != nil {
				got[string(r.Target.ID)] = true
			}
		}
	}
	if !got["art143-1"] || got["art143"] {
		t.Errorf("references resolved to %v, want art143-1 only", got)
	}
}

// An item of a definitions list drafted with a comma for the colon
// ("- enfant, toute personne …") defines its term when every item of the
// list opens so; a list with one item that does not ("est en danger le
// mineur dont la santé, …"), a list of nouns ("l'utilisation, le
// recrutement …") and a provision's own opening text define nothing so.
func TestCommaDefinitionItems(t *testing.T) {
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"Loi\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Loi\n\n" +
		"### Article 1\n\nAu sens de la présente loi, on entend par :\n\n- enfant, toute personne âgée de moins de dix-huit ans ;\n\n" +
		"- travail forcé, tout travail exigé sous la menace d'une peine.\n\n" +
		"### Article 1-1\n\nAu sens de la présente loi, on entend par :\n\n- mineur, toute personne âgée de moins de dix-huit ans ;\n\n- est en danger le mineur dont la santé, la sécurité ou la moralité sont menacées.\n\n" +
		"### Article 2\n\nLes pires formes de travail s'entendent de :\n\n1) l'utilisation, le recrutement ou l'offre d'un enfant à des fins de prostitution ;\n\n" +
		"### Article 3\n\nVictime, toute personne qui a subi un préjudice, est assistée.\n"
	ix := build(t, src)
	got := map[string]bool{}
	for _, s := range ix.Segments {
		for _, d := range s.Defines {
			got[d] = true
		}
	}
	for _, term := range []string{"enfant", "travail force"} {
		if !got[term] {
			t.Errorf("%q not defined; defined: %v", term, got)
		}
	}
	for term := range got {
		if term != "enfant" && term != "travail force" && term != "pires formes de travail" {
			t.Errorf("%q defined; want only the comma items", term)
		}
	}
}

// The French decrees' "on entend par :" lists often print each entry as a
// paragraph opening with a dash ("— la victime : toute personne …"): each
// entry is a definition of its term.
func TestDashEntriesDefine(t *testing.T) {
	src := "---\nid: xta/decret\ncountry: XTA\ntitle: \"Décret\"\nlanguage: fr\nversion_date: \"2020-01-01\"\n---\n\n# Décret\n\n" +
		"### Art. 2\n\nAu sens du présent décret, on entend par :\n\n" +
		"— la victime : toute personne physique qui a subi un préjudice résultant de la traite des personnes ;\n\n" +
		"— les lieux d’accueil : tout lieu affecté par les autorités publiques à l’hébergement des victimes.\n"
	ix := build(t, src)
	want := map[string]bool{"victime": false, "lieux d accueil": false}
	for _, s := range ix.Segments {
		for _, d := range s.Defines {
			if _, ok := want[d]; ok {
				want[d] = true
				if !s.Roles.Has("definition") {
					t.Errorf("%q defines %q without the definition role", s.Text, d)
				}
			}
		}
	}
	for term, ok := range want {
		if !ok {
			t.Errorf("no segment defines %q", term)
		}
	}
}
