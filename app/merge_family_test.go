package app

import (
	"context"
	"strings"
	"testing"

	"rollcall/mailmerge"
	"rollcall/model"
)

// A parent's card names their children and classes; a seat holder's card names the product
// and its key.
func TestCardsNameChildrenAndLicences(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	cls := class6eA(t, f, admin)
	parents := selectedUsers(t, f, admin, model.Selection{ClassIDs: []model.ID{cls}, Profiles: []model.Profile{model.Parent}})
	if len(parents) == 0 {
		t.Fatal("no parent of 6e A in the demo")
	}
	parent := parents[0]
	var child model.User
	for _, id := range parent.ChildIDs {
		if c, _ := f.store.User(ctx, id); len(c.ClassIDs) > 0 && c.ClassIDs[0] == cls {
			child = c
		}
	}
	subs, _ := f.app.listSubscriptions(ctx, admin, SubsQuery{OrgID: child.OrgID})
	var sub SubRow
	for _, r := range subs.Rows {
		if r.State.Kind != model.StateExpired {
			sub = r
		}
	}
	res, err := f.app.addTypedSeats(ctx, admin, sub.Sub.ID, child.Login, SeatOptions{})
	if err != nil || len(res.Added) != 1 {
		t.Fatalf("seat for %s: %+v %v", child.Login, res, err)
	}
	m, err := f.app.newMerger(ctx, model.French, MergeOptions{}, "", admin.OrgIDs)
	if err != nil {
		t.Fatal(err)
	}
	pc := m.card(&parent)
	if !strings.Contains(pc.Children, child.FullName()+" (6e A)") {
		t.Errorf("the parent's card names %q", pc.Children)
	}
	cc := m.card(&child)
	if want := sub.Sub.Product + " " + res.Added[0].Key; cc.Licences != want {
		t.Errorf("the pupil's card: licences %q, want %q", cc.Licences, want)
	}
	text, err := mailmerge.DefaultTemplates().CardText(pc)
	if err != nil || !strings.Contains(text, "Enfants : "+child.FullName()) {
		t.Errorf("the parent's card text:\n%s %v", text, err)
	}
	text, _ = mailmerge.DefaultTemplates().CardText(cc)
	if !strings.Contains(text, "Licences : "+sub.Sub.Product) {
		t.Errorf("the pupil's card text:\n%s", text)
	}
}
