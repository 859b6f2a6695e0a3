package testutil

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// GenOptions sizes a synthetic corpus.
type GenOptions struct {
	Countries int // default 200
	Statutes  int // per country, default 10
	Versions  int // per statute, default 5
	Sections  int // per statute version, default 40
	Seed      int64
}

// CountryCode returns the user-assigned code of the i-th synthetic country
// (XAA, XAB, …, then ZZA…), so generated corpora never collide with real
// ISO codes.
func CountryCode(i int) string {
	if i < 26*26 {
		return fmt.Sprintf("X%c%c", 'A'+i/26, 'A'+i%26)
	}
	i -= 26 * 26
	return fmt.Sprintf("ZZ%c", 'A'+i%26)
}

// GenerateCorpus writes a synthetic corpus of Markdown statutes under dir,
// one folder per country, and returns the number of bytes written. The
// drafting is realistic enough to exercise every stage: definitions,
// offences with penalties in words and digits, protection, institutions and
// cross-references; each version amends a few sections.
func GenerateCorpus(dir string, o GenOptions) (int64, error) {
	if o.Countries == 0 {
		o.Countries = 200
	}
	if o.Statutes == 0 {
		o.Statutes = 10
	}
	if o.Versions == 0 {
		o.Versions = 5
	}
	if o.Sections == 0 {
		o.Sections = 40
	}
	var total int64
	for c := 0; c < o.Countries; c++ {
		code := CountryCode(c)
		cdir := filepath.Join(dir, strings.ToLower(code))
		if err := os.MkdirAll(cdir, 0o755); err != nil {
			return total, err
		}
		for s := 0; s < o.Statutes; s++ {
			for v := 0; v < o.Versions; v++ {
				r := rand.New(rand.NewSource(o.Seed + int64(c*100000+s*100+v)))
				src := Statute(code, s, v, o.Sections, r)
				name := filepath.Join(cdir, fmt.Sprintf("act-%02d-v%d.md", s, v))
				if err := os.WriteFile(name, src, 0o644); err != nil {
					return total, err
				}
				total += int64(len(src))
			}
		}
	}
	return total, nil
}

var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}

// Statute returns one synthetic statute version.
func Statute(country string, statute, version, sections int, r *rand.Rand) []byte {
	var b strings.Builder
	year := 2000 + statute
	fmt.Fprintf(&b, "---\ncountry: %s\nid: %s/act-%02d\ntitle: \"Synthetic Act No. %d of %d\"\nlanguage: en\nenacted: \"%d-03-01\"\nversion_date: \"%d-06-30\"\nstatus: in_force\nlicence_note: \"Synthetic statute generated for scale tests\"\n---\n\n",
		country, strings.ToLower(country), statute, statute, year, year, year+version*2)
	fmt.Fprintf(&b, "# Synthetic Act No. %d of %d\n\n## Part I — Preliminary\n\n", statute, year)
	b.WriteString("### 1. Short title\n\nThis Act may be cited as the Synthetic Act.\n\n")
	b.WriteString("### 2. Interpretation\n\nIn this Act, unless the context otherwise requires—\n\n")
	b.WriteString("\"child\" means a person below the age of eighteen years;\n\n")
	b.WriteString("\"exploitation\" includes sexual exploitation, forced labour or services, slavery or practices similar to slavery, servitude and the removal of organs;\n\n")
	b.WriteString("## Part II — Offences\n\n")
	means := []string{"the threat or use of force", "abduction", "fraud", "deception", "the abuse of power or of a position of vulnerability", "the giving of payments or benefits"}
	acts := []string{"recruits", "transports", "transfers", "harbours", "receives"}
	for i := 3; i < sections; i++ {
		amended := version > 0 && (i+statute)%(7-version%3) == 0
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "### %d. Trafficking in persons\n\n", i)
			k := 3 + r.Intn(3)
			if amended {
				k = 5
			}
			fmt.Fprintf(&b, "(1) A person who %s another person by means of %s, for the purpose of exploitation, commits an offence.\n\n",
				strings.Join(acts[:k], ", "), strings.Join(means[:2+r.Intn(4)], ", "))
			y := 5 + r.Intn(16)
			if r.Intn(2) == 0 {
				fmt.Fprintf(&b, "(2) A person who commits an offence under subsection (1) is liable on conviction to imprisonment for a term of not less than %s years and not more than %d years, and to a fine of not less than %d shillings.\n\n", numberWords[y/2], y+5, 100000*(1+r.Intn(50)))
			} else {
				fmt.Fprintf(&b, "(2) A person who commits an offence under subsection (1) is liable to imprisonment for %d years or to a fine, or to both.\n\n", y)
			}
			b.WriteString("(3) The consent of a victim to the intended exploitation is irrelevant.\n\n")
		case 1:
			fmt.Fprintf(&b, "### %d. Child trafficking\n\n", i)
			b.WriteString("A person who recruits, transports or harbours a child for the purpose of exploitation commits an offence under section 3 whether or not any of the means referred to in that section is used.\n\n")
		case 2:
			fmt.Fprintf(&b, "### %d. Assistance to victims\n\n", i)
			b.WriteString("(1) The Minister shall ensure that victims of trafficking receive shelter, medical care, counselling and legal information.\n\n")
			if amended {
				b.WriteString("(2) A victim shall not be punished for an offence committed as a direct consequence of being trafficked.\n\n")
			}
			fmt.Fprintf(&b, "(3) A foreign victim shall be granted a recovery and reflection period of not less than %d days.\n\n", 10+r.Intn(40))
		case 3:
			fmt.Fprintf(&b, "### %d. National Coordination Council\n\n", i)
			b.WriteString("(1) There is established a National Coordination Council against Trafficking in Persons.\n\n(2) The Council shall prepare a national plan of action, conduct awareness campaigns and collect data on trafficking.\n\n")
		case 4:
			fmt.Fprintf(&b, "### %d. Jurisdiction and cooperation\n\n", i)
			b.WriteString("(1) The courts have jurisdiction over an offence under this Act committed outside the country by a citizen.\n\n(2) Offences under this Act are extraditable offences, and the Attorney General may give and request mutual legal assistance.\n\n")
			if r.Intn(4) == 0 {
				b.WriteString("(3) [Repealed by Act No. 2 of 2015.]\n\n")
			}
		}
		for p := 0; p < 2+r.Intn(4); p++ {
			fmt.Fprintf(&b, "- (%c) the court may order the forfeiture of any property used in or derived from the commission of the offence, and compensation to the victim of %d units;\n", 'a'+p, r.Intn(1000))
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}
