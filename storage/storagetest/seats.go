package storagetest

import (
	"context"
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var seatTests = []test{
	{"seats change in one transaction", testChangeSeats},
	{"a failed seat change writes nothing", testChangeSeatsFails},
	{"claims are single use", testClaims},
	{"vendor keys", testVendorKeys},
	{"seat methods refuse a cancelled context", testSeatsCancelled},
	{"an account's seats are listed and freed when it is deleted", testUserSeats},
	{"a batch hands an account's seats to another, one per subscription", testMoveSeats},
}

func testUserSeats(t *testing.T, s storage.Store) {
	sub, other := newSub(t, s, 10), newSub(t, s, 5)
	ana, bob := model.User{OrgID: 1, Login: "ana"}, model.User{OrgID: 1, Login: "bob"}
	must(t, "CreateUser", s.CreateUser(bg, &ana))
	must(t, "CreateUser", s.CreateUser(bg, &bob))
	give := func(subID model.ID, seats ...model.Seat) {
		t.Helper()
		_, err := s.ChangeSeats(bg, subID, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
			return storage.SeatWrite{Add: seats}, nil
		})
		must(t, "ChangeSeats", err)
	}
	give(sub.ID, model.Seat{UserID: ana.ID, Login: "ana", Key: "K1"}, model.Seat{UserID: bob.ID, Login: "bob"},
		model.Seat{Email: "out@x.fr"})
	give(other.ID, model.Seat{UserID: ana.ID, Login: "ana"})
	held, err := s.UserSeats(bg, ana.ID)
	must(t, "UserSeats", err)
	if len(held) != 2 || held[0].SubscriptionID != sub.ID || held[0].Key != "K1" || held[1].SubscriptionID != other.ID {
		t.Fatalf("UserSeats(ana) = %+v", held)
	}
	// Taking one back by its id updates the account's list.
	_, err = s.ChangeSeats(bg, other.ID, func(_ model.Subscription, cur []model.Seat) (storage.SeatWrite, error) {
		return storage.SeatWrite{Remove: []model.ID{cur[0].ID}}, nil
	})
	must(t, "ChangeSeats remove", err)
	if held, _ := s.UserSeats(bg, ana.ID); len(held) != 1 {
		t.Fatalf("after a removal: %+v", held)
	}
	// Deleting an account frees its seats, one by one or in a batch.
	must(t, "DeleteUser", s.DeleteUser(bg, ana.ID))
	_, err = s.Apply(bg, storage.Batch{DeleteUsers: []model.ID{bob.ID}})
	must(t, "Apply", err)
	left, err := s.Seats(bg, sub.ID)
	must(t, "Seats", err)
	if len(left) != 1 || left[0].Email != "out@x.fr" {
		t.Errorf("seats left after deleting both accounts: %+v", left)
	}
	if held, _ := s.UserSeats(bg, bob.ID); len(held) != 0 {
		t.Errorf("a deleted account holds %+v", held)
	}
	// A seat for an account that is gone is refused, and nothing is written.
	_, err = s.ChangeSeats(bg, sub.ID, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
		return storage.SeatWrite{Add: []model.Seat{{Email: "new@x.fr"}, {UserID: ana.ID}}}, nil
	})
	isErr(t, "seat for a deleted account", err, storage.ErrNotFound)
	if left, _ := s.Seats(bg, sub.ID); len(left) != 1 {
		t.Errorf("a refused change wrote %+v", left)
	}
}

func newSub(t *testing.T, s storage.Store, seats int) model.Subscription {
	t.Helper()
	sub := model.Subscription{OrgID: 1, Product: "Atlas", Seats: seats}
	must(t, "CreateSubscription", s.CreateSubscription(bg, &sub))
	return sub
}

// addPlan adds the given emails by hand, whatever is there.
func addPlan(emails ...string) storage.SeatPlan {
	return func(_ model.Subscription, _ []model.Seat) (storage.SeatWrite, error) {
		var w storage.SeatWrite
		for _, e := range emails {
			w.Add = append(w.Add, model.Seat{Email: e, Source: model.SeatTyped, AddedBy: 7, AddedAt: at(3)})
		}
		return w, nil
	}
}

func testChangeSeats(t *testing.T, s storage.Store) {
	sub, other := newSub(t, s, 10), newSub(t, s, 5)
	w, err := s.ChangeSeats(bg, sub.ID, addPlan("a@x.fr", "b@x.fr"))
	must(t, "ChangeSeats add", err)
	if len(w.Add) != 2 || w.Add[0].ID == 0 || w.Add[1].ID <= w.Add[0].ID || w.Add[0].SubscriptionID != sub.ID {
		t.Fatalf("written %+v: want two seats with increasing ids", w.Add)
	}
	_, err = s.ChangeSeats(bg, other.ID, addPlan("c@x.fr"))
	must(t, "ChangeSeats other", err)

	// The plan sees the subscription and its seats as stored, and its audit entry is kept.
	var seen []model.Seat
	entry := &model.AuditEvent{At: at(4), AdminID: 7, Action: model.AuditSeatsRemove, Detail: "a@x.fr", OrgID: 1, SubjectID: sub.ID}
	_, err = s.ChangeSeats(bg, sub.ID, func(got model.Subscription, cur []model.Seat) (storage.SeatWrite, error) {
		if got.ID != sub.ID || got.Seats != 10 {
			t.Errorf("plan got subscription %+v", got)
		}
		seen = cur
		return storage.SeatWrite{Remove: []model.ID{cur[0].ID}, Audit: entry}, nil
	})
	must(t, "ChangeSeats remove", err)
	same(t, "seats seen by the plan", seen, w.Add)
	left, err := s.Seats(bg, sub.ID)
	must(t, "Seats", err)
	same(t, "seats after removal", left, w.Add[1:])
	counts, err := s.CountSeats(bg)
	must(t, "CountSeats", err)
	same(t, "CountSeats", counts, map[model.ID]int{sub.ID: 1, other.ID: 1})

	logged, err := s.ListAudit(bg, sub.ID)
	must(t, "ListAudit", err)
	if len(logged) != 1 || logged[0].Action != model.AuditSeatsRemove || logged[0].Detail != "a@x.fr" {
		t.Errorf("audit log %+v: want the removal", logged)
	}
	_, err = s.Seats(bg, 99)
	isErr(t, "Seats(99)", err, storage.ErrNotFound)
}

func testChangeSeatsFails(t *testing.T, s storage.Store) {
	sub := newSub(t, s, 10)
	w, err := s.ChangeSeats(bg, sub.ID, addPlan("a@x.fr"))
	must(t, "ChangeSeats", err)
	refused := errors.New("refused")
	_, err = s.ChangeSeats(bg, sub.ID, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
		return storage.SeatWrite{}, refused
	})
	isErr(t, "a refusing plan", err, refused)
	_, err = s.ChangeSeats(bg, sub.ID, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
		add, _ := addPlan("b@x.fr")(sub, nil)
		return storage.SeatWrite{Add: add.Add, Remove: []model.ID{w.Add[0].ID + 100}}, nil
	})
	isErr(t, "removing an unknown seat", err, storage.ErrNotFound)
	got, err := s.Seats(bg, sub.ID)
	must(t, "Seats", err)
	same(t, "seats after the failures", got, w.Add)
	_, err = s.ChangeSeats(bg, 99, addPlan("a@x.fr"))
	isErr(t, "ChangeSeats(99)", err, storage.ErrNotFound)
}

func testClaims(t *testing.T, s storage.Store) {
	c := model.Claim{Hash: model.ClaimHash(model.ClaimByCode, "abc"), Kind: model.ClaimByCode, OrgID: 1,
		OrgName: "Collège Jean Moulin", ClaimedAt: at(5), ClaimedBy: 7}
	sub := model.Subscription{OrgID: 1, Product: "Atlas", Seats: 30, ClaimRef: c.Hash}
	entry := &model.AuditEvent{At: at(5), AdminID: 7, Action: model.AuditClaim, Detail: "Atlas"}
	must(t, "ClaimSubscription", s.ClaimSubscription(bg, c, &sub, entry))
	if sub.ID == 0 {
		t.Fatal("no subscription id")
	}
	got, err := s.Claim(bg, c.Hash)
	must(t, "Claim", err)
	c.SubscriptionID = sub.ID
	same(t, "Claim", got, c)

	again := model.Subscription{OrgID: 2, Product: "Atlas", Seats: 30}
	err = s.ClaimSubscription(bg, model.Claim{Hash: c.Hash, OrgID: 2, OrgName: "Other", ClaimedAt: at(6)}, &again, nil)
	var ac *model.AlreadyClaimedError
	if !errors.As(err, &ac) || ac.OrgName != "Collège Jean Moulin" || !ac.At.Equal(at(5)) || ac.OrgID != 1 {
		t.Fatalf("second claim: %v, want when and by whom the first was", err)
	}
	subs, err := s.ListSubscriptions(bg)
	must(t, "ListSubscriptions", err)
	if len(subs) != 1 {
		t.Errorf("%d subscriptions after a refused claim, want 1", len(subs))
	}
	_, err = s.Claim(bg, "nope")
	isErr(t, "Claim(nope)", err, storage.ErrNotFound)
}

func testVendorKeys(t *testing.T, s storage.Store) {
	pub := make([]byte, 32)
	pub[0] = 1
	k := model.VendorKey{OrgID: 3, Vendor: "Acme", Public: pub, Origin: model.KeyAdded, AddedAt: at(1), AddedBy: 7}
	added, err := s.PutVendorKey(bg, k, &model.AuditEvent{At: at(1), Action: model.AuditVendorTrust, Detail: "Acme"})
	must(t, "PutVendorKey", err)
	if !added {
		t.Error("first put: added = false")
	}
	added, err = s.PutVendorKey(bg, k, nil)
	must(t, "PutVendorKey again", err)
	if added {
		t.Error("second put: added = true")
	}
	list, err := s.ListVendorKeys(bg, 3)
	must(t, "ListVendorKeys", err)
	same(t, "ListVendorKeys", list, []model.VendorKey{k})

	// Each school trusts its own: the same key in another school is another entry.
	other := k
	other.OrgID = 4
	added, err = s.PutVendorKey(bg, other, nil)
	must(t, "PutVendorKey in school 4", err)
	if !added {
		t.Error("the key in a second school: added = false")
	}
	pub2 := make([]byte, 32)
	pub2[0] = 2
	must2 := model.VendorKey{OrgID: 4, Vendor: "Bravo", Public: pub2, Origin: model.KeyAdded, AddedAt: at(1)}
	_, err = s.PutVendorKey(bg, must2, nil)
	must(t, "PutVendorKey Bravo", err)
	if list, _ := s.ListVendorKeys(bg, 3); len(list) != 1 || list[0].Vendor != "Acme" {
		t.Errorf("school 3's keys: %v", list)
	}
	isErr(t, "DeleteVendorKey of a school that lacks it", s.DeleteVendorKey(bg, 3, must2.Fingerprint(), nil), storage.ErrNotFound)

	must(t, "DeleteVendorKey", s.DeleteVendorKey(bg, 3, k.Fingerprint(), &model.AuditEvent{At: at(2), Action: model.AuditVendorUntrust, Detail: "Acme"}))
	isErr(t, "DeleteVendorKey again", s.DeleteVendorKey(bg, 3, k.Fingerprint(), nil), storage.ErrNotFound)
	if list, _ := s.ListVendorKeys(bg, 3); len(list) != 0 {
		t.Errorf("after the delete: %v", list)
	}
	if list, _ := s.ListVendorKeys(bg, 4); len(list) != 2 {
		t.Errorf("school 4's keys after school 3 removed its own: %v", list)
	}
	log, err := s.ListAudit(bg, 0)
	must(t, "ListAudit", err)
	if len(log) != 2 || log[1].Action != model.AuditVendorUntrust {
		t.Errorf("the audit log after trust and untrust: %+v", log)
	}
}

func testSeatsCancelled(t *testing.T, s storage.Store) {
	sub := newSub(t, s, 10)
	ctx, cancel := context.WithCancel(bg)
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"Seats", func() error { _, err := s.Seats(ctx, sub.ID); return err }},
		{"CountSeats", func() error { _, err := s.CountSeats(ctx); return err }},
		{"UserSeats", func() error { _, err := s.UserSeats(ctx, 1); return err }},
		{"ChangeSeats", func() error { _, err := s.ChangeSeats(ctx, sub.ID, addPlan("a@x.fr")); return err }},
		{"ClaimSubscription", func() error {
			return s.ClaimSubscription(ctx, model.Claim{Hash: "h"}, &model.Subscription{Product: "P"}, nil)
		}},
		{"Claim", func() error { _, err := s.Claim(ctx, "h"); return err }},
		{"PutVendorKey", func() error {
			_, err := s.PutVendorKey(ctx, model.VendorKey{OrgID: 1, Public: make([]byte, 32)}, nil)
			return err
		}},
		{"ListVendorKeys", func() error { _, err := s.ListVendorKeys(ctx, 1); return err }},
		{"DeleteVendorKey", func() error { return s.DeleteVendorKey(ctx, 1, "f", nil) }},
	}
	for _, c := range calls {
		isErr(t, c.name, c.call(), context.Canceled)
	}
	if got, err := s.Seats(bg, sub.ID); err != nil || len(got) != 0 {
		t.Errorf("a cancelled ChangeSeats wrote %v (%v)", got, err)
	}
}
