package sheet

import (
	"context"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

func check(t *testing.T, j *roster.Job) {
	for _, r := range j.Batch.Records {
		if r.Where.Line < 2 || r.LastName == "" || r.FirstName == "" {
			t.Fatalf("bad record %+v", r)
		}
	}
	for _, e := range j.Errs.List {
		if e.Rule == "" {
			t.Fatalf("error without a rule: %+v", e)
		}
		if e.Rule == model.RulePasswordLength && e.Value != "" {
			t.Fatalf("password in an error: %+v", e)
		}
	}
}

// FuzzSheetCSV parses arbitrary CSV as a template.
func FuzzSheetCSV(f *testing.F) {
	f.Add([]byte("Nom;Prénom;Code classe;Mot de passe\nCOLIN;Léa;6A, 6B;Secret#2026\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		file := &roster.File{Name: "Eleves.csv", Raw: raw}
		if err := ParseCSV(j, file, table.NewText(file.Name, raw), model.ProfileUnknown); err != nil {
			t.Fatal(err)
		}
		check(t, j)
	})
}

// FuzzWorkbook parses arbitrary bytes as a workbook: excelize must not take the process down.
func FuzzWorkbook(f *testing.F) {
	f.Fuzz(func(t *testing.T, raw []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		file := &roster.File{Name: "modele.xlsx", Raw: raw}
		_ = SniffWorkbook(file)
		if err := ParseWorkbook(j, file, model.ProfileUnknown); err != nil {
			t.Fatal(err)
		}
		check(t, j)
	})
}
