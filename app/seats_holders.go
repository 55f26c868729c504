package app

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"rollcall/model"
	"rollcall/storage"
)

// holdersOf turns what an admin typed (emails and logins) into seat holders of the school org:
// a login is that school's directory account; an email is the one account of the school that
// has it, or an email from outside the directory. A word that is neither a valid email nor a
// login of the school refuses the whole list (*model.InvalidEmailsError).
func (a *App) holdersOf(ctx context.Context, org model.ID, words []string) ([]model.SeatHolder, error) {
	var emails []string
	var bad []string
	out := make([]model.SeatHolder, 0, len(words))
	for _, w := range words {
		if strings.Contains(w, "@") {
			e := model.NormalizeEmail(w)
			if !model.ValidEmail(e) {
				bad = append(bad, w)
				continue
			}
			emails = append(emails, e)
			out = append(out, model.SeatHolder{Email: e})
			continue
		}
		u, err := a.store.UserByLogin(ctx, w)
		switch {
		case errors.Is(err, storage.ErrNotFound) || (err == nil && u.OrgID != org):
			bad = append(bad, w)
			continue
		case err != nil:
			return nil, err
		}
		out = append(out, model.SeatHolder{UserID: u.ID, Email: model.NormalizeEmail(u.Email), Login: u.Login})
	}
	if len(bad) > 0 {
		return nil, &model.InvalidEmailsError{Values: bad}
	}
	return a.emailHolders(ctx, org, out, emails)
}

// emailHolders replaces, in hs, each email that one account of org has by that account.
func (a *App) emailHolders(ctx context.Context, org model.ID, hs []model.SeatHolder, emails []string) ([]model.SeatHolder, error) {
	accounts, err := a.accountsByEmail(ctx, org, emails)
	if err != nil {
		return nil, err
	}
	for i, h := range hs {
		if u, ok := accounts[h.Email]; ok && h.UserID == 0 {
			hs[i] = model.SeatHolder{UserID: u.ID, Email: h.Email, Login: u.Login}
		}
	}
	return hs, nil
}

// aliasesFor is seatAliases of sub's seats as stored now: read before the write transaction,
// which must not wait on reads of its own.
func (a *App) aliasesFor(ctx context.Context, sub model.Subscription, hs []model.SeatHolder) (map[string]model.ID, error) {
	current, err := a.store.Seats(ctx, sub.ID)
	if err != nil {
		return nil, err
	}
	return a.seatAliases(ctx, sub.OrgID, current, hs)
}

// seatAliases maps each email of seats and holders that exactly one account of org has to that
// account, so a seat typed for an email and the account that has it count as one holder.
func (a *App) seatAliases(ctx context.Context, org model.ID, current []model.Seat, hs []model.SeatHolder) (map[string]model.ID, error) {
	var emails []string
	for _, s := range current {
		if s.UserID == 0 {
			emails = append(emails, s.Email)
		}
	}
	for _, h := range hs {
		if h.UserID == 0 {
			emails = append(emails, h.Email)
		}
	}
	accounts, err := a.accountsByEmail(ctx, org, emails)
	alias := make(map[string]model.ID, len(accounts))
	for e, u := range accounts {
		alias[e] = u.ID
	}
	return alias, err
}

// accountsByEmail finds, for each email, the one account of org that has it (pending deletion or
// not); an email that several accounts share (a family's address) is left out.
func (a *App) accountsByEmail(ctx context.Context, org model.ID, emails []string) (map[string]model.User, error) {
	out := map[string]model.User{}
	if len(emails) == 0 {
		return out, nil
	}
	if err := a.dir.ensure(ctx, a.store); err != nil {
		return nil, err
	}
	folded := make(map[string]string, len(emails))
	for _, e := range emails {
		folded[model.Fold(e)] = e
	}
	found := map[string][]model.ID{}
	a.dir.mu.RLock()
	for row, id := range a.dir.ids {
		if a.dir.flags[row]&(flagLive|flagEmail) != flagLive|flagEmail || a.dir.orgs[row] != org {
			continue
		}
		text := a.dir.texts.text(int32(row))
		if i := bytes.LastIndexByte(text, 1); i >= 0 {
			if e, ok := folded[string(text[i+1:])]; ok {
				found[e] = append(found[e], id)
			}
		}
	}
	a.dir.mu.RUnlock()
	for e, ids := range found {
		var match []model.User
		for _, id := range ids {
			u, err := a.store.User(ctx, id)
			if err != nil {
				return nil, err
			}
			if model.NormalizeEmail(u.Email) == e {
				match = append(match, u)
			}
		}
		if len(match) == 1 {
			out[e] = match[0]
		}
	}
	return out, nil
}

// HeldSeat is a seat a directory account holds, with its subscription's product.
type HeldSeat struct {
	model.Seat
	Product string
}

// UserSeats returns the seats a directory account holds (storage.ErrNotFound for an account the
// admin does not administer): its card and `users show` name each product and key.
func (s *Session) UserSeats(ctx context.Context, userID model.ID) (_ []HeldSeat, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.userSeats(ctx, admin, userID)
}

func (a *App) userSeats(ctx context.Context, admin model.Admin, userID model.ID) ([]HeldSeat, error) {
	if _, err := a.visibleUser(ctx, admin, userID); err != nil {
		return nil, err
	}
	seats, err := a.store.UserSeats(ctx, userID)
	if err != nil {
		return nil, err
	}
	out := make([]HeldSeat, 0, len(seats))
	for _, s := range seats {
		sub, err := a.store.Subscription(ctx, s.SubscriptionID)
		if err != nil {
			return nil, err
		}
		out = append(out, HeldSeat{Seat: s, Product: sub.Product})
	}
	return out, nil
}
