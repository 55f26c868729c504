package dirsync_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"rollcall/dirsync"
	"rollcall/dirsync/dirsynctest"
)

var bg = context.Background()

func TestGoogleOrgUnitWithServiceAccount(t *testing.T) {
	t.Parallel()
	g := dirsynctest.NewGoogle(t)
	g.SetUsers(
		dirsynctest.GoogleUser{Email: "Ana@School.example", OrgUnit: "/Teachers"},
		dirsynctest.GoogleUser{Email: "bob@school.example", OrgUnit: "/Teachers/Lyon"},
		dirsynctest.GoogleUser{Email: "gone@school.example", OrgUnit: "/Teachers", Suspended: true},
		dirsynctest.GoogleUser{Email: "eve@school.example", OrgUnit: "/Students"},
		dirsynctest.GoogleUser{Email: "carl@school.example", OrgUnit: "/Teachers"},
		dirsynctest.GoogleUser{Email: "x@school.example", OrgUnit: "/TeachersOld"},
	)
	c, err := dirsync.NewGoogle(bg, dirsync.GoogleConfig{BaseURL: g.URL, ServiceAccountFile: g.ServiceAccountFile(t), Admin: g.Admin})
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	got, err := c.OrgUnitEmails(bg, "/Teachers", func(n int) { seen = append(seen, n) })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ana@school.example", "bob@school.example", "carl@school.example"}
	if !slices.Equal(got, want) {
		t.Errorf("emails = %q, want %q", got, want)
	}
	// Four users in /Teachers and below, two a page: two pages, progress after each.
	if g.Requests() != 2 || !slices.Equal(seen, []int{2, 3}) {
		t.Errorf("%d requests, progress %v", g.Requests(), seen)
	}
}

func TestGoogleGroupWithToken(t *testing.T) {
	t.Parallel()
	g := dirsynctest.NewGoogle(t)
	g.SetGroup("profs@school.example",
		dirsynctest.GoogleMember{Email: "ana@school.example"},
		dirsynctest.GoogleMember{Email: "maths@school.example", Type: "GROUP"},
		dirsynctest.GoogleMember{Email: "bob@school.example", Status: "SUSPENDED"},
		dirsynctest.GoogleMember{Email: "carl@school.example"},
		dirsynctest.GoogleMember{Email: "dora@school.example"},
	)
	c, err := dirsync.NewGoogle(bg, dirsync.GoogleConfig{BaseURL: g.URL, Token: g.Token()})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GroupEmails(bg, "Profs@school.example", nil)
	if want := []string{"ana@school.example", "carl@school.example", "dora@school.example"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("emails = %q, %v; want %q", got, err, want)
	}
	if _, err := c.GroupEmails(bg, "nope@school.example", nil); !errors.Is(err, dirsync.ErrNoSuchGroup) {
		t.Errorf("unknown group: %v", err)
	}
}

func TestGoogleRefusals(t *testing.T) {
	t.Parallel()
	g := dirsynctest.NewGoogle(t)
	c, _ := dirsync.NewGoogle(bg, dirsync.GoogleConfig{BaseURL: g.URL, Token: "stolen-and-revoked"})
	if _, err := c.OrgUnitEmails(bg, "/", nil); !errors.Is(err, dirsync.ErrUnauthorized) {
		t.Errorf("bad token: %v", err)
	}
	// A service account that may not act as this admin: the token endpoint refuses.
	c, _ = dirsync.NewGoogle(bg, dirsync.GoogleConfig{BaseURL: g.URL, ServiceAccountFile: g.ServiceAccountFile(t), Admin: "intruder@school.example"})
	if _, err := c.OrgUnitEmails(bg, "/", nil); !errors.Is(err, dirsync.ErrUnauthorized) {
		t.Errorf("refused assertion: %v", err)
	}
	if _, err := dirsync.NewGoogle(bg, dirsync.GoogleConfig{}); !errors.Is(err, dirsync.ErrNotConfigured) {
		t.Errorf("no credentials: %v", err)
	}
}

func TestMicrosoftGroupWithClientCredentials(t *testing.T) {
	t.Parallel()
	m := dirsynctest.NewMicrosoft(t)
	m.SetGroup("g-1",
		dirsynctest.GraphUser{Mail: "Ana@School.example", UserPrincipalName: "ana@school.onmicrosoft.com"},
		dirsynctest.GraphUser{UserPrincipalName: "bob@school.example"},
		dirsynctest.GraphUser{Device: true},
		dirsynctest.GraphUser{Mail: "off@school.example", Disabled: true},
		dirsynctest.GraphUser{Mail: "carl@school.example"},
	)
	m.Throttle = 1 // the first request is throttled, then retried
	c, err := dirsync.NewMicrosoft(bg, dirsync.MicrosoftConfig{BaseURL: m.URL, LoginURL: m.URL, Tenant: m.Tenant,
		ClientID: m.ClientID, ClientSecret: m.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GroupEmails(bg, "g-1", nil)
	if want := []string{"ana@school.example", "bob@school.example", "carl@school.example"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("emails = %q, %v; want %q", got, err, want)
	}
	if m.Requests() != 4 { // 1 throttled + 3 pages of 2
		t.Errorf("%d requests, want 4", m.Requests())
	}
	if _, err := c.GroupEmails(bg, "g-404", nil); !errors.Is(err, dirsync.ErrNoSuchGroup) {
		t.Errorf("unknown group: %v", err)
	}
}

func TestMicrosoftRefusals(t *testing.T) {
	t.Parallel()
	m := dirsynctest.NewMicrosoft(t)
	m.SetGroup("g-1", dirsynctest.GraphUser{Mail: "a@school.example"})
	c, _ := dirsync.NewMicrosoft(bg, dirsync.MicrosoftConfig{BaseURL: m.URL, LoginURL: m.URL, Tenant: m.Tenant,
		ClientID: m.ClientID, ClientSecret: "wrong"})
	_, err := c.GroupEmails(bg, "g-1", nil)
	if !errors.Is(err, dirsync.ErrUnauthorized) || strings.Contains(err.Error(), "wrong") {
		t.Errorf("wrong secret: %v", err)
	}
	// A next page on another host would carry the token away: refused.
	redirect := dirsynctest.NewMicrosoft(t)
	redirect.PageSize = 1
	redirect.SetGroup("g", dirsynctest.GraphUser{Mail: "a@x.example"}, dirsynctest.GraphUser{Mail: "b@x.example"})
	c, _ = dirsync.NewMicrosoft(bg, dirsync.MicrosoftConfig{BaseURL: strings.Replace(redirect.URL, "127.0.0.1", "localhost", 1), Token: redirect.Token()})
	if _, err := c.GroupEmails(bg, "g", nil); !errors.Is(err, dirsync.ErrBadPage) {
		t.Errorf("next page on another host: %v", err)
	}
}

func TestConfigNeverShowsSecrets(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		dirsync.EnvGoogleToken: "ya29.TOPSECRET", dirsync.EnvMSTenant: "t", dirsync.EnvMSClientID: "c",
		dirsync.EnvMSClientSecret: "ALSOSECRET", dirsync.EnvMSToken: "",
	}
	c, err := dirsync.ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil || !c.Google.Configured() || !c.Microsoft.Configured() {
		t.Fatalf("config %v, %v", c, err)
	}
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprint(c.Google), fmt.Sprintf("%v", c.Microsoft)} {
		if strings.Contains(s, "SECRET") {
			t.Errorf("a secret shows: %s", s)
		}
	}
}
