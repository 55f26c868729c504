package bolt

import (
	"context"
	"testing"

	"go.etcd.io/bbolt"

	"rollcall/model"
)

// TestSeatsMoveOntoAccounts opens a version 3 file whose seats are emails, as Rollcall kept them
// before seats belonged to directory accounts: an email that one user of the subscription's
// school has becomes that user's seat, the others stay emails, and every seat gets a key.
func TestSeatsMoveOntoAccounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := rawFile(t, func(tx *bbolt.Tx) error {
		for _, step := range migrations[:3] {
			if err := step(tx); err != nil {
				return err
			}
		}
		people := []model.User{
			{ID: 1, OrgID: 10, Login: "ana", Email: "Ana@School.fr"},
			{ID: 2, OrgID: 10, Login: "pa", Email: "family@home.fr"}, // a family's address: shared, not an account's
			{ID: 3, OrgID: 10, Login: "ma", Email: "family@home.fr"},
			{ID: 4, OrgID: 20, Login: "bob", Email: "bob@school.fr"}, // another school's
		}
		for i := range people {
			if err := users.insert(tx, &people[i]); err != nil {
				return err
			}
		}
		sub := model.Subscription{ID: 1, OrgID: 10, Product: "Atlas", Seats: 4,
			Keys: []model.ProductKey{{Key: "K1", Seats: 2}, {Key: "K2", Seats: 2}}}
		if err := subscriptions.insert(tx, &sub); err != nil {
			return err
		}
		for i, e := range []string{"ana@school.fr", "family@home.fr", "bob@school.fr"} {
			raw, err := jsonEncode(&model.Seat{Email: e, Source: model.SeatTyped})
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketSeats).Put(seatKey(1, model.ID(i+1)), raw); err != nil {
				return err
			}
		}
		return writeVersion(tx, 3)
	})
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	seats, err := s.Seats(ctx, 1)
	if err != nil || len(seats) != 3 {
		t.Fatalf("seats after the upgrade: %+v, %v", seats, err)
	}
	if seats[0].UserID != 1 || seats[0].Login != "ana" || seats[1].UserID != 0 || seats[2].UserID != 0 {
		t.Errorf("holders: %+v", seats)
	}
	if seats[0].Key != "K1" || seats[1].Key != "K1" || seats[2].Key != "K2" {
		t.Errorf("keys: %q %q %q", seats[0].Key, seats[1].Key, seats[2].Key)
	}
	if held, err := s.UserSeats(ctx, 1); err != nil || len(held) != 1 || held[0].ID != seats[0].ID {
		t.Errorf("Ana's seats: %+v, %v", held, err)
	}
	if err := s.DeleteUser(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.Seats(ctx, 1); len(left) != 2 {
		t.Errorf("deleting Ana frees her migrated seat: %+v", left)
	}
}
