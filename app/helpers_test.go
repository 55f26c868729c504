package app

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"rollcall/model"
	boltstore "rollcall/storage/bolt"
)

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

// cheapArgon2 keeps tests fast; production parameters are tested once in password_test.go.
var cheapArgon2 = Argon2Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

type fixture struct {
	app   *App
	store *boltstore.Store
	clock *testClock
	path  string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rollcall.db")
	st, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := &testClock{now: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	a := New(st, Options{Clock: clock.Now, Argon2: cheapArgon2})
	return &fixture{app: a, store: st, clock: clock, path: path}
}

// verifiedAdmin signs up and verifies an admin with the given password.
func (f *fixture) verifiedAdmin(t *testing.T, email, password string) model.Admin {
	t.Helper()
	ctx := context.Background()
	res, err := f.app.SignUp(ctx, SignUpInput{FullName: "Ada Admin", Email: email, EmailConfirm: email, Language: model.French, Country: "FR"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.app.CreatePassword(ctx, email, res.Code, password); err != nil {
		t.Fatal(err)
	}
	admin, err := f.store.AdminByEmail(ctx, model.NormalizeEmail(email))
	if err != nil {
		t.Fatal(err)
	}
	return admin
}

// setMailEverywhere applies a mail settings change to every school of the admin, as tests of
// one-school behaviour want; it returns the last school's settings.
func setMailEverywhere(a *App, ctx context.Context, admin model.Admin, ch MailSettingsChange, dryRun bool) (MailSettings, error) {
	admin, err := a.store.Admin(ctx, admin.ID) // the caller's copy may predate a school
	if err != nil {
		return MailSettings{}, err
	}
	var s MailSettings
	for _, org := range admin.OrgIDs {
		if s, err = a.setMailSettings(ctx, admin, org, ch, dryRun); err != nil {
			return s, err
		}
	}
	return s, nil
}

// session opens a session for admin, as a face would after signing them in.
func (f *fixture) session(t *testing.T, admin model.Admin) *Session {
	t.Helper()
	s, err := f.app.OpenSession(context.Background(), admin.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	return s
}
