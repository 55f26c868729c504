package app

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rollcall/mailmerge"
	"rollcall/mailmerge/smtptest"
	"rollcall/model"
	"rollcall/storage"
	boltstore "rollcall/storage/bolt"
)

// mergeBenchFixture is a store of n users in one school of 40 classes, a third activated,
// every one with an email, and an admin of it with the activation address set.
func mergeBenchFixture(b *testing.B, n int) (*fixture, model.Admin) {
	b.Helper()
	st, err := boltstore.Open(filepath.Join(b.TempDir(), "bench.db"), boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	clock := &testClock{now: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	f := &fixture{app: New(st, Options{Clock: clock.Now, Argon2: cheapArgon2}), store: st, clock: clock}
	ctx := context.Background()
	seed := storage.Seed{Orgs: []model.Organization{{ID: model.TempID(1), Name: "Lycée Émile Zola"}}}
	for i := range 40 {
		seed.Classes = append(seed.Classes, model.Class{ID: model.TempID(2 + i), OrgID: model.TempID(1),
			Code: fmt.Sprintf("C%02d", i), Name: fmt.Sprintf("%de %c", 2+i/10, 'A'+i%10)})
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range n {
		u := model.User{ID: model.TempID(100 + i), OrgID: model.TempID(1), Profile: model.Student,
			FirstName: demoFirstNames[rng.IntN(len(demoFirstNames))], LastName: demoLastNames[rng.IntN(len(demoLastNames))],
			ClassIDs: []model.ID{model.TempID(2 + rng.IntN(40))}, CreatedAt: f.clock.Now()}
		u.Login = fmt.Sprintf("%s.%s%d", model.Fold(u.FirstName), model.Fold(u.LastName), i)
		u.Email = u.Login + "@lycee.example.fr"
		if i%3 == 0 {
			u.ActivatedAt = f.clock.Now()
		} else {
			u.ActivationCode, _ = model.NewCode(f.app.random, 8)
		}
		seed.Users = append(seed.Users, u)
	}
	if err := f.store.ApplySeed(ctx, seed); err != nil {
		b.Fatal(err)
	}
	admin := model.Admin{Email: "admin@example.fr", FullName: "Ada", Language: model.French, OrgIDs: []model.ID{1}}
	if err := f.store.CreateAdmin(ctx, &admin); err != nil {
		b.Fatal(err)
	}
	url := testActivationURL
	if _, err := setMailEverywhere(f.app, ctx, admin, MailSettingsChange{ActivationURL: &url}, false); err != nil {
		b.Fatal(err)
	}
	if err := f.app.WarmUp(ctx); err != nil {
		b.Fatal(err)
	}
	return f, admin
}

// heapPeak samples the live heap every 10 ms until stopped, and returns the highest value.
func heapPeak() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak.Load()
	}
}

// BenchmarkMergePDF100kCards8PerSheet prints 100,000 cards (two thirds with a QR code) from
// the store, 8 per A4 sheet: selection, user reads, rendering and writing, end to end.
func BenchmarkMergePDF100kCards8PerSheet(b *testing.B) {
	const n = 100_000
	f, admin := mergeBenchFixture(b, n)
	b.ReportAllocs()
	for b.Loop() {
		stop, cpu0 := heapPeak(), cpuSeconds()
		res, err := f.app.mergePDF(context.Background(), admin, model.Selection{Sort: model.SortByClass},
			mailmerge.Layout{PerSheet: 8}, MergeOptions{}, io.Discard, nil)
		peak := stop()
		if err != nil {
			b.Fatal(err)
		}
		if res.Cards != n || res.Pages != n/8 {
			b.Fatalf("%+v", res)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(cpuSeconds()-cpu0, "cpu-s")
	}
}

// BenchmarkCampaign10k sends 10,000 account emails to the in-process SMTP server, with every
// recipient recorded durably before and after its message.
func BenchmarkCampaign10k(b *testing.B) {
	const n = 10_000
	f, admin := mergeBenchFixture(b, n)
	srv := smtptest.Start(b, smtptest.Options{})
	useSMTP(b, f, admin, srv)
	for _, conns := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("connections=%d", conns), func(b *testing.B) { benchCampaign(b, f, admin, srv, conns) })
	}
}

func benchCampaign(b *testing.B, f *fixture, admin model.Admin, srv *smtptest.Server, conns int) {
	const n = 10_000
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		srv.ResetMessages()
		c, err := f.app.createCampaign(ctx, admin, model.Selection{}, CampaignOptions{})
		if err != nil {
			b.Fatal(err)
		}
		start, cpu0 := time.Now(), cpuSeconds()
		st, err := f.app.runCampaign(ctx, admin, c.ID, RunOptions{Connections: conns}, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "msgs/s")
		b.ReportMetric(cpuSeconds()-cpu0, "cpu-s")
		if st.Counts.Sent != n || len(srv.Messages()) != n {
			b.Fatalf("sent %d, received %d", st.Counts.Sent, len(srv.Messages()))
		}
	}
}
