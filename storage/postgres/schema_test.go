package postgres

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"rollcall/model"
	"rollcall/storage"
	"rollcall/storage/postgres/pgtest"
)

func TestVersion3EndsSessionsKeptByTheirRawToken(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.URL(t)
	old := openAt(t, url, 2)
	if old.SchemaVersion() != 2 {
		t.Fatalf("old store at version %d, want 2", old.SchemaVersion())
	}
	if err := old.PutSession(ctx, model.Session{TokenHash: model.HashSecret("raw-token"), AdminID: 1}); err != nil {
		t.Fatal(err)
	}
	if err := old.SetLocalToken(ctx, "alice", "raw-token"); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s := openAt(t, url, CurrentSchema)
	defer s.Close()
	if s.SchemaVersion() != CurrentSchema {
		t.Errorf("upgraded to version %d, want %d", s.SchemaVersion(), CurrentSchema)
	}
	if tok, err := s.LocalToken(ctx, "alice"); err != nil || tok != "" {
		t.Errorf("after the upgrade the raw token is still there: %q, %v", tok, err)
	}
	if _, err := s.Session(ctx, model.HashSecret("raw-token")); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the old session survived the upgrade: %v", err)
	}
	if err := s.PutSession(ctx, model.Session{TokenHash: "h", AdminID: 1}); err != nil {
		t.Errorf("a new session after the upgrade: %v", err)
	}
	if _, err := s.Session(ctx, "h"); err != nil {
		t.Errorf("a session put after the upgrade: %v", err)
	}
}

func TestNewerDatabaseIsRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.URL(t)
	s := openAt(t, url, CurrentSchema)
	s.Close()
	if _, err := open(ctx, url, Options{}, migrations[:CurrentSchema-1]); !errors.Is(err, storage.ErrNewerSchema) {
		t.Errorf("an older binary opened a version %d database: %v", CurrentSchema, err)
	}
}

// Version 5 gives every school a copy of each vendor key trusted while keys were one per
// database.
func TestVersion5CopiesVendorKeysToEverySchool(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.URL(t)
	old := openAt(t, url, 4)
	var orgIDs []model.ID
	for _, name := range []string{"École A", "École B"} {
		o := model.Organization{Name: name}
		if err := old.CreateOrg(ctx, &o); err != nil {
			t.Fatal(err)
		}
		orgIDs = append(orgIDs, o.ID)
	}
	pub := make([]byte, 32)
	pub[0] = 9
	k := model.VendorKey{Vendor: "Acme", Public: pub, Origin: model.KeyAdded, AddedBy: 1}
	raw, err := jsonEncode(&k)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.pool.Exec(ctx, "INSERT INTO vendor_keys (fingerprint, data) VALUES ($1, $2)", []byte(k.Fingerprint()), raw); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s := openAt(t, url, CurrentSchema)
	defer s.Close()
	for _, org := range orgIDs {
		list, err := s.ListVendorKeys(ctx, org)
		if err != nil || len(list) != 1 || list[0].OrgID != org || !bytes.Equal(list[0].Public, pub) {
			t.Errorf("school %d's keys after the upgrade: %+v, %v", org, list, err)
		}
	}
	if err := s.DeleteVendorKey(ctx, orgIDs[0], k.Fingerprint(), nil); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.ListVendorKeys(ctx, orgIDs[1]); len(list) != 1 {
		t.Errorf("removing A's copy removed B's: %v", list)
	}
}

// Version 6 gives the email seats written before version 2 their holder's account, so
// deleting the account frees them; an email two accounts share stays an email seat.
func TestVersion6LinksEmailSeatsToTheirAccounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.URL(t)
	old := openAt(t, url, 5)
	org := model.Organization{Name: "École A"}
	if err := old.CreateOrg(ctx, &org); err != nil {
		t.Fatal(err)
	}
	sub := model.Subscription{OrgID: org.ID, Product: "Manuels", Seats: 10}
	if err := old.CreateSubscription(ctx, &sub); err != nil {
		t.Fatal(err)
	}
	var ids []model.ID
	for i, u := range []model.User{
		{Login: "lea.martin", Email: "lea@example.fr"},
		{Login: "jo.roux", Email: "famille@example.fr"},
		{Login: "al.roux", Email: "famille@example.fr"},
	} {
		u.OrgID, u.Profile, u.LastName, u.FirstName = org.ID, model.Student, "N", fmt.Sprint(i)
		if err := old.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, u.ID)
	}
	for i, email := range []string{"lea@example.fr", "famille@example.fr", "dehors@example.fr"} {
		raw, err := jsonEncode(&model.Seat{Email: email})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := old.pool.Exec(ctx, "INSERT INTO seats (sub_id, id, data) VALUES ($1, $2, $3)", int64(sub.ID), int64(i+1), raw); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	s := openAt(t, url, CurrentSchema)
	defer s.Close()
	held, err := s.UserSeats(ctx, ids[0])
	if err != nil || len(held) != 1 || held[0].Login != "lea.martin" {
		t.Fatalf("Léa's seats after the upgrade: %+v, %v", held, err)
	}
	if err := s.DeleteUser(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	seats, err := s.Seats(ctx, sub.ID)
	if err != nil || len(seats) != 2 {
		t.Fatalf("after deleting Léa: %+v, %v; want her seat freed and the two others kept", seats, err)
	}
	for _, seat := range seats {
		if seat.UserID != 0 {
			t.Errorf("%s is linked to account %d: a shared or outside email stays an email seat", seat.Email, seat.UserID)
		}
	}
}

// openAt opens the test database with the migrations up to version, as a Rollcall of that
// version would.
func openAt(t *testing.T, url string, version int) *Store {
	t.Helper()
	s, err := open(context.Background(), url, Options{}, migrations[:version])
	if err != nil {
		t.Fatal(err)
	}
	return s
}
