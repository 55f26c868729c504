package storage

import (
	"context"

	"rollcall/model"
)

// LicensingStore keeps what comes with subscriptions: their seats, the claims that created
// them and the vendor keys claim codes are checked against. Each change can carry its entry of
// the audit log (AuditStore), written in the same transaction.
type LicensingStore interface {
	SeatStore
	ClaimStore
	VendorKeyStore
}

// SeatPlan decides, from a subscription and its seats as stored, which seats to add and which
// to remove. It runs inside the write transaction, so no other change slips in between the
// decision and the write; it must not call the store. An error aborts the change.
type SeatPlan func(sub model.Subscription, current []model.Seat) (SeatWrite, error)

// SeatWrite is one change of a subscription's seats.
type SeatWrite struct {
	Add    []model.Seat // new seats; the store sets ID and SubscriptionID
	Remove []model.ID   // seats of this subscription to remove
	// Audit, when set, is recorded in the audit log with the change (the store sets its ID).
	Audit *model.AuditEvent
}

// SeatStore keeps the seats of subscriptions.
type SeatStore interface {
	// Seats returns a subscription's seats in the order they were added; storage.ErrNotFound
	// when the subscription does not exist.
	Seats(ctx context.Context, subID model.ID) ([]model.Seat, error)
	// UserSeats returns the seats a directory account holds (Seat.UserID), in every
	// subscription, by subscription then seat id. Deleting the account (DeleteUser, a batch's
	// DeleteUsers) frees them.
	UserSeats(ctx context.Context, userID model.ID) ([]model.Seat, error)
	// CountSeats returns the number of seats of every subscription that has some.
	CountSeats(ctx context.Context) (map[model.ID]int, error)
	// ChangeSeats runs plan on the subscription and its seats and writes what it returns, all
	// in one transaction. It returns the change as written (new seats with their ids). A
	// removal of a seat the subscription does not have is storage.ErrNotFound, and nothing is
	// written.
	ChangeSeats(ctx context.Context, subID model.ID, plan SeatPlan) (SeatWrite, error)
}

// ClaimStore keeps the claims of codes and serials, so each is claimed once.
type ClaimStore interface {
	// ClaimSubscription creates sub and files c under c.Hash in one transaction, with audit
	// when set. A hash already filed is a *model.AlreadyClaimedError from the earlier claim,
	// and nothing is written. It sets sub.ID.
	ClaimSubscription(ctx context.Context, c model.Claim, sub *model.Subscription, audit *model.AuditEvent) error
	// RenewSubscription files c under c.Hash and applies renew to the subscription c names, in
	// one transaction, with audit when set. A hash already filed is a
	// *model.AlreadyClaimedError; an error from renew aborts. It returns the renewed subscription.
	RenewSubscription(ctx context.Context, c model.Claim, renew func(*model.Subscription) error, audit *model.AuditEvent) (model.Subscription, error)
	// Claim returns the claim filed under hash (storage.ErrNotFound).
	Claim(ctx context.Context, hash string) (model.Claim, error)
}

// VendorKeyStore keeps the vendor keys admins added, each school its own (the shipped ones are
// not stored).
type VendorKeyStore interface {
	// PutVendorKey files a key under its school (k.OrgID; 0 for keys trusted by admins who had
	// no school yet) and fingerprint, with audit when set; added is false (and nothing is
	// written) when the school had the key already.
	PutVendorKey(ctx context.Context, k model.VendorKey, audit *model.AuditEvent) (added bool, err error)
	// ListVendorKeys returns the keys of one school in fingerprint order.
	ListVendorKeys(ctx context.Context, org model.ID) ([]model.VendorKey, error)
	// DeleteVendorKey removes a school's key by fingerprint, with audit when set (ErrNotFound).
	DeleteVendorKey(ctx context.Context, org model.ID, fingerprint string, audit *model.AuditEvent) error
}
