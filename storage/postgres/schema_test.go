package postgres

import (
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
