package app

import (
	"context"
	"errors"

	"rollcall/model"
	"rollcall/storage"
)

// streamBatch is how many users EachUserBatch hands over at a time: enough to amortise a
// caller's per-batch work (relatives, a flush), small enough for the first row to come at once.
const streamBatch = 256

// EachUserBatch calls fn with the users of a slice of an admin's selection (from offset, at
// most limit, every one when limit <= 0), in the selection's order, a batch at a time, read
// from the store as they go: a listing of a million users starts printing at once and holds
// one batch, never the whole list. total is the selection's size. An error from fn stops it.
func (s *Session) EachUserBatch(ctx context.Context, sel model.Selection, offset, limit int, fn func(total int, users []model.User) error) (err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.eachUserBatch(ctx, admin, sel, offset, limit, fn)
}

func (a *App) eachUserBatch(ctx context.Context, admin model.Admin, sel model.Selection, offset, limit int,
	fn func(total int, users []model.User) error) error {
	ids, err := a.selectUserIDs(ctx, admin, sel)
	if err != nil {
		return err
	}
	total := len(ids)
	ids = ids[min(max(offset, 0), len(ids)):]
	if limit > 0 && limit < len(ids) {
		ids = ids[:limit]
	}
	batch := make([]model.User, 0, streamBatch)
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		u, err := a.store.User(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			continue // deleted by another process, whose change the index has not applied yet
		} else if err != nil {
			return err
		}
		batch = append(batch, u)
		if len(batch) == streamBatch || i == len(ids)-1 {
			if err := fn(total, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(ids) == 0 || len(batch) > 0 {
		return fn(total, batch)
	}
	return nil
}
