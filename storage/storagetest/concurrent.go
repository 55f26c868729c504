package storagetest

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// concurrentTests hold the store to the rules that one process used to keep with a mutex, now
// that several processes may share a store: each check-then-write is one transaction of the
// store's, so callers racing on one store (here, goroutines; in production, processes on one
// database) never both pass a check that only one may pass.
var concurrentTests = []test{
	{"the first signup alone gets the organizations", testFirstSignupRace},
	{"a seed meant once is applied once", testSeedOnceRace},
	{"read-modify-write of a campaign loses no update", testUpdateCampaignRace},
	{"read-modify-write of an admin loses no update", testUpdateAdminFuncRace},
	{"seat plans see each other's seats", testChangeSeatsRace},
	{"deliveries recorded at once keep the counts", testRecordDeliveriesRace},
	{"a claim code claimed at once is claimed once", testClaimRace},
}

// race runs fn(0..n-1) at once and returns their errors.
func race(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = fn(i)
		})
	}
	close(start)
	wg.Wait()
	return errs
}

func testFirstSignupRace(t *testing.T, s storage.Store) {
	o1, o2 := model.Organization{Name: "A"}, model.Organization{Name: "B"}
	must(t, "CreateOrg", s.CreateOrg(bg, &o1))
	must(t, "CreateOrg", s.CreateOrg(bg, &o2))
	const n = 6
	for i, err := range race(n, func(i int) error {
		a := newAdmin("Admin", fmt.Sprintf("admin%d@example.org", i))
		a.OrgIDs = nil
		return s.SignUpAdmin(bg, &a)
	}) {
		must(t, fmt.Sprintf("SignUpAdmin %d", i), err)
	}
	all, err := s.ListAdmins(bg)
	must(t, "ListAdmins", err)
	first := 0
	for _, a := range all {
		switch {
		case slices.Equal(a.OrgIDs, []model.ID{o1.ID, o2.ID}):
			first++
		case len(a.OrgIDs) != 0:
			t.Errorf("admin %s got organizations %v", a.Email, a.OrgIDs)
		}
	}
	if len(all) != n || first != 1 {
		t.Errorf("%d admins, %d of them with every organization; want %d and exactly 1", len(all), first, n)
	}
	later := newAdmin("Later", "later@example.org")
	later.OrgIDs = nil
	must(t, "SignUpAdmin later", s.SignUpAdmin(bg, &later))
	if got, _ := s.Admin(bg, later.ID); len(got.OrgIDs) != 0 || later.ID == 0 {
		t.Errorf("a later signup got %v (id %d), want no organization", got.OrgIDs, later.ID)
	}
	dup := newAdmin("Dup", "LATER@example.org")
	isErr(t, "SignUpAdmin with a taken email", s.SignUpAdmin(bg, &dup), storage.ErrConflict)
}

func testSeedOnceRace(t *testing.T, s storage.Store) {
	const n = 4
	errs := race(n, func(int) error {
		seed := demoSeed()
		seed.Once, seed.OnceValue = "demo_loaded", "2026-09-01"
		return s.ApplySeed(bg, seed)
	})
	ok := 0
	for i, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, storage.ErrAlreadyApplied) || !errors.Is(err, storage.ErrConflict):
			t.Errorf("ApplySeed %d: %v, want ErrAlreadyApplied (an ErrConflict)", i, err)
		}
	}
	if ok != 1 {
		t.Errorf("%d seeds applied, want 1", ok)
	}
	if n, err := s.CountUsers(bg); err != nil || n != len(demoSeed().Users) {
		t.Errorf("CountUsers = %d, %v; want the seed's %d", n, err, len(demoSeed().Users))
	}
	if v, err := s.Meta(bg, "demo_loaded"); err != nil || v != "2026-09-01" {
		t.Errorf(`Meta("demo_loaded") = %q, %v; want the seed's value`, v, err)
	}
}

func testUpdateCampaignRace(t *testing.T, s storage.Store) {
	c := newCampaign(s, t, 1, 2)
	const n, each = 6, 5
	for i, err := range race(n, func(int) error {
		for range each {
			if _, err := s.UpdateCampaign(bg, c.ID, func(c *model.Campaign) error { c.Runs++; return nil }); err != nil {
				return err
			}
		}
		return nil
	}) {
		must(t, fmt.Sprintf("UpdateCampaign %d", i), err)
	}
	if got, err := s.Campaign(bg, c.ID); err != nil || got.Runs != n*each {
		t.Errorf("Runs = %d, %v; want %d: an update was lost", got.Runs, err, n*each)
	}
}

func testUpdateAdminFuncRace(t *testing.T, s storage.Store) {
	a := newAdmin("Ada", "ada@example.org")
	a.OrgIDs = nil
	must(t, "CreateAdmin", s.CreateAdmin(bg, &a))
	const n = 8
	for i, err := range race(n, func(i int) error {
		_, err := s.UpdateAdminFunc(bg, a.ID, func(a *model.Admin) error {
			a.OrgIDs = append(a.OrgIDs, model.ID(100+i))
			return nil
		})
		return err
	}) {
		must(t, fmt.Sprintf("UpdateAdminFunc %d", i), err)
	}
	got, err := s.Admin(bg, a.ID)
	must(t, "Admin", err)
	if slices.Sort(got.OrgIDs); len(got.OrgIDs) != n || got.OrgIDs[0] != 100 || got.OrgIDs[n-1] != 100+n-1 {
		t.Errorf("OrgIDs = %v, want the %d added at once", got.OrgIDs, n)
	}
}

func testChangeSeatsRace(t *testing.T, s storage.Store) {
	sub := newSub(t, s, 5)
	const n = 10
	errs := race(n, func(i int) error {
		_, err := s.ChangeSeats(bg, sub.ID, func(sub model.Subscription, cur []model.Seat) (storage.SeatWrite, error) {
			if len(cur) >= sub.Seats {
				return storage.SeatWrite{}, model.ErrInvalid
			}
			return addPlan(fmt.Sprintf("p%d@x.fr", i))(sub, cur)
		})
		return err
	})
	full := 0
	for i, err := range errs {
		if errors.Is(err, model.ErrInvalid) {
			full++
		} else {
			must(t, fmt.Sprintf("ChangeSeats %d", i), err)
		}
	}
	got, err := s.Seats(bg, sub.ID)
	must(t, "Seats", err)
	if len(got) != 5 || full != n-5 {
		t.Errorf("%d seats, %d plans refused; want 5 seats (the subscription's) and %d refused", len(got), full, n-5)
	}
}

func testRecordDeliveriesRace(t *testing.T, s storage.Store) {
	const n = 8
	users := make([]model.ID, n)
	for i := range users {
		users[i] = model.ID(10 + i)
	}
	c := newCampaign(s, t, users...)
	for i, err := range race(n, func(i int) error {
		r := model.CampaignRecipient{UserID: users[i], Status: model.DeliverySent}
		_, err := s.RecordDeliveries(bg, c.ID, []model.CampaignRecipient{r}, nil)
		return err
	}) {
		must(t, fmt.Sprintf("RecordDeliveries %d", i), err)
	}
	got, err := s.Campaign(bg, c.ID)
	must(t, "Campaign", err)
	if got.Counts != (model.CampaignCounts{Sent: n}) {
		t.Errorf("counts %+v, want %d sent and nothing else", got.Counts, n)
	}
}

func testClaimRace(t *testing.T, s storage.Store) {
	hash := model.ClaimHash(model.ClaimByCode, "race")
	const n = 6
	errs := race(n, func(i int) error {
		c := model.Claim{Hash: hash, Kind: model.ClaimByCode, OrgID: model.ID(i + 1), OrgName: "O", ClaimedAt: at(5)}
		sub := model.Subscription{OrgID: model.ID(i + 1), Product: "Atlas", Seats: 3}
		return s.ClaimSubscription(bg, c, &sub, nil)
	})
	ok := 0
	for i, err := range errs {
		var ac *model.AlreadyClaimedError
		switch {
		case err == nil:
			ok++
		case !errors.As(err, &ac):
			t.Errorf("ClaimSubscription %d: %v, want AlreadyClaimedError", i, err)
		}
	}
	subs, err := s.ListSubscriptions(bg)
	must(t, "ListSubscriptions", err)
	if ok != 1 || len(subs) != 1 {
		t.Errorf("%d claims succeeded, %d subscriptions; want 1 and 1", ok, len(subs))
	}
}
