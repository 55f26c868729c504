package i18n

import "rollcall/model"

// UserField names a user field in the catalogue's language, for every face that shows one to a
// person (import diffs, provenance, merges); model.FieldNames stays the stable name for JSON.
func (c *Catalog) UserField(f model.Field) string {
	t := c.ImportScreen
	switch f {
	case model.FieldLastName:
		return c.Fields.LastName
	case model.FieldFirstName:
		return c.Fields.FirstName
	case model.FieldEmail:
		return c.Fields.Email
	case model.FieldBirthDate:
		return c.Fields.BirthDate
	case model.FieldClasses:
		return t.FieldClasses
	case model.FieldGroups:
		return t.FieldGroups
	case model.FieldProfile:
		return c.Fields.Profile
	case model.FieldLogin:
		return t.FieldLogin
	case model.FieldChildren:
		return t.FieldChildren
	case model.FieldLanguage:
		return c.Fields.Language
	case model.FieldFunctions:
		return c.Schools.Functions
	case model.FieldSubjects:
		return c.Schools.Subjects
	}
	return model.FieldNames[f]
}
