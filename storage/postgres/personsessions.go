package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

// expiryNanos is when a session ends, in Unix nanoseconds (0 before 1970), as bbolt orders it.
func expiryNanos(at time.Time) int64 {
	if n := at.UnixNano(); n > 0 {
		return n
	}
	return 0
}

// PutPersonSession stores or replaces a session, keyed by its token hash.
func (s *Store) PutPersonSession(ctx context.Context, ps model.PersonSession) error {
	if ps.TokenHash == "" || ps.UserID == 0 {
		return fmt.Errorf("put person session: empty token hash or user")
	}
	raw, err := jsonEncode(&ps)
	if err != nil {
		return fmt.Errorf("person session: %w", err)
	}
	return s.update(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO person_sessions (token, user_id, expires, data) VALUES ($1, $2, $3, $4)
			ON CONFLICT (token) DO UPDATE SET user_id = EXCLUDED.user_id, expires = EXCLUDED.expires, data = EXCLUDED.data`,
			[]byte(ps.TokenHash), int64(ps.UserID), expiryNanos(ps.ExpiresAt), raw)
		return err
	})
}

// PersonSession returns the session of a token hash (storage.ErrNotFound).
func (s *Store) PersonSession(ctx context.Context, tokenHash string) (ps model.PersonSession, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		raw, err := getBytes(ctx, tx, "SELECT data FROM person_sessions WHERE token = $1", []byte(tokenHash))
		if err != nil || tokenHash == "" {
			return fmt.Errorf("person session: %w", notFound(err))
		}
		return jsonDecode(raw, &ps)
	})
	return ps, err
}

// DeletePersonSession removes a session; storage.ErrNotFound when there was none.
func (s *Store) DeletePersonSession(ctx context.Context, tokenHash string) error {
	if tokenHash == "" {
		return fmt.Errorf("person session: %w", storage.ErrNotFound)
	}
	return s.update(ctx, func(tx pgx.Tx) error {
		return deleted(tx.Exec(ctx, "DELETE FROM person_sessions WHERE token = $1", []byte(tokenHash)))("person session")
	})
}

// DeleteUserPersonSessions removes every session of a user but keep.
func (s *Store) DeleteUserPersonSessions(ctx context.Context, userID model.ID, keep string) (n int, err error) {
	err = s.update(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, "DELETE FROM person_sessions WHERE user_id = $1 AND token <> $2", int64(userID), []byte(keep))
		n = int(tag.RowsAffected())
		return err
	})
	return n, err
}

// PurgePersonSessions removes the sessions that ended at or before now.
func (s *Store) PurgePersonSessions(ctx context.Context, now time.Time) (n int, err error) {
	err = s.update(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, "DELETE FROM person_sessions WHERE expires <= $1", expiryNanos(now))
		n = int(tag.RowsAffected())
		return err
	})
	return n, err
}
