package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"rollcall/storage"
)

// Dump reads every table from one snapshot, kind by kind, then the sequences.
func (s *Store) Dump(ctx context.Context, fn func(storage.Record) error) error {
	kinds := copyKinds()
	return s.view(ctx, func(tx pgx.Tx) error {
		for _, k := range kinds {
			err := k.walk(ctx, tx, func(v any) error { return fn(storage.Record{Kind: k.kind, Value: v}) })
			if err != nil {
				return err
			}
		}
		for _, kind := range storage.Sequenced {
			seq, _ := sequenceOf(kinds, kind)
			var last int64
			var called bool
			if err := tx.QueryRow(ctx, "SELECT last_value, is_called FROM "+seq).Scan(&last, &called); err != nil {
				return fmt.Errorf("sequence %s: %w", seq, err)
			}
			if !called {
				last = 0
			}
			if err := fn(storage.Record{Kind: storage.KindSequences, Value: storage.Sequence{Of: kind, Last: uint64(last)}}); err != nil {
				return err
			}
		}
		return nil
	})
}

// loadChunk is how many rows of one kind Load gathers before sending them in one COPY.
const loadChunk = 10_000

// Load writes the records in one transaction, by COPY, after checking that every table is
// empty. The users it writes enter the change log under one revision, so a process already
// watching this database (storage.UserFeed) sees them.
func (s *Store) Load(ctx context.Context, records func(put func(storage.Record) error) error) error {
	kinds := copyKinds()
	byKind := make(map[storage.Kind]*copyKind, len(kinds))
	for i := range kinds {
		byKind[kinds[i].kind] = &kinds[i]
	}
	return s.update(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrateLock)); err != nil {
			return err
		}
		for _, k := range kinds {
			var some bool
			if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM "+k.table+")").Scan(&some); err != nil {
				return err
			}
			if some {
				return storage.ErrNotEmpty
			}
		}
		pending := map[storage.Kind][][]any{}
		flush := func(k *copyKind) error {
			rows := pending[k.kind]
			if len(rows) == 0 {
				return nil
			}
			pending[k.kind] = rows[:0]
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{k.table}, k.cols, pgx.CopyFromRows(rows)); err != nil {
				return fmt.Errorf("%s: %w", k.kind, err)
			}
			return nil
		}
		var seqs []storage.Sequence
		loadedUsers := false
		err := records(func(r storage.Record) error {
			if r.Kind == storage.KindSequences {
				seq, ok := r.Value.(storage.Sequence)
				if _, known := sequenceOf(kinds, seq.Of); !ok || !known {
					return fmt.Errorf("sequences: %v: %w", r.Value, storage.ErrRecordType)
				}
				seqs = append(seqs, seq)
				return nil
			}
			k, ok := byKind[r.Kind]
			if !ok {
				return fmt.Errorf("kind %q: %w", r.Kind, storage.ErrRecordType)
			}
			row, err := k.row(r.Value)
			if err != nil {
				return err
			}
			loadedUsers = loadedUsers || r.Kind == storage.KindUsers
			if pending[k.kind] = append(pending[k.kind], row); len(pending[k.kind]) >= loadChunk {
				if err := ctx.Err(); err != nil {
					return err
				}
				return flush(k)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i := range kinds {
			if err := flush(&kinds[i]); err != nil {
				return err
			}
		}
		for _, seq := range seqs {
			name, _ := sequenceOf(kinds, seq.Of)
			if _, err := tx.Exec(ctx, "SELECT setval($1, $2, $3)", name, int64(max(seq.Last, 1)), seq.Last > 0); err != nil {
				return fmt.Errorf("sequence %s: %w", name, err)
			}
		}
		if !loadedUsers {
			return nil
		}
		// One revision for every user, drawn last, under the lock touchUsers takes.
		b := &pgx.Batch{}
		b.Queue("SELECT pg_advisory_xact_lock($1)", int64(usersLock))
		b.Queue(`INSERT INTO user_changes (user_id, rev) SELECT id, (SELECT nextval('user_revs')) FROM users
			ON CONFLICT (user_id) DO UPDATE SET rev = EXCLUDED.rev`)
		b.Queue("SELECT pg_notify($1, '')", UsersChannel)
		return tx.SendBatch(ctx, b).Close()
	})
}
