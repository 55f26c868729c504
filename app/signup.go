package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"rollcall/model"
	"rollcall/storage"
)

// SignUpInput is what the signup form collects.
type SignUpInput struct {
	FullName     string
	Email        string
	EmailConfirm string
	Language     model.Language
	Country      string
}

// Validate returns every problem of the form at once.
func (in SignUpInput) Validate() model.ValidationErrors {
	var errs model.ValidationErrors
	name := model.CleanName(in.FullName)
	switch {
	case name == "":
		errs = append(errs, &model.ValidationError{Field: "full_name", Rule: model.RuleRequired})
	case utf8.RuneCountInString(name) > model.MaxNameLength:
		errs = append(errs, &model.ValidationError{Field: "full_name", Rule: model.RuleTooLong})
	}
	email := model.NormalizeEmail(in.Email)
	switch {
	case email == "":
		errs = append(errs, &model.ValidationError{Field: "email", Rule: model.RuleRequired})
	case !model.ValidEmail(email):
		errs = append(errs, &model.ValidationError{Field: "email", Rule: model.RuleEmail, Value: in.Email})
	case model.NormalizeEmail(in.EmailConfirm) != email:
		errs = append(errs, &model.ValidationError{Field: "email_confirm", Rule: model.RuleEmailMismatch})
	}
	if !in.Language.Valid() {
		errs = append(errs, &model.ValidationError{Field: "language", Rule: model.RuleLanguage, Value: string(in.Language)})
	}
	if !model.ValidCountry(in.Country) {
		errs = append(errs, &model.ValidationError{Field: "country", Rule: model.RuleCountry, Value: in.Country})
	}
	return errs
}

// SignUpResult says where the verification code went. Code is set only when it was not emailed,
// so the caller can show it to the admin; it is never logged.
type SignUpResult struct {
	AdminID   model.ID
	Email     string
	Code      string
	ExpiresAt time.Time
	Emailed   bool
}

// SignUp creates an unverified admin and issues a single-use verification code. The first admin
// of a store administers every organization already in it (the demo school, say).
func (a *App) SignUp(ctx context.Context, in SignUpInput) (SignUpResult, error) {
	if err := in.Validate().Err(); err != nil {
		return SignUpResult{}, err
	}
	admin := model.Admin{
		FullName:  model.CleanName(in.FullName),
		Email:     model.NormalizeEmail(in.Email),
		Language:  in.Language,
		Country:   strings.ToUpper(strings.TrimSpace(in.Country)),
		CreatedAt: a.now(),
	}
	// The store decides who is first, in its transaction: several processes may sign up at once.
	if err := a.store.SignUpAdmin(ctx, &admin); err != nil {
		if errors.Is(err, storage.ErrConflict) {
			return SignUpResult{}, model.ErrEmailTaken
		}
		return SignUpResult{}, fmt.Errorf("sign up: %w", err)
	}
	return a.issueVerification(ctx, admin)
}

// ResendVerification issues a fresh code for an admin who has not verified yet; older codes stop
// working.
func (a *App) ResendVerification(ctx context.Context, email string) (SignUpResult, error) {
	admin, err := a.store.AdminByEmail(ctx, model.NormalizeEmail(email))
	if err != nil {
		return SignUpResult{}, err
	}
	if admin.Verified() {
		return SignUpResult{}, model.ErrAlreadyVerified
	}
	return a.issueVerification(ctx, admin)
}

func (a *App) issueVerification(ctx context.Context, admin model.Admin) (SignUpResult, error) {
	if err := a.store.RevokeCodes(ctx, model.PurposeVerifyEmail, admin.ID); err != nil {
		return SignUpResult{}, err
	}
	code, err := model.NewCode(a.random, 8)
	if err != nil {
		return SignUpResult{}, err
	}
	now := a.now()
	otc := model.OneTimeCode{Hash: model.HashSecret(code), Purpose: model.PurposeVerifyEmail,
		SubjectID: admin.ID, CreatedAt: now, ExpiresAt: now.Add(a.codeTTL)}
	if err := a.store.PutCode(ctx, otc); err != nil {
		return SignUpResult{}, err
	}
	res := SignUpResult{AdminID: admin.ID, Email: admin.Email, ExpiresAt: otc.ExpiresAt}
	if a.notifier != nil {
		if err := a.notifier.SendVerification(ctx, admin.Email, admin.Language, model.FormatCode(code)); err == nil {
			res.Emailed = true
			return res, nil
		}
		// Sending failed: fall back to showing the code so the admin is never stuck.
	}
	res.Code = model.FormatCode(code)
	return res, nil
}

// CreatePassword verifies the admin's email with the code and sets their first password, as a
// "create your password" link does. A code is spent once; 30^8 codes make guessing hopeless.
func (a *App) CreatePassword(ctx context.Context, email, code, password string) error {
	return a.createPassword(ctx, email, code, password, false)
}

// CheckVerification tells whether CreatePassword would succeed, without spending the code.
func (a *App) CheckVerification(ctx context.Context, email, code, password string) error {
	return a.createPassword(ctx, email, code, password, true)
}

// errDryRun aborts a store transaction after every check passed.
var errDryRun = errors.New("dry run")

// The password must follow the admin's policy (adminPasswordPolicy): the default is checked
// first, the admin's schools' own once the code is known to be right.
func (a *App) createPassword(ctx context.Context, email, code, password string, dryRun bool) error {
	if err := model.DefaultPasswordPolicy.Check("password", password).Err(); err != nil {
		return err
	}
	admin, err := a.store.AdminByEmail(ctx, model.NormalizeEmail(email))
	if errors.Is(err, storage.ErrNotFound) {
		return model.ErrCodeInvalid
	} else if err != nil {
		return err
	}
	if admin.Verified() {
		return model.ErrAlreadyVerified
	}
	pol, err := a.adminPasswordPolicy(ctx, admin) // an invited admin has their school already
	if err != nil {
		return err
	}
	var broken error
	policy := adminPasswordCheck(pol, password, &broken)
	now := a.now()
	_, err = a.store.SpendCode(ctx, model.PurposeVerifyEmail, model.HashSecret(model.NormalizeCode(code)),
		func(c model.OneTimeCode) error {
			if c.SubjectID != admin.ID {
				return model.ErrCodeInvalid
			}
			if err := c.Check(now); err != nil {
				return err
			}
			if err := policy(); err != nil {
				return err
			}
			if dryRun {
				return errDryRun
			}
			return nil
		})
	switch {
	case broken != nil:
		return broken
	case dryRun && errors.Is(err, errDryRun):
		return nil
	case errors.Is(err, storage.ErrNotFound):
		return model.ErrCodeInvalid
	case err != nil:
		return err
	}
	hash, err := hashPassword(a.argon, a.random, password)
	if err != nil {
		return err
	}
	_, err = a.store.UpdateAdminFunc(ctx, admin.ID, func(fresh *model.Admin) error {
		fresh.PasswordHash, fresh.VerifiedAt = hash, now
		return nil
	})
	return err
}

// LanguageOf is the language the admin of email chose at signup, so that messages meant for
// them before they sign in (the CLI's verify) speak it; empty when there is no such admin.
func (a *App) LanguageOf(ctx context.Context, email string) model.Language {
	admin, err := a.store.AdminByEmail(ctx, model.NormalizeEmail(email))
	if err != nil {
		return ""
	}
	return admin.Language
}
