package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

// codeKey is purpose, a zero byte, and the hash, as in bbolt.
func codeKey(purpose model.CodePurpose, hash string) []byte {
	k := make([]byte, 0, len(purpose)+1+len(hash))
	k = append(k, purpose...)
	k = append(k, 0)
	return append(k, hash...)
}

// putCode writes a one-time code inside a transaction, replacing one of the same key.
func putCode(ctx context.Context, tx pgx.Tx, c model.OneTimeCode) error {
	raw, err := jsonEncode(&c)
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO codes (key, purpose, subject, data) VALUES ($1, $2, $3, $4)
		ON CONFLICT (key) DO UPDATE SET purpose = EXCLUDED.purpose, subject = EXCLUDED.subject, data = EXCLUDED.data`,
		codeKey(c.Purpose, c.Hash), []byte(c.Purpose), int64(c.SubjectID), raw)
	return err
}

// PutCode stores or replaces a one-time code, keyed by purpose and hash.
func (s *Store) PutCode(ctx context.Context, c model.OneTimeCode) error {
	if c.Hash == "" || c.Purpose == "" {
		return fmt.Errorf("put code: empty hash or purpose")
	}
	return s.update(ctx, func(tx pgx.Tx) error { return putCode(ctx, tx, c) })
}

// liveCode reads an unused code and locks it until the transaction ends, so of concurrent
// spenders in any process one wins and the others then see it used: storage.ErrNotFound when
// unknown, model.ErrCodeUsed when spent.
func liveCode(ctx context.Context, tx pgx.Tx, purpose model.CodePurpose, hash string) (model.OneTimeCode, error) {
	var c model.OneTimeCode
	if hash == "" {
		return c, fmt.Errorf("%s code: %w", purpose, storage.ErrNotFound)
	}
	var raw []byte
	err := tx.QueryRow(ctx, "SELECT data FROM codes WHERE key = $1 FOR UPDATE", codeKey(purpose, hash)).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return c, fmt.Errorf("%s code: %w", purpose, storage.ErrNotFound)
	} else if err != nil {
		return c, err
	}
	if err := jsonDecode(raw, &c); err != nil {
		return c, fmt.Errorf("%s code: %w", purpose, err)
	}
	if !c.UsedAt.IsZero() {
		return c, fmt.Errorf("%s code: %w", purpose, model.ErrCodeUsed)
	}
	return c, nil
}

// SpendCode finds a code (storage.ErrNotFound), refuses it when used (model.ErrCodeUsed) or
// when check refuses it, then stamps UsedAt, all under the code's row lock.
func (s *Store) SpendCode(ctx context.Context, purpose model.CodePurpose, hash string,
	check func(model.OneTimeCode) error) (model.OneTimeCode, error) {
	var c model.OneTimeCode
	err := s.update(ctx, func(tx pgx.Tx) (err error) {
		if c, err = liveCode(ctx, tx, purpose, hash); err != nil {
			return err
		}
		if check != nil {
			if err := check(c); err != nil {
				return fmt.Errorf("%s code: %w", purpose, err)
			}
		}
		c.UsedAt = s.now()
		return putCode(ctx, tx, c)
	})
	if err != nil {
		return model.OneTimeCode{}, err
	}
	return c, nil
}

// RevokeCodes stamps as used every unused code of a subject and purpose.
func (s *Store) RevokeCodes(ctx context.Context, purpose model.CodePurpose, subject model.ID) error {
	return s.update(ctx, func(tx pgx.Tx) error { return spendSubjectCodes(ctx, tx, purpose, subject, s.now()) })
}

// spendSubjectCodes stamps every unused code of a subject and purpose as used at at.
func spendSubjectCodes(ctx context.Context, tx pgx.Tx, purpose model.CodePurpose, subject model.ID, at time.Time) error {
	rows, err := tx.Query(ctx, "SELECT data FROM codes WHERE purpose = $1 AND subject = $2 ORDER BY key FOR UPDATE",
		[]byte(purpose), int64(subject))
	if err != nil {
		return err
	}
	codes, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.OneTimeCode, error) {
		var raw []byte
		var c model.OneTimeCode
		if err := r.Scan(&raw); err != nil {
			return c, err
		}
		return c, jsonDecode(raw, &c)
	})
	if err != nil {
		return fmt.Errorf("%s code: %w", purpose, err)
	}
	for _, c := range codes {
		if !c.UsedAt.IsZero() {
			continue
		}
		c.UsedAt = at
		if err := putCode(ctx, tx, c); err != nil {
			return err
		}
	}
	return nil
}
