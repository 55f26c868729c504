package bolt

import (
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"rollcall/model"
)

// The audit log is keyed by id from NextSequence: appends go at the end of the bucket and the
// newest entries are read from the last key backwards.
var audit = &table[model.AuditEntry]{
	kind:   "audit entry",
	bucket: bucketAudit,
	id:     func(e *model.AuditEntry) *model.ID { return &e.ID },
	encode: jsonEncode[model.AuditEntry],
	decode: jsonDecode[model.AuditEntry],
}

// AppendAudit stores an entry and sets e.ID.
func (s *Store) AppendAudit(ctx context.Context, e *model.AuditEntry) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return appendAudit(tx, e) })
}

// appendAudit stores an entry inside a write transaction, so a change and its audit entry
// commit together, and sets e.ID once stored; a nil entry is nothing to record.
func appendAudit(tx *bbolt.Tx, e *model.AuditEntry) error {
	if e == nil {
		return nil
	}
	v := *e
	if err := audit.create(tx, &v); err != nil {
		return err
	}
	e.ID = v.ID
	return nil
}

// ListAudit walks the log newest first until fn says stop. fn runs inside the read
// transaction: the walk holds it only as long as the caller keeps asking.
func (s *Store) ListAudit(ctx context.Context, fn func(model.AuditEntry) (bool, error)) error {
	return s.view(ctx, func(tx *bbolt.Tx) error {
		c := audit.b(tx).Cursor()
		n := 0
		for k, raw := c.Last(); k != nil; k, raw = c.Prev() {
			if n++; n%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			var e model.AuditEntry
			if err := audit.decode(raw, &e); err != nil {
				return fmt.Errorf("%s %d: %w", audit.kind, btoi(k), err)
			}
			e.ID = btoi(k)
			more, err := fn(e)
			if err != nil || !more {
				return err
			}
		}
		return nil
	})
}
