package app

import (
	"context"
	"os"
	"strconv"
	"testing"

	"rollcall/importers/aaf/aaftest"
)

// BenchmarkImportAAF100k imports an académie feed of 100,000 persons (pupils, guardians and
// staff of 20 schools, in numbered files built on the sample feed's structure) into a store
// with none of them, on each backend.
func BenchmarkImportAAF100k(b *testing.B) {
	dir := b.TempDir()
	c, err := aaftest.Write(dir, aaftest.Feed{Persons: 100_000})
	if err != nil {
		b.Fatal(err)
	}
	for _, backend := range benchBackends {
		b.Run(backend, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				a, admin := benchApp(b, backend)
				b.StartTimer()
				rep, err := a.importFiles(context.Background(), admin, inputs(dir), ImportOptions{}, nil)
				if err != nil || rep.Counts.Created != c.Pupils+c.Guardians+c.Staff {
					b.Fatalf("%+v %v", rep.Counts, err)
				}
			}
		})
	}
}

// BenchmarkReimportAAF100k1pct imports the same feed again with 1% of the persons' emails
// changed.
func BenchmarkReimportAAF100k1pct(b *testing.B) {
	first, changed := b.TempDir(), b.TempDir()
	if _, err := aaftest.Write(first, aaftest.Feed{Persons: 100_000}); err != nil {
		b.Fatal(err)
	}
	if _, err := aaftest.Write(changed, aaftest.Feed{Persons: 100_000, Modified: 100}); err != nil {
		b.Fatal(err)
	}
	for _, backend := range benchBackends {
		b.Run(backend, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				a, admin := benchApp(b, backend)
				if _, err := a.importFiles(context.Background(), admin, inputs(first), ImportOptions{}, nil); err != nil {
					b.Fatal(err)
				}
				admin, _ = a.store.Admin(context.Background(), admin.ID) // now also of the schools the feed created
				b.StartTimer()
				rep, err := a.importFiles(context.Background(), admin, inputs(changed), ImportOptions{}, nil)
				if err != nil || rep.Counts.Updated < 900 || rep.Counts.Created != 0 || rep.Counts.PendingDeletion != 0 {
					b.Fatalf("%+v %v", rep.Counts, err)
				}
			}
		})
	}
}

// TestWriteAAFFeed writes a generated feed for measuring the built binary (opt-in, out of the
// default suite): ROLLCALL_AAF_FEED=dir ROLLCALL_AAF_PERSONS=1000000 go test -run WriteAAFFeed ./app;
// ROLLCALL_AAF_MODIFIED=100 changes every 100th person's email, for a re-import.
func TestWriteAAFFeed(t *testing.T) {
	dir := os.Getenv("ROLLCALL_AAF_FEED")
	if dir == "" {
		t.Skip("set ROLLCALL_AAF_FEED (and ROLLCALL_AAF_PERSONS) to write a feed")
	}
	n, err := strconv.Atoi(os.Getenv("ROLLCALL_AAF_PERSONS"))
	if err != nil || n <= 0 {
		n = 100_000
	}
	modified, _ := strconv.Atoi(os.Getenv("ROLLCALL_AAF_MODIFIED"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := aaftest.Write(dir, aaftest.Feed{Persons: n, Modified: modified})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pupils, %d guardians, %d staff in %d files", c.Pupils, c.Guardians, c.Staff, len(c.Files))
}
