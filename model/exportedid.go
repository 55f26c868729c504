package model

import "strings"

// exportedIDPrefix starts every id Rollcall mints for the roster sets it exports. Roster ids
// are the platforms' own (a SIS's GUIDs, numbers, codes): none starts with it.
const exportedIDPrefix = "rollcall-"

// The kinds of records an exported roster set names by an id Rollcall mints.
const (
	ExportedUser       = "user"
	ExportedClass      = "class"
	ExportedOrg        = "org"
	ExportedCourse     = "course"     // one course per class: OneRoster classes need one
	ExportedEnrollment = "enrollment" // a user in a class: both ids
	ExportedRole       = "role"       // OneRoster 1.2's roles.csv: one primary role per user
	ExportedYear       = "year"       // the school year, by the calendar year it ends in
)

// ExportedID is the id a roster export (OneRoster, SDS) gives a record that has no id of that
// platform's own: its kind and its Rollcall ids, so it is the same in every export and an
// import reads it back as Rollcall's own record ("rollcall-user-42", "rollcall-enrollment-42-7").
func ExportedID(kind string, ids ...ID) string {
	var b strings.Builder
	b.WriteString(exportedIDPrefix)
	b.WriteString(kind)
	for _, id := range ids {
		b.WriteByte('-')
		b.WriteString(id.String())
	}
	return b.String()
}

// ParseExportedID reads an id ExportedID made of one record ("rollcall-class-7"): its kind and
// Rollcall id. Anything else, a platform's own id included, is not ok.
func ParseExportedID(s string) (kind string, id ID, ok bool) {
	rest, found := strings.CutPrefix(s, exportedIDPrefix)
	if !found {
		return "", 0, false
	}
	kind, num, found := strings.Cut(rest, "-")
	if !found || kind == "" {
		return "", 0, false
	}
	id, ok = ParseID(num)
	if !ok || num != id.String() {
		return "", 0, false
	}
	return kind, id, true
}

// ExportedIDOf returns the Rollcall id s names when it is ExportedID(kind, id).
func ExportedIDOf(kind, s string) (ID, bool) {
	k, id, ok := ParseExportedID(s)
	return id, ok && k == kind
}
