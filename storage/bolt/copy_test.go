package bolt

import (
	"path/filepath"
	"slices"
	"testing"

	"go.etcd.io/bbolt"
)

// TestEveryBucketIsCopied holds a new bucket to be copied by `rollcall migrate`, or named here
// as one derived from the others (an index) or as the file's own.
func TestEveryBucketIsCopied(t *testing.T) {
	t.Parallel()
	s, err := Open(filepath.Join(t.TempDir(), "r.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	derived := [][]byte{bucketMeta, bucketAdminByEmail, bucketClassByCode, bucketGroupByCode, bucketUserByLogin,
		bucketUserByExt, bucketSeatsByUser, bucketPersonSessionsByUser, bucketPersonSessionsByExpiry}
	kinds := copyKinds()
	err = s.db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
			copied := slices.ContainsFunc(kinds, func(k copyKind) bool { return string(k.bucket) == string(name) })
			if !copied && !slices.ContainsFunc(derived, func(d []byte) bool { return string(d) == string(name) }) {
				t.Errorf("bucket %q is neither copied (copyKinds) nor derived", name)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}
