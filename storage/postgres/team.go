package postgres

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

// UpdateAdminFunc changes an admin in one read-modify-write transaction, holding the admin's
// row lock, so a change made meanwhile by another process is never overwritten.
func (s *Store) UpdateAdminFunc(ctx context.Context, id model.ID, change func(*model.Admin) error) (a model.Admin, err error) {
	err = s.update(ctx, func(tx pgx.Tx) error {
		if a, err = admins.get(ctx, tx, id, true); err != nil {
			return err
		}
		if err := change(&a); err != nil {
			return err
		}
		a.ID = id
		return admins.update(ctx, tx, &a)
	})
	return a, err
}

// SignUpAdmin creates an admin, given every organization when it is the store's first. The
// admins table is locked against other creations for the transaction (updates of existing
// admins wait too, briefly), so two first signups cannot both count zero.
func (s *Store) SignUpAdmin(ctx context.Context, a *model.Admin) error {
	v := *a
	err := s.update(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "LOCK TABLE admins IN SHARE ROW EXCLUSIVE MODE"); err != nil {
			return err
		}
		var any bool
		if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM admins)").Scan(&any); err != nil {
			return err
		}
		if !any {
			all, err := orgs.list(ctx, tx)
			if err != nil {
				return err
			}
			v.OrgIDs = nil
			for _, o := range all {
				v.OrgIDs = append(v.OrgIDs, o.ID)
			}
		}
		return admins.create(ctx, tx, &v)
	})
	if err == nil {
		*a = v
	}
	return err
}

// RevokeAdminOrg removes org from an admin unless they are its last admin. It locks every
// admin row first, so two removals in two processes run one after the other and the second
// sees the first: they cannot both succeed and leave a school without an admin.
func (s *Store) RevokeAdminOrg(ctx context.Context, adminID, org model.ID) (a model.Admin, err error) {
	err = s.update(ctx, func(tx pgx.Tx) error {
		all, err := lockedAdmins(ctx, tx)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(all, func(o model.Admin) bool { return o.ID == adminID })
		if i < 0 {
			return fmt.Errorf("admin %d: %w", adminID, storage.ErrNotFound)
		}
		if a = all[i]; !slices.Contains(a.OrgIDs, org) {
			return fmt.Errorf("admin %d of organization %d: %w", adminID, org, storage.ErrNotFound)
		}
		others := 0
		for _, o := range all {
			if o.ID != adminID && slices.Contains(o.OrgIDs, org) {
				others++
			}
		}
		if others == 0 {
			return &model.LastAdminError{OrgID: org}
		}
		a.OrgIDs = slices.DeleteFunc(a.OrgIDs, func(id model.ID) bool { return id == org })
		return admins.update(ctx, tx, &a)
	})
	return a, err
}

// lockedAdmins reads every admin, holding their row locks until the transaction ends.
func lockedAdmins(ctx context.Context, tx pgx.Tx) ([]model.Admin, error) {
	var out []model.Admin
	err := admins.scan(ctx, tx, "SELECT id, data FROM admins ORDER BY id FOR UPDATE", func(a *model.Admin) error {
		out = append(out, *a)
		return nil
	})
	return out, err
}

// CreateInvitation stores an invitation and its code together.
func (s *Store) CreateInvitation(ctx context.Context, inv *model.Invitation, code model.OneTimeCode) error {
	if code.Hash == "" || code.Purpose != model.PurposeInvite {
		return fmt.Errorf("create invitation: the code must be an invite code with a hash")
	}
	v := *inv
	err := s.update(ctx, func(tx pgx.Tx) error {
		if err := invitations.create(ctx, tx, &v); err != nil {
			return err
		}
		code.SubjectID = v.ID
		return putCode(ctx, tx, code)
	})
	if err == nil {
		inv.ID = v.ID
	}
	return err
}

// Invitation returns invitation id (storage.ErrNotFound).
func (s *Store) Invitation(ctx context.Context, id model.ID) (model.Invitation, error) {
	return getIn(ctx, s, invitations, id)
}

// ListInvitations returns every invitation in id order.
func (s *Store) ListInvitations(ctx context.Context) ([]model.Invitation, error) {
	return listIn(ctx, s, invitations)
}

// RevokeInvitation withdraws an invitation and spends its codes.
func (s *Store) RevokeInvitation(ctx context.Context, id model.ID, at time.Time) (inv model.Invitation, err error) {
	err = s.update(ctx, func(tx pgx.Tx) error {
		if inv, err = invitations.get(ctx, tx, id, true); err != nil {
			return err
		}
		if inv.RevokedAt.IsZero() && inv.AcceptedAt.IsZero() {
			inv.RevokedAt = at
			if err := invitations.update(ctx, tx, &inv); err != nil {
				return err
			}
		}
		return spendSubjectCodes(ctx, tx, model.PurposeInvite, id, at)
	})
	return inv, err
}

// AcceptInvitation spends an invite code and grants its organization, in one transaction
// holding the code's row lock.
func (s *Store) AcceptInvitation(ctx context.Context, hash string, join storage.InvitationJoin) (inv model.Invitation, a model.Admin, err error) {
	err = s.update(ctx, func(tx pgx.Tx) error {
		code, err := liveCode(ctx, tx, model.PurposeInvite, hash)
		if err != nil {
			return err
		}
		if inv, err = invitations.get(ctx, tx, code.SubjectID, true); err != nil {
			return err
		}
		if join.Check != nil {
			if err := join.Check(inv, code); err != nil {
				return err
			}
		}
		if a, err = joinAdmin(ctx, tx, join, inv.OrgID); err != nil {
			return err
		}
		code.UsedAt = join.At
		if err := putCode(ctx, tx, code); err != nil {
			return err
		}
		inv.AcceptedAt, inv.AcceptedBy = join.At, a.ID
		return invitations.update(ctx, tx, &inv)
	})
	if err != nil {
		return model.Invitation{}, model.Admin{}, err
	}
	return inv, a, nil
}

// joinAdmin adds org to an existing admin, or creates the new one with it.
func joinAdmin(ctx context.Context, tx pgx.Tx, join storage.InvitationJoin, org model.ID) (model.Admin, error) {
	if join.AdminID == 0 {
		a := join.NewAdmin
		a.ID, a.OrgIDs = 0, []model.ID{org}
		if a.CreatedAt.IsZero() {
			a.CreatedAt = join.At
		}
		return a, admins.create(ctx, tx, &a)
	}
	a, err := admins.get(ctx, tx, join.AdminID, true)
	if err != nil {
		return a, err
	}
	if slices.Contains(a.OrgIDs, org) {
		return a, fmt.Errorf("admin %d, organization %d: %w (%w)", a.ID, org, model.ErrAlreadyAdmin, storage.ErrConflict)
	}
	a.OrgIDs = append(a.OrgIDs, org)
	return a, admins.update(ctx, tx, &a)
}
