package i18n

import (
	"reflect"
	"testing"

	"rollcall/model"
)

// The console's own texts kept beside the catalogue fill every field in both languages.
func TestConsoleTextsInBothLanguages(t *testing.T) {
	for _, lang := range []model.Language{model.English, model.French} {
		c := For(lang)
		for name, v := range map[string]any{"FormChecks": c.FormChecks(), "TermsDecline": c.TermsDecline(), "Picker": c.Picker(), "ClaimDemo": c.ClaimDemo(), "Console": c.consoleTexts()} {
			rv := reflect.ValueOf(v)
			for i := range rv.NumField() {
				if rv.Field(i).String() == "" {
					t.Errorf("%s: %s.%s is empty", lang, name, rv.Type().Field(i).Name)
				}
			}
		}
	}
	if For(model.French).FormChecks().Port == For(model.English).FormChecks().Port {
		t.Error("the French refusals are the English ones")
	}
}
