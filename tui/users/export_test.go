package users

import (
	"strings"
	"testing"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

// The export form offers every format of the registry, each named in the admin's language, and
// a typed name gets the format's extension.
func TestExportFormOffersTheRegistry(t *testing.T) {
	for _, lang := range []model.Language{model.French, model.English} {
		opts := exportOptions(i18n.For(lang))
		if len(opts) != len(app.ExportFormats()) {
			t.Fatalf("%s: %d options for %d formats", lang, len(opts), len(app.ExportFormats()))
		}
		for i, o := range opts {
			if o.Value != app.ExportFormats()[i].Format || o.Key == app.ExportFormats()[i].Name {
				t.Errorf("%s: option %q for %s has no label of its own", lang, o.Key, app.ExportFormats()[i].Name)
			}
		}
	}
	if p := exportPath("eleves", app.ExportMoodle); !strings.HasSuffix(p, "eleves.csv") {
		t.Errorf("moodle path %q", p)
	}
	if p := exportPath("classes", app.ExportOneRoster12); !strings.HasSuffix(p, "classes.zip") {
		t.Errorf("oneroster path %q", p)
	}
	if p := exportPath("", app.ExportXLSX); !strings.HasSuffix(p, defaultExportName+".xlsx") {
		t.Errorf("xlsx path %q", p)
	}
}
