package model

// Profile is the role a directory user has in a school.
type Profile uint8

// The profiles, in the order lists and filters show them.
const (
	ProfileUnknown Profile = iota
	Student
	Teacher
	Parent
	Staff
	Guest
)

// Profiles lists every real profile.
var Profiles = []Profile{Student, Teacher, Parent, Staff, Guest}

var profileNames = [...]string{"", "student", "teacher", "parent", "staff", "guest"}

// String returns the stable English identifier used in files, JSON and flags.
func (p Profile) String() string {
	if int(p) < len(profileNames) {
		return profileNames[p]
	}
	return ""
}

// ParseProfile accepts the identifiers of String plus the French and export spellings
// schools use ("élève", "Enseignant", "Personnel", "Relative", "guardian", ...).
func ParseProfile(s string) (Profile, bool) {
	switch foldLower(s) {
	case "student", "students", "eleve", "eleves", "learner", "pupil":
		return Student, true
	case "teacher", "teachers", "enseignant", "enseignants", "professeur", "prof", "instructor":
		return Teacher, true
	case "parent", "parents", "relative", "responsable", "responsables", "guardian", "tuteur":
		return Parent, true
	case "staff", "personnel", "personnels", "administrator", "aide":
		return Staff, true
	case "guest", "guests", "invite", "invites":
		return Guest, true
	}
	return ProfileUnknown, false
}

// MarshalText makes profiles readable in JSON.
func (p Profile) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText parses what MarshalText wrote.
func (p *Profile) UnmarshalText(b []byte) error {
	v, ok := ParseProfile(string(b))
	if !ok && len(b) > 0 {
		return &ValidationError{Field: "profile", Rule: RuleUnknownValue, Value: string(b)}
	}
	*p = v
	return nil
}
