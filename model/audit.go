package model

import "time"

// AuditAction names a change recorded in the audit log.
type AuditAction string

// The changes of subscriptions and seats that the audit log records.
const (
	AuditClaim       AuditAction = "subscription.claim"
	AuditSeatsAdd    AuditAction = "seats.add"
	AuditSeatsRemove AuditAction = "seats.remove"
	AuditSeatsSync   AuditAction = "seats.sync"
	AuditVendorTrust AuditAction = "vendor.trust"
	// AuditVendorUntrust: the vendor's codes are no longer accepted (claims made stay).
	AuditVendorUntrust AuditAction = "vendor.untrust"
	// AuditRenew: a vendor's renewal code renewed a subscription.
	AuditRenew AuditAction = "subscription.renew"
)

// The changes of people that the audit log records beside users' own edits.
const (
	AuditUserLink      AuditAction = "users.link"      // a parent linked to a child by hand
	AuditUserUnlink    AuditAction = "users.unlink"    // …and unlinked
	AuditUserMerge     AuditAction = "users.merge"     // two accounts merged into one
	AuditUserSuspend   AuditAction = "users.suspend"   // accounts suspended
	AuditUserUnsuspend AuditAction = "users.unsuspend" // …and given back
	AuditYearClose     AuditAction = "year.close"      // the school year's turn
	AuditYearUndo      AuditAction = "year.undo"       // …undone
)

// AuditEvent records who changed what, and when. Detail is short and never holds a secret.
type AuditEvent struct {
	ID        ID
	At        time.Time
	AdminID   ID
	Action    AuditAction
	OrgID     ID     // the organization concerned, when there is one
	SubjectID ID     // the record concerned (a subscription)
	Detail    string // what changed, for a person: "3 added: a@…, b@…, c@…"
}
