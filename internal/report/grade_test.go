package report

import (
	"testing"

	"github.com/lacuna-project/lacuna/internal/penalty"
)

func TestGradeTerm(t *testing.T) {
	for _, c := range []struct {
		lang string
		g    *penalty.Grade
		want string
	}{
		{"en", &penalty.Grade{Name: "prision mayor", Text: "prision mayor", From: 2, To: 3}, "prision mayor, medium to maximum periods (term set elsewhere)"},
		{"es", &penalty.Grade{Name: "reclusion mayor", Text: "reclusión mayor", From: 2, To: 2}, "reclusión mayor, grado medio (duración fijada en otra norma)"},
		{"fr", &penalty.Grade{Name: "reclusion mayor", Text: "reclusión mayor"}, "reclusión mayor (durée fixée ailleurs)"},
		{"en", nil, ""},
	} {
		loc, err := EmbeddedLocale(c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := GradeTerm(loc, c.g); got != c.want {
			t.Errorf("%s: GradeTerm = %q, want %q", c.lang, got, c.want)
		}
	}
}
