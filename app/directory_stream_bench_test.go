package app

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
	boltstore "rollcall/storage/bolt"
)

// writeBigSchool writes n generated users into one organization, the way writeBigStore does.
func writeBigSchool(b *testing.B, path string, n int) model.ID {
	st, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.ApplySeed(ctx, storage.Seed{Orgs: []model.Organization{{ID: model.TempID(1), Name: "Big", Country: "FR"}}}); err != nil {
		b.Fatal(err)
	}
	orgs, _ := st.ListOrgs(ctx)
	org := orgs[0].ID
	users := generateUsers(n, 400, 1)
	const chunk = 100_000
	for lo := 0; lo < n; lo += chunk {
		part := users[lo:min(lo+chunk, n)]
		for i := range part {
			part[i].ID, part[i].ClassIDs, part[i].ChildIDs, part[i].OrgID = model.TempID(i+1), nil, nil, org
		}
		if err := st.ApplySeed(ctx, storage.Seed{Users: part}); err != nil {
			b.Fatal(err)
		}
	}
	return org
}

var errEnough = errors.New("enough")

// BenchmarkListTeachers1M is `users list --profile teacher --json | head` on a store of a
// million users whose index is built: the time to the first batch of rows (what head waits
// for), then the whole list streamed, with the heap it needed.
func BenchmarkListTeachers1M(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.db")
	org := writeBigSchool(b, path, benchUsers)
	st, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	a := New(st, Options{})
	ctx := context.Background()
	if err := a.WarmUp(ctx); err != nil {
		b.Fatal(err)
	}
	admin := model.Admin{OrgIDs: []model.ID{org}}
	sel := model.Selection{Profiles: []model.Profile{model.Teacher}}
	b.Run("first-batch", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			err := a.eachUserBatch(ctx, admin, sel, 0, 0, func(int, []model.User) error { return errEnough })
			if !errors.Is(err, errEnough) {
				b.Fatal(err)
			}
		}
	})
	b.Run("whole-list", func(b *testing.B) {
		var before, after runtime.MemStats
		for b.Loop() {
			runtime.GC()
			runtime.ReadMemStats(&before)
			n, peak := 0, uint64(0)
			start := time.Now()
			err := a.eachUserBatch(ctx, admin, sel, 0, 0, func(_ int, users []model.User) error {
				n += len(users)
				if n%(64*streamBatch) == 0 { // the live heap: what the list holds, garbage aside
					runtime.GC()
					runtime.ReadMemStats(&after)
					peak = max(peak, after.HeapInuse)
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n), "users")
			b.ReportMetric(float64(peak-min(peak, before.HeapInuse))/(1<<20), "MB-live-heap-growth")
			b.ReportMetric(time.Since(start).Seconds(), "s")
		}
	})
}
