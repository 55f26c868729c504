package app

import (
	"context"
	"errors"

	"rollcall/model"
	"rollcall/storage"
)

// YearCloseHistory lists the year's turns of the admin's schools, newest first.
func (s *Session) YearCloseHistory(ctx context.Context) (_ []model.ImportRun, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.yearHistory(ctx, admin)
}

func (a *App) yearHistory(ctx context.Context, admin model.Admin) ([]model.ImportRun, error) {
	runs, err := a.store.ListImports(ctx)
	if err != nil {
		return nil, err
	}
	out := runs[:0]
	for _, r := range runs {
		if r.Kind == model.RunYearClose && a.runVisible(admin, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// YearUndoReport is what undoing a year's turn did (or, dry, would do).
type YearUndoReport struct {
	Run          model.ImportRun
	Users        int // people given back their classes, groups, codes and links
	Restored     int // people deleted by the turn, back
	Classes      int // classes given back their code and name
	Seats        int // seats given back to the people restored
	SeatsNotFree int // seats not given back: their subscription has no room (or is gone)
	DryRun       bool
}

// UndoYearClose reverts one of the admin's year's turns exactly: people get back their
// classes, groups, history, activation codes and links, classes their codes and names, the
// deleted come back under their ids with their seats where the subscription still has room.
// It refuses when something the turn wrote was changed since (a person edited, a class code or
// a login taken again), naming it; nothing is written then.
func (s *Session) UndoYearClose(ctx context.Context, runID model.ID, dryRun bool) (_ YearUndoReport, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.undoYearClose(ctx, admin, runID, dryRun)
}

func (a *App) undoYearClose(ctx context.Context, admin model.Admin, runID model.ID, dryRun bool) (YearUndoReport, error) {
	runs, err := a.yearHistory(ctx, admin)
	if err != nil {
		return YearUndoReport{}, err
	}
	var rep YearUndoReport
	found := false
	for _, r := range runs {
		if r.ID == runID {
			rep.Run, found = r, true
		}
	}
	switch {
	case !found:
		return rep, notFound(model.ThingYearClose, runID)
	case rep.Run.Undone():
		return rep, model.ErrYearUndone
	}
	undo, err := a.store.ImportUndo(ctx, runID)
	if err != nil {
		return rep, err
	}
	if err := a.checkYearUndo(ctx, undo); err != nil {
		return rep, err
	}
	b, err := a.yearUndoBatch(ctx, admin, rep.Run, undo, &rep)
	if err != nil || dryRun {
		rep.DryRun = dryRun
		return rep, err
	}
	if _, err := a.applyBatch(ctx, b); err != nil {
		return rep, err
	}
	rep.Run = *b.Import
	return rep, nil
}

// checkYearUndo refuses when what the turn wrote changed since, or what it would bring back is
// taken: a user edited since, a deleted login or class code in use again.
func (a *App) checkYearUndo(ctx context.Context, undo model.ImportUndo) error {
	for _, u := range undo.Before {
		cur, err := a.store.User(ctx, u.ID)
		if errors.Is(err, storage.ErrNotFound) {
			return &model.YearUndoBlockedError{Thing: model.ThingUser, Name: u.Login}
		} else if err != nil {
			return err
		}
		if !cur.UpdatedAt.Equal(undo.WrittenAt) {
			return &model.YearUndoBlockedError{Thing: model.ThingUser, Name: cur.Login}
		}
	}
	for _, u := range undo.Deleted {
		if _, err := a.store.UserByLogin(ctx, u.Login); err == nil {
			return &model.YearUndoBlockedError{Thing: model.ThingUser, Name: u.Login}
		} else if !errors.Is(err, storage.ErrNotFound) {
			return err
		}
	}
	codes := map[string]model.ID{}
	if len(undo.ClassesBefore) > 0 {
		all, err := a.store.ListClasses(ctx)
		if err != nil {
			return err
		}
		for _, c := range all {
			if c.OrgID == undo.ClassesBefore[0].OrgID {
				codes[c.Code] = c.ID
			}
		}
	}
	for _, c := range undo.ClassesBefore {
		if _, err := a.store.Class(ctx, c.ID); errors.Is(err, storage.ErrNotFound) {
			return &model.YearUndoBlockedError{Thing: model.ThingClass, Name: c.Code}
		} else if err != nil {
			return err
		}
		if held, ok := codes[c.Code]; ok && held != c.ID {
			return &model.YearUndoBlockedError{Thing: model.ThingClass, Name: c.Code}
		}
	}
	return nil
}

// yearUndoBatch builds the batch that reverts a turn: users and classes as they were, the
// deleted restored, their seats given back where their subscription has room.
func (a *App) yearUndoBatch(ctx context.Context, admin model.Admin, run model.ImportRun, undo model.ImportUndo, rep *YearUndoReport) (storage.Batch, error) {
	now := a.now()
	run.UndoneAt = now
	rep.Users, rep.Restored, rep.Classes = len(undo.Before), len(undo.Deleted), len(undo.ClassesBefore)
	b := storage.Batch{Users: undo.Before, Classes: undo.ClassesBefore, RestoreUsers: undo.Deleted,
		Provenance: undo.DeletedProvenance, Import: &run, Seats: map[model.ID]storage.SeatPlan{}}
	bySub := map[model.ID][]model.Seat{}
	for _, s := range undo.DeletedSeats {
		bySub[s.SubscriptionID] = append(bySub[s.SubscriptionID], s)
	}
	for subID, seats := range bySub {
		sub, err := a.store.Subscription(ctx, subID)
		if errors.Is(err, storage.ErrNotFound) {
			rep.SeatsNotFree += len(seats)
			continue
		} else if err != nil {
			return b, err
		}
		current, err := a.store.Seats(ctx, subID)
		if err != nil {
			return b, err
		}
		back := seatsWithRoom(&sub, current, seats)
		rep.Seats += len(back)
		rep.SeatsNotFree += len(seats) - len(back)
		b.Seats[subID] = func(sub model.Subscription, current []model.Seat) (storage.SeatWrite, error) {
			// Decided again inside the transaction: a seat given meanwhile takes the room first.
			return storage.SeatWrite{Add: seatsWithRoom(&sub, current, seats)}, nil
		}
	}
	orgID := model.ID(0)
	if len(run.OrgIDs) > 0 {
		orgID = run.OrgIDs[0]
	}
	b.Audit = func(map[model.ID]model.ID) []model.AuditEvent {
		return []model.AuditEvent{{At: now, AdminID: admin.ID, Action: model.AuditYearUndo, OrgID: orgID,
			SubjectID: run.ID, Detail: yearDetail(*run.YearClose)}}
	}
	return b, nil
}

// seatsWithRoom keeps, in order, the seats that still fit their product key's free room (or
// the keyless room) in sub given its current seats.
func seatsWithRoom(sub *model.Subscription, current, seats []model.Seat) []model.Seat {
	rooms := model.SeatRooms(sub, current)
	var out []model.Seat
	for _, s := range seats {
		i := len(rooms) - 1
		for j, r := range rooms {
			if r.Key == s.Key {
				i = j
			}
		}
		if rooms[i].Free <= 0 {
			continue
		}
		rooms[i].Free--
		s.ID, s.SubscriptionID = 0, 0
		out = append(out, s)
	}
	return out
}
