package bolt

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// AcceptInvitation spends an invite code and grants its organization, in one transaction.
func (s *Store) AcceptInvitation(ctx context.Context, hash string, join storage.InvitationJoin) (inv model.Invitation, a model.Admin, err error) {
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		code, err := liveCode(tx, model.PurposeInvite, hash)
		if err != nil {
			return err
		}
		if inv, err = invitations.get(tx, code.SubjectID); err != nil {
			return err
		}
		if join.Check != nil {
			if err := join.Check(inv, code); err != nil {
				return err
			}
		}
		if a, err = joinAdmin(tx, join, inv.OrgID); err != nil {
			return err
		}
		code.UsedAt = join.At
		if err := putCode(tx, code); err != nil {
			return err
		}
		inv.AcceptedAt, inv.AcceptedBy = join.At, a.ID
		return invitations.update(tx, &inv)
	})
	if err != nil {
		return model.Invitation{}, model.Admin{}, err
	}
	return inv, a, nil
}

// liveCode reads an unused code: storage.ErrNotFound when unknown, model.ErrCodeUsed when spent.
func liveCode(tx *bbolt.Tx, purpose model.CodePurpose, hash string) (model.OneTimeCode, error) {
	var c model.OneTimeCode
	raw := tx.Bucket(bucketCodes).Get(codeKey(purpose, hash))
	if raw == nil || hash == "" {
		return c, fmt.Errorf("%s code: %w", purpose, storage.ErrNotFound)
	}
	if err := jsonDecode(raw, &c); err != nil {
		return c, fmt.Errorf("%s code: %w", purpose, err)
	}
	if !c.UsedAt.IsZero() {
		return c, fmt.Errorf("%s code: %w", purpose, model.ErrCodeUsed)
	}
	return c, nil
}

// joinAdmin adds org to an existing admin, or creates the new one with it.
func joinAdmin(tx *bbolt.Tx, join storage.InvitationJoin, org model.ID) (model.Admin, error) {
	if join.AdminID == 0 {
		a := join.NewAdmin
		a.ID, a.OrgIDs = 0, []model.ID{org}
		if a.CreatedAt.IsZero() {
			a.CreatedAt = join.At
		}
		return a, admins.create(tx, &a)
	}
	a, err := admins.get(tx, join.AdminID)
	if err != nil {
		return a, err
	}
	if slices.Contains(a.OrgIDs, org) {
		return a, fmt.Errorf("admin %d, organization %d: %w (%w)", a.ID, org, model.ErrAlreadyAdmin, storage.ErrConflict)
	}
	a.OrgIDs = append(a.OrgIDs, org)
	return a, admins.update(tx, &a)
}

// spendSubjectCodes stamps every unused code of a subject and purpose as used at at.
func spendSubjectCodes(tx *bbolt.Tx, purpose model.CodePurpose, subject model.ID, at time.Time) error {
	b := tx.Bucket(bucketCodes)
	prefix := codeKey(purpose, "")
	var spent []model.OneTimeCode
	c := b.Cursor()
	for k, raw := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, raw = c.Next() {
		var code model.OneTimeCode
		if err := jsonDecode(raw, &code); err != nil {
			return fmt.Errorf("%s code: %w", purpose, err)
		}
		if code.SubjectID == subject && code.UsedAt.IsZero() {
			code.UsedAt = at
			spent = append(spent, code)
		}
	}
	// Written after the walk: a Put during cursor iteration may move the cursor.
	for _, code := range spent {
		if err := putCode(tx, code); err != nil {
			return err
		}
	}
	return nil
}
