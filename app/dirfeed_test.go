package app

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
	pgstore "rollcall/storage/postgres"
	"rollcall/storage/postgres/pgtest"
)

// TestIndexFollowsAnotherProcess runs two apps on one PostgreSQL database, each with its own
// connections, as two servers on two machines would: what one writes (a user, an edit, a
// deletion, a batch, ids far apart) shows in the other's filters without a restart.
func TestIndexFollowsAnotherProcess(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.URL(t)
	open := func() *pgstore.Store {
		st, err := pgstore.Open(ctx, url, pgstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	reader, writer := open(), open()
	a := New(reader, Options{Argon2: cheapArgon2})
	org := model.Organization{Name: "Collège"}
	if err := writer.CreateOrg(ctx, &org); err != nil {
		t.Fatal(err)
	}
	admin := model.Admin{ID: 1, OrgIDs: []model.ID{org.ID}}
	logins := func() []string {
		t.Helper()
		page, err := a.findUsers(ctx, admin, model.Selection{}, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range page.Users {
			out = append(out, u.Login)
		}
		slices.Sort(out)
		return out
	}
	// eventually waits for the reader's index to show want; it never asserts a duration.
	eventually := func(what string, want ...string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for got := logins(); !slices.Equal(got, want); got = logins() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the other process's index shows %v, want %v", what, got, want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	eventually("empty")

	alice := model.User{OrgID: org.ID, LastName: "Martin", FirstName: "Alice", Login: "alice"}
	if err := writer.CreateUser(ctx, &alice); err != nil {
		t.Fatal(err)
	}
	eventually("a created user", "alice")

	alice.Login = "alice.martin"
	if err := writer.UpdateUser(ctx, alice); err != nil {
		t.Fatal(err)
	}
	eventually("an edited user", "alice.martin")

	// A shared sequence is spent by others: ids jump far ahead, and the index must not grow to
	// the largest id.
	pgtest.Exec(t, url, "SELECT setval('users_id_seq', 1099511627776)")
	var batch storage.Batch
	want := []string{"alice.martin"}
	for i := range 300 {
		login := fmt.Sprintf("u%03d", i)
		batch.Users = append(batch.Users, model.User{ID: model.TempID(i), OrgID: org.ID, LastName: "N", Login: login})
		want = append(want, login)
	}
	if _, err := writer.Apply(ctx, batch); err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	if n := len(want); n > 100 {
		want = want[:100] // one page
	}
	eventually("a batch with ids past 2^40", want...)
	a.dir.mu.RLock()
	dense := len(a.dir.rowOf.dense)
	a.dir.mu.RUnlock()
	if dense > 1<<20 {
		t.Errorf("the index's id table has %d entries for 301 users: it grew to the largest id", dense)
	}

	if err := writer.DeleteUser(ctx, alice.ID); err != nil {
		t.Fatal(err)
	}
	page, err := a.findUsers(ctx, admin, model.Selection{}, 0, 1000)
	for deadline := time.Now().Add(20 * time.Second); err == nil && page.Total != 300 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		page, err = a.findUsers(ctx, admin, model.Selection{}, 0, 1000)
	}
	if err != nil || page.Total != 300 || slices.ContainsFunc(page.Users, func(u model.User) bool { return u.ID == alice.ID }) {
		t.Fatalf("after a deletion elsewhere: %d users, %v; want the 300 of the batch", page.Total, err)
	}
}
