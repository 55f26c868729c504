package bolt

import (
	"context"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// Apply writes a batch in one transaction: records with temporary ids are created (ids drawn,
// references rewritten as in a seed), the others updated, then the deletions run. Any failure
// (an unknown record, a broken uniqueness rule) leaves the store as it was. Updates are applied
// in batch order, so two records of one batch cannot swap a unique key.
func (s *Store) Apply(ctx context.Context, b storage.Batch) (storage.Applied, error) {
	var applied storage.Applied
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		var err error
		applied, err = applyBatch(tx, b)
		return err
	})
	if err != nil {
		return storage.Applied{}, fmt.Errorf("batch: %w", err)
	}
	return applied, nil
}

func applyBatch(tx *bbolt.Tx, b storage.Batch) (storage.Applied, error) {
	var create, upd seedBatch
	create.orgs, upd.orgs = partition(b.Orgs, orgID)
	create.classes, upd.classes = partition(b.Classes, classID)
	create.groups, upd.groups = partition(b.Groups, groupID)
	create.users, upd.users = partition(b.Users, userID)
	// Users get their ids from one sequence inside this transaction: the ones above its value
	// now are the batch's new users (restored users keep ids drawn before).
	usersBefore := model.ID(users.b(tx).Sequence())
	if err := create.assign(tx); err != nil {
		return storage.Applied{}, err
	}
	if err := create.rewrite(); err != nil {
		return storage.Applied{}, err
	}
	upd.orgIDs, upd.classIDs, upd.groupIDs, upd.userIDs = create.orgIDs, create.classIDs, create.groupIDs, create.userIDs
	if err := upd.rewrite(); err != nil {
		return storage.Applied{}, err
	}
	if err := create.insert(tx); err != nil {
		return storage.Applied{}, err
	}
	if err := updateAll(tx, &upd); err != nil {
		return storage.Applied{}, err
	}
	if b.Release { // written: the commit's pages need not sit beside a million users
		clear(create.users)
		clear(upd.users)
	}
	if err := moveSeats(tx, b.MoveSeats); err != nil {
		return storage.Applied{}, err
	}
	if err := restoreUsers(tx, b.RestoreUsers); err != nil {
		return storage.Applied{}, err
	}
	if err := deleteAll(tx, b); err != nil {
		return storage.Applied{}, err
	}
	if err := planSeats(tx, b.Seats); err != nil {
		return storage.Applied{}, err
	}
	if err := putMeta(tx, b.Meta); err != nil {
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
	if err := applyImportParts(tx, b, ids, func(id model.ID) bool { return id > usersBefore }); err != nil {
		return storage.Applied{}, err
	}
	if err := applyGrantAndAudit(tx, b, ids); err != nil {
		return storage.Applied{}, err
	}
	return storage.Applied{IDs: ids}, nil
}

// applyGrantAndAudit gives the batch's admin their new organizations and records its audit
// events, in the batch's transaction.
func applyGrantAndAudit(tx *bbolt.Tx, b storage.Batch, ids map[model.ID]model.ID) error {
	if g := b.Grant; g != nil && len(g.OrgIDs) > 0 {
		a, err := admins.get(tx, g.AdminID)
		if err != nil {
			return err
		}
		for _, org := range g.OrgIDs {
			if org = real(ids, org); !slices.Contains(a.OrgIDs, org) {
				a.OrgIDs = append(a.OrgIDs, org)
			}
		}
		if err := admins.update(tx, &a); err != nil {
			return err
		}
	}
	if b.Audit == nil {
		return nil
	}
	for _, e := range b.Audit(ids) {
		if err := appendAudit(tx, &e); err != nil {
			return err
		}
	}
	return nil
}

func orgID(o *model.Organization) model.ID { return o.ID }
func classID(c *model.Class) model.ID      { return c.ID }
func groupID(g *model.Group) model.ID      { return g.ID }
func userID(u *model.User) model.ID        { return u.ID }

// partition splits the records to create (temporary ids) from those to update. A batch of one
// kind only is not copied: its records get their real ids and references in place, as
// storage.Batch allows (a million new users copied cost 450 MB at the import's peak). A mixed
// batch is copied, in one pass.
func partition[T any](recs []T, id func(*T) model.ID) (create, update []T) {
	n := 0
	for i := range recs {
		if id(&recs[i]).IsTemp() {
			n++
		}
	}
	switch n {
	case len(recs):
		return recs, nil
	case 0:
		return nil, recs
	}
	create, update = make([]T, 0, n), make([]T, 0, len(recs)-n)
	for i := range recs {
		if id(&recs[i]).IsTemp() {
			create = append(create, recs[i])
		} else {
			update = append(update, recs[i])
		}
	}
	return create, update
}

func updateAll(tx *bbolt.Tx, b *seedBatch) error {
	err := updateEach(tx, orgs, b.orgs)
	if err == nil {
		err = updateEach(tx, classes, b.classes)
	}
	if err == nil {
		err = updateEach(tx, groups, b.groups)
	}
	if err == nil {
		err = updateEach(tx, users, b.users)
	}
	return err
}

func updateEach[T any](tx *bbolt.Tx, t *table[T], recs []T) error {
	for i := range recs {
		if err := t.update(tx, &recs[i]); err != nil {
			return err
		}
	}
	return nil
}

func deleteAll(tx *bbolt.Tx, b storage.Batch) error {
	for _, d := range []struct {
		ids []model.ID
		del func(*bbolt.Tx, model.ID) error
	}{{b.DeleteUsers, deleteUser}, {b.DeleteClasses, classes.delete}, {b.DeleteGroups, groups.delete}} {
		for _, id := range d.ids {
			if err := d.del(tx, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// restoreUsers inserts users under the ids they had; an id in use is storage.ErrConflict.
func restoreUsers(tx *bbolt.Tx, list []model.User) error {
	for i := range list {
		u := list[i]
		if u.ID == 0 || u.ID.IsTemp() {
			return fmt.Errorf("restore user %d: not a real id", u.ID)
		}
		if users.b(tx).Get(itob(u.ID)) != nil {
			return fmt.Errorf("restore user %d: id in use: %w", u.ID, storage.ErrConflict)
		}
		if err := users.insert(tx, &u); err != nil {
			return err
		}
	}
	return nil
}

// planSeats runs a batch's seat plans, subscription by subscription in id order, as
// ChangeSeats does in its own transaction.
func planSeats(tx *bbolt.Tx, plans map[model.ID]storage.SeatPlan) error {
	subs := make([]model.ID, 0, len(plans))
	for id := range plans {
		subs = append(subs, id)
	}
	slices.Sort(subs)
	for _, subID := range subs {
		sub, err := subscriptions.get(tx, subID)
		if err != nil {
			return err
		}
		current, err := listSeats(tx, subID)
		if err != nil {
			return err
		}
		w, err := plans[subID](sub, current)
		if err != nil {
			return err
		}
		if _, err := writeSeats(tx, subID, w); err != nil {
			return err
		}
		if err := appendAudit(tx, w.Audit); err != nil {
			return err
		}
	}
	return nil
}

func putMeta(tx *bbolt.Tx, meta map[string]string) error {
	bk := tx.Bucket(bucketSettings)
	for k, v := range meta {
		if k == "" {
			return fmt.Errorf("meta: empty key")
		}
		var err error
		if v == "" {
			err = bk.Delete([]byte(k))
		} else {
			err = bk.Put([]byte(k), []byte(v))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
