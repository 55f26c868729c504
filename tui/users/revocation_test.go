package users

import (
	"context"
	"testing"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
)

// TestARemovedAdminsOpenScreenLosesTheSchool is the case through the face where it was
// seen: Bob's Users screen is open on the Collège's users when Ada removes him from it. The
// screen acts through his session, which app reads afresh at each call: marking one of the
// Collège's users for deletion is refused, and a reload shows none of them.
func TestARemovedAdminsOpenScreenLosesTheSchool(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ada := demoSession(t, model.English)
	orgs, err := ada.Acting.ListOrgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	x := orgs[0]
	inv, err := ada.Acting.Invite(ctx, app.InviteInput{OrgID: x.ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	bob := tuitest.SignUp(t, ada.App, "bob@example.org", model.English, true)
	if _, err := bob.Session.AcceptInvitation(ctx, inv.Code, false); err != nil {
		t.Fatal(err)
	}
	sess := tuitest.SessionOver(ada.App, model.English)
	if sess.Admin, err = bob.Session.Admin(ctx); err != nil {
		t.Fatal(err)
	}
	sess.Acting = bob.Session
	inX := count(t, sess, model.Selection{})
	m, d := open(t, sess)
	waitCount(d, m, inX)
	victim := one(t, d, m, "hugo.arnaud")
	d.Press("enter")
	d.WaitFor("the detail", func() bool { return m.detail.loaded })

	if _, err := ada.Acting.RemoveAdmin(ctx, bob.Admin.ID, x.ID, false); err != nil {
		t.Fatal(err)
	}
	d.Press("p")
	d.WaitFor("the refusal", func() bool { return m.errText != "" })
	if u, err := ada.Acting.GetUser(ctx, victim.ID); err != nil || u.PendingDeletion() {
		t.Fatalf("the removed admin marked %s for deletion (%v)", u.Login, err)
	}
	d.Press("esc")
	d.Press("ctrl+r")
	waitCount(d, m, 0)
}
