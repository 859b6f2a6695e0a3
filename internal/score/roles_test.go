package score

import (
	"strings"
	"testing"
)

// TestRoleDiscipline: a duty or a right is proved by a provision that
// imposes or grants it, never by an offence that merely names its subject.
// Each case states the subject once inside an offence (no proof) and once
// as a duty or right (proof); the offence sentences are ours.
func TestRoleDiscipline(t *testing.T) {
	e := embeddedEngine(t)
	cases := []struct {
		req, offence, duty string
	}{
		{
			req:     "prev.birth-registration",
			offence: "### 7 Falsifying records\n\nA person concerned with the registration of births who knowingly permits the falsification of a birth record commits an offence and shall be punished with imprisonment for a term not exceeding five years.\n",
			duty:    "### 7 Births\n\nThe registrar shall ensure the registration of births of every child born in the country immediately after birth.\n",
		},
		{
			req:     "prot.child-best-interests",
			offence: "### 7 Procuring children\n\nA person who procures children from hospitals or child welfare centres for money commits an offence and shall be punished with imprisonment for a term not exceeding ten years.\n",
			duty:    "### 7 Child victims\n\nIn every decision concerning a child victim, the best interests of the child shall be a primary consideration.\n",
		},
		{
			req:     "prot.witness-protection",
			offence: "### 7 Keeping a person in prostitution\n\nA person who by intimidation keeps another person from leaving prostitution commits an offence and shall be punished with imprisonment for a term not exceeding five years.\n",
			duty:    "### 7 Protection of witnesses\n\nThe police shall take measures to protect victims and witnesses from retaliation or intimidation, including relocation.\n",
		},
	}
	for _, c := range cases {
		t.Run(c.req, func(t *testing.T) {
			if f := mmAnalyze(t, e, mmBase+"\n"+c.offence).Finding(c.req); f == nil || f.MachineVerdict != Gap {
				t.Errorf("offence naming the subject: %s is %v, want gap", c.req, verdictOf(f))
			}
			if f := mmAnalyze(t, e, mmBase+"\n"+c.duty).Finding(c.req); f == nil || f.MachineVerdict != Met {
				t.Errorf("provision imposing it: %s is %v, want met", c.req, verdictOf(f))
			}
		})
	}
}

func verdictOf(f *Finding) any {
	if f == nil {
		return "missing"
	}
	return f.MachineVerdict
}

// TestPurposesByReference: a child-trafficking clause that takes its
// purposes from a sibling subsection ("a purpose mentioned in subsection
// (3)") covers the purposes listed there; without the reference it does not.
func TestPurposesByReference(t *testing.T) {
	e := embeddedEngine(t)
	const sec = "### 9 Trafficking in children\n\n(1) A person who recruits or transports a child for a purpose mentioned in subsection (3) commits an offence and shall be punished with imprisonment for a term not exceeding fifteen years.\n\n(3) The purposes are sexual exploitation and the use of a person for criminal activities.\n"
	const id = "crim.worst-forms-child-labour"
	if f := mmAnalyze(t, e, mmBase+"\n"+sec).Finding(id); f == nil || f.MachineVerdict != Met {
		t.Errorf("purposes by reference: %s is %v, want met", id, verdictOf(f))
	}
	unref := strings.Replace(sec, "for a purpose mentioned in subsection (3)", "for exploitation", 1)
	if f := mmAnalyze(t, e, mmBase+"\n"+unref).Finding(id); f == nil || f.MachineVerdict == Met {
		t.Errorf("no reference: %s is met, want it unproved by a sibling it does not cite", id)
	}
}

// TestOffenceNamedOutsideCorpus: an offence named in a list only by the
// section that creates it, a section the corpus lacks, is undetermined
// (reading rule 1); with that section in the corpus it is met.
func TestOffenceNamedOutsideCorpus(t *testing.T) {
	e := embeddedEngine(t)
	analyze := func(body string) *Result {
		t.Helper()
		return analyzeText(t, e, "de", "Strafgesetzbuch", body)
	}
	const list = "### § 64 Strafbare Auslandstaten\n\n(1) Die Strafgesetze gelten unabhängig vom Recht des Tatorts für folgende im Ausland begangene Taten: Menschenhandel (§ 104a), verbotene Adoptionsvermittlung (§ 193a) und Sklavenhandel (§ 104).\n"
	const id = "crim.illegal-adoption"
	if f := analyze(list).Finding(id); f == nil || f.MachineVerdict != Undetermined {
		t.Errorf("offence named by an outside section: %s is %v, want undetermined", id, verdictOf(f))
	}
	withSection := list + "\n### § 193a Verbotene Adoptionsvermittlung\n\nWer die Einwilligung eines Elternteils zur Adoption seines Kindes gegen Entgelt herbeiführt, ist mit Freiheitsstrafe bis zu zwei Jahren zu bestrafen.\n"
	if f := analyze(withSection).Finding(id); f == nil || f.MachineVerdict != Met {
		t.Errorf("with the section in the corpus: %s is %v, want met", id, verdictOf(f))
	}
}

// TestGradedPenalty: a trafficking offence punished only by a grade of
// the code's scale ("is a class A felony") has its term outside the corpus:
// the penalty requirements are undetermined, until the corpus holds the
// clause that gives the grade its term.
func TestGradedPenalty(t *testing.T) {
	e := embeddedEngine(t)
	graded := strings.NewReplacer(
		"commits an offence and shall be punished with imprisonment for a term of not less than five years and not more than fifteen years.", "commits an offence. An offence under this subsection is a class A felony.",
		"commits an offence even where none of the means referred to in subsection (1) was used, and shall be punished with imprisonment for a term of not less than ten years and not more than twenty years.", "commits an offence even where none of the means referred to in subsection (1) was used. An offence under this subsection is a class A felony.",
	).Replace(mmBase)
	if graded == mmBase {
		t.Fatal("the edit changed nothing")
	}
	res := mmAnalyze(t, e, graded)
	for _, id := range []string{"pen.serious-crime", "pen.custodial-mandatory"} {
		if f := res.Finding(id); f == nil || f.MachineVerdict != Undetermined {
			t.Errorf("graded offence: %s is %v, want undetermined", id, verdictOf(f))
		}
	}
	table := graded + "\n### 9 Sentences\n\nA person convicted of a class A felony shall be sentenced to imprisonment for twenty years.\n"
	if f := mmAnalyze(t, e, table).Finding("pen.serious-crime"); f == nil || f.MachineVerdict == Undetermined {
		t.Errorf("grade with its term in the corpus: pen.serious-crime is %v, want decided", verdictOf(f))
	}
}

// TestAggravationOfTrafficking: an aggravation counts for trafficking only
// where it aggravates a trafficking (or sale, forced-labour) offence, not
// coercion punished in the same code.
func TestAggravationOfTrafficking(t *testing.T) {
	e := embeddedEngine(t)
	const id = "pen.aggravation-official"
	coercion := mmBase + "\n### 8 Coercion\n\n(1) A person who compels another person by threat to do an act commits an offence and shall be punished with imprisonment for a term not exceeding three years.\n\n(2) Where the offender is a public official abusing that position, the punishment is imprisonment for a term not exceeding ten years.\n"
	if f := mmAnalyze(t, e, coercion).Finding(id); f == nil || f.MachineVerdict != Gap {
		t.Errorf("official aggravation of coercion: %s is %v, want gap", id, verdictOf(f))
	}
	trafficking := strings.Replace(mmBase, "(3) The consent of a victim",
		"(4) Where an offence under subsection (1) is committed by a public official, the offender shall be punished with imprisonment for a term of not less than ten years.\n\n(3) The consent of a victim", 1)
	if f := mmAnalyze(t, e, trafficking).Finding(id); f == nil || f.MachineVerdict != Met {
		t.Errorf("official aggravation of trafficking: %s is %v, want met", id, verdictOf(f))
	}
}

// TestPurposesByDefinition: a child-trafficking clause "for exploitation"
// covers the purposes the definition of exploitation lists elsewhere in
// the corpus; a clause whose terms are defined without them does not.
func TestPurposesByDefinition(t *testing.T) {
	e := embeddedEngine(t)
	const id = "crim.worst-forms-child-labour"
	body := "### 2 Interpretation\n\nIn this Act, \"exploitation\" includes forced labour, sexual exploitation and the use of a person in any illegal activity.\n\n" +
		"### 9 Trafficking in children\n\nA person who recruits or transports a child for the purpose of exploitation commits an offence and shall be punished with imprisonment for a term not exceeding fifteen years.\n"
	if f := mmAnalyze(t, e, body).Finding(id); f == nil || f.MachineVerdict != Met {
		t.Errorf("purposes by definition: %s is %v, want met", id, verdictOf(f))
	}
	narrow := strings.Replace(body, " and the use of a person in any illegal activity", "", 1)
	if f := mmAnalyze(t, e, narrow).Finding(id); f == nil || f.MachineVerdict == Met {
		t.Errorf("definition without illicit activities: %s is met", id)
	}
}

// TestOffenceQuotedNotItsListing: crim.offence quotes the provision that
// creates the offence, not a list of offences that names it, even when
// only the list uses the offence's name.
func TestOffenceQuotedNotItsListing(t *testing.T) {
	e := embeddedEngine(t)
	res := analyzeText(t, e, "de", "Strafgesetzbuch",
		"### § 64 Strafbare Auslandstaten\n\n(1) Die Strafgesetze gelten auch für folgende im Ausland begangene Taten: Sklavenhandel (§ 104) und Menschenhandel (§ 104a).\n\n"+
			"### § 104a Menschenhandel\n\n(1) Wer eine Person mit dem Vorsatz, dass sie sexuell oder durch Zwangsarbeit ausgebeutet werde, unter Einsatz von Gewalt anwirbt, befördert oder beherbergt, ist mit Freiheitsstrafe von sechs Monaten bis zu fünf Jahren zu bestrafen.\n")
	f := res.Finding("crim.offence")
	if f == nil || len(f.Evidence) == 0 {
		t.Fatalf("crim.offence has no evidence: %+v", f)
	}
	if got := f.Evidence[0].Provision; !strings.HasPrefix(got, "§104a") {
		t.Errorf("crim.offence first quotes %s (%q), want §104a", got, f.Evidence[0].Quote)
	}
}

// TestVictimRightsSpeakOfVictims: a protection element the map leaves
// unscoped counts only in a section that speaks of a victim or a child; a
// penal code's professional-secrecy offence naming lawyers is no legal aid
// for victims.
func TestVictimRightsSpeakOfVictims(t *testing.T) {
	e := embeddedEngine(t)
	const id = "prot.legal-assistance"
	secrecy := mmBase + "\n### 8 Breach of professional secrecy\n\nA notary, lawyer, legal counsel or auditor who discloses a secret entrusted to him in that capacity commits an offence and shall be punished with imprisonment for a term not exceeding one year.\n"
	if f := mmAnalyze(t, e, secrecy).Finding(id); f == nil || f.MachineVerdict == Met {
		t.Errorf("secrecy offence naming lawyers: %s is %v, want not met", id, verdictOf(f))
	}
	aid := mmBase + "\n### 8 Legal aid\n\nEvery victim of trafficking is entitled to free legal aid and to be assisted by a lawyer throughout the proceedings.\n"
	if f := mmAnalyze(t, e, aid).Finding(id); f == nil || f.MachineVerdict != Met {
		t.Errorf("legal aid for victims: %s is %v, want met", id, verdictOf(f))
	}
}

// TestMeansRequiredSomewhere: a labour-trafficking offence that names the
// means, beside a prostitution offence that names none, does not make the
// corpus one that requires no means at all.
func TestMeansRequiredSomewhere(t *testing.T) {
	e := embeddedEngine(t)
	body := "### 3 Labour trafficking\n\n(1) A person commits the offence of labour trafficking if the person provides or obtains another person for labour or services by force, threat of serious harm, fraud or deception.\n\n" +
		"(2) Labour trafficking is punishable by imprisonment for a term not exceeding twenty years.\n\n" +
		"### 4 Promoting prostitution\n\nA person who recruits, transports, harbours or procures another person for the purpose of prostitution or sexual exploitation commits an offence and is liable to imprisonment for a term not exceeding five years.\n"
	f := mmAnalyze(t, e, body).Finding("def.means")
	if f == nil {
		t.Fatal("no def.means finding")
	}
	if f.Reason.Code == "no-means-required" || f.Explanation == "the trafficking offence requires none of the means, so it is not limited to any of them" {
		t.Errorf("def.means read as requiring no means at all: %s (%s)", f.MachineVerdict, f.Explanation)
	}
}

// TestProhibitionIsNoNegation: "No person shall enlist a child …" with a
// penalty for contravening it creates an offence; the "no" forbids the act
// rather than denying it.
func TestProhibitionIsNoNegation(t *testing.T) {
	e := embeddedEngine(t)
	const id = "crim.child-soldiers"
	body := mmBase + "\n### 8 Child soldiers\n\n(1) No person shall recruit a child into the armed forces.\n\n(2) A person who contravenes subsection (1) commits an offence and shall be punished with imprisonment for a term not exceeding twenty years.\n"
	if f := mmAnalyze(t, e, body).Finding(id); f == nil || f.MachineVerdict != Met {
		t.Errorf("prohibition with a penalty: %s is %v, want met", id, verdictOf(f))
	}
}
