package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

const benchUsers = 1_000_000

// benchIndex is one in-memory index of a million generated users, shared by the filter benchmarks.
var benchIndex = sync.OnceValue(func() *dirIndex {
	d := newDirIndex(time.UTC)
	d.grow(benchUsers)
	for _, u := range generateUsers(benchUsers, 400, 10) {
		d.set(&u)
	}
	d.resort()
	d.built = true
	return d
})

// generateUsers makes n users spread over orgs organizations with 30 classes each.
func generateUsers(n, classes, orgs int) []model.User {
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2024, 9, 1, 8, 0, 0, 0, time.UTC)
	users := make([]model.User, n)
	for i := range users {
		u := &users[i]
		u.ID = model.ID(i + 1)
		u.OrgID = model.ID(1 + rng.IntN(orgs))
		u.Profile = model.Profiles[rng.IntN(5)]
		u.FirstName = demoFirstNames[rng.IntN(len(demoFirstNames))]
		u.LastName = demoLastNames[rng.IntN(len(demoLastNames))]
		u.Login = fmt.Sprintf("%s.%s%d", model.Fold(u.FirstName), model.Fold(u.LastName), i)
		if rng.IntN(2) == 0 {
			u.Email = u.Login + "@example.fr"
			u.ActivatedAt = base
		}
		u.CreatedAt = base.Add(time.Duration(rng.IntN(700*24)) * time.Hour)
		u.ClassIDs = []model.ID{model.ID(1 + rng.IntN(classes))}
		if u.Profile == model.Parent { // parents have no class, one or two children who do
			u.ClassIDs = nil
			for range 1 + rng.IntN(2) {
				u.ChildIDs = append(u.ChildIDs, model.ID(1+rng.IntN(n)))
			}
		}
		if rng.IntN(100) == 0 {
			u.PendingSince = base
		}
		if i%50 == 49 { // one in fifty suspended, without drawing from rng (the rest stays as it was)
			u.SuspendedAt = base
		}
	}
	return users
}

// levelSixClasses are the benchmark's classes of level "6e": one in ten.
var levelSixClasses = func() []model.ID {
	var ids []model.ID
	for i := model.ID(1); i <= 400; i += 10 {
		ids = append(ids, i)
	}
	return ids
}()

func BenchmarkFilter1M(b *testing.B) {
	d := benchIndex()
	ranks := map[model.ID]int{}
	for i := range 400 {
		ranks[model.ID(i+1)] = 399 - i
	}
	cases := []struct {
		name string
		sel  model.Selection
	}{
		{"everyone", model.Selection{}},
		{"profile", model.Selection{Profiles: []model.Profile{model.Student}}},
		{"class", model.Selection{ClassIDs: []model.ID{7, 8, 9}}},
		{"parents-by-class", model.Selection{Profiles: []model.Profile{model.Parent}, ClassIDs: []model.ID{7, 8, 9}}},
		{"level", model.Selection{Levels: []string{"6e"}}},
		{"not-activated", model.Selection{Activation: model.TriNo}},
		{"with-email", model.Selection{Email: model.TriYes}},
		{"local-admins", model.Selection{LocalAdmins: true}},
		{"created-range", model.Selection{CreatedFrom: model.Date{Year: 2025, Month: 1, Day: 1}, CreatedTo: model.Date{Year: 2025, Month: 6, Day: 30}}},
		{"pending-only", model.Selection{Pending: model.PendingOnly}},
		{"suspended-only", model.Selection{Suspended: model.TriYes}},
		{"not-suspended", model.Selection{Suspended: model.TriNo}},
		{"text", model.Selection{Text: "élodie mar"}},
		{"org", model.Selection{OrgIDs: []model.ID{3}}},
		{"combined", model.Selection{Profiles: []model.Profile{model.Student}, ClassIDs: []model.ID{7}, Activation: model.TriNo, Text: "mar"}},
		{"everyone-by-class", model.Selection{Sort: model.SortByClass}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			ctx := context.Background()
			var n int
			for b.Loop() {
				d.mu.RLock()
				f := compileFilter(&c.sel, levelSixClasses)
				rows, _ := d.selectRows(ctx, &f)
				rows = d.orderRows(rows, c.sel.Sort, ranks)
				d.mu.RUnlock()
				n = len(rows)
			}
			b.ReportMetric(float64(n), "users")
		})
	}
}

// BenchmarkOpenAndIndex1M measures what a technician waits for: opening a store of a million
// users and building the directory index, ready to filter.
func BenchmarkOpenAndIndex1M(b *testing.B) {
	for _, backend := range benchBackends {
		b.Run(backend, func(b *testing.B) {
			open := benchOpener(b, backend)
			writeBigStore(b, open(), benchUsers)
			b.ReportAllocs()
			b.ResetTimer()
			cpu0, n := cpuSeconds(), 0
			for b.Loop() {
				st := open()
				a := New(st, Options{})
				if err := a.WarmUp(context.Background()); err != nil {
					b.Fatal(err)
				}
				st.Close()
				n++
			}
			// What the process spent, whatever the machine's load (a database server's own
			// work is not counted).
			b.ReportMetric((cpuSeconds()-cpu0)/float64(n), "cpu-s/op")
		})
	}
}

// writeBigStore fills st with n generated users and closes it.
func writeBigStore(b *testing.B, st storage.Store, n int) {
	defer st.Close()
	users := generateUsers(n, 400, 10)
	const chunk = 100_000
	for lo := 0; lo < n; lo += chunk {
		part := users[lo:min(lo+chunk, n)]
		for i := range part {
			part[i].ID = model.TempID(i + 1)
			part[i].ClassIDs = nil
			part[i].OrgID = 0
		}
		if err := st.ApplySeed(context.Background(), storage.Seed{Users: part}); err != nil {
			b.Fatal(err)
		}
	}
}
