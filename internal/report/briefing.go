package report

import "io"

// Renderer writes a briefing in one output format (Markdown, HTML, PDF).
type Renderer interface {
	Render(w io.Writer, b *Briefing) error
}

// Briefing is the format-neutral briefing pack: everything a template may
// show, already sorted and formatted, so that templates hold no logic beyond
// layout. Slices are never nil after Build, and their order is fixed (by
// requirement ID, position or date), so the same inputs give the same pack.
type Briefing struct {
	Title        string // "Anti-trafficking law: gap analysis"
	Lang         string // the pack's language: en, fr, es
	Country      string // ISO code as in the corpus ("KEN")
	CountryName  string // "Kenya", or the code when no name is known
	Date         string // report date, YYYY-MM-DD (from the caller's clock)
	AsOf         string // the as-of date of the analysis, "" = latest versions
	ReviewStatus string // one sentence: machine analysis, or how many findings a reviewer decided

	Cover   Cover
	Summary Summary
	Method  []string // paragraphs: how the scores are computed
	Limits  []string // paragraphs: what the analysis cannot tell
	// MapNote, in a pack whose map texts are translated, says they are
	// unofficial translations; the templates print it where the
	// statements, recommendations and model provisions appear.
	MapNote       string
	Scorecard     Scorecard
	Requirements  []RequirementRow
	Gaps          []GapSheet
	Penalties     Penalties
	Ratifications []RatificationRow
	Reviews       []ReviewRow
	Annex         []AnnexEntry
	Provenance    Provenance
	// Timeline is the score across statute versions (amendments template);
	// nil when no history was computed.
	Timeline *Timeline

	loc *Locale // the language of the pack; nil = English
}

// Locale returns the language the pack is written in.
func (b *Briefing) Locale() *Locale {
	if b.loc == nil {
		return english()
	}
	return b.loc
}

// Words returns the words the renderers draw outside the template, in the
// pack's language.
func (b *Briefing) Words() Words { return b.Locale().Words() }

// Cover is the data of the cover page.
type Cover struct {
	Title        string
	Subtitle     string
	Country      string // "Kenya (KEN)"
	Date         string
	AsOf         string
	Statutes     []StatuteLine
	MapVersion   string
	ToolVersion  string
	ReviewStatus string
	Language     string // the pack's language, named in it ("English", "français")
	// QuoteNote says once that quotations keep the statutes' language when
	// it is not the pack's; "" when it is.
	QuoteNote string
}

// StatuteLine names one statute version analysed.
type StatuteLine struct {
	ID          string
	Title       string
	Citation    string
	VersionDate string
	Language    string
	Excerpt     bool // the file holds an excerpt, not the whole statute
	ExcerptNote string
}

// PillarScore is the score of one pillar.
type PillarScore struct {
	Pillar string // prosecution, protection, prevention, partnership
	Label  string // "Prosecution"
	Score  float64
	Met    int
	Total  int
}

// VerdictCount is how many findings have one verdict.
type VerdictCount struct {
	Verdict string
	Label   string // "Met", "Partial", …
	Count   int
}

// GapRef points at one gap sheet from the summary.
type GapRef struct {
	ID       string
	Title    string
	Verdict  string
	Weight   float64
	Severity float64 // weight × verdict severity: what orders the gravest gaps
	Anchor   string  // "gap-def-acts"
	Sources  string  // "Palermo Protocol 3(a); CoE Convention 4(a)"
	Ask      string  // the recommendation, for the advocacy template
	Missing  []string
	// Provisions are the national provisions quoted on the sheet
	// ("ken/ctip-act-2010 s3(3)"): where an amendment would go.
	Provisions []string
}

// Strength is one requirement the law meets, with its best citation.
type Strength struct {
	ID       string
	Title    string
	Weight   float64
	Citation string // "ken/ctip-act-2010 s3(1), line 45"
}

// Summary is the executive summary.
type Summary struct {
	Overall     float64
	Treaty      float64
	Enforcement float64
	Pillars     []PillarScore
	Counts      []VerdictCount
	Findings    int // number of requirements assessed
	Gravest     []GapRef
	Strengths   []Strength
	// GapCount is the number of gap sheets (gap, partial, contrary, undetermined).
	GapCount int
	// Amend lists the sheets that quote a national provision (the law says
	// something that falls short); NewProvisions the titles of those where
	// nothing was found, so a new provision is needed. Both by gravity.
	Amend         []GapRef
	NewProvisions []string
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value float64 // 0–100
	Note  string  // "12/20 met", "party"
}

// Scorecard holds the chart data and verdict counts.
type Scorecard struct {
	ByPillar     []Bar
	ByInstrument []Bar
	Counts       []VerdictCount
	Explain      []string // how each figure was computed, when the engine says
	// ExplainOmitted: the engine's computation lines exist but have no
	// reason codes (a result read back from JSON), so a pack in another
	// language points to them instead of showing English.
	ExplainOmitted bool
}

// RequirementRow is one row of the requirement table.
type RequirementRow struct {
	ID             string
	Title          string
	Pillar         string
	Verdict        string
	MachineVerdict string
	Reviewed       bool
	Weight         float64
	Score          float64
	Sources        string // "Palermo Protocol 3(a); CoE Convention 4(a)"
	Citation       string // first evidence, "" when none
	Anchor         string // gap sheet anchor, "" when the requirement has no sheet
	ReviewNeeded   bool   // the machine verdict is a best guess a person should check
}

// SourceArticle is one instrument article a requirement derives from.
type SourceArticle struct {
	Instrument string // "palermo"
	Short      string // "Palermo Protocol"
	Article    string // "3(a)"
	Summary    string // the map's summary of the article, "" when not listed
	Bound      bool   // the country is a party
	Status     string // party, signatory, not-party, unknown
}

// Quote is one quoted national provision.
type Quote struct {
	Statute      string // statute ID
	StatuteTitle string
	VersionDate  string
	Provision    string
	Line         int
	Path         string
	Text         string // the quoted words, as in the source
	Element      string // the element it proves, "" when none
	Note         int    // footnote number (1-based, unique in the pack)
	Citation     string // "ken/ctip-act-2010 s3(1), line 45"
}

// Reference is a law outside the corpus that decides a point.
type Reference struct {
	Law       string
	Statute   string
	Provision string
	Line      int
	Text      string
	Citation  string
}

// GapSheet is the sheet of one gap, partial, contrary or undetermined finding.
type GapSheet struct {
	ID             string
	Anchor         string
	Title          string
	Statement      string
	Pillar         string
	Verdict        string
	MachineVerdict string
	Origin         string // machine or review
	Weight         float64
	Severity       float64
	Mandatory      bool
	ChildSpecific  bool
	Sources        []SourceArticle
	Evidence       []Quote
	Found          []string
	Missing        []string
	Explanation    string
	// NothingFound: no evidence and the engine found none of the words;
	// the sheet says so once ("Nothing in the corpus analysed addresses
	// this requirement") and does not echo the explanation.
	NothingFound   bool
	References     []Reference
	Recommendation string
	ModelProvision string
	Review         *ReviewRow
	// Confidence is the machine verdict's confidence (0–1); Weak names, for
	// a reader, the features of the finding that fail.
	Confidence float64
	Weak       []string
	// ReviewNeeded holds the reasons a person should read Candidate before
	// relying on the machine verdict; empty when no review is needed.
	ReviewNeeded []string
	Candidate    *Quote
	// Nearest lists, for a gap, the provisions that come closest and what
	// each lacks; NearestNone says why there is none.
	Nearest     []NearRow
	NearestNone string
}

// NearRow is a provision that comes close to a requirement found as a gap.
type NearRow struct {
	Citation string // "xea/ctip-act s3(1), line 60"
	Text     string // the quoted words
	Has      []string
	Lacks    []string
	Notes    []string // why words of a lacking element did not count
}

// PenaltyRow is one penalty fact, set against the thresholds.
type PenaltyRow struct {
	Statute         string
	Provision       string
	Line            int
	Offence         string // trafficking, sale_of_children, forced_labour, related
	OffenceLabel    string // the offence as the provision names it (penalty.Label): forced_prostitution, slavery, …
	Variant         string
	Min             string // "5 years", "—"
	Max             string // "15 years", "life", "—"
	Fine            string // "or a fine", "and a fine", "—"
	FineAlternative bool
	MeetsSerious    string // "yes", "no", "—" (no maximum stated)
	Citation        string
	Quote           string
}

// Threshold is one numeric threshold of the map.
type Threshold struct {
	Requirement string
	Key         string
	Label       string // "maximum imprisonment of at least 4 years"
	Value       string // "48 months"
}

// Penalties are the penalty facts and the thresholds they are measured by.
type Penalties struct {
	Rows       []PenaltyRow
	Thresholds []Threshold
	// SeriousMonths is the threshold applied to MeetsSerious (48 by default).
	SeriousMonths float64
}

// RatificationRow is the country's status for one instrument of the map.
type RatificationRow struct {
	Instrument string
	Short      string
	Title      string
	Kind       string
	Status     string // party, signatory, not-party, unknown
	Date       string
	Source     string
	Score      float64
	Met        int
	Total      int
	HasScore   bool
}

// ReviewRow is one reviewer decision.
type ReviewRow struct {
	Requirement    string
	MachineVerdict string
	Verdict        string
	Rationale      string
	Reviewer       string
	Date           string
	Expires        string
	Expired        bool
	// Stale says why a decision no longer applies (the law or the machine
	// verdict changed since it was made); "" when it applies.
	Stale  string
	Source string
}

// AnnexEntry is one quoted provision with the requirements that cite it.
type AnnexEntry struct {
	Statute     string
	VersionDate string
	Provision   string
	Line        int
	Text        string
	CitedBy     []string
}

// ProvenanceFile is one input file and its digest.
type ProvenanceFile struct {
	Statute     string
	Path        string
	SHA256      string
	VersionDate string
	Language    string
	Source      string // source URL or repository, from the front matter
	Licence     string
}

// Provenance says exactly what the pack was computed from.
type Provenance struct {
	Files        []ProvenanceFile
	ToolVersion  string
	MapVersion   string
	AsOf         string
	Generated    string
	Requirements int
	Instruments  int
}
