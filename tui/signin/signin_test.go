package signin

import (
	"context"
	"regexp"
	"testing"

	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/mailmerge/smtptest"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

func focused(m *Model) string {
	if m.focus != focusForm || m.form.State != huh.StateNormal {
		return "busy"
	}
	return m.form.GetFocusedField().GetKey()
}

// submitPassword types a password into the focused password field and waits for the answer.
func submitPassword(d *tuitest.Driver, m *Model, pw string) {
	d.T().Helper()
	d.WaitFor("the password field", func() bool { return focused(m) == fieldPassword })
	d.Type(pw)
	d.Press("enter")
	d.WaitFor("the sign-in to start", func() bool { return focused(m) != fieldPassword })
	d.WaitFor("the sign-in answer", func() bool { return m.focus == focusForm })
}

func TestPrefilledEmailSignsIn(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", model.English, false)
	m := New(sess, screen.SignInArgs{Email: ad.Email, Verified: true})
	d := tuitest.ForScreen(t, m, 80, 24)
	d.WaitView("Password created. You can sign in now.", "ada@example.org")
	d.WaitFor("the password field", func() bool { return focused(m) == fieldPassword })
	d.Type(ad.Password)
	d.Press("enter")
	got := tuitest.Await[screen.SignedInMsg](d)
	if got.Session == nil || got.Admin.Email != ad.Email {
		t.Fatalf("signed in as %+v", got)
	}
	if a, err := got.Session.Admin(context.Background()); err != nil || a.ID != ad.Admin.ID {
		t.Errorf("the token does not open the admin's session: %v", err)
	}
}

func TestWrongPasswordThenThrottle(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.French)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", model.French, false)
	m := New(sess, screen.SignInArgs{})
	d := tuitest.ForScreen(t, m, 80, 24)
	d.Type(ad.Email)
	d.Press("enter")
	submitPassword(d, m, "wrong-1")
	d.WaitView("Courriel ou mot de passe incorrect.")
	if m.email != ad.Email || m.password != "" {
		t.Errorf("after a failure email = %q, password = %q: want the email kept, the password cleared", m.email, m.password)
	}
	// Three failures are free; the fourth starts the wait.
	for _, pw := range []string{"wrong-2", "wrong-3", "wrong-4"} {
		submitPassword(d, m, pw)
	}
	d.WaitView("Trop d'essais infructueux. Réessayez dans")
	for _, e := range d.Emitted {
		if _, ok := e.(screen.SignedInMsg); ok {
			t.Fatal("signed in with a wrong password")
		}
	}
}

func TestUnverifiedAccountCanGetANewCode(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	if _, err := sess.App.SignUp(context.Background(), app.SignUpInput{FullName: "Ada", Email: "ada@example.org",
		EmailConfirm: "ada@example.org", Language: model.English, Country: "FR"}); err != nil {
		t.Fatal(err)
	}
	m := New(sess, screen.SignInArgs{Email: "ada@example.org"})
	d := tuitest.ForScreen(t, m, 80, 24)
	submitPassword(d, m, "whatever1")
	d.WaitView("This account has no password yet")
	if h := m.ShortHelp(); len(h) == 0 || h[len(h)-1].Help().Desc != "new code" {
		t.Errorf("the help does not offer a new code: %v", h)
	}
	d.Press("ctrl+r")
	nav := tuitest.Await[screen.NavigateMsg](d)
	res, ok := nav.Arg.(app.SignUpResult)
	if nav.Route != screen.RouteVerify || !ok || res.Code == "" {
		t.Fatalf("navigated to %+v, want the verify screen with a new code", nav)
	}
}

// An admin who forgot their password asks for a code from the sign-in screen (ctrl+f), types
// the emailed code and a new password, and signs in with it.
func TestForgottenPasswordFromTheSignInScreen(t *testing.T) {
	t.Parallel()
	texts := app.NotifierTexts{AdminReset: func(_ model.Language, code string) (string, string) { return "Reset", "Code: " + code }}
	sess := tuitest.SessionOver(tuitest.NewAppWith(t, app.Options{MailTexts: &texts}), model.English)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", model.English, true)
	ctx := context.Background()
	org, err := ad.Session.CreateOrg(ctx, model.Organization{Name: "École X", City: "Lyon", Country: "FR"}, false)
	if err != nil {
		t.Fatal(err)
	}
	srv := smtptest.Start(t, smtptest.Options{})
	host, port, sec, from := srv.Host(), srv.Port(), "none", "it@x.example"
	if _, err := ad.Session.SetMailSettings(ctx, org.ID, app.MailSettingsChange{Host: &host, Port: &port, Security: &sec, From: &from}, false); err != nil {
		t.Fatal(err)
	}
	m := New(sess, screen.SignInArgs{Email: ad.Email})
	d := tuitest.ForScreen(t, m, 100, 30)
	d.WaitFor("the password field", func() bool { return focused(m) == fieldPassword })
	d.Press("ctrl+f")
	d.WaitView("a reset code is on its way")
	d.WaitFor("the code field", func() bool { return focused(m) == "code" })
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d emails", len(msgs))
	}
	code := regexp.MustCompile(`[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}`).FindString(msgs[0].Text)
	d.Type(code)
	d.Press("enter")
	d.WaitFor("the new password field", func() bool { return focused(m) == fieldPassword })
	d.Type("nouveau2mdp")
	d.Press("enter")
	d.WaitFor("the confirmation", func() bool { return focused(m) == "again" })
	d.Type("nouveau2mdp")
	d.Press("enter")
	d.WaitView("Your password is changed")
	d.WaitFor("the password field", func() bool { return focused(m) == fieldPassword })
	d.Type("nouveau2mdp")
	d.Press("enter")
	got := tuitest.Await[screen.SignedInMsg](d)
	if got.Admin.Email != ad.Email {
		t.Fatalf("signed in as %+v", got)
	}
}
