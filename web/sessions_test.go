package web

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"rollcall/app"
	"rollcall/model"
	"rollcall/storage"
)

// A session is kept in the store by its token's hash: it lasts while it is used, ends after
// app.PersonSessionIdle without a request, and an ended one is purged by a later sign-in.
func TestSessionsExpireAndArePurged(t *testing.T) {
	t.Parallel()
	s := newSite(t, Config{}, cheapArgon2)
	ctx := context.Background()
	u := s.person(model.Selection{Activation: model.TriNo, Profiles: []model.Profile{model.Student}})
	if _, err := s.app.Activate(ctx, u.Login, u.ActivationCode, "premier1mdp"); err != nil {
		t.Fatal(err)
	}
	signIn := func() *browser {
		b := s.browser()
		if p := b.post("/login", form("csrf", b.csrf("/login"), "login", u.Login, "password", "premier1mdp")); p.status != http.StatusSeeOther {
			t.Fatalf("sign in: %d", p.status)
		}
		return b
	}
	b := signIn()
	hash := model.HashSecret(cookieValue(b, cookieSession))
	stored, err := s.store.PersonSession(ctx, hash)
	if err != nil || stored.UserID != u.ID || stored.OrgID != u.OrgID {
		t.Fatalf("the stored session: %+v, %v", stored, err)
	}
	for range 3 { // used every 20 minutes, it lives past the idle limit
		s.clock.Advance(20 * time.Minute)
		if p := b.get("/account"); p.status != http.StatusOK {
			t.Fatalf("the account page while in use: %d", p.status)
		}
	}
	s.clock.Advance(app.PersonSessionIdle + time.Second)
	if p := b.get("/account"); p.status != http.StatusSeeOther {
		t.Errorf("the account page after %v idle: %d", app.PersonSessionIdle, p.status)
	}
	if _, err := s.store.PersonSession(ctx, hash); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("an ended session stays stored: %v", err)
	}

	left := model.HashSecret(cookieValue(signIn(), cookieSession)) // this one is left to expire
	s.clock.Advance(app.PersonSessionIdle + time.Hour)
	signIn()
	if _, err := s.store.PersonSession(ctx, left); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("an expired session not purged by a later sign-in: %v", err)
	}

	b = signIn() // used all along, it still ends PersonSessionMax after signing in
	for elapsed := time.Duration(0); elapsed < app.PersonSessionMax; elapsed += 20 * time.Minute {
		if p := b.get("/account"); p.status != http.StatusOK {
			t.Fatalf("the account page %v after signing in: %d", elapsed, p.status)
		}
		s.clock.Advance(20 * time.Minute)
	}
	if p := b.get("/account"); p.status != http.StatusSeeOther {
		t.Errorf("the account page %v after signing in: %d", app.PersonSessionMax, p.status)
	}
}
