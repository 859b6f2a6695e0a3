package index

import (
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
	toks := Tokenize(f, m)
	if len(toks) != 3 || toks[1].Word != "a" {
		t.Fatalf("tokens %+v", toks)
	}
	if got := "Réclusion à perpétuité"[toks[2].OStart:toks[2].OEnd]; got != "perpétuité" {
		t.Errorf("original bytes of the last token = %q, want perpétuité", got)
	}
}

func TestPhraseSet(t *testing.T) {
	ps := NewPhraseSet([]string{"recruit*", "position of vulnerability", "abuse of power"})
	f, m := Fold("He recruited her by abuse of power and of her position of vulnerability.")
	spans := ps.Find(Tokenize(f, m))
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
