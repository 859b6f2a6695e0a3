package index

import (
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestProtectionHeadingNamesNoOffence: a right "to protection against
// exploitation" names the offence word as what the child is protected
// from; the heading gives the article no offence role.
func TestProtectionHeadingNamesNoOffence(t *testing.T) {
	st, err := statute.Parse("xta/codigo.md", []byte("---\nid: xta/codigo\ncountry: XTA\ntitle: Código\nlanguage: es\n---\n\n# Código\n\n"+
		"### Artículo 25. Del derecho a la protección contra la explotación\n\nQuedan prohibidos la venta, el tráfico y la explotación económica de niños y adolescentes.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	for _, s := range ix.Segments {
		if s.Roles.Has("offence") {
			t.Errorf("%s: roles %v, want no offence role", s.Prov.ID, s.Roles)
		}
	}
}

// TestArticlesUnderAStatementOfReasons: a law whose articles the layout
// nests under its "EXPOSICIÓN DE MOTIVOS" keeps them operative; the
// statement's own text, and numbered parts of a preamble ("I", "II"), are
// not.
func TestArticlesUnderAStatementOfReasons(t *testing.T) {
	st, err := statute.Parse("xta/ley.md", []byte("---\nid: xta/ley\ncountry: XTA\ntitle: Ley\nlanguage: es\n---\n\n# Ley\n\n"+
		"## EXPOSICIÓN DE MOTIVOS\n\nLa presente ley protege a los testigos.\n\n### Artículo primero.\n\nLas medidas de protección se aplicarán a los testigos y a las víctimas de trata.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(&statute.Corpus{Statutes: []*statute.Statute{st}})
	for _, s := range ix.Segments {
		if want := s.Prov.ID != "art1"; s.NonOperative != want {
			t.Errorf("%s: non-operative %v, want %v", s.Prov.ID, s.NonOperative, want)
		}
	}
}
