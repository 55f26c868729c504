package storagetest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

var teamTests = []test{
	{"update an admin atomically", testUpdateAdminFunc},
	{"revoke an organization, never the last admin", testRevokeAdminOrg},
	{"two admins removing each other: one wins", testRevokeAdminOrgRace},
	{"accept an invitation as a new admin", testAcceptInvitationNewAdmin},
	{"accept an invitation as an existing admin", testAcceptInvitationExisting},
	{"a refused join writes nothing", testAcceptInvitationRefused},
	{"revoke an invitation", testRevokeInvitation},
	{"ssh keys", testSSHKeys},
	{"audit log in order", testAuditLog},
	{"team methods refuse a cancelled context", testTeamCancelled},
}

func testUpdateAdminFunc(t *testing.T, s storage.Store) {
	a, b := newAdmin("Ada", "ada@example.org"), newAdmin("Bob", "bob@example.org")
	must(t, "CreateAdmin a", s.CreateAdmin(bg, &a))
	must(t, "CreateAdmin b", s.CreateAdmin(bg, &b))
	got, err := s.UpdateAdminFunc(bg, a.ID, func(x *model.Admin) error {
		x.Language = model.English
		return nil
	})
	must(t, "UpdateAdminFunc", err)
	a.Language = model.English
	same(t, "UpdateAdminFunc result", got, a)
	stored, err := s.Admin(bg, a.ID)
	must(t, "Admin", err)
	same(t, "stored after UpdateAdminFunc", stored, a)

	refuse := errors.New("no")
	_, err = s.UpdateAdminFunc(bg, a.ID, func(x *model.Admin) error {
		x.FullName = "changed"
		return refuse
	})
	isErr(t, "UpdateAdminFunc refused by change", err, refuse)
	_, err = s.UpdateAdminFunc(bg, a.ID, func(x *model.Admin) error {
		x.Email = "bob@example.org"
		return nil
	})
	isErr(t, "UpdateAdminFunc to a taken email", err, storage.ErrConflict)
	stored, _ = s.Admin(bg, a.ID)
	same(t, "stored after refused changes", stored, a)
	_, err = s.UpdateAdminFunc(bg, 99, func(*model.Admin) error { return nil })
	isErr(t, "UpdateAdminFunc(99)", err, storage.ErrNotFound)
}

func testRevokeAdminOrg(t *testing.T, s storage.Store) {
	a, b := newAdmin("Ada", "ada@example.org"), newAdmin("Bob", "bob@example.org")
	a.OrgIDs, b.OrgIDs = []model.ID{1, 2}, []model.ID{2}
	must(t, "CreateAdmin a", s.CreateAdmin(bg, &a))
	must(t, "CreateAdmin b", s.CreateAdmin(bg, &b))

	_, err := s.RevokeAdminOrg(bg, a.ID, 1)
	var last *model.LastAdminError
	if !errors.As(err, &last) || last.OrgID != 1 {
		t.Errorf("RevokeAdminOrg(last admin of 1) = %v, want *model.LastAdminError for 1", err)
	}
	_, err = s.RevokeAdminOrg(bg, b.ID, 1)
	isErr(t, "RevokeAdminOrg(org b does not administer)", err, storage.ErrNotFound)
	got, err := s.RevokeAdminOrg(bg, b.ID, 2)
	must(t, "RevokeAdminOrg(b, 2)", err)
	if len(got.OrgIDs) != 0 {
		t.Errorf("b after revoke: OrgIDs %v, want none", got.OrgIDs)
	}
	_, err = s.RevokeAdminOrg(bg, a.ID, 2)
	if !errors.As(err, &last) {
		t.Errorf("RevokeAdminOrg(a, 2) once b left = %v, want *model.LastAdminError", err)
	}
	stored, _ := s.Admin(bg, a.ID)
	same(t, "a kept both organizations", stored.OrgIDs, []model.ID{1, 2})
	_, err = s.RevokeAdminOrg(bg, 99, 1)
	isErr(t, "RevokeAdminOrg(unknown admin)", err, storage.ErrNotFound)
}

func testRevokeAdminOrgRace(t *testing.T, s storage.Store) {
	for round := range 10 {
		a := newAdmin("Ada", "ada@example.org")
		b := newAdmin("Bob", "bob@example.org")
		a.Email = a.Email + string(rune('a'+round))
		b.Email = b.Email + string(rune('a'+round))
		org := model.ID(100 + round)
		a.OrgIDs, b.OrgIDs = []model.ID{org}, []model.ID{org}
		must(t, "CreateAdmin a", s.CreateAdmin(bg, &a))
		must(t, "CreateAdmin b", s.CreateAdmin(bg, &b))
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, id := range []model.ID{a.ID, b.ID} {
			wg.Go(func() { _, errs[i] = s.RevokeAdminOrg(bg, id, org) })
		}
		wg.Wait()
		if (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("round %d: two concurrent removals returned %v and %v, want exactly one success", round, errs[0], errs[1])
		}
	}
}

// newInvitation stores an invitation to org with the code hash h.
func newInvitation(t *testing.T, s storage.Store, org model.ID, email string, h string) model.Invitation {
	t.Helper()
	inv := model.Invitation{OrgID: org, Email: email, InvitedBy: 1, CreatedAt: at(1), ExpiresAt: at(8)}
	code := newCode(h, model.PurposeInvite, 0)
	must(t, "CreateInvitation", s.CreateInvitation(bg, &inv, code))
	if inv.ID == 0 {
		t.Fatalf("CreateInvitation left the id zero")
	}
	return inv
}

func testAcceptInvitationNewAdmin(t *testing.T, s storage.Store) {
	inv := newInvitation(t, s, 7, "new@example.org", "inv1")
	got, err := s.Invitation(bg, inv.ID)
	must(t, "Invitation", err)
	same(t, "Invitation", got, inv)

	var seenInv model.Invitation
	var seenCode model.OneTimeCode
	join := storage.InvitationJoin{NewAdmin: newAdmin("New", "new@example.org"), At: at(2),
		Check: func(i model.Invitation, c model.OneTimeCode) error { seenInv, seenCode = i, c; return nil }}
	accepted, admin, err := s.AcceptInvitation(bg, "inv1", join)
	must(t, "AcceptInvitation", err)
	same(t, "invitation seen by check", seenInv, inv)
	if seenCode.SubjectID != inv.ID || seenCode.Purpose != model.PurposeInvite {
		t.Errorf("code seen by check: %+v, want subject %d", seenCode, inv.ID)
	}
	if admin.ID == 0 || len(admin.OrgIDs) != 1 || admin.OrgIDs[0] != 7 {
		t.Errorf("new admin %+v: want an id and exactly organization 7", admin)
	}
	stored, err := s.AdminByEmail(bg, "new@example.org")
	must(t, "AdminByEmail", err)
	same(t, "stored new admin", stored, admin)
	if accepted.AcceptedBy != admin.ID || !accepted.AcceptedAt.Equal(at(2)) {
		t.Errorf("accepted invitation %+v: want AcceptedBy %d at day 2", accepted, admin.ID)
	}
	stored2, _ := s.Invitation(bg, inv.ID)
	same(t, "stored accepted invitation", stored2, accepted)

	join.NewAdmin = newAdmin("Other", "other@example.org")
	_, _, err = s.AcceptInvitation(bg, "inv1", join)
	isErr(t, "AcceptInvitation twice", err, model.ErrCodeUsed)
	_, _, err = s.AcceptInvitation(bg, "nope", join)
	isErr(t, "AcceptInvitation(unknown)", err, storage.ErrNotFound)
	if _, err := s.AdminByEmail(bg, "other@example.org"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("a refused accept created an admin: %v", err)
	}
	list, err := s.ListInvitations(bg)
	must(t, "ListInvitations", err)
	same(t, "ListInvitations", list, []model.Invitation{accepted})
}

func testAcceptInvitationExisting(t *testing.T, s storage.Store) {
	a := newAdmin("Ada", "ada@example.org")
	a.OrgIDs = []model.ID{3}
	must(t, "CreateAdmin", s.CreateAdmin(bg, &a))
	newInvitation(t, s, 3, "", "same")
	newInvitation(t, s, 4, "", "other")
	_, _, err := s.AcceptInvitation(bg, "same", storage.InvitationJoin{AdminID: a.ID, At: at(2)})
	isErr(t, "joining an organization one administers", err, model.ErrAlreadyAdmin)
	isErr(t, "joining an organization one administers", err, storage.ErrConflict)
	_, got, err := s.AcceptInvitation(bg, "other", storage.InvitationJoin{AdminID: a.ID, At: at(2)})
	must(t, "AcceptInvitation(existing admin)", err)
	same(t, "organizations after joining", got.OrgIDs, []model.ID{3, 4})
	_, _, err = s.AcceptInvitation(bg, "same", storage.InvitationJoin{AdminID: a.ID, At: at(2)})
	isErr(t, "the refused code stayed unused", err, model.ErrAlreadyAdmin)
}

func testAcceptInvitationRefused(t *testing.T, s storage.Store) {
	taken := newAdmin("Ada", "ada@example.org")
	must(t, "CreateAdmin", s.CreateAdmin(bg, &taken))
	inv := newInvitation(t, s, 5, "", "h")
	refuse := errors.New("refused")
	_, _, err := s.AcceptInvitation(bg, "h", storage.InvitationJoin{NewAdmin: newAdmin("N", "n@example.org"),
		At: at(2), Check: func(model.Invitation, model.OneTimeCode) error { return refuse }})
	isErr(t, "AcceptInvitation refused by check", err, refuse)
	_, _, err = s.AcceptInvitation(bg, "h", storage.InvitationJoin{NewAdmin: newAdmin("Dup", "ADA@example.org"), At: at(2)})
	isErr(t, "AcceptInvitation with a taken email", err, storage.ErrConflict)
	admins, _ := s.ListAdmins(bg)
	if len(admins) != 1 {
		t.Errorf("refused joins left %d admins, want 1", len(admins))
	}
	got, _ := s.Invitation(bg, inv.ID)
	same(t, "invitation after refused joins", got, inv)
	_, _, err = s.AcceptInvitation(bg, "h", storage.InvitationJoin{NewAdmin: newAdmin("N", "n@example.org"), At: at(2)})
	must(t, "AcceptInvitation after refusals (code still unused)", err)
}

func testRevokeInvitation(t *testing.T, s storage.Store) {
	inv := newInvitation(t, s, 5, "x@example.org", "h")
	got, err := s.RevokeInvitation(bg, inv.ID, at(3))
	must(t, "RevokeInvitation", err)
	if !got.RevokedAt.Equal(at(3)) {
		t.Errorf("RevokedAt = %v, want day 3", got.RevokedAt)
	}
	_, _, err = s.AcceptInvitation(bg, "h", storage.InvitationJoin{NewAdmin: newAdmin("X", "x@example.org"), At: at(4)})
	isErr(t, "accepting a revoked invitation", err, model.ErrCodeUsed)
	_, err = s.RevokeInvitation(bg, 99, at(3))
	isErr(t, "RevokeInvitation(99)", err, storage.ErrNotFound)
}

func testSSHKeys(t *testing.T, s storage.Store) {
	k1 := model.SSHKey{Fingerprint: "SHA256:one", AdminID: 1, Type: "ssh-ed25519", PublicKey: "ssh-ed25519 AAAA1",
		Comment: "laptop", AddedAt: at(1)}
	k2 := model.SSHKey{Fingerprint: "SHA256:two", AdminID: 2, Type: "ssh-ed25519", PublicKey: "ssh-ed25519 AAAA2", AddedAt: at(2)}
	k3 := model.SSHKey{Fingerprint: "SHA256:three", AdminID: 1, Type: "ssh-rsa", PublicKey: "ssh-rsa AAAA3", AddedAt: at(3)}
	for _, k := range []model.SSHKey{k3, k1, k2} {
		must(t, "AddSSHKey "+k.Fingerprint, s.AddSSHKey(bg, k))
	}
	dup := k1
	dup.AdminID = 2
	isErr(t, "AddSSHKey of a registered fingerprint", s.AddSSHKey(bg, dup), storage.ErrConflict)
	got, err := s.SSHKey(bg, "SHA256:one")
	must(t, "SSHKey", err)
	same(t, "SSHKey(one)", got, k1)
	mine, err := s.ListSSHKeys(bg, 1)
	must(t, "ListSSHKeys(1)", err)
	same(t, "ListSSHKeys(1), oldest first", mine, []model.SSHKey{k1, k3})
	all, err := s.ListSSHKeys(bg, 0)
	must(t, "ListSSHKeys(0)", err)
	same(t, "ListSSHKeys(0)", all, []model.SSHKey{k1, k2, k3})
	must(t, "DeleteSSHKey", s.DeleteSSHKey(bg, "SHA256:one"))
	_, err = s.SSHKey(bg, "SHA256:one")
	isErr(t, "SSHKey after delete", err, storage.ErrNotFound)
	isErr(t, "DeleteSSHKey twice", s.DeleteSSHKey(bg, "SHA256:one"), storage.ErrNotFound)
	_, err = s.SSHKey(bg, "")
	isErr(t, "SSHKey(\"\")", err, storage.ErrNotFound)
}

func testAuditLog(t *testing.T, s storage.Store) {
	var want []model.AuditEvent
	for i := range 5 {
		e := model.AuditEvent{At: at(1).Add(time.Duration(i) * time.Minute), AdminID: 1, Action: model.AuditUserCreate,
			Detail: "login" + string(rune('a'+i)), OrgID: model.ID(i % 2), SubjectID: model.ID(10 + i%2)}
		must(t, "AppendAudit", s.AppendAudit(bg, &e))
		if len(want) > 0 && e.ID <= want[len(want)-1].ID {
			t.Fatalf("AppendAudit ids do not grow: %d after %d", e.ID, want[len(want)-1].ID)
		}
		want = append(want, e)
	}
	got, err := s.ListAudit(bg, 0)
	must(t, "ListAudit(0)", err)
	same(t, "ListAudit(0), oldest first", got, want)
	got, err = s.ListAudit(bg, 11)
	must(t, "ListAudit(11)", err)
	same(t, "ListAudit(11)", got, []model.AuditEvent{want[1], want[3]})
}

func testTeamCancelled(t *testing.T, s storage.Store) {
	a := newAdmin("Ada", "ada@example.org")
	must(t, "CreateAdmin", s.CreateAdmin(bg, &a))
	ctx, cancel := context.WithCancel(bg)
	cancel()
	calls := []call{
		{"UpdateAdminFunc", func() error {
			_, err := s.UpdateAdminFunc(ctx, a.ID, func(x *model.Admin) error { x.FullName = "x"; return nil })
			return err
		}},
		{"RevokeAdminOrg", func() error { _, err := s.RevokeAdminOrg(ctx, a.ID, 7); return err }},
		{"SignUpAdmin", func() error { return s.SignUpAdmin(ctx, &model.Admin{Email: "new@example.org"}) }},
		{"CreateInvitation", func() error {
			return s.CreateInvitation(ctx, &model.Invitation{OrgID: 7}, newCode("c", model.PurposeInvite, 0))
		}},
		{"Invitation", func() error { _, err := s.Invitation(ctx, 1); return err }},
		{"ListInvitations", func() error { _, err := s.ListInvitations(ctx); return err }},
		{"RevokeInvitation", func() error { _, err := s.RevokeInvitation(ctx, 1, at(1)); return err }},
		{"AcceptInvitation", func() error {
			_, _, err := s.AcceptInvitation(ctx, "c", storage.InvitationJoin{AdminID: a.ID})
			return err
		}},
		{"AddSSHKey", func() error { return s.AddSSHKey(ctx, model.SSHKey{Fingerprint: "f", AdminID: 1}) }},
		{"SSHKey", func() error { _, err := s.SSHKey(ctx, "f"); return err }},
		{"ListSSHKeys", func() error { _, err := s.ListSSHKeys(ctx, 1); return err }},
		{"DeleteSSHKey", func() error { return s.DeleteSSHKey(ctx, "f") }},
		{"AppendAudit", func() error { return s.AppendAudit(ctx, &model.AuditEvent{Action: "x"}) }},
		{"ListAudit", func() error { _, err := s.ListAudit(ctx, 0); return err }},
	}
	for _, c := range calls {
		isErr(t, c.name, c.call(), context.Canceled)
	}
	got, _ := s.Admin(bg, a.ID)
	same(t, "admin after cancelled calls", got, a)
	if list, _ := s.ListInvitations(bg); len(list) != 0 {
		t.Errorf("a cancelled CreateInvitation stored %d invitations", len(list))
	}
}
