package storage

import (
	"context"

	"rollcall/model"
)

// UserFeed is implemented by stores that several processes share (storage/postgres): it tells
// a process which users the others wrote, so its in-memory directory index follows. A store
// that one process owns (storage/bolt) does not implement it: every write goes through that
// process.
type UserFeed interface {
	// UserRevision is the newest revision of the users' change log (0 before any write). A
	// walk of the users that starts after reading it sees every change up to it.
	UserRevision(ctx context.Context) (int64, error)
	// UserChangesSince returns the users written after revision rev, as they are now, and the
	// ids of those deleted since, with the revision they bring the reader to. fn gets the same
	// *model.User on every call, as ForEachUser's does.
	UserChangesSince(ctx context.Context, rev int64, fn func(*model.User) error) (deleted []model.ID, newest int64, err error)
	// WatchUsers calls notify once it listens (for what committed before) and then soon after
	// each transaction that wrote users commits, from any process, until ctx is done or the
	// store is closed (then it returns nil). An error means the watch broke: call it again.
	WatchUsers(ctx context.Context, notify func()) error
}
