package storagetest

import (
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var batchRestoreTests = []test{
	{"a deleted user comes back under its id, with seats", testBatchRestore},
	{"restoring an id in use or a taken login writes nothing", testBatchRestoreConflict},
	{"a batch's seat plan that fails writes nothing", testBatchSeatPlanFails},
	{"a batch frees a deleted user's seat before its seat plans run", testBatchSeatsAfterDeletes},
}

func testBatchRestore(t *testing.T, s storage.Store) {
	sub := newSub(t, s, 1)
	ana := model.User{OrgID: 1, Login: "ana", Source: "ent", ExternalID: "e-ana", Profile: model.Student,
		History: []model.YearRecord{{Year: "2025-2026", Classes: []string{"6e A"}}}, CreatedAt: at(1)}
	parent := model.User{OrgID: 1, Login: "dad", Profile: model.Parent}
	must(t, "CreateUser", s.CreateUser(bg, &ana))
	must(t, "CreateUser", s.CreateUser(bg, &parent))
	_, err := s.ChangeSeats(bg, sub.ID, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
		return storage.SeatWrite{Add: []model.Seat{{UserID: ana.ID, Login: "ana", Key: "K1"}}}, nil
	})
	must(t, "ChangeSeats", err)
	_, err = s.Apply(bg, storage.Batch{DeleteUsers: []model.ID{ana.ID}})
	must(t, "Apply delete", err)
	if _, err := s.UserByLogin(bg, "ana"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("deleted user still found: %v", err)
	}
	parent.ChildIDs = []model.ID{ana.ID}
	_, err = s.Apply(bg, storage.Batch{Users: []model.User{parent}, RestoreUsers: []model.User{ana},
		Seats: map[model.ID]storage.SeatPlan{sub.ID: func(_ model.Subscription, cur []model.Seat) (storage.SeatWrite, error) {
			if len(cur) != 0 {
				t.Errorf("the plan sees %+v, want no seat", cur)
			}
			return storage.SeatWrite{Add: []model.Seat{{UserID: ana.ID, Login: "ana", Key: "K1"}},
				Audit: &model.AuditEvent{Action: model.AuditSeatsAdd, SubjectID: sub.ID, At: at(2)}}, nil
		}},
		Provenance: map[model.ID]model.Provenance{ana.ID: {model.FieldEmail: {Run: 3, File: "f.csv", Line: 2}}},
	})
	must(t, "Apply restore", err)
	for _, get := range []func() (model.User, error){
		func() (model.User, error) { return s.User(bg, ana.ID) },
		func() (model.User, error) { return s.UserByLogin(bg, "ANA") },
		func() (model.User, error) { return s.UserByExternalID(bg, "ent", "e-ana") },
	} {
		got, err := get()
		must(t, "restored user", err)
		same(t, "restored user", got, ana)
	}
	held, err := s.UserSeats(bg, ana.ID)
	must(t, "UserSeats", err)
	if len(held) != 1 || held[0].Key != "K1" || held[0].SubscriptionID != sub.ID {
		t.Errorf("restored user's seats = %+v", held)
	}
	if p, _ := s.Provenance(bg, ana.ID); p[model.FieldEmail].File != "f.csv" {
		t.Errorf("restored provenance = %+v", p)
	}
	if got, _ := s.User(bg, parent.ID); len(got.ChildIDs) != 1 || got.ChildIDs[0] != ana.ID {
		t.Errorf("parent written with the batch = %+v", got)
	}
	events, err := s.ListAudit(bg, sub.ID)
	must(t, "ListAudit", err)
	if len(events) != 1 || events[0].Action != model.AuditSeatsAdd {
		t.Errorf("the seat plan's audit = %+v", events)
	}
	// New users still get ids above every id given before.
	fresh := model.User{OrgID: 1, Login: "fresh"}
	must(t, "CreateUser", s.CreateUser(bg, &fresh))
	if fresh.ID <= parent.ID {
		t.Errorf("new id %d after a restore, want above %d", fresh.ID, parent.ID)
	}
}

func testBatchRestoreConflict(t *testing.T, s storage.Store) {
	ana, bob := model.User{OrgID: 1, Login: "ana"}, model.User{OrgID: 1, Login: "bob"}
	must(t, "CreateUser", s.CreateUser(bg, &ana))
	must(t, "CreateUser", s.CreateUser(bg, &bob))
	must(t, "DeleteUser", s.DeleteUser(bg, bob.ID))
	ana.FirstName = "changed"
	// bob's id is free but ana holds the login "ana"; ana's own id is in use.
	for name, restore := range map[string]model.User{
		"id in use":   {ID: ana.ID, OrgID: 1, Login: "other"},
		"login taken": {ID: bob.ID, OrgID: 1, Login: "ANA"},
	} {
		_, err := s.Apply(bg, storage.Batch{Users: []model.User{ana}, RestoreUsers: []model.User{restore}})
		isErr(t, name, err, storage.ErrConflict)
		if got, _ := s.User(bg, ana.ID); got.FirstName != "" || got.Login != "ana" {
			t.Errorf("%s: the batch's update was kept: %+v", name, got)
		}
	}
	if _, err := s.User(bg, bob.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("a refused restore left bob: %v", err)
	}
}

func testBatchSeatPlanFails(t *testing.T, s storage.Store) {
	sub := newSub(t, s, 3)
	ana := model.User{OrgID: 1, Login: "ana"}
	must(t, "CreateUser", s.CreateUser(bg, &ana))
	boom := errors.New("no room")
	_, err := s.Apply(bg, storage.Batch{DeleteUsers: []model.ID{ana.ID},
		Seats: map[model.ID]storage.SeatPlan{sub.ID: func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
			return storage.SeatWrite{}, boom
		}}})
	isErr(t, "failing plan", err, boom)
	if _, err := s.User(bg, ana.ID); err != nil {
		t.Errorf("a failed batch deleted its user: %v", err)
	}
	_, err = s.Apply(bg, storage.Batch{Seats: map[model.ID]storage.SeatPlan{sub.ID + 100: addPlan("a@x.fr")}})
	isErr(t, "plan of a missing subscription", err, storage.ErrNotFound)
}

func testBatchSeatsAfterDeletes(t *testing.T, s storage.Store) {
	sub := newSub(t, s, 1)
	ana := model.User{OrgID: 1, Login: "ana"}
	must(t, "CreateUser", s.CreateUser(bg, &ana))
	_, err := s.ChangeSeats(bg, sub.ID, addPlan("first@x.fr"))
	must(t, "ChangeSeats", err)
	_, err = s.ChangeSeats(bg, sub.ID, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
		return storage.SeatWrite{Add: []model.Seat{{UserID: ana.ID, Login: "ana"}}}, nil
	})
	must(t, "ChangeSeats", err)
	var seen int
	_, err = s.Apply(bg, storage.Batch{DeleteUsers: []model.ID{ana.ID},
		Seats: map[model.ID]storage.SeatPlan{sub.ID: func(_ model.Subscription, cur []model.Seat) (storage.SeatWrite, error) {
			seen = len(cur)
			return storage.SeatWrite{}, nil
		}}})
	must(t, "Apply", err)
	if seen != 1 {
		t.Errorf("the plan saw %d seats, want 1 (the deleted user's freed first)", seen)
	}
}
