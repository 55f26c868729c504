package i18n

import (
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

func TestMigrateNamesEveryKind(t *testing.T) {
	for _, lang := range []model.Language{model.English, model.French} {
		c := For(lang)
		for _, k := range storage.Kinds {
			if c.Migrate.KindNames[string(k)] == "" {
				t.Errorf("%s: no name for kind %s", lang, k)
			}
		}
	}
}

func TestMigrateMismatchInWords(t *testing.T) {
	err := &model.CopyMismatchError{Copied: true, Diffs: []model.CopyDiff{{Kind: "users", Source: 1200, Target: 1199},
		{Kind: "audit", Source: 3, Target: 3}}}
	got := For(model.French).Error(err)
	for _, want := range []string{"La copie ne correspond pas", "utilisateurs (1\u202f200 dans la source, 1\u202f199 dans la cible)", "entrées du journal (autant"} {
		if !strings.Contains(got, want) {
			t.Errorf("French: %q lacks %q", got, want)
		}
	}
	err.Copied = false
	if got := For(model.English).Error(err); !strings.Contains(got, "not empty") || !strings.Contains(got, "users (1,200 in the source, 1,199 in the target)") {
		t.Errorf("English refusal: %q", got)
	}
}
