package users

import (
	"context"
	"testing"

	"rollcall/model"
)

// The level row filters as --level does; v marks rows and b suspends the marked ones after a
// confirmation telling how many; s gives one back.
func TestLevelRowAndBulkSuspendOfMarkedRows(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	for range int(rowLevel) {
		d.Press("down")
	}
	d.WaitFor("the level row", func() bool { return m.panel.row == rowLevel && m.panel.typing() })
	d.Type("6e")
	waitCount(d, m, count(t, sess, model.Selection{Levels: []string{"6e"}}))

	d.Press("tab")
	d.WaitFor("the list", func() bool { return m.focus == focusTable && selectedLogin(m) != "" })
	first := selectedLogin(m)
	d.Press("v")
	d.WaitView("1 user marked")
	d.Press("down")
	d.WaitFor("the second row", func() bool { return selectedLogin(m) != first })
	second := selectedLogin(m)
	d.Press("v")
	d.WaitView("2 users marked")
	d.Press("b")
	d.WaitView("Action", "2 users marked")
	waitField(d, m, "action")
	d.Press("enter")
	d.WaitView("Suspend: 2 users. Go ahead?")
	waitField(d, m, "yes")
	d.Press("y")
	d.WaitView("2 users suspended.")
	ctx := context.Background()
	ids, err := sess.Acting.SelectUserIDs(ctx, model.Selection{Suspended: model.TriYes})
	if err != nil || len(ids) != 2 {
		t.Fatalf("suspended now: %v, %v", ids, err)
	}
	for _, login := range []string{first, second} {
		u, _ := sess.Acting.FindUserByLogin(ctx, login)
		if !u.Suspended() {
			t.Errorf("%s is not suspended", login)
		}
	}
	d.WaitFor("the marks cleared and the row shown suspended", func() bool {
		u, _ := m.list.Selected()
		return len(m.marks) == 0 && u.Suspended()
	})
	d.Press("s")
	d.WaitView("1 user given back.")
	if u, _ := sess.Acting.FindUserByLogin(ctx, second); u.Suspended() {
		t.Errorf("%s is still suspended", second)
	}
}

// Adding someone who looks like a person of the school asks first, naming them; the
// duplicates list then shows the pair, and enter merges them after a confirmation.
func TestAddAnywayThenMergeFromTheDuplicates(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	ctx := context.Background()
	page, err := sess.Acting.FindUsers(ctx, model.Selection{Profiles: []model.Profile{model.Teacher}, Email: model.TriYes}, 0, 1)
	if err != nil || len(page.Users) == 0 {
		t.Fatal(err)
	}
	twin := page.Users[0]
	m, d := open(t, sess)
	d.Press("tab")
	d.WaitFor("the list", func() bool { return m.focus == focusTable })
	d.Press("n")
	if len(m.orgs) > 1 {
		waitField(d, m, "school")
		for i, o := range m.orgs {
			if o.ID == twin.OrgID {
				for range i {
					d.Press("down")
				}
			}
		}
		d.Press("enter")
	}
	waitField(d, m, "profile")
	d.Press("enter")
	waitField(d, m, "last")
	d.Type("Someone")
	d.Press("enter")
	waitField(d, m, "first")
	d.Press("enter")
	waitField(d, m, "email")
	d.Type(twin.Email)
	submitUnchanged(d, m)
	d.WaitView("Looks like "+twin.Login, "anyway?")
	waitField(d, m, "yes")
	d.Press("y")
	d.WaitView("Created Someone (")
	if same, _ := sess.Acting.FindUsers(ctx, model.Selection{Text: twin.Email}, 0, 5); same.Total != 2 {
		t.Fatalf("after adding anyway, %d users have %s: %+v", same.Total, twin.Email, same.Users)
	}

	d.Press("esc")
	d.WaitFor("the list", func() bool { return m.focus == focusTable })
	d.Press("d")
	d.WaitView("Likely duplicates", "same email", twin.Login)
	d.Press("enter")
	d.WaitView("Merge ", "into "+twin.Login+"?")
	waitField(d, m, "yes")
	d.Press("y")
	d.WaitView(" merged into " + twin.Login + ".")
	if groups, _ := sess.Acting.Duplicates(ctx, nil); len(groups) != 0 {
		t.Errorf("duplicates left after the merge: %+v", groups)
	}
}
