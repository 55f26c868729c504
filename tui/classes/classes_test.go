package classes

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

func demoSession(t *testing.T, lang model.Language) *screen.Session {
	t.Helper()
	ctx := context.Background()
	sess := tuitest.NewSession(t, lang)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", lang, true)
	if _, err := sess.App.LoadDemo(ctx); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	admin, err := ad.Session.Admin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sess.Admin, sess.Acting = admin, ad.Session
	return sess
}

func open(t *testing.T, sess *screen.Session) (*Model, *tuitest.Driver) {
	t.Helper()
	m := New(sess)
	d := tuitest.ForScreen(t, m, 120, 40)
	d.WaitFor("the classes", func() bool { return m.loaded })
	return m, d
}

// moveTo puts the cursor on the class or group with this code.
func moveTo(t *testing.T, d *tuitest.Driver, m *Model, code string) app.ClassInfo {
	t.Helper()
	for range len(m.sets[m.tab]) + 1 {
		if c, ok := m.current(); ok && c.Code == code {
			return c
		}
		d.Press("down")
	}
	t.Fatalf("no %s in the list", code)
	return app.ClassInfo{}
}

func sets(t *testing.T, sess *screen.Session, set app.Set) []app.ClassInfo {
	t.Helper()
	infos, err := sess.Acting.ListSets(context.Background(), set)
	if err != nil {
		t.Fatal(err)
	}
	return infos
}

func waitField(d *tuitest.Driver, m *Model, name string) {
	d.T().Helper()
	d.WaitFor("the form field "+name, func() bool {
		return m.focus == focusForm && m.forms.Form != nil && m.forms.Form.GetFocusedField().GetKey() == name
	})
}

func TestListsSortTheFrenchWayWithCounts(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	_, d := open(t, sess)
	classes := sets(t, sess, app.Classes)
	d.WaitView(" Classes (26) ", " Groupes (5) ", "Nom", "Niveau", "Membres", "Établissement")
	v := d.View()
	last := -1
	for _, code := range []string{"3e A", "3e B", "4e A", "6e D", "CE1 A", "CM2 B"} {
		i := strings.Index(v, "\n› "+code+" ")
		if i < 0 {
			i = strings.Index(v, "\n  "+code+" ")
		}
		if i <= last {
			t.Fatalf("%s is not after the previous class:\n%s", code, v)
		}
		last = i
	}
	for _, c := range classes {
		if c.Code == "6e A" && !strings.Contains(v, fmt.Sprintf("6e A   6e A   6e      %d ", c.Members)) {
			t.Errorf("6e A does not show its %d members:\n%s", c.Members, v)
		}
	}
	d.Press("tab")
	d.WaitView("Chorale", "Club robotique", "Section européenne")
}

func TestCreateRenameDeleteEmpty(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	d.Press("tab") // groups
	d.Press("n")
	waitField(d, m, "school")
	d.Press("enter")
	waitField(d, m, "code")
	d.Press("enter") // empty: refused
	d.WaitView("Code is required")
	d.Type("THEATRE")
	d.Press("enter")
	waitField(d, m, "name")
	d.Type("Atelier théâtre")
	d.Press("enter")
	d.WaitView("Created Atelier théâtre.")
	d.WaitFor("the cursor on the new group", func() bool { c, _ := m.current(); return c.Code == "THEATRE" })

	d.Press("r")
	waitField(d, m, "name")
	for range len("Atelier théâtre") {
		d.Press("backspace")
	}
	d.Type("Théâtre")
	d.Press("enter")
	d.WaitView("Renamed Théâtre.")
	var found bool
	for _, g := range sets(t, sess, app.Groups) {
		found = found || (g.Code == "THEATRE" && g.Name == "Théâtre")
	}
	if !found {
		t.Fatal("the store has no group THEATRE named Théâtre")
	}
	d.WaitFor("the new name", func() bool { c, _ := m.current(); return c.Name == "Théâtre" })
	d.Press("D") // empty: no question
	d.WaitView("Deleted Théâtre.")
	for _, g := range sets(t, sess, app.Groups) {
		if g.Code == "THEATRE" {
			t.Fatal("still in the store")
		}
	}
}

func TestDeletingANonEmptyClassAsksFirst(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	c := moveTo(t, d, m, "6e B")
	page, err := sess.Acting.FindUsers(context.Background(), model.Selection{ClassIDs: []model.ID{c.ID}, OwnClass: true}, 0, 1)
	if err != nil || len(page.Users) == 0 {
		t.Fatal(err)
	}
	member := page.Users[0]
	d.Press("D")
	d.WaitView(fmt.Sprintf("6e B still has %d members. Delete it anyway?", c.Members))
	waitField(d, m, "yes")
	d.Press("n")
	d.WaitFor("the list", func() bool { return m.focus == focusList })
	if len(sets(t, sess, app.Classes)) != 26 {
		t.Fatal("deleted after a No")
	}
	d.Press("D")
	waitField(d, m, "yes")
	d.Press("y")
	d.WaitView("Deleted 6e B.", " Classes (25) ")
	u, err := sess.Acting.GetUser(context.Background(), member.ID)
	if err != nil || slices.Contains(u.ClassIDs, c.ID) {
		t.Errorf("%s still lists the deleted class: %v %v", member.Login, u.ClassIDs, err)
	}
}

func TestMembersAddAndRemove(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	c := moveTo(t, d, m, "6e A")
	d.Press("enter")
	d.WaitFor("the members", func() bool { return m.members.Loaded() })
	n := c.Members // its students and its teachers
	if m.members.Total() != n || n < 25 {
		t.Fatalf("%d members listed, the class says %d", m.members.Total(), n)
	}
	d.WaitView(fmt.Sprintf("Classes & groups › 6e A  %d members", n), "Last name")

	// A student of another class joins.
	ctx := context.Background()
	other := sets(t, sess, app.Classes)
	var fiveA model.ID
	for _, s := range other {
		if s.Code == "5e A" {
			fiveA = s.ID
		}
	}
	page, err := sess.Acting.FindUsers(ctx, model.Selection{ClassIDs: []model.ID{fiveA}, Profiles: []model.Profile{model.Student}}, 0, 1)
	if err != nil || len(page.Users) == 0 {
		t.Fatal(err)
	}
	newcomer := page.Users[0]
	d.Press("a")
	d.WaitView("Add to 6e A")
	d.Type(newcomer.Login)
	d.WaitFor("the newcomer found", func() bool {
		u, ok := m.pick.Selected()
		return ok && m.pick.Loaded() && u.ID == newcomer.ID
	})
	d.Press("enter")
	d.WaitView(fmt.Sprintf("Added %s to 6e A.", newcomer.FullName()), fmt.Sprintf("6e A  %d members", n+1))
	d.Press("esc")
	d.WaitFor("the members again, one more", func() bool { return m.focus == focusMembers && m.members.Total() == n+1 })
	u, _ := sess.Acting.GetUser(ctx, newcomer.ID)
	if !slices.Contains(u.ClassIDs, c.ID) || !u.ByHand.Has(model.FieldClasses) {
		t.Errorf("stored classes %v, by hand %b", u.ClassIDs, u.ByHand)
	}

	first, _ := m.members.Selected()
	d.Press("x")
	d.WaitView(fmt.Sprintf("Removed %s from 6e A.", first.FullName()), fmt.Sprintf("6e A  %d members", n))
	d.WaitFor("the members less one", func() bool { return m.members.Loaded() && m.members.Total() == n })
	d.Press("esc")
	d.WaitFor("the list", func() bool { return m.focus == focusList })
}

func TestGroupsTakeAnyone(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	d.Press("right")
	moveTo(t, d, m, "CHORALE")
	d.Press("enter")
	d.WaitFor("the members", func() bool { return m.members.Loaded() })
	before := m.members.Total()
	d.Press("a")
	d.WaitFor("the candidates", func() bool { return m.pick.Loaded() })
	// Parents are candidates for a group (not for a class).
	page, err := sess.Acting.FindUsers(context.Background(), model.Selection{Profiles: []model.Profile{model.Parent},
		OrgIDs: []model.ID{m.open.OrgID}}, 0, 1)
	if err != nil || len(page.Users) == 0 {
		t.Fatal(err)
	}
	d.Type(page.Users[0].Login)
	d.WaitFor("the parent found", func() bool { u, ok := m.pick.Selected(); return ok && u.ID == page.Users[0].ID })
	d.Press("enter")
	d.WaitView("Added " + page.Users[0].FullName())
	d.Press("esc")
	d.WaitFor("one more member", func() bool { return m.members.Loaded() && m.members.Total() == before+1 })
}

func TestClassesViewFits(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	for _, size := range [][2]int{{60, 16}, {100, 30}} {
		m := New(sess)
		d := tuitest.ForScreen(t, m, size[0], size[1])
		d.WaitFor("the classes", func() bool { return m.loaded })
		d.Press("enter")
		d.WaitFor("the members", func() bool { return m.members.Loaded() })
		for _, part := range []string{"members", "picker"} {
			v := d.View()
			if h := lipgloss.Height(v); h > size[1] {
				t.Errorf("%v %s: %d lines", size, part, h)
			}
			for _, line := range strings.Split(v, "\n") {
				if lipgloss.Width(line) > size[0] {
					t.Errorf("%v %s: line too wide: %q", size, part, line)
				}
			}
			d.Press("a")
			d.WaitFor("the candidates", func() bool { return m.pick.Loaded() })
		}
	}
}
