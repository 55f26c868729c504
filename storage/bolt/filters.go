package bolt

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// Saved filters are keyed by the admin's id (8 bytes, big-endian) then the name, JSON-encoded:
// an admin's filters are one prefix scan, already in name order.

func filterKey(adminID model.ID, name string) []byte {
	return append(itob(adminID), name...)
}

// SaveFilter stores a filter, replacing one of the same name.
func (s *Store) SaveFilter(ctx context.Context, f model.SavedFilter) error {
	if f.AdminID == 0 || f.Name == "" {
		return fmt.Errorf("save filter: empty admin or name")
	}
	raw, err := jsonEncode(&f)
	if err != nil {
		return fmt.Errorf("filter: %w", err)
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketSavedFilters).Put(filterKey(f.AdminID, f.Name), raw)
	})
}

// SavedFilters returns an admin's filters, by name.
func (s *Store) SavedFilters(ctx context.Context, adminID model.ID) (out []model.SavedFilter, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		prefix := itob(adminID)
		c := tx.Bucket(bucketSavedFilters).Cursor()
		for k, raw := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, raw = c.Next() {
			var f model.SavedFilter
			if err := jsonDecode(raw, &f); err != nil {
				return fmt.Errorf("filter: %w", err)
			}
			out = append(out, f)
		}
		return nil
	})
	return out, err
}

// DeleteFilter removes a filter.
func (s *Store) DeleteFilter(ctx context.Context, adminID model.ID, name string) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b, k := tx.Bucket(bucketSavedFilters), filterKey(adminID, name)
		if name == "" || b.Get(k) == nil {
			return fmt.Errorf("filter %q: %w", name, storage.ErrNotFound)
		}
		return b.Delete(k)
	})
}
