package storagetest

import (
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var adminTests = []test{
	{"create get list update", testAdminCRUD},
	{"email is unique after normalization", testAdminEmailUnique},
	{"email change moves the index", testAdminEmailChange},
	{"missing admin", testAdminMissing},
}

func newAdmin(name, email string) model.Admin {
	return model.Admin{FullName: name, Email: email, Language: model.French, Country: "FR",
		PasswordHash: "$argon2id$v=19$m=65536,t=3,p=2$c2FsdA$aGFzaA", CreatedAt: at(1),
		VerifiedAt: at(2), OrgIDs: []model.ID{7, 9}, FailedSignIns: 2, LastFailedSignIn: at(3)}
}

func testAdminCRUD(t *testing.T, s storage.Store) {
	a, b := newAdmin("Ada", "ada@example.org"), newAdmin("Bob", "bob@example.org")
	must(t, "CreateAdmin a", s.CreateAdmin(bg, &a))
	must(t, "CreateAdmin b", s.CreateAdmin(bg, &b))
	if a.ID == 0 || b.ID == 0 || a.ID == b.ID {
		t.Fatalf("ids %d and %d: want two distinct non-zero ids", a.ID, b.ID)
	}
	got, err := s.Admin(bg, a.ID)
	must(t, "Admin", err)
	same(t, "Admin(a)", got, a)
	got, err = s.AdminByEmail(bg, "  ADA@Example.org ")
	must(t, "AdminByEmail", err)
	same(t, "AdminByEmail(a)", got, a)

	// A shorter OrgIDs than the previous admin's: a list decoding into a reused slice shows.
	b.FullName, b.FailedSignIns, b.OrgIDs = "Bob B.", 0, []model.ID{4}
	b.TermsAcceptedAt = at(4)
	must(t, "UpdateAdmin", s.UpdateAdmin(bg, b))
	got, err = s.Admin(bg, b.ID)
	must(t, "Admin after update", err)
	same(t, "Admin(b) after update", got, b)

	list, err := s.ListAdmins(bg)
	must(t, "ListAdmins", err)
	same(t, "ListAdmins", list, []model.Admin{a, b})
}

func testAdminEmailUnique(t *testing.T, s storage.Store) {
	a, b := newAdmin("Ada", "ada@example.org"), newAdmin("Bob", "bob@example.org")
	must(t, "CreateAdmin a", s.CreateAdmin(bg, &a))
	must(t, "CreateAdmin b", s.CreateAdmin(bg, &b))
	dup := newAdmin("Impostor", "ADA@example.org")
	isErr(t, "CreateAdmin with a taken email", s.CreateAdmin(bg, &dup), storage.ErrConflict)

	b.Email = "ada@example.org"
	isErr(t, "UpdateAdmin to a taken email", s.UpdateAdmin(bg, b), storage.ErrConflict)
	got, err := s.Admin(bg, b.ID)
	must(t, "Admin b", err)
	if got.Email != "bob@example.org" {
		t.Errorf("refused update changed the admin: email %q", got.Email)
	}
	got, err = s.AdminByEmail(bg, "ada@example.org")
	must(t, "AdminByEmail", err)
	if got.ID != a.ID {
		t.Errorf("AdminByEmail(ada) = admin %d after a refused update, want %d", got.ID, a.ID)
	}
	list, err := s.ListAdmins(bg)
	must(t, "ListAdmins", err)
	if len(list) != 2 {
		t.Errorf("ListAdmins: %d admins after refused writes, want 2", len(list))
	}
}

func testAdminEmailChange(t *testing.T, s storage.Store) {
	a := newAdmin("Ada", "ada@example.org")
	must(t, "CreateAdmin", s.CreateAdmin(bg, &a))
	a.Email = "ada@school.example"
	must(t, "UpdateAdmin", s.UpdateAdmin(bg, a))
	_, err := s.AdminByEmail(bg, "ada@example.org")
	isErr(t, "AdminByEmail(old email)", err, storage.ErrNotFound)
	got, err := s.AdminByEmail(bg, "ada@school.example")
	must(t, "AdminByEmail(new email)", err)
	if got.ID != a.ID {
		t.Errorf("AdminByEmail(new) = %d, want %d", got.ID, a.ID)
	}
	other := newAdmin("Other Ada", "ada@example.org")
	must(t, "CreateAdmin with the freed email", s.CreateAdmin(bg, &other))
}

func testAdminMissing(t *testing.T, s storage.Store) {
	_, err := s.Admin(bg, 42)
	isErr(t, "Admin(42)", err, storage.ErrNotFound)
	_, err = s.AdminByEmail(bg, "nobody@example.org")
	isErr(t, "AdminByEmail(nobody)", err, storage.ErrNotFound)
	isErr(t, "UpdateAdmin(42)", s.UpdateAdmin(bg, model.Admin{ID: 42, Email: "x@example.org"}), storage.ErrNotFound)
	_, err = s.AdminByEmail(bg, "x@example.org")
	isErr(t, "AdminByEmail after a refused update", err, storage.ErrNotFound)
	list, err := s.ListAdmins(bg)
	must(t, "ListAdmins", err)
	if len(list) != 0 {
		t.Errorf("ListAdmins on an empty store: %d admins", len(list))
	}
}
