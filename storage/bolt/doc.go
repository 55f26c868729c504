// Package bolt is Rollcall's embedded store: storage.Store on one bbolt file. It is the only
// package that imports go.etcd.io/bbolt; the rest of the program sees the storage interfaces.
//
// Layout (schema version 1): one bucket per entity keyed by 8-byte big-endian ids from
// NextSequence, plus secondary-index buckets mapping a unique key to an id. Users, the hot path
// (a million are walked at open to build the app's in-memory index), use a compact hand-rolled
// binary encoding (storage/usercodec); the other, small entities are stored as JSON of their model
// type, which is simpler and fast enough for a few thousand records.
//
// Every method runs in one bbolt transaction, so a method that touches an entity and its
// indexes, or a whole seed, is all or nothing. Read transactions are kept short; only
// ForEachUser and Backup hold one for the length of a walk or a copy.
package bolt
