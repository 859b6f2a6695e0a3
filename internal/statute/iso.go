package statute

// ValidCountry reports whether code is an officially assigned ISO 3166-1
// alpha-3 code or one of the user-assigned ranges AAA–AAZ, QMA–QZZ, XAA–XZZ
// and ZZA–ZZZ (for fictional or internal corpora). Codes are upper case.
func ValidCountry(code string) bool {
	if len(code) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	_, ok := byAlpha3[code]
	return ok || UserAssignedCountry(code)
}

// UserAssignedCountry reports whether code lies in one of the ISO 3166-1
// alpha-3 ranges reserved for users: AAA–AAZ, QMA–QZZ, XAA–XZZ, ZZA–ZZZ.
func UserAssignedCountry(code string) bool {
	if len(code) != 3 {
		return false
	}
	switch {
	case code[:2] == "AA":
		return true
	case code[0] == 'Q' && code[1] >= 'M' && code[1] <= 'Z':
		return true
	case code[0] == 'X':
		return code[1] >= 'A' && code[1] <= 'Z' && code[2] >= 'A' && code[2] <= 'Z'
	case code[:2] == "ZZ":
		return true
	}
	return false
}
