package bolt

import (
	"context"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
	"rollcall/storage/usercodec"
)

// users are keyed by id, stored with the binary codec, and indexed by login (unique, ignoring
// case) and by (source, external id) (unique when the external id is set).
var users = &table[model.User]{
	kind:   "user",
	bucket: bucketUsers,
	id:     func(u *model.User) *model.ID { return &u.ID },
	encode: usercodec.Encode,
	decode: usercodec.Decode,
	indexes: []index[model.User]{{
		bucket: bucketUserByLogin,
		key:    func(u *model.User) []byte { return storage.LoginKey(u.Login) },
		label:  func(u *model.User) string { return u.Login },
	}, {
		bucket: bucketUserByExt,
		key:    func(u *model.User) []byte { return storage.ExternalIDKey(u.Source, u.ExternalID) },
		label:  func(u *model.User) string { return u.Source + ":" + u.ExternalID },
	}},
}

// The positions of users' indexes.
const (
	userByLogin = iota
	userByExt
)

// CreateUser stores a new user and sets u.ID. The login must be free ignoring case, and so must
// (source, external id) when the external id is set (storage.ErrConflict).
func (s *Store) CreateUser(ctx context.Context, u *model.User) error {
	v := *u
	err := s.update(ctx, func(tx *bbolt.Tx) error { return users.create(tx, &v) })
	if err == nil {
		u.ID = v.ID
	}
	return err
}

// User returns the user id (storage.ErrNotFound).
func (s *Store) User(ctx context.Context, id model.ID) (u model.User, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		u, err = users.get(tx, id)
		return err
	})
	return u, err
}

// UserByLogin finds a user by login, ignoring case.
func (s *Store) UserByLogin(ctx context.Context, login string) (u model.User, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		u, err = users.lookup(tx, userByLogin, storage.LoginKey(login), login)
		return err
	})
	return u, err
}

// UserByExternalID finds a user by the id a source (an import format) gave it.
func (s *Store) UserByExternalID(ctx context.Context, source, externalID string) (u model.User, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		u, err = users.lookup(tx, userByExt, storage.ExternalIDKey(source, externalID), source+":"+externalID)
		return err
	})
	return u, err
}

// UpdateUser replaces a stored user (storage.ErrNotFound), moving its index entries when the
// login or external id changed; the new ones must be free (storage.ErrConflict).
func (s *Store) UpdateUser(ctx context.Context, u model.User) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return users.update(tx, &u) })
}

// DeleteUser removes a user, its index entries, its provenance and its seats
// (storage.ErrNotFound). Parents keep the id in their ChildIDs: dropping it there is the
// application's business.
func (s *Store) DeleteUser(ctx context.Context, id model.ID) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return deleteUser(tx, id) })
}

// CountUsers returns the number of users.
func (s *Store) CountUsers(ctx context.Context) (n int, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		n = tx.Bucket(bucketUsers).Stats().KeyN
		return nil
	})
	return n, err
}

// ForEachUser calls fn with every user in id order inside one read transaction, so it sees one
// consistent state; writers are not blocked. fn gets the same *model.User on every call,
// overwritten by the next user: copy it (*u) to keep it. The copy is safe, since strings and id
// lists are never reused (they do share one allocation per user, see usercodec.Decode). ctx is
// checked every 1,024 users. fn must not call the store.
func (s *Store) ForEachUser(ctx context.Context, fn func(*model.User) error) error {
	return s.view(ctx, func(tx *bbolt.Tx) error { return users.each(ctx, tx, fn) })
}

// ForEachUserIn: see storage.UserStore. The organization is read from each record's first
// bytes; only the users kept are decoded.
func (s *Store) ForEachUserIn(ctx context.Context, orgs []model.ID, fn func(*model.User) error, login func(key []byte)) error {
	return s.view(ctx, func(tx *bbolt.Tx) error {
		c := users.b(tx).Cursor()
		var u model.User
		n := 0
		for k, raw := c.First(); k != nil; k, raw = c.Next() {
			if n++; n%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			org, err := usercodec.OrgID(raw)
			if err != nil {
				return fmt.Errorf("user %d: %w", btoi(k), err)
			}
			if !slices.Contains(orgs, org) {
				continue
			}
			u = model.User{}
			if err := usercodec.Decode(raw, &u); err != nil {
				return fmt.Errorf("user %d: %w", btoi(k), err)
			}
			u.ID = btoi(k)
			if err := fn(&u); err != nil {
				return err
			}
		}
		if login == nil {
			return ctx.Err()
		}
		c = tx.Bucket(bucketUserByLogin).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			login(k)
		}
		return ctx.Err()
	})
}
