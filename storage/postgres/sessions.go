package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"rollcall/model"
	"rollcall/storage"
)

// PutSession stores or replaces a session, keyed by its token hash.
func (s *Store) PutSession(ctx context.Context, sess model.Session) error {
	if sess.TokenHash == "" {
		return fmt.Errorf("put session: empty token hash")
	}
	raw, err := jsonEncode(&sess)
	if err != nil {
		return fmt.Errorf("session: %w", err)
	}
	return s.update(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO sessions (token, data) VALUES ($1, $2)
			ON CONFLICT (token) DO UPDATE SET data = EXCLUDED.data`, []byte(sess.TokenHash), raw)
		return err
	})
}

// Session returns the session of a token hash (storage.ErrNotFound).
func (s *Store) Session(ctx context.Context, tokenHash string) (sess model.Session, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		raw, err := getBytes(ctx, tx, "SELECT data FROM sessions WHERE token = $1", []byte(tokenHash))
		if err != nil || tokenHash == "" {
			return fmt.Errorf("session: %w", notFound(err))
		}
		return jsonDecode(raw, &sess)
	})
	return sess, err
}

// DeleteSession removes a session; storage.ErrNotFound when there was none.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	return s.update(ctx, func(tx pgx.Tx) error {
		return deleted(tx.Exec(ctx, "DELETE FROM sessions WHERE token = $1", []byte(tokenHash)))("session")
	})
}

// SetLocalToken remembers the session token of a local OS user; "" forgets it.
func (s *Store) SetLocalToken(ctx context.Context, osUser, token string) error {
	if osUser == "" {
		return fmt.Errorf("set local token: empty OS user name")
	}
	return s.update(ctx, func(tx pgx.Tx) error {
		if token == "" {
			_, err := tx.Exec(ctx, "DELETE FROM local_tokens WHERE os_user = $1", []byte(osUser))
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO local_tokens (os_user, token) VALUES ($1, $2)
			ON CONFLICT (os_user) DO UPDATE SET token = EXCLUDED.token`, []byte(osUser), []byte(token))
		return err
	})
}

// LocalToken returns the remembered token of a local OS user, "" when there is none.
func (s *Store) LocalToken(ctx context.Context, osUser string) (token string, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		raw, err := getBytes(ctx, tx, "SELECT token FROM local_tokens WHERE os_user = $1", []byte(osUser))
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		token = string(raw)
		return err
	})
	return token, err
}

// Meta reads a setting; "" when it is unset.
func (s *Store) Meta(ctx context.Context, key string) (value string, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		raw, err := getBytes(ctx, tx, "SELECT value FROM settings WHERE key = $1", []byte(key))
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		value = string(raw)
		return err
	})
	return value, err
}

// SetMeta writes a setting; "" removes it.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	if key == "" {
		return fmt.Errorf("set meta: empty key")
	}
	return s.update(ctx, func(tx pgx.Tx) error { return putMeta(ctx, tx, map[string]string{key: value}) })
}

func putMeta(ctx context.Context, tx pgx.Tx, meta map[string]string) error {
	for k, v := range meta {
		if k == "" {
			return fmt.Errorf("meta: empty key")
		}
		var err error
		if v == "" {
			_, err = tx.Exec(ctx, "DELETE FROM settings WHERE key = $1", []byte(k))
		} else {
			_, err = tx.Exec(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
				ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, []byte(k), []byte(v))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// getBytes reads one bytea; pgx.ErrNoRows when there is no row.
func getBytes(ctx context.Context, tx pgx.Tx, q string, args ...any) ([]byte, error) {
	var raw []byte
	err := tx.QueryRow(ctx, q, args...).Scan(&raw)
	return raw, err
}

// notFound turns "no row" (or a refused empty key, nil) into storage.ErrNotFound.
func notFound(err error) error {
	if err == nil || errors.Is(err, pgx.ErrNoRows) {
		return storage.ErrNotFound
	}
	return err
}

// deleted turns the result of a DELETE into storage.ErrNotFound when it removed nothing.
func deleted(tag pgconn.CommandTag, err error) func(what string) error {
	return func(what string) error {
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("%s: %w", what, storage.ErrNotFound)
		}
		return nil
	}
}
