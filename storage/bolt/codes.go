package bolt

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// codeKey is purpose, a zero byte, and the hash: the codes of one purpose are one key range.
func codeKey(purpose model.CodePurpose, hash string) []byte {
	k := make([]byte, 0, len(purpose)+1+len(hash))
	k = append(k, purpose...)
	k = append(k, 0)
	return append(k, hash...)
}

// PutCode stores or replaces a one-time code, keyed by purpose and hash.
func (s *Store) PutCode(ctx context.Context, c model.OneTimeCode) error {
	if c.Hash == "" || c.Purpose == "" {
		return fmt.Errorf("put code: empty hash or purpose")
	}
	raw, err := jsonEncode(&c)
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketCodes).Put(codeKey(c.Purpose, c.Hash), raw)
	})
}

// SpendCode finds a code by purpose and hash (storage.ErrNotFound), refuses it when already used
// (model.ErrCodeUsed) or when check returns an error (that error, and the code stays unused),
// then stamps UsedAt with the store's clock. All of it is one write transaction, so among
// concurrent spenders of one code exactly one succeeds. check runs inside that transaction and
// must not call the store; it may be nil.
func (s *Store) SpendCode(ctx context.Context, purpose model.CodePurpose, hash string,
	check func(model.OneTimeCode) error) (model.OneTimeCode, error) {
	var c model.OneTimeCode
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketCodes)
		key := codeKey(purpose, hash)
		raw := b.Get(key)
		if raw == nil || hash == "" {
			return fmt.Errorf("%s code: %w", purpose, storage.ErrNotFound)
		}
		if err := jsonDecode(raw, &c); err != nil {
			return fmt.Errorf("%s code: %w", purpose, err)
		}
		if !c.UsedAt.IsZero() {
			return fmt.Errorf("%s code: %w", purpose, model.ErrCodeUsed)
		}
		if check != nil {
			if err := check(c); err != nil {
				return fmt.Errorf("%s code: %w", purpose, err)
			}
		}
		c.UsedAt = s.now()
		raw, err := jsonEncode(&c)
		if err != nil {
			return err
		}
		return b.Put(key, raw)
	})
	if err != nil {
		return model.OneTimeCode{}, err
	}
	return c, nil
}

// RevokeCodes stamps as used every unused code of a subject and purpose. Codes are few (one
// or two live per admin), so it scans the purpose's key range instead of keeping a subject
// index.
func (s *Store) RevokeCodes(ctx context.Context, purpose model.CodePurpose, subject model.ID) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketCodes)
		prefix := codeKey(purpose, "")
		now := s.now()
		type change struct{ key, raw []byte }
		var changes []change
		c := b.Cursor()
		for k, raw := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, raw = c.Next() {
			var code model.OneTimeCode
			if err := jsonDecode(raw, &code); err != nil {
				return fmt.Errorf("%s code: %w", purpose, err)
			}
			if code.SubjectID != subject || !code.UsedAt.IsZero() {
				continue
			}
			code.UsedAt = now
			out, err := jsonEncode(&code)
			if err != nil {
				return err
			}
			changes = append(changes, change{bytes.Clone(k), out})
		}
		// Written after the walk: a Put during cursor iteration may move the cursor.
		for _, ch := range changes {
			if err := b.Put(ch.key, ch.raw); err != nil {
				return err
			}
		}
		return nil
	})
}
