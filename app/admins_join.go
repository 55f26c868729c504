package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"rollcall/model"
	"rollcall/storage"
)

// SignUpInvited creates an admin through an invitation: like SignUp, but the new admin
// administers the invitation's organization (and only it), and the invitation is spent in the
// same transaction. The email still has to be verified with the code it returns or sends.
func (a *App) SignUpInvited(ctx context.Context, in SignUpInput, code string) (SignUpResult, error) {
	if err := in.Validate().Err(); err != nil {
		return SignUpResult{}, err
	}
	now := a.now()
	join := storage.InvitationJoin{At: now, Check: a.inviteCheck(in.Email), NewAdmin: model.Admin{
		FullName: model.CleanName(in.FullName), Email: model.NormalizeEmail(in.Email), Language: in.Language,
		Country: strings.ToUpper(strings.TrimSpace(in.Country)), CreatedAt: now}}
	_, admin, err := a.store.AcceptInvitation(ctx, model.HashSecret(model.NormalizeCode(code)), join)
	if errors.Is(err, storage.ErrConflict) {
		return SignUpResult{}, model.ErrEmailTaken
	} else if err != nil {
		return SignUpResult{}, inviteErr(err)
	}
	if err := a.audit(ctx, admin, model.AuditAdminJoin, admin.Email, admin.OrgIDs...); err != nil {
		return SignUpResult{}, err
	}
	return a.issueVerification(ctx, admin)
}

// CheckSignUpInvited tells whether SignUpInvited would succeed, without writing anything.
func (a *App) CheckSignUpInvited(ctx context.Context, in SignUpInput, code string) (InvitationPreview, error) {
	if err := in.Validate().Err(); err != nil {
		return InvitationPreview{}, err
	}
	p, err := a.CheckInvitation(ctx, code)
	if err != nil {
		return p, err
	}
	if p.Email != "" && p.Email != model.NormalizeEmail(in.Email) {
		return p, fmt.Errorf("%w (%w)", model.ErrInviteOtherEmail, model.ErrInvalid)
	}
	if _, err := a.store.AdminByEmail(ctx, model.NormalizeEmail(in.Email)); err == nil {
		return p, model.ErrEmailTaken
	}
	return p, nil
}

// AcceptInvitation makes a signed-in admin an admin of an invitation's organization as well.
func (s *Session) AcceptInvitation(ctx context.Context, code string, dryRun bool) (_ model.Organization, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.acceptInvitation(ctx, admin, code, dryRun)
}

func (a *App) acceptInvitation(ctx context.Context, admin model.Admin, code string, dryRun bool) (model.Organization, error) {
	if dryRun {
		p, err := a.CheckInvitation(ctx, code)
		if err == nil && p.Email != "" && p.Email != admin.Email {
			err = fmt.Errorf("%w (%w)", model.ErrInviteOtherEmail, model.ErrInvalid)
		}
		if err == nil && adminOf(admin, p.Org.ID) {
			err = fmt.Errorf("%w (%w)", model.ErrAlreadyAdmin, storage.ErrConflict)
		}
		return p.Org, err
	}
	join := storage.InvitationJoin{AdminID: admin.ID, At: a.now(), Check: a.inviteCheck(admin.Email)}
	inv, joined, err := a.store.AcceptInvitation(ctx, model.HashSecret(model.NormalizeCode(code)), join)
	if err != nil {
		return model.Organization{}, inviteErr(err)
	}
	org, err := a.store.Org(ctx, inv.OrgID)
	if err != nil {
		return org, err
	}
	return org, a.audit(ctx, joined, model.AuditAdminJoin, joined.Email, inv.OrgID)
}

// PendingInvitation is an invitation not yet accepted, as the admins list shows it.
type PendingInvitation struct {
	model.Invitation
	InvitedBy string // the inviter's email
}

// ListInvitations returns the pending invitations of the admin's organizations, newest first.
func (s *Session) ListInvitations(ctx context.Context) (_ []PendingInvitation, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.listInvitations(ctx, admin)
}

func (a *App) listInvitations(ctx context.Context, admin model.Admin) ([]PendingInvitation, error) {
	all, err := a.store.ListInvitations(ctx)
	if err != nil {
		return nil, err
	}
	admins, err := a.store.ListAdmins(ctx)
	if err != nil {
		return nil, err
	}
	emails := map[model.ID]string{}
	for _, ad := range admins {
		emails[ad.ID] = ad.Email
	}
	now := a.now()
	var out []PendingInvitation
	for i := len(all) - 1; i >= 0; i-- {
		if inv := all[i]; inv.Pending(now) && adminOf(admin, inv.OrgID) {
			out = append(out, PendingInvitation{Invitation: inv, InvitedBy: emails[inv.InvitedBy]})
		}
	}
	return out, nil
}

// RevokeInvitation withdraws a pending invitation of one of the admin's organizations.
func (s *Session) RevokeInvitation(ctx context.Context, id model.ID, dryRun bool) (_ model.Invitation, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.revokeInvitation(ctx, admin, id, dryRun)
}

func (a *App) revokeInvitation(ctx context.Context, admin model.Admin, id model.ID, dryRun bool) (model.Invitation, error) {
	inv, err := a.store.Invitation(ctx, id)
	if err != nil {
		return inv, err
	}
	if !adminOf(admin, inv.OrgID) {
		return model.Invitation{}, storage.ErrNotFound
	}
	if !inv.AcceptedAt.IsZero() || !inv.RevokedAt.IsZero() {
		return inv, model.ErrCodeUsed
	} else if !inv.Pending(a.now()) {
		return inv, model.ErrCodeExpired
	}
	if dryRun {
		return inv, nil
	}
	if inv, err = a.store.RevokeInvitation(ctx, id, a.now()); err != nil {
		return inv, err
	}
	target := inv.Email
	if target == "" {
		target = "invitation " + inv.ID.String()
	}
	return inv, a.audit(ctx, admin, model.AuditAdminUninvite, target, inv.OrgID)
}
