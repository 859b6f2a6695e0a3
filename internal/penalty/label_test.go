package penalty

import "testing"

// TestLabel checks that a row names the offence its provision names, on
// headings and clauses written for this test.
func TestLabel(t *testing.T) {
	tests := []struct {
		name, class, heading, text, want string
	}{
		{"forced prostitution is not forced labour", "forced_labour", "Forced prostitution", "", LabelForcedProstitution},
		{"German compound caption", "forced_labour", "Zwangsprostitution und Zuhälterei", "", LabelForcedProstitution},
		{"forced labour caption", "forced_labour", "Forced or compulsory labour", "", LabelForcedLabour},
		{"slave trade", "forced_labour", "Carrying slaves by sea", "", LabelSlavery},
		{"debt bondage beats servitude in one phrase", "forced_labour", "Servitude pour dettes", "", LabelDebtBondage},
		{"several offences give the class", "forced_labour", "Slavery, servitude and forced labour", "", LabelForcedLabour},
		{"heading silent, clause decides", "forced_labour", "Offences against liberty",
			"Whoever holds another person in peonage shall be punished with imprisonment for ten years.", LabelPeonage},
		{"heading wins over clause", "forced_labour", "Explotación laboral",
			"El que someta a otro a trabajos forzados será castigado con prisión de dos a seis años.", LabelLabourExploitation},
		{"nothing named gives the class", "forced_labour", "Aggravating circumstances", "If the victim is a child, imprisonment for twelve years.", LabelForcedLabour},
		{"other classes are their own label", "trafficking", "Trafficking for forced labour", "", LabelTrafficking},
		{"sale of children", "sale_of_children", "Sale of a child into servitude", "", LabelSaleOfChildren},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Label(tc.class, tc.heading, tc.text); got != tc.want {
				t.Errorf("Label(%q, %q, …) = %q, want %q", tc.class, tc.heading, got, tc.want)
			}
		})
	}
}
