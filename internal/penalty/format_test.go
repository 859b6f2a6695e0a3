package penalty

import "testing"

func TestFormatTerm(t *testing.T) {
	tests := []struct {
		months float64
		want   string
	}{
		{360, "30 years"},
		{12, "1 year"},
		{30, "2 years 6 months"},
		{13, "1 year 1 month"},
		{6, "6 months"},
		{0.99, "30 days"}, // "thirty days" as the parser stores it
		{6.49, "6 months 15 days"},
		{0, "0"},
	}
	for _, tc := range tests {
		if got := FormatTerm(tc.months); got != tc.want {
			t.Errorf("FormatTerm(%v) = %q, want %q", tc.months, got, tc.want)
		}
	}
	// the terms the parser produces from words come back as written
	for _, text := range []string{"imprisonment for two years and six months", "imprisonment for thirty days"} {
		ps := Parse(text, "en")
		if len(ps) != 1 || ps[0].MaxMonths == nil {
			t.Fatalf("Parse(%q) = %v", text, ps)
		}
		want := map[string]string{"imprisonment for two years and six months": "2 years 6 months", "imprisonment for thirty days": "30 days"}[text]
		if got := FormatTerm(*ps[0].MaxMonths); got != want {
			t.Errorf("FormatTerm(Parse(%q)) = %q, want %q", text, got, want)
		}
	}
}
