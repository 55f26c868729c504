package app

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// sessionOwn are the Session methods that work before the terms step: who am I, the step
// itself, the language, signing out, and the admin's own SSH keys.
var sessionOwn = []string{"Admin", "AcceptTerms", "SetLanguage", "SignOut", "Token", "Now",
	"AddSSHKey", "ListSSHKeys", "RemoveSSHKey"}

// TestNoAppMethodTakesAnAdmin holds the one way to act: an operation for an admin is a
// Session method, never an App method handed a model.Admin a face kept.
func TestNoAppMethodTakesAnAdmin(t *testing.T) {
	admin := reflect.TypeFor[model.Admin]()
	app := reflect.TypeFor[*App]()
	for i := range app.NumMethod() {
		m := app.Method(i)
		for j := range m.Type.NumIn() {
			if m.Type.In(j) == admin {
				t.Errorf("App.%s takes a model.Admin: make it a method of *Session (see session.go)", m.Name)
			}
		}
	}
}

// callAll calls every exported Session method but skip with zero arguments (a background
// context first) and hands each its error.
func callAll(t *testing.T, s *Session, skip []string, check func(name string, err error)) {
	t.Helper()
	v := reflect.ValueOf(s)
	typ := v.Type()
	ctx := reflect.ValueOf(context.Background())
	errType := reflect.TypeFor[error]()
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		if slices.Contains(skip, m.Name) {
			continue
		}
		mt := m.Type // receiver first
		if mt.NumIn() < 2 || mt.In(1) != reflect.TypeFor[context.Context]() || mt.NumOut() == 0 ||
			mt.Out(mt.NumOut()-1) != errType {
			t.Errorf("Session.%s is not an operation (ctx first, error last): list it in sessionOwn or fix it", m.Name)
			continue
		}
		args := []reflect.Value{ctx}
		for j := 2; j < mt.NumIn(); j++ {
			if mt.IsVariadic() && j == mt.NumIn()-1 {
				break
			}
			args = append(args, reflect.Zero(mt.In(j)))
		}
		out := v.Method(i).Call(args)
		err, _ := out[len(out)-1].Interface().(error)
		check(m.Name, err)
	}
}

func TestEverySessionOperationWaitsForTheTerms(t *testing.T) {
	f := newFixture(t)
	admin := f.verifiedAdmin(t, "ada@example.fr", "password1")
	s := f.session(t, admin)
	callAll(t, s, sessionOwn, func(name string, err error) {
		if !errors.Is(err, model.ErrTermsNotAccepted) {
			t.Errorf("Session.%s before the terms step: %v, want ErrTermsNotAccepted", name, err)
		}
	})
	if _, err := s.ListSSHKeys(context.Background()); err != nil {
		t.Errorf("the admin's own SSH keys before the terms step: %v", err)
	}
}

func TestEverySessionOperationEndsWithTheSession(t *testing.T) {
	f := newFixture(t)
	admin := f.verifiedAdmin(t, "ada@example.fr", "password1")
	s := f.session(t, admin)
	if _, err := s.AcceptTerms(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := f.app.SignOut(context.Background(), s.Token()); err != nil { // elsewhere: another face
		t.Fatal(err)
	}
	callAll(t, s, []string{"Token", "Now", "SignOut"}, func(name string, err error) {
		if !errors.Is(err, model.ErrNotSignedIn) {
			t.Errorf("Session.%s after the session ended: %v, want ErrNotSignedIn", name, err)
		}
	})
}

// TestRemovalReachesAnOpenSession: Bob, admin of X and Y, has a session open (a screen shows
// X's users); Ada removes him from X. His very next call through the same session no longer
// sees or changes X.
func TestRemovalReachesAnOpenSession(t *testing.T) {
	s := newTwoSchools(t)
	f, ctx := s.f, context.Background()
	inv, err := f.app.invite(ctx, s.a, InviteInput{OrgID: s.x.ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.acceptInvitation(ctx, s.b, inv.Code, false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.importFiles(ctx, s.a, inputs(schoolRoster(t, "X", 4)), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	bob := f.session(t, s.b)
	if _, err := bob.AcceptTerms(ctx); err != nil {
		t.Fatal(err)
	}
	inX := model.Selection{OrgIDs: []model.ID{s.x.ID}}
	page, err := bob.FindUsers(ctx, inX, 0, 10)
	if err != nil || page.Total != 4 {
		t.Fatalf("Bob sees %d of X's users (%v), want 4", page.Total, err)
	}
	victim := page.Users[0].ID

	if _, err := f.app.removeAdmin(ctx, s.a, s.b.ID, s.x.ID, false); err != nil {
		t.Fatal(err)
	}
	if page, err := bob.FindUsers(ctx, inX, 0, 10); err == nil && page.Total != 0 {
		t.Errorf("after his removal Bob still lists %d of X's users", page.Total)
	}
	if _, err := bob.GetUser(ctx, victim); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("after his removal Bob reads X's user: %v", err)
	}
	if _, err := bob.MarkPendingDeletion(ctx, []model.ID{victim}, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("after his removal Bob marks X's user for deletion: %v", err)
	}
	orgs, err := bob.ListOrgs(ctx)
	if err != nil || slices.ContainsFunc(orgs, func(o model.Organization) bool { return o.ID == s.x.ID }) {
		t.Errorf("after his removal Bob's schools: %v, %v", orgs, err)
	}
}
