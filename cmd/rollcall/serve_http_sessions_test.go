package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"rollcall/storage/postgres/pgtest"
)

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// webPerson is a browser of one person on the account pages, cookies kept across servers
// (a cookie of 127.0.0.1 goes to every port of it).
type webPerson struct {
	t      *testing.T
	client *http.Client
}

func newWebPerson(t *testing.T) *webPerson {
	jar, _ := cookiejar.New(nil)
	return &webPerson{t: t, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (p *webPerson) do(method, u string, form url.Values) (int, string) {
	p.t.Helper()
	req, _ := http.NewRequest(method, u, strings.NewReader(form.Encode()))
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Accept-Language", "en")
	resp, err := p.client.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// post sends a form from the page at from, with that page's CSRF token.
func (p *webPerson) post(from, to string, form url.Values) int {
	p.t.Helper()
	_, page := p.do(http.MethodGet, from, nil)
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		p.t.Fatalf("no CSRF token on %s", from)
	}
	form.Set("csrf", m[1])
	code, _ := p.do(http.MethodPost, to, form)
	return code
}

// activatedPerson activates a pupil of the demo with a password through the CLI.
func activatedPerson(c *cli, password string) userJSON {
	c.t.Helper()
	var list usersListJSON
	c.json(&list, "", "users", "list", "--activated", "no", "--profile", "student", "--limit", "1")
	u := list.Users[0]
	c.must(u.ActivationCode+"\n"+password+"\n", "activate", "--login", u.Login, "--password-stdin")
	return u
}

// A person signed in on the pages stays signed in when the server restarts: the session is in
// the database, not in the process.
func TestServeHTTPSessionOutlivesARestart(t *testing.T) {
	t.Parallel()
	c := mergeCLI(t)
	u := activatedPerson(c, "premier1mdp")
	s, base := c.serveHTTP()
	p := newWebPerson(t)
	if code := p.post(base+"/login", base+"/login", url.Values{"login": {u.Login}, "password": {"premier1mdp"}}); code != http.StatusSeeOther {
		t.Fatalf("sign in: %d", code)
	}
	if code := s.stop(); code != 0 {
		t.Fatalf("stop: exit %d", code)
	}
	_, base = c.serveHTTP()
	code, page := p.do(http.MethodGet, base+"/account", nil)
	if code != http.StatusOK || !strings.Contains(page, u.Login) {
		t.Fatalf("the account page after a restart: %d\n%.400s", code, page)
	}
	if code := p.post(base+"/account", base+"/logout", url.Values{}); code != http.StatusSeeOther {
		t.Fatalf("sign out: %d", code)
	}
	if code, _ := p.do(http.MethodGet, base+"/account", nil); code != http.StatusSeeOther {
		t.Errorf("the account page after signing out: %d, want a redirect to sign in", code)
	}
}

// Two servers on one PostgreSQL database share the people's sessions: signed in on one, the
// person is signed in on the other, and signing out on either ends the session on both.
func TestServeHTTPSessionsSharedOnPostgres(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.db = pgtest.URL(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	u := activatedPerson(c, "premier1mdp")
	_, one := c.serveHTTP()
	_, two := c.serveHTTP()
	p := newWebPerson(t)
	if code := p.post(one+"/login", one+"/login", url.Values{"login": {u.Login}, "password": {"premier1mdp"}}); code != http.StatusSeeOther {
		t.Fatalf("sign in on the first server: %d", code)
	}
	if code, page := p.do(http.MethodGet, two+"/account", nil); code != http.StatusOK || !strings.Contains(page, u.Login) {
		t.Fatalf("the account page on the second server: %d", code)
	}
	if code := p.post(two+"/account", two+"/logout", url.Values{}); code != http.StatusSeeOther {
		t.Fatalf("sign out on the second server: %d", code)
	}
	if code, _ := p.do(http.MethodGet, one+"/account", nil); code != http.StatusSeeOther {
		t.Errorf("the first server after signing out on the second: %d, want a redirect to sign in", code)
	}
}
