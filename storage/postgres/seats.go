package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

// Seats returns a subscription's seats in the order they were added.
func (s *Store) Seats(ctx context.Context, subID model.ID) (out []model.Seat, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		if _, err := subscriptions.get(ctx, tx, subID, false); err != nil {
			return err
		}
		out, err = listSeats(ctx, tx, subID)
		return err
	})
	return out, err
}

func listSeats(ctx context.Context, tx pgx.Tx, subID model.ID) ([]model.Seat, error) {
	rows, err := tx.Query(ctx, "SELECT id, data FROM seats WHERE sub_id = $1 ORDER BY id", int64(subID))
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Seat, error) {
		var seat model.Seat
		var id int64
		var raw []byte
		if err := r.Scan(&id, &raw); err != nil {
			return seat, err
		}
		if err := jsonDecode(raw, &seat); err != nil {
			return seat, fmt.Errorf("seat %d: %w", id, err)
		}
		seat.SubscriptionID, seat.ID = subID, model.ID(id)
		return seat, nil
	})
}

// CountSeats counts the seats of every subscription that has some.
func (s *Store) CountSeats(ctx context.Context) (map[model.ID]int, error) {
	counts := map[model.ID]int{}
	err := s.view(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, "SELECT sub_id, count(*) FROM seats GROUP BY sub_id")
		if err != nil {
			return err
		}
		var sub, n int64
		_, err = pgx.ForEachRow(rows, []any{&sub, &n}, func() error {
			counts[model.ID(sub)] = int(n)
			return nil
		})
		return err
	})
	return counts, err
}

// ChangeSeats runs plan holding the subscription's row lock, so two processes changing one
// subscription's seats take turns and each plan sees the seats the other wrote.
func (s *Store) ChangeSeats(ctx context.Context, subID model.ID, plan storage.SeatPlan) (storage.SeatWrite, error) {
	var done storage.SeatWrite
	err := s.update(ctx, func(tx pgx.Tx) error {
		sub, err := subscriptions.get(ctx, tx, subID, true)
		if err != nil {
			return err
		}
		current, err := listSeats(ctx, tx, subID)
		if err != nil {
			return err
		}
		w, err := plan(sub, current)
		if err != nil {
			return err
		}
		if done, err = writeSeats(ctx, tx, subID, w); err != nil {
			return err
		}
		if w.Audit != nil {
			ev := *w.Audit
			done.Audit = &ev
		}
		return appendAudit(ctx, tx, done.Audit)
	})
	if err != nil {
		return storage.SeatWrite{}, err
	}
	return done, nil
}

// seats is only used for its sequence.
var seats = &table[model.Seat]{kind: "seat", name: "seats"}

func writeSeats(ctx context.Context, tx pgx.Tx, subID model.ID, w storage.SeatWrite) (storage.SeatWrite, error) {
	done := storage.SeatWrite{Remove: w.Remove}
	for _, id := range w.Remove {
		err := deleted(tx.Exec(ctx, "DELETE FROM seats WHERE sub_id = $1 AND id = $2", int64(subID), int64(id)))(
			fmt.Sprintf("seat %d of subscription %d", id, subID))
		if err != nil {
			return done, err
		}
	}
	ids, err := seats.newIDs(ctx, tx, len(w.Add))
	if err != nil {
		return done, err
	}
	rows := make([][]any, 0, len(w.Add))
	var holders []model.ID
	for i, seat := range w.Add {
		seat.ID, seat.SubscriptionID = ids[i], subID
		raw, err := jsonEncode(&seat)
		if err != nil {
			return done, err
		}
		rows = append(rows, []any{int64(subID), int64(seat.ID), int64(seat.UserID), raw})
		done.Add = append(done.Add, seat)
		if seat.UserID != 0 {
			holders = append(holders, seat.UserID)
		}
	}
	if err := usersExist(ctx, tx, holders); err != nil { // a user deleted meanwhile holds nothing
		return done, err
	}
	if len(rows) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"seats"}, []string{"sub_id", "id", "user_id", "data"}, pgx.CopyFromRows(rows)); err != nil {
			return done, err
		}
	}
	return done, nil
}

// ClaimSubscription creates sub and files the claim under its hash, unless the hash is filed:
// the hash is the claims table's primary key, so of two processes claiming one code at once
// the second waits for the first and then finds its claim.
func (s *Store) ClaimSubscription(ctx context.Context, c model.Claim, sub *model.Subscription, audit *model.AuditEvent) error {
	if c.Hash == "" {
		return fmt.Errorf("claim: empty hash")
	}
	v := *sub
	err := s.update(ctx, func(tx pgx.Tx) error {
		if err := subscriptions.create(ctx, tx, &v); err != nil {
			return err
		}
		c.SubscriptionID = v.ID
		raw, err := jsonEncode(&c)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, "INSERT INTO claims (hash, data) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING", []byte(c.Hash), raw)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			old, err := claimOf(ctx, tx, c.Hash)
			if err != nil {
				return err
			}
			return &model.AlreadyClaimedError{At: old.ClaimedAt, OrgID: old.OrgID, OrgName: old.OrgName}
		}
		if audit != nil {
			ev := *audit
			ev.SubjectID = v.ID
			return appendAudit(ctx, tx, &ev)
		}
		return nil
	})
	if err == nil {
		sub.ID = v.ID
	}
	return err
}

func claimOf(ctx context.Context, tx pgx.Tx, hash string) (c model.Claim, err error) {
	raw, err := getBytes(ctx, tx, "SELECT data FROM claims WHERE hash = $1", []byte(hash))
	if err != nil || hash == "" {
		return c, fmt.Errorf("claim: %w", notFound(err))
	}
	return c, jsonDecode(raw, &c)
}

// Claim returns the claim filed under hash (storage.ErrNotFound).
func (s *Store) Claim(ctx context.Context, hash string) (c model.Claim, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		c, err = claimOf(ctx, tx, hash)
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		err = storage.ErrNotFound
	}
	return c, err
}

// usersExist refuses (storage.ErrNotFound) when one of ids is no user, taking a share lock on
// the others so they cannot be deleted before the seats are written.
func usersExist(ctx context.Context, tx pgx.Tx, ids []model.ID) error {
	if len(ids) == 0 {
		return nil
	}
	var n int
	err := tx.QueryRow(ctx, "SELECT count(*) FROM (SELECT 1 FROM users WHERE id = ANY($1) FOR SHARE) u", idArray(uniqueIDs(ids))).Scan(&n)
	if err != nil {
		return err
	}
	if n != len(uniqueIDs(ids)) {
		return fmt.Errorf("seat holder: %w", storage.ErrNotFound)
	}
	return nil
}

func uniqueIDs(ids []model.ID) []model.ID {
	seen := make(map[model.ID]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// UserSeats returns the seats a directory account holds, by subscription then seat id.
func (s *Store) UserSeats(ctx context.Context, userID model.ID) (out []model.Seat, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, "SELECT sub_id, id, data FROM seats WHERE user_id = $1 AND user_id <> 0 ORDER BY sub_id, id", int64(userID))
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Seat, error) {
			var seat model.Seat
			var sub, id int64
			var raw []byte
			if err := r.Scan(&sub, &id, &raw); err != nil {
				return seat, err
			}
			if err := jsonDecode(raw, &seat); err != nil {
				return seat, fmt.Errorf("seat %d: %w", id, err)
			}
			seat.SubscriptionID, seat.ID = model.ID(sub), model.ID(id)
			return seat, nil
		})
		return err
	})
	return out, err
}

// freeUserSeats removes the seats of accounts being deleted.
func freeUserSeats(ctx context.Context, tx pgx.Tx, ids []model.ID) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, "DELETE FROM seats WHERE user_id = ANY($1) AND user_id <> 0", idArray(ids))
	return err
}

// moveSeats hands each move's seats from one account to the other, dropping those on a
// subscription the receiver already holds a seat of.
func moveSeats(ctx context.Context, tx pgx.Tx, moves []storage.SeatMove) error {
	for _, m := range moves {
		to, err := users.get(ctx, tx, m.To, true)
		if err != nil {
			return err
		}
		if _, err := users.get(ctx, tx, m.From, true); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT sub_id, id, user_id, data FROM seats WHERE user_id = ANY($1) AND user_id <> 0 ORDER BY sub_id, id FOR UPDATE",
			idArray([]model.ID{m.From, m.To}))
		if err != nil {
			return err
		}
		type held struct {
			sub, id, user int64
			raw           []byte
		}
		all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (held, error) {
			var h held
			return h, r.Scan(&h.sub, &h.id, &h.user, &h.raw)
		})
		if err != nil {
			return err
		}
		has := map[int64]bool{}
		for _, h := range all {
			if h.user == int64(m.To) {
				has[h.sub] = true
			}
		}
		for _, h := range all {
			if h.user != int64(m.From) {
				continue
			}
			if has[h.sub] {
				if _, err := tx.Exec(ctx, "DELETE FROM seats WHERE sub_id = $1 AND id = $2", h.sub, h.id); err != nil {
					return err
				}
				continue
			}
			has[h.sub] = true
			var seat model.Seat
			if err := jsonDecode(h.raw, &seat); err != nil {
				return fmt.Errorf("seat %d: %w", h.id, err)
			}
			seat.UserID, seat.Email, seat.Login = to.ID, to.Email, to.Login
			raw, err := jsonEncode(&seat)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "UPDATE seats SET user_id = $3, data = $4 WHERE sub_id = $1 AND id = $2", h.sub, h.id, int64(to.ID), raw); err != nil {
				return err
			}
		}
	}
	return nil
}
