package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"rollcall/model"
	"rollcall/storage"
)

// SeatList is a subscription and its seat holders, in the order they were added.
type SeatList struct {
	SubRow
	Seats []model.Seat
}

// ListSeats returns a subscription's seats (storage.ErrNotFound for another's subscription).
func (s *Session) ListSeats(ctx context.Context, subID model.ID) (_ SeatList, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.listSeats(ctx, admin, subID)
}

func (a *App) listSeats(ctx context.Context, admin model.Admin, subID model.ID) (SeatList, error) {
	row, err := a.subscription(ctx, admin, subID)
	if err != nil {
		return SeatList{}, err
	}
	seats, err := a.store.Seats(ctx, subID)
	if err != nil {
		return SeatList{}, err
	}
	for i, s := range seats { // an account's login and email as they are now
		if s.UserID == 0 {
			continue
		}
		if u, err := a.store.User(ctx, s.UserID); err == nil {
			seats[i].Login, seats[i].Email = u.Login, model.NormalizeEmail(u.Email)
		}
	}
	row.Assigned = len(seats)
	return SeatList{SubRow: row, Seats: seats}, nil
}

// SeatOptions tune a change of seats.
type SeatOptions struct {
	DryRun bool // check and count, write nothing
	Notify bool // email the new seat holders (when a mailer is configured)
	// Lang is the language of the emails (the admin's when empty).
	Lang model.Language
	// Key is the product key new seats use (typed seats); "" takes the first with room.
	Key string
}

// SeatResult says what a change of seats did (or, dry, would do).
type SeatResult struct {
	Added      []model.Seat
	Removed    []model.Seat
	Duplicates int // emails given twice or already holding a seat: ignored
	Kept       int // a sync's seats still in its source
	Read       int // emails (or users) the source listed
	Free       int // seats free after the change
	Notified   int // new seat holders emailed
	NotifyErrs []NotifyError
	// NotifySkipped says that emails were asked for but no mail server is set up.
	NotifySkipped bool
}

// NotifyError is an email that could not be sent to a new seat holder; the seat stays.
type NotifyError struct {
	Email string
	Err   error
}

// AddTypedSeats gives seats to what the admin typed (spaces, commas, semicolons or new lines
// between): emails, and logins of the school's directory accounts. An email that one account of
// the school has seats that account. Invalid addresses refuse the whole list
// (*model.InvalidEmailsError); more new holders than free seats add none (*model.SeatLimitError).
func (s *Session) AddTypedSeats(ctx context.Context, subID model.ID, text string, opts SeatOptions) (_ SeatResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.addTypedSeats(ctx, admin, subID, text, opts)
}

func (a *App) addTypedSeats(ctx context.Context, admin model.Admin, subID model.ID, text string, opts SeatOptions) (SeatResult, error) {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0'
	})
	if len(words) == 0 {
		return SeatResult{}, &model.ValidationError{Field: "email", Rule: model.RuleRequired}
	}
	sub, err := a.visibleSub(ctx, admin, subID)
	if err != nil {
		return SeatResult{}, err
	}
	holders, err := a.holdersOf(ctx, sub.OrgID, words)
	if err != nil {
		return SeatResult{}, err
	}
	return a.addSeats(ctx, admin, sub, holders, model.SeatTyped, opts)
}

// ImportSeats gives seats to the emails of a CSV file: one address a line, no header, no
// spaces, commas or quotes. Any bad line refuses the file (*model.EmailFileError with every
// line number) and nothing is added.
func (s *Session) ImportSeats(ctx context.Context, subID model.ID, name string, r io.Reader, opts SeatOptions) (_ SeatResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.importSeats(ctx, admin, subID, name, r, opts)
}

func (a *App) importSeats(ctx context.Context, admin model.Admin, subID model.ID, name string, r io.Reader, opts SeatOptions) (SeatResult, error) {
	emails, err := model.ParseEmailFile(name, r)
	if err != nil {
		return SeatResult{}, err
	}
	sub, err := a.visibleSub(ctx, admin, subID)
	if err != nil {
		return SeatResult{}, err
	}
	holders := make([]model.SeatHolder, len(emails))
	for i, e := range emails {
		holders[i] = model.SeatHolder{Email: e}
	}
	if holders, err = a.emailHolders(ctx, sub.OrgID, holders, emails); err != nil {
		return SeatResult{}, err
	}
	return a.addSeats(ctx, admin, sub, holders, model.SeatFile, opts)
}

func (a *App) addSeats(ctx context.Context, admin model.Admin, sub model.Subscription, holders []model.SeatHolder, src model.SeatSource, opts SeatOptions) (SeatResult, error) {
	res := SeatResult{Read: len(holders)}
	now := a.now()
	alias, err := a.aliasesFor(ctx, sub, holders)
	if err != nil {
		return res, err
	}
	plan := func(sub model.Subscription, current []model.Seat) (storage.SeatWrite, error) {
		p, err := model.PlanSeatAdd(&sub, current, holders, opts.Key, alias)
		res.Duplicates, res.Free = p.Duplicates, p.Free-len(p.Add)
		if len(p.Add) > 0 || err != nil { // an ended subscription is the first thing to say, before any count
			if ended := sub.CheckSeatsOpen(model.DateOf(now)); ended != nil {
				err = ended
			}
		}
		if err != nil {
			return storage.SeatWrite{}, err
		}
		w := storage.SeatWrite{Audit: &model.AuditEvent{At: now, AdminID: admin.ID, Action: model.AuditSeatsAdd,
			OrgID: sub.OrgID, SubjectID: sub.ID, Detail: seatDetail(src.String(), seatLabels(p.Add), nil)}}
		for _, s := range p.Add {
			s.SubscriptionID, s.Source, s.AddedBy, s.AddedAt = sub.ID, src, admin.ID, now
			w.Add = append(w.Add, s)
		}
		return w, nil
	}
	w, err := a.changeSeats(ctx, sub.ID, plan, opts.DryRun)
	if err != nil {
		return res, err
	}
	res.Added = w.Add
	return a.notify(ctx, admin, sub.ID, res, opts), nil
}

func seatLabels(seats []model.Seat) []string {
	out := make([]string, len(seats))
	for i, s := range seats {
		out[i] = s.Label()
	}
	return out
}

// changeSeats runs plan in the store's transaction, or on a snapshot when dry.
func (a *App) changeSeats(ctx context.Context, subID model.ID, plan storage.SeatPlan, dryRun bool) (storage.SeatWrite, error) {
	if !dryRun {
		return a.store.ChangeSeats(ctx, subID, plan)
	}
	sub, err := a.store.Subscription(ctx, subID)
	if err != nil {
		return storage.SeatWrite{}, err
	}
	current, err := a.store.Seats(ctx, subID)
	if err != nil {
		return storage.SeatWrite{}, err
	}
	return plan(sub, current)
}

// RemoveSeat takes back the seat of one holder: an email, or the login of a directory account
// (storage.ErrNotFound when it has none). A seat a sync gave is refused (*model.SeatSyncedError:
// the next run would give it back) unless detach says to take it from its sync first.
func (s *Session) RemoveSeat(ctx context.Context, subID model.ID, who string, detach, dryRun bool) (_ SeatResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.removeSeat(ctx, admin, subID, who, detach, dryRun)
}

func (a *App) removeSeat(ctx context.Context, admin model.Admin, subID model.ID, who string, detach, dryRun bool) (SeatResult, error) {
	sub, err := a.visibleSub(ctx, admin, subID)
	if err != nil {
		return SeatResult{}, err
	}
	email, login := model.NormalizeEmail(who), strings.ToLower(strings.TrimSpace(who))
	var account model.ID
	if !strings.Contains(who, "@") {
		if u, err := a.store.UserByLogin(ctx, login); err == nil && u.OrgID == sub.OrgID {
			account = u.ID
		}
	}
	pick := func(s model.Seat) bool {
		return (account != 0 && s.UserID == account) || (s.Email == email && email != "") || strings.EqualFold(s.Login, login)
	}
	return a.removeSeats(ctx, admin, subID, dryRun, pick, who, detach)
}

// RemoveHandSeats takes back every seat given by hand (typed or from a file); seats of syncs
// stay (their sync manages them).
func (s *Session) RemoveHandSeats(ctx context.Context, subID model.ID, dryRun bool) (_ SeatResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.removeHandSeats(ctx, admin, subID, dryRun)
}

func (a *App) removeHandSeats(ctx context.Context, admin model.Admin, subID model.ID, dryRun bool) (SeatResult, error) {
	if _, err := a.visibleSub(ctx, admin, subID); err != nil {
		return SeatResult{}, err
	}
	return a.removeSeats(ctx, admin, subID, dryRun, func(s model.Seat) bool { return s.ByHand() }, "", false)
}

// removeSeats takes back the seats pick chooses; one, when set, names the one holder asked for,
// whose seat must exist and, unless detach, must not be a sync's.
func (a *App) removeSeats(ctx context.Context, admin model.Admin, subID model.ID, dryRun bool, pick func(model.Seat) bool, one string, detach bool) (SeatResult, error) {
	var res SeatResult
	now := a.now()
	plan := func(sub model.Subscription, current []model.Seat) (storage.SeatWrite, error) {
		var w storage.SeatWrite
		var labels []string
		res.Removed = nil
		how := ""
		for _, s := range current {
			if !pick(s) {
				continue
			}
			if one != "" && !s.ByHand() {
				if !detach {
					return w, &model.SeatSyncedError{Holder: s.Label(), Sync: s.Sync}
				}
				how = "detached from " + s.Sync
			}
			w.Remove = append(w.Remove, s.ID)
			res.Removed = append(res.Removed, s)
			labels = append(labels, s.Label())
		}
		if one != "" && len(w.Remove) == 0 {
			return w, notFound(model.ThingSeat, one)
		}
		res.Free = sub.Seats - len(current) + len(w.Remove)
		w.Audit = &model.AuditEvent{At: now, AdminID: admin.ID, Action: model.AuditSeatsRemove,
			OrgID: sub.OrgID, SubjectID: sub.ID, Detail: seatDetail(how, nil, labels)}
		return w, nil
	}
	_, err := a.changeSeats(ctx, subID, plan, dryRun)
	return res, err
}

// seatDetail is the audit log's line: "typed: +2 a@x.fr, b@x.fr; -1 c@x.fr".
func seatDetail(how string, added, removed []string) string {
	var parts []string
	if len(added) > 0 {
		parts = append(parts, fmt.Sprintf("+%d %s", len(added), summarize(added, 5)))
	}
	if len(removed) > 0 {
		parts = append(parts, fmt.Sprintf("-%d %s", len(removed), summarize(removed, 5)))
	}
	s := strings.Join(parts, "; ")
	if how != "" {
		s = how + ": " + s
	}
	return s
}
