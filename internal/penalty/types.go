package penalty

// Variant names an aggravated form of an offence.
type Variant string

const (
	VariantBasic      Variant = "basic"
	VariantChild      Variant = "child_victim"
	VariantDeath      Variant = "death"
	VariantOrganised  Variant = "organised_group"
	VariantOfficial   Variant = "public_official"
	VariantAggravated Variant = "aggravated" // other aggravating circumstances

	// VariantMitigated marks a lesser penalty for less serious cases ("in
	// minder schweren Fällen", "réduite de moitié"): not the basic offence.
	VariantMitigated Variant = "mitigated"
	// VariantLegalPerson marks a sanction for bodies corporate.
	VariantLegalPerson Variant = "legal_person"
	// VariantSubsequent marks a sanction given only on a repeat conviction
	// ("on a second or subsequent conviction", "im Wiederholungsfall", "en
	// cas de récidive", "en caso de reincidencia"): never the penalty of the
	// basic offence, which a first offender faces.
	VariantSubsequent Variant = "subsequent_conviction"
	// VariantSummary marks the sanction on summary conviction when the same
	// text also states one on conviction on indictment: the indictment
	// sanction is then the offence's penalty (basic or aggravated) and the
	// summary one this variant. A sanction stated for summary conviction
	// alone keeps its variant and has Procedure "summary".
	VariantSummary Variant = "summary_conviction"
)

// Procedure values: the mode of trial a sanction is stated for.
const (
	ProcIndictment = "indictment" // "on conviction on indictment"
	ProcSummary    = "summary"    // "on summary conviction", "summarily"
)

// Penalty is the sanction stated in one clause. Pointer fields are nil where
// the text does not state them.
type Penalty struct {
	MinMonths       *float64 `json:"min_months"`
	MaxMonths       *float64 `json:"max_months"`
	Life            bool     `json:"life"`
	FineAlternative bool     `json:"fine_alternative"` // a fine can replace imprisonment ("or a fine", "or both")
	FineCumulative  bool     `json:"fine_cumulative"`  // a fine is added to imprisonment ("and a fine")
	FineMin         *float64 `json:"fine_min"`
	FineMax         *float64 `json:"fine_max"`
	Currency        *string  `json:"currency"` // ISO 4217 where known ("EUR", "KES"), else as written
	Variant         Variant  `json:"variant"`
	// Aggravations lists every aggravating circumstance found around the
	// sanction, most specific first; Variant is its first element (or basic,
	// mitigated, legal_person, subsequent_conviction, summary_conviction).
	Aggravations []Variant `json:"aggravations,omitempty"`
	// Relative is set when the sanction is stated relative to another one
	// ("la pena superior en grado a la prevista en el apartado 1"):
	// "higher_degree", "upper_half", "lower_degree", "increase_third_to_half",
	// "double", "half" or "additional". The terms are then nil; ResolveRelative computes
	// them from the base sanction.
	Relative string `json:"relative,omitempty"`
	// AddedMonths is the term a relative sanction adds to the base term
	// (Relative "additional": "an additional two years of imprisonment");
	// ResolveRelative adds it to the base maximum.
	AddedMonths *float64 `json:"added_months,omitempty"`
	// Grade is set when the custody is a grade of the code's scale named
	// without its term ("reclusión mayor en su grado medio"); the terms are
	// then nil until Scale.Resolve gives them.
	Grade *Grade `json:"grade,omitempty"`
	// Procedure is the mode of trial the sanction is stated for
	// (ProcIndictment, ProcSummary), empty when the text names none.
	Procedure string `json:"procedure,omitempty"`
	// Start and End are byte offsets of the sanction words in the text given
	// to Parse, for quoting.
	Start int `json:"-"`
	End   int `json:"-"`
}

// HasImprisonment reports whether any custodial term is stated.
func (p Penalty) HasImprisonment() bool { return p.Life || p.MinMonths != nil || p.MaxMonths != nil }

// Custodial reports whether the sanction is custody, with its term stated
// or only named by a grade of the code's scale.
func (p Penalty) Custodial() bool { return p.HasImprisonment() || p.Grade != nil }

// Row is one penalty fact as exported (JSON contract of `lacuna analyze`).
type Row struct {
	Statute   string `json:"statute"`
	Provision string `json:"provision"`
	Line      int    `json:"line"`
	Offence   string `json:"offence"` // trafficking, sale_of_children, forced_labour, related
	// OffenceLabel names the offence the row punishes, from the provision's
	// own heading or wording (see Label): finer than Offence, so that forced
	// prostitution is not called forced labour.
	OffenceLabel string  `json:"offence_label,omitempty"`
	Penalty              // flattened
	Quote        *string `json:"quote"`
}
