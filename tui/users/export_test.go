package users

import (
	"archive/zip"
	"path/filepath"
	"slices"
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

// The console writes a roster set as a zip, and says who the platform has no place for.
func TestExportWritesARosterSet(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	m, d := open(t, sess)
	total := m.list.Total()
	d.Press("tab")
	d.Press("x")
	d.WaitView("Exporter " + sess.Cat.Count(total, sess.Cat.Nouns.User))
	waitField(d, m, "format")
	at := slices.IndexFunc(app.ExportFormats(), func(f app.ExportFormatInfo) bool { return f.Format == app.ExportOneRoster11 })
	for range at {
		d.Press("down")
	}
	d.Press("enter")
	waitField(d, m, "path")
	path := filepath.Join(t.TempDir(), "oneroster")
	d.Type(path)
	d.Press("enter")
	d.WaitView("laissés de côté")
	if !strings.Contains(d.View(), "exporté(s) dans "+path+".zip") {
		t.Errorf("the message does not name the zip:\n%s", d.View())
	}
	zr, err := zip.OpenReader(path + ".zip")
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) == 0 || zr.File[0].Name != "manifest.csv" {
		t.Errorf("the zip opens with %v", zr.File)
	}
}
