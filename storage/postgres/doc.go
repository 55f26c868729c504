// Package postgres is Rollcall's store on PostgreSQL: storage.Store on one database that several
// Rollcall processes share (two `rollcall serve` on two machines, plus CLI runs). It is the only
// package that imports github.com/jackc/pgx/v5, and passes the same contract suite
// (storage/storagetest) as storage/bolt.
//
// Layout: one table per entity, an id column from the entity's own sequence (ids are never given
// again, and may have gaps: a rolled-back transaction still spends its ids), the unique keys as
// bytea columns holding exactly the bytes bbolt's index buckets hold (so they compare and sort by
// bytes, whatever the database's collation), and the record in a bytea data column: users in the
// binary encoding of storage/usercodec, every other entity as the JSON of its model type.
//
// Every method is one transaction. Rules that must hold across processes take row locks before
// they check (SELECT … FOR UPDATE): spending a code, the last admin of a school, an
// invitation's acceptance, a subscription's seats, a campaign's counts. Transactions that fail
// on a deadlock or a serialization conflict are retried from the start.
//
// Every transaction that writes users records them in user_changes with a revision drawn in
// commit order and notifies the channel rollcall_users, so each process keeps its in-memory
// directory index fresh (UserChanges).
package postgres
