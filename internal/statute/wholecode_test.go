package statute

import (
	"strings"
	"testing"
)

// TestWholeCodeIDs: provision IDs of a whole code are unique by
// construction: a repeated division number is qualified by its division.
func TestWholeCodeIDs(t *testing.T) {
	tests := []struct {
		name, lang, body, want string
	}{
		{"titles repeat under books", "es",
			"# Código\n\n## Libro I\n\n### Título I\n\n#### Artículo 1\n\nUno.\n\n### Título II\n\n#### Artículo 2\n\nDos.\n\n## Libro II\n\n### Título I\n\n#### Artículo 3\n\nTres.\n",
			"book-I book-I/title-I art1 title-II art2 book-II book-II/title-I art3"},
		{"numbered Abschnitte repeat under named parts (flat Markdown levels)", "de",
			"#### Allgemeiner Teil\n\n## 1. Abschnitt\n\n### Allgemeine Bestimmungen\n\n##### § 1\n\nText.\n\n## 2. Abschnitt\n\n##### § 2\n\nText.\n\n#### Besonderer Teil\n\n## 1. Abschnitt\n\n##### § 75\n\nText.\n",
			"part-allgemeiner part-allgemeiner/abschnitt-1 h3 §1 abschnitt-2 §2 part-besonderer part-besonderer/abschnitt-1 §75"},
		{"compound roman chapters are distinct", "fr",
			"## Chapitre VI\n\n### Article 1er\n\nA.\n\n## Chapitre VI-I\n\n### Article 2\n\nB.\n\n## Chapitre VI-II\n\n### Article 3\n\nC.\n",
			"chapter-VI art1 chapter-VI-I art2 chapter-VI-II art3"},
		{"latin ordinals", "es",
			"### Artículo 367\n\nA.\n\n### Artículo 367 bis\n\nB.\n\n### Artículo 367 ter\n\nC.\n\n### Artículo 411 quater\n\nD.\n\n### Artículo 411 quáter\n\nE.\n",
			"art367 art367bis art367ter art411quater art411quater~2"},
		{"paragraph labels 1) and 1a)", "de",
			"##### § 74\n\n1) Eins.\n\n1a) Eingefügt.\n\n2) Zwei.\n",
			"§74 §74(1) §74(1a) §74(2)"},
		{"printed list numbers are kept", "de",
			"##### § 64\n\n1) Die Gesetze gelten für:\n\n1. erstens;\n\n4. viertens;\n\n7. siebtens.\n",
			"§64 §64(1) §64(1)(1) §64(1)(4) §64(1)(7)"},
		{"printed numbers of a tight list", "en",
			"### 3 X\n\n(1) Lead:\n\n2. two\n3. three\n5. five\n",
			"s3 s3(1) s3(1)(2) s3(1)(3) s3(1)(5)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\nid: xea/test\ncountry: XEA\ntitle: Test\nlanguage: " + tt.lang + "\n---\n\n" + tt.body
			s, err := Parse("test.md", []byte(src))
			if got := ids(s); got != tt.want {
				t.Errorf("ids\n got: %s\nwant: %s", got, tt.want)
			}
			dupErr := err != nil && strings.Contains(err.Error(), "appears twice")
			if dupErr != strings.Contains(tt.want, "~") {
				t.Errorf("duplicate error = %v, want it only when an ID repeats in one division: %v", dupErr, err)
			}
		})
	}
}

// TestFootnotes: footnote references and definitions are amendment notes,
// not provision text.
func TestFootnotes(t *testing.T) {
	s := parseBody(t, "de", "##### § 11[^2]\n\n**Begriff**\n\n1) Text[^3] des Absatzes.\n\n##### § 12\n\nLetzter Text.\n\n[^2]: § 11 abgeändert durch LGBl. 2011 Nr. 184.\n\n[^3]: Abs. 1 eingefügt durch [LGBl. 2019 Nr. 124](https://example.org).\n")
	if got := ids(s); got != "§11 §11(1) §12" {
		t.Errorf("ids = %s", got)
	}
	if p := s.Lookup("§11(1)"); p == nil || p.Text != "Text des Absatzes." {
		t.Errorf("§11(1) = %+v", p)
	}
	if p := s.Lookup("§12"); p == nil || strings.Contains(p.FullText(), "LGBl") {
		t.Errorf("§12 holds the footnotes: %q", p.FullText())
	}
	if p := s.Lookup("§11"); p == nil || strings.Contains(p.Heading, "^") {
		t.Errorf("§11 heading = %q", p.Heading)
	}
}

// TestMarginalNote: a bold line right after a section heading without a
// title is the section's heading (the German "Sachüberschrift"); a bold line
// elsewhere stays text.
func TestMarginalNote(t *testing.T) {
	s := parseBody(t, "de", "##### § 104a[^1]\n\n**Menschenhandel**\n\n1) Wer eine Person anwirbt.\n\n**Nicht die Überschrift**\n\n##### § 105 Nötigung\n\n**Fett, aber Text**\n")
	if p := s.Lookup("§104a"); p == nil || p.Heading != "Menschenhandel" || p.Text != "" {
		t.Errorf("§104a = %+v", p)
	}
	if p := s.Lookup("§104a(1)"); p == nil || !strings.Contains(p.Text, "Nicht die Überschrift") {
		t.Errorf("a later bold line must stay text: %+v", p)
	}
	if p := s.Lookup("§105"); p == nil || p.Heading != "Nötigung" || p.Text != "Fett, aber Text" {
		t.Errorf("§105 = %+v", p)
	}
}

// TestAliases: an ID the earlier scheme gave resolves to the provision's
// ID now, with renamed true; sub-provisions follow their section.
func TestAliases(t *testing.T) {
	src := "---\nid: xea/test\ncountry: XEA\ntitle: Test\nlanguage: es\n---\n\n## Libro I\n\n### Título I\n\n#### Artículo 367 ter\n\n1. Uno.\n\n#### Artículo 411 quáter\n\nDos.\n\n## Libro II\n\n### Título I\n\n#### Artículo 2\n\nTres.\n\n## Chapitre VI\n\n## Chapitre VI-I\n\n#### Artículo 3\n\nX.\n"
	s, err := Parse("test.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ old, now string }{
		{"title-I", "book-I/title-I"},
		{"title-I~2", "book-II/title-I"},
		{"art367t", "art367ter"},
		{"art367t(1)", "art367ter(1)"},
		{"art411", "art411quater"},
		{"chapter-VI~2", "chapter-VI-I"},
	}
	for _, tt := range tests {
		p, now, renamed := s.Resolve(ProvisionID(tt.old))
		if p == nil || string(now) != tt.now || !renamed {
			t.Errorf("Resolve(%s) = %v %q %v, want %s", tt.old, p != nil, now, renamed, tt.now)
		}
	}
	if _, now, renamed := s.Resolve("art2"); now != "art2" || renamed {
		t.Errorf("a current ID resolves to itself: %q %v", now, renamed)
	}
	if p, _, _ := s.Resolve("art999"); p != nil {
		t.Errorf("an unknown ID resolves to nothing")
	}
	if _, ok := s.Aliases["chapter-VI"]; ok {
		t.Errorf("chapter-VI still names Chapitre VI: no alias")
	}
}

// TestAmendingProvisions: a provision that repeals and substitutes is not
// repealed, and a block-quoted passage it inserts into another law is its
// text, not sub-provisions of its own.
func TestAmendingProvisions(t *testing.T) {
	s := parseBody(t, "en", "### 8. Replacement of section 360C\n\nSection 360C of the principal enactment is hereby repealed and the following section substituted therefor:\n\n> #### 360C. Trafficking.\n>\n> (1) Whoever recruits any person shall be guilty of the offence of trafficking.\n>\n> (2) Any person who is guilty of the offence shall be punished.\n\n### 9. Repeal of section 12\n\n[Repealed by Act 5 of 2010]\n\n### 10 Short title\n\n(1) This Act is the Amendment Act.\n")
	if got := ids(s); got != "s8 s9 s10 s10(1)" {
		t.Errorf("ids = %s", got)
	}
	p := s.Lookup("s8")
	if p == nil || p.Repealed || !strings.Contains(p.Text, "(1) Whoever recruits") || !strings.Contains(p.Text, "360C. Trafficking.") {
		t.Errorf("s8 = %+v", p)
	}
	if p := s.Lookup("s9"); p == nil || !p.Repealed {
		t.Errorf("s9 must stay repealed: %+v", p)
	}
}
