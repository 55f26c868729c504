package app

import (
	"context"
	"errors"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// Session is a signed-in admin acting through one face (a CLI run, an SSH connection, a
// console): the only way to act on a school's data. It holds the session's token, never a copy
// of the admin: each operation re-reads the session and the admin before acting, so an admin
// signed out elsewhere, removed from a school or not yet past the terms step is held to it on
// the very next call, whatever a screen still shows.
//
// Get one from SignIn, OpenSession, LocalSession or App.Session(token). A Session is immutable
// and safe to share between goroutines (a screen's commands copy it freely).
type Session struct {
	app   *App
	token string
}

// Session binds a token to the app. It fails with model.ErrNotSignedIn when the token opens no
// session; it does not check the terms step (Admin and AcceptTerms work before it).
func (a *App) Session(ctx context.Context, token string) (*Session, error) {
	s := &Session{app: a, token: token}
	if _, err := s.Admin(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Token is the session's bearer secret, for a face that must hand it on (the local session
// remembered for the OS user).
func (s *Session) Token() string { return s.token }

// Now is the app's clock, for faces that format relative dates.
func (s *Session) Now() time.Time { return s.app.now() }

// Admin re-reads the signed-in admin, or fails with model.ErrNotSignedIn once the session has
// ended (signed out, admin removed).
func (s *Session) Admin(ctx context.Context) (model.Admin, error) {
	if s == nil || s.token == "" {
		return model.Admin{}, model.ErrNotSignedIn
	}
	sess, err := s.app.store.Session(ctx, s.app.sessionHash(s.token))
	if errors.Is(err, storage.ErrNotFound) {
		return model.Admin{}, model.ErrNotSignedIn
	} else if err != nil {
		return model.Admin{}, err
	}
	admin, err := s.app.store.Admin(ctx, sess.AdminID)
	if errors.Is(err, storage.ErrNotFound) {
		return model.Admin{}, model.ErrNotSignedIn
	}
	return admin, err
}

// signedIn is the admin for operations on their own account (SSH keys), allowed before the
// terms step.
func (s *Session) signedIn(ctx context.Context) (model.Admin, error) { return s.Admin(ctx) }

// acting is the admin as the store has them now, for an operation on a school's data: refused
// with model.ErrTermsNotAccepted until the admin confirmed being an adult and accepted the terms.
// Their schools (OrgIDs) are the current ones, so a removal takes effect on the next call.
func (s *Session) acting(ctx context.Context) (model.Admin, error) {
	admin, err := s.Admin(ctx)
	if err != nil {
		return admin, err
	}
	if !admin.AcceptedTerms() {
		return model.Admin{}, model.ErrTermsNotAccepted
	}
	return admin, nil
}

// AcceptTerms records that the admin confirmed being an adult and accepted the terms.
func (s *Session) AcceptTerms(ctx context.Context) (model.Admin, error) {
	admin, err := s.Admin(ctx)
	if err != nil {
		return admin, err
	}
	now := s.app.now()
	return s.app.store.UpdateAdminFunc(ctx, admin.ID, func(admin *model.Admin) error {
		if admin.TermsAcceptedAt.IsZero() {
			admin.TermsAcceptedAt = now
		}
		return nil
	})
}

// SetLanguage changes the admin's UI language.
func (s *Session) SetLanguage(ctx context.Context, lang model.Language) (model.Admin, error) {
	admin, err := s.Admin(ctx)
	if err != nil {
		return admin, err
	}
	if !lang.Valid() {
		return model.Admin{}, &model.ValidationError{Field: "language", Rule: model.RuleLanguage, Value: string(lang)}
	}
	return s.app.store.UpdateAdminFunc(ctx, admin.ID, func(admin *model.Admin) error {
		admin.Language = lang
		return nil
	})
}

// SignOut ends the session. Signing out twice is not an error.
func (s *Session) SignOut(ctx context.Context) error { return s.app.SignOut(ctx, s.token) }
