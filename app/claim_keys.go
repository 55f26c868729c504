package app

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"rollcall/model"
	"rollcall/storage"
)

// shippedKeys are the public keys of the vendors Rollcall trusts out of the box, one file each
// in the format of `rollcall vendor keygen`. A vendor joins by sending its public key file.
//
//go:embed data/vendors/*.pub
var shippedKeys embed.FS

// demoVendorName signs the demo school's claim codes.
const demoVendorName = "Éditions Démo"

// demoVendorKey is the demo vendor's key pair. Its private half is no secret (anyone can
// derive it), which is why its public half is trusted only in a store that holds the demo
// school, never in a real one.
func demoVendorKey() ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("rollcall demo vendor: not a secret, trusted only in demo stores"))
	return ed25519.NewKeyFromSeed(seed[:])
}

// ShippedVendorKeys returns the keys embedded in Rollcall.
func ShippedVendorKeys() ([]model.VendorKey, error) {
	entries, err := shippedKeys.ReadDir("data/vendors")
	if err != nil {
		return nil, err
	}
	var out []model.VendorKey
	for _, e := range entries {
		raw, err := shippedKeys.ReadFile(path.Join("data/vendors", e.Name()))
		if err != nil {
			return nil, err
		}
		k, err := model.ParseVendorPublicKey(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("shipped vendor key %s: %w", e.Name(), err)
		}
		k.Origin = model.KeyShipped
		out = append(out, k)
	}
	return out, nil
}

// TrustedVendorKeys lists every key one of the admin's schools (org 0: their only one) checks
// claim codes against: the shipped ones, those its admins added, and the demo vendor's in a
// store holding the demo school. An admin without a school yet sees the keys they trusted,
// which go to the first school their claim creates.
func (s *Session) TrustedVendorKeys(ctx context.Context, org model.ID) (_ []model.VendorKey, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	id, err := s.app.vendorKeysOrg(ctx, admin, org)
	if err != nil {
		return nil, err
	}
	return s.app.trustedVendorKeys(ctx, admin, id)
}

// vendorKeysOrg is the school whose trusted vendors an admin reads or changes: one of theirs
// (0: their only one), or 0 itself for an admin without a school yet.
func (a *App) vendorKeysOrg(ctx context.Context, admin model.Admin, org model.ID) (model.ID, error) {
	if org == 0 && len(admin.OrgIDs) == 0 {
		return 0, nil
	}
	o, err := a.inviteOrg(ctx, admin, org)
	return o.ID, err
}

// storedVendorKeys are the keys a school added; for school 0, those the admin trusted before
// having a school (each admin's own).
func (a *App) storedVendorKeys(ctx context.Context, admin model.Admin, org model.ID) ([]model.VendorKey, error) {
	keys, err := a.store.ListVendorKeys(ctx, org)
	if org == 0 {
		keys = slices.DeleteFunc(keys, func(k model.VendorKey) bool { return k.AddedBy != admin.ID })
	}
	return keys, err
}

// trustedVendorKeys is what the schools orgs trust together: the shipped keys, the keys any of
// them added (once each), and the demo vendor's in a demo store.
func (a *App) trustedVendorKeys(ctx context.Context, admin model.Admin, orgs ...model.ID) ([]model.VendorKey, error) {
	keys, err := ShippedVendorKeys()
	if err != nil {
		return nil, err
	}
	for _, org := range orgs {
		added, err := a.storedVendorKeys(ctx, admin, org)
		if err != nil {
			return nil, err
		}
		for _, k := range added {
			if !slices.ContainsFunc(keys, func(t model.VendorKey) bool { return t.Public.Equal(k.Public) }) {
				keys = append(keys, k)
			}
		}
	}
	demo, err := a.IsDemo(ctx)
	if err != nil {
		return nil, err
	}
	if demo {
		keys = append(keys, model.VendorKey{Vendor: demoVendorName, Origin: model.KeyDemo,
			Public: demoVendorKey().Public().(ed25519.PublicKey)})
	}
	return keys, nil
}

// claimKeys are the keys a claim's code is checked against: the claiming school's; for a claim
// that creates a school, or one not yet told its school, those of every school of the admin and
// the ones they trusted before having a school.
func (a *App) claimKeys(ctx context.Context, admin model.Admin, org model.ID) ([]model.VendorKey, error) {
	if org != 0 {
		if !slices.Contains(admin.OrgIDs, org) {
			return a.trustedVendorKeys(ctx, admin) // not theirs: the claim is refused further on
		}
		return a.trustedVendorKeys(ctx, admin, org)
	}
	return a.trustedVendorKeys(ctx, admin, append(slices.Clone(admin.OrgIDs), 0)...)
}

// adoptVendorKeys gives the school a claim created the keys its admin trusted before having a
// school, so that its subscriptions renew with them; they are no longer the admin's alone.
func (a *App) adoptVendorKeys(ctx context.Context, admin model.Admin, org model.ID) error {
	keys, err := a.storedVendorKeys(ctx, admin, 0)
	if err != nil {
		return err
	}
	for _, k := range keys {
		k.OrgID = org
		ev := &model.AuditEvent{At: a.now(), AdminID: admin.ID, Action: model.AuditVendorTrust, OrgID: org,
			Detail: k.Vendor + " (" + k.KeyID() + ")"}
		if _, err := a.store.PutVendorKey(ctx, k, ev); err != nil {
			return err
		}
		if err := a.store.DeleteVendorKey(ctx, 0, k.Fingerprint(), nil); err != nil && !errors.Is(err, storage.ErrNotFound) {
			return err
		}
	}
	return nil
}

// keyLookup answers the verifier's "which trusted keys have this id" from a key list.
func keyLookup(keys []model.VendorKey) model.KeyLookup {
	return func(id string) []ed25519.PublicKey {
		var out []ed25519.PublicKey
		for _, k := range keys {
			if k.KeyID() == id {
				out = append(out, k.Public)
			}
		}
		return out
	}
}

// TrustVendorKey adds the public key in r, the file name (a file from `rollcall vendor
// keygen`), to the keys one of the admin's schools (org 0: their only one) checks claim codes
// against; other schools are not concerned. Adding a key twice changes nothing (added is false);
// the demo vendor's key is refused (ErrDemoKey, an invalid input). The school's log says who.
func (s *Session) TrustVendorKey(ctx context.Context, org model.ID, name string, r io.Reader, dryRun bool) (k model.VendorKey, added bool, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.trustVendorKey(ctx, admin, org, name, r, dryRun)
}

func (a *App) trustVendorKey(ctx context.Context, admin model.Admin, org model.ID, name string, r io.Reader, dryRun bool) (k model.VendorKey, added bool, err error) {
	if k, err = model.ParseVendorPublicKey(r); err != nil {
		var ke *model.VendorKeyError
		if errors.As(err, &ke) {
			ke.File = name
		}
		return k, false, err
	}
	if k.Public.Equal(demoVendorKey().Public()) {
		return k, false, fmt.Errorf("%w: %w", model.ErrDemoKey, model.ErrInvalid)
	}
	id, err := a.vendorKeysOrg(ctx, admin, org)
	if err != nil {
		return k, false, err
	}
	trusted, err := a.trustedVendorKeys(ctx, admin, id)
	if err != nil {
		return k, false, err
	}
	if i := slices.IndexFunc(trusted, func(t model.VendorKey) bool { return t.Public.Equal(k.Public) }); i >= 0 {
		return trusted[i], false, nil
	}
	k.OrgID, k.Origin, k.AddedAt, k.AddedBy = id, model.KeyAdded, a.now(), admin.ID
	if dryRun {
		return k, true, nil
	}
	ev := &model.AuditEvent{At: k.AddedAt, AdminID: admin.ID, Action: model.AuditVendorTrust, OrgID: id,
		Detail: k.Vendor + " (" + k.KeyID() + ")"}
	added, err = a.store.PutVendorKey(ctx, k, ev)
	return k, added, err
}

// UntrustVendorKey stops one of the admin's schools (org 0: their only one) accepting the
// claim codes of a key it added, named by its key id, its fingerprint or, when only one key
// has it, its vendor's name. Subscriptions already claimed stay; other schools are not
// concerned. Keys shipped with Rollcall cannot be removed (ErrBuiltInVendorKey, invalid).
func (s *Session) UntrustVendorKey(ctx context.Context, org model.ID, ref string, dryRun bool) (_ model.VendorKey, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.untrustVendorKey(ctx, admin, org, ref, dryRun)
}

func (a *App) untrustVendorKey(ctx context.Context, admin model.Admin, org model.ID, ref string, dryRun bool) (model.VendorKey, error) {
	id, err := a.vendorKeysOrg(ctx, admin, org)
	if err != nil {
		return model.VendorKey{}, err
	}
	trusted, err := a.trustedVendorKeys(ctx, admin, id)
	if err != nil {
		return model.VendorKey{}, err
	}
	ref = strings.TrimSpace(ref)
	var found []model.VendorKey
	for _, k := range trusted {
		if strings.EqualFold(k.KeyID(), ref) || strings.EqualFold(k.Fingerprint(), ref) || strings.EqualFold(k.Vendor, ref) {
			found = append(found, k)
		}
	}
	switch {
	case len(found) == 0:
		return model.VendorKey{}, notFound(model.ThingVendorKey, ref)
	case len(found) > 1:
		return model.VendorKey{}, fmt.Errorf("%q names %d vendor keys, give the key id: %w", ref, len(found), storage.ErrConflict)
	case found[0].Origin != model.KeyAdded:
		return found[0], fmt.Errorf("%w: %w", model.ErrBuiltInVendorKey, model.ErrInvalid)
	case dryRun:
		return found[0], nil
	}
	k := found[0]
	ev := &model.AuditEvent{At: a.now(), AdminID: admin.ID, Action: model.AuditVendorUntrust, OrgID: id,
		Detail: k.Vendor + " (" + k.KeyID() + ")"}
	return k, orNotFound(a.store.DeleteVendorKey(ctx, id, k.Fingerprint(), ev), model.ThingVendorKey, ref)
}
