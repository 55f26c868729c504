package app

import (
	"context"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// A store that several processes share (storage.UserFeed) tells which users the others wrote;
// the directory index follows it, so a filter in one process shows, within a second and usually
// within milliseconds, the users another process imported, edited or deleted. The index
// remembers the revision of the change log it reflects: ensure reads it before walking the
// users, a catch-up applies what came after it.

// startFollowing starts the goroutine that catches up on every notification, once per index.
// It ends when the store is closed. The caller holds the write lock.
func (d *dirIndex) startFollowing(feed storage.UserFeed) {
	if d.following {
		return
	}
	d.following = true
	kick := make(chan struct{}, 1)
	poke := func() {
		select {
		case kick <- struct{}{}:
		default: // a catch-up is already due: it will see this change too
		}
	}
	go func() {
		for range kick {
			_ = d.catchUp(context.Background(), feed) // a failure is retried at the next change
		}
	}()
	go func() {
		defer close(kick)
		for {
			if err := feed.WatchUsers(context.Background(), poke); err == nil {
				return // the store was closed
			}
			time.Sleep(time.Second) // the connection broke: listen again, and catch up then
		}
	}()
}

// catchUp applies the users written since the index's revision. Catch-ups run one at a time.
func (d *dirIndex) catchUp(ctx context.Context, feed storage.UserFeed) error {
	d.catchMu.Lock()
	defer d.catchMu.Unlock()
	d.mu.RLock()
	built, rev := d.built, d.rev
	d.mu.RUnlock()
	if !built {
		return nil // the next query builds it from the store, fresh
	}
	var users []model.User
	deleted, newest, err := feed.UserChangesSince(ctx, rev, func(u *model.User) error {
		users = append(users, *u)
		return nil
	})
	if err != nil {
		return err
	}
	d.upsert(users, nil, deleted)
	d.mu.Lock()
	d.rev = max(d.rev, newest)
	d.mu.Unlock()
	return nil
}
