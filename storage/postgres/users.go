package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
	"rollcall/storage/usercodec"
)

// users are stored with the binary codec and keyed by login (lower-cased, unique) and by
// source + 0x00 + external id (unique when the external id is set).
var users = &table[model.User]{kind: "user", name: "users",
	id: func(u *model.User) *model.ID { return &u.ID }, encode: usercodec.Encode, decode: usercodec.Decode,
	keys: []key[model.User]{{col: "login",
		val:   func(u *model.User) []byte { return storage.LoginKey(u.Login) },
		label: func(u *model.User) string { return u.Login },
	}, {col: "ext",
		val:   func(u *model.User) []byte { return storage.ExternalIDKey(u.Source, u.ExternalID) },
		label: func(u *model.User) string { return u.Source + ":" + u.ExternalID },
	}}}

// The positions of users' keys.
const (
	userByLogin = iota
	userByExt
)

// CreateUser stores a new user and sets u.ID; the login (ignoring case) and (source, external
// id) must be free (storage.ErrConflict).
func (s *Store) CreateUser(ctx context.Context, u *model.User) error {
	v := *u
	err := s.update(ctx, func(tx pgx.Tx) error {
		if err := users.create(ctx, tx, &v); err != nil {
			return err
		}
		return touchUsers(ctx, tx, []model.ID{v.ID})
	})
	if err == nil {
		u.ID = v.ID
	}
	return err
}

// User returns the user id (storage.ErrNotFound).
func (s *Store) User(ctx context.Context, id model.ID) (model.User, error) {
	return getIn(ctx, s, users, id)
}

// UserByLogin finds a user by login, ignoring case.
func (s *Store) UserByLogin(ctx context.Context, login string) (u model.User, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		u, err = users.lookup(ctx, tx, userByLogin, storage.LoginKey(login), login)
		return err
	})
	return u, err
}

// UserByExternalID finds a user by the id a source gave it.
func (s *Store) UserByExternalID(ctx context.Context, source, externalID string) (u model.User, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		u, err = users.lookup(ctx, tx, userByExt, storage.ExternalIDKey(source, externalID), source+":"+externalID)
		return err
	})
	return u, err
}

// UpdateUser replaces a stored user (storage.ErrNotFound); a new login or external id must be
// free (storage.ErrConflict).
func (s *Store) UpdateUser(ctx context.Context, u model.User) error {
	return s.update(ctx, func(tx pgx.Tx) error {
		if err := users.update(ctx, tx, &u); err != nil {
			return err
		}
		return touchUsers(ctx, tx, []model.ID{u.ID})
	})
}

// DeleteUser removes a user, its provenance and its seats (storage.ErrNotFound).
func (s *Store) DeleteUser(ctx context.Context, id model.ID) error {
	return s.update(ctx, func(tx pgx.Tx) error {
		if err := users.delete(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM provenance WHERE user_id = $1", int64(id)); err != nil {
			return err
		}
		if err := freeUserSeats(ctx, tx, []model.ID{id}); err != nil {
			return err
		}
		return touchUsers(ctx, tx, []model.ID{id})
	})
}

// CountUsers returns the number of users.
func (s *Store) CountUsers(ctx context.Context) (n int, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
	})
	return n, err
}

// ForEachUser calls fn with every user in id order, from one snapshot. fn gets the same
// *model.User on every call, overwritten by the next user: copy it (*u) to keep it. ctx is
// checked every 1,024 users. fn must not call the store.
func (s *Store) ForEachUser(ctx context.Context, fn func(*model.User) error) error {
	return s.view(ctx, func(tx pgx.Tx) error { return users.each(ctx, tx, "", fn) })
}

// ForEachUserIn: see storage.UserStore. Every record is read (the organization is inside it),
// but only those of orgs are decoded; the logins come from their own column.
func (s *Store) ForEachUserIn(ctx context.Context, orgs []model.ID, fn func(*model.User) error, login func(key []byte)) error {
	return s.view(ctx, func(tx pgx.Tx) error {
		if err := eachUserIn(ctx, tx, orgs, fn); err != nil || login == nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT login FROM users WHERE login IS NOT NULL")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			login(rows.RawValues()[0])
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return ctx.Err()
	})
}

func eachUserIn(ctx context.Context, tx pgx.Tx, orgs []model.ID, fn func(*model.User) error) error {
	rows, err := tx.Query(ctx, "SELECT id, data FROM users ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	var u model.User
	n := 0
	for rows.Next() {
		if n++; n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		raw := rows.RawValues()
		id, err := rawID(rows.FieldDescriptions()[0], raw[0])
		if err != nil {
			return err
		}
		org, err := usercodec.OrgID(raw[1])
		if err != nil {
			return fmt.Errorf("user %d: %w", id, err)
		}
		if !slices.Contains(orgs, org) {
			continue
		}
		u = model.User{}
		if err := usercodec.Decode(raw[1], &u); err != nil {
			return fmt.Errorf("user %d: %w", id, err)
		}
		u.ID = id
		if err := fn(&u); err != nil {
			return err
		}
	}
	return rows.Err()
}
