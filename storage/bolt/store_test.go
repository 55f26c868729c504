package bolt

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"rollcall/model"
	"rollcall/storage"
	"rollcall/storage/storagetest"
)

func TestContract(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store {
		s, err := Open(filepath.Join(t.TempDir(), "rollcall.db"), Options{})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	})
}

// openTemp opens a store in a fresh directory and closes it when the test ends.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "dir", "rollcall.db"), Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestOpenCreatesPrivateFile(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	info, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("file mode %v, want 0600", mode)
	}
	if v := s.SchemaVersion(); v != CurrentSchema {
		t.Errorf("SchemaVersion = %d, want %d", v, CurrentSchema)
	}
	if len(migrations) != CurrentSchema {
		t.Errorf("%d migrations for schema %d", len(migrations), CurrentSchema)
	}
}

func TestReopenKeepsData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rollcall.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := model.User{LastName: "Persistent", Login: "keep.me", Source: "ent", ExternalID: "9", ClassIDs: []model.ID{4}}
	if err := s.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	a := model.Admin{Email: "ada@example.org", FullName: "Ada"}
	if err := s.CreateAdmin(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMeta(ctx, "lang", "fr"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got, err := s.UserByLogin(ctx, "keep.me"); err != nil || got.ID != u.ID || got.ClassIDs[0] != 4 {
		t.Errorf("UserByLogin after reopen = %+v, %v", got, err)
	}
	if got, err := s.UserByExternalID(ctx, "ent", "9"); err != nil || got.ID != u.ID {
		t.Errorf("UserByExternalID after reopen = %d, %v", got.ID, err)
	}
	if got, err := s.AdminByEmail(ctx, "ada@example.org"); err != nil || got.ID != a.ID {
		t.Errorf("AdminByEmail after reopen = %d, %v", got.ID, err)
	}
	if v, err := s.Meta(ctx, "lang"); err != nil || v != "fr" {
		t.Errorf("Meta after reopen = %q, %v", v, err)
	}
	next := model.User{LastName: "Next"}
	if err := s.CreateUser(ctx, &next); err != nil || next.ID <= u.ID {
		t.Errorf("id after reopen = %d, %v; want more than %d", next.ID, err, u.ID)
	}
}

func TestReadOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rollcall.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetMeta(ctx, "k", "v"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open: %v", err)
	}
	defer ro.Close()
	if v, err := ro.Meta(ctx, "k"); err != nil || v != "v" {
		t.Errorf("Meta read-only = %q, %v", v, err)
	}
	if err := ro.SetMeta(ctx, "k", "w"); err == nil {
		t.Error("SetMeta on a read-only store succeeded")
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing.db"), Options{ReadOnly: true}); err == nil {
		t.Error("read-only open of a missing file succeeded")
	}
}
