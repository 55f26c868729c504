package users

import (
	"charm.land/huh/v2"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

// demoSession is a signed-in admin of the demo school (about 1,150 users), on a real store.
func demoSession(t *testing.T, lang model.Language) *screen.Session {
	t.Helper()
	ctx := context.Background()
	sess := tuitest.NewSession(t, lang)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", lang, true)
	if _, err := sess.App.LoadDemo(ctx); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	admin, err := ad.Session.Admin(ctx) // the demo gave the admin its schools
	if err != nil {
		t.Fatal(err)
	}
	sess.Admin, sess.Acting = admin, ad.Session
	return sess
}

// open drives a fresh Users screen at 120×40 and waits for the first count.
func open(t *testing.T, sess *screen.Session) (*Model, *tuitest.Driver) {
	t.Helper()
	m := New(sess)
	d := tuitest.ForScreen(t, m, 120, 40)
	d.WaitFor("the first page and the classes", func() bool { return m.list.Loaded() && m.orgs != nil })
	return m, d
}

// count is what the app says a selection holds.
func count(t *testing.T, sess *screen.Session, sel model.Selection) int {
	t.Helper()
	page, err := sess.Acting.FindUsers(context.Background(), sel, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return page.Total
}

var countRe = regexp.MustCompile(`Users  ([\d,]+) users?`)

// shownCount reads the count on the title line.
func shownCount(d *tuitest.Driver) int {
	m := countRe.FindStringSubmatch(d.View())
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

// waitCount waits until the screen has no filter running and shows want users.
func waitCount(d *tuitest.Driver, m *Model, want int) {
	d.T().Helper()
	d.WaitFor("a count of "+strconv.Itoa(want), func() bool { return m.list.Loaded() && shownCount(d) == want })
}

func space() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "} }

// focused is the key of the form field with the focus, "" without a form.
func focused(m *Model) string {
	if m.focus != focusForm || m.forms.Form == nil {
		return ""
	}
	return m.forms.Form.GetFocusedField().GetKey()
}

// waitField waits until the form field keyed name has the focus.
func waitField(d *tuitest.Driver, m *Model, name string) {
	d.T().Helper()
	d.WaitFor("the form field "+name, func() bool { return focused(m) == name })
}

// submitUnchanged presses enter through every field of the open form, one field at a time:
// Huh moves to the next field one message after enter, so a burst of keys could land in the
// field it is leaving.
func submitUnchanged(d *tuitest.Driver, m *Model) {
	d.T().Helper()
	for range 20 {
		if m.forms.Form == nil || m.forms.Form.State != huh.StateNormal {
			return
		}
		before := focused(m)
		d.Press("enter")
		d.WaitFor("the form to move on from "+before, func() bool {
			return m.forms.Form == nil || m.forms.Form.State != huh.StateNormal || focused(m) != before
		})
	}
}

// searchFor types text in the search field and waits for the filtered count.
func searchFor(t *testing.T, d *tuitest.Driver, m *Model, text string) {
	t.Helper()
	if m.focus != focusFilters || m.panel.row != rowSearch {
		d.Press("tab")
		d.Press("/")
	}
	d.Type(text)
	sel := m.panel.sel
	waitCount(d, m, count(t, m.sess, sel))
}

// selectedLogin is the login of the row under the cursor.
func selectedLogin(m *Model) string {
	u, _ := m.list.Selected()
	return u.Login
}

func tuitestAwaitNav(d *tuitest.Driver) screen.NavigateMsg {
	return tuitest.Await[screen.NavigateMsg](d)
}

// driver is the test driver, named short for helpers' signatures.
type driver = *tuitest.Driver
