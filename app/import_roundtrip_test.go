package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rollcall/i18n"
	"rollcall/model"
)

func catalogLabels(cat *i18n.Catalog) ExportLabels {
	h := cat.Users.Columns
	return ExportLabels{Headers: [8]string{h.LastName, h.FirstName, h.Profile, h.Login, h.Code, h.Email, h.Class, h.Created},
		Profile: cat.Profile, Date: func(t time.Time) string { return model.DateOf(t).String() }}
}

// Rollcall's own exports, in both languages and the three formats, re-import to no change: users
// are found by their login, classes by their name (a class coded "6A" is named "6e A").
func TestOwnExportsReimportToNoChange(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := f.verifiedAdmin(t, "admin@example.fr", "password1")
	if _, err := f.app.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _ = f.store.Admin(ctx, admin.ID)
	school := admin.OrgIDs[0]
	classes, _ := f.store.ListClasses(ctx)
	renamed := 0
	for _, c := range classes { // codes unlike names: "3e A" becomes code "3A"
		if c.OrgID == school && strings.Contains(c.Code, "e ") {
			c.Code = strings.Replace(c.Code, "e ", "", 1)
			if err := f.store.UpdateClass(ctx, c); err != nil {
				t.Fatal(err)
			}
			renamed++
		}
	}
	if renamed == 0 {
		t.Fatal("the demo has no class to recode")
	}
	formats := map[string]ExportFormat{"csv": ExportCSV, "csv-fr": ExportCSVSemicolon, "xlsx": ExportXLSX}
	for _, lang := range []model.Language{model.French, model.English} {
		for name, format := range formats {
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				ext := map[ExportFormat]string{ExportCSV: ".csv", ExportCSVSemicolon: ".csv", ExportXLSX: ".xlsx"}[format]
				path := filepath.Join(t.TempDir(), "export"+ext)
				sel := model.Selection{OrgIDs: []model.ID{school}}
				n, err := f.app.exportUsersToFile(ctx, admin, sel, format, catalogLabels(i18n.For(lang)), path)
				if err != nil || n == 0 {
					t.Fatalf("export: %d users, %v", n, err)
				}
				rep, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{OrgID: school, DryRun: true}, nil)
				if err != nil {
					t.Fatal(err)
				}
				c := rep.Counts
				if c.Created != 0 || c.Updated != 0 || c.PendingDeletion != 0 || c.ClassesCreated != 0 || c.GroupsCreated != 0 || c.Unchanged != n {
					t.Fatalf("re-import of %d exported users: %+v; first changes: %+v", n, c, rep.Changes[:min(3, len(rep.Changes))])
				}
			})
		}
	}
}

// A class and a group may have the same id: the diff names the pupil's former class, never the
// group that shares its number.
func TestDiffNamesClassesNotGroups(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := t.TempDir()
	write := func(class string) string {
		path := filepath.Join(dir, "eleves.csv")
		body := "Nom;Prénom;Code classe;Groupe;Mot de passe\r\nCOLIN;Léa;" + class + ";LATIN;\r\n"
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	if _, err := f.app.importFiles(ctx, admin, inputs(write("6A")), ImportOptions{Classes: ClassesCreate}, nil); err != nil {
		t.Fatal(err)
	}
	cs, _ := f.store.ListClasses(ctx)
	gs, _ := f.store.ListGroups(ctx)
	if len(cs) != 1 || len(gs) != 1 || cs[0].ID != gs[0].ID {
		t.Fatalf("want one class and one group with one id: %+v %+v", cs, gs)
	}
	rep, err := f.app.importFiles(ctx, admin, inputs(write("6B")), ImportOptions{DryRun: true, Classes: ClassesCreate, Changes: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Changes) != 1 || len(rep.Changes[0].Fields) != 1 {
		t.Fatalf("changes = %+v", rep.Changes)
	}
	if fc := rep.Changes[0].Fields[0]; fc.Field != model.FieldClasses || fc.Old != "6A" || fc.New != "6B" {
		t.Fatalf("class change = %+v, want 6A → 6B", fc)
	}
}
