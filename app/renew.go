package app

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"

	"rollcall/model"
)

// Renewed is a subscription before and after a renewal code.
type Renewed struct {
	Before, After model.Subscription
	SeatsAdded    int
}

// RenewSubscription applies a vendor's renewal code to a subscription: the new renewal or end
// date, and the seats it adds on new product keys. The code must be signed by a trusted vendor,
// be a renewal (*model.RenewalError otherwise) of this subscription's order, product and vendor
// key, and move its date later; it is used once (*model.AlreadyClaimedError). With dryRun it
// checks everything and writes nothing.
func (s *Session) RenewSubscription(ctx context.Context, subID model.ID, code string, dryRun bool) (_ Renewed, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.renewSubscription(ctx, admin, subID, code, dryRun)
}

func (a *App) renewSubscription(ctx context.Context, admin model.Admin, subID model.ID, code string, dryRun bool) (Renewed, error) {
	sub, err := a.visibleSub(ctx, admin, subID)
	if err != nil {
		return Renewed{}, err
	}
	keys, err := a.trustedVendorKeys(ctx, admin, sub.OrgID) // the school's own trusted vendors
	if err != nil {
		return Renewed{}, err
	}
	e, err := model.VerifyClaimCode(code, keyLookup(keys), model.DateOf(a.now()))
	if err != nil {
		return Renewed{}, err
	}
	raw, err := model.ParseClaimCode(code)
	if err != nil {
		return Renewed{}, err
	}
	signed := raw[:len(raw)-ed25519.SignatureSize]
	hash := model.ClaimHash(model.ClaimByCode, hex.EncodeToString(signed))
	if err := a.notClaimed(ctx, hash); err != nil { // used: the first thing to say
		return Renewed{}, err
	}
	if err := sub.CheckRenewal(e); err != nil {
		return Renewed{}, err
	}
	out := Renewed{Before: sub, After: sub, SeatsAdded: e.Seats}
	out.After.Keys = append([]model.ProductKey(nil), sub.Keys...)
	out.After.Renew(e, signed)
	if dryRun {
		return out, nil
	}
	org, err := a.store.Org(ctx, sub.OrgID)
	if err != nil {
		return out, err
	}
	now := a.now()
	c := model.Claim{Hash: hash, Kind: model.ClaimByCode, SubscriptionID: sub.ID, OrgID: org.ID, OrgName: org.Name,
		ClaimedAt: now, ClaimedBy: admin.ID}
	ev := &model.AuditEvent{At: now, AdminID: admin.ID, Action: model.AuditRenew, OrgID: org.ID,
		Detail: fmt.Sprintf("%s, order %s: until %s, +%d seats", sub.Product, sub.OrderNumber, e.End(), e.Seats)}
	renewed, err := a.store.RenewSubscription(ctx, c, func(s *model.Subscription) error {
		if err := s.CheckRenewal(e); err != nil { // renewed by someone else meanwhile
			return err
		}
		s.Renew(e, signed)
		return nil
	}, ev)
	var ac *model.AlreadyClaimedError
	if errors.As(err, &ac) {
		return out, a.alreadyClaimed(ctx, ac.At, ac.OrgID, ac.OrgName)
	}
	out.After = renewed
	return out, err
}
