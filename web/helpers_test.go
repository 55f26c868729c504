package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"rollcall/app"
	"rollcall/model"
	boltstore "rollcall/storage/bolt"
)

// cheapArgon2 keeps tests fast; the burst test sets its own.
var cheapArgon2 = app.Argon2Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// testClock is a settable clock shared by a test and its App.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// lockedBuffer is the server's log, written by many handlers at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// site is a real server over a real bbolt file holding the demo school, with an admin of it.
type site struct {
	t     testing.TB
	app   *app.App
	store *boltstore.Store
	clock *testClock
	admin model.Admin
	as    *app.Session // the admin's, past the terms step
	srv   *httptest.Server
	log   *lockedBuffer
	web   *Server
}

func newSite(t testing.TB, cfg Config, argon app.Argon2Params) *site {
	t.Helper()
	st, err := boltstore.Open(filepath.Join(t.TempDir(), "rollcall.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := &testClock{now: time.Now()}
	a := app.New(st, app.Options{Clock: clock.Now, Argon2: argon})
	ctx := context.Background()
	res, err := a.SignUp(ctx, app.SignUpInput{FullName: "Ada Admin", Email: "admin@example.fr",
		EmailConfirm: "admin@example.fr", Language: model.French, Country: "FR"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.CreatePassword(ctx, "admin@example.fr", res.Code, "motdepasse1"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	admin, err := st.AdminByEmail(ctx, "admin@example.fr")
	if err != nil {
		t.Fatal(err)
	}
	as, err := a.OpenSession(ctx, admin.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := as.AcceptTerms(ctx); err != nil {
		t.Fatal(err)
	}
	s := &site{t: t, app: a, store: st, clock: clock, admin: admin, as: as, log: &lockedBuffer{}}
	cfg.App, cfg.Logger = a, slog.New(slog.NewTextHandler(s.log, nil))
	if s.web, err = New(cfg); err != nil {
		t.Fatal(err)
	}
	s.srv = httptest.NewServer(s.web)
	t.Cleanup(s.srv.Close)
	return s
}

// person returns a user of the demo chosen by sel (activated or not, with an email or not).
func (s *site) person(sel model.Selection) model.User {
	s.t.Helper()
	page, err := s.as.FindUsers(context.Background(), sel, 0, 1)
	if err != nil || len(page.Users) == 0 {
		s.t.Fatalf("no user for %+v: %v", sel, err)
	}
	return page.Users[0]
}

// browser is an HTTP client with its own cookies, as one person's browser.
type browser struct {
	t      testing.TB
	s      *site
	c      *http.Client
	header http.Header
}

func (s *site) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: s.t, s: s, header: http.Header{"Accept-Language": {"fr-FR,fr;q=0.9"}},
		c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// page is a response read whole.
type page struct {
	status int
	header http.Header
	body   string
}

func (b *browser) do(req *http.Request) page {
	b.t.Helper()
	for k, v := range b.header {
		req.Header[k] = v
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return page{status: resp.StatusCode, header: resp.Header, body: string(body)}
}

func (b *browser) get(path string) page {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.s.srv.URL+path, nil)
	return b.do(req)
}

// post sends a form; csrf "" takes the token from a GET of tokenFrom first.
func (b *browser) post(path string, form url.Values) page {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.s.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf is the form token a GET of path gives this browser.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	m := csrfField.FindStringSubmatch(b.get(path).body)
	if m == nil {
		b.t.Fatalf("no CSRF token on %s", path)
	}
	return m[1]
}

// form is url.Values from pairs.
func form(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
