package storagetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var walkTests = []test{
	{"id order, copies stay valid", testWalkOrder},
	{"fn error stops the walk", testWalkStop},
	{"cancelled before the walk", testWalkCancelledBefore},
	{"cancelled during the walk", testWalkCancelledDuring},
}

// seedUsers writes n users in one seed; their logins are u00000, u00001, ...
func seedUsers(t *testing.T, s storage.Store, n int) {
	t.Helper()
	seed := storage.Seed{Users: make([]model.User, n)}
	for i := range seed.Users {
		seed.Users[i] = model.User{ID: model.TempID(i), Profile: model.Student, LastName: fmt.Sprint("Name", i),
			Login: fmt.Sprintf("u%05d", i), ClassIDs: []model.ID{model.ID(i%7 + 1)}}
	}
	must(t, "ApplySeed", s.ApplySeed(bg, seed))
}

func testWalkOrder(t *testing.T, s storage.Store) {
	var created []model.User
	for i := range 5 {
		u := fullUser(fmt.Sprint("walker", i))
		u.ClassIDs = []model.ID{model.ID(i)}
		must(t, "CreateUser", s.CreateUser(bg, &u))
		created = append(created, u)
	}
	must(t, "DeleteUser", s.DeleteUser(bg, created[2].ID))
	created = append(created[:2], created[3:]...)

	// fn may get one value overwritten by every user: copies of it must stay right.
	var kept []model.User
	must(t, "ForEachUser", s.ForEachUser(bg, func(u *model.User) error {
		kept = append(kept, *u)
		return nil
	}))
	if len(kept) != len(created) {
		t.Fatalf("ForEachUser visited %d users, want %d", len(kept), len(created))
	}
	for i, u := range kept {
		same(t, fmt.Sprintf("copy of user #%d kept from the walk", i), u, created[i])
		if i > 0 && u.ID <= kept[i-1].ID {
			t.Errorf("walk order: id %d after %d", u.ID, kept[i-1].ID)
		}
	}
}

func testWalkStop(t *testing.T, s storage.Store) {
	seedUsers(t, s, 10)
	stop := errors.New("enough")
	n := 0
	err := s.ForEachUser(bg, func(*model.User) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	isErr(t, "ForEachUser", err, stop)
	if n != 3 {
		t.Errorf("fn called %d times after returning an error at the 3rd, want 3", n)
	}
}

func testWalkCancelledBefore(t *testing.T, s storage.Store) {
	seedUsers(t, s, 3)
	ctx, cancel := context.WithCancel(bg)
	cancel()
	called := false
	err := s.ForEachUser(ctx, func(*model.User) error { called = true; return nil })
	isErr(t, "ForEachUser with a cancelled context", err, context.Canceled)
	if called {
		t.Error("fn called with a context cancelled before the walk")
	}
}

// testWalkCancelledDuring allows an implementation to notice cancellation only every so many
// records, but well before the end of 5,000.
func testWalkCancelledDuring(t *testing.T, s storage.Store) {
	const total = 5000
	seedUsers(t, s, total)
	ctx, cancel := context.WithCancel(bg)
	defer cancel()
	n := 0
	err := s.ForEachUser(ctx, func(*model.User) error {
		if n++; n == 10 {
			cancel()
		}
		return nil
	})
	isErr(t, "ForEachUser cancelled at the 10th user", err, context.Canceled)
	if n >= total {
		t.Errorf("walk went on to the end (%d users) after cancellation", n)
	}
}
