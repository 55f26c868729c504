package app

import (
	"context"
	"testing"
	"time"

	"rollcall/importers"
	"rollcall/model"
	"rollcall/storage"
)

// BenchmarkImportFloor100k sets the import of 100,000 students beside its floor: the same file
// parsed and its rows written to an empty bbolt store as users, with nothing else (no matching,
// no login made, no activation code, no provenance, history or audit). The ratio of the two is
// the README's "import over its floor".
func BenchmarkImportFloor100k(b *testing.B) {
	path := writeENT(b, b.TempDir(), 100_000, 0)
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		cpu := 0.0
		for b.Loop() {
			b.StopTimer()
			a, admin := benchApp(b, "bolt")
			b.StartTimer()
			cpu0 := cpuSeconds()
			batch, err := importers.Parse(context.Background(), inputs(path), importers.Options{}, nil)
			if err != nil {
				b.Fatal(err)
			}
			now := time.Now()
			users := make([]model.User, len(batch.Records))
			for i, r := range batch.Records {
				users[i] = model.User{ID: model.TempID(i + 1), OrgID: admin.OrgIDs[0], Profile: r.Profile, LastName: r.LastName,
					FirstName: r.FirstName, Login: r.ExternalID, BirthDate: r.BirthDate, Source: "ent", ExternalID: r.ExternalID,
					CreatedAt: now, UpdatedAt: now}
			}
			if _, err := a.store.Apply(context.Background(), storage.Batch{Users: users}); err != nil {
				b.Fatal(err)
			}
			cpu += cpuSeconds() - cpu0
		}
		b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
	})
	b.Run("import", func(b *testing.B) {
		b.ReportAllocs()
		cpu := 0.0
		for b.Loop() {
			b.StopTimer()
			a, admin := benchApp(b, "bolt")
			b.StartTimer()
			cpu0 := cpuSeconds()
			rep, err := a.importFiles(context.Background(), admin, inputs(path), ImportOptions{}, nil)
			if err != nil || rep.Counts.Created != 100_000 {
				b.Fatalf("%+v %v", rep.Counts, err)
			}
			cpu += cpuSeconds() - cpu0
		}
		b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
	})
}
