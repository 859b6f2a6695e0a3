package report

import (
	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

func f64(x float64) *float64 { return &x }
func str(s string) *string   { return &s }

// fixture is a hand-built analysis of an invented country (XEA) whose
// statutes are quoted in several languages, with a quote that tries to be
// Markdown and template code.
func fixture() Input {
	m := &standard.Map{
		Version: "0.3.0-test",
		Instruments: []*standard.Instrument{
			{ID: "palermo", Short: "Palermo Protocol", Title: "Protocol to Prevent, Suppress and Punish Trafficking in Persons", Kind: standard.KindTreaty,
				Articles: []standard.Article{{Number: "3", Summary: "Defines trafficking by act, means and purpose."}, {Number: "5(2)", Summary: "Attempt, complicity and organising."}, {Number: "6", Summary: "Assistance to and protection of victims."}}},
			{ID: "coe", Short: "CoE Convention", Title: "Council of Europe Convention on Action against Trafficking in Human Beings", Kind: standard.KindRegional,
				Articles: []standard.Article{{Number: "4", Summary: "Definitions."}, {Number: "13", Summary: "Recovery and reflection period."}, {Number: "26", Summary: "Non-punishment of victims."}}},
		},
		Requirements: []*standard.Requirement{
			{ID: "crim.attempt", Title: "Attempt is punishable", Statement: "Attempting the offence is punishable.", Pillar: standard.Prosecution, Weight: 1,
				Sources: []standard.Source{{Instrument: "palermo", Article: "5(2)(a)"}}, Recommendation: "Make the attempt punishable.", ModelProvision: "An attempt to commit an offence under section 3 is punishable as the offence."},
			{ID: "def.acts", Title: "All five acts", Statement: "The offence covers recruitment, transportation, transfer, harbouring and receipt.", Pillar: standard.Prosecution, Weight: 3, Mandatory: true,
				Sources: []standard.Source{{Instrument: "palermo", Article: "3(a)"}, {Instrument: "coe", Article: "4(a)"}}, Recommendation: "List all five acts in the offence.", ModelProvision: "A person who recruits, transports, transfers, harbours or receives another person…"},
			{ID: "pen.serious-crime", Title: "Serious crime", Pillar: standard.Prosecution, Weight: 2, Thresholds: map[string]float64{"max_months_min": 48},
				Sources: []standard.Source{{Instrument: "palermo", Article: "5"}}},
			{ID: "prot.non-punishment", Title: "Non-punishment of victims", Statement: "Victims are not punished for offences they were compelled to commit.", Pillar: standard.Protection, Weight: 2,
				Sources: []standard.Source{{Instrument: "coe", Article: "26"}}, Recommendation: "Add a non-punishment clause.", ModelProvision: "A victim is not liable for an offence committed as a direct consequence of being trafficked."},
			{ID: "prot.reflection-period", Title: "Reflection period of 30 days", Pillar: standard.Protection, Weight: 1, Thresholds: map[string]float64{"min_days": 30},
				Sources: []standard.Source{{Instrument: "coe", Article: "13"}}, Recommendation: "Grant at least 30 days."},
		},
		Ratifications: []standard.Ratification{{Country: "XEA", Instrument: "palermo", Status: standard.StatusParty, Date: "2005-01-10"}},
	}
	res := &score.Result{
		LacunaVersion: "0.1.0-test", MappingVersion: "0.3.0-test", Country: "XEA", AsOf: "",
		Statutes: []score.StatuteRef{
			{ID: "xea/penal-code", Title: "Code pénal de Xéa", VersionDate: "2019-03-01", SHA256: "5f2b0c0e3f1c4c4e9a8d7a2f5d6e1b0c9a8f7e6d5c4b3a29181716151413121", Path: "corpus/xea/penal-code.md", Language: "fr"},
			{ID: "xea/strafgesetz", Title: "Strafgesetz über Menschenhandel", VersionDate: "2021-10-01", SHA256: "00aa", Path: "corpus/xea/strafgesetz.md", Language: "de"},
		},
		Findings: []score.Finding{
			{Requirement: "def.acts", Title: "All five acts", Verdict: score.Partial, MachineVerdict: score.Partial, Origin: "machine", Score: 1.5, Weight: 3, Pillar: "prosecution", Mandatory: true,
				Evidence: []score.Evidence{{Statute: "xea/penal-code", VersionDate: "2019-03-01", Provision: "art225-4-1/I", Line: 12, Quote: "Le fait de recruter une personne, de la transporter, de l'héberger ou de l'accueillir à des fins d'exploitation…", Element: "acts"}},
				Found:    []string{"recruitment", "transportation", "harbouring", "receipt"}, Missing: []string{"transfer"}, Explanation: "4 of the 5 acts found."},
			{Requirement: "crim.attempt", Title: "Attempt is punishable", Verdict: score.Met, MachineVerdict: score.Met, Origin: "machine", Score: 1, Weight: 1, Pillar: "prosecution",
				Evidence: []score.Evidence{{Statute: "xea/strafgesetz", VersionDate: "2021-10-01", Provision: "§232(4)", Line: 40, Quote: "Der Versuch ist strafbar; die Strafe beträgt bei Gewalt gegenüber dem Opfer nicht weniger als ein Jahr (Straßenverkehr ausgenommen)."}}},
			{Requirement: "pen.serious-crime", Title: "Serious crime", Verdict: score.Gap, MachineVerdict: score.Gap, Origin: "machine", Weight: 2, Pillar: "prosecution",
				Missing:    []string{"maximum of at least 4 years"},
				Confidence: &score.Confidence{Value: 0.78, Features: map[string]bool{"frame": false, "no_key_word": false}, LoweredBy: []string{"frame", "no_key_word"}},
				Review: &score.Review{Needed: true, Reasons: []score.ReviewReason{{Code: "frame_unclassified", Text: "xea/penal-code art31 (line 130) carries “réclusion”, a key word of “maximum of at least 4 years”, but the provision's frame is not recognised; gap is the best guess until a person reads it."}},
					Candidate: &score.Evidence{Statute: "xea/penal-code", VersionDate: "2019-03-01", Provision: "art31", Line: 130, Quote: "La réclusion criminelle est de dix ans au plus | {{.Country}}."}},
				Nearest: []score.Near{{Statute: "xea/penal-code", Provision: "art225-4-1/I", Line: 14, Quote: "trois ans d'emprisonnement ou 150 000 € d'amende",
					Has: []string{"imprisonment"}, Lacks: []string{"maximum of at least 4 years"}, Notes: []string{"maximum of at least 4 years: its key word “ans” is there, but without the words the map requires near it"}}}},
			{Requirement: "prot.non-punishment", Title: "Non-punishment of victims", Verdict: score.Contrary, MachineVerdict: score.Gap, Origin: "review", Score: -2, Weight: 2, Pillar: "protection",
				Evidence: []score.Evidence{{Statute: "xea/penal-code", VersionDate: "2019-03-01", Provision: "art12", Line: 88, Quote: "# Not a heading *nor* [a link](http://x) | pipe {{.Country}} <b>bold</b>\n- not a list\n1. not a list either\nNiña, señor, Łódź, Straße, Győr, Čapek."}},
				Override: &score.Override{Requirement: "prot.non-punishment", Verdict: score.Contrary, Rationale: "Art. 12 punishes victims for immigration offences.", Reviewer: "A. Łukasiewicz", Date: "2025-11-02", Expires: "2026-11-02", Source: "overrides.yaml:3"}},
			{Requirement: "prot.reflection-period", Title: "Reflection period of 30 days", Verdict: score.Undetermined, MachineVerdict: score.Undetermined, Origin: "machine", Weight: 1, Pillar: "protection",
				ExternalRefs: []score.ExternalRef{{Statute: "xea/penal-code", Provision: "art30", Line: 120, Law: "Loi sur les étrangers", Quote: "dans les conditions prévues par la loi sur les étrangers"}}},
		},
		Penalties: []penalty.Row{
			{Statute: "xea/penal-code", Provision: "art225-4-1/I", Line: 14, Offence: "trafficking", Penalty: penalty.Penalty{MaxMonths: f64(36), FineAlternative: true, Variant: penalty.VariantBasic}, Quote: str("trois ans d'emprisonnement ou 150 000 € d'amende")},
			{Statute: "xea/penal-code", Provision: "art225-4-2", Line: 20, Offence: "trafficking", Penalty: penalty.Penalty{MinMonths: f64(24), MaxMonths: f64(120), FineCumulative: true, Variant: penalty.VariantChild}},
		},
		Scores: score.Scores{Overall: 12.5, Pillars: map[string]float64{"prosecution": 41.67, "protection": -66.67}, Treaty: 30, Enforcement: 0,
			Instruments: []score.InstrumentScore{{Instrument: "palermo", Short: "Palermo Protocol", Bound: true, Score: 41.7, Met: 1, Total: 3}, {Instrument: "coe", Short: "CoE Convention", Score: 0, Met: 0, Total: 3}}},
		Overrides: []score.Override{{Requirement: "prot.non-punishment", Verdict: score.Contrary, Rationale: "Art. 12 punishes victims for immigration offences.", Reviewer: "A. Łukasiewicz", Date: "2025-11-02", Expires: "2026-11-02", Source: "overrides.yaml:3"}},
	}
	metas := []statute.Meta{
		{ID: "xea/penal-code", Country: "XEA", Title: "Code pénal de Xéa", Citation: "Code pénal (Xéa)", VersionDate: "2019-03-01", Language: "fr", SourceURL: "https://example.org/xea/cp", LicenceNote: "Official text.", Excerpt: true},
		{ID: "xea/strafgesetz", Country: "XEA", Title: "Strafgesetz über Menschenhandel", VersionDate: "2021-10-01", Language: "de"},
	}
	old := *res
	old.AsOf = "2019-03-01"
	old.Statutes = res.Statutes[:1]
	old.Scores.Overall = 5
	old.Findings = append([]score.Finding(nil), res.Findings...)
	old.Findings[1].Verdict = score.Gap // crim.attempt closed by the 2021 law
	cur := *res
	cur.AsOf = "2021-10-01"
	return Input{Result: res, Map: m, Statutes: metas, Date: "2026-01-15", Timeline: NewTimeline([]*score.Result{&cur, &old})}
}
