package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"rollcall/app"
	"rollcall/model"
)

// A suspended person can neither activate their card nor sign in, in words, and is signed out
// of the session they had; given back, the same card works.
func TestSuspendedPeopleAreTurnedAway(t *testing.T) {
	t.Parallel()
	s := newSite(t, Config{}, cheapArgon2)
	ctx := context.Background()
	u := s.person(model.Selection{Activation: model.TriNo, Profiles: []model.Profile{model.Student}})
	if _, err := s.as.Bulk(ctx, app.BulkSuspend, []model.ID{u.ID}, false); err != nil {
		t.Fatal(err)
	}
	b := s.browser()
	activate := form("csrf", b.csrf("/activate?login="+u.Login+"&code="+u.ActivationCode),
		"login", u.Login, "code", u.ActivationCode, "password", "premier1mdp", "confirm", "premier1mdp")
	p := b.post("/activate", activate)
	if p.status != http.StatusForbidden || !strings.Contains(p.body, "Ce compte est suspendu") {
		t.Fatalf("activating a suspended account: %d\n%s", p.status, p.body)
	}
	if _, err := s.as.Bulk(ctx, app.BulkUnsuspend, []model.ID{u.ID}, false); err != nil {
		t.Fatal(err)
	}
	activate.Set("csrf", b.csrf("/activate?login="+u.Login+"&code="+u.ActivationCode))
	if p := b.post("/activate", activate); p.status != http.StatusOK {
		t.Fatalf("activating once given back: %d", p.status)
	}
	if p := b.post("/login", form("csrf", b.csrf("/login"), "login", u.Login, "password", "premier1mdp")); p.status != http.StatusSeeOther {
		t.Fatalf("sign in: %d", p.status)
	}
	if _, err := s.as.Bulk(ctx, app.BulkSuspend, []model.ID{u.ID}, false); err != nil {
		t.Fatal(err)
	}
	if p := b.get("/account"); p.status != http.StatusSeeOther {
		t.Errorf("the account page of a suspended person: %d, want a redirect to sign in", p.status)
	}
	en := s.browser()
	en.header.Set("Accept-Language", "en")
	p = en.post("/login", form("csrf", en.csrf("/login"), "login", u.Login, "password", "premier1mdp"))
	if p.status != http.StatusForbidden || !strings.Contains(p.body, "This account is suspended") {
		t.Errorf("signing in while suspended: %d\n%s", p.status, p.body)
	}
}
