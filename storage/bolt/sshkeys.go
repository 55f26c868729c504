package bolt

import (
	"context"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// SSH keys are keyed by fingerprint, JSON-encoded: an installation has a few per admin, so an
// admin's list is a scan rather than an index.

// AddSSHKey stores a key whose fingerprint is not registered yet.
func (s *Store) AddSSHKey(ctx context.Context, k model.SSHKey) error {
	if k.Fingerprint == "" || k.AdminID == 0 {
		return fmt.Errorf("add SSH key: empty fingerprint or admin")
	}
	raw, err := jsonEncode(&k)
	if err != nil {
		return fmt.Errorf("SSH key: %w", err)
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketSSHKeys)
		if b.Get([]byte(k.Fingerprint)) != nil {
			return fmt.Errorf("SSH key %s: %w", k.Fingerprint, storage.ErrConflict)
		}
		return b.Put([]byte(k.Fingerprint), raw)
	})
}

// SSHKey finds a key by fingerprint.
func (s *Store) SSHKey(ctx context.Context, fingerprint string) (k model.SSHKey, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketSSHKeys).Get([]byte(fingerprint))
		if raw == nil || fingerprint == "" {
			return fmt.Errorf("SSH key %s: %w", fingerprint, storage.ErrNotFound)
		}
		return jsonDecode(raw, &k)
	})
	return k, err
}

// ListSSHKeys returns an admin's keys (everyone's for 0), oldest first.
func (s *Store) ListSSHKeys(ctx context.Context, adminID model.ID) (out []model.SSHKey, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketSSHKeys).ForEach(func(_, raw []byte) error {
			var k model.SSHKey
			if err := jsonDecode(raw, &k); err != nil {
				return fmt.Errorf("SSH key: %w", err)
			}
			if adminID == 0 || k.AdminID == adminID {
				out = append(out, k)
			}
			return nil
		})
	})
	slices.SortStableFunc(out, func(a, b model.SSHKey) int { return a.AddedAt.Compare(b.AddedAt) })
	return out, err
}

// DeleteSSHKey removes a key.
func (s *Store) DeleteSSHKey(ctx context.Context, fingerprint string) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketSSHKeys)
		if fingerprint == "" || b.Get([]byte(fingerprint)) == nil {
			return fmt.Errorf("SSH key %s: %w", fingerprint, storage.ErrNotFound)
		}
		return b.Delete([]byte(fingerprint))
	})
}
