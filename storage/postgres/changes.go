package postgres

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
)

// usersLock is the advisory lock a transaction that wrote users holds from drawing its revision
// to its commit: revisions then become visible in the order they were drawn.
const usersLock = 0x7573657273 // "users"

// UsersChannel is the channel notified when a transaction that wrote users commits.
const UsersChannel = "rollcall_users"

// touchUsers records that the transaction wrote (or deleted) these users, under one new
// revision each, and notifies UsersChannel at commit. Call it last in the transaction: the lock
// it takes is held until the commit.
func touchUsers(ctx context.Context, tx pgx.Tx, ids []model.ID) error {
	if len(ids) == 0 {
		return nil
	}
	uniq := make([]int64, len(ids))
	for i, id := range ids {
		uniq[i] = int64(id)
	}
	slices.Sort(uniq)
	uniq = slices.Compact(uniq)
	b := &pgx.Batch{}
	b.Queue("SELECT pg_advisory_xact_lock($1)", int64(usersLock))
	b.Queue(`INSERT INTO user_changes (user_id, rev) SELECT u, nextval('user_revs') FROM unnest($1::bigint[]) u
		ON CONFLICT (user_id) DO UPDATE SET rev = EXCLUDED.rev`, uniq)
	b.Queue("SELECT pg_notify($1, '')", UsersChannel)
	return tx.SendBatch(ctx, b).Close()
}
