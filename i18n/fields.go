package i18n

import "rollcall/model"

// UserField names a user field in the catalogue's language, for every face that shows one to a
// person (import diffs, provenance, merges); model.FieldNames stays the stable name for JSON.
func (c *Catalog) UserField(f model.Field) string {
	t := c.ImportScreen
	names := map[model.Field]string{
		model.FieldLastName: c.Fields.LastName, model.FieldFirstName: c.Fields.FirstName,
		model.FieldEmail: c.Fields.Email, model.FieldBirthDate: c.Fields.BirthDate,
		model.FieldClasses: t.FieldClasses, model.FieldGroups: t.FieldGroups,
		model.FieldProfile: c.Fields.Profile, model.FieldLogin: t.FieldLogin,
		model.FieldChildren: t.FieldChildren, model.FieldLanguage: c.Fields.Language,
		model.FieldFunctions: c.Schools.Functions, model.FieldSubjects: c.Schools.Subjects,
	}
	if s, ok := names[f]; ok {
		return s
	}
	return model.FieldNames[f]
}
