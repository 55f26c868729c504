package bolt

import (
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// Vendor keys live in bucketVendorKeys under their fingerprint, as JSON.

// PutVendorKey files a vendor key under its fingerprint; added is false when it was there.
func (s *Store) PutVendorKey(ctx context.Context, k model.VendorKey, audit *model.AuditEvent) (added bool, err error) {
	if len(k.Public) != 32 {
		return false, fmt.Errorf("vendor key: %d bytes, want 32", len(k.Public))
	}
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketVendorKeys)
		key := []byte(k.Fingerprint())
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

// DeleteVendorKey removes a key and records why in the same transaction.
func (s *Store) DeleteVendorKey(ctx context.Context, fingerprint string, audit *model.AuditEvent) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketVendorKeys)
		if fingerprint == "" || b.Get([]byte(fingerprint)) == nil {
			return fmt.Errorf("vendor key %s: %w", fingerprint, storage.ErrNotFound)
		}
		if err := b.Delete([]byte(fingerprint)); err != nil {
			return err
		}
		if audit != nil {
			ev := *audit
			return appendAudit(tx, &ev)
		}
		return nil
	})
}

// ListVendorKeys returns the stored keys in fingerprint order.
func (s *Store) ListVendorKeys(ctx context.Context) (out []model.VendorKey, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketVendorKeys).ForEach(func(k, raw []byte) error {
			var vk model.VendorKey
			if err := jsonDecode(raw, &vk); err != nil {
				return fmt.Errorf("vendor key %s: %w", k, err)
			}
			out = append(out, vk)
			return nil
		})
	})
	return out, err
}
