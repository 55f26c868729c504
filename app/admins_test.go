package app

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// twoSchools is a store with two organizations, each with its own admin: A of X, B of Y.
type twoSchools struct {
	f    *fixture
	a, b model.Admin
	x, y model.Organization
}

func newTwoSchools(t *testing.T) *twoSchools {
	t.Helper()
	f := newFixture(t)
	ctx := context.Background()
	s := &twoSchools{f: f}
	s.a = f.verifiedAdmin(t, "ada@example.fr", "password1")
	s.b = f.verifiedAdmin(t, "bob@example.fr", "password1")
	var err error
	if s.x, err = f.app.createOrg(ctx, s.a, model.Organization{Name: "École X", Country: "FR"}, false); err != nil {
		t.Fatal(err)
	}
	if s.y, err = f.app.createOrg(ctx, s.b, model.Organization{Name: "Collège Y", Country: "FR"}, false); err != nil {
		t.Fatal(err)
	}
	s.a, s.b = s.reload(t, s.a), s.reload(t, s.b)
	if !slices.Equal(s.a.OrgIDs, []model.ID{s.x.ID}) || !slices.Equal(s.b.OrgIDs, []model.ID{s.y.ID}) {
		t.Fatalf("setup: A administers %v, B %v", s.a.OrgIDs, s.b.OrgIDs)
	}
	return s
}

func (s *twoSchools) reload(t *testing.T, ad model.Admin) model.Admin {
	t.Helper()
	fresh, err := s.f.store.Admin(context.Background(), ad.ID)
	if err != nil {
		t.Fatal(err)
	}
	return fresh
}

func signUpInput(name, email string) SignUpInput {
	return SignUpInput{FullName: name, Email: email, EmailConfirm: email, Language: model.English, Country: "BE"}
}

func TestInviteAcceptActRemove(t *testing.T) {
	s := newTwoSchools(t)
	f, ctx := s.f, context.Background()

	if _, err := f.app.invite(ctx, s.a, InviteInput{OrgID: s.y.ID}, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("inviting to an organization one does not administer: %v, want not found", err)
	}
	inv, err := f.app.invite(ctx, s.a, InviteInput{Email: " Carl@Example.fr "}, false)
	if err != nil {
		t.Fatal(err)
	}
	if inv.Emailed || len(model.NormalizeCode(inv.Code)) != inviteCodeLen || inv.Org.ID != s.x.ID || inv.Invitation.Email != "carl@example.fr" {
		t.Fatalf("invitation %+v: want a printed %d-character code for X and carl@example.fr", inv, inviteCodeLen)
	}
	preview, err := f.app.CheckInvitation(ctx, inv.Code)
	if err != nil || preview.Org.Name != "École X" || preview.InvitedBy != "Ada Admin" {
		t.Errorf("CheckInvitation = %+v, %v", preview, err)
	}
	if _, err := f.app.SignUpInvited(ctx, signUpInput("Mallory", "mallory@example.fr"), inv.Code); !errors.Is(err, model.ErrInviteOtherEmail) || !errors.Is(err, model.ErrInvalid) {
		t.Errorf("accepting with another email: %v, want ErrInviteOtherEmail", err)
	}
	if _, err := f.store.AdminByEmail(ctx, "mallory@example.fr"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("a refused invitation created an account: %v", err)
	}
	res, err := f.app.SignUpInvited(ctx, signUpInput("Carl Invité", "carl@example.fr"), inv.Code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.SignUpInvited(ctx, signUpInput("Carl Again", "carl2@example.fr"), inv.Code); !errors.Is(err, model.ErrCodeUsed) {
		t.Errorf("a second use of the code: %v, want ErrCodeUsed", err)
	}
	if err := f.app.CreatePassword(ctx, "carl@example.fr", res.Code, "password2"); err != nil {
		t.Fatal(err)
	}
	in, err := f.app.SignIn(ctx, "carl@example.fr", "password2", "test")
	if err != nil {
		t.Fatal(err)
	}
	carl := in.Admin
	if !slices.Equal(carl.OrgIDs, []model.ID{s.x.ID}) {
		t.Fatalf("the invitee administers %v, want only X (%d)", carl.OrgIDs, s.x.ID)
	}

	// Carl acts in X, and cannot in Y.
	u, err := f.app.createUser(ctx, carl, 0, UserFields{LastName: ptr("Durand"), FirstName: ptr("Léa"), Profile: ptr(model.Student)}, false)
	if err != nil || u.OrgID != s.x.ID {
		t.Fatalf("Carl creates a user in his only school: %+v, %v", u, err)
	}
	if _, err := f.app.createUser(ctx, carl, s.y.ID, UserFields{LastName: ptr("Intrus"), Profile: ptr(model.Student)}, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Carl creating a user in Y: %v, want not found", err)
	}
	// Ada sees Carl's change in the log, and Carl in the admins list with X only.
	log, err := f.app.auditLog(ctx, s.a, AuditQuery{Action: "users."})
	if err != nil || len(log) != 1 || log[0].AdminEmail != "carl@example.fr" || log[0].Detail != u.Login || log[0].OrgID != s.x.ID {
		t.Errorf("Ada's log of users changes = %+v, %v; want Carl's creation of %s", log, err, u.Login)
	}
	if log, _ := f.app.auditLog(ctx, s.b, AuditQuery{}); len(log) != 1 || log[0].OrgID != s.y.ID {
		t.Errorf("Bob's log: %+v; want only his creation of Y, nothing about X", log)
	}
	admins, err := f.app.listAdmins(ctx, s.a)
	if err != nil || len(admins) != 2 {
		t.Fatalf("Ada's admins list: %+v, %v; want Ada and Carl", admins, err)
	}
	for _, info := range admins {
		if info.Email == "bob@example.fr" {
			t.Errorf("Ada sees Bob, who administers nothing of hers")
		}
	}

	// Remove: never the last admin, and only from one's own organizations.
	if _, err := f.app.removeAdmin(ctx, s.b, carl.ID, 0, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Bob removing Carl from X: %v, want not found", err)
	}
	if orgs, err := f.app.removeAdmin(ctx, s.a, carl.ID, 0, true); err != nil || !slices.Equal(orgs, []model.ID{s.x.ID}) {
		t.Errorf("dry run: %v, %v", orgs, err)
	}
	if fresh := s.reload(t, carl); !slices.Equal(fresh.OrgIDs, []model.ID{s.x.ID}) {
		t.Errorf("a dry run removed Carl: %v", fresh.OrgIDs)
	}
	if _, err := f.app.removeAdmin(ctx, s.a, carl.ID, 0, false); err != nil {
		t.Fatal(err)
	}
	var last *model.LastAdminError
	_, err = f.app.removeAdmin(ctx, s.a, s.a.ID, s.x.ID, false)
	if !errors.As(err, &last) || last.OrgID != s.x.ID || last.OrgName != "École X" || !errors.Is(err, storage.ErrConflict) {
		t.Errorf("removing the last admin of X: %v, want *model.LastAdminError (a conflict)", err)
	}
	carl = s.reload(t, carl)
	if len(carl.OrgIDs) != 0 {
		t.Errorf("Carl still administers %v", carl.OrgIDs)
	}
	if page, _ := f.app.findUsers(ctx, carl, model.Selection{}, 0, 10); page.Total != 0 {
		t.Errorf("removed, Carl still sees %d users", page.Total)
	}
	log, _ = f.app.auditLog(ctx, s.a, AuditQuery{})
	var actions []model.AuditAction
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	want := []model.AuditAction{model.AuditAdminRemove, model.AuditUserCreate, model.AuditAdminJoin, model.AuditAdminInvite, model.AuditOrgCreate}
	if !slices.Equal(actions, want) {
		t.Errorf("Ada's log: %v, want %v", actions, want)
	}
}

func TestInvitationExpiresAndCanBeWithdrawn(t *testing.T) {
	s := newTwoSchools(t)
	f, ctx := s.f, context.Background()
	old, _ := f.app.invite(ctx, s.a, InviteInput{}, false)
	f.clock.Advance(InviteTTL + time.Minute)
	if _, err := f.app.SignUpInvited(ctx, signUpInput("Late", "late@example.fr"), old.Code); !errors.Is(err, model.ErrCodeExpired) {
		t.Errorf("an expired invitation: %v, want ErrCodeExpired", err)
	}
	fresh, _ := f.app.invite(ctx, s.a, InviteInput{}, false)
	pending, err := f.app.listInvitations(ctx, s.a)
	if err != nil || len(pending) != 1 || pending[0].ID != fresh.Invitation.ID || pending[0].InvitedBy != "ada@example.fr" {
		t.Fatalf("pending invitations: %+v, %v; want only the fresh one", pending, err)
	}
	if list, _ := f.app.listInvitations(ctx, s.b); len(list) != 0 {
		t.Errorf("Bob sees X's invitations: %+v", list)
	}
	if _, err := f.app.revokeInvitation(ctx, s.b, fresh.Invitation.ID, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Bob withdrawing X's invitation: %v, want not found", err)
	}
	if _, err := f.app.revokeInvitation(ctx, s.a, fresh.Invitation.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.SignUpInvited(ctx, signUpInput("Late", "late@example.fr"), fresh.Code); !errors.Is(err, model.ErrCodeUsed) {
		t.Errorf("a withdrawn invitation: %v, want ErrCodeUsed", err)
	}
	if _, err := f.app.SignUpInvited(ctx, signUpInput("Guess", "guess@example.fr"), "AAAA-BBBB-CCCC"); !errors.Is(err, model.ErrCodeInvalid) {
		t.Errorf("an unknown code: %v, want ErrCodeInvalid", err)
	}
}

func TestExistingAdminJoinsAnotherSchool(t *testing.T) {
	s := newTwoSchools(t)
	f, ctx := s.f, context.Background()
	inv, _ := f.app.invite(ctx, s.a, InviteInput{Email: "bob@example.fr"}, false)
	if _, err := f.app.acceptInvitation(ctx, s.a, inv.Code, true); !errors.Is(err, model.ErrInviteOtherEmail) {
		t.Errorf("Ada accepting Bob's invitation: %v", err)
	}
	org, err := f.app.acceptInvitation(ctx, s.b, inv.Code, false)
	if err != nil || org.ID != s.x.ID {
		t.Fatalf("Bob joins X: %+v, %v", org, err)
	}
	bob := s.reload(t, s.b)
	if !slices.Equal(bob.OrgIDs, []model.ID{s.y.ID, s.x.ID}) {
		t.Errorf("Bob administers %v, want Y then X", bob.OrgIDs)
	}
	// Ada sees Bob, but only as an admin of X.
	info, err := f.app.findAdmin(ctx, s.a, "BOB@example.fr")
	if err != nil || !slices.Equal(info.OrgIDs, []model.ID{s.x.ID}) {
		t.Errorf("Ada's view of Bob: %+v, %v; want X only", info, err)
	}
	again, _ := f.app.invite(ctx, s.a, InviteInput{}, false)
	if _, err := f.app.acceptInvitation(ctx, bob, again.Code, false); !errors.Is(err, model.ErrAlreadyAdmin) {
		t.Errorf("joining X twice: %v, want ErrAlreadyAdmin", err)
	}
	if _, err := f.app.invite(ctx, s.a, InviteInput{Email: "bob@example.fr"}, false); !errors.Is(err, model.ErrAlreadyAdmin) {
		t.Errorf("inviting an admin of X to X: %v, want ErrAlreadyAdmin", err)
	}
}

// inviteNotifier records invitations instead of emailing them: the SMTP mailer is wired in cmd.
type inviteNotifier struct{ sent []InvitationMail }

func (n *inviteNotifier) SendVerification(context.Context, string, model.Language, string) error {
	return nil
}

func (n *inviteNotifier) SendInvitation(_ context.Context, _ string, _ model.Language, m InvitationMail) error {
	n.sent = append(n.sent, m)
	return nil
}

func TestInvitationIsEmailedWhenTheNotifierCan(t *testing.T) {
	s := newTwoSchools(t)
	n := &inviteNotifier{}
	a := New(s.f.store, Options{Clock: s.f.clock.Now, Argon2: cheapArgon2, Notifier: n})
	ctx := context.Background()
	res, err := a.invite(ctx, s.a, InviteInput{Email: "carl@example.fr"}, false)
	if err != nil || !res.Emailed || res.Code != "" || len(n.sent) != 1 || n.sent[0].OrgName != "École X" {
		t.Fatalf("emailed invitation: %+v, %v, sent %+v", res, err, n.sent)
	}
	if _, err := a.SignUpInvited(ctx, signUpInput("Carl", "carl@example.fr"), n.sent[0].Code); err != nil {
		t.Errorf("accepting the emailed code: %v", err)
	}
	anyone, _ := a.invite(ctx, s.a, InviteInput{}, false)
	if anyone.Emailed || anyone.Code == "" {
		t.Errorf("an invitation without email must show its code: %+v", anyone)
	}
}
