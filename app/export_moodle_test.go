package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"rollcall/i18n"
	"rollcall/model"
)

// loadedDemoSchool loads the demo and returns its admin and first school.
func loadedDemoSchool(t *testing.T, f *fixture) (model.Admin, model.ID) {
	t.Helper()
	ctx := context.Background()
	admin := f.verifiedAdmin(t, "admin@example.fr", "password1")
	if _, err := f.app.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _ = f.store.Admin(ctx, admin.ID)
	return admin, admin.OrgIDs[0]
}

// Moodle's user upload: Moodle's own column names, one cohort column per class (the class code,
// the cohort's ID number), and the file re-imports into Rollcall to no change.
func TestExportMoodleReimportsToNoChange(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin, school := loadedDemoSchool(t, f)
	path := filepath.Join(t.TempDir(), "moodle.csv")
	sel := model.Selection{OrgIDs: []model.ID{school}}
	n, err := f.app.exportUsersToFile(ctx, admin, sel, ExportMoodle, catalogLabels(i18n.For(model.French)), path)
	if err != nil || n == 0 {
		t.Fatalf("export: %d users, %v", n, err)
	}
	raw, _ := os.ReadFile(path)
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil || len(rows) != n+1 {
		t.Fatalf("%d rows for %d users: %v", len(rows), n, err)
	}
	if !slices.Equal(rows[0][:6], []string{"username", "firstname", "lastname", "email", "department", "cohort1"}) {
		t.Fatalf("header %q", rows[0])
	}
	classes, _ := f.store.ListClasses(ctx)
	codes := map[string]bool{}
	for _, c := range classes {
		codes[c.Code] = true
	}
	cohorts := 0
	for _, r := range rows[1:] {
		if len(r) != len(rows[0]) || r[0] == "" {
			t.Fatalf("row %q", r)
		}
		if _, ok := model.ParseProfile(r[4]); !ok {
			t.Errorf("department %q is no profile", r[4])
		}
		for _, c := range r[5:] {
			if c != "" {
				cohorts++
				if !codes[c] {
					t.Errorf("cohort %q is no class code", c)
				}
			}
		}
	}
	if cohorts == 0 {
		t.Fatal("no user was put in a cohort")
	}
	rep, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{OrgID: school, DryRun: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Counts
	if c.Created != 0 || c.Updated != 0 || c.PendingDeletion != 0 || c.ClassesCreated != 0 || c.Unchanged != n {
		t.Fatalf("re-import of %d exported users: %+v; first changes: %+v", n, c, rep.Changes[:min(3, len(rep.Changes))])
	}
}

// Moodle's file is read as a spreadsheet by those who open it: formulas are neutralised.
func TestExportMoodleNeutralisesFormulas(t *testing.T) {
	f := newFixture(t)
	admin := hostileDirectory(t, f)
	var buf bytes.Buffer
	if _, err := f.app.exportUsers(context.Background(), admin, model.Selection{}, ExportMoodle, testLabels, &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 9 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	for _, r := range rows[1:] {
		for _, cell := range r {
			if cell != "" && bytes.ContainsRune([]byte("=+-@\t\r"), rune(cell[0])) {
				t.Errorf("cell %q starts like a formula", cell)
			}
		}
		if r[5] != "'=1+1" {
			t.Errorf("cohort %q", r[5])
		}
	}
}
