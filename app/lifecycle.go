package app

import (
	"context"
	"slices"

	"rollcall/model"
	"rollcall/storage"
)

// MarkPendingDeletion marks users for deletion: they drop out of selections (unless asked for)
// and can be restored until they are deleted for good.
func (s *Session) MarkPendingDeletion(ctx context.Context, ids []model.ID, dryRun bool) (_ []model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.markPendingDeletion(ctx, admin, ids, dryRun)
}

func (a *App) markPendingDeletion(ctx context.Context, admin model.Admin, ids []model.ID, dryRun bool) ([]model.User, error) {
	now := a.now()
	users, err := a.changeUsers(ctx, admin, ids, dryRun, func(u *model.User) error {
		if !u.PendingDeletion() {
			u.PendingSince = now
		}
		return nil
	})
	return users, a.auditedUsers(ctx, err, dryRun, admin, model.AuditUserPending, users)
}

// RestoreUsers takes users out of pending deletion.
func (s *Session) RestoreUsers(ctx context.Context, ids []model.ID, dryRun bool) (_ []model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.restoreUsers(ctx, admin, ids, dryRun)
}

func (a *App) restoreUsers(ctx context.Context, admin model.Admin, ids []model.ID, dryRun bool) ([]model.User, error) {
	users, err := a.changeUsers(ctx, admin, ids, dryRun, func(u *model.User) error {
		u.PendingSince = model.User{}.PendingSince
		return nil
	})
	return users, a.auditedUsers(ctx, err, dryRun, admin, model.AuditUserRestore, users)
}

// DeleteUsers removes users for good. Only users already pending deletion can go (the two-step
// rule protects against a slip of the keyboard); parents lose the deleted children's links.
func (s *Session) DeleteUsers(ctx context.Context, ids []model.ID, dryRun bool) (_ []model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.deleteUsers(ctx, admin, ids, dryRun)
}

func (a *App) deleteUsers(ctx context.Context, admin model.Admin, ids []model.ID, dryRun bool) ([]model.User, error) {
	gone := make([]model.User, 0, len(ids))
	for _, id := range ids {
		u, err := a.visibleUser(ctx, admin, id)
		if err != nil {
			return nil, err
		}
		if !u.PendingDeletion() {
			return nil, model.ErrNotPending
		}
		gone = append(gone, u)
	}
	if dryRun || len(gone) == 0 {
		return gone, nil
	}
	parents, err := a.parentsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	now := a.now()
	for i := range parents {
		parents[i].ChildIDs = slices.DeleteFunc(parents[i].ChildIDs, func(c model.ID) bool { return slices.Contains(ids, c) })
		parents[i].UpdatedAt = now
	}
	_, err = a.applyBatch(ctx, storage.Batch{Users: parents, DeleteUsers: ids})
	return gone, a.auditedUsers(ctx, err, false, admin, model.AuditUserDelete, gone)
}

// parentsOf finds the users who list any of ids as a child, other than those being deleted.
func (a *App) parentsOf(ctx context.Context, ids []model.ID) ([]model.User, error) {
	var out []model.User
	err := a.store.ForEachUser(ctx, func(u *model.User) error {
		if !slices.Contains(ids, u.ID) && slices.ContainsFunc(u.ChildIDs, func(c model.ID) bool { return slices.Contains(ids, c) }) {
			out = append(out, *u)
		}
		return nil
	})
	return out, err
}

// changeUsers applies change to several visible users in one batch (all or nothing).
func (a *App) changeUsers(ctx context.Context, admin model.Admin, ids []model.ID, dryRun bool, change func(*model.User) error) ([]model.User, error) {
	users := make([]model.User, 0, len(ids))
	now := a.now()
	for _, id := range ids {
		u, err := a.visibleUser(ctx, admin, id)
		if err != nil {
			return nil, err
		}
		if err := change(&u); err != nil {
			return nil, err
		}
		u.UpdatedAt = now
		users = append(users, u)
	}
	if dryRun || len(users) == 0 {
		return users, nil
	}
	_, err := a.applyBatch(ctx, storage.Batch{Users: users})
	return users, err
}
