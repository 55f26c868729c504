package roster

import (
	"context"
	"errors"
	"testing"

	"rollcall/importers/table"
	"rollcall/model"
)

func TestProfileFromName(t *testing.T) {
	t.Parallel()
	tests := map[string]model.Profile{
		"CSV_Eleves.csv":                model.Student,
		"/tmp/x/CSV_Enseignants.csv":    model.Teacher,
		"Élèves 2026.xlsx":              model.Student,
		"students.csv":                  model.Student,
		"CSV_Personnels.csv":            model.Staff,
		"CSV_Invites.csv":               model.Guest,
		"parents-6A.csv":                model.Parent,
		"export.csv":                    model.ProfileUnknown,
		"eleves_et_enseignants.csv":     model.ProfileUnknown, // two profiles: no guess
		`C:\Users\dir\CSV_Teachers.csv`: model.Teacher,
	}
	for name, want := range tests {
		if got, ok := ProfileFromName(name); got != want || ok != (want != model.ProfileUnknown) {
			t.Errorf("ProfileFromName(%q) = %v, %v; want %v", name, got, ok, want)
		}
	}
}

func TestRoleProfile(t *testing.T) {
	t.Parallel()
	tests := map[string]model.Profile{
		"student": model.Student, "teacher": model.Teacher, "parent": model.Parent,
		"guardian": model.Parent, "relative": model.Parent, "administrator": model.Staff,
		"aide": model.Staff, "proctor": model.Staff, "Professor": model.Teacher,
		"districtAdministrator": model.Staff, "wizard": model.ProfileUnknown,
	}
	for role, want := range tests {
		if got, ok := RoleProfile(role); got != want || ok != (want != model.ProfileUnknown) {
			t.Errorf("RoleProfile(%q) = %v, %v; want %v", role, got, ok, want)
		}
	}
}

func TestClassByNameFoldsAndKeepsFirstSpelling(t *testing.T) {
	t.Parallel()
	j := NewJob(context.Background(), 0, nil)
	a := j.ClassByName("6ème A", "")
	b := j.ClassByName(" 6EME   a ", "6E")
	c := j.ClassByName("6ème A", "")
	if a != "6ème A" || b != a || c != a || len(j.Batch.Classes) != 1 || j.Batch.Classes[0].Level != "6E" {
		t.Errorf("%q %q %q, classes %+v", a, b, c, j.Batch.Classes)
	}
	if j.ClassByName("  ", "") != "" || len(j.Batch.Classes) != 1 {
		t.Error("a blank class was registered")
	}
}

func TestReadStopsPastMaxRows(t *testing.T) {
	t.Parallel()
	j := NewJob(context.Background(), 0, nil)
	j.MaxRows = 2
	text := table.NewText("big.csv", []byte("Nom;Prénom\nA;a\nB;b\nC;c\nD;d\n"))
	schema := table.Schema{{Key: "last", French: []string{"Nom"}}, {Key: "first", French: []string{"Prénom"}}}
	seen := 0
	_, err := j.Read(Table{Name: "big.csv", Src: text.Rows(), Schema: schema}, func(*table.Header) bool { return true }, func(*Row) { seen++ })
	if !errors.Is(err, ErrTooManyRows) || seen != 2 {
		t.Fatalf("err %v after %d rows; want ErrTooManyRows after 2", err, seen)
	}
	if j.Errs.Len() != 1 || j.Errs.List[0].Rule != table.RuleTooLarge || j.Errs.List[0].File != "big.csv" || j.Errs.List[0].Expected != "2 rows" {
		t.Errorf("errors = %+v", j.Errs.List)
	}
}
