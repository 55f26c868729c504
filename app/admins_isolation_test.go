package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// schoolRoster is an ENT students file of n students with ids prefixed by the school's letter.
func schoolRoster(t *testing.T, letter string, n int) string {
	t.Helper()
	rows := classRoster(n)
	for i := range rows {
		rows[i].id, rows[i].last = letter+rows[i].id, "ÉLÈVE"+letter
	}
	return writeStudents(t, t.TempDir(), rows)
}

// TestAdminOfOneSchoolCannotSeeOrChangeAnother checks every app operation an admin of Y could
// aim at X: users, classes, imports, exports, invitations, admins and the log.
func TestAdminOfOneSchoolCannotSeeOrChangeAnother(t *testing.T) {
	s := newTwoSchools(t)
	f, ctx := s.f, context.Background()
	if _, err := f.app.importFiles(ctx, s.a, inputs(schoolRoster(t, "X", 5)), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.importFiles(ctx, s.b, inputs(schoolRoster(t, "Y", 3)), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	xUser, err := f.store.UserByExternalID(ctx, "ent", "XS-001")
	if err != nil {
		t.Fatal(err)
	}
	xClass, err := f.app.findSet(ctx, s.a, Classes, "6A")
	if err != nil || xClass.OrgID != s.x.ID {
		t.Fatalf("X's class 6A: %+v, %v", xClass, err)
	}
	yClass, _ := f.app.findSet(ctx, s.b, Classes, "6A")
	bob := s.b

	notFound := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("Bob %s: err = %v, want not found", what, err)
		}
	}
	_, err = f.app.getUser(ctx, bob, xUser.ID)
	notFound("reading X's user", err)
	_, err = f.app.findUserByLogin(ctx, bob, xUser.Login)
	notFound("finding X's user by login", err)
	_, err = f.app.userProvenance(ctx, bob, xUser.ID)
	notFound("reading where X's user came from", err)
	_, err = f.app.editUser(ctx, bob, xUser.ID, UserFields{LastName: ptr("Pirate")}, false)
	notFound("editing X's user", err)
	_, err = f.app.setLocalAdmin(ctx, bob, xUser.ID, true, false)
	notFound("making X's user a local admin", err)
	_, err = f.app.regenerateActivationCode(ctx, bob, xUser.ID, false)
	notFound("renewing X's user's code", err)
	_, err = f.app.markPendingDeletion(ctx, bob, []model.ID{xUser.ID}, false)
	notFound("marking X's user for deletion", err)
	_, err = f.app.deleteUsers(ctx, bob, []model.ID{xUser.ID}, false)
	notFound("deleting X's user", err)
	_, err = f.app.createUser(ctx, bob, s.x.ID, UserFields{LastName: ptr("Intrus"), Profile: ptr(model.Student)}, false)
	notFound("creating a user in X", err)
	_, err = f.app.renameSet(ctx, bob, Classes, xClass.ID, "Pirates", "", false)
	notFound("renaming X's class", err)
	_, err = f.app.deleteSet(ctx, bob, Classes, xClass.ID, true, false)
	notFound("deleting X's class", err)
	_, err = f.app.changeMembers(ctx, bob, Classes, xClass.ID, nil, true, false)
	notFound("changing X's class members", err)
	_, err = f.app.changeMembers(ctx, bob, Classes, yClass.ID, []model.ID{xUser.ID}, true, false)
	notFound("adding X's user to his own class", err)
	_, err = f.app.createSet(ctx, bob, Groups, SetInput{OrgID: s.x.ID, Code: "G1"}, false)
	notFound("creating a group in X", err)
	_, err = f.app.importFiles(ctx, bob, inputs(schoolRoster(t, "Z", 2)), ImportOptions{OrgID: s.x.ID}, nil)
	notFound("importing into X", err)
	_, err = f.app.invite(ctx, bob, InviteInput{OrgID: s.x.ID}, false)
	notFound("inviting an admin to X", err)
	_, err = f.app.removeAdmin(ctx, bob, s.a.ID, 0, false)
	notFound("removing X's admin", err)

	// What Bob lists is Y's only.
	page, err := f.app.findUsers(ctx, bob, model.Selection{OrgIDs: []model.ID{s.x.ID, s.y.ID}}, 0, 100)
	if err != nil || page.Total != 3 {
		t.Errorf("Bob's users (asking for X and Y): %d, %v; want Y's 3", page.Total, err)
	}
	for _, u := range page.Users {
		if u.OrgID != s.y.ID {
			t.Errorf("Bob sees %s of organization %d", u.Login, u.OrgID)
		}
	}
	sets, _ := f.app.listSets(ctx, bob, Classes)
	if len(sets) != 1 || sets[0].ID != yClass.ID {
		t.Errorf("Bob's classes: %+v, want Y's 6A only", sets)
	}
	runs, _ := f.app.importHistory(ctx, bob)
	if len(runs) != 1 || !slices.Equal(runs[0].OrgIDs, []model.ID{s.y.ID}) {
		t.Errorf("Bob's import history: %+v, want his own run", runs)
	}
	var out bytes.Buffer
	n, err := f.app.exportUsers(ctx, bob, model.Selection{}, ExportCSV, testLabels, &out)
	if err != nil || n != 3 || bytes.Contains(out.Bytes(), []byte("ÉLÈVEX")) {
		t.Errorf("Bob's export: %d users, %v; X's students must not appear:\n%s", n, err, out.String())
	}
	ov, _ := f.app.overview(ctx, bob)
	if ov.Users != 3 || len(ov.Orgs) != 1 {
		t.Errorf("Bob's overview: %+v", ov)
	}
	orgs, _ := f.app.listOrgs(ctx, bob)
	if len(orgs) != 1 || orgs[0].ID != s.y.ID {
		t.Errorf("Bob's organizations: %+v", orgs)
	}
	if log, _ := f.app.auditLog(ctx, bob, AuditQuery{}); slices.ContainsFunc(log, func(r AuditRecord) bool { return r.OrgID == s.x.ID }) {
		t.Errorf("Bob's log shows X's events: %+v", log)
	}
	// And X is untouched.
	if got, _ := f.store.User(ctx, xUser.ID); got.LastName != xUser.LastName || got.PendingDeletion() || got.LocalAdmin {
		t.Errorf("X's user changed: %+v", got)
	}
}

// TestUndoSkipsAnotherSchoolsLaterImport: Ada's undo reverts her own latest run, even when Bob
// imported into his school since. Before, the newest run of the whole store blocked her.
func TestUndoSkipsAnotherSchoolsLaterImport(t *testing.T) {
	s := newTwoSchools(t)
	f, ctx := s.f, context.Background()
	mine, err := f.app.importFiles(ctx, s.a, inputs(schoolRoster(t, "X", 4)), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.importFiles(ctx, s.b, inputs(schoolRoster(t, "Y", 2)), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	run, err := f.app.undoLastImport(ctx, s.a, false)
	if err != nil || run.ID != mine.RunID {
		t.Fatalf("Ada's undo: run %d, %v; want her run %d", run.ID, err, mine.RunID)
	}
	if page, _ := f.app.findUsers(ctx, s.b, model.Selection{}, 0, 10); page.Total != 2 {
		t.Errorf("Ada's undo touched Bob's school: %d users left, want 2", page.Total)
	}
	if _, err := f.app.undoLastImport(ctx, s.a, false); !errors.Is(err, model.ErrNothingToUndo) {
		t.Errorf("a second undo by Ada: %v, want nothing to undo (Bob's run is not hers)", err)
	}
	log, _ := f.app.auditLog(ctx, s.a, AuditQuery{Action: "import."})
	if len(log) != 2 || log[0].Action != model.AuditImportUndo || log[1].Action != model.AuditImport {
		t.Errorf("Ada's import log: %+v, want the run then its undo", log)
	}
}

// TestDemoKeepsSchoolsApart: loading the demo gives every admin the demo schools, never another
// admin's real one. Before, every admin got every organization.
func TestDemoKeepsSchoolsApart(t *testing.T) {
	s := newTwoSchools(t)
	f, ctx := s.f, context.Background()
	if _, err := f.app.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	a, b := s.reload(t, s.a), s.reload(t, s.b)
	if slices.Contains(a.OrgIDs, s.y.ID) || slices.Contains(b.OrgIDs, s.x.ID) {
		t.Errorf("after the demo, Ada administers %v and Bob %v: each got the other's school", a.OrgIDs, b.OrgIDs)
	}
	if !slices.Contains(a.OrgIDs, s.x.ID) || len(a.OrgIDs) != 3 || len(b.OrgIDs) != 3 {
		t.Errorf("after the demo, Ada administers %v and Bob %v; want their own and the 2 demo schools", a.OrgIDs, b.OrgIDs)
	}
}

// adminHookStore runs a hook once, right after the next read of an admin: a stand-in for another
// session changing the admin between a read and a write.
type adminHookStore struct {
	storage.Store
	mu   sync.Mutex
	hook func()
}

func (h *adminHookStore) fire() {
	h.mu.Lock()
	hook := h.hook
	h.hook = nil
	h.mu.Unlock()
	if hook != nil {
		hook()
	}
}

func (h *adminHookStore) Admin(ctx context.Context, id model.ID) (model.Admin, error) {
	a, err := h.Store.Admin(ctx, id)
	h.fire()
	return a, err
}

func (h *adminHookStore) AdminByEmail(ctx context.Context, email string) (model.Admin, error) {
	a, err := h.Store.AdminByEmail(ctx, email)
	h.fire()
	return a, err
}

// TestRemovalSurvivesConcurrentAdminWrites: while Bob is removed from X, his own session saves
// a language, accepts the terms or fails a sign-in; none of these writes may give X back.
func TestRemovalSurvivesConcurrentAdminWrites(t *testing.T) {
	ops := map[string]func(a *App, bob model.Admin) error{
		"language": func(a *App, bob model.Admin) error {
			_, err := mustOpen(a, bob).SetLanguage(context.Background(), model.French)
			return err
		},
		"terms": func(a *App, bob model.Admin) error {
			_, err := mustOpen(a, bob).AcceptTerms(context.Background())
			return err
		},
		"failed sign-in": func(a *App, bob model.Admin) error {
			_, err := a.SignIn(context.Background(), bob.Email, "wrong-password9", "test")
			if errors.Is(err, model.ErrInvalidCredentials) {
				return nil
			}
			return err
		},
	}
	for name, op := range ops {
		t.Run(name, func(t *testing.T) {
			s := newTwoSchools(t)
			ctx := context.Background()
			inv, _ := s.f.app.invite(ctx, s.a, InviteInput{}, false)
			if _, err := s.f.app.acceptInvitation(ctx, s.b, inv.Code, false); err != nil {
				t.Fatal(err)
			}
			bob := s.reload(t, s.b)
			hooked := &adminHookStore{Store: s.f.store}
			a := New(hooked, Options{Clock: s.f.clock.Now, Argon2: cheapArgon2})
			hooked.hook = func() {
				if _, err := s.f.app.removeAdmin(ctx, s.a, bob.ID, s.x.ID, false); err != nil {
					t.Errorf("removing Bob from X: %v", err)
				}
			}
			if err := op(a, bob); err != nil {
				t.Fatal(err)
			}
			hooked.fire() // an operation that never read the admin first: the removal comes after it
			if got := s.reload(t, bob); slices.Contains(got.OrgIDs, s.x.ID) {
				t.Errorf("after %s, Bob administers X again: %v", name, got.OrgIDs)
			}
		})
	}
}

// TestOnceOnlyStepsUnderConcurrentSessions: several SSH sessions at once must not make two
// "first" admins (each given every school) nor load the demo twice.
func TestOnceOnlyStepsUnderConcurrentSessions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	org := model.Organization{Name: "École existante"}
	if err := f.store.CreateOrg(ctx, &org); err != nil {
		t.Fatal(err)
	}
	const n = 6
	var wg sync.WaitGroup
	demoErrs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			email := fmt.Sprintf("admin%d@example.fr", i)
			if _, err := f.app.SignUp(ctx, signUpInput("Admin", email)); err != nil {
				t.Errorf("signup %d: %v", i, err)
			}
		})
		wg.Go(func() { _, demoErrs[i] = f.app.LoadDemo(ctx) })
	}
	wg.Wait()
	admins, _ := f.store.ListAdmins(ctx)
	owners := 0
	for _, ad := range admins {
		if slices.Contains(ad.OrgIDs, org.ID) {
			owners++
		}
	}
	if owners != 1 {
		t.Errorf("%d admins were given the existing school, want only the first", owners)
	}
	loaded := 0
	for _, err := range demoErrs {
		switch {
		case err == nil:
			loaded++
		case !errors.Is(err, model.ErrDemoLoaded):
			t.Errorf("a concurrent demo load: %v, want ErrDemoLoaded", err)
		}
	}
	if loaded != 1 {
		t.Errorf("the demo was loaded %d times, want once", loaded)
	}
}

// mustOpen opens a session for admin on a, as the SSH server does after authenticating them.
func mustOpen(a *App, admin model.Admin) *Session {
	s, err := a.OpenSession(context.Background(), admin.ID, "test")
	if err != nil {
		panic(err)
	}
	return s
}
