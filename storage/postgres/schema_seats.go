package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
)

// linkEmailSeats (version 5 → 6) gives the email seats written before version 2 their holder's
// account: the one account of the subscription's school with that email, as bbolt's version 4
// did. Version 2 left them at 0, so deleting that account did not free them. An email two
// accounts of the school share stays an email seat.
func linkEmailSeats(ctx context.Context, tx pgx.Tx) error {
	orgOf := map[int64]model.ID{}
	err := subscriptions.each(ctx, tx, "", func(s *model.Subscription) error {
		orgOf[int64(s.ID)] = s.OrgID
		return nil
	})
	if err != nil {
		return err
	}
	type seatRow struct {
		sub, id int64
		seat    model.Seat
	}
	var loose []seatRow
	wanted := map[model.ID]map[string]model.ID{} // school → email → account (0: none yet, ^0: shared)
	rows, err := tx.Query(ctx, "SELECT sub_id, id, data FROM seats WHERE user_id = 0 ORDER BY sub_id, id")
	if err != nil {
		return err
	}
	for rows.Next() {
		var r seatRow
		var raw []byte
		if err := rows.Scan(&r.sub, &r.id, &raw); err != nil {
			rows.Close()
			return err
		}
		if err := jsonDecode(raw, &r.seat); err != nil {
			rows.Close()
			return fmt.Errorf("seat %d of subscription %d: %w", r.id, r.sub, err)
		}
		email, org := model.NormalizeEmail(r.seat.Email), orgOf[r.sub]
		if email == "" || org == 0 {
			continue
		}
		if wanted[org] == nil {
			wanted[org] = map[string]model.ID{}
		}
		wanted[org][email] = 0
		loose = append(loose, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(loose) == 0 {
		return err
	}
	logins := map[model.ID]string{}
	err = users.each(ctx, tx, "", func(u *model.User) error {
		byEmail, email := wanted[u.OrgID], model.NormalizeEmail(u.Email)
		if cur, ok := byEmail[email]; ok && email != "" {
			if cur != 0 {
				byEmail[email] = ^model.ID(0)
				return nil
			}
			byEmail[email], logins[u.ID] = u.ID, u.Login
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range loose {
		u := wanted[orgOf[r.sub]][model.NormalizeEmail(r.seat.Email)]
		if u == 0 || u == ^model.ID(0) {
			continue
		}
		r.seat.UserID, r.seat.Login = u, logins[u]
		raw, err := jsonEncode(&r.seat)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE seats SET user_id = $3, data = $4 WHERE sub_id = $1 AND id = $2", r.sub, r.id, int64(u), raw); err != nil {
			return err
		}
	}
	return nil
}
