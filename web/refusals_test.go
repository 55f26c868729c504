package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"rollcall/app"
	"rollcall/model"
)

func TestPagesInBothLanguagesWithStrictHeaders(t *testing.T) {
	t.Parallel()
	s := newSite(t, Config{}, cheapArgon2)
	b := s.browser()
	for _, tc := range []struct{ lang, want string }{{"fr-FR,fr;q=0.9,en;q=0.5", "Activer votre compte"},
		{"en-GB,en;q=0.9,fr;q=0.4", "Activate your account"}} {
		b.header.Set("Accept-Language", tc.lang)
		p := b.get("/activate")
		if p.status != http.StatusOK || !strings.Contains(p.body, tc.want) || !strings.Contains(p.body, `for="password"`) {
			t.Errorf("%s: %d\n%s", tc.lang, p.status, p.body)
		}
		if csp := p.header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Errorf("CSP %q", csp)
		}
		if strings.Contains(p.body, "<script>") || strings.Contains(p.body, " style=") || strings.Contains(p.body, " on") && strings.Contains(p.body, "onclick") {
			t.Errorf("inline script or style in the page")
		}
		if p.header.Get("Strict-Transport-Security") != "" {
			t.Error("HSTS without TLS")
		}
	}
	p := b.get("/login?lang=fr")
	if !strings.Contains(p.body, `<html lang="fr">`) || !strings.Contains(p.body, "Identifiant ou e-mail") {
		t.Errorf("?lang=fr did not switch:\n%s", p.body)
	}
	if p := b.get("/reset"); !strings.Contains(p.body, `<html lang="fr">`) {
		t.Error("the language chosen is not remembered")
	}
	for _, c := range b.c.Jar.Cookies(mustURL(s.srv.URL)) {
		if c.Name == cookieCSRF && c.Value == "" {
			t.Error("empty CSRF cookie")
		}
	}
}

func TestEveryFormNeedsItsCSRFToken(t *testing.T) {
	t.Parallel()
	s := newSite(t, Config{}, cheapArgon2)
	u := s.person(model.Selection{Activation: model.TriNo})
	b := s.browser()
	token := b.csrf("/activate")
	good := form("login", u.Login, "code", u.ActivationCode, "password", "motdepasse1", "confirm", "motdepasse1")
	for _, tc := range []struct {
		name   string
		csrf   string
		origin string
	}{{"missing", "", ""}, {"wrong", strings.Repeat("A", 43), ""}, {"another site", token, "https://evil.example"}} {
		f := good
		f.Set("csrf", tc.csrf)
		if tc.origin != "" {
			b.header.Set("Origin", tc.origin)
		}
		p := b.post("/activate", f)
		b.header.Del("Origin")
		if p.status != http.StatusForbidden || !strings.Contains(p.body, "Ce formulaire a expiré") {
			t.Errorf("%s token: %d", tc.name, p.status)
		}
	}
	for _, path := range []string{"/login", "/logout", "/account/password", "/account/email", "/reset", "/reset/request"} {
		if p := b.post(path, form("login", u.Login)); p.status != http.StatusForbidden && p.status != http.StatusSeeOther {
			t.Errorf("POST %s without a token: %d", path, p.status)
		} else if p.status == http.StatusSeeOther && path != "/account/password" && path != "/account/email" {
			t.Errorf("POST %s without a token was obeyed", path)
		}
	}
	if got, _ := s.store.User(context.Background(), u.ID); got.Activated() {
		t.Fatal("a form without its token activated the account")
	}
	good.Set("csrf", token)
	if p := b.post("/activate", good); p.status != http.StatusOK || !strings.Contains(p.body, "est prêt") {
		t.Errorf("with the token: %d\n%s", p.status, p.body)
	}
}

func TestCodesWorkOnceAndExpire(t *testing.T) {
	t.Parallel()
	s := newSite(t, Config{}, cheapArgon2)
	ctx := context.Background()
	u := s.person(model.Selection{Activation: model.TriNo})
	b := s.browser()
	b.header.Set("Accept-Language", "en")
	p := b.get("/activate?login=" + u.Login + "&code=ZZZZ-ZZZZ")
	if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, "does not go with this login") {
		t.Errorf("the QR link with a wrong code: %d", p.status)
	}
	p = b.get("/activate?login=" + u.Login + "&code=" + u.ActivationCode)
	if p.status != http.StatusOK || !strings.Contains(p.body, `value="`+u.ActivationCode+`"`) {
		t.Errorf("the QR link: %d, code not filled in", p.status)
	}
	act := func(code, pw, again string) page {
		return b.post("/activate", form("csrf", b.csrf("/activate"), "login", u.Login, "code", code, "password", pw, "confirm", again))
	}
	if p := act(u.ActivationCode, "motdepasse1", "motdepasse2"); p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, "not the same") {
		t.Errorf("two different passwords: %d", p.status)
	}
	if p := act(u.ActivationCode, "short", "short"); p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, "at least 8 characters") {
		t.Errorf("a short password: %d", p.status)
	}
	if got, _ := s.store.User(ctx, u.ID); got.Activated() {
		t.Fatal("a refused activation changed the account")
	}
	if p := act(u.ActivationCode, "motdepasse1", "motdepasse1"); p.status != http.StatusOK || !strings.Contains(p.body, "is ready") {
		t.Fatalf("activation: %d", p.status)
	}
	if p := act(u.ActivationCode, "autre2mdp!", "autre2mdp!"); p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, "already activated") {
		t.Errorf("the code again: %d", p.status)
	}

	rc, err := s.as.IssueResetCode(ctx, u.Login, false)
	if err != nil {
		t.Fatal(err)
	}
	reset := func(code string) page {
		return b.post("/reset", form("csrf", b.csrf("/reset"), "login", u.Login, "code", code, "password", "nouveau2mdp", "confirm", "nouveau2mdp"))
	}
	s.clock.Advance(app.ResetCodeTTL + time.Hour)
	if p := reset(rc.Code); p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, "has expired") {
		t.Errorf("an expired reset code: %d", p.status)
	}
	if _, err := s.app.PersonSignIn(ctx, u.Login, "motdepasse1", ""); err != nil {
		t.Errorf("an expired code changed the password: %v", err)
	}
	rc, _ = s.as.IssueResetCode(ctx, u.Login, false)
	if p := reset(rc.Code); p.status != http.StatusOK || !strings.Contains(p.body, "Your password is changed") {
		t.Fatalf("a fresh reset code: %d", p.status)
	}
	if p := reset(rc.Code); p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, "already used") {
		t.Errorf("the reset code again: %d\n%s", p.status, p.body)
	}
}

// Wrong sign-ins slow the login down and say for how long; an unknown login gets the same answer
// as a wrong password; guesses at codes slow down too.
func TestAttemptsAreLimitedAndTheDelayTold(t *testing.T) {
	t.Parallel()
	s := newSite(t, Config{}, cheapArgon2)
	ctx := context.Background()
	u := s.person(model.Selection{Activation: model.TriNo})
	if _, err := s.app.Activate(ctx, u.Login, u.ActivationCode, "motdepasse1"); err != nil {
		t.Fatal(err)
	}
	b := s.browser()
	b.header.Set("Accept-Language", "en")
	signIn := func(login, pw string) page {
		return b.post("/login", form("csrf", b.csrf("/login"), "login", login, "password", pw))
	}
	wrong, unknown := signIn(u.Login, "mauvais1"), signIn("personne.inconnue", "mauvais1")
	if wrong.status != unknown.status || wrong.status != http.StatusUnauthorized || errorText(wrong.body) != errorText(unknown.body) {
		t.Errorf("wrong password %d %q, unknown login %d %q: want the same", wrong.status, errorText(wrong.body), unknown.status, errorText(unknown.body))
	}
	signIn(u.Login, "mauvais2")
	signIn(u.Login, "mauvais3")
	p := signIn(u.Login, "motdepasse1") // right, but the login is slowed down now
	if p.status != http.StatusTooManyRequests || p.header.Get("Retry-After") == "" || !strings.Contains(p.body, "Try again in 2 seconds") {
		t.Errorf("after 3 failures: %d, Retry-After %q\n%s", p.status, p.header.Get("Retry-After"), errorText(p.body))
	}
	s.clock.Advance(3 * time.Second)
	if p := signIn(u.Login, "motdepasse1"); p.status != http.StatusSeeOther || p.header.Get("Location") != "/account" {
		t.Errorf("after the wait: %d", p.status)
	}

	v := s.person(model.Selection{Activation: model.TriNo})
	var last page
	for i := range 4 {
		last = b.get(fmt.Sprintf("/activate?login=%s&code=WRONG%03d", v.Login, i))
	}
	if last.status != http.StatusTooManyRequests || !strings.Contains(last.body, "Too many attempts") {
		t.Errorf("guessing an activation code: %d", last.status)
	}
	if _, err := s.app.ActivateFrom(ctx, v.Login, v.ActivationCode, "motdepasse1", "203.0.113.9"); !errors.As(err, new(*model.ThrottledError)) {
		t.Errorf("the right code during the wait: %v, want throttled", err)
	}
}

// errorText is the words of the page's refusal.
func errorText(body string) string {
	i := strings.Index(body, `id="error"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</div>")
	return body[i : i+j]
}
