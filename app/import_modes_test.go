package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rollcall/importers"
	"rollcall/model"
)

// writeTeachers writes a teachers' spreadsheet template saved as CSV.
func writeTeachers(t *testing.T, dir, name string, rows ...string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	body := "Nom;Prénom;Email;Code classe;Mot de passe\r\n" + strings.Join(rows, "\r\n") + "\r\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportModes(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := t.TempDir()
	staff := writeTeachers(t, dir, "enseignants.csv", "ROUX;Hélène;h.roux@example.fr;6A;", "BLANC;Paul;p.blanc@example.fr;6B;",
		"NOIR;Anne;a.noir@example.fr;6A;")
	if _, err := f.app.importFiles(ctx, admin, inputs(staff), ImportOptions{Classes: ClassesCreate}, nil); err != nil {
		t.Fatal(err)
	}

	// Adding one teacher from a file of one: nobody else is touched, nobody marked for deletion.
	one := writeTeachers(t, dir, "enseignants-nouveaux.csv", "VERT;Lou;l.vert@example.fr;6B;")
	if _, err := f.app.importFiles(ctx, admin, inputs(one), ImportOptions{}, nil); !errors.As(err, new(*model.TooManyDeletionsError)) {
		t.Fatalf("a sync of one teacher: %v, want the deletion guard", err)
	}
	rep, err := f.app.importFiles(ctx, admin, inputs(one), ImportOptions{Mode: ModeAdd}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts; c.Created != 1 || c.PendingDeletion != 0 || c.Updated != 0 {
		t.Fatalf("add one: %+v", c)
	}
	// Adding a file where one is known and changed: the known one is left as it is.
	both := writeTeachers(t, dir, "enseignants-deux.csv", "ROUX;Hélène;h.roux@example.fr;6B;", "GRIS;Jo;j.gris@example.fr;6A;")
	rep, err = f.app.importFiles(ctx, admin, inputs(both), ImportOptions{Mode: ModeAdd}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts; c.Created != 1 || c.Unchanged != 1 || c.Updated != 0 {
		t.Fatalf("add with one known: %+v", c)
	}
	// Updating: the known one changes, the new one is skipped, nobody is marked.
	both = writeTeachers(t, dir, "enseignants-deux.csv", "ROUX;Hélène;h.roux@example.fr;6B;", "ROSE;Max;m.rose@example.fr;6A;")
	rep, err = f.app.importFiles(ctx, admin, inputs(both), ImportOptions{Mode: ModeUpdate}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts; c.Created != 0 || c.Updated != 1 || c.Skipped != 1 || c.PendingDeletion != 0 {
		t.Fatalf("update: %+v", c)
	}
	if n, _ := f.store.CountUsers(ctx); n != 5 {
		t.Fatalf("%d users, want 5", n)
	}
}

// A spreadsheet's unknown class is an error naming the school's classes, unless classes may be
// created; then the report says which.
func TestClassPolicy(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := t.TempDir()
	if _, err := f.app.importFiles(ctx, admin, inputs(writeTeachers(t, dir, "enseignants-a.csv", "ROUX;Hélène;;6A;")), ImportOptions{Classes: ClassesCreate}, nil); err != nil {
		t.Fatal(err)
	}
	typo := writeTeachers(t, dir, "enseignants-b.csv", "BLANC;Paul;;6 B;")
	_, err := f.app.importFiles(ctx, admin, inputs(typo), ImportOptions{Mode: ModeAdd}, nil)
	var errs *importers.Errors
	if !errors.As(err, &errs) || len(errs.List) != 1 || errs.List[0].Rule != RuleNoSuchClass || errs.List[0].Expected != "6A" || errs.List[0].Line != 2 {
		t.Fatalf("err = %v", err)
	}
	rep, err := f.app.importFiles(ctx, admin, inputs(typo), ImportOptions{Mode: ModeAdd, Classes: ClassesCreate, DryRun: true}, nil)
	if err != nil || len(rep.NewClasses) != 1 || rep.NewClasses[0] != "6 B" {
		t.Fatalf("create: %+v, %v", rep.NewClasses, err)
	}
}
