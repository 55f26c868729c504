package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
	"rollcall/storage/usercodec"
)

var _ storage.UserFeed = (*Store)(nil)

// UserRevision is the newest revision of user_changes.
func (s *Store) UserRevision(ctx context.Context) (rev int64, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, "SELECT coalesce(max(rev), 0) FROM user_changes").Scan(&rev)
	})
	return rev, err
}

// UserChangesSince reads, from one snapshot, the users whose revision is above rev: those still
// there are passed to fn, the others are returned as deleted. Revisions become visible in the
// order they were drawn (touchUsers), so none below the newest one read can appear later.
func (s *Store) UserChangesSince(ctx context.Context, rev int64, fn func(*model.User) error) (deleted []model.ID, newest int64, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		deleted, newest = nil, rev
		rows, err := tx.Query(ctx, `SELECT c.rev, c.user_id, u.data FROM user_changes c LEFT JOIN users u ON u.id = c.user_id
			WHERE c.rev > $1 ORDER BY c.rev`, rev)
		if err != nil {
			return err
		}
		defer rows.Close()
		var u model.User
		for rows.Next() {
			var r, id int64
			var raw []byte
			if err := rows.Scan(&r, &id, &raw); err != nil {
				return err
			}
			newest = max(newest, r)
			if raw == nil {
				deleted = append(deleted, model.ID(id))
				continue
			}
			u = model.User{}
			if err := usercodec.Decode(raw, &u); err != nil {
				return fmt.Errorf("user %d: %w", id, err)
			}
			u.ID = model.ID(id)
			if err := fn(&u); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	return deleted, newest, err
}

// WatchUsers listens on UsersChannel on a connection of its own, held until ctx is done or the
// store is closed.
func (s *Store) WatchUsers(ctx context.Context, notify func()) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		select {
		case <-s.closing:
		case <-ctx.Done():
		}
		stop()
	}()
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return s.watchEnd(ctx, err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN "+UsersChannel); err != nil {
		return s.watchEnd(ctx, err)
	}
	notify() // what committed before the LISTEN was not notified to this connection
	for {
		if _, err := conn.Conn().WaitForNotification(ctx); err != nil {
			conn.Conn().Close(context.Background()) // a cancelled wait leaves the connection unusable
			return s.watchEnd(ctx, err)
		}
		notify()
	}
}

// watchEnd is nil when the watch ended because it was asked to, the error otherwise.
func (s *Store) watchEnd(ctx context.Context, err error) error {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return nil
	}
	return fmt.Errorf("watch users: %w", err)
}
