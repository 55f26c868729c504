package storagetest

import (
	"context"
	"io"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var contextTests = []test{
	{"every method refuses a cancelled context", testCancelledContext},
}

func testCancelledContext(t *testing.T, s storage.Store) {
	u := model.User{LastName: "U", Login: "u"}
	must(t, "CreateUser", s.CreateUser(bg, &u))
	must(t, "PutCode", s.PutCode(bg, newCode("h", model.PurposeInvite, u.ID)))
	ctx, cancel := context.WithCancel(bg)
	cancel()
	calls := cancelledCalls(ctx, s, u)
	for _, c := range calls {
		isErr(t, c.name, c.call(), context.Canceled)
	}
	// Nothing above was written.
	if _, err := s.User(bg, u.ID); err != nil {
		t.Errorf("DeleteUser with a cancelled context deleted the user: %v", err)
	}
	if _, err := s.SpendCode(bg, model.PurposeInvite, "h", accept); err != nil {
		t.Errorf("a cancelled SpendCode or RevokeCodes spent the code: %v", err)
	}
	seedLeftNothing(t, s, 1)
	if v, _ := s.Meta(bg, "k"); v != "" {
		t.Errorf("SetMeta with a cancelled context wrote %q", v)
	}
	if tok, _ := s.LocalToken(bg, "alice"); tok != "" {
		t.Errorf("SetLocalToken with a cancelled context wrote %q", tok)
	}
}

// call is one store method invoked with fixed arguments.
type call struct {
	name string
	call func() error
}

// cancelledCalls is every method of the store called with ctx; u is a stored user.
func cancelledCalls(ctx context.Context, s storage.Store, u model.User) []call {
	return []call{
		{"CreateAdmin", func() error { return s.CreateAdmin(ctx, &model.Admin{Email: "a@example.org"}) }},
		{"Admin", func() error { _, err := s.Admin(ctx, 1); return err }},
		{"AdminByEmail", func() error { _, err := s.AdminByEmail(ctx, "a@example.org"); return err }},
		{"UpdateAdmin", func() error { return s.UpdateAdmin(ctx, model.Admin{ID: 1}) }},
		{"ListAdmins", func() error { _, err := s.ListAdmins(ctx); return err }},
		{"PutCode", func() error { return s.PutCode(ctx, newCode("x", model.PurposeInvite, 1)) }},
		{"SpendCode", func() error { _, err := s.SpendCode(ctx, model.PurposeInvite, "h", accept); return err }},
		{"RevokeCodes", func() error { return s.RevokeCodes(ctx, model.PurposeInvite, u.ID) }},
		{"PutSession", func() error { return s.PutSession(ctx, model.Session{TokenHash: "t"}) }},
		{"Session", func() error { _, err := s.Session(ctx, "t"); return err }},
		{"DeleteSession", func() error { return s.DeleteSession(ctx, "t") }},
		{"SetLocalToken", func() error { return s.SetLocalToken(ctx, "alice", "t") }},
		{"LocalToken", func() error { _, err := s.LocalToken(ctx, "alice"); return err }},
		{"CreateOrg", func() error { return s.CreateOrg(ctx, &model.Organization{Name: "O"}) }},
		{"Org", func() error { _, err := s.Org(ctx, 1); return err }},
		{"UpdateOrg", func() error { return s.UpdateOrg(ctx, model.Organization{ID: 1}) }},
		{"ListOrgs", func() error { _, err := s.ListOrgs(ctx); return err }},
		{"CreateClass", func() error { return s.CreateClass(ctx, &model.Class{OrgID: 1, Code: "C"}) }},
		{"Class", func() error { _, err := s.Class(ctx, 1); return err }},
		{"UpdateClass", func() error { return s.UpdateClass(ctx, model.Class{ID: 1}) }},
		{"DeleteClass", func() error { return s.DeleteClass(ctx, 1) }},
		{"ListClasses", func() error { _, err := s.ListClasses(ctx); return err }},
		{"CreateGroup", func() error { return s.CreateGroup(ctx, &model.Group{OrgID: 1, Code: "G"}) }},
		{"Group", func() error { _, err := s.Group(ctx, 1); return err }},
		{"UpdateGroup", func() error { return s.UpdateGroup(ctx, model.Group{ID: 1}) }},
		{"DeleteGroup", func() error { return s.DeleteGroup(ctx, 1) }},
		{"ListGroups", func() error { _, err := s.ListGroups(ctx); return err }},
		{"CreateUser", func() error { return s.CreateUser(ctx, &model.User{Login: "v"}) }},
		{"User", func() error { _, err := s.User(ctx, u.ID); return err }},
		{"UserByLogin", func() error { _, err := s.UserByLogin(ctx, "u"); return err }},
		{"UserByExternalID", func() error { _, err := s.UserByExternalID(ctx, "s", "e"); return err }},
		{"UpdateUser", func() error { return s.UpdateUser(ctx, u) }},
		{"DeleteUser", func() error { return s.DeleteUser(ctx, u.ID) }},
		{"CountUsers", func() error { _, err := s.CountUsers(ctx); return err }},
		{"ForEachUser", func() error { return s.ForEachUser(ctx, func(*model.User) error { return nil }) }},
		{"CreateSubscription", func() error { return s.CreateSubscription(ctx, &model.Subscription{OrgID: 1}) }},
		{"Subscription", func() error { _, err := s.Subscription(ctx, 1); return err }},
		{"ListSubscriptions", func() error { _, err := s.ListSubscriptions(ctx); return err }},
		{"ApplySeed", func() error { return s.ApplySeed(ctx, demoSeed()) }},
		{"Apply", func() error {
			_, err := s.Apply(ctx, storage.Batch{Users: []model.User{{ID: model.TempID(1), Login: "w"}}})
			return err
		}},
		{"ListImports", func() error { _, err := s.ListImports(ctx); return err }},
		{"ImportUndo", func() error { _, err := s.ImportUndo(ctx, 1); return err }},
		{"Provenance", func() error { _, err := s.Provenance(ctx, u.ID); return err }},
		{"Meta", func() error { _, err := s.Meta(ctx, "k"); return err }},
		{"SetMeta", func() error { return s.SetMeta(ctx, "k", "v") }},
		{"Backup", func() error { _, err := s.Backup(ctx, io.Discard); return err }},
	}
}
