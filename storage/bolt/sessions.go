package bolt

import (
	"context"
	"fmt"

	"go.etcd.io/bbolt"

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
	return s.update(ctx, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketSessions).Put([]byte(sess.TokenHash), raw)
	})
}

// Session returns the session of a token hash (storage.ErrNotFound).
func (s *Store) Session(ctx context.Context, tokenHash string) (sess model.Session, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketSessions).Get([]byte(tokenHash))
		if raw == nil || tokenHash == "" {
			return fmt.Errorf("session: %w", storage.ErrNotFound)
		}
		if err := jsonDecode(raw, &sess); err != nil {
			return fmt.Errorf("session: %w", err)
		}
		return nil
	})
	return sess, err
}

// DeleteSession removes a session; storage.ErrNotFound when there was none.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketSessions)
		if tokenHash == "" || b.Get([]byte(tokenHash)) == nil {
			return fmt.Errorf("session: %w", storage.ErrNotFound)
		}
		return b.Delete([]byte(tokenHash))
	})
}

// SetLocalToken remembers the session token of a local OS user; "" forgets it.
func (s *Store) SetLocalToken(ctx context.Context, osUser, token string) error {
	if osUser == "" {
		return fmt.Errorf("set local token: empty OS user name")
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketLocalTokens)
		if token == "" {
			return b.Delete([]byte(osUser))
		}
		return b.Put([]byte(osUser), []byte(token))
	})
}

// LocalToken returns the remembered token of a local OS user, "" when there is none.
func (s *Store) LocalToken(ctx context.Context, osUser string) (token string, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		if osUser != "" {
			token = string(tx.Bucket(bucketLocalTokens).Get([]byte(osUser)))
		}
		return nil
	})
	return token, err
}
