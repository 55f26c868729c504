// Package storetest opens a fresh store for tests outside storage/ and cmd/: a real bbolt file
// in the test's temporary folder, closed when the test ends. Only cmd picks a backend for the
// program; tests of the layers above take theirs from here, so no face depends on one.
package storetest

import (
	"path/filepath"
	"testing"

	"rollcall/storage"
	"rollcall/storage/bolt"
)

// Open returns a new, empty store on a real bbolt file in t.TempDir().
func Open(t testing.TB) storage.Store {
	t.Helper()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "rollcall.db"), bolt.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}
