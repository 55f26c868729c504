package storage

import (
	"context"

	"rollcall/model"
)

// AuditStore keeps the audit log: append only, read newest first.
type AuditStore interface {
	// AppendAudit stores an entry and sets e.ID; ids grow with time.
	AppendAudit(ctx context.Context, e *model.AuditEntry) error
	// ListAudit calls fn for each entry, newest first, until fn returns false or an error (which
	// is returned). fn must not call the store.
	ListAudit(ctx context.Context, fn func(model.AuditEntry) (bool, error)) error
}
