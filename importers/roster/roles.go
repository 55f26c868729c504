package roster

import (
	"strings"

	"rollcall/model"
)

// RoleValues is the detail of RuleUnknownValue for a role.
const RoleValues = "student|teacher|parent|guardian|relative|administrator|aide|proctor"

// RoleProfile maps the roles of OneRoster (1.0 to 1.2) and SDS v2 / v2.1 (its default list of
// values) to profiles, ignoring case ("Student", "Professor"). Parents,
// guardians and relatives are all parents here: the directory has one profile for the adults a
// child goes home with. Administrators, aides, proctors and the other school roles are staff.
func RoleProfile(role string) (model.Profile, bool) {
	switch strings.ToLower(strings.TrimSpace(role)) {
	case "student", "learner":
		return model.Student, true
	case "teacher", "professor", "faculty", "instructor", "teachingassistant", "teacherassistant",
		"lecturer", "adjunct", "substitute":
		return model.Teacher, true
	case "parent", "guardian", "relative":
		return model.Parent, true
	case "administrator", "aide", "proctor", "districtadministrator", "siteadministrator",
		"systemadministrator", "principal", "counselor", "staff", "librarian", "nurse", "chair",
		"researcher", "affiliate", "occupationaltherapist", "physicaltherapist", "speechtherapist",
		"visiontherapist", "paraprofessional", "specialservices", "advisor", "officestaff",
		"itadmin", "assistant", "coach":
		return model.Staff, true
	case "guest", "visitor":
		return model.Guest, true
	}
	return model.ProfileUnknown, false
}
