package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rollcall/importers"
	"rollcall/model"
)

// studentRow is one line of an English ENT students file.
type studentRow struct{ id, first, last, birth, email, class string }

func classRoster(n int) []studentRow {
	rows := make([]studentRow, n)
	for i := range rows {
		rows[i] = studentRow{fmt.Sprintf("S-%03d", i), fmt.Sprintf("Élève%d", i), "MARTIN", fmt.Sprintf("%02d/03/2014", i%28+1), "", "6A"}
	}
	return rows
}

// writeStudents writes an English ENT students file (UTF-8, ';') and returns its path.
func writeStudents(t *testing.T, dir string, rows []studentRow) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("externalID;First name*;Last name*;Birthdate*;Email;Class\r\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s;%s;%s;%s;%s;%s\r\n", r.id, r.first, r.last, r.birth, r.email, r.class)
	}
	path := filepath.Join(dir, "CSV_Students.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReimportUpdatesProtectsAndRecordsProvenance(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := t.TempDir()
	rows := classRoster(10)
	if _, err := f.app.importFiles(ctx, admin, inputs(writeStudents(t, dir, rows)), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	u0, err := f.store.UserByExternalID(ctx, "ent", "S-000")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.editUser(ctx, admin, u0.ID, UserFields{LastName: ptr("Martin-Hand")}, false); err != nil {
		t.Fatal(err)
	}
	rows[0].last = "DURAND"             // protected: edited by hand
	rows[1].class = "6B"                // a class change
	rows[2].email = "eleve2@example.fr" // a new email
	path := writeStudents(t, dir, rows)

	dry, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{DryRun: true, Changes: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := dry.Counts; c.Updated != 2 || c.Protected != 1 || c.Unchanged != 7 || c.ClassesCreated != 1 || !dry.DryRun {
		t.Fatalf("dry run counts = %+v", c)
	}
	if u, _ := f.store.UserByExternalID(ctx, "ent", "S-001"); len(u.ClassIDs) != 1 || f.codeOf(t, u.ClassIDs[0]) != "6A" {
		t.Fatal("the dry run wrote")
	}
	var classChange *FieldChange
	for _, ch := range dry.Changes {
		for i := range ch.Fields {
			if ch.Fields[i].Field == model.FieldClasses {
				classChange = &ch.Fields[i]
			}
		}
	}
	if classChange == nil || classChange.Old != "6A" || classChange.New != "6B" {
		t.Errorf("the diff does not show the class change: %+v", classChange)
	}

	rep, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{}, nil)
	if err != nil || rep.Counts != dry.Counts {
		t.Fatalf("real run = %+v, %v; want the dry run's counts %+v", rep.Counts, err, dry.Counts)
	}
	if u, _ := f.store.UserByExternalID(ctx, "ent", "S-000"); u.LastName != "Martin-Hand" {
		t.Errorf("a hand-edited name was overwritten: %q", u.LastName)
	}
	u2, _ := f.store.UserByExternalID(ctx, "ent", "S-002")
	prov, _ := f.app.userProvenance(ctx, admin, u2.ID)
	if o := prov[model.FieldEmail]; o.Run != rep.RunID || o.Line != 4 || !strings.HasSuffix(o.File, "CSV_Students.csv") {
		t.Errorf("email provenance = %+v, want run %d line 4", o, rep.RunID)
	}

	forced, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{Force: true}, nil)
	if err != nil || forced.Counts.Updated != 1 {
		t.Fatalf("forced run = %+v, %v", forced.Counts, err)
	}
	if u, _ := f.store.UserByExternalID(ctx, "ent", "S-000"); u.LastName != "DURAND" {
		t.Errorf("--force must overwrite hand edits: %q", u.LastName)
	}
}

func (f *fixture) codeOf(t *testing.T, id model.ID) string {
	c, err := f.store.Class(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Code
}

func TestAbsentUsersArePendingAndTheGuardHolds(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := t.TempDir()
	rows := classRoster(20)
	if _, err := f.app.importFiles(ctx, admin, inputs(writeStudents(t, dir, rows)), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	_, err := f.app.importFiles(ctx, admin, inputs(writeStudents(t, dir, rows[:15])), ImportOptions{}, nil)
	var tm *model.TooManyDeletionsError
	if !errors.As(err, &tm) || tm.Would != 5 || tm.Of != 20 {
		t.Fatalf("removing 5 of 20 with the default 10%% guard: %v", err)
	}
	limit, _ := ParseDeletionLimit("25%")
	rep, err := f.app.importFiles(ctx, admin, inputs(writeStudents(t, dir, rows[:15])), ImportOptions{MaxDeletions: limit}, nil)
	if err != nil || rep.Counts.PendingDeletion != 5 || rep.Counts.Unchanged != 15 {
		t.Fatalf("with --max-deletions 25%%: %+v, %v", rep.Counts, err)
	}
	if ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Pending: model.PendingOnly}); len(ids) != 5 {
		t.Errorf("%d users pending, want 5", len(ids))
	}
	back, err := f.app.importFiles(ctx, admin, inputs(writeStudents(t, dir, rows)), ImportOptions{}, nil)
	if err != nil || back.Counts.Restored != 5 || back.Counts.Updated != 5 {
		t.Fatalf("the absent users come back: %+v, %v", back.Counts, err)
	}
	if ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Pending: model.PendingOnly}); len(ids) != 0 {
		t.Errorf("%d users still pending", len(ids))
	}
}

func TestUndoRevertsTheLatestImportExactly(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := t.TempDir()
	rows := classRoster(10)
	if _, err := f.app.importFiles(ctx, admin, inputs(writeStudents(t, dir, rows)), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	before, _ := f.store.UserByExternalID(ctx, "ent", "S-003")
	rows[3].class = "6C"
	rows = append(rows, studentRow{"S-NEW", "Zoé", "NOUVELLE", "01/01/2014", "", "6C"})
	if _, err := f.app.importFiles(ctx, admin, inputs(writeStudents(t, dir, rows)), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	run, err := f.app.undoLastImport(ctx, admin, false)
	if err != nil || !run.Undone() {
		t.Fatalf("undo = %+v, %v", run, err)
	}
	after, _ := f.store.UserByExternalID(ctx, "ent", "S-003")
	if after.ClassIDs[0] != before.ClassIDs[0] || !after.UpdatedAt.Equal(before.UpdatedAt) {
		t.Errorf("S-003 not restored: classes %v (was %v)", after.ClassIDs, before.ClassIDs)
	}
	if _, err := f.store.UserByExternalID(ctx, "ent", "S-NEW"); err == nil {
		t.Error("the user the import created is still there")
	}
	if _, err := f.app.findSet(ctx, admin, Classes, "6C"); err == nil {
		t.Error("the class the import created is still there")
	}
	// The first import is next; a hand edit since then blocks its undo.
	u, _ := f.store.UserByExternalID(ctx, "ent", "S-005")
	f.clock.Advance(time.Minute)
	if _, err := f.app.editUser(ctx, admin, u.ID, UserFields{Email: ptr("x@example.fr")}, false); err != nil {
		t.Fatal(err)
	}
	var cs *model.ChangedSinceError
	if _, err := f.app.undoLastImport(ctx, admin, false); !errors.As(err, &cs) || cs.Login != u.Login {
		t.Fatalf("undo after a hand edit: %v, want ChangedSinceError naming %s", err, u.Login)
	}
}

func TestCancelledImportWritesNothing(t *testing.T) {
	f := newFixture(t)
	admin := schoolAdmin(t, f)
	ctx, cancel := context.WithCancel(context.Background())
	path := writeStudents(t, t.TempDir(), classRoster(50))
	_, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{}, func(p ImportProgress) {
		if p.Stage == StageMatching {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n, _ := f.store.CountUsers(context.Background()); n != 0 {
		t.Errorf("a cancelled import wrote %d users", n)
	}
	if runs, _ := f.store.ListImports(context.Background()); len(runs) != 0 {
		t.Errorf("a cancelled import is in the history")
	}
}

func TestImportSetSamples(t *testing.T) {
	samples := samplesDir(t)
	tests := []struct {
		path                     string
		created, orgs, classes   int
		students, teachers, kids int
	}{
		{"oneroster/v1.1-classlink-style", 10, 2, 2, 8, 2, 0},
		{"oneroster/zip/Test_minimal_data_set.zip", 6, 1, 2, 3, 2, 0},
		{"sds/v1-25-users", 24, 2, 2, 22, 2, 0},
		{"sds/v2.1", 8, 4, 2, 4, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			admin := f.verifiedAdmin(t, "admin@example.fr", "password1")
			rep, err := f.app.importFiles(ctx, admin, inputs(filepath.Join(samples, tt.path)), ImportOptions{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			c := rep.Counts
			if c.Created != tt.created || c.OrgsCreated != tt.orgs || c.ClassesCreated != tt.classes {
				t.Errorf("counts = %+v, want %d created in %d orgs and %d classes", c, tt.created, tt.orgs, tt.classes)
			}
			admin, _ = f.store.Admin(ctx, admin.ID)
			if len(admin.OrgIDs) != tt.orgs {
				t.Errorf("the admin administers %d orgs, want the %d created", len(admin.OrgIDs), tt.orgs)
			}
			count := func(p model.Profile) int {
				ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Profiles: []model.Profile{p}})
				return len(ids)
			}
			if count(model.Student) != tt.students || count(model.Teacher) != tt.teachers {
				t.Errorf("%d students and %d teachers, want %d and %d", count(model.Student), count(model.Teacher), tt.students, tt.teachers)
			}
			linked := 0
			parents, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Profiles: []model.Profile{model.Parent}})
			for _, id := range parents {
				u, _ := f.store.User(ctx, id)
				linked += len(u.ChildIDs)
			}
			if linked < tt.kids {
				t.Errorf("%d parent-child links, want at least %d", linked, tt.kids)
			}
			again, err := f.app.importFiles(ctx, admin, inputs(filepath.Join(samples, tt.path)), ImportOptions{}, nil)
			if err != nil || again.Counts.Created != 0 || again.Counts.Updated != 0 || again.Counts.OrgsCreated != 0 {
				t.Errorf("re-import: %+v, %v; want nothing created or updated", again.Counts, err)
			}
		})
	}
}

func TestOnePersonInTwoFilesIsAnError(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := t.TempDir()
	parents := "Nom*;Prénom*;Courriel;Nom de l'élève;Prénom de l'élève;Classes de l'élève\r\n" +
		"DUPUIS;Nathalie;n.dupuis@example.fr;;;\r\n" +
		"MOULIN;Paul;famille@example.fr;;;\r\n"
	staff := "Prénom*;Nom*;email\r\n" +
		"Nathalie;Dupuis;n.dupuis@example.fr\r\n" +
		"Anne;Moulin;famille@example.fr\r\n"
	os.WriteFile(filepath.Join(dir, "CSV_Parents.csv"), []byte(parents), 0o600)
	os.WriteFile(filepath.Join(dir, "CSV_Personnels.csv"), []byte(staff), 0o600)
	_, err := f.app.importFiles(ctx, admin, inputs(dir), ImportOptions{}, nil)
	var errs *importers.Errors
	if !errors.As(err, &errs) || len(errs.List) != 1 {
		t.Fatalf("err = %v, want one duplicate-person error", err)
	}
	e := errs.List[0]
	if e.Rule != RuleDuplicatePerson || e.Value != "n.dupuis@example.fr" || e.Other.Line != 2 || e.Line != 2 || e.File == e.Other.File {
		t.Errorf("error = %+v, want Nathalie Dupuis named in both files", e)
	}
	if n, _ := f.store.CountUsers(ctx); n != 0 {
		t.Errorf("%d users written", n)
	}
}
