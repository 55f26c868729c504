package app

import (
	"context"
	"errors"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// AdminResetTTL is how long an admin's password-reset code works: it is emailed or handed over
// at once, so an hour is plenty.
const AdminResetTTL = time.Hour

// adminResetCodeLen matches invitations: 30^12 codes.
const adminResetCodeLen = 12

// AuditAdminResetCode records that an admin issued a reset code for another admin of their
// school (never the code).
const AuditAdminResetCode model.AuditAction = "admins.reset_code"

// AdminResetNotifier emails an admin a code to reset their own password.
type AdminResetNotifier interface {
	SendAdminReset(ctx context.Context, to string, lang model.Language, code string) error
}

// RequestAdminReset emails an admin who forgot their password a single-use reset code,
// through the SMTP server of one of their schools. It answers the same whether or not the email
// has an account or a school that can send email (nothing tells which emails exist); without
// one, another admin of the school issues the code (IssueAdminReset). Requests are
// attempt-limited per email and address.
func (a *App) RequestAdminReset(ctx context.Context, email, addr string) error {
	email = model.NormalizeEmail(email)
	t, err := a.beginAttempt(ctx, attemptAdminReq, email, addr)
	if err != nil {
		return err
	}
	defer t.release()
	t.fail() // every request counts, so the command cannot flood a mailbox
	admin, err := a.store.AdminByEmail(ctx, email)
	if errors.Is(err, storage.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	sender, ok := a.notifier.(AdminResetNotifier)
	if !ok || !admin.Verified() {
		return nil
	}
	code, err := a.putAdminResetCode(ctx, admin.ID)
	if err != nil {
		return err
	}
	if err := sender.SendAdminReset(ctx, admin.Email, admin.Language, model.FormatCode(code)); err != nil {
		// No school of theirs can send email: the code is useless, drop it.
		return a.store.RevokeCodes(ctx, model.PurposeAdminReset, admin.ID)
	}
	return nil
}

// IssueAdminReset is the way back for an admin whose schools send no email: another admin of
// one of their schools issues a reset code and hands it over. It is recorded in the shared
// schools' logs.
func (s *Session) IssueAdminReset(ctx context.Context, email string) (code string, expires time.Time, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.issueAdminReset(ctx, admin, email)
}

func (a *App) issueAdminReset(ctx context.Context, admin model.Admin, email string) (code string, expires time.Time, err error) {
	other, err := a.store.AdminByEmail(ctx, model.NormalizeEmail(email))
	if err != nil {
		return "", expires, orNotFound(err, model.ThingAdmin, email)
	}
	var shared []model.ID
	for _, o := range other.OrgIDs {
		if adminOf(admin, o) {
			shared = append(shared, o)
		}
	}
	if len(shared) == 0 || other.ID == admin.ID {
		return "", expires, notFound(model.ThingAdmin, email)
	}
	if code, err = a.putAdminResetCode(ctx, other.ID); err != nil {
		return "", expires, err
	}
	return model.FormatCode(code), a.now().Add(AdminResetTTL), a.audit(ctx, admin, AuditAdminResetCode, other.Email, shared...)
}

// putAdminResetCode stores a fresh code for an admin; older ones stop working.
func (a *App) putAdminResetCode(ctx context.Context, adminID model.ID) (string, error) {
	code, err := model.NewCode(a.random, adminResetCodeLen)
	if err != nil {
		return "", err
	}
	if err := a.store.RevokeCodes(ctx, model.PurposeAdminReset, adminID); err != nil {
		return "", err
	}
	now := a.now()
	otc := model.OneTimeCode{Hash: model.HashSecret(code), Purpose: model.PurposeAdminReset, SubjectID: adminID,
		CreatedAt: now, ExpiresAt: now.Add(AdminResetTTL)}
	return code, a.store.PutCode(ctx, otc)
}

// ResetAdminPassword sets an admin's new password with a reset code (attempt-limited per email
// and address). The code is spent; the failed sign-ins are forgotten. The password follows the
// admin's policy: their schools' staff policies at once (adminPasswordPolicy).
func (a *App) ResetAdminPassword(ctx context.Context, email, code, password, addr string) error {
	if err := model.DefaultPasswordPolicy.Check("password", password).Err(); err != nil {
		return err
	}
	email = model.NormalizeEmail(email)
	t, err := a.beginAttempt(ctx, attemptAdminReset, email, addr)
	if err != nil {
		return err
	}
	defer t.release()
	refuse := func(reason error) error {
		t.fail()
		return &model.AccountCodeError{Login: email, Err: reason}
	}
	admin, err := a.store.AdminByEmail(ctx, email)
	if errors.Is(err, storage.ErrNotFound) {
		return refuse(model.ErrCodeInvalid)
	} else if err != nil {
		return err
	}
	pol, err := a.adminPasswordPolicy(ctx, admin)
	if err != nil {
		return err
	}
	var broken error
	policy := adminPasswordCheck(pol, password, &broken)
	now := a.now()
	_, err = a.store.SpendCode(ctx, model.PurposeAdminReset, model.HashSecret(model.NormalizeCode(code)),
		func(c model.OneTimeCode) error {
			if c.SubjectID != admin.ID {
				return model.ErrCodeInvalid
			}
			if err := c.Check(now); err != nil {
				return err
			}
			return policy()
		})
	if broken != nil {
		return broken // the code was right: it stays usable with a password that follows the rules
	}
	for _, reason := range []error{model.ErrCodeInvalid, model.ErrCodeExpired, model.ErrCodeUsed} {
		if errors.Is(err, reason) {
			return refuse(reason)
		}
	}
	if errors.Is(err, storage.ErrNotFound) {
		return refuse(model.ErrCodeInvalid)
	} else if err != nil {
		return err
	}
	hash, err := hashPassword(a.argon, a.random, password)
	if err != nil {
		return err
	}
	_, err = a.store.UpdateAdminFunc(ctx, admin.ID, func(ad *model.Admin) error {
		ad.PasswordHash, ad.FailedSignIns, ad.LastFailedSignIn = hash, 0, time.Time{}
		return nil
	})
	if err == nil {
		t.ok()
	}
	return err
}
