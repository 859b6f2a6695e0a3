package score

import (
	"regexp"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// mmBase is a small statute in the common-law drafting style; the
// metamorphic tests rewrite it in ways that must not change what it means
// (renumbering, reordering, re-captioning, an equivalent penalty formula)
// and in ways that must (a defence made into its opposite).
const mmBase = `### 2 Interpretation

In this Act, "child" means a person under the age of eighteen years.

"exploitation" includes the prostitution of others or other forms of sexual exploitation, forced labour or services, slavery or practices similar to slavery, servitude and the removal of organs.

### 3 Trafficking in persons

(1) A person who recruits, transports, transfers, harbours or receives another person by means of the threat or use of force or other forms of coercion, abduction, fraud, deception, the abuse of power or of a position of vulnerability, or the giving or receiving of payments or benefits to achieve the consent of a person having control over another person, for the purpose of exploitation, commits an offence and shall be punished with imprisonment for a term of not less than five years and not more than fifteen years.

(2) A person who recruits, transports, transfers, harbours or receives a child for the purpose of exploitation commits an offence even where none of the means referred to in subsection (1) was used, and shall be punished with imprisonment for a term of not less than ten years and not more than twenty years.

(3) The consent of a victim to the intended exploitation is irrelevant.

### 4 Forced labour

A person who compels another person to work under the menace of a penalty shall be punished with imprisonment for a term not exceeding ten years.

### 5 Victims not punished

A victim of trafficking is not guilty of an offence if the victim was compelled to commit that offence as a direct consequence of being trafficked.
`

// mmWatched are the requirements the base statute decides; each
// transformation is checked on all of them.
var mmWatched = map[string]Verdict{
	"def.acts": Met, "def.means": Met, "def.purposes": Met, "def.consent-irrelevant": Met,
	"def.child-no-means": Met, "def.child-age-18": Met, "crim.offence": Met, "crim.forced-labour": Met,
	"pen.serious-crime": Met, "pen.custodial-mandatory": Met, "pen.child-aggravation": Met,
	"prot.non-punishment": Met,
}

func mmAnalyze(t *testing.T, e *Engine, body string) *Result {
	t.Helper()
	return analyzeText(t, e, "en", "Trafficking Act", body)
}

// analyzeText analyses one statute of country XTA in lang, titled title,
// whose body is given.
func analyzeText(t *testing.T, e *Engine, lang, title, body string) *Result {
	t.Helper()
	src := "---\nid: xta/act\ncountry: XTA\ntitle: \"" + title + "\"\nlanguage: " + lang + "\nversion_date: \"2020-01-01\"\n---\n\n# " + title + "\n\n" + body
	st, err := statute.Parse("xta/act.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Analyze(&statute.Corpus{Statutes: []*statute.Statute{st}}, Options{Country: "XTA"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// mmSections splits a body into its "### " sections.
func mmSections(body string) []string {
	parts := strings.Split(body, "\n### ")
	for i := 1; i < len(parts); i++ {
		parts[i] = "### " + parts[i]
	}
	return parts
}

func TestMetamorphic(t *testing.T) {
	e := embeddedEngine(t)
	base := mmAnalyze(t, e, mmBase)
	for id, want := range mmWatched {
		if f := base.Finding(id); f == nil || f.MachineVerdict != want {
			t.Fatalf("base statute: %s is %v, want %s", id, f, want)
		}
	}
	renumber := regexp.MustCompile(`### (\d+) `)
	same := []struct {
		name string
		edit func(string) string
	}{
		{"renumbered", func(b string) string {
			return renumber.ReplaceAllStringFunc(b, func(h string) string { return "### 1" + h[4:] })
		}},
		{"reordered", func(b string) string {
			p := mmSections(b)
			for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
				p[i], p[j] = p[j], p[i]
			}
			return strings.Join(p, "\n")
		}},
		{"re-captioned", func(b string) string {
			return strings.NewReplacer("Trafficking in persons", "Offences against the person",
				"Forced labour", "Forced labour offence", "Victims not punished", "Defences").Replace(b)
		}},
		{"uncaptioned offence", func(b string) string {
			return strings.Replace(b, "### 3 Trafficking in persons", "### 3", 1)
		}},
		{"liable instead of punished", func(b string) string {
			return strings.ReplaceAll(b, "shall be punished with imprisonment", "is liable on conviction to imprisonment")
		}},
		{"is guilty of an offence", func(b string) string {
			return strings.ReplaceAll(b, "commits an offence and shall be punished with", "is guilty of an offence and shall be liable to")
		}},
		{"non-punishment as immunity", func(b string) string {
			return strings.Replace(b, "is not guilty of an offence if the victim was compelled to commit that offence",
				"shall not be criminally liable for any offence the victim was compelled to commit", 1)
		}},
	}
	for _, tc := range same {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.edit(mmBase)
			if body == mmBase {
				t.Fatal("the edit changed nothing")
			}
			res := mmAnalyze(t, e, body)
			for id, want := range mmWatched {
				if f := res.Finding(id); f == nil || f.MachineVerdict != want {
					got := Verdict("missing")
					if f != nil {
						got = f.MachineVerdict
					}
					t.Errorf("%s: %s, want %s (unchanged)", id, got, want)
				}
			}
		})
	}
	// Opposites: the verdict must move.
	flipped := []struct {
		name, id string
		edit     func(string) string
		not      Verdict
	}{
		{"victims remain liable", "prot.non-punishment", func(b string) string {
			return strings.Replace(b, "A victim of trafficking is not guilty of an offence if the victim was compelled to commit that offence as a direct consequence of being trafficked.",
				"Being a victim of trafficking does not relieve a person of criminal liability for an offence committed as a consequence of being trafficked.", 1)
		}, Met},
		{"child age sixteen", "def.child-age-18", func(b string) string {
			return strings.Replace(b, "under the age of eighteen years", "under the age of sixteen years", 1)
		}, Met},
		{"means required for a child", "def.child-no-means", func(b string) string {
			return strings.Replace(b, "(2) A person who recruits, transports, transfers, harbours or receives a child for the purpose of exploitation commits an offence even where none of the means referred to in subsection (1) was used, and", "(2) Where the victim of an offence under subsection (1) is a child, the offender", 1)
		}, Met},
		{"child as an aggravation of the offence with means", "def.child-no-means", func(b string) string {
			return strings.Replace(b, "(2) A person who recruits, transports, transfers, harbours or receives a child for the purpose of exploitation commits an offence even where none of the means referred to in subsection (1) was used, and shall be punished with imprisonment for a term of not less than ten years and not more than twenty years.",
				"(2) Where the offence involves the trafficking of a child, it shall be punishable with imprisonment for a term of not less than ten years and not more than twenty years.", 1)
		}, Met},
		{"a trafficked child used, not trafficked", "def.child-no-means", func(b string) string {
			return strings.Replace(b, "(2) A person who recruits, transports, transfers, harbours or receives a child for the purpose of exploitation commits an offence even where none of the means referred to in subsection (1) was used, and shall be punished",
				"(2) A person who, knowing that a child has been trafficked, engages the child for sexual exploitation commits an offence and shall be punished", 1)
		}, Met},
		{"consent irrelevant only for a child", "def.consent-irrelevant", func(b string) string {
			return strings.Replace(b, "(3) The consent of a victim to the intended exploitation is irrelevant.",
				"(3) Subsection (2) applies whether the act was done with or without the consent of the child.", 1)
		}, Met},
		{"consent irrelevant only for a person under 18 used in pornography", "def.consent-irrelevant", func(b string) string {
			return strings.Replace(b, "(3) The consent of a victim to the intended exploitation is irrelevant.", "", 1) +
				"\n### 6 Use of persons under 18 for pornography\n\n(1) A person who uses a person under the age of 18 for making pornography commits an offence.\n\n(2) It is not a defence to a charge under subsection (1) that the person under the age of 18 consented to being so used.\n"
		}, Met},
	}
	// Ex officio prosecution, and its opposite: prosecution only on
	// complaint, with the public-interest exception German law attaches
	// (§235(7) StGB, "nur auf Antrag verfolgt").
	exOfficio := mmBase + "\n### 6 Prosecution\n\nOffences under this Act are prosecuted ex officio.\n"
	if f := mmAnalyze(t, e, exOfficio).Finding("enf.ex-officio-prosecution"); f == nil || f.MachineVerdict != Met {
		t.Errorf("ex officio prosecution: %v, want met", f)
	}
	onComplaint := mmBase + "\n### 6 Prosecution\n\nOffences under this Act are prosecuted only on complaint of the victim, unless the prosecutor acts ex officio in the special public interest.\n"
	if f := mmAnalyze(t, e, onComplaint).Finding("enf.ex-officio-prosecution"); f == nil || f.MachineVerdict == Met {
		t.Errorf("prosecution only on complaint stayed met")
	}
	for _, tc := range flipped {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.edit(mmBase)
			if body == mmBase {
				t.Fatal("the edit changed nothing")
			}
			f := mmAnalyze(t, e, body).Finding(tc.id)
			if f == nil || f.MachineVerdict == tc.not {
				t.Errorf("%s stayed %s after the opposite was enacted", tc.id, tc.not)
			}
		})
	}
}

// TestNoMeansDespiteNamedMeans: an offence that needs no means stays one
// when another paragraph names the means only to say they need not be used,
// or names them as a condition of a heavier sanction; an offence that
// requires them is not.
func TestNoMeansDespiteNamedMeans(t *testing.T) {
	e := embeddedEngine(t)
	body := `### Artículo 91.- Trata de personas

La persona que capte, transporte, traslade, acoja o reciba a una persona con fines de explotación será sancionada con pena privativa de libertad de trece a dieciséis años.

La infracción se configura aunque el autor no haya empleado violencia, amenaza ni engaño.

### Artículo 92.- Sanciones

1. Con pena privativa de libertad de dieciséis a diecinueve años, si el autor ha empleado violencia o amenaza.
`
	if f := analyzeText(t, e, "es", "Código", body).Finding("def.child-no-means"); f == nil || f.MachineVerdict != Met {
		t.Errorf("no means at all: %v, want met", f)
	}
	needs := strings.Replace(body, "con fines de explotación", "mediante violencia, amenaza o engaño, con fines de explotación", 1)
	if f := analyzeText(t, e, "es", "Código", needs).Finding("def.child-no-means"); f == nil || f.MachineVerdict == Met {
		t.Errorf("means required: %v, want not met", f)
	}
}

// TestNearAcrossLeadInAndItems: a near pattern whose first term is in a
// lead-in and whose second is in a short item of its list matches
// (extraterritorial jurisdiction "outside … if the person— (a) is a citizen").
func TestNearAcrossLeadInAndItems(t *testing.T) {
	e := embeddedEngine(t)
	body := mmBase + `
### 7 Jurisdiction

(1) Even if the acts alleged to constitute the offence occurred wholly outside the country, proceedings may be brought for an offence under section 3 if the person to be charged—

(a) is a citizen; or

(b) is ordinarily resident in the country.
`
	if f := mmAnalyze(t, e, body).Finding("juris.extraterritorial"); f == nil || f.MachineVerdict != Met {
		t.Errorf("juris.extraterritorial: %v, want met", f)
	}
}
