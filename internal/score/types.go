package score

import (
	"encoding/json"
	"fmt"

	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/reason"
)

// Verdict is the closed set of verdicts of CORE-REQUIREMENTS.md.
type Verdict string

const (
	Met           Verdict = "met"
	Partial       Verdict = "partial"
	Gap           Verdict = "gap"
	Contrary      Verdict = "contrary"
	Undetermined  Verdict = "undetermined"
	NotApplicable Verdict = "not_applicable"
)

// Verdicts lists every verdict, best first.
var Verdicts = []Verdict{Met, Partial, Undetermined, Gap, Contrary, NotApplicable}

// ParseVerdict returns the verdict named s or an error naming the allowed values.
func ParseVerdict(s string) (Verdict, error) {
	for _, v := range Verdicts {
		if string(v) == s {
			return v, nil
		}
	}
	return "", fmt.Errorf("unknown verdict %q, expected one of met, partial, gap, contrary, undetermined, not_applicable", s)
}

// Rank orders verdicts from best (met) to worst (contrary) for regression
// checks; not_applicable ranks with undetermined.
func (v Verdict) Rank() int {
	switch v {
	case Met:
		return 0
	case Partial:
		return 1
	case Undetermined, NotApplicable:
		return 2
	case Gap:
		return 3
	case Contrary:
		return 4
	}
	return 5
}

// Value is the requirement score before weighting: met 1, partial 0.5,
// contrary -1 (works against the standard), anything else 0.
func (v Verdict) Value() float64 {
	switch v {
	case Met:
		return 1
	case Partial:
		return 0.5
	case Contrary:
		return -1
	}
	return 0
}

// Evidence is one quoted provision that supports a verdict.
type Evidence struct {
	Statute     string `json:"statute"`      // statute ID
	VersionDate string `json:"version_date"` // of the statute version quoted
	Provision   string `json:"provision"`    // canonical provision ID
	Line        int    `json:"line"`
	Quote       string `json:"quote"` // original bytes of the cited text
	// Context is the lead-in the quoted clause completes (a list's opening
	// words, or the provision's opening words before its closing clause),
	// "" when the quote stands alone.
	Context string `json:"context,omitempty"`
	Element string `json:"element,omitempty"` // the element it proves
	Path    string `json:"path,omitempty"`
}

// ExternalRef is a reference to a law outside the corpus that decides a point.
type ExternalRef struct {
	Statute   string `json:"statute"`
	Provision string `json:"provision"`
	Line      int    `json:"line"`
	Law       string `json:"law"` // "Children Act (Cap. 141)"
	Quote     string `json:"quote"`
}

// Override is a reviewer's recorded decision on one requirement.
type Override struct {
	Requirement string   `json:"requirement" yaml:"requirement"`
	Verdict     Verdict  `json:"verdict" yaml:"verdict"`
	Rationale   string   `json:"rationale" yaml:"rationale"`
	Reviewer    string   `json:"reviewer" yaml:"reviewer"`
	Date        string   `json:"date" yaml:"date"`
	Expires     string   `json:"expires,omitempty" yaml:"expires"`
	Evidence    []string `json:"evidence,omitempty" yaml:"evidence"`
	// Decision is "confirm" (the reviewer agrees with the machine verdict)
	// or "override"; "" in a hand-written file means override.
	Decision string `json:"decision,omitempty" yaml:"decision"`
	// MachineVerdict, Statutes and EvidenceSHA256 record what the decision
	// was made on: the engine's verdict, the statute versions read
	// ("xea/ctip-act@2023-09-01") and EvidenceHash of the quoted text.
	// Each, when set, must still hold for the decision to apply.
	MachineVerdict Verdict  `json:"machine_verdict,omitempty" yaml:"machine_verdict"`
	Statutes       []string `json:"statutes,omitempty" yaml:"statutes"`
	EvidenceSHA256 string   `json:"evidence_sha256,omitempty" yaml:"evidence_sha256"`
	// History lists the earlier decisions on the requirement, oldest first.
	History []Override `json:"history,omitempty" yaml:"history"`
	Expired bool       `json:"expired,omitempty" yaml:"-"`
	// Stale says why the decision no longer applies (the law or the
	// machine verdict changed since): the finding keeps its machine
	// verdict and is flagged for re-review.
	Stale  []string `json:"stale,omitempty" yaml:"-"`
	Source string   `json:"source,omitempty" yaml:"-"` // file:line
}

// Confirms reports whether the decision confirms the machine verdict
// rather than overriding it.
func (o *Override) Confirms() bool { return o.Decision == DecisionConfirm }

// Decision kinds.
const (
	DecisionConfirm  = "confirm"
	DecisionOverride = "override"
)

// Finding is the verdict on one requirement.
type Finding struct {
	Requirement    string     `json:"requirement"`
	Title          string     `json:"title"`
	Verdict        Verdict    `json:"verdict"`         // reviewed verdict when an override applies, else machine
	MachineVerdict Verdict    `json:"machine_verdict"` // always the engine's
	Origin         string     `json:"origin"`          // "machine" or "review"
	Score          float64    `json:"score"`           // Verdict.Value() * Weight
	Weight         float64    `json:"weight"`
	Pillar         string     `json:"pillar"`
	ChildSpecific  bool       `json:"child_specific"`
	Mandatory      bool       `json:"mandatory"`
	Evidence       []Evidence `json:"evidence"`
	Found          []string   `json:"found"`   // element labels found
	Missing        []string   `json:"missing"` // element labels missing
	// FoundReasons and MissingReasons, when set, are Found and Missing as
	// reason codes, one per entry (a zero reason for an element label of
	// the map): the labels of the built-in checks, rendered in English to
	// Found and Missing and in a pack's language by RenderReasons.
	FoundReasons   []reason.Reason `json:"found_reasons,omitempty"`
	MissingReasons []reason.Reason `json:"missing_reasons,omitempty"`
	Explanation    string          `json:"explanation"` // Reason rendered in English
	// Reason is why the verdict: a stable code with arguments, rendered to
	// Explanation by the English reason catalogue (internal/reason).
	Reason       reason.Reason `json:"reason"`
	ExternalRefs []ExternalRef `json:"external_refs"`
	Override     *Override     `json:"override,omitempty"`
	// Review is set when a person should look at the finding before relying
	// on it: the verdict is the engine's best guess (see Review).
	Review *Review `json:"review,omitempty"`
	// Confidence is how far the machine verdict can be trusted, from the
	// features that made it (see Confidence).
	Confidence *Confidence `json:"confidence,omitempty"`
	// Nearest lists, for a gap, the provisions that come closest to the
	// requirement and the elements each lacks; NearestNone says why there
	// is none.
	Nearest     []Near `json:"nearest,omitempty"`
	NearestNone string `json:"nearest_none,omitempty"`
	// NearestNoneReason is NearestNone as a reason (rendered to it).
	NearestNoneReason *reason.Reason `json:"nearest_none_reason,omitempty"`
}

// Review asks for a person's reading: the machine verdict is kept as the
// best guess, the reasons say why it is uncertain and the candidate quotes
// the provision to read.
type Review struct {
	Needed    bool           `json:"needed"`
	Reasons   []ReviewReason `json:"reasons"`
	Candidate *Evidence      `json:"candidate,omitempty"`
}

// ReviewReason is one reason for review: a short machine code, its
// sentence as a reason code with arguments, and that sentence rendered in
// English.
type ReviewReason struct {
	Code   string        `json:"code"` // e.g. "frame_unclassified"
	Text   string        `json:"text"`
	Reason reason.Reason `json:"reason"`
}

// Confidence is a value in [0, 1] computed from named features of the
// finding (true where the feature supports the verdict). Features that do
// not apply to a finding are absent.
type Confidence struct {
	Value    float64         `json:"value"`
	Features map[string]bool `json:"features"`
	// LoweredBy lists, sorted, the failing features that lowered Value (a
	// failing feature with no measured effect is not listed).
	LoweredBy []string `json:"lowered_by,omitempty"`
}

// Near is a provision that comes close to a requirement found as a gap:
// the elements it has, the ones it lacks, and why words of a lacking
// element that it does contain did not count.
type Near struct {
	Statute   string   `json:"statute"`
	Provision string   `json:"provision"`
	Line      int      `json:"line"`
	Quote     string   `json:"quote"`
	Context   string   `json:"context,omitempty"` // the lead-in the quoted clause completes (see Evidence)
	Has       []string `json:"has"`
	Lacks     []string `json:"lacks"`
	Notes     []string `json:"notes,omitempty"`
	// NoteReasons are the notes as reasons, one per note (rendered to Notes).
	NoteReasons []reason.Reason `json:"note_reasons,omitempty"`
}

// StatuteRef identifies one statute version analysed.
type StatuteRef struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	VersionDate string `json:"version_date"`
	SHA256      string `json:"sha256"`
	Path        string `json:"path"`
	Language    string `json:"language"`
}

// InstrumentScore is the score over the requirements one instrument imposes.
type InstrumentScore struct {
	Instrument string  `json:"instrument"`
	Short      string  `json:"short"`
	Bound      bool    `json:"bound"` // the country is a party
	Score      float64 `json:"score"` // 0–100
	Met        int     `json:"met"`
	Total      int     `json:"total"`
}

// Scores are the aggregate figures, each 0–100.
type Scores struct {
	Overall     float64            `json:"overall"`
	Pillars     map[string]float64 `json:"pillars"` // prosecution, protection, prevention, partnership
	Instruments []InstrumentScore  `json:"instruments"`
	Treaty      float64            `json:"treaty"` // over instruments the country is bound by
	Enforcement float64            `json:"enforcement"`
	Counts      map[Verdict]int    `json:"counts"`
	// Explain lists, in order, how each figure was computed (--explain).
	Explain []string `json:"explain,omitempty"`
	// ExplainReasons are the Explain lines as reason codes, one per line,
	// so a pack renders them in its language (RenderReasons); not part
	// of the JSON contract.
	ExplainReasons []reason.Reason `json:"-"`
}

// Result is the JSON contract of `lacuna analyze`.
type Result struct {
	LacunaVersion  string        `json:"lacuna_version"`
	MappingVersion string        `json:"mapping_version"`
	Country        string        `json:"country"`
	AsOf           string        `json:"as_of"`
	Statutes       []StatuteRef  `json:"statutes"`
	Findings       []Finding     `json:"findings"` // sorted by requirement ID
	Penalties      []penalty.Row `json:"penalties"`
	Scores         Scores        `json:"scores"`
	Overrides      []Override    `json:"overrides,omitempty"`
	// Warnings name what the analysis could not read as intended: a
	// statute in a language without a lexicon (its provisions are read
	// with every other language's phrases and the map's English terms).
	Warnings []string `json:"warnings,omitempty"`
	// LexiconHash is the hash of the lexicon the engine read (not part of
	// the JSON contract; recorded with a saved run).
	LexiconHash string `json:"-"`
}

// Finding returns the finding for a requirement ID, or nil.
func (r *Result) Finding(id string) *Finding {
	for i := range r.Findings {
		if r.Findings[i].Requirement == id {
			return &r.Findings[i]
		}
	}
	return nil
}

// MarshalJSON writes the arrays the JSON contract documents (evidence,
// found, missing, external_refs) as [] when empty, never null.
func (f Finding) MarshalJSON() ([]byte, error) {
	type plain Finding
	p := plain(f)
	if p.Evidence == nil {
		p.Evidence = []Evidence{}
	}
	if p.Found == nil {
		p.Found = []string{}
	}
	if p.Missing == nil {
		p.Missing = []string{}
	}
	if p.ExternalRefs == nil {
		p.ExternalRefs = []ExternalRef{}
	}
	return json.Marshal(p)
}
