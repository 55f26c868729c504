package app

import (
	"context"

	"rollcall/model"
	"rollcall/storage"
)

// BulkAction is what an admin does at once to the people of a selection (or to people named
// one by one): the same rules whichever face asks.
type BulkAction uint8

// The bulk actions.
const (
	BulkSuspend   BulkAction = iota + 1 // suspend the accounts
	BulkUnsuspend                       // give suspended accounts back
	BulkPending                         // mark for deletion (restorable until deleted)
	BulkRestore                         // take out of pending deletion
	BulkNewCodes                        // new activation codes for accounts not activated yet
)

// BulkActions lists the actions in the order a picker shows them.
var BulkActions = []BulkAction{BulkSuspend, BulkUnsuspend, BulkPending, BulkRestore, BulkNewCodes}

// BulkResult says what a bulk action did (or, dry, would do): the users it changed, and how
// many it left as they were because there was nothing to do (already suspended, already
// pending, already activated for a new code).
type BulkResult struct {
	Action  BulkAction
	Changed []model.User
	Skipped int
	DryRun  bool
}

// Bulk applies action to the users ids, in one transaction (all or nothing), recorded in the
// audit log. A user the admin may not see fails the whole action with storage.ErrNotFound.
func (s *Session) Bulk(ctx context.Context, action BulkAction, ids []model.ID, dryRun bool) (_ BulkResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.bulk(ctx, admin, action, ids, dryRun)
}

// BulkSelection applies action to every user sel picks now.
func (s *Session) BulkSelection(ctx context.Context, action BulkAction, sel model.Selection, dryRun bool) (_ BulkResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	ids, err := s.app.selectUserIDs(ctx, admin, sel)
	if err != nil {
		return BulkResult{}, err
	}
	return s.app.bulk(ctx, admin, action, ids, dryRun)
}

func (a *App) bulk(ctx context.Context, admin model.Admin, action BulkAction, ids []model.ID, dryRun bool) (BulkResult, error) {
	change, audit := bulkChange(action, a)
	if change == nil {
		return BulkResult{}, &model.ValidationError{Field: "action", Rule: model.RuleUnknownValue}
	}
	res := BulkResult{Action: action, DryRun: dryRun}
	now := a.now()
	seen := make(map[model.ID]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if err := ctx.Err(); err != nil {
			return BulkResult{}, err
		}
		u, err := a.visibleUser(ctx, admin, id)
		if err != nil {
			return BulkResult{}, orNotFound(err, model.ThingUser, id)
		}
		changed, err := change(&u)
		if err != nil {
			return BulkResult{}, err
		}
		if !changed {
			res.Skipped++
			continue
		}
		u.UpdatedAt = now
		res.Changed = append(res.Changed, u)
	}
	if dryRun || len(res.Changed) == 0 {
		return res, nil
	}
	if _, err := a.applyBatch(ctx, storage.Batch{Users: res.Changed}); err != nil {
		return BulkResult{}, err
	}
	if action == BulkSuspend {
		for _, u := range res.Changed {
			if _, err := a.store.DeleteUserPersonSessions(ctx, u.ID, ""); err != nil { // signed out at once
				return res, err
			}
		}
	}
	return res, a.auditUsers(ctx, admin, audit, res.Changed)
}

// bulkChange is what an action does to one user (reporting whether it changed anything), and
// the audit action it is logged as.
func bulkChange(action BulkAction, a *App) (func(*model.User) (bool, error), model.AuditAction) {
	now := a.now()
	switch action {
	case BulkSuspend:
		return func(u *model.User) (bool, error) {
			if u.Suspended() {
				return false, nil
			}
			u.SuspendedAt = now
			return true, nil
		}, model.AuditUserSuspend
	case BulkUnsuspend:
		return func(u *model.User) (bool, error) {
			if !u.Suspended() {
				return false, nil
			}
			u.SuspendedAt = model.User{}.SuspendedAt
			return true, nil
		}, model.AuditUserUnsuspend
	case BulkPending:
		return func(u *model.User) (bool, error) {
			if u.PendingDeletion() {
				return false, nil
			}
			u.PendingSince = now
			return true, nil
		}, model.AuditUserPending
	case BulkRestore:
		return func(u *model.User) (bool, error) {
			if !u.PendingDeletion() {
				return false, nil
			}
			u.PendingSince = model.User{}.PendingSince
			return true, nil
		}, model.AuditUserRestore
	case BulkNewCodes:
		return func(u *model.User) (bool, error) {
			if u.Activated() {
				return false, nil
			}
			code, err := model.NewCode(a.random, 8)
			u.ActivationCode = code
			return err == nil, err
		}, model.AuditUserNewCode
	}
	return nil, ""
}
