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

// TrustedVendorKeys lists every key claim codes are checked against here: the shipped ones,
// those admins added, and the demo vendor's in a store holding the demo school.
func (s *Session) TrustedVendorKeys(ctx context.Context) (_ []model.VendorKey, err error) {
	if _, err = s.acting(ctx); err != nil {
		return
	}
	return s.app.trustedVendorKeys(ctx)
}

func (a *App) trustedVendorKeys(ctx context.Context) ([]model.VendorKey, error) {
	keys, err := ShippedVendorKeys()
	if err != nil {
		return nil, err
	}
	added, err := a.store.ListVendorKeys(ctx)
	if err != nil {
		return nil, err
	}
	keys = append(keys, added...)
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
// keygen`), to the keys claim codes are checked against. Adding a key twice changes nothing
// (added is false); the demo vendor's key is refused (ErrDemoKey, an invalid input).
func (s *Session) TrustVendorKey(ctx context.Context, name string, r io.Reader, dryRun bool) (k model.VendorKey, added bool, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.trustVendorKey(ctx, admin, name, r, dryRun)
}

func (a *App) trustVendorKey(ctx context.Context, admin model.Admin, name string, r io.Reader, dryRun bool) (k model.VendorKey, added bool, err error) {
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
	trusted, err := a.trustedVendorKeys(ctx)
	if err != nil {
		return k, false, err
	}
	if i := slices.IndexFunc(trusted, func(t model.VendorKey) bool { return t.Public.Equal(k.Public) }); i >= 0 {
		return trusted[i], false, nil
	}
	k.Origin, k.AddedAt, k.AddedBy = model.KeyAdded, a.now(), admin.ID
	if dryRun {
		return k, true, nil
	}
	ev := &model.AuditEvent{At: k.AddedAt, AdminID: admin.ID, Action: model.AuditVendorTrust,
		Detail: k.Vendor + " (" + k.KeyID() + ")"}
	added, err = a.store.PutVendorKey(ctx, k, ev)
	return k, added, err
}

// UntrustVendorKey stops accepting the claim codes of an added vendor key, named by its key
// id, its fingerprint or, when only one key has it, its vendor's name. Subscriptions already
// claimed stay. Keys shipped with Rollcall cannot be removed (ErrBuiltInVendorKey, invalid).
func (s *Session) UntrustVendorKey(ctx context.Context, ref string, dryRun bool) (_ model.VendorKey, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.untrustVendorKey(ctx, admin, ref, dryRun)
}

func (a *App) untrustVendorKey(ctx context.Context, admin model.Admin, ref string, dryRun bool) (model.VendorKey, error) {
	trusted, err := a.trustedVendorKeys(ctx)
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
	ev := &model.AuditEvent{At: a.now(), AdminID: admin.ID, Action: model.AuditVendorUntrust, Detail: k.Vendor + " (" + k.KeyID() + ")"}
	return k, orNotFound(a.store.DeleteVendorKey(ctx, k.Fingerprint(), ev), model.ThingVendorKey, ref)
}
