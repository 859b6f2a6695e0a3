package match

import (
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// An attempt clause proves crim.attempt only when it is the attempt of an
// offence, not of some other act.
func TestAttemptOfOffence(t *testing.T) {
	for _, tc := range []struct {
		name, lang, body string
		want             bool
	}{
		{"en commit", "en", "### 5 Attempts\n\nA person who attempts to commit an offence under section 3 commits an offence.\n", true},
		{"en violate", "en", "### 9 Attempt\n\nWhoever attempts to violate section 4 shall be punishable as for the completed violation.\n", true},
		{"en do so in trafficking", "en", "### 3 Trafficking\n\nA person who recruits or transports another person, or attempts to do so, for sexual exploitation commits the offence of trafficking in persons.\n", true},
		{"en do so of a seal", "en", "### 30 Seizure\n\nA person who breaks or damages a seal placed under this section, or attempts to do so, commits an offence.\n", false},
		{"en other act", "en", "### 4 Adoption\n\nA person who initiates or attempts to initiate adoption proceedings for the purpose of exploitation commits an offence.\n", false},
		{"en obstruct", "en", "### 7 Obstruction\n\nWhoever obstructs, or attempts to obstruct, the enforcement of this section shall be fined.\n", false},
		{"en other crime", "en", "### 9 Penalties\n\n(d) Where the violation includes kidnapping or an attempt to commit aggravated sexual abuse, the term is life.\n", false},
		{"en verbs between", "en", "### 6 Attempts and abetting\n\nA person who attempts to commit, or abets or conspires in, an offence under section 3 commits an offence.\n", true},
		{"en commas inside the verbs between", "en", "### 7 Attempts\n\nAny person who attempts to commit, or aids, abets or counsels the commission of, an offence under this Part commits an offence.\n", true},
		{"en verb list repeating commit", "en", "### 7 Attempts\n\nWhoever attempts to commit, abets or conspires to commit an offence under this Act shall be punished.\n", true},
		{"en long list with two commas", "en", "### 8 Attempts\n\nA person who attempts to commit, or aids, abets, counsels or procures the commission of, or conspires with another person to commit, an offence under this Act commits an offence.\n", true},
		{"en coordinated verbs, commission of", "en", "### 9 Attempts\n\nWhoever attempts to commit, conspires to commit or abets the commission of any offence under this Law shall be punished.\n", true},
		{"en verbs between, other object", "en", "### 6 Obstruction\n\nA person who attempts to commit, or abets or conspires in, the obstruction of an officer is liable to a fine.\n", false},
		{"en verbs sharing the object", "en", "### 7 Attempt and incitement\n\nAny person who attempts, conspires with any other person or incites, aids or procures another person to commit an offence under this Act is guilty of an offence.\n", true},
		{"en engage in trafficking", "en", "### 3 Trafficking\n\nA person who engages in, or attempts to engage in, trafficking in persons commits an offence.\n", true},
		{"en verbs sharing another object", "en", "### 7 Obstruction\n\nAny person who attempts, conspires or incites another person to obstruct an inspector is guilty of an offence.\n", false},
		{"en list", "en", "### 5 Ancillary\n\nAny person who—\n\n- (a) attempts to commit;\n- (b) aids or abets,\n\nan offence under this Act commits an offence.\n", true},
		{"en the criminal act of", "en", "### Article 9\n\nEvery Person who assists or attempts to commit the criminal act of trafficking in persons shall be punished with the same punishment as referred to in Article 2.\n", true},
		{"fr noun", "fr", "### Article 10\n\nLa tentative des délits prévus au présent chapitre est punie des mêmes peines.\n", true},
		{"fr other", "fr", "### Article 11\n\nL'agent qui tente de dissuader la victime de porter plainte est puni d'une amende.\n", false},
		{"de noun", "de", "### § 232 Menschenhandel\n\n(2) Der Versuch ist strafbar.\n", true},
		{"de other", "de", "### § 236 Kontakt\n\nWer über Dritte Kontakt zu einem Kind herzustellen versucht, wird bestraft.\n", false},
		{"es noun", "es", "### Artículo 12\n\nLa tentativa de los delitos previstos en esta ley será castigada con la pena del delito consumado.\n", true},
		{"es verb", "es", "### Artículo 13\n\nEl que intentare cometer el delito de trata de personas será castigado.\n", true},
		{"es other", "es", "### Artículo 14\n\nEl que intentare impedir la denuncia de la víctima será sancionado con multa.\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := corpusOf(t, tc.lang, tc.body)
			el, err := CompileElement(&standard.Element{ID: "attempt", Patterns: []standard.Pattern{{Kind: standard.CritKeyword,
				Terms: map[string][]string{"*": {"attempt*", "tentative", "tente de", "versuch", "versucht", "tentativa", "intentare"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			r := el.Find(ix)
			if len(r.Hits) == 0 {
				t.Fatal("no attempt word found")
			}
			got := false
			for _, h := range r.Hits {
				got = got || AttemptOfOffence(h)
			}
			if got != tc.want {
				t.Errorf("attempt of an offence = %v, want %v", got, tc.want)
			}
		})
	}
}
