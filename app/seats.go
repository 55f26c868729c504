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
func (a *App) ListSeats(ctx context.Context, admin model.Admin, subID model.ID) (SeatList, error) {
	row, err := a.Subscription(ctx, admin, subID)
	if err != nil {
		return SeatList{}, err
	}
	seats, err := a.store.Seats(ctx, subID)
	if err != nil {
		return SeatList{}, err
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
}

// SeatResult says what a change of seats did (or, dry, would do).
type SeatResult struct {
	Added      []model.Seat
	Removed    []model.Seat
	Duplicates int // emails given twice or already holding a seat: ignored
	Kept       int // a sync's seats still in its source
	Read       int // emails (or users) the source listed
	NoEmail    int // directory users without an email: no seat possible
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

// AddTypedSeats gives seats to emails typed by the admin (spaces, commas, semicolons or new
// lines between them). Invalid addresses refuse the whole list (*model.InvalidEmailsError);
// more new emails than free seats add none (*model.SeatLimitError).
func (a *App) AddTypedSeats(ctx context.Context, admin model.Admin, subID model.ID, text string, opts SeatOptions) (SeatResult, error) {
	emails, err := model.SplitEmails(text)
	if err != nil {
		return SeatResult{}, err
	}
	if len(emails) == 0 {
		return SeatResult{}, &model.ValidationError{Field: "email", Rule: model.RuleRequired}
	}
	return a.addSeats(ctx, admin, subID, emails, model.SeatTyped, opts)
}

// ImportSeats gives seats to the emails of a CSV file: one address a line, no header, no
// spaces, commas or quotes. Any bad line refuses the file (*model.EmailFileError with every
// line number) and nothing is added.
func (a *App) ImportSeats(ctx context.Context, admin model.Admin, subID model.ID, name string, r io.Reader, opts SeatOptions) (SeatResult, error) {
	emails, err := model.ParseEmailFile(name, r)
	if err != nil {
		return SeatResult{}, err
	}
	return a.addSeats(ctx, admin, subID, emails, model.SeatFile, opts)
}

func (a *App) addSeats(ctx context.Context, admin model.Admin, subID model.ID, emails []string, src model.SeatSource, opts SeatOptions) (SeatResult, error) {
	if _, err := a.visibleSub(ctx, admin, subID); err != nil {
		return SeatResult{}, err
	}
	res := SeatResult{Read: len(emails)}
	now := a.now()
	plan := func(sub model.Subscription, current []model.Seat) (storage.SeatWrite, error) {
		p, err := model.PlanSeatAdd(sub.Seats, current, emails)
		res.Duplicates, res.Free = p.Duplicates, p.Free-len(p.Add)
		if len(p.Add) > 0 { // an ended subscription is the first thing to say, before any count
			if ended := sub.CheckSeatsOpen(model.DateOf(now)); ended != nil {
				err = ended
			}
		}
		if err != nil {
			return storage.SeatWrite{}, err
		}
		w := storage.SeatWrite{Audit: &model.AuditEvent{At: now, AdminID: admin.ID, Action: model.AuditSeatsAdd,
			OrgID: sub.OrgID, SubjectID: sub.ID, Detail: seatDetail(src.String(), p.Add, nil)}}
		for _, e := range p.Add {
			w.Add = append(w.Add, model.Seat{SubscriptionID: sub.ID, Email: e, Source: src, AddedBy: admin.ID, AddedAt: now})
		}
		return w, nil
	}
	w, err := a.changeSeats(ctx, subID, plan, opts.DryRun)
	if err != nil {
		return res, err
	}
	res.Added = w.Add
	return a.notify(ctx, admin, subID, res, opts), nil
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

// RemoveSeat takes the seat of one email back (storage.ErrNotFound when it has none).
func (a *App) RemoveSeat(ctx context.Context, admin model.Admin, subID model.ID, email string, dryRun bool) (SeatResult, error) {
	email = model.NormalizeEmail(email)
	return a.removeSeats(ctx, admin, subID, dryRun, func(s model.Seat) bool { return s.Email == email }, email)
}

// RemoveHandSeats takes back every seat given by hand (typed or from a file); seats of syncs
// stay (their sync manages them).
func (a *App) RemoveHandSeats(ctx context.Context, admin model.Admin, subID model.ID, dryRun bool) (SeatResult, error) {
	return a.removeSeats(ctx, admin, subID, dryRun, func(s model.Seat) bool { return s.Source.ByHand() }, "")
}

// removeSeats takes back the seats pick chooses; one, when set, is the email of the one seat
// asked for, which must exist.
func (a *App) removeSeats(ctx context.Context, admin model.Admin, subID model.ID, dryRun bool, pick func(model.Seat) bool, one string) (SeatResult, error) {
	if _, err := a.visibleSub(ctx, admin, subID); err != nil {
		return SeatResult{}, err
	}
	var res SeatResult
	now := a.now()
	plan := func(sub model.Subscription, current []model.Seat) (storage.SeatWrite, error) {
		var w storage.SeatWrite
		var emails []string
		for _, s := range current {
			if pick(s) {
				w.Remove = append(w.Remove, s.ID)
				res.Removed = append(res.Removed, s)
				emails = append(emails, s.Email)
			}
		}
		if one != "" && len(w.Remove) == 0 {
			return w, notFound(model.ThingSeat, one)
		}
		res.Free = sub.Seats - len(current) + len(w.Remove)
		w.Audit = &model.AuditEvent{At: now, AdminID: admin.ID, Action: model.AuditSeatsRemove,
			OrgID: sub.OrgID, SubjectID: sub.ID, Detail: seatDetail("", nil, emails)}
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
