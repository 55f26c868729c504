package imports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/huh/v2"

	"rollcall/model"
)

// TestTemplateKeyWritesTheTemplate: t on the picker asks for whom and in which format, writes
// the empty template in the folder shown, says so, and lists it.
func TestTemplateKeyWritesTheTemplate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := newFixture(t, model.French, 1, dir)
	d := f.d
	d.WaitFor("the folder", func() bool { return f.m.picker.dir != "" })
	d.Press("t")
	d.WaitView("Écrire un modèle vide", "Pour qui ?")
	d.Press("down") // Enseignants
	for f.m.step == stepTemplate && f.m.forms.Form.State == huh.StateNormal {
		field := f.m.forms.Form.GetFocusedField()
		if field.GetKey() == "path" {
			d.Type("profs.csv")
		}
		if field.GetKey() == "format" {
			d.Press("down") // CSV
		}
		d.Press("enter")
		d.WaitFor("the next field", func() bool {
			return f.m.step != stepTemplate || f.m.forms.Form.State != huh.StateNormal || f.m.forms.Form.GetFocusedField() != field
		})
	}
	d.WaitView("Modèle Enseignants écrit dans", "profs.csv")
	raw, err := os.ReadFile(filepath.Join(dir, "profs.csv"))
	if err != nil || !strings.HasPrefix(string(raw), "\ufeffNom*;Prénom*;Courriel;Code classe") {
		t.Fatalf("template = %q, %v", raw, err)
	}
}
