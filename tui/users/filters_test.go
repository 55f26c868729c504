package users

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"rollcall/app"
	"rollcall/model"
)

// classID finds a demo class by code.
func classID(t *testing.T, m *Model, code string) model.ID {
	t.Helper()
	c, err := m.sess.Acting.FindSet(context.Background(), app.Classes, code)
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// TestFiltersNarrowTheCount builds "not activated students of 6e A" with the keys an admin
// would press, and checks every step's count against the app's.
func TestFiltersNarrowTheCount(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	all := count(t, sess, model.Selection{})
	if all < 1000 {
		t.Fatalf("the demo has %d users", all)
	}
	waitCount(d, m, all)

	d.Press("down") // profiles
	d.Send(space())
	students := model.Selection{Profiles: []model.Profile{model.Student}}
	waitCount(d, m, count(t, sess, students))

	d.Press("down") // classes
	d.Press("enter")
	d.WaitView("Classes to show", "[ ] 6e A", "[ ] CM2 B")
	d.Type("6e a")
	d.WaitFor("the picker to narrow", func() bool { return !strings.Contains(d.View(), "CM2 B") })
	d.Press("enter")
	students.ClassIDs = []model.ID{classID(t, m, "6e A")}
	waitCount(d, m, count(t, sess, students))
	d.WaitView("[x] 6e A")
	d.Press("esc")
	d.WaitFor("the panel", func() bool { return m.focus == focusFilters })

	d.Press("down") // activation
	d.Press("right")
	d.Press("right")
	students.Activation = model.TriNo
	want := count(t, sess, students)
	waitCount(d, m, want)
	if want == 0 || want >= 25 {
		t.Fatalf("%d not activated students in 6e A: the demo should have some, not all", want)
	}
	d.WaitView("› Activation", "‹ not activated ›")
	if !regexp.MustCompile(`Classes +6e A +`).MatchString(d.View()) {
		t.Errorf("the classes filter does not show 6e A:\n%s", d.View())
	}
	if got := m.Selection(); !slices.Equal(got.Profiles, students.Profiles) ||
		!slices.Equal(got.ClassIDs, students.ClassIDs) || got.Activation != model.TriNo {
		t.Errorf("the screen's selection is %+v, want %+v", got, students)
	}
	// Every row shown is a not activated student of 6e A: it has a code and that class.
	_, rows := m.list.Rows()
	if len(rows) != want {
		t.Fatalf("%d rows loaded for %d users", len(rows), want)
	}
	for _, u := range rows {
		if u.Profile != model.Student || u.Activated() || !slices.Contains(u.ClassIDs, students.ClassIDs[0]) {
			t.Errorf("%s does not belong to the selection", u.Login)
		}
		if !strings.Contains(d.View(), model.FormatCode(u.ActivationCode)) {
			t.Errorf("the code of %s is not on screen", u.Login)
		}
	}

	d.Press("ctrl+r")
	waitCount(d, m, all)
}

func TestSearchDatesPendingAndSort(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	searchFor(t, d, m, "arnaud")
	if n := shownCount(d); n == 0 || n > 100 {
		t.Fatalf("%d users named arnaud", n)
	}
	// A date being typed is not applied until it is one.
	for range 7 {
		d.Press("down") // created from
	}
	d.Type("2026-0")
	d.WaitView("✗ must be a date")
	d.Type("6-01")
	sel := model.Selection{Text: "arnaud", CreatedFrom: model.Date{Year: 2026, Month: 6, Day: 1}}
	waitCount(d, m, count(t, sess, sel))
	d.Press("down") // created until: a range of one month
	d.Type("2026-06-30")
	sel.CreatedTo = model.Date{Year: 2026, Month: 6, Day: 30}
	waitCount(d, m, count(t, sess, sel))

	d.Press("down") // pending deletion: only them — nobody is pending in the demo
	d.Press("left")
	waitCount(d, m, 0)
	d.WaitView("No user matches these filters.")
	d.Press("right")

	d.Press("down") // sort by class: the first row is the first class's
	d.Press("right")
	d.Press("right")
	sel = model.Selection{Text: "arnaud", CreatedFrom: sel.CreatedFrom, CreatedTo: sel.CreatedTo, Sort: model.SortByClass}
	page, err := sess.Acting.FindUsers(context.Background(), sel, 0, 1)
	if err != nil || len(page.Users) == 0 {
		t.Fatalf("find: %v %+v", err, page)
	}
	d.WaitFor("the class order", func() bool { return m.list.Loaded() && m.list.Selection().Sort == model.SortByClass })
	if _, rows := m.list.Rows(); len(rows) == 0 || rows[0].ID != page.Users[0].ID {
		t.Errorf("first row after sorting by class is not %s", page.Users[0].Login)
	}
}

func TestLocalAdminsAndEmailFilters(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	m, d := open(t, sess)
	for range 4 {
		d.Press("down") // email
	}
	d.Press("left") // without
	sel := model.Selection{Email: model.TriNo}
	want := count(t, sess, sel)
	d.WaitFor("the count without email", func() bool { return m.list.Loaded() && m.list.Total() == want })
	d.WaitView(sess.Cat.Count(want, sess.Cat.Nouns.User), "‹ sans courriel ›")
	d.Press("down") // local admins only
	d.Send(space())
	sel.LocalAdmins = true
	want = count(t, sess, sel)
	d.WaitFor("the local admins", func() bool { return m.list.Loaded() && m.list.Total() == want })
	d.Press("up")
	d.Press("right") // with an email, still local admins: the demo's staff admins have one
	sel.Email = model.TriYes
	want = count(t, sess, sel)
	if want == 0 {
		t.Fatal("the demo has no local admin with an email")
	}
	d.WaitFor("the local admins with email", func() bool { return m.list.Loaded() && m.list.Total() == want })
}

func TestFunctionFilterTakesFamiliesAsTheCLIDoes(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	m, d := open(t, sess)
	for range 6 {
		d.Press("down") // functions
	}
	d.Type("dir, ens")
	d.WaitFor("the function filter", func() bool { return slices.Equal(m.panel.sel.Functions, []string{"DIR", "ENS"}) })
	// The demo school's staff have no académie functions: nobody matches.
	d.WaitFor("no one with those functions", func() bool { return m.list.Loaded() && m.list.Total() == 0 })
	d.WaitView("Fonctions")
}
