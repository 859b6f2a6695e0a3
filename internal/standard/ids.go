package standard

import "fmt"

// ParseRequirementID checks that s is a well-formed requirement ID: a
// lower-case prefix and dotted name such as "def.child-no-means".
func ParseRequirementID(s string) (RequirementID, error) {
	if !reRequirementID.MatchString(s) {
		return "", fmt.Errorf("requirement ID %q is malformed, expected a lower-case prefix and dotted name such as def.child-no-means", s)
	}
	return RequirementID(s), nil
}

// ParseInstrumentID checks that s is a well-formed instrument ID such as
// "palermo" or "ilo-c182".
func ParseInstrumentID(s string) (InstrumentID, error) {
	if !reInstrumentID.MatchString(s) {
		return "", fmt.Errorf("instrument ID %q is malformed, expected lower-case words joined by hyphens such as ilo-c182", s)
	}
	return InstrumentID(s), nil
}

func (id InstrumentID) String() string { return string(id) }
