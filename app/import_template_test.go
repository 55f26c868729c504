package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rollcall/i18n"
	"rollcall/model"
)

// fillTemplate adds one person to a written template, under its own header.
func fillTemplate(t *testing.T, path string, values map[string]string) {
	t.Helper()
	if strings.HasSuffix(path, ".xlsx") {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sheet := f.GetSheetName(0)
		rows, _ := f.GetRows(sheet)
		for i, col := range rows[0] {
			cell, _ := excelize.CoordinatesToCellName(i+1, 2)
			f.SetCellValue(sheet, cell, values[strings.TrimSuffix(col, "*")])
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	header := strings.TrimPrefix(strings.TrimRight(string(raw), "\r\n"), "\ufeff")
	sep := ","
	if strings.Contains(header, ";") {
		sep = ";"
	}
	var cells []string
	for _, col := range strings.Split(header, sep) {
		cells = append(cells, values[strings.TrimSuffix(col, "*")])
	}
	if err := os.WriteFile(path, append(raw, []byte(strings.Join(cells, sep)+"\r\n")...), 0o600); err != nil {
		t.Fatal(err)
	}
}

// Every template, in both languages and both formats, marks its required columns and imports
// back the person written in it, with the profile it is for.
func TestTemplatesImportBack(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	if _, err := f.app.importFiles(ctx, admin, inputs(writeStudents(t, t.TempDir(), classRoster(1))), ImportOptions{}, nil); err != nil {
		t.Fatal(err) // the school has a class 6A
	}
	n := 0
	for _, lang := range []model.Language{model.French, model.English} {
		cat := i18n.For(lang)
		labels := TemplateLabels(cat.ImportSync.Template)
		for _, p := range []model.Profile{model.Student, model.Teacher, model.Parent, model.Staff} {
			for _, format := range []ExportFormat{ExportXLSX, ExportCSV} {
				n++
				ext := map[ExportFormat]string{ExportXLSX: ".xlsx", ExportCSV: ".csv"}[format]
				// A CSV is named by the admin: one that does not say its profile is told by the Profile column.
				path := filepath.Join(t.TempDir(), cat.TemplateSheet(p)+ext)
				if format == ExportCSV {
					path = filepath.Join(t.TempDir(), "modele"+ext)
				}
				if err := WriteImportTemplate(p, format, labels, cat.TemplateSheet(p), path); err != nil {
					t.Fatal(err)
				}
				l := labels
				if raw, _ := os.ReadFile(path); format == ExportCSV && !strings.Contains(string(raw), l.LastName+"*") {
					t.Errorf("%s %s: the required columns are not marked: %q", lang, p, raw)
				}
				values := map[string]string{l.LastName: "ZOLA" + strings.Repeat("A", n), l.FirstName: "Émile", l.ClassCode: "6A"}
				if p != model.Student {
					values[l.Profile] = cat.Profile(p)
				}
				fillTemplate(t, path, values)
				rep, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{Mode: ModeAdd, Changes: true}, nil)
				if err != nil {
					t.Fatalf("%s %s %s: %v", lang, p, ext, err)
				}
				if len(rep.Changes) != 1 || rep.Changes[0].Kind != Created || rep.Changes[0].Profile != p {
					t.Fatalf("%s %s %s: changes %+v", lang, p, ext, rep.Changes)
				}
			}
		}
	}
}
