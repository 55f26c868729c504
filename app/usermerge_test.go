package app

import (
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

func TestAddingSomeoneTheSchoolHasAsksFirst(t *testing.T) {
	t.Parallel()
	f, ada, p := peopleFixture(t)
	sess := termsSession(t, f, ada)
	org := ada.OrgIDs[0]
	birth := model.Date{Year: 2012, Month: 3, Day: 4}
	if _, err := sess.EditUser(bg, p["Chloé"].ID, UserFields{BirthDate: &birth}, false); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		fields UserFields
		want   model.DuplicateReason
		login  string
	}{
		{"same email, other case", UserFields{LastName: ptr("Other"), Email: ptr("ANA@example.fr")}, model.SameEmail, "ana.arnaud"},
		{"same names without accents nor case, same birth date", UserFields{LastName: ptr("CLEMENT"), FirstName: ptr("chloe"), BirthDate: &birth},
			model.SameNameAndBirth, "chloe.clement"},
	}
	for _, tt := range tests {
		tt.fields.Profile = ptr(model.Student)
		_, err := sess.CreateUser(bg, org, tt.fields, true)
		var de *model.DuplicateError
		if !errors.As(err, &de) || len(de.Matches) != 1 || de.Matches[0].Login != tt.login || de.Matches[0].Reason != tt.want {
			t.Errorf("%s: err = %v, want a duplicate of %s", tt.name, err, tt.login)
			continue
		}
		tt.fields.AllowDuplicate = true
		if _, err := sess.CreateUser(bg, org, tt.fields, false); err != nil {
			t.Errorf("%s, allowed: %v", tt.name, err)
		}
	}
	// Same names, another birth date: someone else.
	if _, err := sess.CreateUser(bg, org, UserFields{Profile: ptr(model.Student), LastName: ptr("Clément"), FirstName: ptr("Chloé"),
		BirthDate: &model.Date{Year: 2013, Month: 3, Day: 4}}, false); err != nil {
		t.Errorf("a homonym born another day: %v", err)
	}
	groups, err := sess.Duplicates(bg, nil)
	if err != nil || len(groups) != 2 {
		t.Fatalf("duplicates = %+v, %v; want the two pairs added anyway", groups, err)
	}
	if g := groups[0]; g.Reason != model.SameEmail || g.Users[0].Login != "ana.arnaud" || len(g.Users) != 2 {
		t.Errorf("first group = %+v", g)
	}
	if g := groups[1]; g.Reason != model.SameNameAndBirth || g.Users[0].Login != "chloe.clement" || len(g.Users) != 2 {
		t.Errorf("second group = %+v", g)
	}
}

func TestMergeTwoAccountsOfOnePerson(t *testing.T) {
	t.Parallel()
	f, ada, p := peopleFixture(t)
	sess := termsSession(t, f, ada)
	org := ada.OrgIDs[0]
	c6a, c6b := model.Class{OrgID: org, Code: "6A", Name: "6e A"}, model.Class{OrgID: org, Code: "6B", Name: "6e B"}
	for _, c := range []*model.Class{&c6a, &c6b} {
		if err := f.store.CreateClass(bg, c); err != nil {
			t.Fatal(err)
		}
	}
	// Bob came by hand, then again from the ENT with a birth date and a class.
	keep := p["Bob"]
	keep.ClassIDs = []model.ID{c6a.ID}
	must(t, f.store.UpdateUser(bg, keep))
	dup := model.User{OrgID: org, Profile: model.Student, LastName: "Blanc", FirstName: "Bob", Login: "bob.blanc2",
		BirthDate: model.Date{Year: 2012, Month: 1, Day: 2}, ClassIDs: []model.ID{c6b.ID}, Source: "ent", ExternalID: "E42",
		Language: model.English}
	must(t, f.store.CreateUser(bg, &dup))
	parent := model.User{OrgID: org, Profile: model.Parent, LastName: "Blanc", FirstName: "Paul", Login: "paul.blanc", ChildIDs: []model.ID{dup.ID}}
	must(t, f.store.CreateUser(bg, &parent))
	_, err := f.store.Apply(bg, storage.Batch{Provenance: map[model.ID]model.Provenance{dup.ID: {model.FieldBirthDate: {Run: 7, File: "eleves.csv", Line: 3}}}})
	must(t, err)
	both := model.Subscription{OrgID: org, Product: "Atlas", Seats: 10}
	only := model.Subscription{OrgID: org, Product: "Maths+", Seats: 10}
	must(t, f.store.CreateSubscription(bg, &both))
	must(t, f.store.CreateSubscription(bg, &only))
	give := func(sub model.ID, seats ...model.Seat) {
		_, err := f.store.ChangeSeats(bg, sub, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
			return storage.SeatWrite{Add: seats}, nil
		})
		must(t, err)
	}
	give(both.ID, model.Seat{UserID: keep.ID}, model.Seat{UserID: dup.ID})
	give(only.ID, model.Seat{UserID: dup.ID})

	dry, err := sess.MergeUsers(bg, keep.ID, dup.ID, true)
	if err != nil || dry.SeatsMoved != 1 || dry.SeatsFreed != 1 || dry.Parents != 1 {
		t.Fatalf("dry merge = %+v, %v", dry, err)
	}
	if _, err := f.store.User(bg, dup.ID); err != nil {
		t.Fatal("a dry merge removed the account")
	}
	res, err := sess.MergeUsers(bg, keep.ID, dup.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.store.User(bg, keep.ID)
	must(t, err)
	if got.Login != "bob.blanc" || got.BirthDate != dup.BirthDate || got.Language != model.English || got.Email != "bob@example.fr" ||
		len(got.ClassIDs) != 2 || got.Source != "ent" || got.ExternalID != "E42" {
		t.Errorf("merged account = %+v", got)
	}
	if want := []string{"birth_date", "classes", "language"}; len(res.Fields) != 3 || res.Fields[0] != want[0] || res.Fields[2] != want[2] {
		t.Errorf("fields taken = %v, want %v", res.Fields, want)
	}
	if _, err := f.store.User(bg, dup.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the merged account is still there: %v", err)
	}
	if byExt, err := f.store.UserByExternalID(bg, "ent", "E42"); err != nil || byExt.ID != keep.ID {
		t.Errorf("the next import finds %+v, %v; want the kept account", byExt, err)
	}
	if pp, _ := f.store.User(bg, parent.ID); len(pp.ChildIDs) != 1 || pp.ChildIDs[0] != keep.ID {
		t.Errorf("the parent's children = %v, want the kept account", pp.ChildIDs)
	}
	held, _ := f.store.UserSeats(bg, keep.ID)
	if len(held) != 2 {
		t.Errorf("seats held = %+v; want one per subscription", held)
	}
	if seats, _ := f.store.Seats(bg, both.ID); len(seats) != 1 {
		t.Errorf("the subscription both held has %d seats, want 1", len(seats))
	}
	if prov, _ := f.store.Provenance(bg, keep.ID); prov[model.FieldBirthDate].File != "eleves.csv" {
		t.Errorf("provenance = %+v; the birth date still comes from eleves.csv", prov)
	}
	log, _ := sess.AuditLog(bg, AuditQuery{Action: string(model.AuditUserMerge)})
	if len(log) != 1 || log[0].Detail != "bob.blanc2 → bob.blanc" {
		t.Errorf("audit = %+v", log)
	}
	var me *model.MergeError
	if _, err := sess.MergeUsers(bg, keep.ID, keep.ID, false); !errors.As(err, &me) || me.Problem != model.MergeSelf {
		t.Errorf("merging an account into itself: %v", err)
	}
	other := model.User{OrgID: 999, LastName: "Zed", Login: "zed"}
	must(t, f.store.CreateUser(bg, &other))
	if _, err := sess.MergeUsers(bg, keep.ID, other.ID, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("merging another school's account: %v, want not found", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
