package i18n

import (
	"testing"

	"rollcall/model"
)

// Every user field has a name a person reads, in each language, never its JSON name.
func TestEveryFieldHasAName(t *testing.T) {
	for _, lang := range []model.Language{model.English, model.French} {
		cat := For(lang)
		seen := map[string]model.Field{}
		for f, stable := range model.FieldNames {
			name := cat.UserField(f)
			if name == "" || name == stable {
				t.Errorf("%s: field %q is shown as %q", lang, stable, name)
			}
			if other, dup := seen[name]; dup {
				t.Errorf("%s: fields %q and %q are both called %q", lang, stable, model.FieldNames[other], name)
			}
			seen[name] = f
			if got := cat.FieldName(stable); got != name {
				t.Errorf("%s: FieldName(%q) = %q, want %q", lang, stable, got, name)
			}
		}
	}
	if got := For(model.French).UserField(model.FieldBirthDate); got != "Date de naissance" {
		t.Errorf("French birth date = %q", got)
	}
}
