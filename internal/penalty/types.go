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
	// mitigated, legal_person).
	Aggravations []Variant `json:"aggravations,omitempty"`
	// Relative is set when the sanction is stated relative to another one
	// ("la pena superior en grado a la prevista en el apartado 1"):
	// "higher_degree", "upper_half", "lower_degree", "increase_third_to_half",
	// "double" or "half". The terms are then nil; ResolveRelative computes
	// them from the base sanction.
	Relative string `json:"relative,omitempty"`
	// Start and End are byte offsets of the sanction words in the text given
	// to Parse, for quoting.
	Start int `json:"-"`
	End   int `json:"-"`
}

// HasImprisonment reports whether any custodial term is stated.
func (p Penalty) HasImprisonment() bool { return p.Life || p.MinMonths != nil || p.MaxMonths != nil }

// Row is one penalty fact as exported (JSON contract of `lacuna analyze`).
type Row struct {
	Statute   string  `json:"statute"`
	Provision string  `json:"provision"`
	Line      int     `json:"line"`
	Offence   string  `json:"offence"` // trafficking, sale_of_children, forced_labour, related
	Penalty           // flattened
	Quote     *string `json:"quote"`
}
