package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

// Apply writes a batch in one transaction: records with temporary ids are created, the others
// updated in batch order, then the deletions run; any failure writes nothing.
func (s *Store) Apply(ctx context.Context, b storage.Batch) (storage.Applied, error) {
	var applied storage.Applied
	err := s.update(ctx, func(tx pgx.Tx) error {
		var err error
		applied, err = applyBatch(ctx, tx, b)
		return err
	})
	if err != nil {
		return storage.Applied{}, fmt.Errorf("batch: %w", err)
	}
	return applied, nil
}

func applyBatch(ctx context.Context, tx pgx.Tx, b storage.Batch) (storage.Applied, error) {
	var create, upd seedBatch
	create.orgs, upd.orgs = partition(b.Orgs, func(o *model.Organization) model.ID { return o.ID })
	create.classes, upd.classes = partition(b.Classes, func(c *model.Class) model.ID { return c.ID })
	create.groups, upd.groups = partition(b.Groups, func(g *model.Group) model.ID { return g.ID })
	create.users, upd.users = partition(b.Users, func(u *model.User) model.ID { return u.ID })
	if err := create.assign(ctx, tx); err != nil {
		return storage.Applied{}, err
	}
	if err := create.rewrite(); err != nil {
		return storage.Applied{}, err
	}
	upd.orgIDs, upd.classIDs, upd.groupIDs, upd.userIDs = create.orgIDs, create.classIDs, create.groupIDs, create.userIDs
	if err := upd.rewrite(); err != nil {
		return storage.Applied{}, err
	}
	if err := create.insert(ctx, tx); err != nil {
		return storage.Applied{}, err
	}
	err := updateAll(ctx, tx, orgs, upd.orgs)
	if err == nil {
		err = updateAll(ctx, tx, classes, upd.classes)
	}
	if err == nil {
		err = updateAll(ctx, tx, groups, upd.groups)
	}
	if err == nil {
		err = updateAll(ctx, tx, users, upd.users)
	}
	if err == nil {
		err = moveSeats(ctx, tx, b.MoveSeats)
	}
	if err == nil {
		err = restoreUsers(ctx, tx, b.RestoreUsers)
	}
	if err == nil {
		err = deleteAll(ctx, tx, b)
	}
	if err == nil {
		err = planSeats(ctx, tx, b.Seats)
	}
	if err == nil {
		err = putMeta(ctx, tx, b.Meta)
	}
	if err != nil {
		return storage.Applied{}, err
	}
	all := []storage.TempIDs{create.orgIDs, create.classIDs, create.groupIDs, create.userIDs}
	n := 1 // and the run's
	for _, m := range all {
		n += m.Len()
	}
	ids := make(map[model.ID]model.ID, n)
	for _, m := range all {
		m.CopyTo(ids)
	}
	if err := applyImportParts(ctx, tx, b, ids, create.userIDs.Reals()); err != nil {
		return storage.Applied{}, err
	}
	if err := applyGrantAndAudit(ctx, tx, b, ids); err != nil {
		return storage.Applied{}, err
	}
	touched := append(userIDs(create.users), userIDs(upd.users)...)
	touched = append(touched, userIDs(b.RestoreUsers)...)
	if err := touchUsers(ctx, tx, append(touched, b.DeleteUsers...)); err != nil {
		return storage.Applied{}, err
	}
	return storage.Applied{IDs: ids}, nil
}

// restoreUsers inserts users under the ids they had; an id in use is storage.ErrConflict.
func restoreUsers(ctx context.Context, tx pgx.Tx, list []model.User) error {
	for i := range list {
		u := list[i]
		if u.ID == 0 || u.ID.IsTemp() {
			return fmt.Errorf("restore user %d: not a real id", u.ID)
		}
		if err := users.insert(ctx, tx, &u); err != nil {
			return err
		}
	}
	return nil
}

// planSeats runs a batch's seat plans, subscription by subscription in id order, as
// ChangeSeats does in its own transaction.
func planSeats(ctx context.Context, tx pgx.Tx, plans map[model.ID]storage.SeatPlan) error {
	subs := make([]model.ID, 0, len(plans))
	for id := range plans {
		subs = append(subs, id)
	}
	slices.Sort(subs)
	for _, subID := range subs {
		sub, err := subscriptions.get(ctx, tx, subID, true)
		if err != nil {
			return err
		}
		current, err := listSeats(ctx, tx, subID)
		if err != nil {
			return err
		}
		w, err := plans[subID](sub, current)
		if err != nil {
			return err
		}
		if _, err := writeSeats(ctx, tx, subID, w); err != nil {
			return err
		}
		if err := appendAudit(ctx, tx, w.Audit); err != nil {
			return err
		}
	}
	return nil
}

// partition copies the records to create (temporary ids) and those to update.
func partition[T any](recs []T, id func(*T) model.ID) (create, update []T) {
	for i := range recs {
		if id(&recs[i]).IsTemp() {
			create = append(create, recs[i])
		} else {
			update = append(update, recs[i])
		}
	}
	return create, update
}

// updateAll replaces records in order, pipelined: one round trip for the lot. The first
// missing record is storage.ErrNotFound, the first taken key storage.ErrConflict.
func updateAll[T any](ctx context.Context, tx pgx.Tx, t *table[T], recs []T) error {
	if len(recs) == 0 {
		return nil
	}
	q := t.updateSQL()
	pb := &pgx.Batch{}
	for i := range recs {
		vals, err := t.row(&recs[i])
		if err != nil {
			return err
		}
		pb.Queue(q, vals...)
	}
	br := tx.SendBatch(ctx, pb)
	for i := range recs {
		tag, err := br.Exec()
		if err != nil {
			_ = br.Close()
			return t.conflict(err, &recs[i])
		}
		if tag.RowsAffected() == 0 {
			_ = br.Close()
			return fmt.Errorf("%s %d: %w", t.kind, *t.id(&recs[i]), storage.ErrNotFound)
		}
	}
	return br.Close()
}

// deleteAll removes the batch's users, classes and groups; one that is not there is
// storage.ErrNotFound.
func deleteAll(ctx context.Context, tx pgx.Tx, b storage.Batch) error {
	if err := freeUserSeats(ctx, tx, b.DeleteUsers); err != nil {
		return err
	}
	for _, d := range []struct {
		kind, table string
		ids         []model.ID
	}{{"user", "users", b.DeleteUsers}, {"class", "classes", b.DeleteClasses}, {"group", "groups", b.DeleteGroups}} {
		if len(d.ids) == 0 {
			continue
		}
		var n int
		err := tx.QueryRow(ctx, "WITH d AS (DELETE FROM "+d.table+" WHERE id = ANY($1) RETURNING 1) SELECT count(*) FROM d",
			idArray(d.ids)).Scan(&n)
		if err != nil {
			return err
		}
		if n != len(d.ids) {
			return fmt.Errorf("%d of %d %s records to delete: %w", len(d.ids)-n, len(d.ids), d.kind, storage.ErrNotFound)
		}
	}
	return nil
}

// applyGrantAndAudit gives the batch's admin their new organizations and records its audit
// events, in the batch's transaction.
func applyGrantAndAudit(ctx context.Context, tx pgx.Tx, b storage.Batch, ids map[model.ID]model.ID) error {
	if g := b.Grant; g != nil && len(g.OrgIDs) > 0 {
		a, err := admins.get(ctx, tx, g.AdminID, true)
		if err != nil {
			return err
		}
		for _, org := range g.OrgIDs {
			if r, ok := ids[org]; ok {
				org = r
			}
			if !slices.Contains(a.OrgIDs, org) {
				a.OrgIDs = append(a.OrgIDs, org)
			}
		}
		if err := admins.update(ctx, tx, &a); err != nil {
			return err
		}
	}
	if b.Audit == nil {
		return nil
	}
	for _, e := range b.Audit(ids) {
		if err := appendAudit(ctx, tx, &e); err != nil {
			return err
		}
	}
	return nil
}
