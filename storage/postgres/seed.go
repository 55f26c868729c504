package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

// ApplySeed writes a whole dataset in one transaction: every record gets a real id, every
// temporary reference is rewritten, and any failure writes nothing (see storage.Seed).
func (s *Store) ApplySeed(ctx context.Context, seed storage.Seed) error {
	return s.update(ctx, func(tx pgx.Tx) error {
		if seed.Once != "" {
			// The key's row is claimed first: a concurrent seeder waits on it, then finds it.
			tag, err := tx.Exec(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
				[]byte(seed.Once), []byte(seed.OnceValue))
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				return fmt.Errorf("seed %s: %w", seed.Once, storage.ErrAlreadyApplied)
			}
		}
		b := seedBatch{orgs: slices.Clone(seed.Orgs), classes: slices.Clone(seed.Classes),
			groups: slices.Clone(seed.Groups), users: slices.Clone(seed.Users),
			subs: slices.Clone(seed.Subscriptions)}
		if err := b.assign(ctx, tx); err != nil {
			return err
		}
		if err := b.rewrite(); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		if err := b.insert(ctx, tx); err != nil {
			return err
		}
		return touchUsers(ctx, tx, userIDs(b.users))
	})
}

// seedBatch is a copy of the records being created, with the id maps of their temporary ids.
type seedBatch struct {
	orgs    []model.Organization
	classes []model.Class
	groups  []model.Group
	users   []model.User
	subs    []model.Subscription

	orgIDs, classIDs, groupIDs, userIDs storage.TempIDs
}

func (b *seedBatch) assign(ctx context.Context, tx pgx.Tx) (err error) {
	if b.orgIDs, err = assignIDs(ctx, tx, orgs, b.orgs); err != nil {
		return err
	}
	if b.classIDs, err = assignIDs(ctx, tx, classes, b.classes); err != nil {
		return err
	}
	if b.groupIDs, err = assignIDs(ctx, tx, groups, b.groups); err != nil {
		return err
	}
	if b.userIDs, err = assignIDs(ctx, tx, users, b.users); err != nil {
		return err
	}
	_, err = assignIDs(ctx, tx, subscriptions, b.subs)
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

func (b *seedBatch) insert(ctx context.Context, tx pgx.Tx) error {
	err := insertAll(ctx, tx, orgs, b.orgs)
	if err == nil {
		err = insertAll(ctx, tx, classes, b.classes)
	}
	if err == nil {
		err = insertAll(ctx, tx, groups, b.groups)
	}
	if err == nil {
		err = insertAll(ctx, tx, users, b.users)
	}
	if err == nil {
		err = insertAll(ctx, tx, subscriptions, b.subs)
	}
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	return nil
}

// copyAbove is the number of records from which insertAll uses COPY rather than INSERTs.
const copyAbove = 32

// insertAll writes new records (ids drawn). Many go in one COPY; a taken key fails it with
// storage.ErrConflict.
func insertAll[T any](ctx context.Context, tx pgx.Tx, t *table[T], recs []T) error {
	if len(recs) < copyAbove {
		for i := range recs {
			if err := t.insert(ctx, tx, &recs[i]); err != nil {
				return err
			}
		}
		return nil
	}
	rows := make([][]any, len(recs))
	for i := range recs {
		var err error
		if rows[i], err = t.row(&recs[i]); err != nil {
			return err
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.name}, t.cols(), pgx.CopyFromRows(rows)); err != nil {
		return t.conflict(err, &recs[0])
	}
	return nil
}

// assignIDs draws a real id for every record, remembering which temporary id it replaces.
func assignIDs[T any](ctx context.Context, tx pgx.Tx, t *table[T], recs []T) (storage.TempIDs, error) {
	m := storage.NewTempIDs(t.kind, len(recs))
	for i := range recs {
		if err := m.Claim(*t.id(&recs[i])); err != nil {
			return m, err
		}
	}
	ids, err := t.newIDs(ctx, tx, len(recs))
	if err != nil {
		return m, err
	}
	for i := range recs {
		id := t.id(&recs[i])
		m.Set(*id, ids[i])
		*id = ids[i]
	}
	return m, nil
}

func userIDs(us []model.User) []model.ID {
	out := make([]model.ID, len(us))
	for i := range us {
		out[i] = us[i].ID
	}
	return out
}
