package storagetest

import (
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// testMoveSeats merges bob into ana: bob's seats become ana's, except where ana already holds
// one, all in the batch that deletes bob; a move naming a missing account writes nothing.
func testMoveSeats(t *testing.T, s storage.Store) {
	both, bobOnly := newSub(t, s, 10), newSub(t, s, 5)
	ana := model.User{OrgID: 1, Login: "ana", Email: "ana@x.fr"}
	bob := model.User{OrgID: 1, Login: "bob", Email: "bob@x.fr"}
	must(t, "CreateUser", s.CreateUser(bg, &ana))
	must(t, "CreateUser", s.CreateUser(bg, &bob))
	give := func(subID model.ID, seats ...model.Seat) {
		t.Helper()
		_, err := s.ChangeSeats(bg, subID, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
			return storage.SeatWrite{Add: seats}, nil
		})
		must(t, "ChangeSeats", err)
	}
	give(both.ID, model.Seat{UserID: ana.ID, Login: "ana", Key: "A"}, model.Seat{UserID: bob.ID, Login: "bob", Key: "B"},
		model.Seat{Email: "out@x.fr"})
	give(bobOnly.ID, model.Seat{UserID: bob.ID, Login: "bob", Email: "bob@x.fr", Key: "K"})

	_, err := s.Apply(bg, storage.Batch{MoveSeats: []storage.SeatMove{{From: bob.ID, To: 999999}}, DeleteUsers: []model.ID{bob.ID}})
	isErr(t, "a move to a missing account", err, storage.ErrNotFound)
	if held, _ := s.UserSeats(bg, bob.ID); len(held) != 2 {
		t.Fatalf("a refused move changed bob's seats: %+v", held)
	}

	_, err = s.Apply(bg, storage.Batch{MoveSeats: []storage.SeatMove{{From: bob.ID, To: ana.ID}}, DeleteUsers: []model.ID{bob.ID}})
	must(t, "Apply with MoveSeats", err)
	held, err := s.UserSeats(bg, ana.ID)
	must(t, "UserSeats", err)
	if len(held) != 2 || held[0].SubscriptionID != both.ID || held[0].Key != "A" ||
		held[1].SubscriptionID != bobOnly.ID || held[1].Key != "K" || held[1].UserID != ana.ID ||
		held[1].Email != "ana@x.fr" || held[1].Login != "ana" {
		t.Fatalf("ana's seats after the move = %+v; want her own seat of the first, bob's of the second", held)
	}
	left, err := s.Seats(bg, both.ID)
	must(t, "Seats", err)
	if len(left) != 2 {
		t.Errorf("the subscription both held keeps %d seats (%+v); want 2: ana's and the outside email, never two for ana", len(left), left)
	}
	if got, _ := s.Seats(bg, bobOnly.ID); len(got) != 1 || got[0].UserID != ana.ID {
		t.Errorf("the subscription only bob held: %+v; want one seat, ana's", got)
	}
	if held, _ := s.UserSeats(bg, bob.ID); len(held) != 0 {
		t.Errorf("bob, deleted, still holds %+v", held)
	}
}
