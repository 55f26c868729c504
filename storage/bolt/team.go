package bolt

import (
	"context"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// invitations are keyed by id; their secret lives in the codes bucket (purpose "invite",
// SubjectID = the invitation's id).
var invitations = &table[model.Invitation]{
	kind:   "invitation",
	bucket: bucketInvitations,
	id:     func(i *model.Invitation) *model.ID { return &i.ID },
	encode: jsonEncode[model.Invitation],
	decode: jsonDecode[model.Invitation],
}

// UpdateAdminFunc changes an admin in one read-modify-write transaction.
func (s *Store) UpdateAdminFunc(ctx context.Context, id model.ID, change func(*model.Admin) error) (a model.Admin, err error) {
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		if a, err = admins.get(tx, id); err != nil {
			return err
		}
		if err := change(&a); err != nil {
			return err
		}
		a.ID = id
		return admins.update(tx, &a)
	})
	return a, err
}

// SignUpAdmin creates an admin, given every organization when it is the store's first.
func (s *Store) SignUpAdmin(ctx context.Context, a *model.Admin) error {
	v := *a
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketAdmins).Stats().KeyN == 0 {
			all, err := orgs.list(ctx, tx)
			if err != nil {
				return err
			}
			v.OrgIDs = nil
			for _, o := range all {
				v.OrgIDs = append(v.OrgIDs, o.ID)
			}
		}
		return admins.create(tx, &v)
	})
	if err == nil {
		*a = v
	}
	return err
}

// RevokeAdminOrg removes org from an admin unless they are its last admin.
func (s *Store) RevokeAdminOrg(ctx context.Context, adminID, org model.ID) (a model.Admin, err error) {
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		if a, err = admins.get(tx, adminID); err != nil {
			return err
		}
		if !slices.Contains(a.OrgIDs, org) {
			return fmt.Errorf("admin %d of organization %d: %w", adminID, org, storage.ErrNotFound)
		}
		others := 0
		if err := admins.each(ctx, tx, func(o *model.Admin) error {
			if o.ID != adminID && slices.Contains(o.OrgIDs, org) {
				others++
			}
			return nil
		}); err != nil {
			return err
		}
		if others == 0 {
			return &model.LastAdminError{OrgID: org}
		}
		a.OrgIDs = slices.DeleteFunc(a.OrgIDs, func(id model.ID) bool { return id == org })
		return admins.update(tx, &a)
	})
	return a, err
}

// CreateInvitation stores an invitation and its code together.
func (s *Store) CreateInvitation(ctx context.Context, inv *model.Invitation, code model.OneTimeCode) error {
	if code.Hash == "" || code.Purpose != model.PurposeInvite {
		return fmt.Errorf("create invitation: the code must be an invite code with a hash")
	}
	v := *inv
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		if err := invitations.create(tx, &v); err != nil {
			return err
		}
		code.SubjectID = v.ID
		return putCode(tx, code)
	})
	if err == nil {
		inv.ID = v.ID
	}
	return err
}

// putCode writes a one-time code inside a transaction.
func putCode(tx *bbolt.Tx, c model.OneTimeCode) error {
	raw, err := jsonEncode(&c)
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	return tx.Bucket(bucketCodes).Put(codeKey(c.Purpose, c.Hash), raw)
}

// Invitation returns invitation id (storage.ErrNotFound).
func (s *Store) Invitation(ctx context.Context, id model.ID) (inv model.Invitation, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		inv, err = invitations.get(tx, id)
		return err
	})
	return inv, err
}

// ListInvitations returns every invitation in id order.
func (s *Store) ListInvitations(ctx context.Context) (out []model.Invitation, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		out, err = invitations.list(ctx, tx)
		return err
	})
	return out, err
}

// RevokeInvitation withdraws an invitation: RevokedAt is stamped (unless it already ended) and
// its codes can no longer be spent.
func (s *Store) RevokeInvitation(ctx context.Context, id model.ID, at time.Time) (inv model.Invitation, err error) {
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		if inv, err = invitations.get(tx, id); err != nil {
			return err
		}
		if inv.RevokedAt.IsZero() && inv.AcceptedAt.IsZero() {
			inv.RevokedAt = at
			if err := invitations.update(tx, &inv); err != nil {
				return err
			}
		}
		return spendSubjectCodes(tx, model.PurposeInvite, id, at)
	})
	return inv, err
}
