package app

import (
	"context"
	"crypto/subtle"
	"errors"
	"strings"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// ResetCodeTTL is how long a password-reset code stays valid: long enough for an email read
// after a weekend.
const ResetCodeTTL = 7 * 24 * time.Hour

// resetCodeLen matches activation codes: 30^8 codes, single use, expiring.
const resetCodeLen = 8

// AuditResetCode records that an admin issued a password-reset code (never the code).
const AuditResetCode model.AuditAction = "users.reset_code"

// Activate is the other side of a login card: the person proves they hold the card with their
// login and activation code and chooses a password (stored as an argon2id hash). The account
// is then activated and the code spent. A wrong code, an unknown login or an account already
// activated is a *model.AccountCodeError.
func (a *App) Activate(ctx context.Context, login, code, password string) (model.User, error) {
	return a.ActivateFrom(ctx, login, code, password, "")
}

// ActivateFrom is Activate for a person at a network address (the web page): wrong codes are
// counted per login and per address, and past a few each further try waits longer
// (*model.ThrottledError says until when).
func (a *App) ActivateFrom(ctx context.Context, login, code, password, addr string) (model.User, error) {
	login = strings.TrimSpace(login)
	t, err := a.beginAttempt(ctx, attemptActivate, login, addr)
	if err != nil {
		return model.User{}, err
	}
	defer t.release()
	a.merge.activate.Lock() // one check-and-spend at a time, so a code works once
	defer a.merge.activate.Unlock()
	u, err := a.store.UserByLogin(ctx, login)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return model.User{}, err
	}
	if err := activationCodeMatches(u, err == nil, login, code); err != nil {
		if !errors.Is(err, model.ErrCodeUsed) {
			t.fail()
		}
		return model.User{}, err
	}
	t.ok()
	if u.Suspended() { // the code stays unspent for when the account is given back
		return model.User{}, model.ErrSuspended
	}
	if err := a.checkUserPassword(ctx, u, password); err != nil {
		return model.User{}, err
	}
	hash, err := hashPassword(a.argon, a.random, password)
	if err != nil {
		return model.User{}, err
	}
	now := a.now()
	u.PasswordHash, u.ActivatedAt, u.ActivationCode, u.UpdatedAt = hash, now, "", now
	if _, err := a.applyBatch(ctx, storage.Batch{Users: []model.User{u}}); err != nil {
		return model.User{}, err
	}
	return u, nil
}

// ResetCode is a password-reset code just issued. Code is the raw secret (print it grouped
// with model.FormatCode); only its hash is stored.
type ResetCode struct {
	User      model.User
	Code      string
	ExpiresAt time.Time
}

// IssueResetCode gives an activated user a single-use reset code valid ResetCodeTTL; codes
// issued before stop working. An account never activated has no password to reset:
// model.ErrNotActivated (its card's activation code is the way in).
func (s *Session) IssueResetCode(ctx context.Context, login string, dryRun bool) (_ ResetCode, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.issueResetCode(ctx, admin, login, dryRun)
}

func (a *App) issueResetCode(ctx context.Context, admin model.Admin, login string, dryRun bool) (ResetCode, error) {
	u, err := a.findUserByLogin(ctx, admin, login)
	if err != nil {
		return ResetCode{}, err
	}
	if !u.Activated() {
		return ResetCode{}, model.ErrNotActivated
	}
	code, otc, err := a.newResetCode(u.ID)
	if err != nil {
		return ResetCode{}, err
	}
	res := ResetCode{User: u, Code: code, ExpiresAt: otc.ExpiresAt}
	if dryRun {
		res.Code = ""
		return res, nil
	}
	if err := a.store.RevokeCodes(ctx, model.PurposeResetPassword, u.ID); err != nil {
		return ResetCode{}, err
	}
	if err := a.store.PutCode(ctx, otc); err != nil {
		return ResetCode{}, err
	}
	return res, a.audit(ctx, admin, AuditResetCode, u.Login, u.OrgID)
}

// newResetCode draws a reset code for a user and the record that stores its hash.
func (a *App) newResetCode(user model.ID) (string, model.OneTimeCode, error) {
	code, err := model.NewCode(a.random, resetCodeLen)
	if err != nil {
		return "", model.OneTimeCode{}, err
	}
	now := a.now()
	return code, model.OneTimeCode{Hash: model.HashSecret(code), Purpose: model.PurposeResetPassword,
		SubjectID: user, CreatedAt: now, ExpiresAt: now.Add(ResetCodeTTL)}, nil
}

// ResetPassword sets a new password with a reset code from IssueResetCode or a campaign email.
// The code is spent, and every other reset code of the account stops working. A wrong,
// expired or used code is a *model.AccountCodeError.
func (a *App) ResetPassword(ctx context.Context, login, code, password string) (model.User, error) {
	return a.ResetPasswordFrom(ctx, login, code, password, "")
}

// ResetPasswordFrom is ResetPassword for a person at a network address (the web page): wrong
// codes are counted per login and per address, as activation codes are.
func (a *App) ResetPasswordFrom(ctx context.Context, login, code, password, addr string) (model.User, error) {
	login = strings.TrimSpace(login)
	t, err := a.beginAttempt(ctx, attemptReset, login, addr)
	if err != nil {
		return model.User{}, err
	}
	defer t.release()
	refuse := func(reason error) error {
		if !errors.Is(reason, model.ErrCodeUsed) {
			t.fail()
		}
		return &model.AccountCodeError{Login: login, Err: reason}
	}
	u, err := a.store.UserByLogin(ctx, login)
	if errors.Is(err, storage.ErrNotFound) {
		return model.User{}, refuse(model.ErrCodeInvalid)
	} else if err != nil {
		return model.User{}, err
	}
	// The policy is checked before the code is spent, so a refused password leaves the code
	// usable; an unknown login is refused above without telling which policy it would follow.
	if err := a.checkUserPassword(ctx, u, password); err != nil {
		return model.User{}, err
	}
	now := a.now()
	_, err = a.store.SpendCode(ctx, model.PurposeResetPassword, model.HashSecret(model.NormalizeCode(code)),
		func(c model.OneTimeCode) error {
			if c.SubjectID != u.ID {
				return model.ErrCodeInvalid
			}
			if err := c.Check(now); err != nil {
				return err
			}
			if u.Suspended() { // a right code, kept unspent
				return model.ErrSuspended
			}
			return nil
		})
	if errors.Is(err, model.ErrSuspended) {
		t.ok()
		return model.User{}, err
	}
	for _, reason := range []error{model.ErrCodeInvalid, model.ErrCodeExpired, model.ErrCodeUsed} {
		if errors.Is(err, reason) {
			return model.User{}, refuse(reason)
		}
	}
	if errors.Is(err, storage.ErrNotFound) {
		return model.User{}, refuse(model.ErrCodeInvalid)
	} else if err != nil {
		return model.User{}, err
	}
	hash, err := hashPassword(a.argon, a.random, password)
	if err != nil {
		return model.User{}, err
	}
	a.merge.activate.Lock()
	defer a.merge.activate.Unlock()
	if u, err = a.store.User(ctx, u.ID); err != nil { // fresh: an import may have run meanwhile
		return model.User{}, err
	}
	u.PasswordHash, u.UpdatedAt = hash, a.now()
	if _, err := a.applyBatch(ctx, storage.Batch{Users: []model.User{u}}); err != nil {
		return model.User{}, err
	}
	t.ok()
	if _, err := a.store.DeleteUserPersonSessions(ctx, u.ID, ""); err != nil { // a new password signs out every session
		return model.User{}, err
	}
	return u, a.store.RevokeCodes(ctx, model.PurposeResetPassword, u.ID)
}

// checkUserPassword applies the password policy of the user's school and profile.
func (a *App) checkUserPassword(ctx context.Context, u model.User, password string) error {
	pol, err := a.PasswordPolicyOf(ctx, u)
	if err != nil {
		return err
	}
	return pol.Check("password", password).Err()
}

// activationCodeMatches checks a card's code against its account in constant time: nil, or a
// *model.AccountCodeError (invalid for an unknown login or a wrong code, used for an account
// already activated).
func activationCodeMatches(u model.User, found bool, login, code string) error {
	typed := []byte(model.NormalizeCode(code))
	want := []byte(u.ActivationCode)
	if !found || len(want) == 0 {
		want = []byte("--------") // the same comparison, against nothing anyone holds
	}
	same := subtle.ConstantTimeCompare(typed, want) == 1
	switch {
	case !found:
		return &model.AccountCodeError{Login: login, Err: model.ErrCodeInvalid}
	case u.Activated():
		return &model.AccountCodeError{Login: u.Login, Err: model.ErrCodeUsed}
	case u.ActivationCode == "" || !same:
		return &model.AccountCodeError{Login: u.Login, Err: model.ErrCodeInvalid}
	}
	return nil
}
