package signup

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

// focus names the focused field, or the step once the form is gone, so a test can wait for
// Huh to move on before typing the next value.
func focus(m *Model) func() string {
	return func() string {
		if m.step == stepSending || m.form.State != huh.StateNormal {
			return "done"
		}
		return m.form.GetFocusedField().GetKey()
	}
}

// fill types a value into the focused field, presses enter and waits for the focus to move.
func fill(d *tuitest.Driver, m *Model, value string) {
	d.T().Helper()
	before := focus(m)()
	d.Type(value)
	d.Press("enter")
	d.WaitFor("the form to move past "+before, func() bool { return focus(m)() != before })
}

func TestSignUpInFrenchSwitchesTheUIAndOpensVerify(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 80, 30)
	d.WaitView("Create your admin account", "Language", "Français", "English")
	d.Press("up") // English is preselected; Français is above it
	fill(d, m, "")
	if sess.Cat.Lang != model.French {
		t.Fatalf("session language = %s after choosing Français", sess.Cat.Lang)
	}
	d.WaitView("Créez votre compte administrateur", "Nom complet", "Pays", "Courriel (confirmation)")
	fill(d, m, "Marie Curie")
	fill(d, m, "fr")
	fill(d, m, "Marie@Example.org")
	fill(d, m, "marie@example.org")
	fill(d, m, "") // no invitation code

	nav := tuitest.Await[screen.NavigateMsg](d)
	res, ok := nav.Arg.(app.SignUpResult)
	if nav.Route != screen.RouteVerify || nav.Mode != screen.Replace || !ok {
		t.Fatalf("navigated to %+v, want the verify screen replacing signup", nav)
	}
	if res.Email != "marie@example.org" || res.Code == "" || res.Emailed {
		t.Errorf("result = %+v, want the normalized email and a code to show", res)
	}
}

func TestValidationInTheChosenLanguage(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.French)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 80, 30)
	fill(d, m, "") // Français, preselected
	fill(d, m, "Marie Curie")
	d.Type("F1")
	d.Press("enter")
	d.WaitView("Pays doit être un code pays à deux lettres")
	if got := focus(m)(); got != fieldCountry {
		t.Fatalf("focus moved to %q with an invalid country", got)
	}
	d.Press("backspace")
	d.Press("backspace")
	fill(d, m, "BE")
	fill(d, m, "marie@example.org")
	d.Type("other@example.org")
	d.Press("enter")
	d.WaitView("Courriel (confirmation) ne correspond pas au courriel")
}

func TestEmailTakenShowsTheErrorAndKeepsTheForm(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	ctx := context.Background()
	if _, err := sess.App.SignUp(ctx, app.SignUpInput{FullName: "First", Email: "a@example.org",
		EmailConfirm: "a@example.org", Language: model.English, Country: "FR"}); err != nil {
		t.Fatal(err)
	}
	m := New(sess)
	d := tuitest.ForScreen(t, m, 80, 30)
	fill(d, m, "")
	fill(d, m, "Second")
	fill(d, m, "FR")
	fill(d, m, "a@example.org")
	fill(d, m, "a@example.org")
	fill(d, m, "") // no invitation code
	d.WaitView("An account with this email already exists: sign in instead.", "Full name")
	if m.step != stepDetails || m.in.FullName != "Second" {
		t.Errorf("step = %v, name = %q: want the details form again with the values kept", m.step, m.in.FullName)
	}
	for _, e := range d.Emitted {
		if nav, ok := e.(screen.NavigateMsg); ok {
			t.Errorf("navigated to %+v after a refused signup", nav)
		}
	}
	if !strings.Contains(d.View(), "Second") {
		t.Errorf("the typed name is gone:\n%s", d.View())
	}
}

// TestSignUpWithAnInvitationCode: the new admin administers the invitation's school, and a
// wrong code brings the form back with the reason.
func TestSignUpWithAnInvitationCode(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	ctx := context.Background()
	ada := tuitest.SignUp(t, sess.App, "ada@example.org", model.English, true)
	org, err := ada.Session.CreateOrg(ctx, model.Organization{Name: "École Jaurès", Country: "FR"}, false)
	if err != nil {
		t.Fatal(err)
	}
	ada.Admin, _ = ada.Session.Admin(ctx)
	inv, err := ada.Session.Invite(ctx, app.InviteInput{Email: "paul@example.org"}, false)
	if err != nil {
		t.Fatal(err)
	}
	m := New(sess)
	d := tuitest.ForScreen(t, m, 80, 30)
	fill(d, m, "")
	fill(d, m, "Paul Invité")
	fill(d, m, "FR")
	fill(d, m, "paul@example.org")
	fill(d, m, "paul@example.org")
	fill(d, m, "AAAA-BBBB-CCCC")
	d.WaitView("This code is not valid", "Invitation code (optional)")
	for range 4 { // the form is back with the values kept: on to the code
		fill(d, m, "")
	}
	if got := focus(m)(); got != fieldInvite {
		t.Fatalf("focus on %q, want the invitation code", got)
	}
	for range len("AAAA-BBBB-CCCC") {
		d.Press("backspace")
	}
	fill(d, m, strings.ToLower(inv.Code))
	nav := tuitest.Await[screen.NavigateMsg](d)
	res, _ := nav.Arg.(app.SignUpResult)
	if nav.Route != screen.RouteVerify || res.Email != "paul@example.org" {
		t.Fatalf("navigated to %+v", nav)
	}
	paul, err := ada.Session.FindAdmin(ctx, "paul@example.org")
	if err != nil || len(paul.OrgIDs) != 1 || paul.OrgIDs[0] != org.ID {
		t.Errorf("Paul administers %+v (%v), want École Jaurès only", paul.OrgIDs, err)
	}
}
