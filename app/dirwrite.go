package app

import (
	"context"

	"rollcall/model"
	"rollcall/storage"
)

// applyBatch writes a batch and brings the directory index up to date with the users it
// created, updated and deleted.
func (a *App) applyBatch(ctx context.Context, b storage.Batch) (storage.Applied, error) {
	if b.Release {
		return a.applyReleased(ctx, b)
	}
	applied, err := a.store.Apply(ctx, b)
	if err != nil {
		return applied, err
	}
	a.dir.upsert(b.Users, func(u model.User) model.User { return resolveUser(u, applied.IDs) }, b.DeleteUsers)
	if len(b.RestoreUsers) > 0 {
		a.dir.upsert(b.RestoreUsers, nil, nil)
	}
	return applied, nil
}

// applyReleased writes a batch whose users nobody reads afterwards: once the store holds them
// nothing here does, so a million of them (500 MB) can be freed while the store commits; the
// directory index reads them back when next asked.
func (a *App) applyReleased(ctx context.Context, b storage.Batch) (storage.Applied, error) {
	applied, err := a.store.Apply(ctx, b)
	if err == nil {
		a.dir.invalidate()
	}
	return applied, err
}

// resolveUser replaces a batch user's temporary ids by the ones the store gave.
func resolveUser(u model.User, ids map[model.ID]model.ID) model.User {
	one := func(id model.ID) model.ID {
		if real, ok := ids[id]; ok {
			return real
		}
		return id
	}
	all := func(in []model.ID) []model.ID {
		if len(in) == 0 {
			return in
		}
		out := make([]model.ID, len(in))
		for i, id := range in {
			out[i] = one(id)
		}
		return out
	}
	u.ID, u.OrgID = one(u.ID), one(u.OrgID)
	u.ClassIDs, u.GroupIDs, u.ChildIDs = all(u.ClassIDs), all(u.GroupIDs), all(u.ChildIDs)
	return u
}

// visibleUser loads a user the admin may see; others are reported as not found, so an admin
// never learns what another organization holds.
func (a *App) visibleUser(ctx context.Context, admin model.Admin, id model.ID) (model.User, error) {
	u, err := a.store.User(ctx, id)
	if err != nil {
		return model.User{}, err
	}
	if !adminOf(admin, u.OrgID) {
		return model.User{}, storage.ErrNotFound
	}
	return u, nil
}

func adminOf(admin model.Admin, org model.ID) bool {
	for _, id := range admin.OrgIDs {
		if id == org {
			return true
		}
	}
	return false
}
