package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// Person sessions live in bucketPersonSessions under their token hash, as JSON, with two
// indexes: by user (to end a user's other sessions when their password changes) and by expiry
// (so a purge reads only what it removes).

// expiryKey orders sessions by when they end: Unix nanoseconds (big-endian, 0 before 1970)
// then the token hash.
func expiryKey(at time.Time, hash string) []byte {
	n := at.UnixNano()
	if n < 0 {
		n = 0
	}
	return append(binary.BigEndian.AppendUint64(make([]byte, 0, 8+len(hash)), uint64(n)), hash...)
}

func userSessionKey(user model.ID, hash string) []byte { return append(itob(user), hash...) }

// PutPersonSession stores or replaces a session, keyed by its token hash.
func (s *Store) PutPersonSession(ctx context.Context, ps model.PersonSession) error {
	if ps.TokenHash == "" || ps.UserID == 0 {
		return fmt.Errorf("put person session: empty token hash or user")
	}
	raw, err := jsonEncode(&ps)
	if err != nil {
		return fmt.Errorf("person session: %w", err)
	}
	return s.update(ctx, func(tx *bbolt.Tx) error { return putPersonSession(tx, ps, raw) })
}

// putPersonSession writes a session (raw is its JSON) and its index entries, replacing the
// session of the same hash.
func putPersonSession(tx *bbolt.Tx, ps model.PersonSession, raw []byte) error {
	if err := dropPersonSession(tx, ps.TokenHash); err != nil {
		return err
	}
	if err := tx.Bucket(bucketPersonSessions).Put([]byte(ps.TokenHash), raw); err != nil {
		return err
	}
	if err := tx.Bucket(bucketPersonSessionsByUser).Put(userSessionKey(ps.UserID, ps.TokenHash), nil); err != nil {
		return err
	}
	return tx.Bucket(bucketPersonSessionsByExpiry).Put(expiryKey(ps.ExpiresAt, ps.TokenHash), nil)
}

// PersonSession returns the session of a token hash (storage.ErrNotFound).
func (s *Store) PersonSession(ctx context.Context, tokenHash string) (ps model.PersonSession, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketPersonSessions).Get([]byte(tokenHash))
		if raw == nil || tokenHash == "" {
			return fmt.Errorf("person session: %w", storage.ErrNotFound)
		}
		if err := jsonDecode(raw, &ps); err != nil {
			return fmt.Errorf("person session: %w", err)
		}
		return nil
	})
	return ps, err
}

// DeletePersonSession removes a session; storage.ErrNotFound when there was none.
func (s *Store) DeletePersonSession(ctx context.Context, tokenHash string) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if tokenHash == "" || tx.Bucket(bucketPersonSessions).Get([]byte(tokenHash)) == nil {
			return fmt.Errorf("person session: %w", storage.ErrNotFound)
		}
		return dropPersonSession(tx, tokenHash)
	})
}

// DeleteUserPersonSessions removes every session of a user but keep.
func (s *Store) DeleteUserPersonSessions(ctx context.Context, userID model.ID, keep string) (n int, err error) {
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		prefix := itob(userID)
		var hashes []string
		c := tx.Bucket(bucketPersonSessionsByUser).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if h := string(k[8:]); h != keep {
				hashes = append(hashes, h)
			}
		}
		for _, h := range hashes {
			if err := dropPersonSession(tx, h); err != nil {
				return err
			}
		}
		n = len(hashes)
		return nil
	})
	return n, err
}

// PurgePersonSessions removes the sessions that ended at or before now.
func (s *Store) PurgePersonSessions(ctx context.Context, now time.Time) (n int, err error) {
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		end := binary.BigEndian.Uint64(expiryKey(now, ""))
		var hashes []string
		c := tx.Bucket(bucketPersonSessionsByExpiry).Cursor()
		for k, _ := c.First(); len(k) > 8 && binary.BigEndian.Uint64(k[:8]) <= end; k, _ = c.Next() {
			hashes = append(hashes, string(k[8:]))
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for _, h := range hashes {
			if err := dropPersonSession(tx, h); err != nil {
				return err
			}
		}
		n = len(hashes)
		return nil
	})
	return n, err
}

// dropPersonSession removes a session and its index entries, if it exists.
func dropPersonSession(tx *bbolt.Tx, hash string) error {
	b := tx.Bucket(bucketPersonSessions)
	raw := b.Get([]byte(hash))
	if raw == nil {
		return nil
	}
	var old model.PersonSession
	if err := jsonDecode(raw, &old); err != nil {
		return fmt.Errorf("person session: %w", err)
	}
	if err := tx.Bucket(bucketPersonSessionsByUser).Delete(userSessionKey(old.UserID, hash)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketPersonSessionsByExpiry).Delete(expiryKey(old.ExpiresAt, hash)); err != nil {
		return err
	}
	return b.Delete([]byte(hash))
}
