package storagetest

import (
	"errors"
	"fmt"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// batchFailureTests complement batchTests: a batch that fails for a missing or unknown record
// must leave every part of the store as it was, creations and settings included.
var batchFailureTests = []test{
	{"a missing or unknown record writes nothing", testBatchFailureWritesNothing},
	{"a big batch whose login is taken or given twice writes nothing", testBigBatchLoginConflicts},
}

// batchFixture is an organization with two classes and two users, stored one by one.
type batchFixture struct {
	org          model.Organization
	keep, gone   model.Class
	alice, bruno model.User
}

func newBatchFixture(t *testing.T, s storage.Store) batchFixture {
	f := batchFixture{org: model.Organization{Name: "Collège"}}
	must(t, "CreateOrg", s.CreateOrg(bg, &f.org))
	f.keep = model.Class{OrgID: f.org.ID, Code: "3A"}
	f.gone = model.Class{OrgID: f.org.ID, Code: "3B"}
	must(t, "CreateClass", s.CreateClass(bg, &f.keep))
	must(t, "CreateClass", s.CreateClass(bg, &f.gone))
	f.alice = model.User{OrgID: f.org.ID, LastName: "Alice", Login: "alice", ClassIDs: []model.ID{f.gone.ID}}
	f.bruno = model.User{OrgID: f.org.ID, LastName: "Bruno", Login: "bruno", Source: "ent", ExternalID: "b"}
	must(t, "CreateUser", s.CreateUser(bg, &f.alice))
	must(t, "CreateUser", s.CreateUser(bg, &f.bruno))
	return f
}

// unchanged fails unless the fixture is as newBatchFixture left it.
func (f batchFixture) unchanged(t *testing.T, s storage.Store) {
	t.Helper()
	for _, want := range []model.User{f.alice, f.bruno} {
		got, err := s.User(bg, want.ID)
		must(t, "User", err)
		same(t, "user after a failed batch", got, want)
	}
	if classes, err := s.ListClasses(bg); err != nil || len(classes) != 2 {
		t.Errorf("classes after a failed batch: %d, %v; want 2", len(classes), err)
	}
	if n, err := s.CountUsers(bg); err != nil || n != 2 {
		t.Errorf("users after a failed batch: %d, %v; want 2", n, err)
	}
	if v, _ := s.Meta(bg, "batch"); v != "" {
		t.Errorf("a failed batch wrote meta %q", v)
	}
}

func testBatchFailureWritesNothing(t *testing.T, s storage.Store) {
	f := newBatchFixture(t, s)
	for name, b := range map[string]storage.Batch{
		"update of a missing user": {Users: []model.User{{ID: 999, Login: "ghost"}},
			Classes: []model.Class{{ID: model.TempID(1), OrgID: f.org.ID, Code: "5A"}}},
		"delete of a missing user": {DeleteUsers: []model.ID{f.alice.ID, 999}, Meta: map[string]string{"batch": "x"}},
		"unknown temporary class": {Users: []model.User{{ID: model.TempID(3), Login: "new",
			ClassIDs: []model.ID{model.TempID(9)}}}},
	} {
		_, err := s.Apply(bg, b)
		isErr(t, name, err, storage.ErrNotFound)
		f.unchanged(t, s)
	}
}

// testBigBatchLoginConflicts: a batch of hundreds of new users (written in bulk) is refused
// whole when one login is held by a stored user, whatever its case and wherever it falls among
// the held ones, or when two new users share one; a batch among held logins is written.
func testBigBatchLoginConflicts(t *testing.T, s storage.Store) {
	var held []model.User
	for i := range 300 {
		held = append(held, model.User{ID: model.TempID(i), Login: fmt.Sprintf("held%04d", 2*i)})
	}
	must(t, "ApplySeed", s.ApplySeed(bg, storage.Seed{Users: held}))
	batch := func(taken string) []model.User {
		var users []model.User
		for i := range 200 {
			users = append(users, model.User{ID: model.TempID(i), Login: fmt.Sprintf("held%04d", 2*i+1)}) // between held ones
		}
		if taken != "" {
			users[150].Login = taken
		}
		return users
	}
	for _, taken := range []string{"HELD0000", "held0598", "Held0300", "held0001"} {
		_, err := s.Apply(bg, storage.Batch{Users: batch(taken)})
		if !errors.Is(err, storage.ErrConflict) {
			t.Errorf("login %q taken: %v, want a conflict", taken, err)
		}
		if n, _ := s.CountUsers(bg); n != 300 {
			t.Fatalf("%d users after a refused batch, want 300", n)
		}
	}
	_, err := s.Apply(bg, storage.Batch{Users: batch("")})
	must(t, "Apply among held logins", err)
	if u, err := s.UserByLogin(bg, "held0301"); err != nil || u.Login != "held0301" {
		t.Errorf("a new user among held logins: %+v, %v", u, err)
	}
}
