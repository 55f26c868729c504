package sheet

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

func load(t *testing.T, name string) *roster.File {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return &roster.File{Name: name, Raw: raw}
}

func parse(t *testing.T, name string, profile model.Profile) *roster.Job {
	t.Helper()
	j := roster.NewJob(context.Background(), 0, nil)
	f := load(t, name)
	var err error
	if IsWorkbook(f.Name, f.Raw) {
		err = ParseWorkbook(j, f, profile)
	} else {
		err = ParseCSV(j, f, table.NewText(f.Name, f.Raw), profile)
	}
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestWorkbook(t *testing.T) {
	t.Parallel()
	j := parse(t, "modele.xlsx", model.ProfileUnknown)
	for _, e := range j.Errs.List {
		t.Errorf("error: %v", e)
	}
	recs := j.Batch.Records
	if len(recs) != 5 {
		t.Fatalf("%d records: %+v", len(recs), recs)
	}
	lea := recs[0]
	want := roster.Record{
		Where:        table.Location{File: "modele.xlsx", Sheet: "Élèves", Line: 2},
		Profile:      model.Student,
		Login:        "lea.colin",
		Email:        "lea.colin@college.fr",
		LastName:     "COLIN",
		FirstName:    "Léa",
		Classes:      []string{"6A"},
		Groups:       []string{"Latin", "Chorale"},
		Password:     "Secret#2026",
		PasswordCell: &table.RowError{File: "modele.xlsx", Sheet: "Élèves", Line: 2, Column: "Mot de passe", Letter: "F"},
	}
	if !reflect.DeepEqual(lea, want) {
		t.Errorf("Léa =\n%+v\nwant\n%+v", lea, want)
	}
	if z := recs[2]; z.FirstName != "Zoé" || z.Where.Line != 5 {
		t.Errorf("Zoé after an empty row = %+v", z)
	}
	oe := recs[3]
	if oe.Profile != model.Teacher || oe.Where.Sheet != "Enseignants" || !reflect.DeepEqual(oe.Classes, []string{"6A", "6B"}) || oe.Password != "Profs!2026x" {
		t.Errorf("Œdipe = %+v", oe)
	}
	if a := recs[4]; a.Profile != model.Teacher || len(a.Classes) != 0 {
		t.Errorf("a teacher needs no class: %+v", a)
	}
	if got := j.Batch.Files; len(got) != 1 || got[0].Rows != 5 {
		t.Errorf("files = %+v", got)
	}
}

func TestWorkbookErrors(t *testing.T) {
	t.Parallel()
	type key struct {
		Sheet  string
		Line   int
		Column string
		Letter string
		Value  string
		Rule   model.Rule
		Other  int
	}
	tests := []struct {
		file string
		want []key
	}{
		{"erreurs.xlsx", []key{
			{"Eleves", 3, "Code classe", "C", "", model.RuleRequired, 0},
			{"Eleves", 4, "Identifiant", "D", "lea.colin", table.RuleDuplicateID, 2},
			{"Eleves", 4, "Email", "E", "zoe@", model.RuleEmail, 0},
		}},
		{"sans_prenom.xlsx", []key{{"Enseignants", 1, "Prénom", "", "", table.RuleMissingColumn, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			j := parse(t, tc.file, model.ProfileUnknown)
			var got []key
			for _, e := range j.Errs.List {
				got = append(got, key{e.Sheet, e.Line, e.Column, e.Letter, e.Value, e.Rule, e.Other.Line})
				if e.File != tc.file {
					t.Errorf("file %q", e.File)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestCSVTemplate(t *testing.T) {
	t.Parallel()
	j := parse(t, "modele_eleves.csv", model.ProfileUnknown)
	if len(j.Errs.List) != 0 || len(j.Batch.Records) != 2 {
		t.Fatalf("records %+v errors %v", j.Batch.Records, j.Errs.List)
	}
	if r := j.Batch.Records[1]; r.LastName != "BŒUF" || r.Profile != model.Student || r.Password != "" {
		t.Errorf("Chloé = %+v", r)
	}
	f := load(t, "modele_eleves.csv")
	head, _ := table.ReadHeader(table.NewText(f.Name, f.Raw).Rows())
	if fit := SniffCSV(f.Name, head.Fields); !fit.OK || fit.Profile != model.Student {
		t.Errorf("SniffCSV = %+v", fit)
	}
}

func TestSniffWorkbook(t *testing.T) {
	t.Parallel()
	if fit := SniffWorkbook(load(t, "modele.xlsx")); !fit.OK || fit.Format != Format {
		t.Errorf("modele.xlsx: %+v", fit)
	}
	if fit := SniffWorkbook(load(t, "sans_prenom.xlsx")); fit.OK {
		t.Errorf("sans_prenom.xlsx fits: %+v", fit)
	}
	if fit := SniffWorkbook(&roster.File{Name: "x.xlsx", Raw: []byte("PK\x03\x04junk")}); fit.OK || fit.Missing[0] != "xlsx" {
		t.Errorf("junk: %+v", fit)
	}
	sheet, header, rows := Preview(load(t, "modele.xlsx"), 5)
	if sheet != "Élèves" || header[2] != "Code classe" || len(rows) != 3 {
		t.Errorf("Preview = %q %q %d rows", sheet, header, len(rows))
	}
}
