package storage

import (
	"context"

	"rollcall/model"
)

// AuditStore keeps the log of who changed what. Changes that must be logged atomically take
// the event as a parameter of their own method (ChangeSeats, ClaimSubscription).
type AuditStore interface {
	// AppendAudit records an event and sets e.ID; ids grow with time.
	AppendAudit(ctx context.Context, e *model.AuditEvent) error
	// ListAudit returns the events about subject (every event when subject is 0), oldest first.
	ListAudit(ctx context.Context, subject model.ID) ([]model.AuditEvent, error)
}
