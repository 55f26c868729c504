package storagetest

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

var userTests = []test{
	{"every field round trips", testUserRoundTrip},
	{"login unique ignoring case", testUserLoginUnique},
	{"external id unique per source", testUserExternalUnique},
	{"renames keep the indexes right", testUserRenames},
	{"delete frees the keys", testUserDelete},
	{"missing user", testUserMissing},
	{"delete forgets provenance", testUserDeleteProvenance},
	{"the users of some schools, and every login", testForEachUserIn},
}

// fullUser sets every field, so a forgotten one in an encoding shows.
func fullUser(login string) model.User {
	return model.User{OrgID: 4, Profile: model.Parent, LastName: "Dupré", FirstName: "Élodie",
		Login: login, Email: login + "@example.org", BirthDate: model.Date{Year: 1984, Month: 2, Day: 29},
		Language: model.French, ClassIDs: []model.ID{12, 3}, GroupIDs: []model.ID{1 << 40},
		ChildIDs: []model.ID{77, 78, 79}, Source: "ent", ExternalID: "ext-" + login, LocalAdmin: true,
		ActivationCode: "ABCD-EFGH", ActivatedAt: at(10), PasswordHash: "$argon2id$v=19$xyz",
		CreatedAt: at(1), UpdatedAt: at(2), PendingSince: at(3), SuspendedAt: at(4),
		ByHand: model.FieldSet(0).With(model.FieldEmail).With(model.FieldLanguage), CreatedByHand: true,
		Functions: []string{"DIR$DIRECTION$D0011$CHEF D'ETABLISSEMENT ADJOINT", "ENS"}, Subjects: []string{"ANGLAIS LV1"}}
}

func testUserRoundTrip(t *testing.T, s storage.Store) {
	full, bare := fullUser("elodie.dupre"), model.User{LastName: "X"}
	must(t, "CreateUser full", s.CreateUser(bg, &full))
	must(t, "CreateUser bare", s.CreateUser(bg, &bare))
	for _, want := range []model.User{full, bare} {
		got, err := s.User(bg, want.ID)
		must(t, "User", err)
		same(t, "User", got, want)
		if got.ActivatedAt.IsZero() != want.ActivatedAt.IsZero() || got.PendingSince.IsZero() != want.PendingSince.IsZero() {
			t.Errorf("user %d: zero times did not survive", want.ID)
		}
	}
	full.Profile, full.ClassIDs, full.PendingSince, full.LocalAdmin = model.Teacher, nil, at(0).AddDate(-100, 0, 0), false
	full.SuspendedAt = time.Time{} // unsuspended: the field is written empty again
	must(t, "UpdateUser", s.UpdateUser(bg, full))
	got, err := s.User(bg, full.ID)
	must(t, "User after update", err)
	same(t, "User after update", got, full)
	if n, err := s.CountUsers(bg); err != nil || n != 2 {
		t.Errorf("CountUsers = %d, %v; want 2", n, err)
	}
}

func testUserLoginUnique(t *testing.T, s storage.Store) {
	a := model.User{LastName: "A", Login: "jean.dupont"}
	must(t, "CreateUser", s.CreateUser(bg, &a))
	dup := model.User{LastName: "B", Login: "Jean.Dupont"}
	isErr(t, "CreateUser with the login in other case", s.CreateUser(bg, &dup), storage.ErrConflict)
	got, err := s.UserByLogin(bg, "JEAN.DUPONT")
	must(t, "UserByLogin in other case", err)
	if got.ID != a.ID || got.Login != "jean.dupont" {
		t.Errorf("UserByLogin = %d %q, want %d %q", got.ID, got.Login, a.ID, "jean.dupont")
	}
	// Users without a login yet (before login generation) do not collide.
	x, y := model.User{LastName: "X"}, model.User{LastName: "Y"}
	must(t, "CreateUser without login", s.CreateUser(bg, &x))
	must(t, "CreateUser without login again", s.CreateUser(bg, &y))
	_, err = s.UserByLogin(bg, "")
	isErr(t, `UserByLogin("")`, err, storage.ErrNotFound)
	if n, err := s.CountUsers(bg); err != nil || n != 3 {
		t.Errorf("CountUsers = %d, %v; want 3 (refused create must not count)", n, err)
	}
}

func testUserExternalUnique(t *testing.T, s storage.Store) {
	a := model.User{LastName: "A", Login: "a", Source: "ent", ExternalID: "42"}
	must(t, "CreateUser", s.CreateUser(bg, &a))
	b := model.User{LastName: "B", Login: "b", Source: "ent", ExternalID: "42"}
	isErr(t, "CreateUser with a taken (source, external id)", s.CreateUser(bg, &b), storage.ErrConflict)
	b.Source = "sds"
	must(t, "same external id from another source", s.CreateUser(bg, &b))
	c, d := model.User{LastName: "C", Login: "c", Source: "ent"}, model.User{LastName: "D", Login: "d", Source: "ent"}
	must(t, "CreateUser without external id", s.CreateUser(bg, &c))
	must(t, "CreateUser without external id again", s.CreateUser(bg, &d))
	for _, tc := range []struct {
		source, ext string
		want        model.ID
	}{{"ent", "42", a.ID}, {"sds", "42", b.ID}} {
		got, err := s.UserByExternalID(bg, tc.source, tc.ext)
		must(t, "UserByExternalID", err)
		if got.ID != tc.want {
			t.Errorf("UserByExternalID(%s, %s) = %d, want %d", tc.source, tc.ext, got.ID, tc.want)
		}
	}
	for _, tc := range [][2]string{{"ent", ""}, {"ent", "4"}, {"", "42"}, {"ent\x004", "2"}} {
		_, err := s.UserByExternalID(bg, tc[0], tc[1])
		isErr(t, "UserByExternalID("+tc[0]+", "+tc[1]+")", err, storage.ErrNotFound)
	}
}

func testUserRenames(t *testing.T, s storage.Store) {
	a := model.User{LastName: "A", Login: "old.login", Source: "ent", ExternalID: "1"}
	b := model.User{LastName: "B", Login: "other", Source: "ent", ExternalID: "2"}
	must(t, "CreateUser a", s.CreateUser(bg, &a))
	must(t, "CreateUser b", s.CreateUser(bg, &b))

	a.Login, a.ExternalID = "new.login", "1bis"
	must(t, "UpdateUser renaming login and external id", s.UpdateUser(bg, a))
	_, err := s.UserByLogin(bg, "old.login")
	isErr(t, "UserByLogin(old)", err, storage.ErrNotFound)
	_, err = s.UserByExternalID(bg, "ent", "1")
	isErr(t, "UserByExternalID(old)", err, storage.ErrNotFound)
	if got, err := s.UserByLogin(bg, "new.login"); err != nil || got.ID != a.ID {
		t.Errorf("UserByLogin(new) = %d, %v; want %d", got.ID, err, a.ID)
	}
	if got, err := s.UserByExternalID(bg, "ent", "1bis"); err != nil || got.ID != a.ID {
		t.Errorf("UserByExternalID(new) = %d, %v; want %d", got.ID, err, a.ID)
	}

	b.Login = "NEW.LOGIN"
	isErr(t, "UpdateUser to a taken login", s.UpdateUser(bg, b), storage.ErrConflict)
	b.Login, b.ExternalID = "other", "1bis"
	isErr(t, "UpdateUser to a taken external id", s.UpdateUser(bg, b), storage.ErrConflict)
	if got, err := s.User(bg, b.ID); err != nil || got.Login != "other" || got.ExternalID != "2" {
		t.Errorf("refused updates changed user b: %q %q %v", got.Login, got.ExternalID, err)
	}
	b.Login, b.ExternalID = "old.login", "1"
	must(t, "UpdateUser taking the freed keys", s.UpdateUser(bg, b))
	if got, err := s.UserByLogin(bg, "old.login"); err != nil || got.ID != b.ID {
		t.Errorf("UserByLogin(old.login) = %d, %v; want %d", got.ID, err, b.ID)
	}
	if got, err := s.UserByExternalID(bg, "ent", "2"); err == nil {
		t.Errorf("UserByExternalID(ent, 2) found user %d after b moved to 1", got.ID)
	}
}

func testUserDelete(t *testing.T, s storage.Store) {
	a := fullUser("gone")
	must(t, "CreateUser", s.CreateUser(bg, &a))
	must(t, "DeleteUser", s.DeleteUser(bg, a.ID))
	_, err := s.User(bg, a.ID)
	isErr(t, "User(deleted)", err, storage.ErrNotFound)
	_, err = s.UserByLogin(bg, "gone")
	isErr(t, "UserByLogin(deleted)", err, storage.ErrNotFound)
	_, err = s.UserByExternalID(bg, a.Source, a.ExternalID)
	isErr(t, "UserByExternalID(deleted)", err, storage.ErrNotFound)
	isErr(t, "DeleteUser again", s.DeleteUser(bg, a.ID), storage.ErrNotFound)
	b := fullUser("gone")
	must(t, "CreateUser with the freed login and external id", s.CreateUser(bg, &b))
	if b.ID == a.ID {
		t.Errorf("a deleted user's id %d was given again", a.ID)
	}
	if n, err := s.CountUsers(bg); err != nil || n != 1 {
		t.Errorf("CountUsers = %d, %v; want 1", n, err)
	}
}

func testUserMissing(t *testing.T, s storage.Store) {
	_, err := s.User(bg, 5)
	isErr(t, "User(5)", err, storage.ErrNotFound)
	_, err = s.UserByLogin(bg, "nobody")
	isErr(t, "UserByLogin(nobody)", err, storage.ErrNotFound)
	isErr(t, "UpdateUser(5)", s.UpdateUser(bg, model.User{ID: 5, Login: "five"}), storage.ErrNotFound)
	_, err = s.UserByLogin(bg, "five")
	isErr(t, "UserByLogin after a refused update", err, storage.ErrNotFound)
	isErr(t, "DeleteUser(5)", s.DeleteUser(bg, 5), storage.ErrNotFound)
	if n, err := s.CountUsers(bg); err != nil || n != 0 {
		t.Errorf("CountUsers on an empty store = %d, %v", n, err)
	}
}

func testUserDeleteProvenance(t *testing.T, s storage.Store) {
	u := model.User{LastName: "Imported", Login: "imported"}
	must(t, "CreateUser", s.CreateUser(bg, &u))
	_, err := s.Apply(bg, storage.Batch{Provenance: map[model.ID]model.Provenance{
		u.ID: {model.FieldLastName: {File: "eleves.csv", Line: 2}}}})
	must(t, "Apply provenance", err)
	if p, err := s.Provenance(bg, u.ID); err != nil || len(p) != 1 {
		t.Fatalf("Provenance before delete = %+v, %v", p, err)
	}
	must(t, "DeleteUser", s.DeleteUser(bg, u.ID))
	if p, err := s.Provenance(bg, u.ID); err != nil || len(p) != 0 {
		t.Errorf("Provenance after DeleteUser = %+v, %v; want none", p, err)
	}
}

// testForEachUserIn: the walk gives the users of the schools asked, whole and in id order, and
// the lower-case login of every user of any school.
func testForEachUserIn(t *testing.T, s storage.Store) {
	must(t, "ApplySeed", s.ApplySeed(bg, demoSeed()))
	var all []model.User
	must(t, "ForEachUser", s.ForEachUser(bg, func(u *model.User) error { all = append(all, *u); return nil }))
	other := model.User{Login: "Other.School", OrgID: 9999, LastName: "Autre"}
	must(t, "CreateUser", s.CreateUser(bg, &other))
	org := all[0].OrgID
	var want []model.User
	for _, u := range all {
		if u.OrgID == org {
			want = append(want, u)
		}
	}
	var got []model.User
	logins := map[string]bool{}
	must(t, "ForEachUserIn", s.ForEachUserIn(bg, []model.ID{org}, func(u *model.User) error { got = append(got, *u); return nil },
		func(key []byte) { logins[string(key)] = true }))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("users of school %d = %+v, want %+v", org, got, want)
	}
	for _, u := range append(all, other) {
		if !logins[strings.ToLower(u.Login)] {
			t.Errorf("login %q not listed: %v", u.Login, logins)
		}
	}
	if len(logins) != len(all)+1 {
		t.Errorf("logins = %v, want the %d users'", logins, len(all)+1)
	}
	n := 0
	must(t, "ForEachUserIn without logins", s.ForEachUserIn(bg, []model.ID{other.OrgID}, func(u *model.User) error {
		if n++; u.ID != other.ID || u.LastName != "Autre" {
			t.Errorf("user of school 9999 = %+v", u)
		}
		return nil
	}, nil))
	if n != 1 {
		t.Errorf("%d users of school 9999, want 1", n)
	}
}
