package app

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"rollcall/mailmerge"
	"rollcall/model"
)

// peopleFixture is one school with three people: Ana (activated, password "ana password 1"),
// Bob (a card not used yet) and Chloé, and its admin.
func peopleFixture(t *testing.T) (*fixture, model.Admin, map[string]model.User) {
	t.Helper()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	org := ada.OrgIDs[0]
	hash, err := hashPassword(cheapArgon2, f.app.random, "ana password 1")
	if err != nil {
		t.Fatal(err)
	}
	people := map[string]model.User{}
	for _, u := range []model.User{
		{OrgID: org, Profile: model.Student, LastName: "Arnaud", FirstName: "Ana", Login: "ana.arnaud", Email: "ana@example.fr",
			PasswordHash: hash, ActivatedAt: f.clock.Now()},
		{OrgID: org, Profile: model.Student, LastName: "Blanc", FirstName: "Bob", Login: "bob.blanc", Email: "bob@example.fr", ActivationCode: "ABCDEFGH"},
		{OrgID: org, Profile: model.Teacher, LastName: "Clément", FirstName: "Chloé", Login: "chloe.clement", ActivationCode: "HGFEDCBA"},
	} {
		if err := f.store.CreateUser(bg, &u); err != nil {
			t.Fatal(err)
		}
		people[u.FirstName] = u
	}
	return f, ada, people
}

// termsSession is a session of admin past the terms step.
func termsSession(t *testing.T, f *fixture, admin model.Admin) *Session {
	t.Helper()
	s := f.session(t, admin)
	if _, err := s.AcceptTerms(bg); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSuspendedAccountsKeepTheirDataAndCannotSignIn(t *testing.T) {
	t.Parallel()
	f, ada, p := peopleFixture(t)
	sess := termsSession(t, f, ada)
	ana, bob := p["Ana"], p["Bob"]
	signedIn, err := f.app.PersonSignIn(bg, "ana.arnaud", "ana password 1", "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}

	dry, err := sess.Bulk(bg, BulkSuspend, []model.ID{ana.ID, bob.ID}, true)
	if err != nil || len(dry.Changed) != 2 || !dry.DryRun {
		t.Fatalf("dry run = %+v, %v", dry, err)
	}
	if u, _ := f.store.User(bg, ana.ID); u.Suspended() {
		t.Fatal("a dry run suspended Ana")
	}
	res, err := sess.Bulk(bg, BulkSuspend, []model.ID{ana.ID, bob.ID, ana.ID}, false)
	if err != nil || len(res.Changed) != 2 || res.Skipped != 0 {
		t.Fatalf("suspend = %+v, %v", res, err)
	}
	again, err := sess.Bulk(bg, BulkSuspend, []model.ID{ana.ID}, false)
	if err != nil || len(again.Changed) != 0 || again.Skipped != 1 {
		t.Errorf("suspending twice = %+v, %v; want it skipped", again, err)
	}
	stored, _ := f.store.User(bg, ana.ID)
	if !stored.Suspended() || stored.Email != "ana@example.fr" || stored.PasswordHash != ana.PasswordHash {
		t.Errorf("a suspended account must keep its data: %+v", stored)
	}
	// Signed out at once, and refused with the right password only; a wrong one reads as ever.
	if _, err := f.app.PersonSessionUser(bg, signedIn.Token); !errors.Is(err, model.ErrNotSignedIn) {
		t.Errorf("the open session of a suspended account: %v", err)
	}
	if _, err := f.app.PersonSignIn(bg, "ana.arnaud", "ana password 1", "10.0.0.1"); !errors.Is(err, model.ErrSuspended) {
		t.Errorf("sign in while suspended: %v, want ErrSuspended", err)
	}
	if _, err := f.app.PersonSignIn(bg, "ana.arnaud", "wrong", "10.0.0.2"); !errors.Is(err, model.ErrInvalidCredentials) {
		t.Errorf("a wrong password while suspended: %v", err)
	}
	// Bob's card neither checks nor activates, and stays usable for later.
	if _, err := f.app.CheckActivationCode(bg, "bob.blanc", "ABCD-EFGH", "10.0.0.3"); !errors.Is(err, model.ErrSuspended) {
		t.Errorf("checking a suspended card: %v", err)
	}
	if _, err := f.app.Activate(bg, "bob.blanc", "ABCD-EFGH", "bob password 1"); !errors.Is(err, model.ErrSuspended) {
		t.Errorf("activating a suspended account: %v", err)
	}
	// A reset code an admin issued does not work while suspended, and is not spent.
	rc, err := sess.IssueResetCode(bg, "ana.arnaud", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.ResetPassword(bg, "ana.arnaud", rc.Code, "new password 2"); !errors.Is(err, model.ErrSuspended) {
		t.Errorf("a reset while suspended: %v", err)
	}

	// Lists show them and filter on them; audit says who did it.
	ids, _ := sess.SelectUserIDs(bg, model.Selection{Suspended: model.TriYes})
	if len(ids) != 2 {
		t.Errorf("--suspended yes selects %d", len(ids))
	}
	log, _ := sess.AuditLog(bg, AuditQuery{Action: string(model.AuditUserSuspend)})
	if len(log) != 1 || log[0].Detail != "ana.arnaud, bob.blanc" {
		t.Errorf("audit = %+v", log)
	}

	back, err := sess.Bulk(bg, BulkUnsuspend, []model.ID{ana.ID, bob.ID, p["Chloé"].ID}, false)
	if err != nil || len(back.Changed) != 2 || back.Skipped != 1 {
		t.Fatalf("unsuspend = %+v, %v", back, err)
	}
	if _, err := f.app.ResetPassword(bg, "ana.arnaud", rc.Code, "new password 2"); err != nil {
		t.Errorf("the reset code after the account came back: %v", err)
	}
	if _, err := f.app.Activate(bg, "bob.blanc", "ABCD-EFGH", "bob password 1"); err != nil {
		t.Errorf("the card after the account came back: %v", err)
	}
}

func TestSuspendedAccountsGetNoCardNorEmail(t *testing.T) {
	t.Parallel()
	f, ada, p := peopleFixture(t)
	sess := termsSession(t, f, ada)
	if _, err := setMailEverywhere(f.app, bg, ada, MailSettingsChange{ActivationURL: ptr("https://rollcall.example.fr/activate")}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Bulk(bg, BulkSuspend, []model.ID{p["Bob"].ID}, false); err != nil {
		t.Fatal(err)
	}
	prev, err := sess.PreviewMerge(bg, model.Selection{}, MergeOptions{})
	if err != nil || prev.Counts.Total != 2 || prev.Counts.Suspended != 1 || prev.Counts.WithEmail != 1 {
		t.Fatalf("preview counts = %+v, %v; want 2 cards, 1 suspended skipped, 1 email", prev.Counts, err)
	}
	var pdf bytes.Buffer
	res, err := sess.MergePDF(bg, model.Selection{}, mailmerge.Layout{PerSheet: 8}, MergeOptions{}, &pdf, nil)
	if err != nil || res.Cards != 2 || res.Suspended != 1 {
		t.Errorf("cards = %+v, %v; want 2 cards and 1 suspended", res, err)
	}
}

func TestBulkActionsOnASelection(t *testing.T) {
	t.Parallel()
	f, ada, p := peopleFixture(t)
	sess := termsSession(t, f, ada)
	students := model.Selection{Profiles: []model.Profile{model.Student}}

	codes, err := sess.BulkSelection(bg, BulkNewCodes, students, false)
	if err != nil || len(codes.Changed) != 1 || codes.Skipped != 1 || codes.Changed[0].ID != p["Bob"].ID {
		t.Fatalf("new codes = %+v, %v; want Bob's only (Ana is activated)", codes, err)
	}
	if u, _ := f.store.User(bg, p["Bob"].ID); u.ActivationCode == "ABCDEFGH" || len(u.ActivationCode) != 8 {
		t.Errorf("Bob's code = %q", u.ActivationCode)
	}
	pend, err := sess.BulkSelection(bg, BulkPending, students, false)
	if err != nil || len(pend.Changed) != 2 {
		t.Fatalf("pending = %+v, %v", pend, err)
	}
	if ids, _ := sess.SelectUserIDs(bg, model.Selection{Pending: model.PendingOnly}); len(ids) != 2 {
		t.Errorf("pending only: %d", len(ids))
	}
	rest, err := sess.Bulk(bg, BulkRestore, []model.ID{p["Ana"].ID, p["Chloé"].ID}, false)
	if err != nil || len(rest.Changed) != 1 || rest.Skipped != 1 {
		t.Errorf("restore = %+v, %v", rest, err)
	}
	// Another school's person fails the whole action, and nothing changes.
	other := model.User{OrgID: 999, LastName: "Zed", Login: "zed"}
	if err := f.store.CreateUser(bg, &other); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Bulk(bg, BulkSuspend, []model.ID{p["Chloé"].ID, other.ID}, false); err == nil {
		t.Error("an action reaching another school's person was allowed")
	}
	if u, _ := f.store.User(bg, p["Chloé"].ID); u.Suspended() {
		t.Error("a refused bulk action changed someone")
	}
	if !slices.Contains(BulkActions, BulkNewCodes) {
		t.Error("BulkActions lacks new codes")
	}
}
