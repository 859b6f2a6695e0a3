package penalty

import (
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are short sanction phrases in the four languages, written for
// these tests in the shapes the real statutes use.
var fuzzSeeds = []string{
	"is liable to imprisonment for a term of not less than thirty years or to a fine of not less than thirty million shillings or to both",
	"shall be punished with imprisonment for a term not less than three years but not exceeding twenty years, and shall also be liable to fine",
	"shall be fined under this title or imprisoned not more than 20 years, or both. If death results, for any term of years or life",
	"to imprisonment for life and to a minimum punishment of imprisonment for a term of five years",
	"imprisonment which may extend to ten years and which shall not be less than two years or with fine which may extend to Rs. 1,000,000",
	"Mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren wird bestraft, wer",
	"so ist die Strafe lebenslange Freiheitsstrafe oder Freiheitsstrafe nicht unter zehn Jahren",
	"In minder schweren Fällen ist auf Freiheitsstrafe bis zu zwei Jahren oder auf Geldstrafe zu erkennen",
	"est punie de sept ans d'emprisonnement et de 150 000 € d'amende",
	"Elle est punie de la réclusion criminelle à perpétuité et de 4 500 000 euros d'amende lorsqu'elle est commise en bande organisée",
	"será castigado con la pena de cinco a ocho años de prisión",
	"será reprimido con prisión de CUATRO (4) a DIEZ (10) años",
	"pena de 4 (cuatro) a 8 (ocho) años de prisión y multa",
	"una pena de seis meses de prisión a tres años de penitenciaría",
	"fine of $250,000 and imprisonment for 5 years",
	"",
	"imprisonment",
	"de de de 1 a a a años prisión",
	"1.5 million 2 000 000 € ans",
}

// FuzzParse checks invariants of Parse on arbitrary text: no panic,
// offsets inside the text and on rune boundaries, min ≤ max when both are
// set, fine bounds ordered, a fine never both alternative and cumulative.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		for _, lang := range []string{"en", "fr", "de", "es", ""} {
			f.Add(s, lang)
		}
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		for _, p := range Parse(text, lang) {
			if p.Start < 0 || p.End > len(text) || p.Start > p.End {
				t.Fatalf("offsets %d..%d outside text of %d bytes", p.Start, p.End, len(text))
			}
			if utf8.ValidString(text) && (!utf8.ValidString(text[p.Start:p.End])) {
				t.Fatalf("offsets %d..%d split a character", p.Start, p.End)
			}
			checkInvariants(t, text, p)
		}
		if n, ok := ParseNumber(text, lang); ok && n < 0 {
			t.Fatalf("ParseNumber(%q) = %d", text, n)
		}
		Classify(text, lang)
		DetectVariant(text, lang)
	})
}

// TestParseConcurrent runs Parse from several goroutines at once (the token
// buffers are pooled) and checks each result equals the sequential one.
func TestParseConcurrent(t *testing.T) {
	want := make([][]Penalty, len(fuzzSeeds))
	for i, s := range fuzzSeeds {
		want[i] = Parse(s, "")
	}
	done := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for r := 0; r < 50; r++ {
				for i, s := range fuzzSeeds {
					got := Parse(s, "")
					if len(got) != len(want[i]) {
						done <- s
						return
					}
					for k := range got {
						if describe(got[k]) != describe(want[i][k]) || got[k].Start != want[i][k].Start {
							done <- s
							return
						}
					}
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if s := <-done; s != "" {
			t.Errorf("concurrent Parse(%q) differs from sequential", s)
		}
	}
}
