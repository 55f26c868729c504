package bolt

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// Vendor keys live in bucketVendorKeys under their school and fingerprint (org id(8) +
// fingerprint, from version 7; the fingerprint alone before), as JSON.

func vendorKeyKey(org model.ID, fingerprint string) []byte { return append(itob(org), fingerprint...) }

// PutVendorKey files a school's vendor key; added is false when the school had it.
func (s *Store) PutVendorKey(ctx context.Context, k model.VendorKey, audit *model.AuditEvent) (added bool, err error) {
	if len(k.Public) != 32 {
		return false, fmt.Errorf("vendor key: %d bytes, want 32", len(k.Public))
	}
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketVendorKeys)
		key := vendorKeyKey(k.OrgID, k.Fingerprint())
		if b.Get(key) != nil {
			return nil
		}
		raw, err := jsonEncode(&k)
		if err != nil {
			return err
		}
		if err := b.Put(key, raw); err != nil {
			return err
		}
		added = true
		if audit != nil {
			ev := *audit
			return appendAudit(tx, &ev)
		}
		return nil
	})
	return added, err
}

// DeleteVendorKey removes a school's key and records why in the same transaction.
func (s *Store) DeleteVendorKey(ctx context.Context, org model.ID, fingerprint string, audit *model.AuditEvent) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketVendorKeys)
		key := vendorKeyKey(org, fingerprint)
		if fingerprint == "" || b.Get(key) == nil {
			return fmt.Errorf("vendor key %s: %w", fingerprint, storage.ErrNotFound)
		}
		if err := b.Delete(key); err != nil {
			return err
		}
		if audit != nil {
			ev := *audit
			return appendAudit(tx, &ev)
		}
		return nil
	})
}

// ListVendorKeys returns a school's keys in fingerprint order.
func (s *Store) ListVendorKeys(ctx context.Context, org model.ID) (out []model.VendorKey, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		prefix := itob(org)
		c := tx.Bucket(bucketVendorKeys).Cursor()
		for k, raw := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, raw = c.Next() {
			var vk model.VendorKey
			if err := jsonDecode(raw, &vk); err != nil {
				return fmt.Errorf("vendor key %x: %w", k, err)
			}
			vk.OrgID = org
			out = append(out, vk)
		}
		return nil
	})
	return out, err
}

// vendorKeysPerSchool gives each school its own copy of the vendor keys trusted before they
// were per school (keyed by fingerprint alone): whoever trusted a key, every school then
// accepted its codes, so every school keeps doing so until one of its admins removes it. In a
// file without a school the keys stay under school 0, their admins' own.
func vendorKeysPerSchool(tx *bbolt.Tx) error {
	b := tx.Bucket(bucketVendorKeys)
	var old []model.VendorKey
	if err := b.ForEach(func(k, raw []byte) error {
		var vk model.VendorKey
		if err := jsonDecode(raw, &vk); err != nil {
			return fmt.Errorf("vendor key %s: %w", k, err)
		}
		old = append(old, vk)
		return nil
	}); err != nil {
		return err
	}
	var orgIDs []model.ID
	if err := tx.Bucket(bucketOrgs).ForEach(func(k, _ []byte) error {
		orgIDs = append(orgIDs, btoi(k))
		return nil
	}); err != nil {
		return err
	}
	if err := tx.DeleteBucket(bucketVendorKeys); err != nil {
		return err
	}
	b, err := tx.CreateBucket(bucketVendorKeys)
	if err != nil {
		return err
	}
	if len(orgIDs) == 0 {
		orgIDs = []model.ID{0} // no school yet: the keys stay their admins' (app/claim_keys.go)
	}
	for _, org := range orgIDs {
		for _, vk := range old {
			vk.OrgID = org
			raw, err := jsonEncode(&vk)
			if err != nil {
				return err
			}
			if err := b.Put(vendorKeyKey(org, vk.Fingerprint()), raw); err != nil {
				return err
			}
		}
	}
	return nil
}
