package web

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"rollcall/app"
	"rollcall/mailmerge/smtptest"
	"rollcall/model"
)

// useSMTP gives every school of the site the in-process mail server and this site's address.
func (s *site) useSMTP(srv *smtptest.Server) {
	s.t.Helper()
	host, port, sec, from, base := srv.Host(), srv.Port(), "none", "Vie scolaire <vie@college.example.fr>", s.srv.URL
	for _, org := range s.admin.OrgIDs {
		ch := app.MailSettingsChange{Host: &host, Port: &port, Security: &sec, From: &from, ActivationURL: &base}
		if _, err := s.as.SetMailSettings(context.Background(), org, ch, false); err != nil {
			s.t.Fatal(err)
		}
	}
}

var resetLink = regexp.MustCompile(`https?://[^\s"<>]+/reset\?[^\s"<>]+`)

// A person signs in, sees who they are, changes their password and email, signs out, forgets the
// password and resets it from the emailed link, once; nothing secret reaches the log.
func TestAccountAndResetByEmail(t *testing.T) {
	t.Parallel()
	s := newSite(t, Config{}, cheapArgon2)
	srv := smtptest.Start(t, smtptest.Options{})
	s.useSMTP(srv)
	ctx := context.Background()
	u := s.person(model.Selection{Activation: model.TriNo, Profiles: []model.Profile{model.Student}, Email: model.TriYes})
	b := s.browser()
	p := b.post("/activate", form("csrf", b.csrf("/activate?login="+u.Login+"&code="+u.ActivationCode),
		"login", u.Login, "code", u.ActivationCode, "password", "premier1mdp", "confirm", "premier1mdp"))
	if p.status != http.StatusOK {
		t.Fatalf("activate: %d", p.status)
	}
	if p := b.get("/account"); p.status != http.StatusSeeOther {
		t.Errorf("the account page before signing in: %d", p.status)
	}
	p = b.post("/login", form("csrf", b.csrf("/login"), "login", u.Email, "password", "premier1mdp"))
	if p.status != http.StatusSeeOther {
		t.Fatalf("sign in with the email: %d", p.status)
	}
	acc := b.get("/account")
	org, _ := s.store.Org(ctx, u.OrgID)
	for _, want := range []string{u.FirstName, u.LastName, "Élève", org.Name, u.Email} {
		if !strings.Contains(acc.body, want) {
			t.Errorf("the account page lacks %q", want)
		}
	}
	p = b.post("/account/password", form("csrf", b.csrf("/account"), "current", "mauvais1", "password", "second2mdp", "confirm", "second2mdp"))
	if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, "mot de passe actuel est incorrect") {
		t.Errorf("a wrong current password: %d", p.status)
	}
	p = b.post("/account/password", form("csrf", b.csrf("/account"), "current", "premier1mdp", "password", "second2mdp", "confirm", "second2mdp"))
	if p.status != http.StatusOK || !strings.Contains(p.body, "Votre mot de passe est changé") {
		t.Errorf("change the password: %d", p.status)
	}
	p = b.post("/account/email", form("csrf", b.csrf("/account"), "current", "second2mdp", "email", "pas une adresse"))
	if p.status != http.StatusUnprocessableEntity {
		t.Errorf("a bad email: %d", p.status)
	}
	p = b.post("/account/email", form("csrf", b.csrf("/account"), "current", "second2mdp", "email", "nouvelle@example.org"))
	if got, _ := s.store.User(ctx, u.ID); p.status != http.StatusOK || got.Email != "nouvelle@example.org" || !got.ByHand.Has(model.FieldEmail) {
		t.Errorf("change the email: %d, stored %q", p.status, got.Email)
	}
	session := cookieValue(b, cookieSession)
	if p := b.post("/logout", form("csrf", b.csrf("/account"))); p.status != http.StatusSeeOther {
		t.Errorf("sign out: %d", p.status)
	}
	if _, err := s.app.PersonSessionUser(ctx, session); err != model.ErrNotSignedIn {
		t.Errorf("the session lives on after signing out: %v", err)
	}

	p = b.post("/reset/request", form("csrf", b.csrf("/reset"), "login", u.Login))
	if p.status != http.StatusOK || !strings.Contains(p.body, "n***@example.org") {
		t.Fatalf("ask for a reset code: %d\n%s", p.status, errorText(p.body))
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "nouvelle@example.org" {
		t.Fatalf("messages: %+v", msgs)
	}
	link := resetLink.FindString(msgs[0].Text)
	if !strings.HasPrefix(link, s.srv.URL+"/reset?") || !strings.Contains(link, "code=") {
		t.Fatalf("the email's link %q, in:\n%s", link, msgs[0].Text)
	}
	link = strings.TrimPrefix(link, s.srv.URL)
	code := regexp.MustCompile(`code=([A-Z0-9]+)`).FindStringSubmatch(link)[1]
	p = b.get(link)
	if !strings.Contains(p.body, `value="`+code+`"`) {
		t.Errorf("the link does not fill the code in")
	}
	reset := func() page {
		return b.post("/reset", form("csrf", b.csrf(link), "login", u.Login, "code", code, "password", "troisieme3", "confirm", "troisieme3"))
	}
	if p := reset(); p.status != http.StatusOK {
		t.Fatalf("reset with the emailed code: %d %s", p.status, errorText(p.body))
	}
	if p := reset(); p.status != http.StatusUnprocessableEntity {
		t.Errorf("the emailed code twice: %d", p.status)
	}
	if _, err := s.app.PersonSignIn(ctx, u.Login, "troisieme3", ""); err != nil {
		t.Errorf("sign in with the reset password: %v", err)
	}

	noMail := s.person(model.Selection{Activation: model.TriNo, Email: model.TriNo})
	if _, err := s.app.Activate(ctx, noMail.Login, noMail.ActivationCode, "motdepasse1"); err != nil {
		t.Fatal(err)
	}
	p = b.post("/reset/request", form("csrf", b.csrf("/reset"), "login", noMail.Login))
	if !strings.Contains(p.body, "Demandez un code de réinitialisation à votre établissement") || len(srv.Messages()) != 1 {
		t.Errorf("reset without an email: %d messages\n%s", len(srv.Messages()), p.body)
	}

	log := s.log.String()
	for _, secret := range []string{u.ActivationCode, "premier1mdp", "second2mdp", "troisieme3", code, session, "mauvais1"} {
		if strings.Contains(log, secret) {
			t.Errorf("the log holds a secret %q:\n%s", secret, log)
		}
	}
	if !strings.Contains(log, "path=/reset") || !strings.Contains(log, "status=200") {
		t.Errorf("the log does not say what was asked:\n%s", log)
	}
}

func cookieValue(b *browser, name string) string {
	for _, c := range b.c.Jar.Cookies(mustURL(b.s.srv.URL)) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}
