package standard

import "fmt"

// Pos is a position in a map file: 1-based line and column.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

func (p Pos) String() string {
	if p.Col == 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// RequirementID is a stable, citable requirement ID such as
// "def.child-no-means". Core IDs are fixed by CORE-REQUIREMENTS.md.
type RequirementID string

func (id RequirementID) String() string { return string(id) }

// InstrumentID names an instrument: "palermo", "untoc", "crc", "opsc",
// "opac", "ilo-c182", "ilo-c29", "ilo-p29", "coe", "eu-2011-36", "tvpa".
type InstrumentID string

// Pillar is one of the four Ps.
type Pillar string

const (
	Prosecution Pillar = "prosecution"
	Protection  Pillar = "protection"
	Prevention  Pillar = "prevention"
	Partnership Pillar = "partnership"
)

// Pillars lists the pillars in report order.
var Pillars = []Pillar{Prosecution, Protection, Prevention, Partnership}

// InstrumentKind tells treaties from regional law and benchmarks.
type InstrumentKind string

const (
	KindTreaty    InstrumentKind = "treaty"
	KindRegional  InstrumentKind = "regional"
	KindBenchmark InstrumentKind = "benchmark"
)

// Article is one article (or paragraph) of an instrument that the map cites.
type Article struct {
	Number        string `yaml:"number" json:"number"` // "3", "3(a)", "5(2)(c)", "7106(a)(2)"
	Summary       string `yaml:"summary" json:"summary"`
	ChildSpecific bool   `yaml:"child_specific" json:"child_specific,omitempty"`
	Pos           Pos    `yaml:"-" json:"-"`
}

// Instrument is a treaty, regional instrument or benchmark.
type Instrument struct {
	ID             InstrumentID   `yaml:"id" json:"id"`
	Title          string         `yaml:"title" json:"title"`
	Short          string         `yaml:"short" json:"short"` // "Palermo Protocol"
	Kind           InstrumentKind `yaml:"kind" json:"kind"`
	Adopted        string         `yaml:"adopted" json:"adopted"`
	EntryIntoForce string         `yaml:"entry_into_force" json:"entry_into_force,omitempty"`
	// TextFile is the file name of the instrument text in an --instruments
	// directory (e.g. "palermo-protocol-2000.md"), for quoting articles.
	TextFile string    `yaml:"text_file" json:"text_file,omitempty"`
	Articles []Article `yaml:"articles" json:"articles"`
	Pos      Pos       `yaml:"-" json:"-"`
}

// Source ties a requirement to an instrument article: the crosswalk.
type Source struct {
	Instrument InstrumentID `yaml:"instrument" json:"instrument"`
	Article    string       `yaml:"article" json:"article"`
	Pos        Pos          `yaml:"-" json:"-"`
}

// Role is a provision role that criteria can be scoped to.
type Role string

const (
	RoleDefinition    Role = "definition"
	RoleOffence       Role = "offence"
	RolePenalty       Role = "penalty"
	RoleProtection    Role = "protection"
	RoleInstitutional Role = "institutional"
	RoleProcedural    Role = "procedural"
	RoleAny           Role = "any"
)

// CriterionKind is the closed set of pattern kinds an element may use.
type CriterionKind string

const (
	// CritKeyword matches any of the terms; a trailing * makes a term a stem
	// ("recruit*" matches recruits, recruitment). Multi-word terms are phrases
	// whose words may each carry a *.
	CritKeyword CriterionKind = "keyword"
	// CritPhrase matches an exact word sequence (after case and diacritic
	// folding), e.g. "position of vulnerability".
	CritPhrase CriterionKind = "phrase"
	// CritNear matches when a term of Terms and a term of With occur within
	// Within words of each other in one segment.
	CritNear CriterionKind = "near"
	// CritRegex matches a Go regular expression against the folded text.
	CritRegex CriterionKind = "regex"
	// CritDefines matches a provision that defines one of the terms
	// ('"child" means', 'se entiende por'), via the index of defined terms.
	CritDefines CriterionKind = "defines"
	// CritCrossRef matches a provision that refers to another law on the
	// point (used for undetermined verdicts).
	CritCrossRef CriterionKind = "cross-ref"
)

// CriterionKinds lists the allowed criterion kinds.
var CriterionKinds = []CriterionKind{CritKeyword, CritPhrase, CritNear, CritRegex, CritDefines, CritCrossRef}

// Pattern is one way to detect an element, in one or more languages.
// Terms and With are keyed by language ("en", "fr", "de", "es"); the key "*"
// applies to every language.
type Pattern struct {
	Kind   CriterionKind       `yaml:"kind" json:"kind"`
	Terms  map[string][]string `yaml:"terms" json:"terms,omitempty"`
	With   map[string][]string `yaml:"with" json:"with,omitempty"`     // CritNear only
	Within int                 `yaml:"within" json:"within,omitempty"` // CritNear only, words
	// Referred lets a With term sit in a provision of the same section the
	// segment refers to (CritNear only): a child-trafficking clause that
	// takes its purposes from "(Abs. 3)" or "subsection (1)" reads them as
	// its own. For context words only, never for a tight phrase.
	Referred bool              `yaml:"referred" json:"referred,omitempty"`
	Regex    map[string]string `yaml:"regex" json:"regex,omitempty"` // CritRegex only
	Pos      Pos               `yaml:"-" json:"-"`
}

// Element is one thing the law must contain for a requirement (e.g. the act
// "recruitment", the means "abuse of a position of vulnerability").
type Element struct {
	ID    string `yaml:"id" json:"id"`
	Label string `yaml:"label" json:"label"`
	Roles []Role `yaml:"roles" json:"roles,omitempty"` // empty = any
	// NotRoles vetoes a provision holding one of these roles unless it
	// also holds one the element lists in Roles: [offence] keeps a duty or
	// a right from being proved by an offence that merely names its subject
	// ("falsifies the register of births" is no duty to register births).
	NotRoles []Role    `yaml:"not_roles" json:"not_roles,omitempty"`
	Patterns []Pattern `yaml:"patterns" json:"patterns"`
	// Exclude patterns veto a hit in the same segment (e.g. "does not
	// include", "except", "nothing in this Act").
	Exclude []Pattern `yaml:"exclude" json:"exclude,omitempty"`
	// Caption lets a section's heading prove the element when no body text
	// does: a section captioned with one of the element's keyword terms
	// ("§ 232b Zwangsarbeit") whose body holds one of the element's roles.
	// Only for elements a caption can name in full (an offence such as
	// forced labour), never for one that turns on details of the body.
	Caption bool `yaml:"caption" json:"caption,omitempty"`
	// Required makes the requirement a gap (or undetermined, where the
	// corpus hands the point to another law) when this element is not
	// found, however many others are: crim.offence's forms of exploitation
	// prove nothing without a trafficking offence.
	Required bool `yaml:"required" json:"required,omitempty"`
	// Offence limits hits to provisions of a section whose offence is of
	// one of these classes (trafficking, sale_of_children, forced_labour):
	// an aggravation "by a public official" in a coercion offence is no
	// aggravation of trafficking. Empty for any provision.
	Offence []string `yaml:"offence" json:"offence,omitempty"`
	// Fact names an engine fact that proves the element when no pattern
	// finds it: "trafficking-offence" is an offence provision with the
	// structure of Palermo art. 3(a) (two or more of the acts for a purpose
	// of exploitation), whatever words name it. Empty for none.
	Fact string `yaml:"fact" json:"fact,omitempty"`
	// Prohibits says that the element's terms name conduct the law guards
	// against (publishing, disclosing a victim's identity): a negation
	// before them ("must not publish", "ne peut être divulguée") states the
	// protection instead of denying it.
	Prohibits bool `yaml:"prohibits" json:"prohibits,omitempty"`
	Pos       Pos  `yaml:"-" json:"-"`
}

// OffenceClasses are the classes an element's Offence may name.
var OffenceClasses = []string{"trafficking", "sale_of_children", "forced_labour"}

// FactTraffickingOffence is the fact of an offence provision with the
// structure of Palermo art. 3(a).
const FactTraffickingOffence = "trafficking-offence"

// ElementFacts are the facts an element may name in its fact key.
var ElementFacts = []string{FactTraffickingOffence}

// CheckKind names a built-in check implemented in Go (internal/match).
type CheckKind string

const (
	CheckChildNoMeans       CheckKind = "child-no-means"
	CheckChildAge           CheckKind = "child-age"
	CheckConsentIrrelevant  CheckKind = "consent-irrelevance"
	CheckPenaltyThreshold   CheckKind = "penalty-threshold"
	CheckFineAlternative    CheckKind = "fine-alternative"
	CheckChildAggravation   CheckKind = "child-aggravation"
	CheckReflectionPeriod   CheckKind = "reflection-period"
	CheckNonPunishmentScope CheckKind = "non-punishment-scope"
	CheckNoMovementRequired CheckKind = "no-movement-required"
)

// CheckKinds lists the allowed built-in checks.
var CheckKinds = []CheckKind{CheckChildNoMeans, CheckChildAge, CheckConsentIrrelevant,
	CheckPenaltyThreshold, CheckFineAlternative, CheckChildAggravation,
	CheckReflectionPeriod, CheckNonPunishmentScope, CheckNoMovementRequired}

// Combine says how many found elements make met or partial. Zero MetAt
// means "all elements"; zero PartialAt means "at least one".
type Combine struct {
	MetAt     int `yaml:"met_at" json:"met_at,omitempty"`
	PartialAt int `yaml:"partial_at" json:"partial_at,omitempty"`
	// NoPartial makes the requirement met-or-gap (core rules with "—" in the
	// partial column).
	NoPartial bool `yaml:"no_partial" json:"no_partial,omitempty"`
}

// Check invokes a built-in check with parameters.
type Check struct {
	Kind   CheckKind          `yaml:"kind" json:"kind"`
	Params map[string]float64 `yaml:"params" json:"params,omitempty"`
	Pos    Pos                `yaml:"-" json:"-"`
}

// Criteria is how a requirement is detected in statute text.
type Criteria struct {
	Elements []Element `yaml:"elements" json:"elements,omitempty"`
	Combine  Combine   `yaml:"combine" json:"combine"`
	Check    *Check    `yaml:"check" json:"check,omitempty"`
}

// Requirement is one citable standard a national law should meet.
type Requirement struct {
	ID             RequirementID      `yaml:"id" json:"id"`
	Title          string             `yaml:"title" json:"title"`
	Statement      string             `yaml:"statement" json:"statement"`
	Sources        []Source           `yaml:"sources" json:"sources"`
	Pillar         Pillar             `yaml:"pillar" json:"pillar"`
	Mandatory      bool               `yaml:"mandatory" json:"mandatory"`
	Weight         float64            `yaml:"weight" json:"weight"`
	ChildSpecific  bool               `yaml:"child_specific" json:"child_specific"`
	Enforcement    bool               `yaml:"enforcement" json:"enforcement,omitempty"` // counts in the enforcement sub-score
	Core           bool               `yaml:"-" json:"core,omitempty"`                  // listed in CORE-REQUIREMENTS.md
	Criteria       Criteria           `yaml:"criteria" json:"criteria"`
	Thresholds     map[string]float64 `yaml:"thresholds" json:"thresholds,omitempty"` // e.g. max_months_min: 48
	Recommendation string             `yaml:"recommendation" json:"recommendation"`
	ModelProvision string             `yaml:"model_provision" json:"model_provision"`
	Pos            Pos                `yaml:"-" json:"-"`
}

// RatificationStatus is party, signatory, not-party or unknown.
type RatificationStatus string

const (
	StatusParty     RatificationStatus = "party"
	StatusSignatory RatificationStatus = "signatory"
	StatusNotParty  RatificationStatus = "not-party"
	StatusUnknown   RatificationStatus = "unknown"
)

// Ratification is one country's participation in one instrument.
type Ratification struct {
	Country    string             `yaml:"country" json:"country"`
	Instrument InstrumentID       `yaml:"instrument" json:"instrument"`
	Status     RatificationStatus `yaml:"status" json:"status"`
	Date       string             `yaml:"date" json:"date,omitempty"`
	Source     string             `yaml:"source" json:"source,omitempty"`
	Note       string             `yaml:"note" json:"note,omitempty"`
	Pos        Pos                `yaml:"-" json:"-"`
}

// Map is the whole loaded map.
type Map struct {
	Version     string `json:"version"` // from mapping/map.yaml
	Description string `json:"description,omitempty"`
	// Partial is true for a map whose map.yaml says "partial: true": a
	// draft or test map exempt from the core-requirement check.
	Partial       bool           `json:"partial,omitempty"`
	Instruments   []*Instrument  `json:"instruments"`
	Requirements  []*Requirement `json:"requirements"` // sorted by ID
	Ratifications []Ratification `json:"ratifications"`
	// Lexicon is the language knowledge (lexicon/ beside the map, or the
	// one given in Options), nil when there is none.
	Lexicon *Lexicon `json:"-"`
	// LexiconHash is Lexicon.Hash, so that a hash of the map (the analysis
	// cache key, the run record) changes with the lexicon.
	LexiconHash string `json:"lexicon_hash,omitempty"`
}

// Requirement returns the requirement with the given ID, or nil.
func (m *Map) Requirement(id RequirementID) *Requirement {
	for _, r := range m.Requirements {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Instrument returns the instrument with the given ID, or nil.
func (m *Map) Instrument(id InstrumentID) *Instrument {
	for _, in := range m.Instruments {
		if in.ID == id {
			return in
		}
	}
	return nil
}

// BoundBy reports whether country is a party to instrument. Benchmarks and
// regional instruments bind nobody unless ratifications say so (EU law binds
// EU members: list them with status "party").
func (m *Map) BoundBy(country string, id InstrumentID) bool {
	for _, r := range m.Ratifications {
		if r.Country == country && r.Instrument == id {
			return r.Status == StatusParty
		}
	}
	return false
}
