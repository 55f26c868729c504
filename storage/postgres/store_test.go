package postgres

import (
	"context"
	"testing"

	"rollcall/storage"
	"rollcall/storage/postgres/pgtest"
	"rollcall/storage/storagetest"
)

func TestContract(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store { return openTemp(t) })
}

// openTemp opens a store on a fresh database; the caller (or Run) closes it.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.URL(t), Options{MaxConns: 8})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}
