package tuitest

import (
	"context"
	"testing"

	"rollcall/app"
	"rollcall/model"
	"rollcall/storage/storetest"
	"rollcall/tui/screen"
)

// CheapArgon2 keeps password hashing fast in tests; production uses app.DefaultArgon2.
func CheapArgon2() app.Argon2Params {
	return app.Argon2Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
}

// NewApp opens the application layer over a real bbolt file in t.TempDir() (storetest.Open):
// screens are exercised against the real thing.
func NewApp(t testing.TB) *app.App {
	t.Helper()
	return NewAppWith(t, app.Options{})
}

// NewAppWith is NewApp with options (cheap argon2 unless they set it).
func NewAppWith(t testing.TB, opts app.Options) *app.App {
	t.Helper()
	if opts.Argon2.Memory == 0 {
		opts.Argon2 = CheapArgon2()
	}
	return app.New(storetest.Open(t), opts)
}

// NewSession builds a session speaking lang over a fresh app, signed in as nobody.
func NewSession(t testing.TB, lang model.Language) *screen.Session {
	t.Helper()
	return SessionOver(NewApp(t), lang)
}

// SessionOver builds a session speaking lang over a, signed in as nobody.
func SessionOver(a *app.App, lang model.Language) *screen.Session {
	s := screen.NewSession(context.Background(), a, lang, true)
	s.OSUser, s.Remember, s.Origin = "tester", true, "local:tester"
	return s
}

// Admin is a verified admin created through the app, with the password it signs in with.
type Admin struct {
	Email, Password string
	Admin           model.Admin
	Session         *app.Session
}

// SignUp creates and verifies an admin, then signs them in; acceptTerms records the terms.
func SignUp(t testing.TB, a *app.App, email string, lang model.Language, acceptTerms bool) Admin {
	t.Helper()
	ctx := context.Background()
	const pw = "correct horse 42"
	res, err := a.SignUp(ctx, app.SignUpInput{FullName: "Ada Test", Email: email, EmailConfirm: email,
		Language: lang, Country: "FR"})
	if err != nil {
		t.Fatalf("sign up: %v", err)
	}
	if err := a.CreatePassword(ctx, email, res.Code, pw); err != nil {
		t.Fatalf("create password: %v", err)
	}
	in, err := a.SignIn(ctx, email, pw, "test")
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	if acceptTerms {
		if in.Admin, err = in.Session.AcceptTerms(ctx); err != nil {
			t.Fatalf("accept terms: %v", err)
		}
	}
	return Admin{Email: email, Password: pw, Admin: in.Admin, Session: in.Session}
}
