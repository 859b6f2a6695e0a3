package penalty

// The package-level functions read with the embedded lexicon
// (MustDefault), for callers with no lexicon of their own (tests, tools);
// the engine calls the methods of the Lexicon compiled from the map's
// lexicon (--mapping, --lexicon).

// Classify is Lexicon.Classify with the embedded lexicon.
func Classify(text, lang string) Offence { return MustDefault().Classify(text, lang) }

// DetectVariant is Lexicon.DetectVariant with the embedded lexicon.
func DetectVariant(text, lang string) (Variant, []Variant) {
	return MustDefault().DetectVariant(text, lang)
}

// Label is Lexicon.Label with the embedded lexicon.
func Label(class, heading, text string) string { return MustDefault().Label(class, heading, text) }

// ParseNumber is Lexicon.ParseNumber with the embedded lexicon.
func ParseNumber(word string, lang string) (int, bool) { return MustDefault().ParseNumber(word, lang) }

// ParseDuration is Lexicon.ParseDuration with the embedded lexicon.
func ParseDuration(text string, lang string) (int, string, bool) {
	return MustDefault().ParseDuration(text, lang)
}

// Quantities is Lexicon.Quantities with the embedded lexicon.
func Quantities(text, lang string) []Quantity { return MustDefault().Quantities(text, lang) }

// Parse is Lexicon.Parse with the embedded lexicon.
func Parse(text, lang string) []Penalty { return MustDefault().ParseFor(text, lang, "") }

// ParseFor is Lexicon.ParseFor with the embedded lexicon.
func ParseFor(text, lang, country string) []Penalty {
	return MustDefault().ParseFor(text, lang, country)
}
