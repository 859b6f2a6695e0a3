package match

import (
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// A short list item continues its lead-in, so a near pattern's context
// word may sit in the lead-in ("every victim is provided with— (b)
// medical care;"); a long item, or a paragraph that is no list item, does
// not borrow context.
func TestNearUsesLeadInOfShortItems(t *testing.T) {
	for _, tc := range []struct {
		name, lang, body, term, with string
		want                         bool
	}{
		{"en item", "en", "### 18 Assistance\n\n(1) The Minister shall ensure that every victim is provided with—\n\n- (a) safe shelter;\n- (b) medical care;\n", "medical", "victim*", true},
		{"fr item", "fr", "### Article 18\n\nI. - Les victimes bénéficient :\n\n1° de soins médicaux ;\n", "medicaux", "victime*", true},
		{"es item", "es", "### Artículo 18\n\nLas víctimas tienen derecho a:\n\na) atención médica;\n", "medica", "victima*", true},
		{"de item", "de", "### § 18 Hilfe\n\n(1) Opfer erhalten:\n\n1. ärztliche Behandlung,\n", "arztliche", "opfer", true},
		{"long item", "en", "### 3 Offence\n\n(1) A victim is exploited where the offender imposes—\n\n- (a) the provision of any medical or other services in conditions of slavery or servitude for the offender;\n", "medical", "victim*", false},
		{"de mid-sentence tail", "de", "### § 9 Nutzung\n\n(6) Bestraft wird, wer an einer Person, die Opfer\n\n1. eines Menschenhandels oder\n\n2. einer Zwangsprostitution\n\ngeworden ist, gegen Entgelt sexuelle Handlungen vornimmt und dabei deren Zwangslage ausnutzt.\n", "sexuelle handlungen vornimmt", "opfer", true},
		{"long item, modal lead-in", "en", "### 12 Rights\n\n(1) A trafficked person shall —\n\n(b) have his identity kept confidential, and no person shall publish any particulars likely to identify him;\n", "identity kept confidential", "trafficked person", true},
		{"no lead-in", "en", "### 18 Assistance\n\n(1) Every victim shall be informed of the proceedings.\n\n(2) Medical care is free.\n", "medical", "victim*", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := corpusOf(t, tc.lang, tc.body)
			el, err := CompileElement(&standard.Element{ID: "x", Patterns: []standard.Pattern{{Kind: standard.CritNear,
				Terms: map[string][]string{"*": {tc.term}}, With: map[string][]string{"*": {tc.with}}, Within: 15}}})
			if err != nil {
				t.Fatal(err)
			}
			if got := el.Find(ix).Found(); got != tc.want {
				t.Errorf("found %v, want %v", got, tc.want)
			}
		})
	}
}
