package app

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// ClaimInput is what the claim wizard and `rollcall subs claim` collect: a claim code, or a
// number of displays and one serial; then an optional vendor and location; then the
// organization, an existing one or one to add.
type ClaimInput struct {
	Code     string // a claim code, or the whole claim URL from the order's email
	Displays int    // a number of displays…
	Serial   string // …and the serial of one of them

	Vendor         string // default: the code's vendor key, or the display model's vendor
	VendorLocation string

	OrgID  model.ID            // an organization the admin administers, or
	NewOrg *model.Organization // one to add: name, city, country
}

// ClaimPreview is what a claim would create, shown for review before it is made.
type ClaimPreview struct {
	Subscription model.Subscription // without organization
	VendorKey    model.VendorKey    // by code: the key that signed it
	Model        model.DisplayModel // by displays: the model of the serial
	hash         string
}

// CheckClaim verifies a code or a serial and that nobody claimed it yet, without choosing an
// organization: the first step of the wizard. Errors are *model.ClaimCodeError (what is wrong
// with the code or serial), *model.AlreadyClaimedError (when and by whom), or validation
// errors.
func (s *Session) CheckClaim(ctx context.Context, in ClaimInput) (_ ClaimPreview, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.checkClaim(ctx, admin, in)
}

func (a *App) checkClaim(ctx context.Context, admin model.Admin, in ClaimInput) (ClaimPreview, error) {
	var p ClaimPreview
	var err error
	switch {
	case in.Code != "" && (in.Serial != "" || in.Displays != 0):
		return p, &model.ValidationError{Field: "code", Rule: model.RuleUnknownValue, Value: "code and serial"}
	case in.Code != "":
		p, err = a.checkCode(ctx, admin, in)
	default:
		p, err = a.checkDisplays(ctx, in.Displays, in.Serial)
	}
	if err != nil {
		return p, err
	}
	if err := a.checkVendor(&p.Subscription, in); err != nil {
		return p, err
	}
	return p, a.notClaimed(ctx, p.hash)
}

func (a *App) checkCode(ctx context.Context, admin model.Admin, in ClaimInput) (ClaimPreview, error) {
	code := in.Code
	org := in.OrgID
	if in.NewOrg != nil {
		org = 0
	}
	keys, err := a.claimKeys(ctx, admin, org)
	if err != nil {
		return ClaimPreview{}, err
	}
	e, err := model.VerifyClaimCode(code, keyLookup(keys), model.DateOf(a.now()))
	if err != nil {
		return ClaimPreview{}, err
	}
	if e.Renewal { // it renews a subscription claimed before: subs renew
		return ClaimPreview{}, &model.RenewalError{Problem: model.RenewalNotAClaim, Order: e.OrderNumber}
	}
	raw, err := model.ParseClaimCode(code)
	if err != nil {
		return ClaimPreview{}, err
	}
	signed := raw[:len(raw)-ed25519.SignatureSize]
	p := ClaimPreview{hash: model.ClaimHash(model.ClaimByCode, hex.EncodeToString(signed))}
	for _, k := range keys {
		if k.KeyID() == e.KeyID {
			p.VendorKey = k
			break
		}
	}
	p.Subscription = model.Subscription{Product: e.Product, Vendor: p.VendorKey.Vendor, OrderNumber: e.OrderNumber,
		Seats: e.Seats, StartsOn: e.StartsOn, RenewsOn: e.RenewsOn, EndsOn: e.EndsOn,
		Keys: model.DeriveProductKeys(signed, e.Seats, e.Keys), VendorKeyID: e.KeyID, ClaimKind: model.ClaimByCode}
	return p, nil
}

func (a *App) checkDisplays(ctx context.Context, displays int, serial string) (ClaimPreview, error) {
	cat, err := a.DisplayCatalog()
	if err != nil {
		return ClaimPreview{}, err
	}
	m, norm, err := cat.LookupSerial(serial)
	if err == nil && m.DemoOnly {
		demo, derr := a.IsDemo(ctx)
		if derr != nil {
			return ClaimPreview{}, derr
		}
		if !demo { // demo displays exist only in the demo school
			err = &model.ClaimCodeError{Problem: model.SerialUnknownModel}
		}
	}
	if err != nil {
		return ClaimPreview{}, err
	}
	if err := m.CheckDisplays(displays); err != nil {
		return ClaimPreview{}, err
	}
	today := model.DateOf(a.now())
	sub := model.Subscription{Product: m.Product, Vendor: m.Vendor, Seats: displays * m.SeatsPerDisplay,
		StartsOn: today, Keys: model.DeriveProductKeys([]byte(norm), displays*m.SeatsPerDisplay, displays),
		ClaimKind: model.ClaimByDisplays, Displays: displays, Serial: m.FormatSerial(norm)}
	end := model.DateOf(today.Time().AddDate(0, m.TermMonths, 0))
	if m.Renews {
		sub.RenewsOn = end
	} else {
		sub.EndsOn = model.DateOf(end.Time().AddDate(0, 0, -1)) // the term's last day
	}
	return ClaimPreview{Subscription: sub, Model: m, hash: model.ClaimHash(model.ClaimByDisplays, norm)}, nil
}

// checkVendor applies the admin's vendor name and location, when given.
func (a *App) checkVendor(sub *model.Subscription, in ClaimInput) error {
	var errs model.ValidationErrors
	if v := model.CleanName(in.Vendor); len(v) > model.MaxNameLength {
		errs = append(errs, &model.ValidationError{Field: "vendor", Rule: model.RuleTooLong})
	} else if v != "" {
		sub.Vendor = v
	}
	if l := model.CleanName(in.VendorLocation); len(l) > model.MaxNameLength {
		errs = append(errs, &model.ValidationError{Field: "vendor_location", Rule: model.RuleTooLong})
	} else {
		sub.VendorLocation = l
	}
	return errs.Err()
}

// notClaimed refuses a hash already filed, saying when and by which organization.
func (a *App) notClaimed(ctx context.Context, hash string) error {
	c, err := a.store.Claim(ctx, hash)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return nil
	case err != nil:
		return err
	}
	return a.alreadyClaimed(ctx, c.ClaimedAt, c.OrgID, c.OrgName)
}

// alreadyClaimed names the organization as it is called now, if it still exists.
func (a *App) alreadyClaimed(ctx context.Context, at time.Time, org model.ID, name string) error {
	if o, err := a.store.Org(ctx, org); err == nil {
		name = o.Name
	}
	return &model.AlreadyClaimedError{At: at, OrgID: org, OrgName: name}
}

// Claimed is a subscription just claimed, with its organization's name.
type Claimed struct {
	model.Subscription
	OrgName string
}

// Claim verifies the code or serial again, settles the organization (adding it when asked)
// and creates the subscription, filing the claim so it cannot be made twice. With dryRun it
// checks everything and writes nothing.
func (s *Session) Claim(ctx context.Context, in ClaimInput, dryRun bool) (_ Claimed, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.claim(ctx, admin, in, dryRun)
}

func (a *App) claim(ctx context.Context, admin model.Admin, in ClaimInput, dryRun bool) (Claimed, error) {
	p, err := a.checkClaim(ctx, admin, in)
	if err != nil {
		return Claimed{Subscription: p.Subscription}, err
	}
	org, err := a.claimOrg(ctx, admin, in, dryRun)
	if err != nil {
		return Claimed{Subscription: p.Subscription}, err
	}
	sub, err := a.fileClaim(ctx, admin, p, org, dryRun)
	if err == nil && !dryRun && in.NewOrg != nil {
		err = a.adoptVendorKeys(ctx, admin, org.ID)
	}
	return Claimed{Subscription: sub, OrgName: org.Name}, err
}

func (a *App) fileClaim(ctx context.Context, admin model.Admin, p ClaimPreview, org model.Organization, dryRun bool) (model.Subscription, error) {
	sub := p.Subscription
	sub.OrgID, sub.ClaimedBy, sub.ClaimedAt, sub.ClaimRef = org.ID, admin.ID, a.now(), p.hash
	if dryRun {
		return sub, nil
	}
	c := model.Claim{Hash: p.hash, Kind: sub.ClaimKind, OrgID: org.ID, OrgName: org.Name, ClaimedAt: sub.ClaimedAt, ClaimedBy: admin.ID}
	ev := &model.AuditEvent{At: sub.ClaimedAt, AdminID: admin.ID, Action: model.AuditClaim, OrgID: org.ID,
		Detail: fmt.Sprintf("%s, %d seats", sub.Product, sub.Seats)}
	if err := a.store.ClaimSubscription(ctx, c, &sub, ev); err != nil {
		var ac *model.AlreadyClaimedError
		if errors.As(err, &ac) { // claimed by someone else since CheckClaim
			return sub, a.alreadyClaimed(ctx, ac.At, ac.OrgID, ac.OrgName)
		}
		return sub, err
	}
	return sub, nil
}

// claimOrg returns the organization that receives the subscription: the new one, the one
// named, or the admin's only one.
func (a *App) claimOrg(ctx context.Context, admin model.Admin, in ClaimInput, dryRun bool) (model.Organization, error) {
	switch {
	case in.NewOrg != nil && in.OrgID != 0:
		return model.Organization{}, &model.ValidationError{Field: "org", Rule: model.RuleUnknownValue, Value: "org and new org"}
	case in.NewOrg != nil:
		return a.createOrg(ctx, admin, *in.NewOrg, dryRun)
	case in.OrgID == 0 && len(admin.OrgIDs) == 1:
		in.OrgID = admin.OrgIDs[0]
	case in.OrgID == 0:
		return model.Organization{}, model.ErrNoOrganization
	}
	if !adminOf(admin, in.OrgID) {
		return model.Organization{}, notFound(model.ThingOrganization, in.OrgID)
	}
	return a.store.Org(ctx, in.OrgID)
}
