package bolt

import (
	"context"

	"go.etcd.io/bbolt"

	"rollcall/model"
)

// The audit log is keyed by id from NextSequence: events are appended at the end of the bucket,
// in time order.
var audit = &table[model.AuditEvent]{
	kind:   "audit event",
	bucket: bucketAudit,
	id:     func(e *model.AuditEvent) *model.ID { return &e.ID },
	encode: jsonEncode[model.AuditEvent],
	decode: jsonDecode[model.AuditEvent],
}

// AppendAudit records an event and sets e.ID.
func (s *Store) AppendAudit(ctx context.Context, e *model.AuditEvent) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return appendAudit(tx, e) })
}

// appendAudit records an event inside a write transaction, so a change and its audit event
// commit together, and sets e.ID once stored; a nil event is nothing to record.
func appendAudit(tx *bbolt.Tx, e *model.AuditEvent) error {
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

// ListAudit returns the events about subject (every event when subject is 0), oldest first.
func (s *Store) ListAudit(ctx context.Context, subject model.ID) (out []model.AuditEvent, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		return audit.each(ctx, tx, func(e *model.AuditEvent) error {
			if subject == 0 || e.SubjectID == subject {
				out = append(out, *e)
			}
			return nil
		})
	})
	return out, err
}
