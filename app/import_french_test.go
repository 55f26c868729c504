package app

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"rollcall/importers"
	"rollcall/model"
)

// uaiSchoolAdmin is an admin of one school whose UAI is uai, as a school created by hand and
// given its UAI before its first feed.
func uaiSchoolAdmin(t *testing.T, f *fixture, uai string) model.Admin {
	t.Helper()
	admin := schoolAdmin(t, f)
	org, err := f.store.Org(context.Background(), admin.OrgIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	org.Code = uai
	if err := f.store.UpdateOrg(context.Background(), org); err != nil {
		t.Fatal(err)
	}
	return admin
}

// aafUser finds a user the AAF feed created, by their jointure.
func aafUser(t *testing.T, f *fixture, id string) model.User {
	t.Helper()
	u, err := f.store.UserByExternalID(context.Background(), "aaf", id)
	if err != nil {
		t.Fatalf("user %s: %v", id, err)
	}
	return u
}

func TestAAFSuccessiveFeedsChangeFunctionsAndAddAPerson(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := filepath.Join(samplesDir(t), "aaf", "positions-2024")
	rep, err := f.app.importFiles(ctx, admin, inputs(filepath.Join(dir, "before")), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts; c.Created != 2 || c.OrgsCreated != 1 || rep.Source != "aaf" {
		t.Fatalf("first feed: %+v, source %q", c, rep.Source)
	}
	// 0123456 calls for the letter S: the feed's school is kept, with a warning.
	if w := rep.Warnings.List; len(w) != 1 || w[0].Rule != model.RuleUAI || w[0].Expected != "S" {
		t.Errorf("warnings = %v", rep.Warnings.List)
	}
	aaaa := aafUser(t, f, "314159")
	if aaaa.Profile != model.Staff || len(aaaa.Functions) != 2 || model.FunctionLabel(aaaa.Functions[0]) != "CHEF D'ETABLISSEMENT ADJOINT" ||
		!reflect.DeepEqual(aaaa.Subjects, []string{"PHILOSOPHIE"}) {
		t.Errorf("AAAA = %+v", aaaa)
	}
	org, err := f.store.Org(ctx, aaaa.OrgID)
	if err != nil || org.Code != "0123456A" || org.Name != "CLG INTEGRATION" {
		t.Fatalf("AAAA's school = %+v, %v", org, err)
	}
	admin, _ = f.store.Admin(ctx, admin.ID)

	// The second feed has no EtabEducNat: structure 43 is the school the first one created.
	rep, err = f.app.importFiles(ctx, admin, inputs(filepath.Join(dir, "after")), ImportOptions{Changes: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts; c.Created != 1 || c.Updated != 1 || c.Unchanged != 1 || c.PendingDeletion != 0 || c.OrgsCreated != 0 {
		t.Fatalf("second feed: %+v", c)
	}
	var change []FieldChange
	for _, ch := range rep.Changes {
		if ch.Kind == Updated {
			change = ch.Fields
		}
	}
	if len(change) != 1 || change[0].Field != model.FieldFunctions {
		t.Errorf("the update = %+v", change)
	}
	aaaa = aafUser(t, f, "314159")
	if aaaa.Functions[0] != "DIR$PRESTATIONS$D0011$ENTRETIEN" {
		t.Errorf("AAAA's functions = %q", aaaa.Functions)
	}
	if cccc := aafUser(t, f, "314161"); cccc.OrgID != org.ID || len(cccc.Functions) != 3 || !cccc.HasFunction([]string{"dir"}) {
		t.Errorf("CCCC = %+v", cccc)
	}

	if _, err := f.app.undoLastImport(ctx, admin, false); err != nil {
		t.Fatal(err)
	}
	if aaaa = aafUser(t, f, "314159"); aaaa.Functions[0] != "DIR$DIRECTION$D0011$CHEF D'ETABLISSEMENT ADJOINT" {
		t.Errorf("after undo, AAAA's functions = %q", aaaa.Functions)
	}
	if _, err := f.store.UserByExternalID(ctx, "aaf", "314161"); err == nil {
		t.Error("undo kept the person the second feed brought")
	}
}

func TestAAFSchoolsLandOnTheAdminsSchoolsByUAIAndDeleteRequestsMarkPending(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := uaiSchoolAdmin(t, f, "0750654D")
	mine := admin.OrgIDs[0]
	feed := filepath.Join("..", "importers", "aaf", "testdata")
	rep, err := f.app.importFiles(ctx, admin, inputs(filepath.Join(feed, "quirks")), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Structure 43 is 0750654D, the admin's school; 44 is new.
	if c := rep.Counts; c.Created != 9 || c.OrgsCreated != 1 {
		t.Fatalf("counts = %+v", c)
	}
	p1 := aafUser(t, f, "P1")
	if p1.OrgID != mine || p1.Profile != model.Teacher || len(p1.ClassIDs) != 2 || f.codeOf(t, p1.ClassIDs[0]) != "2ND1" {
		t.Errorf("P1 = %+v", p1)
	}
	r1 := aafUser(t, f, "R1")
	if e1, e2 := aafUser(t, f, "E1"), aafUser(t, f, "E2"); !reflect.DeepEqual(r1.ChildIDs, []model.ID{e1.ID, e2.ID}) {
		t.Errorf("R1's children = %v", r1.ChildIDs)
	}
	admin, _ = f.store.Admin(ctx, admin.ID)
	rep, err = f.app.importFiles(ctx, admin, inputs(filepath.Join(feed, "delta")), ImportOptions{MaxDeletions: DeletionLimit{Count: 1, Set: true}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts; c.Updated != 1 || c.PendingDeletion != 1 || c.Created != 0 {
		t.Fatalf("delta counts = %+v", c)
	}
	if p2 := aafUser(t, f, "P2"); !p2.PendingDeletion() {
		t.Error("the deleteRequest did not mark P2 pending deletion")
	}
	if p1 = aafUser(t, f, "P1"); p1.Email != "paul.blanc2@ac-paris.fr" || p1.Profile != model.Teacher || len(p1.Functions) != 1 {
		t.Errorf("P1 after the delta = %+v", p1)
	}
	if n, _ := f.store.CountUsers(ctx); n != 9 {
		t.Errorf("%d users: a deleteRequest never deletes", n)
	}
}

func TestSIECLEAndSTSWebLandOnTheSchoolByUAI(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := uaiSchoolAdmin(t, f, "0750654D")
	mine := admin.OrgIDs[0]
	rep, err := f.app.importFiles(ctx, admin, inputs(filepath.Join("..", "importers", "siecle", "testdata", "college")), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts; c.Created != 7 || c.OrgsCreated != 0 || rep.Source != "siecle" {
		t.Fatalf("counts %+v, source %q", c, rep.Source)
	}
	chloe, err := f.store.UserByExternalID(ctx, "siecle", "101")
	if err != nil || chloe.OrgID != mine || len(chloe.ClassIDs) != 1 || f.codeOf(t, chloe.ClassIDs[0]) != "6A" {
		t.Fatalf("Chloé = %+v, %v", chloe, err)
	}
	paul, _ := f.store.UserByExternalID(ctx, "siecle", "resp-9002")
	if len(paul.ChildIDs) != 2 {
		t.Errorf("Paul's children = %v", paul.ChildIDs)
	}
	durand, _ := f.store.UserByExternalID(ctx, "siecle", "sts-8949")
	if durand.Profile != model.Teacher || !reflect.DeepEqual(durand.Subjects, []string{"ANGLAIS LV1", "LCA LATIN"}) || len(durand.ClassIDs) != 1 || durand.ClassIDs[0] != chloe.ClassIDs[0] {
		t.Errorf("Durand = %+v", durand)
	}
	// The same files again change nothing.
	rep, err = f.app.importFiles(ctx, admin, inputs(filepath.Join("..", "importers", "siecle", "testdata", "college")), ImportOptions{}, nil)
	if err != nil || rep.Counts.Unchanged != 7 || rep.Counts.Updated+rep.Counts.Created+rep.Counts.PendingDeletion != 0 {
		t.Errorf("second import: %+v, %v", rep.Counts, err)
	}
}

// A delta may modify people the store never had: one the modification describes (names and a
// structure) is created, as staff when no function says teacher; one it does not describe is a
// warning and skipped, or an error that writes nothing with --strict. Structure 43 is the
// admin's own school, matched by its UAI in the full feed: the delta names it by id only.
func TestAAFModificationsOfPeopleTheStoreDoesNotKnow(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := uaiSchoolAdmin(t, f, "0750654D")
	mine := admin.OrgIDs[0]
	feed := filepath.Join("..", "importers", "aaf", "testdata")
	if _, err := f.app.importFiles(ctx, admin, inputs(filepath.Join(feed, "quirks")), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	admin, _ = f.store.Admin(ctx, admin.ID)
	delta := inputs(filepath.Join(feed, "delta-unknown"))
	if _, err := f.app.importFiles(ctx, admin, delta, ImportOptions{Strict: true}, nil); err == nil {
		t.Fatal("--strict imported a modification of an unknown person")
	}
	if _, err := f.store.UserByExternalID(ctx, "aaf", "P9"); err == nil {
		t.Fatal("a refused import created P9")
	}
	rep, err := f.app.importFiles(ctx, admin, delta, ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts; c.Created != 1 || c.Skipped != 1 || c.Updated != 0 {
		t.Fatalf("counts = %+v", c)
	}
	if w := rep.Warnings.List; len(w) != 1 || w[0].Rule != importers.RuleModifiedUnknown || w[0].Value != "P8" || w[0].Line != 7 {
		t.Errorf("warnings = %v", rep.Warnings.List)
	}
	if p9 := aafUser(t, f, "P9"); p9.Profile != model.Staff || p9.OrgID != mine || p9.LastName != "NOUVEL" {
		t.Errorf("P9 = %+v", p9)
	}
}

// Updating creates nothing, schools included: the people of a school the store does not have
// are skipped, and those of the admin's school (by its UAI) are updated.
func TestImportModeUpdateCreatesNoSchool(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := uaiSchoolAdmin(t, f, "0750654D")
	before, _ := f.store.ListOrgs(ctx)
	feed := inputs(filepath.Join("..", "importers", "aaf", "testdata", "quirks"))
	rep, err := f.app.importFiles(ctx, admin, feed, ImportOptions{Mode: ModeUpdate}, nil)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := f.store.ListOrgs(ctx)
	if c := rep.Counts; c.OrgsCreated != 0 || c.Created != 0 || c.Skipped != 9 || len(after) != len(before) {
		t.Fatalf("update into a store without these people: %+v, %d schools (was %d)", c, len(after), len(before))
	}
}
