package app

import (
	"context"
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

func ptr[T any](v T) *T { return &v }

// demoAdmin loads the demo school and returns an admin of both schools.
func demoAdmin(t *testing.T, f *fixture) model.Admin {
	t.Helper()
	admin := f.verifiedAdmin(t, "admin@example.fr", "password1")
	if _, err := f.app.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	admin, err := f.store.Admin(context.Background(), admin.ID)
	if err != nil || len(admin.OrgIDs) != 2 {
		t.Fatalf("demo admin orgs = %v, %v", admin.OrgIDs, err)
	}
	return admin
}

func TestCreateAndEditUserByHand(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := demoAdmin(t, f)
	classes, _ := f.app.listSets(ctx, admin, Classes)
	class := classes[0]

	dry, err := f.app.createUser(ctx, admin, class.OrgID, UserFields{Profile: ptr(model.Student), LastName: ptr("Lefèvre"), FirstName: ptr("Élodie"),
		ClassIDs: &[]model.ID{class.ID}}, true)
	if err != nil || dry.Login != "elodie.lefevre" || dry.ID != 0 {
		t.Fatalf("dry run = %+v, %v", dry, err)
	}
	u, err := f.app.createUser(ctx, admin, class.OrgID, UserFields{Profile: ptr(model.Student), LastName: ptr("Lefèvre"), FirstName: ptr("Élodie"),
		Email: ptr(" Elodie@Example.FR "), ClassIDs: &[]model.ID{class.ID}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 || u.ID.IsTemp() || u.Email != "elodie@example.fr" || len(u.ActivationCode) != 8 || !u.CreatedByHand {
		t.Errorf("created %+v", u)
	}
	if !u.ByHand.Has(model.FieldLastName) || !u.ByHand.Has(model.FieldClasses) || u.ByHand.Has(model.FieldBirthDate) {
		t.Errorf("hand-set fields = %b", u.ByHand)
	}
	second, _ := f.app.createUser(ctx, admin, class.OrgID, UserFields{Profile: ptr(model.Student), LastName: ptr("Lefevre"), FirstName: ptr("Elodie")}, false)
	if second.Login != "elodie.lefevre2" {
		t.Errorf("second login = %q, want elodie.lefevre2", second.Login)
	}
	page, _ := f.app.findUsers(ctx, admin, model.Selection{Text: "elodie lefevre", ClassIDs: []model.ID{class.ID}}, 0, 10)
	if page.Total != 1 || page.Users[0].ID != u.ID {
		t.Errorf("the new user is not in the index: %+v", page)
	}

	if _, err := f.app.editUser(ctx, admin, u.ID, UserFields{Email: ptr("not an email")}, false); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("bad email edit: %v", err)
	}
	edited, err := f.app.editUser(ctx, admin, u.ID, UserFields{BirthDate: ptr(model.Date{Year: 2012, Month: 3, Day: 4})}, false)
	if err != nil || !edited.ByHand.Has(model.FieldBirthDate) {
		t.Errorf("edit = %+v, %v", edited.ByHand, err)
	}

	old := u.ActivationCode
	again, err := f.app.regenerateActivationCode(ctx, admin, u.ID, false)
	if err != nil || again.ActivationCode == old || len(again.ActivationCode) != 8 {
		t.Errorf("regenerated %q (was %q): %v", again.ActivationCode, old, err)
	}
	if la, _ := f.app.setLocalAdmin(ctx, admin, u.ID, true, false); !la.LocalAdmin {
		t.Error("local admin not set")
	}
	if ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{LocalAdmins: true, Text: "elodie.lefevre"}); len(ids) != 1 {
		t.Errorf("local admin filter after the change: %v", ids)
	}
}

func TestOtherOrganizationsAreInvisible(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := demoAdmin(t, f)
	ids, _ := f.app.selectUserIDs(ctx, model.Admin{OrgIDs: admin.OrgIDs[1:]}, model.Selection{})
	narrow := model.Admin{OrgIDs: admin.OrgIDs[:1]}
	if _, err := f.app.getUser(ctx, narrow, ids[0]); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("reading another school's user: %v, want not found", err)
	}
	if _, err := f.app.editUser(ctx, narrow, ids[0], UserFields{LastName: ptr("X")}, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("editing another school's user: %v, want not found", err)
	}
	if _, err := f.app.createUser(ctx, narrow, admin.OrgIDs[1], UserFields{Profile: ptr(model.Staff), LastName: ptr("X")}, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("creating in another school: %v", err)
	}
}

func TestPendingDeletionLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := demoAdmin(t, f)
	ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Profiles: []model.Profile{model.Student}})
	target := ids[:3]
	if _, err := f.app.deleteUsers(ctx, admin, target, false); !errors.Is(err, model.ErrNotPending) {
		t.Fatalf("deleting users not pending: %v", err)
	}
	if _, err := f.app.markPendingDeletion(ctx, admin, target, false); err != nil {
		t.Fatal(err)
	}
	after, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Profiles: []model.Profile{model.Student}})
	if len(after) != len(ids)-3 {
		t.Errorf("pending users are still selected by default: %d, want %d", len(after), len(ids)-3)
	}
	if _, err := f.app.restoreUsers(ctx, admin, target[:1], false); err != nil {
		t.Fatal(err)
	}
	// Give one of the doomed students a parent link, to see it cleaned up.
	parents, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Profiles: []model.Profile{model.Parent}})
	parent, _ := f.store.User(ctx, parents[0])
	parent.ChildIDs = append(parent.ChildIDs, target[1])
	f.store.UpdateUser(ctx, parent)
	if _, err := f.app.deleteUsers(ctx, admin, target[1:], false); err != nil {
		t.Fatal(err)
	}
	for _, id := range target[1:] {
		if _, err := f.store.User(ctx, id); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("user %d not deleted: %v", id, err)
		}
	}
	parent, _ = f.store.User(ctx, parent.ID)
	for _, c := range parent.ChildIDs {
		if c == target[1] {
			t.Error("the parent still links the deleted child")
		}
	}
	if u, _ := f.store.User(ctx, target[0]); u.PendingDeletion() {
		t.Error("the restored user is still pending")
	}
}

func TestClassesAndGroups(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := demoAdmin(t, f)
	org := admin.OrgIDs[0]
	if _, err := f.app.createSet(ctx, admin, Classes, SetInput{OrgID: org, Code: "6e A"}, false); !errors.Is(err, storage.ErrConflict) {
		t.Errorf("duplicate class code: %v, want conflict", err)
	}
	c, err := f.app.createSet(ctx, admin, Classes, SetInput{OrgID: org, Code: "3e E", Name: "3e E", Level: "3e"}, false)
	if err != nil {
		t.Fatal(err)
	}
	infos, _ := f.app.listSets(ctx, admin, Classes)
	var names []string
	for _, i := range infos {
		if i.OrgID == org {
			names = append(names, i.Name)
		}
	}
	if names[0] != "3e A" || names[4] != "3e E" {
		t.Errorf("classes not in French order: %v", names)
	}
	students, _ := f.app.selectUserIDs(ctx, admin, model.Selection{OrgIDs: []model.ID{org}, Profiles: []model.Profile{model.Student}})
	parents, _ := f.app.selectUserIDs(ctx, admin, model.Selection{OrgIDs: []model.ID{org}, Profiles: []model.Profile{model.Parent}})
	if _, err := f.app.changeMembers(ctx, admin, Classes, c.ID, parents[:1], true, false); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a parent joined a class: %v", err)
	}
	if _, err := f.app.changeMembers(ctx, admin, Classes, c.ID, students[:4], true, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.app.findSet(ctx, admin, Classes, "3E E"); got.Members != 4 {
		t.Errorf("members = %d, want 4", got.Members)
	}
	if _, err := f.app.changeMembers(ctx, admin, Classes, c.ID, students[:1], false, false); err != nil {
		t.Fatal(err)
	}
	var ne *model.NotEmptyError
	if _, err := f.app.deleteSet(ctx, admin, Classes, c.ID, false, false); !errors.As(err, &ne) || ne.Members != 3 {
		t.Fatalf("deleting a class with 3 members: %v", err)
	}
	if _, err := f.app.deleteSet(ctx, admin, Classes, c.ID, true, false); err != nil {
		t.Fatal(err)
	}
	for _, id := range students[1:4] {
		u, _ := f.store.User(ctx, id)
		for _, cid := range u.ClassIDs {
			if cid == c.ID {
				t.Errorf("user %d still in the deleted class", id)
			}
		}
	}
	g, err := f.app.createSet(ctx, admin, Groups, SetInput{OrgID: org, Code: "THEATRE", Name: "Théâtre"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.changeMembers(ctx, admin, Groups, g.ID, parents[:2], true, false); err != nil {
		t.Fatalf("anyone may join a group: %v", err)
	}
	if ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{GroupIDs: []model.ID{g.ID}}); len(ids) != 2 {
		t.Errorf("group filter = %v", ids)
	}
	if r, _ := f.app.renameSet(ctx, admin, Groups, g.ID, "Théâtre & impro", "", false); r.Name != "Théâtre & impro" {
		t.Errorf("rename = %+v", r)
	}
}
