package app

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"

	"rollcall/model"
	"rollcall/storage"
)

// SignInResult is a new session: Session acts for the admin, Token is its bearer secret (kept by
// the caller, stored only as a hash), Admin who signed in, as they were then.
type SignInResult struct {
	Session *Session
	Token   string
	Admin   model.Admin
}

// SignIn checks an admin's password and opens a session. After repeated failures further attempts
// are refused with *model.ThrottledError until the wait is over, whatever the password, and
// whether or not the email has an account: an unknown email costs the same argon2 work and ends
// "too many attempts" the same way, so neither timing nor wording tells which emails exist. The
// checks of one email run one at a time, the throttle held across each.
func (a *App) SignIn(ctx context.Context, email, password, origin string) (SignInResult, error) {
	email = model.NormalizeEmail(email)
	unlock, err := a.guard.lock(ctx, email)
	if err != nil {
		return SignInResult{}, err
	}
	defer unlock()
	admin, err := a.store.AdminByEmail(ctx, email)
	now := a.now()
	if errors.Is(err, storage.ErrNotFound) {
		if until := a.guard.unknownBlockedUntil(email, a.throttle); now.Before(until) {
			return SignInResult{}, &model.ThrottledError{Until: until}
		}
		_, _ = verifyPassword(a.decoyHash(), password)
		a.guard.unknownFailed(email, a.throttle, now)
		return SignInResult{}, model.ErrInvalidCredentials
	} else if err != nil {
		return SignInResult{}, err
	}
	if until := a.throttle.BlockedUntil(admin.FailedSignIns, admin.LastFailedSignIn); now.Before(until) {
		return SignInResult{}, &model.ThrottledError{Until: until}
	}
	if !admin.Verified() || admin.PasswordHash == "" {
		return SignInResult{}, model.ErrNotVerified
	}
	ok, err := verifyPassword(admin.PasswordHash, password)
	if err != nil {
		return SignInResult{}, fmt.Errorf("sign in: %w", err)
	}
	if !ok {
		// Counted in one transaction: concurrent wrong guesses (several SSH connections) all count.
		if _, err := a.store.UpdateAdminFunc(ctx, admin.ID, func(ad *model.Admin) error {
			ad.FailedSignIns++
			ad.LastFailedSignIn = now
			return nil
		}); err != nil {
			return SignInResult{}, err
		}
		return SignInResult{}, model.ErrInvalidCredentials
	}
	if admin.FailedSignIns != 0 {
		if admin, err = a.store.UpdateAdminFunc(ctx, admin.ID, func(ad *model.Admin) error {
			ad.FailedSignIns, ad.LastFailedSignIn = 0, model.Admin{}.LastFailedSignIn
			return nil
		}); err != nil {
			return SignInResult{}, err
		}
	}
	token, err := a.newToken()
	if err != nil {
		return SignInResult{}, err
	}
	s := model.Session{TokenHash: model.HashSecret(token), AdminID: admin.ID, CreatedAt: now, Origin: origin}
	if err := a.store.PutSession(ctx, s); err != nil {
		return SignInResult{}, err
	}
	return SignInResult{Session: &Session{app: a, token: token}, Token: token, Admin: admin}, nil
}

// decoyHash is a well-formed hash with the live parameters, checked against for emails without
// an account so they cost one argon2 computation like a real check. It is written, not
// computed: computing it would cost a second computation in every short-lived CLI process.
func (a *App) decoyHash() string {
	a.decoyOnce.Do(func() {
		a.decoy = encodeHash(a.argon, make([]byte, max(a.argon.SaltLen, 8)), make([]byte, max(a.argon.KeyLen, 16)))
	})
	return a.decoy
}

func (a *App) newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := io.ReadFull(a.random, b); err != nil {
		return "", fmt.Errorf("session token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// SignOut ends a session. Signing out twice is not an error.
func (a *App) SignOut(ctx context.Context, token string) error {
	err := a.store.DeleteSession(ctx, a.sessionHash(token))
	a.localHandles.Delete(token)
	if errors.Is(err, storage.ErrNotFound) {
		return nil
	}
	return err
}

// sessionHash is the stored key of a session token: its SHA-256, or for a handle LocalSession
// gave, the hash it stands for.
func (a *App) sessionHash(token string) string {
	if h, ok := a.localHandles.Load(token); ok {
		return h.(string)
	}
	return model.HashSecret(token)
}

// RememberLocal keeps the session of the local OS user in the database, so the next `rollcall`
// run on this machine is signed in. Only the token's hash is kept, so neither the file nor a
// backup of it holds a secret that opens a session elsewhere. An empty token forgets it.
func (a *App) RememberLocal(ctx context.Context, osUser, token string) error {
	if token == "" {
		return a.store.SetLocalToken(ctx, osUser, "")
	}
	return a.store.SetLocalToken(ctx, osUser, a.sessionHash(token))
}

// LocalSession returns the remembered session of a local OS user, or ErrNotSignedIn. As the
// database keeps only the session's hash, the session's token is a handle drawn for this
// process: it acts for that session in this process and nowhere else.
func (a *App) LocalSession(ctx context.Context, osUser string) (*Session, error) {
	hash, err := a.store.LocalToken(ctx, osUser)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && hash == "") {
		return nil, model.ErrNotSignedIn
	} else if err != nil {
		return nil, err
	}
	handle, err := a.newToken()
	if err != nil {
		return nil, err
	}
	a.localHandles.Store(handle, hash)
	s, err := a.Session(ctx, handle)
	if err != nil {
		a.localHandles.Delete(handle)
		return nil, err
	}
	return s, nil
}
