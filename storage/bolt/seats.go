package bolt

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// Seats live in bucketSeats under subscription id(8) + seat id(8), so one subscription's seats
// are one key range, in the order they were added. Seat ids come from the bucket's sequence.

func seatKey(sub, seat model.ID) []byte { return append(itob(sub), itob(seat)...) }

// Seats returns a subscription's seats in the order they were added.
func (s *Store) Seats(ctx context.Context, subID model.ID) (out []model.Seat, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		if _, err := subscriptions.get(tx, subID); err != nil {
			return err
		}
		out, err = listSeats(tx, subID)
		return err
	})
	return out, err
}

func listSeats(tx *bbolt.Tx, subID model.ID) ([]model.Seat, error) {
	var out []model.Seat
	prefix := itob(subID)
	c := tx.Bucket(bucketSeats).Cursor()
	for k, raw := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, raw = c.Next() {
		var seat model.Seat
		if err := jsonDecode(raw, &seat); err != nil {
			return nil, fmt.Errorf("seat %x: %w", k, err)
		}
		seat.SubscriptionID, seat.ID = subID, btoi(k[8:])
		out = append(out, seat)
	}
	return out, nil
}

// CountSeats counts the seats of every subscription from the keys alone.
func (s *Store) CountSeats(ctx context.Context) (map[model.ID]int, error) {
	counts := map[model.ID]int{}
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketSeats).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if len(k) == 16 {
				counts[btoi(k[:8])]++
			}
		}
		return nil
	})
	return counts, err
}

// ChangeSeats runs plan inside one write transaction and writes its answer.
func (s *Store) ChangeSeats(ctx context.Context, subID model.ID, plan storage.SeatPlan) (storage.SeatWrite, error) {
	var done storage.SeatWrite
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		sub, err := subscriptions.get(tx, subID)
		if err != nil {
			return err
		}
		current, err := listSeats(tx, subID)
		if err != nil {
			return err
		}
		w, err := plan(sub, current)
		if err != nil {
			return err
		}
		if done, err = writeSeats(tx, subID, w); err != nil {
			return err
		}
		if w.Audit != nil {
			ev := *w.Audit
			done.Audit = &ev
		}
		return appendAudit(tx, done.Audit)
	})
	if err != nil {
		return storage.SeatWrite{}, err
	}
	return done, nil
}

func writeSeats(tx *bbolt.Tx, subID model.ID, w storage.SeatWrite) (storage.SeatWrite, error) {
	b := tx.Bucket(bucketSeats)
	done := storage.SeatWrite{Remove: w.Remove}
	for _, id := range w.Remove {
		key := seatKey(subID, id)
		raw := b.Get(key)
		if raw == nil {
			return done, fmt.Errorf("seat %d of subscription %d: %w", id, subID, storage.ErrNotFound)
		}
		var old model.Seat
		if err := jsonDecode(raw, &old); err != nil {
			return done, fmt.Errorf("seat %x: %w", key, err)
		}
		if old.UserID != 0 {
			if err := tx.Bucket(bucketSeatsByUser).Delete(seatUserKey(old.UserID, subID, id)); err != nil {
				return done, err
			}
		}
		if err := b.Delete(key); err != nil {
			return done, err
		}
	}
	b.FillPercent = appendFill
	for _, seat := range w.Add {
		if seat.UserID != 0 {
			if _, err := users.get(tx, seat.UserID); err != nil { // a user deleted meanwhile holds nothing
				return done, err
			}
		}
		seq, err := b.NextSequence()
		if err != nil {
			return done, fmt.Errorf("new seat id: %w", err)
		}
		seat.ID, seat.SubscriptionID = model.ID(seq), subID
		if err := putSeat(tx, seat); err != nil {
			return done, err
		}
		done.Add = append(done.Add, seat)
	}
	return done, nil
}

// ClaimSubscription creates sub and files the claim under its hash, unless the hash is filed.
func (s *Store) ClaimSubscription(ctx context.Context, c model.Claim, sub *model.Subscription, audit *model.AuditEvent) error {
	if c.Hash == "" {
		return fmt.Errorf("claim: empty hash")
	}
	v := *sub
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketClaims)
		if raw := b.Get([]byte(c.Hash)); raw != nil {
			var old model.Claim
			if err := jsonDecode(raw, &old); err != nil {
				return fmt.Errorf("claim: %w", err)
			}
			return &model.AlreadyClaimedError{At: old.ClaimedAt, OrgID: old.OrgID, OrgName: old.OrgName}
		}
		if err := subscriptions.create(tx, &v); err != nil {
			return err
		}
		c.SubscriptionID = v.ID
		raw, err := jsonEncode(&c)
		if err != nil {
			return err
		}
		if err := b.Put([]byte(c.Hash), raw); err != nil {
			return err
		}
		if audit != nil {
			ev := *audit
			ev.SubjectID = v.ID
			return appendAudit(tx, &ev)
		}
		return nil
	})
	if err == nil {
		sub.ID = v.ID
	}
	return err
}

// Claim returns the claim filed under hash (storage.ErrNotFound).
func (s *Store) Claim(ctx context.Context, hash string) (c model.Claim, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketClaims).Get([]byte(hash))
		if raw == nil || hash == "" {
			return fmt.Errorf("claim: %w", storage.ErrNotFound)
		}
		return jsonDecode(raw, &c)
	})
	return c, err
}
