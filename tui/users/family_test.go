package users

import (
	"context"
	"slices"
	"testing"

	"rollcall/model"
)

// k on a parent links them to a child typed by login, and unlinks them the same way.
func TestLinkAParentFromTheScreen(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	ctx := context.Background()
	parents, _ := sess.Acting.FindUsers(ctx, model.Selection{Profiles: []model.Profile{model.Parent}, OrgIDs: sess.Admin.OrgIDs[:1]}, 0, 1)
	pupils, _ := sess.Acting.FindUsers(ctx, model.Selection{Profiles: []model.Profile{model.Student}, OrgIDs: sess.Admin.OrgIDs[:1]}, 5, 1)
	parent, pupil := parents.Users[0], pupils.Users[0]
	if slices.Contains(parent.ChildIDs, pupil.ID) {
		t.Fatal("the demo already links them")
	}
	m, d := open(t, sess)
	one(t, d, m, parent.Login)
	d.Press("k")
	waitField(d, m, "child")
	d.Type(pupil.Login)
	d.Press("enter")
	waitField(d, m, "unlink")
	d.Press("enter") // No: link
	d.WaitView("is now linked to their child " + pupil.Login)
	if u := fresh(t, m, parent.ID); !slices.Contains(u.ChildIDs, pupil.ID) || !u.ByHand.Has(model.FieldChildren) {
		t.Fatalf("stored children %v, by hand %b", u.ChildIDs, u.ByHand)
	}
	// The parent's detail names the child with their class.
	d.Press("enter")
	d.WaitFor("the detail", func() bool { return m.focus == focusDetail && m.detail.loaded })
	d.WaitView("Children", "("+pupil.Login+") · ")
	d.Press("esc")
	d.WaitFor("the list", func() bool { return m.focus == focusTable })
	d.Press("k")
	waitField(d, m, "child")
	d.Type(pupil.Login)
	d.Press("enter")
	waitField(d, m, "unlink")
	d.Press("y")
	d.WaitView("is no longer linked to " + pupil.Login)
	if u := fresh(t, m, parent.ID); slices.Contains(u.ChildIDs, pupil.ID) {
		t.Errorf("still linked: %v", u.ChildIDs)
	}
}
