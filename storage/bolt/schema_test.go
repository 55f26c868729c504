package bolt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
	"rollcall/storage/usercodec"
)

// rawFile builds a bbolt file by hand, as an older (or newer, or foreign) program left it.
func rawFile(t *testing.T, build func(tx *bbolt.Tx) error) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rollcall.db")
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if build != nil {
		if err := db.Update(build); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// v1File is a version 1 file holding one user, written without the Store.
func v1File(t *testing.T) string {
	return rawFile(t, func(tx *bbolt.Tx) error {
		if err := createV1Buckets(tx); err != nil {
			return err
		}
		u := sampleUser()
		u.ID = 1
		if err := users.insert(tx, &u); err != nil {
			return err
		}
		return writeVersion(tx, 1)
	})
}

// snapshot is what must not change when Open refuses a file.
type snapshot struct {
	data  []byte
	mtime time.Time
}

func snap(t *testing.T, path string) snapshot {
	t.Helper()
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !info.ModTime().Equal(old) { // an mtime in the past makes any write show
		if err := os.Chtimes(path, old, old); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return snapshot{data, old}
}

func (s snapshot) unchanged(t *testing.T, path string) {
	t.Helper()
	now := snap(t, path)
	info, _ := os.Stat(path)
	if !bytes.Equal(now.data, s.data) || !info.ModTime().Equal(s.mtime) {
		t.Errorf("the refused file was modified (mtime %v)", info.ModTime())
	}
}

func TestMigrateEmptyFile(t *testing.T) {
	t.Parallel()
	path := rawFile(t, nil) // version 0: a bbolt file with no bucket
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if s.SchemaVersion() != CurrentSchema {
		t.Errorf("SchemaVersion = %d, want %d", s.SchemaVersion(), CurrentSchema)
	}
	u := model.User{LastName: "New", Login: "new"}
	if err := s.CreateUser(context.Background(), &u); err != nil {
		t.Errorf("CreateUser on the migrated file: %v", err)
	}
}

func TestMigrationStepRunsOnceWithTheVersionBump(t *testing.T) {
	t.Parallel()
	path := v1File(t)
	runs := 0
	steps := append(migrations[:1:1], func(tx *bbolt.Tx) error {
		// A v1 → v2 step as a real one would look: rewrite every user.
		runs++
		c := tx.Bucket(bucketUsers).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var u model.User
			if err := usercodec.Decode(v, &u); err != nil {
				return err
			}
			u.ID = btoi(k)
			u.LastName = strings.ToUpper(u.LastName)
			if err := users.put(tx, &u, u.ID); err != nil {
				return err
			}
		}
		return nil
	})
	for range 2 {
		s, err := open(path, Options{}, steps)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		if s.SchemaVersion() != 2 {
			t.Errorf("SchemaVersion = %d, want 2", s.SchemaVersion())
		}
		u, err := s.User(context.Background(), 1)
		if err != nil || u.LastName != "LEFÈVRE" {
			t.Errorf("user after migration: %q, %v", u.LastName, err)
		}
		s.Close()
	}
	if runs != 1 {
		t.Errorf("the v1 → v2 step ran %d times over two opens, want 1", runs)
	}
}

func TestFailedMigrationKeepsTheOldVersion(t *testing.T) {
	t.Parallel()
	path := v1File(t)
	boom := errors.New("boom")
	steps := append(migrations[:1:1], func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketSettings).Put([]byte("half"), []byte("done")); err != nil {
			return err
		}
		return boom
	})
	if _, err := open(path, Options{}, steps); !errors.Is(err, boom) {
		t.Fatalf("open with a failing step: %v, want boom", err)
	}
	s, err := open(path, Options{}, migrations[:1:1]) // a Rollcall that knows version 1 only
	if err != nil {
		t.Fatalf("Open after the failed migration: %v", err)
	}
	defer s.Close()
	if s.SchemaVersion() != 1 {
		t.Errorf("SchemaVersion = %d, want 1", s.SchemaVersion())
	}
	if v, _ := s.Meta(context.Background(), "half"); v != "" {
		t.Errorf("the failed step's write survived: %q", v)
	}
}

func TestNewerFileIsRefusedUntouched(t *testing.T) {
	t.Parallel()
	path := rawFile(t, func(tx *bbolt.Tx) error {
		if err := createV1Buckets(tx); err != nil {
			return err
		}
		return writeVersion(tx, CurrentSchema+1)
	})
	before := snap(t, path)
	for _, opts := range []Options{{}, {ReadOnly: true}} {
		_, err := Open(path, opts)
		if !errors.Is(err, storage.ErrNewerSchema) {
			t.Fatalf("Open(%+v) = %v, want ErrNewerSchema", opts, err)
		}
		want := fmt.Sprintf("file is version %d, this Rollcall knows up to %d", CurrentSchema+1, CurrentSchema)
		if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("error %q should name the path and say %q", err, want)
		}
		before.unchanged(t, path)
	}
	// The lock was released: the file can be opened again (and refused again).
	if _, err := Open(path, Options{Timeout: 100 * time.Millisecond}); !errors.Is(err, storage.ErrNewerSchema) {
		t.Errorf("second Open = %v, want ErrNewerSchema", err)
	}
}

func TestRefusedFilesStayUntouched(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		build func(tx *bbolt.Tx) error
		opts  Options
	}{
		"another program's file": {build: func(tx *bbolt.Tx) error {
			_, err := tx.CreateBucket([]byte("their_stuff"))
			return err
		}},
		"older file opened read-only": {opts: Options{ReadOnly: true}},
		"corrupt version": {build: func(tx *bbolt.Tx) error {
			b, err := tx.CreateBucket(bucketMeta)
			if err != nil {
				return err
			}
			return b.Put(schemaKey, []byte("one"))
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			path := rawFile(t, tc.build)
			before := snap(t, path)
			if s, err := Open(path, tc.opts); err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			before.unchanged(t, path)
		})
	}
}

// TestOpenUpgradesAV1File runs the real migration list on a file as version 1 left it.
func TestOpenUpgradesAV1File(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := v1File(t)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if s.SchemaVersion() != CurrentSchema {
		t.Errorf("SchemaVersion = %d, want %d", s.SchemaVersion(), CurrentSchema)
	}
	u, err := s.User(ctx, 1)
	if want := sampleUser(); err != nil || u.Login != want.Login {
		t.Errorf("the v1 user after the upgrade: %q, %v", u.Login, err)
	}
	if got, err := s.UserByLogin(ctx, u.Login); err != nil || got.ID != 1 {
		t.Errorf("the v1 login index after the upgrade: %d, %v", got.ID, err)
	}
	if _, err := s.ListImports(ctx); err != nil {
		t.Errorf("ListImports on the upgraded file: %v", err)
	}
	if _, err := s.Apply(ctx, storage.Batch{Provenance: map[model.ID]model.Provenance{1: {model.FieldEmail: {File: "f.csv", Line: 2}}}}); err != nil {
		t.Errorf("writing provenance on the upgraded file: %v", err)
	}
}

// sampleUser is a typical imported pupil.
func sampleUser() model.User {
	return model.User{OrgID: 3, Profile: model.Student, LastName: "Lefèvre", FirstName: "Chloé",
		Login: "chloe.lefevre12", Email: "chloe.lefevre12@college-moulin.example.fr",
		BirthDate: model.Date{Year: 2012, Month: 3, Day: 31}, Language: model.French,
		ClassIDs: []model.ID{14}, GroupIDs: []model.ID{31, 40}, Source: "ent",
		ExternalID: "f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", ActivationCode: "K7MP-R2XW",
		CreatedAt: time.Date(2026, 9, 1, 7, 12, 3, 0, time.UTC), UpdatedAt: time.Date(2026, 9, 14, 16, 2, 41, 0, time.UTC),
		ByHand: model.FieldSet(0).With(model.FieldEmail)}
}

func TestVersion5EndsSessionsKeptByTheirRawToken(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "v4.db")
	ctx := context.Background()
	old, err := open(path, Options{}, migrations[:4])
	if err != nil {
		t.Fatal(err)
	}
	if err := old.PutSession(ctx, model.Session{TokenHash: model.HashSecret("raw-token"), AdminID: 1}); err != nil {
		t.Fatal(err)
	}
	if err := old.SetLocalToken(ctx, "alice", "raw-token"); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if tok, err := s.LocalToken(ctx, "alice"); err != nil || tok != "" {
		t.Errorf("after the upgrade the raw token is still there: %q, %v", tok, err)
	}
	if _, err := s.Session(ctx, model.HashSecret("raw-token")); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the old session survived the upgrade: %v", err)
	}
	if err := s.PutSession(ctx, model.Session{TokenHash: "h", AdminID: 1}); err != nil {
		t.Errorf("a new session after the upgrade: %v", err)
	}
}

// Version 7 gives every school a copy of each vendor key trusted while keys were one per file.
func TestVersion7CopiesVendorKeysToEverySchool(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "v6.db")
	ctx := context.Background()
	old, err := open(path, Options{}, migrations[:6])
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
	k := model.VendorKey{Vendor: "Acme", Public: pub, Origin: model.KeyAdded, AddedAt: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), AddedBy: 1}
	if err := old.db.Update(func(tx *bbolt.Tx) error { // as version 6 filed it: under the fingerprint alone
		raw, err := jsonEncode(&k)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketVendorKeys).Put([]byte(k.Fingerprint()), raw)
	}); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, org := range orgIDs {
		list, err := s.ListVendorKeys(ctx, org)
		want := k
		want.OrgID = org
		if err != nil || len(list) != 1 || list[0].OrgID != org || !bytes.Equal(list[0].Public, pub) || list[0].Vendor != "Acme" {
			t.Errorf("school %d's keys after the upgrade: %+v, %v; want %+v", org, list, err, want)
		}
	}
	if err := s.DeleteVendorKey(ctx, orgIDs[0], k.Fingerprint(), nil); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.ListVendorKeys(ctx, orgIDs[1]); len(list) != 1 {
		t.Errorf("removing A's copy removed B's: %v", list)
	}
}
