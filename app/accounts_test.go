package app

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"rollcall/model"
)

func TestSignUpValidatesEveryField(t *testing.T) {
	f := newFixture(t)
	_, err := f.app.SignUp(context.Background(), SignUpInput{FullName: " ", Email: "x@example.fr", EmailConfirm: "y@example.fr", Language: "de", Country: "France"})
	var ves model.ValidationErrors
	if !errors.As(err, &ves) || !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("err = %v, want validation errors", err)
	}
	got := map[string]model.Rule{}
	for _, ve := range ves {
		got[ve.Field] = ve.Rule
	}
	want := map[string]model.Rule{"full_name": model.RuleRequired, "email_confirm": model.RuleEmailMismatch, "language": model.RuleLanguage, "country": model.RuleCountry}
	for field, rule := range want {
		if got[field] != rule {
			t.Errorf("field %s: rule %q, want %q (all: %v)", field, got[field], rule, ves)
		}
	}
	if admins, _ := f.store.ListAdmins(context.Background()); len(admins) != 0 {
		t.Errorf("an invalid signup created %d admins", len(admins))
	}
}

func TestSignUpVerifySignInSignOut(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	res, err := f.app.SignUp(ctx, SignUpInput{FullName: "Marie  Curie", Email: " Marie@Example.FR ", EmailConfirm: "marie@example.fr", Language: model.French, Country: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Emailed || len(model.NormalizeCode(res.Code)) != 8 {
		t.Fatalf("without a notifier the code must be returned: %+v", res)
	}
	if _, err := f.app.SignIn(ctx, "marie@example.fr", "whatever1", "test"); !errors.Is(err, model.ErrNotVerified) {
		t.Errorf("sign-in before verification: %v, want ErrNotVerified", err)
	}
	if _, err := f.app.SignUp(ctx, SignUpInput{FullName: "Other", Email: "MARIE@example.fr", EmailConfirm: "marie@example.fr", Language: model.English, Country: "GB"}); !errors.Is(err, model.ErrEmailTaken) {
		t.Errorf("duplicate signup: %v, want ErrEmailTaken", err)
	}
	// The code is typed in lower case with a stray space: still accepted.
	if err := f.app.CreatePassword(ctx, "marie@example.fr", " "+strings.ToLower(res.Code), "radium88"); err != nil {
		t.Fatal(err)
	}
	if err := f.app.CreatePassword(ctx, "marie@example.fr", res.Code, "radium88"); !errors.Is(err, model.ErrAlreadyVerified) {
		t.Errorf("reusing the code: %v", err)
	}
	admin, _ := f.store.AdminByEmail(ctx, "marie@example.fr")
	if !strings.HasPrefix(admin.PasswordHash, "$argon2id$v=19$") || strings.Contains(admin.PasswordHash, "radium88") {
		t.Errorf("password stored as %q, want an argon2id hash", admin.PasswordHash)
	}
	if admin.FullName != "Marie Curie" || admin.Country != "FR" {
		t.Errorf("admin = %+v", admin)
	}

	if _, err := f.app.SignIn(ctx, "marie@example.fr", "wrong-password1", "test"); !errors.Is(err, model.ErrInvalidCredentials) {
		t.Errorf("wrong password: %v", err)
	}
	if _, err := f.app.SignIn(ctx, "nobody@example.fr", "radium88", "test"); !errors.Is(err, model.ErrInvalidCredentials) {
		t.Errorf("unknown email must look like a wrong password: %v", err)
	}
	s, err := f.app.SignIn(ctx, "MARIE@example.fr", "radium88", "test")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Session.Admin(ctx)
	if err != nil || got.ID != admin.ID {
		t.Fatalf("Session.Admin = %v, %v", got.ID, err)
	}
	if err := f.app.SignOut(ctx, s.Token); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session.Admin(ctx); !errors.Is(err, model.ErrNotSignedIn) {
		t.Errorf("after sign-out: %v, want ErrNotSignedIn", err)
	}
}

func TestVerificationCodeExpiresAndResendRevokes(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	first, err := f.app.SignUp(ctx, SignUpInput{FullName: "A", Email: "a@example.fr", EmailConfirm: "a@example.fr", Language: model.English, Country: "GB"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := f.app.ResendVerification(ctx, "a@example.fr")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.app.CreatePassword(ctx, "a@example.fr", first.Code, "password1"); !errors.Is(err, model.ErrCodeUsed) {
		t.Errorf("a code replaced by a resend: %v, want ErrCodeUsed", err)
	}
	f.clock.Advance(49 * time.Hour)
	if err := f.app.CreatePassword(ctx, "a@example.fr", second.Code, "password1"); !errors.Is(err, model.ErrCodeExpired) {
		t.Errorf("an expired code: %v, want ErrCodeExpired", err)
	}
	if err := f.app.CheckVerification(ctx, "a@example.fr", "ZZZZ-ZZZZ", "password1"); !errors.Is(err, model.ErrCodeInvalid) {
		t.Errorf("an unknown code: %v, want ErrCodeInvalid", err)
	}
}

func TestCodeOfAnotherAdminIsRefused(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, _ := f.app.SignUp(ctx, SignUpInput{FullName: "A", Email: "a@example.fr", EmailConfirm: "a@example.fr", Language: model.English, Country: "GB"})
	if _, err := f.app.SignUp(ctx, SignUpInput{FullName: "B", Email: "b@example.fr", EmailConfirm: "b@example.fr", Language: model.English, Country: "GB"}); err != nil {
		t.Fatal(err)
	}
	if err := f.app.CreatePassword(ctx, "b@example.fr", a.Code, "password1"); !errors.Is(err, model.ErrCodeInvalid) {
		t.Errorf("A's code used for B: %v, want ErrCodeInvalid", err)
	}
	if err := f.app.CreatePassword(ctx, "a@example.fr", a.Code, "password1"); err != nil {
		t.Errorf("A's code must still work for A: %v", err)
	}
}

func TestRepeatedFailuresSlowSignInDown(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.verifiedAdmin(t, "a@example.fr", "password1")
	for i := 0; i < 3; i++ {
		if _, err := f.app.SignIn(ctx, "a@example.fr", "bad", "test"); !errors.Is(err, model.ErrInvalidCredentials) {
			t.Fatalf("failure %d: %v", i+1, err)
		}
	}
	_, err := f.app.SignIn(ctx, "a@example.fr", "password1", "test")
	var te *model.ThrottledError
	if !errors.As(err, &te) {
		t.Fatalf("after 3 failures even the right password must wait: %v", err)
	}
	if wait := te.RetryAfter(f.clock.Now()); wait != 2*time.Second {
		t.Errorf("wait = %v, want 2s", wait)
	}
	f.clock.Advance(2 * time.Second)
	if _, err := f.app.SignIn(ctx, "a@example.fr", "password1", "test"); err != nil {
		t.Fatalf("after the wait: %v", err)
	}
	admin, _ := f.store.AdminByEmail(ctx, "a@example.fr")
	if admin.FailedSignIns != 0 {
		t.Errorf("a success must reset the failures, got %d", admin.FailedSignIns)
	}
}

func TestTermsAndLanguageAndLocalSession(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := f.verifiedAdmin(t, "a@example.fr", "password1")
	if admin.AcceptedTerms() {
		t.Fatal("terms accepted before asking")
	}
	sess := f.session(t, admin)
	if _, err := sess.ListOrgs(ctx); !errors.Is(err, model.ErrTermsNotAccepted) {
		t.Errorf("ListOrgs before the terms step = %v, want ErrTermsNotAccepted", err)
	}
	admin, err := sess.AcceptTerms(ctx)
	if err != nil || !admin.TermsAcceptedAt.Equal(f.clock.Now()) {
		t.Errorf("AcceptTerms = %v, %v; want the clock's time", admin.TermsAcceptedAt, err)
	}
	if _, err := sess.ListOrgs(ctx); err != nil {
		t.Errorf("ListOrgs after the terms step = %v", err)
	}
	if _, err := sess.SetLanguage(ctx, "de"); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("SetLanguage(de) = %v", err)
	}
	if admin, _ = sess.SetLanguage(ctx, model.English); admin.Language != model.English {
		t.Errorf("language = %s", admin.Language)
	}
	if _, err := f.app.LocalSession(ctx, "alice"); !errors.Is(err, model.ErrNotSignedIn) {
		t.Errorf("no remembered session: %v", err)
	}
	s, err := f.app.SignIn(ctx, "a@example.fr", "password1", "local:alice")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.app.RememberLocal(ctx, "alice", s.Token); err != nil {
		t.Fatal(err)
	}
	local, err := f.app.LocalSession(ctx, "alice")
	if err != nil {
		t.Fatalf("LocalSession = %v", err)
	}
	if got, err := local.Admin(ctx); err != nil || got.ID != admin.ID {
		t.Errorf("LocalSession's admin = %v %v", got.ID, err)
	}
	token := local.Token()
	if kept, _ := f.store.LocalToken(ctx, "alice"); kept != model.HashSecret(s.Token) {
		t.Errorf("the database keeps %q for alice, want only the token's hash", kept)
	}
	if err := f.app.SignOut(ctx, token); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session.Admin(ctx); !errors.Is(err, model.ErrNotSignedIn) {
		t.Errorf("signing out through the handle left the session open: %v", err)
	}
	if _, err := f.app.LocalSession(ctx, "bob"); !errors.Is(err, model.ErrNotSignedIn) {
		t.Errorf("another OS user must not share the session: %v", err)
	}
}

func TestPasswordHashRoundTripWithProductionParameters(t *testing.T) {
	h, err := hashPassword(DefaultArgon2, bytes.NewReader(bytes.Repeat([]byte{7}, 16)), "Élodie2026")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=1,p=2$") {
		t.Errorf("hash = %q", h)
	}
	for pw, want := range map[string]bool{"Élodie2026": true, "elodie2026": false, "": false} {
		if ok, err := verifyPassword(h, pw); ok != want || err != nil {
			t.Errorf("verify(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	if _, err := verifyPassword("$argon2i$v=19$m=1,t=1,p=1$AA$AA", "x"); err == nil {
		t.Error("a foreign hash format must be refused")
	}
}
