package match

import (
	"testing"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// Acting "for remuneration" aggravates many offences; it does not make an
// offence the sale of children. Selling a child does.
func TestSaleClassNeedsSale(t *testing.T) {
	for _, tc := range []struct {
		name, lang, body, want string
	}{
		{"de abduction for pay", "de", "### § 235 Entziehung Minderjähriger\n\n(1) Mit Freiheitsstrafe bis zu fünf Jahren wird bestraft, wer eine Person unter achtzehn Jahren den Eltern entzieht.\n\n(4) Mit Freiheitsstrafe von einem Jahr bis zu zehn Jahren wird bestraft, wer die Tat gegen Entgelt begeht.\n", OffRelated},
		{"de child trade", "de", "### § 236 Kinderhandel\n\n(1) Wer sein Kind einem anderen gegen Entgelt auf Dauer überlässt, wird mit Freiheitsstrafe bis zu fünf Jahren bestraft.\n", OffSale},
		{"en sale", "en", "### 6 Sale of children\n\n(1) A person who sells a child commits an offence and is liable to imprisonment for a term not exceeding twenty years.\n", OffSale},
		{"es sale", "es", "### Artículo 6\n\nEl que entregue a un tercero a un niño a cambio de precio será castigado con prisión de cinco a diez años.\n", OffSale},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := Facts(corpusOf(t, tc.lang, tc.body))
			if tc.want == OffRelated {
				for _, f := range fs {
					if f.Offence == OffSale {
						t.Errorf("%s classed as sale of children", f.Seg.Prov.ID)
					}
				}
				return
			}
			if len(fs) == 0 || fs[0].Offence != tc.want {
				t.Fatalf("facts %+v, want class %s", fs, tc.want)
			}
		})
	}
}

// TestChildOffenceHandedToAnotherLaw: a child-protection law that hands
// the offences against children to articles of the Código Penal creates no
// child offence without means in the corpus.
func TestChildOffenceHandedToAnotherLaw(t *testing.T) {
	ix := corpusOf(t, "es", "### Artículo 12. Protección contra la explotación\n\nLas niñas, niños y adolescentes tienen derecho a ser protegidos contra toda forma de trata y explotación. Los delitos de trata de personas y explotación sexual cometidos contra ellos serán reprimidos conforme a lo dispuesto en los artículos 125 bis, 127 y 145 ter del Código Penal.\n")
	if o := run(t, ix, standard.CheckChildNoMeans, nil); o.Level == LMet || o.Level == LPartial {
		t.Errorf("child-no-means: %s (%s), want no offence of the corpus", o.Level, o.Reason.Code)
	}
}

// TestNonPunishmentAfterAPronoun: "L'enfant victime … est considéré comme
// une victime. Il ne peut être poursuivi pour sa participation aux
// hostilités": the pronoun takes up the child victim, and participation in
// hostilities is a limited scope (partial).
func TestNonPunishmentAfterAPronoun(t *testing.T) {
	ix := corpusOf(t, "fr", "### Article 66\n\nL'enfant victime de traite ou enrôlé dans un groupe armé est considéré comme une victime. Il ne peut être poursuivi pour sa participation aux hostilités.\n")
	if o := run(t, ix, standard.CheckNonPunishmentScope, nil); o.Level != LPartial {
		t.Errorf("non-punishment: %s (%s), want partial", o.Level, o.Reason.Code)
	}
}

// TestOffenceOutsideNeedsTheOffencesLaw: in a corpus without a trafficking
// offence, a victims' clause referring to the law of victim aid or of
// migration does not hand the offence to that law; one naming the offence
// with the law that defines and punishes it does.
func TestOffenceOutsideNeedsTheOffencesLaw(t *testing.T) {
	for _, tc := range []struct {
		lang, body string
		want       bool
	}{
		{"fr", "### Art. 30\n\nLes centres de consultation au sens de la loi sur l'aide aux victimes conseillent les victimes de la traite des êtres humains.\n", false},
		{"es", "### Artículo 15\n\nLa situación migratoria del niño víctima de trata se resolverá conforme a la Ley General de Migración y Extranjería.\n", false},
		{"es", "### Artículo 208\n\nLos delitos en materia de trata de personas se tipifican conforme a lo dispuesto en la Ley General para Prevenir y Erradicar la Esclavitud.\n", true},
		{"en", "### 5 Victims\n\nA victim of an offence under section 3 of the Trafficking in Persons Act is entitled to assistance.\n", true},
	} {
		ix := corpusOf(t, tc.lang, tc.body)
		if _, law, ok := OffenceOutsideCorpus(ix); ok != tc.want {
			t.Errorf("%s %q: outside offence %v (%q), want %v", tc.lang, tc.body[:30], ok, law, tc.want)
		}
	}
}

// TestChildAggravationNeedsABaseline: in a law whose trafficking offence
// concerns children only, a child victim aggravates nothing (gap), unless a
// younger child raises the child offence's penalty ("lorsque l'enfant est
// âgé de moins de quinze ans").
func TestChildAggravationNeedsABaseline(t *testing.T) {
	base := "### Article 10\n\nQuiconque recrute, transporte ou héberge un enfant aux fins d'exploitation est puni d'un emprisonnement de cinq à dix ans.\n"
	ix := corpusOf(t, "fr", base)
	if o := run(t, ix, standard.CheckChildAggravation, nil); o.Level != LGap {
		t.Errorf("child-only law: %s (%s), want gap", o.Level, o.Reason.Code)
	}
	ix = corpusOf(t, "fr", base+"\n### Article 11\n\nLa peine est la réclusion criminelle à perpétuité lorsque :\n\n- l'enfant est âgé de moins de quinze ans ;\n- l'infraction a été commise par un fonctionnaire.\n")
	if o := run(t, ix, standard.CheckChildAggravation, nil); o.Level != LMet {
		t.Errorf("younger child raises the penalty: %s (%s), want met", o.Level, o.Reason.Code)
	}
}
