package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// InviteTTL is how long an invitation can be accepted.
const InviteTTL = 7 * 24 * time.Hour

// inviteCodeLen is longer than a verification code's: an invitation makes an admin.
const inviteCodeLen = 12

// InviteNotifier is implemented by a Notifier that can also email invitations. When the app's
// Notifier does not implement it (no SMTP configured), the code is returned to be handed over.
type InviteNotifier interface {
	SendInvitation(ctx context.Context, to string, lang model.Language, inv InvitationMail) error
}

// InvitationMail is what an invitation email says.
type InvitationMail struct {
	Code      string // formatted, XXXX-XXXX-XXXX
	OrgID     model.ID
	OrgName   string
	InvitedBy string // "Name <email>"
	ExpiresAt time.Time
}

// InviteInput names the organization (0: the admin's only one) and, optionally, the invitee's
// email: with an email the invitation can only be accepted by that address, and is emailed
// when a mailer is configured.
type InviteInput struct {
	OrgID model.ID
	Email string
}

// InviteResult is a new invitation. Code is set when it was not emailed, to be handed over; it
// is never logged.
type InviteResult struct {
	Invitation model.Invitation
	Org        model.Organization
	Code       string
	Emailed    bool
}

// Invite creates an invitation to administer one of the admin's organizations.
func (s *Session) Invite(ctx context.Context, in InviteInput, dryRun bool) (_ InviteResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.invite(ctx, admin, in, dryRun)
}

func (a *App) invite(ctx context.Context, admin model.Admin, in InviteInput, dryRun bool) (InviteResult, error) {
	org, err := a.inviteOrg(ctx, admin, in.OrgID)
	if err != nil {
		return InviteResult{}, err
	}
	email := model.NormalizeEmail(in.Email)
	if email != "" {
		if !model.ValidEmail(email) {
			return InviteResult{}, &model.ValidationError{Field: "email", Rule: model.RuleEmail, Value: in.Email}
		}
		if ad, err := a.store.AdminByEmail(ctx, email); err == nil && slices.Contains(ad.OrgIDs, org.ID) {
			return InviteResult{}, fmt.Errorf("%s: %w (%w)", email, model.ErrAlreadyAdmin, storage.ErrConflict)
		}
	}
	now := a.now()
	inv := model.Invitation{OrgID: org.ID, Email: email, InvitedBy: admin.ID, CreatedAt: now, ExpiresAt: now.Add(InviteTTL)}
	res := InviteResult{Invitation: inv, Org: org}
	if dryRun {
		return res, nil
	}
	code, err := model.NewCode(a.random, inviteCodeLen)
	if err != nil {
		return InviteResult{}, err
	}
	otc := model.OneTimeCode{Hash: model.HashSecret(code), Purpose: model.PurposeInvite, CreatedAt: now, ExpiresAt: inv.ExpiresAt}
	if err := a.store.CreateInvitation(ctx, &inv, otc); err != nil {
		return InviteResult{}, err
	}
	res.Invitation = inv
	res.Code = model.FormatCode(code)
	if sender, ok := a.notifier.(InviteNotifier); ok && email != "" {
		mail := InvitationMail{Code: res.Code, OrgID: org.ID, OrgName: org.Name, InvitedBy: admin.FullName + " <" + admin.Email + ">",
			ExpiresAt: inv.ExpiresAt}
		// A failed send falls back to showing the code, so the inviter is never stuck.
		if err := sender.SendInvitation(ctx, email, admin.Language, mail); err == nil {
			res.Emailed, res.Code = true, ""
		}
	}
	target := email
	if target == "" {
		target = fmt.Sprintf("invitation %d", inv.ID)
	}
	return res, a.audit(ctx, admin, model.AuditAdminInvite, target, org.ID)
}

// inviteOrg resolves the organization of an invitation: one the admin administers.
func (a *App) inviteOrg(ctx context.Context, admin model.Admin, id model.ID) (model.Organization, error) {
	if id == 0 && len(admin.OrgIDs) == 1 {
		id = admin.OrgIDs[0]
	}
	if id == 0 {
		return model.Organization{}, model.ErrNoOrganization
	}
	if !adminOf(admin, id) {
		return model.Organization{}, notFound(model.ThingOrganization, id)
	}
	return a.store.Org(ctx, id)
}

// InvitationPreview is what an invitee may learn before accepting: where, from whom, for whom.
type InvitationPreview struct {
	Org       model.Organization
	InvitedBy string // the inviter's name
	Email     string // "" when anyone holding the code may accept
	ExpiresAt time.Time
}

// CheckInvitation says what an invitation code is for, without spending it: model.ErrCodeInvalid,
// ErrCodeExpired or ErrCodeUsed when it cannot be accepted.
func (a *App) CheckInvitation(ctx context.Context, code string) (InvitationPreview, error) {
	var found model.OneTimeCode
	_, err := a.store.SpendCode(ctx, model.PurposeInvite, model.HashSecret(model.NormalizeCode(code)),
		func(c model.OneTimeCode) error {
			found = c
			return errDryRun
		})
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return InvitationPreview{}, model.ErrCodeInvalid
	case !errors.Is(err, errDryRun):
		return InvitationPreview{}, err
	}
	if err := found.Check(a.now()); err != nil {
		return InvitationPreview{}, err
	}
	inv, err := a.store.Invitation(ctx, found.SubjectID)
	if err != nil {
		return InvitationPreview{}, err
	}
	org, err := a.store.Org(ctx, inv.OrgID)
	if err != nil {
		return InvitationPreview{}, err
	}
	p := InvitationPreview{Org: org, Email: inv.Email, ExpiresAt: inv.ExpiresAt}
	if by, err := a.store.Admin(ctx, inv.InvitedBy); err == nil {
		p.InvitedBy = by.FullName
	}
	return p, nil
}

// inviteCheck refuses an expired, ended or misaddressed invitation, inside the store's
// transaction.
func (a *App) inviteCheck(email string) func(model.Invitation, model.OneTimeCode) error {
	now := a.now()
	return func(inv model.Invitation, c model.OneTimeCode) error {
		if err := c.Check(now); err != nil {
			return err
		}
		if !inv.Pending(now) {
			return model.ErrCodeUsed
		}
		if inv.Email != "" && inv.Email != model.NormalizeEmail(email) {
			return fmt.Errorf("%w (%w)", model.ErrInviteOtherEmail, model.ErrInvalid)
		}
		return nil
	}
}

// inviteErr turns the store's "no such code" into the domain's.
func inviteErr(err error) error {
	if errors.Is(err, storage.ErrNotFound) {
		return model.ErrCodeInvalid
	}
	return err
}
