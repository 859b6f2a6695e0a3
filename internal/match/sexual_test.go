package match

import "testing"

// A sexual assault committed on the victim aggravates the offence; it is
// not a sexual purpose of exploitation.
func TestSexualPurposeNotSexualHarm(t *testing.T) {
	for _, tc := range []struct {
		name, lang, body string
		want             bool
	}{
		{"en harm", "en", "### 5 Trafficking\n\nEvery person who recruits or harbours a person for the purpose of exploiting them is guilty of an offence and liable to imprisonment for life if they commit an aggravated sexual assault against the victim.\n", false},
		{"en purpose", "en", "### 5 Trafficking\n\nA person who recruits or harbours another person for the purpose of sexual exploitation commits the offence of trafficking in persons.\n", true},
		{"fr harm", "fr", "### Article 5\n\nLa traite des êtres humains est punie de vingt ans lorsqu'elle est accompagnée d'une agression sexuelle.\n", false},
		{"fr purpose", "fr", "### Article 5\n\nLa traite des êtres humains est le fait de recruter une personne à des fins d'exploitation sexuelle.\n", true},
		{"es harm", "es", "### Artículo 5\n\nLa pena de la trata de personas se agravará cuando concurra agresión sexual contra la víctima.\n", false},
		{"de purpose", "de", "### § 5 Menschenhandel\n\nWer eine Person anwirbt, um sie der sexuellen Ausbeutung zuzuführen, wird wegen Menschenhandels bestraft.\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := SexualPurpose(corpusOf(t, tc.lang, tc.body))
			if got != tc.want {
				t.Errorf("sexual purpose %v, want %v", got, tc.want)
			}
		})
	}
}
