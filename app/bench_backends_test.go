package app

import (
	"context"
	"path/filepath"
	"testing"

	"rollcall/storage"
	boltstore "rollcall/storage/bolt"
	pgstore "rollcall/storage/postgres"
	"rollcall/storage/postgres/pgtest"
)

// benchBackends are the stores the storage benchmarks run on, side by side in one run.
var benchBackends = []string{"bolt", "postgres"}

// benchOpener returns a function that opens one new, empty store of the backend again and
// again (the same file or database), closed when b ends.
func benchOpener(b *testing.B, backend string) func() storage.Store {
	b.Helper()
	var open func() (storage.Store, error)
	switch backend {
	case "postgres":
		url := pgtest.URL(b)
		open = func() (storage.Store, error) { return pgstore.Open(context.Background(), url, pgstore.Options{}) }
	default:
		path := filepath.Join(b.TempDir(), "bench.db")
		open = func() (storage.Store, error) { return boltstore.Open(path, boltstore.Options{}) }
	}
	return func() storage.Store {
		st, err := open()
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		return st
	}
}
