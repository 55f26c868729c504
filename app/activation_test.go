package app

import (
	"context"
	"errors"
	"testing"
	"time"

	"rollcall/model"
)

// firstUser returns the first user of a selection.
func firstUser(t *testing.T, f *fixture, admin model.Admin, sel model.Selection) model.User {
	t.Helper()
	users := selectedUsers(t, f, admin, sel)
	if len(users) == 0 {
		t.Fatalf("nobody matches %+v", sel)
	}
	return users[0]
}

func isCodeError(t *testing.T, what string, err, reason error) {
	t.Helper()
	var ce *model.AccountCodeError
	if !errors.As(err, &ce) || !errors.Is(err, reason) {
		t.Errorf("%s: %v, want an AccountCodeError for %v", what, err, reason)
	}
}

func TestActivateSpendsTheCardCode(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	u := firstUser(t, f, admin, model.Selection{Activation: model.TriNo})
	code := model.FormatCode(u.ActivationCode)

	_, err := f.app.Activate(ctx, u.Login, "ABCD-EFGH", "motdepasse1")
	isCodeError(t, "wrong code", err, model.ErrCodeInvalid)
	_, err = f.app.Activate(ctx, "nobody.here", code, "motdepasse1")
	isCodeError(t, "unknown login", err, model.ErrCodeInvalid)
	if _, err := f.app.Activate(ctx, u.Login, code, "short"); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("weak password: %v, want a validation error", err)
	}

	got, err := f.app.Activate(ctx, " "+u.Login+" ", " "+lower(code)+" ", "motdepasse1")
	if err != nil {
		t.Fatalf("activate with the card's code (typed in lower case): %v", err)
	}
	if !got.Activated() || got.ActivationCode != "" || got.PasswordHash == "" {
		t.Fatalf("after activation: %+v", got)
	}
	stored, err := f.store.User(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := verifyPassword(stored.PasswordHash, "motdepasse1"); !ok || err != nil || !stored.Activated() {
		t.Errorf("stored user: activated %v, password ok %v (%v)", stored.Activated(), ok, err)
	}
	_, err = f.app.Activate(ctx, u.Login, code, "autremotdepasse2")
	isCodeError(t, "the same code again", err, model.ErrCodeUsed)
	page, err := f.app.findUsers(ctx, admin, model.Selection{Text: u.Login, Activation: model.TriYes}, 0, 10)
	if err != nil || page.Total != 1 {
		t.Errorf("the directory does not list %s as activated: %+v, %v", u.Login, page, err)
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func TestResetCodesAreSingleUseAndExpire(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	u := firstUser(t, f, admin, model.Selection{Activation: model.TriYes})
	notYet := firstUser(t, f, admin, model.Selection{Activation: model.TriNo})
	if _, err := f.app.issueResetCode(ctx, admin, notYet.Login, false); !errors.Is(err, model.ErrNotActivated) {
		t.Errorf("reset code for an account never activated: %v", err)
	}

	dry, err := f.app.issueResetCode(ctx, admin, u.Login, true)
	if err != nil || dry.Code != "" {
		t.Fatalf("dry run: %+v, %v; want no code", dry, err)
	}
	first, err := f.app.issueResetCode(ctx, admin, u.Login, false)
	if err != nil || len(first.Code) != 8 || !first.ExpiresAt.Equal(f.clock.Now().Add(ResetCodeTTL)) {
		t.Fatalf("issue: %+v, %v", first, err)
	}
	second, err := f.app.issueResetCode(ctx, admin, u.Login, false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.app.ResetPassword(ctx, u.Login, first.Code, "nouveau1mdp")
	isCodeError(t, "a code replaced by a newer one", err, model.ErrCodeUsed)
	other := selectedUsers(t, f, admin, model.Selection{Activation: model.TriYes})[1]
	_, err = f.app.ResetPassword(ctx, other.Login, second.Code, "nouveau1mdp")
	isCodeError(t, "another person's code", err, model.ErrCodeInvalid)

	if _, err := f.app.ResetPassword(ctx, u.Login, model.FormatCode(second.Code), "nouveau1mdp"); err != nil {
		t.Fatalf("reset with the latest code: %v", err)
	}
	stored, _ := f.store.User(ctx, u.ID)
	if ok, _ := verifyPassword(stored.PasswordHash, "nouveau1mdp"); !ok {
		t.Error("the new password does not verify")
	}
	_, err = f.app.ResetPassword(ctx, u.Login, second.Code, "encore1autre")
	isCodeError(t, "a spent code", err, model.ErrCodeUsed)

	third, err := f.app.issueResetCode(ctx, admin, u.Login, false)
	if err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(ResetCodeTTL + time.Minute)
	_, err = f.app.ResetPassword(ctx, u.Login, third.Code, "encore1autre")
	isCodeError(t, "an expired code", err, model.ErrCodeExpired)
	_, err = f.app.ResetPassword(ctx, u.Login, "ZZZZ-ZZZZ", "encore1autre")
	isCodeError(t, "a code never issued", err, model.ErrCodeInvalid)
}
