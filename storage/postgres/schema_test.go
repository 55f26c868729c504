package postgres

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
	"rollcall/storage/postgres/pgtest"
)

func TestVersion3EndsSessionsKeptByTheirRawToken(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.URL(t)
	old, err := open(ctx, url, Options{}, migrations[:2])
	if err != nil {
		t.Fatal(err)
	}
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
	s, err := Open(ctx, url, Options{})
	if err != nil {
		t.Fatal(err)
	}
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
	s, err := Open(ctx, url, Options{})
	if err != nil {
		t.Fatal(err)
	}
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
	old, err := open(ctx, url, Options{}, migrations[:4])
	if err != nil {
		t.Fatal(err)
	}
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
	s, err := Open(ctx, url, Options{})
	if err != nil {
		t.Fatal(err)
	}
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
