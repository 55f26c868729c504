package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"testing"

	"rollcall/model"
	"rollcall/storage"
	boltstore "rollcall/storage/bolt"
)

// BenchmarkImport200kIntoAFullStore imports the same 200,000 students into a store holding only
// the admin's school, then into one that also holds 800,000 users of ten other schools
// (ROLLCALL_BENCH_STORE_USERS sets how many: 1000000 for the README's 1M row; build it once,
// run with -benchtime 1x). The ratio of the two CPU figures (cpu-s/op: the process's user and
// system time, what holds on a shared machine) is what the store's size adds to an import.
func BenchmarkImport200kIntoAFullStore(b *testing.B) {
	held := 800_000
	if s := os.Getenv("ROLLCALL_BENCH_STORE_USERS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			b.Fatalf("ROLLCALL_BENCH_STORE_USERS=%q: not a count", s)
		}
		held = n
	}
	dir := b.TempDir()
	path := writeENT(b, dir, 200_000, 0)
	for _, c := range []struct {
		name string
		held int
	}{{"empty", 0}, {fmt.Sprintf("holding-%d", held), held}} {
		b.Run(c.name, func(b *testing.B) {
			db := filepath.Join(dir, c.name+".db")
			writeStoreHolding(b, db, c.held)
			b.ReportAllocs()
			b.ResetTimer()
			cpu := 0.0
			for b.Loop() {
				b.StopTimer()
				a, admin := openStoreCopy(b, db)
				debug.FreeOSMemory() // the generated users' garbage is not the import's to collect, nor to give back
				b.StartTimer()
				cpu0 := cpuSeconds()
				rep, err := a.importFiles(context.Background(), admin, inputs(path), ImportOptions{}, nil)
				if err != nil || rep.Counts.Created != 200_000 {
					b.Fatalf("%+v %v", rep.Counts, err)
				}
				cpu += cpuSeconds() - cpu0
				b.StopTimer()
				a.store.Close()
				b.StartTimer()
			}
			b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
		})
	}
}

// writeStoreHolding writes a bbolt store at path with ten schools holding n generated users
// between them, then the school and the admin the benchmark imports into.
func writeStoreHolding(b *testing.B, path string, n int) {
	st, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for i := range 10 {
		if err := st.CreateOrg(ctx, &model.Organization{Name: fmt.Sprintf("École %d", i+1)}); err != nil {
			b.Fatal(err)
		}
	}
	users := generateUsers(n, 400, 10) // their OrgIDs are 1 to 10: the schools above
	const chunk = 100_000
	for lo := 0; lo < n; lo += chunk {
		part := users[lo:min(lo+chunk, n)]
		for i := range part {
			part[i].ID, part[i].ClassIDs = model.TempID(i+1), nil
		}
		if err := st.ApplySeed(ctx, storage.Seed{Users: part}); err != nil {
			b.Fatal(err)
		}
	}
	org := model.Organization{Name: "Lycée"}
	if err := st.CreateOrg(ctx, &org); err != nil {
		b.Fatal(err)
	}
	if err := st.CreateAdmin(ctx, &model.Admin{Email: "a@example.fr", OrgIDs: []model.ID{org.ID}}); err != nil {
		b.Fatal(err)
	}
}

// openStoreCopy opens a fresh copy of the store at path, and its admin.
func openStoreCopy(b *testing.B, path string) (*App, model.Admin) {
	dst := filepath.Join(b.TempDir(), "copy.db")
	in, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := boltstore.Open(dst, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	admin, err := st.AdminByEmail(context.Background(), "a@example.fr")
	if err != nil {
		b.Fatal(err)
	}
	return New(st, Options{}), admin
}
