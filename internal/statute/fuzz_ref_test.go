package statute

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzParseRef checks statute references ("ken/ctip-act-2010@2010-01-01"),
// which users type on the command line. Invariants: no panic; an accepted
// reference prints back to a string that parses to the same Ref; a
// rejected one has a message that quotes the input.
func FuzzParseRef(f *testing.F) {
	for _, s := range []string{
		"ken/ctip-act-2010", "ken/ctip-act-2010@2010-01-01", "deu/stgb@2021", "xea/act@unknown",
		"xea/act@", "@2020-01-01", "XEA/Act", "a/../b", "a//b", " ken/x @2020 ", "a@b@c",
		"ken/ctip-act-2010@2010-13-45", "ken/ctip-act-2010@0000-00-00", "\x00", "ü/ß",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRef(s)
		if err != nil {
			if !strings.Contains(err.Error(), "statute reference") {
				t.Fatalf("ParseRef(%q) error does not say what was parsed: %v", s, err)
			}
			return
		}
		if r.ID == "" {
			t.Fatalf("ParseRef(%q) accepted an empty ID", s)
		}
		for _, part := range strings.Split(string(r.ID), "/") {
			if part == "" || part == "." || part == ".." {
				t.Fatalf("ParseRef(%q) accepted ID %q with path element %q", s, r.ID, part)
			}
		}
		r2, err := ParseRef(r.String())
		if err != nil || r2 != r {
			t.Fatalf("ParseRef(%q) = %+v, but ParseRef(%q) = %+v, %v", s, r, r.String(), r2, err)
		}
	})
}

// FuzzProvisionNumber checks the recognisers of heading numbers and
// paragraph markers that build canonical provision IDs ("s3", "§232",
// "art225-4-1", "part-I"; "(1)", "1°", "II. -"). Invariants: no panic; an ID
// exactly when a kind; IDs free of blanks and of the characters that
// separate sub-levels; a marker's width inside the text.
func FuzzProvisionNumber(f *testing.F) {
	for _, s := range []string{
		"Section 3. Trafficking in persons", "3 Trafficking in persons", "s. 3", "279.01 Trafficking",
		"§1591.", "§ 232 Menschenhandel", "§\u202f1593A. Benefitting", "Article 225-4-1", "Artículo 177 bis",
		"ARTICULO 2º", "Art. 5 Scope", "Part I - PRELIMINARY", "CHAPTER 77— PEONAGE", "TITULO I — X",
		"Section 1 bis : De la traite", "Achtzehnter Abschnitt - Straftaten", "Schedule", "Definitions",
		"(1) A person", "(a) recruits", "(iv) harbours", "(1a) x", "(4.11) y", "1. Wer", "a) el", "1° x",
		"I. - Le", "II.- La", "XIV. — x", "1) x", "A) y", "(", "§", "Article", "9999999999999999999999 x",
		"Art. IIII", "Part MMMMMMMMMMMMMMMM", "Section 3bis–4ter", "Neunundvierzigster Teil",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, english bool) {
		h := parseHeading(text, english)
		if (h.kind == "") != (h.id == "") {
			t.Fatalf("parseHeading(%q) = kind %q id %q: an ID needs a kind and a kind an ID", text, h.kind, h.id)
		}
		switch h.kind {
		case "", KindSection, KindDivision:
		default:
			t.Fatalf("parseHeading(%q) gave kind %q, want section or division", text, h.kind)
		}
		if h.kind == KindSection && !(strings.HasPrefix(h.id, "s") || strings.HasPrefix(h.id, "§") || strings.HasPrefix(h.id, "art")) {
			t.Fatalf("parseHeading(%q) = section ID %q, want s…, § or art…", text, h.id)
		}
		refFuzzCheckIDChars(t, "parseHeading", text, h.id)
		if utf8.ValidString(text) && !(utf8.ValidString(h.title) && utf8.ValidString(h.number)) {
			t.Fatalf("parseHeading(%q) split a character: number %q title %q", text, h.number, h.title)
		}
		m, ok := scanMarker(text)
		if !ok {
			return
		}
		if m.width <= 0 || m.width > len(text) {
			t.Fatalf("scanMarker(%q) width %d outside the text (%d bytes)", text, m.width, len(text))
		}
		if m.value == "" || !strings.Contains(text[:m.width], m.value) {
			t.Fatalf("scanMarker(%q) value %q not in the marker %q", text, m.value, text[:m.width])
		}
		p := m.idPart()
		if strings.ContainsFunc(p, unicode.IsSpace) {
			t.Fatalf("scanMarker(%q) gave ID part %q with blanks", text, p)
		}
		if m.label() == "" {
			t.Fatalf("scanMarker(%q) gave an empty label", text)
		}
	})
}

// refFuzzCheckIDChars fails when a heading ID holds blanks, sub-level separators
// or invalid UTF-8.
func refFuzzCheckIDChars(t *testing.T, fn, text, id string) {
	t.Helper()
	if id == "" {
		return
	}
	if strings.ContainsFunc(id, unicode.IsSpace) || strings.ContainsAny(id, "()/~") {
		t.Fatalf("%s(%q) gave ID %q, want no blanks, parentheses, slash or tilde", fn, text, id)
	}
	if utf8.ValidString(text) && !utf8.ValidString(id) {
		t.Fatalf("%s(%q) gave ID %q that splits a character", fn, text, id)
	}
}
