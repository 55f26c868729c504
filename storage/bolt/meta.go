package bolt

import (
	"context"
	"fmt"

	"go.etcd.io/bbolt"
)

// Meta reads a setting; "" when it is unset.
func (s *Store) Meta(ctx context.Context, key string) (value string, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		if key != "" {
			value = string(tx.Bucket(bucketSettings).Get([]byte(key)))
		}
		return nil
	})
	return value, err
}

// SetMeta writes a setting; "" removes it, so Meta reads "" again.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	if key == "" {
		return fmt.Errorf("set meta: empty key")
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketSettings)
		if value == "" {
			return b.Delete([]byte(key))
		}
		return b.Put([]byte(key), []byte(value))
	})
}
