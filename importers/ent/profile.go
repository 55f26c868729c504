package ent

import (
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// guessProfile says whose file this is. The file name is the school's own statement
// (CSV_Eleves.csv, Teachers.csv), so it comes first; then the headers, which tell parents (child
// columns) and teachers or staff (a function column, with or without classes) apart, and a
// starred birth date with classes is the students template. Guests have the students' columns
// and can only be told by name.
func guessProfile(name string, h *table.Header) (model.Profile, bool) {
	if p, ok := roster.ProfileFromName(name); ok {
		return p, true
	}
	switch {
	case h.Has(colChildLast) || h.Has(colChildFirst) || h.Has(colChildID):
		return model.Parent, true
	case h.Has(colFunction) && h.Has(colClasses):
		return model.Teacher, true
	case h.Has(colFunction):
		return model.Staff, true
	case h.Has(colBirthDate) && h.Has(colClasses) && h.Starred[h.Index(colBirthDate)]:
		return model.Student, true
	}
	return model.ProfileUnknown, false
}
