package verify

import (
	"context"
	"strings"
	"testing"

	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

func signUp(t *testing.T, sess *screen.Session) app.SignUpResult {
	t.Helper()
	res, err := sess.App.SignUp(context.Background(), app.SignUpInput{FullName: "Ada", Email: "ada@example.org",
		EmailConfirm: "ada@example.org", Language: sess.Cat.Lang, Country: "FR"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func focused(m *Model) string {
	if m.focus != focusForm || m.form.State != huh.StateNormal {
		return "busy"
	}
	return m.form.GetFocusedField().GetKey()
}

func fill(d *tuitest.Driver, m *Model, value string) {
	d.T().Helper()
	before := focused(m)
	d.Type(value)
	d.Press("enter")
	d.WaitFor("the form to move past "+before, func() bool { return focused(m) != before })
}

func TestShowsTheCodeAndCreatesThePassword(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	res := signUp(t, sess)
	m := New(sess, res)
	d := tuitest.ForScreen(t, m, 90, 30)
	d.WaitView("here is your verification code for", "ada@example.org", res.Code, "It works once, until",
		"At least 8 characters, with a letter and a digit", "your schools may ask")
	fill(d, m, strings.ToLower(res.Code))
	fill(d, m, "secret123")
	fill(d, m, "secret123")
	nav := tuitest.Await[screen.NavigateMsg](d)
	args, _ := nav.Arg.(screen.SignInArgs)
	if nav.Route != screen.RouteSignIn || nav.Mode != screen.Replace || args != (screen.SignInArgs{Email: "ada@example.org", Verified: true}) {
		t.Fatalf("navigated to %+v, want sign-in with the email prefilled", nav)
	}
	if _, err := sess.App.SignIn(context.Background(), "ada@example.org", "secret123", "test"); err != nil {
		t.Errorf("the new password does not sign in: %v", err)
	}
}

func TestPasswordRulesAndMismatchAreShownInline(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.French)
	res := signUp(t, sess)
	m := New(sess, res)
	d := tuitest.ForScreen(t, m, 90, 30)
	fill(d, m, res.Code)
	d.Type("abcdefgh")
	d.Press("enter")
	d.WaitView("Mot de passe doit contenir au moins un chiffre")
	d.Type("1")
	d.Press("enter")
	d.WaitFor("the confirmation field", func() bool { return focused(m) == fieldPasswordConfirm })
	d.Type("abcdefgh2")
	d.Press("enter")
	d.WaitView("Mot de passe (confirmation) ne correspond pas au mot de passe")
}

func TestWrongCodeThenResend(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	res := signUp(t, sess)
	m := New(sess, res)
	d := tuitest.ForScreen(t, m, 90, 30)
	fill(d, m, "ZZZZ-ZZZZ")
	fill(d, m, "secret123")
	fill(d, m, "secret123")
	d.WaitView("This code is not valid for this email.", "Verification code")

	d.Press("ctrl+r")
	d.WaitView("A new code was issued")
	if m.res.Code == "" || m.res.Code == res.Code {
		t.Fatalf("code after resend = %q, want a new one (old %q)", m.res.Code, res.Code)
	}
	if !strings.Contains(d.View(), m.res.Code) {
		t.Errorf("the new code is not shown:\n%s", d.View())
	}
	if err := sess.App.CheckVerification(context.Background(), res.Email, res.Code, "secret123"); err == nil {
		t.Errorf("the first code still works after a resend")
	}
}

func TestEmailedCodeIsNotShown(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	res := app.SignUpResult{Email: "ada@example.org", Emailed: true, ExpiresAt: sess.App.Now()}
	d := tuitest.ForScreen(t, New(sess, res), 90, 30)
	d.WaitView("We sent a verification code to ada@example.org.")
	if strings.Contains(d.View(), "here is your verification code") {
		t.Errorf("an emailed code must not be announced as shown:\n%s", d.View())
	}
}

// An invited admin's password follows the staff policy of the school they join: the console
// says the school's rule once the code is right, and the code still works after.
func TestInvitedAdminFollowsTheSchoolsPolicy(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	ctx := context.Background()
	first := signUp(t, sess)
	if err := sess.App.CreatePassword(ctx, first.Email, first.Code, "secret123"); err != nil {
		t.Fatal(err)
	}
	as, err := sess.App.OpenSession(ctx, first.AdminID, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := as.AcceptTerms(ctx); err != nil {
		t.Fatal(err)
	}
	org, err := as.CreateOrg(ctx, model.Organization{Name: "École X", Country: "FR"}, false)
	if err != nil {
		t.Fatal(err)
	}
	strict := model.PasswordPolicy{MinLength: 12, Classes: model.CharClasses(model.ClassUpper | model.ClassDigit)}
	if _, err := as.SetPasswordPolicy(ctx, org.ID, model.Staff, strict, false); err != nil {
		t.Fatal(err)
	}
	inv, err := as.Invite(ctx, app.InviteInput{OrgID: org.ID, Email: "carl@example.org"}, false)
	if err != nil {
		t.Fatal(err)
	}
	res, err := sess.App.SignUpInvited(ctx, app.SignUpInput{FullName: "Carl", Email: "carl@example.org",
		EmailConfirm: "carl@example.org", Language: model.English, Country: "FR"}, inv.Code)
	if err != nil {
		t.Fatal(err)
	}
	m := New(sess, res)
	d := tuitest.ForScreen(t, m, 100, 30)
	fill(d, m, res.Code)
	fill(d, m, "secret456")
	fill(d, m, "secret456")
	d.WaitView("Password needs at least 12 characters", "upper-case")
	if err := sess.App.CheckVerification(ctx, res.Email, res.Code, "Secret456789"); err != nil {
		t.Errorf("the code after a refused password: %v", err)
	}
}
