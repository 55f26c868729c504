package bolt

import (
	"context"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// ApplySeed writes a whole dataset in one write transaction: every record gets a real id, every
// temporary reference (model.TempID) is rewritten to the real id of the seed record that carried
// it, and references that are not temporary are kept. A temporary reference to no record of the
// seed (storage.ErrNotFound), a record that already has a real id, or any index conflict
// (storage.ErrConflict) fails the whole seed: nothing is written. The caller's seed is not
// modified.
func (s *Store) ApplySeed(ctx context.Context, seed storage.Seed) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return applySeed(tx, seed) })
}

func applySeed(tx *bbolt.Tx, seed storage.Seed) error {
	if seed.Once != "" {
		settings := tx.Bucket(bucketSettings)
		if settings.Get([]byte(seed.Once)) != nil {
			return fmt.Errorf("seed %s: %w", seed.Once, storage.ErrAlreadyApplied)
		}
		if err := settings.Put([]byte(seed.Once), []byte(seed.OnceValue)); err != nil {
			return err
		}
	}
	b := seedBatch{orgs: slices.Clone(seed.Orgs), classes: slices.Clone(seed.Classes),
		groups: slices.Clone(seed.Groups), users: slices.Clone(seed.Users),
		subs: slices.Clone(seed.Subscriptions)}
	if err := b.assign(tx); err != nil {
		return err
	}
	if err := b.rewrite(); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	return b.insert(tx)
}

// seedBatch is a copy of a seed being written, with the id maps of its records.
type seedBatch struct {
	orgs    []model.Organization
	classes []model.Class
	groups  []model.Group
	users   []model.User
	subs    []model.Subscription

	orgIDs, classIDs, groupIDs, userIDs storage.TempIDs
}

func (b *seedBatch) assign(tx *bbolt.Tx) (err error) {
	if b.orgIDs, err = assignIDs(tx, orgs, b.orgs); err != nil {
		return err
	}
	if b.classIDs, err = assignIDs(tx, classes, b.classes); err != nil {
		return err
	}
	if b.groupIDs, err = assignIDs(tx, groups, b.groups); err != nil {
		return err
	}
	if b.userIDs, err = assignIDs(tx, users, b.users); err != nil {
		return err
	}
	_, err = assignIDs(tx, subscriptions, b.subs)
	return err
}

func (b *seedBatch) rewrite() error {
	adminIDs := storage.TempIDs{Kind: "admin"} // a seed holds no admins: a temporary admin id is an error
	var rw storage.Rewriter
	for i := range b.classes {
		b.classes[i].OrgID = rw.One(b.orgIDs, b.classes[i].OrgID)
	}
	for i := range b.groups {
		b.groups[i].OrgID = rw.One(b.orgIDs, b.groups[i].OrgID)
	}
	for i := range b.users {
		u := &b.users[i]
		u.OrgID = rw.One(b.orgIDs, u.OrgID)
		u.ClassIDs = rw.All(b.classIDs, u.ClassIDs)
		u.GroupIDs = rw.All(b.groupIDs, u.GroupIDs)
		u.ChildIDs = rw.All(b.userIDs, u.ChildIDs)
	}
	for i := range b.subs {
		b.subs[i].OrgID = rw.One(b.orgIDs, b.subs[i].OrgID)
		b.subs[i].ClaimedBy = rw.One(adminIDs, b.subs[i].ClaimedBy)
	}
	return rw.Err
}

func (b *seedBatch) insert(tx *bbolt.Tx) error {
	err := insertEach(tx, orgs, b.orgs)
	if err == nil {
		err = insertEach(tx, classes, b.classes)
	}
	if err == nil {
		err = insertEach(tx, groups, b.groups)
	}
	if err == nil {
		err = bulkInsert(tx, users, b.users)
	}
	if err == nil {
		err = insertEach(tx, subscriptions, b.subs)
	}
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	return nil
}

func insertEach[T any](tx *bbolt.Tx, t *table[T], recs []T) error {
	for i := range recs {
		if err := t.insert(tx, &recs[i]); err != nil {
			return err
		}
	}
	return nil
}

// assignIDs draws a real id for every record, remembering which temporary id it replaces.
func assignIDs[T any](tx *bbolt.Tx, t *table[T], recs []T) (storage.TempIDs, error) {
	m := storage.NewTempIDs(t.kind, len(recs))
	for i := range recs {
		id := t.id(&recs[i])
		temp := *id
		if err := m.Claim(temp); err != nil {
			return m, err
		}
		real, err := t.newID(tx)
		if err != nil {
			return m, err
		}
		m.Set(temp, real)
		*id = real
	}
	return m, nil
}
