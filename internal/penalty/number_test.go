package penalty

import "testing"

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in, lang string
		want     int
		ok       bool
	}{
		{"18", "en", 18, true},
		{"1,000,000", "en", 1000000, true},
		{"150 000", "fr", 150000, true},
		{"1 500 000", "fr", 1500000, true},
		{"eighteen", "en", 18, true},
		{"thirty", "en", 30, true},
		{"twenty-five", "en", 25, true},
		{"twenty five", "en", 25, true},
		{"ninety-nine", "en", 99, true},
		{"one hundred and fifty thousand", "en", 150000, true},
		{"five hundred thousand", "en", 500000, true},
		{"thirty million", "en", 30000000, true},
		{"two hundred and fifty thousand", "en", 250000, true},
		{"Fifteen", "en", 15, true},
		{"dix-huit", "fr", 18, true},
		{"sept", "fr", 7, true},
		{"dix", "fr", 10, true},
		{"vingt", "fr", 20, true},
		{"trente", "fr", 30, true},
		{"vingt et un", "fr", 21, true},
		{"soixante-dix", "fr", 70, true},
		{"quatre-vingt-dix-neuf", "fr", 99, true},
		{"quatre-vingts", "fr", 80, true},
		{"achtzehn", "de", 18, true},
		{"dreißig", "de", 30, true},
		{"fünfzehn", "de", 15, true},
		{"sechs", "de", 6, true},
		{"einundzwanzig", "de", 21, true},
		{"fünfundzwanzig", "de", 25, true},
		{"neunundneunzig", "de", 99, true},
		{"dreihundertfünfzigtausend", "de", 350000, true},
		{"dieciocho", "es", 18, true},
		{"quince", "es", 15, true},
		{"dieciséis", "es", 16, true},
		{"veinticinco", "es", 25, true},
		{"treinta y cinco", "es", 35, true},
		{"noventa y nueve", "es", 99, true},
		{"ocho", "es", 8, true},
		{"DOCE", "es", 12, true},
		{"quinientos mil", "es", 500000, true},
		{"DIECIOCHO (18)", "es", 18, true},
		{"cent cinquante mille", "fr", 150000, true},
		{"deux cent mille", "fr", 200000, true},
		{"un million cinq cent mille", "fr", 1500000, true},
		{"un millón quinientos mil", "es", 1500000, true},
		{"ciento cincuenta mil", "es", 150000, true},
		{"doscientos cincuenta mil", "es", 250000, true},
		{"eine Million", "de", 1000000, true},
		{"1.5 million", "en", 1500000, true},
		{"30 million", "en", 30000000, true},
		{"thirty", "", 30, true},
		{"dreißig", "", 30, true},
		{"trente", "", 30, true},
		{"treinta", "", 30, true},
		{"eighteen years", "en", 18, true},
		{"dix-huit ans", "fr", 18, true},
		{"achtzehn Jahre", "de", 18, true},
		{"dieciocho años", "es", 18, true},
		{"thirty days", "en", 30, true},
		{"trente jours", "fr", 30, true},
		{"eighteen years old", "en", 0, false},
		{"years", "en", 0, false},
		{"person", "en", 0, false},
		{"", "en", 0, false},
		{"dix", "en", 0, false},
		{"and", "en", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.in, func(t *testing.T) {
			got, ok := ParseNumber(tc.in, tc.lang)
			if ok != tc.ok || got != tc.want {
				t.Errorf("ParseNumber(%q, %q) = %d, %v; want %d, %v", tc.in, tc.lang, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             Offence
	}{
		{"en trafficking named", "en", "A person who trafficks another person, for the purpose of exploitation, commits an offence.", OffenceTrafficking},
		{"en acts and purpose", "en", "Every person who recruits, transports or harbours a person for the purpose of exploiting them commits an offence.", OffenceTrafficking},
		{"de Menschenhandel acts", "de", "Mit Freiheitsstrafe wird bestraft, wer eine andere Person anwirbt, befördert oder beherbergt, wenn sie ausgebeutet werden soll.", OffenceTrafficking},
		{"fr traite", "fr", "La traite des êtres humains est le fait de recruter une personne à des fins d'exploitation.", OffenceTrafficking},
		{"es trata", "es", "Será castigado el que captare, transportare o acogiere a una persona con fines de explotación.", OffenceTrafficking},
		{"de Kinderhandel", "de", "Wer sein Kind einem anderen gegen Entgelt auf Dauer überlässt, wird bestraft.", OffenceSaleOfChildren},
		{"en sale of child", "en", "Whoever sells a child for any purpose shall be punished.", OffenceSaleOfChildren},
		{"fr travail forcé", "fr", "Le travail forcé est le fait de contraindre une personne à effectuer un travail.", OffenceForcedLabour},
		{"en peonage", "en", "Whoever holds any person to a condition of peonage shall be fined.", OffenceForcedLabour},
		{"de Zwangsarbeit", "de", "Wer eine Person zur Zwangsarbeit veranlasst, wird bestraft.", OffenceForcedLabour},
		{"en document offence", "en", "Any person who destroys an identity document commits an offence.", OffenceRelated},
		{"en document offence for trafficking", "en", "Any person who sells or possesses a forged travel document to facilitate trafficking in persons commits an offence.", OffenceRelated},
		{"en material benefit from trafficking", "en", "Everyone who receives a financial or other material benefit knowing that it derives from trafficking in persons is guilty of an offence.", OffenceRelated},
		{"en trafficking with payments as a means", "en", "Any person who recruits, transports or receives another by the giving of payments or benefits to a person in control, for exploitation, commits the offence of trafficking.", OffenceTrafficking},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Classify(tc.text, tc.lang); got != tc.want {
				t.Errorf("Classify = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in, lang string
		n        int
		unit     string
		ok       bool
	}{
		{"thirty days", "en", 30, "day", true},
		{"trente jours", "fr", 30, "day", true},
		{"dreißig Tage", "de", 30, "day", true},
		{"treinta días", "es", 30, "day", true},
		{"90 days", "en", 90, "day", true},
		{"six months", "en", 6, "month", true},
		{"eighteen", "en", 18, "", true},
		{"dix-huit ans", "fr", 18, "year", true},
		{"a period", "en", 0, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			n, u, ok := ParseDuration(tc.in, tc.lang)
			if n != tc.n || u != tc.unit || ok != tc.ok {
				t.Errorf("ParseDuration(%q) = %d, %q, %v; want %d, %q, %v", tc.in, n, u, ok, tc.n, tc.unit, tc.ok)
			}
		})
	}
}

func TestQuantities(t *testing.T) {
	type q struct {
		v     float64
		unit  string
		quote string
	}
	tests := []struct {
		text, lang string
		want       []q
	}{
		{"a recovery and reflection period of at least thirty days", "en", []q{{30, "day", "thirty days"}}},
		{"a person under the age of eighteen years", "en", []q{{18, "year", "eighteen years"}}},
		{"une personne âgée de moins de dix-huit ans", "fr", []q{{18, "year", "dix-huit ans"}}},
		{"eine Person unter achtzehn Jahren", "de", []q{{18, "year", "achtzehn Jahren"}}},
		{"personas menores de DIECIOCHO (18) años de edad", "es", []q{{18, "year", "DIECIOCHO (18) años"}}},
		{"section 3 applies for 90 days", "en", []q{{3, "", "3"}, {90, "day", "90 days"}}},
		{"no number here", "en", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := Quantities(tc.text, tc.lang)
			if len(got) != len(tc.want) {
				t.Fatalf("Quantities = %+v, want %+v", got, tc.want)
			}
			for i, g := range got {
				w := tc.want[i]
				if g.Value != w.v || g.Unit != w.unit || tc.text[g.Start:g.End] != w.quote {
					t.Errorf("Quantities[%d] = %v %q %q, want %v %q %q", i, g.Value, g.Unit, tc.text[g.Start:g.End], w.v, w.unit, w.quote)
				}
			}
		})
	}
}
