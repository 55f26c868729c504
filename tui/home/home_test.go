package home

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

func signedIn(t *testing.T, lang model.Language) *screen.Session {
	t.Helper()
	sess := tuitest.NewSession(t, lang)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", lang, true)
	sess.Admin, sess.Acting = ad.Admin, ad.Session
	return sess
}

func TestEmptyStoreThenDemo(t *testing.T) {
	t.Parallel()
	sess := signedIn(t, model.French)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 120, 30)
	d.WaitView("Aucune donnée : appuyez sur d", "Abonnements", "Publipostage", "Inviter d'autres administrateurs")
	d.Press("d")
	d.WaitView("Établissement de démonstration chargé :", "2 établissements")
	tuitest.Await[screen.DataChangedMsg](d)
	// The summary reloads: the admin now administers the demo schools.
	d.WaitView("Établissement de démonstration chargé\n")
	line := regexp.MustCompile(`2 établissements · ([\d\x{202f}]+) utilisateurs · Élève ([\d\x{202f}]+)`).FindStringSubmatch(d.View())
	if line == nil {
		t.Fatalf("no summary line:\n%s", d.View())
	}
	users, _ := strconv.Atoi(strings.ReplaceAll(line[1], "\u202f", ""))
	ov, err := sess.Acting.Overview(context.Background())
	if err != nil || users != ov.Users || users < 1000 {
		t.Errorf("summary says %d users, the store %d (%v)", users, ov.Users, err)
	}
}

func mustAdmin(t *testing.T, sess *screen.Session) model.Admin {
	t.Helper()
	a, err := sess.Acting.Admin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAreasOpenTheirScreen(t *testing.T) {
	t.Parallel()
	m := New(signedIn(t, model.English))
	d := tuitest.ForScreen(t, m, 120, 30)
	d.WaitView("› Subscriptions", "Claim what came with a purchase")
	d.Press("down")
	d.Press("down")
	d.WaitView("› Classes & groups")
	d.Press("enter")
	nav := tuitest.Await[screen.NavigateMsg](d)
	if nav.Route != screen.RouteArea || nav.Arg != screen.AreaClasses || nav.Mode != screen.Push {
		t.Errorf("navigated to %+v, want the classes area pushed", nav)
	}
	d.Press("up")
	d.Press("up")
	d.Press("up")
	d.WaitView("› Admins")
}

func TestLanguageIsSwitchedAndSaved(t *testing.T) {
	t.Parallel()
	sess := signedIn(t, model.English)
	d := tuitest.ForScreen(t, New(sess), 120, 30)
	d.WaitView("Home", "Mail merge")
	d.Press("l")
	d.WaitView("Accueil", "Publipostage")
	tuitest.AwaitMatch(d, func(m screen.AdminMsg) bool { return m.Admin.Language == model.French })
	if got := mustAdmin(t, sess).Language; got != model.French {
		t.Errorf("stored language = %s, want fr", got)
	}
}

func TestSignOutKey(t *testing.T) {
	t.Parallel()
	d := tuitest.ForScreen(t, New(signedIn(t, model.English)), 120, 30)
	d.Press("o")
	tuitest.Await[screen.SignOutMsg](d)
}

func TestStaleOverviewIsDropped(t *testing.T) {
	t.Parallel()
	m := New(signedIn(t, model.English))
	m.SetSize(120, 30)
	stale := m.loadOverview()
	fresh := m.loadOverview()
	m.Update(fresh())
	m.Update(overviewMsg{id: m.overviewReq - 1, err: context.Canceled})
	_ = stale
	if m.overviewErr != nil {
		t.Errorf("a stale result replaced the fresh one: %v", m.overviewErr)
	}
	if !strings.Contains(m.View(), "No school data yet") {
		t.Errorf("view:\n%s", m.View())
	}
}
