package bolt

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// A seat held by a directory account is also filed in bucketSeatsByUser under user id(8) +
// subscription id(8) + seat id(8), so an account's seats are one key range: its card and `users
// show` list them, and deleting the account frees them.

func seatUserKey(user, sub, seat model.ID) []byte {
	return append(append(itob(user), itob(sub)...), itob(seat)...)
}

// UserSeats returns the seats a directory account holds, by subscription then seat id.
func (s *Store) UserSeats(ctx context.Context, userID model.ID) (out []model.Seat, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		out, err = userSeats(tx, userID)
		return err
	})
	return out, err
}

func userSeats(tx *bbolt.Tx, userID model.ID) ([]model.Seat, error) {
	var out []model.Seat
	prefix := itob(userID)
	seats := tx.Bucket(bucketSeats)
	c := tx.Bucket(bucketSeatsByUser).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) != 24 {
			continue
		}
		raw := seats.Get(k[8:])
		if raw == nil {
			return nil, fmt.Errorf("seat index %x: no seat", k)
		}
		var seat model.Seat
		if err := jsonDecode(raw, &seat); err != nil {
			return nil, fmt.Errorf("seat %x: %w", k[8:], err)
		}
		seat.SubscriptionID, seat.ID = btoi(k[8:16]), btoi(k[16:])
		out = append(out, seat)
	}
	return out, nil
}

// freeUserSeats removes every seat a directory account holds: the account is being deleted.
func freeUserSeats(tx *bbolt.Tx, userID model.ID) error {
	held, err := userSeats(tx, userID)
	if err != nil {
		return err
	}
	for _, seat := range held {
		if err := tx.Bucket(bucketSeats).Delete(seatKey(seat.SubscriptionID, seat.ID)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketSeatsByUser).Delete(seatUserKey(userID, seat.SubscriptionID, seat.ID)); err != nil {
			return err
		}
	}
	return nil
}

// moveSeats hands each move's seats from one account to the other, dropping those on a
// subscription the receiver already holds a seat of.
func moveSeats(tx *bbolt.Tx, moves []storage.SeatMove) error {
	for _, m := range moves {
		to, err := users.get(tx, m.To)
		if err != nil {
			return err
		}
		if _, err := users.get(tx, m.From); err != nil {
			return err
		}
		held, err := userSeats(tx, m.To)
		if err != nil {
			return err
		}
		has := map[model.ID]bool{}
		for _, s := range held {
			has[s.SubscriptionID] = true
		}
		moving, err := userSeats(tx, m.From)
		if err != nil {
			return err
		}
		for _, seat := range moving {
			if err := tx.Bucket(bucketSeatsByUser).Delete(seatUserKey(m.From, seat.SubscriptionID, seat.ID)); err != nil {
				return err
			}
			if has[seat.SubscriptionID] {
				if err := tx.Bucket(bucketSeats).Delete(seatKey(seat.SubscriptionID, seat.ID)); err != nil {
					return err
				}
				continue
			}
			has[seat.SubscriptionID] = true
			seat.UserID, seat.Email, seat.Login = to.ID, to.Email, to.Login
			if err := putSeat(tx, seat); err != nil {
				return err
			}
		}
	}
	return nil
}

// deleteUser removes a user with everything that is theirs alone: index entries, provenance and
// seats. Parents keep the id in their ChildIDs: dropping it there is the application's business.
func deleteUser(tx *bbolt.Tx, id model.ID) error {
	if err := users.delete(tx, id); err != nil {
		return err
	}
	if err := freeUserSeats(tx, id); err != nil {
		return err
	}
	return tx.Bucket(bucketProvenance).Delete(itob(id))
}

// seatsOnAccounts is the step to version 4: every seat of an email that exactly one user of the
// subscription's organization has becomes that user's seat (indexed by account), and seats get
// the product keys new seats would get, in the order they were added.
func seatsOnAccounts(tx *bbolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketSeatsByUser); err != nil {
		return fmt.Errorf("bucket %s: %w", bucketSeatsByUser, err)
	}
	subs := map[model.ID]*model.Subscription{}
	wanted := map[model.ID]map[string]model.ID{} // org → email → user (0 until found, -1 when shared)
	err := subscriptions.each(context.Background(), tx, func(sub *model.Subscription) error {
		v := *sub
		subs[v.ID] = &v
		seats, err := listSeats(tx, v.ID)
		if err != nil {
			return err
		}
		for _, seat := range seats {
			if wanted[v.OrgID] == nil {
				wanted[v.OrgID] = map[string]model.ID{}
			}
			wanted[v.OrgID][seat.Email] = 0
		}
		return nil
	})
	if err != nil || len(wanted) == 0 {
		return err
	}
	logins := map[model.ID]string{}
	err = users.each(context.Background(), tx, func(u *model.User) error {
		byEmail := wanted[u.OrgID]
		email := model.NormalizeEmail(u.Email)
		if cur, ok := byEmail[email]; ok && email != "" {
			if cur != 0 {
				byEmail[email] = ^model.ID(0)
				return nil
			}
			byEmail[email] = u.ID
			logins[u.ID] = u.Login
		}
		return nil
	})
	if err != nil {
		return err
	}
	for id, sub := range subs {
		if err := migrateSeats(tx, sub, wanted[sub.OrgID], logins); err != nil {
			return fmt.Errorf("subscription %d: %w", id, err)
		}
	}
	return nil
}

func migrateSeats(tx *bbolt.Tx, sub *model.Subscription, byEmail map[string]model.ID, logins map[model.ID]string) error {
	seats, err := listSeats(tx, sub.ID)
	if err != nil || len(seats) == 0 {
		return err
	}
	seats = model.AssignSeatKeys(sub, seats)
	for _, seat := range seats {
		if u := byEmail[seat.Email]; seat.UserID == 0 && u != 0 && u != ^model.ID(0) {
			seat.UserID, seat.Login = u, logins[u]
		}
		if err := putSeat(tx, seat); err != nil {
			return err
		}
	}
	return nil
}

// putSeat writes a seat and, for a directory account's, its index entry.
func putSeat(tx *bbolt.Tx, seat model.Seat) error {
	raw, err := jsonEncode(&seat)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketSeats).Put(seatKey(seat.SubscriptionID, seat.ID), raw); err != nil {
		return err
	}
	if seat.UserID == 0 {
		return nil
	}
	return tx.Bucket(bucketSeatsByUser).Put(seatUserKey(seat.UserID, seat.SubscriptionID, seat.ID), []byte{})
}
