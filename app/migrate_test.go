package app

import (
	"context"
	"errors"
	"slices"
	"testing"

	"rollcall/model"
	"rollcall/storage"
	"rollcall/storage/storagetest"
	"rollcall/storage/storetest"
)

// migrateSource is a store holding the demo school's two schools and a record of every kind,
// with an admin of a demo school and of Fill's school.
func migrateSource(t *testing.T) storage.Store {
	t.Helper()
	st := storetest.Open(t)
	if _, err := New(st, Options{}).LoadDemo(bg); err != nil {
		t.Fatal(err)
	}
	storagetest.Fill(t, st)
	orgs, err := st.ListOrgs(bg)
	if err != nil || len(orgs) < 3 {
		t.Fatalf("orgs: %v, %v", orgs, err)
	}
	admin, err := st.AdminByEmail(bg, "marie@example.fr")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpdateAdminFunc(bg, admin.ID, func(a *model.Admin) error {
		a.OrgIDs = append(a.OrgIDs, orgs[0].ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetMeta(bg, schoolSettingsKey(orgs[0].ID), `{"smtp":{"host":"a"}}`); err != nil {
		t.Fatal(err)
	}
	return st
}

func digestOf(t *testing.T, st storage.Store) []KindDigest {
	t.Helper()
	d := newDigest()
	if err := st.(storage.Copier).Dump(bg, d.add); err != nil {
		t.Fatal(err)
	}
	return d.kinds()
}

func TestMigrateCopiesTheWholeStoreAndChecksIt(t *testing.T) {
	t.Parallel()
	src, dst := migrateSource(t), storetest.Open(t)
	dry, err := Migrate(bg, src, dst, MigrateOptions{DryRun: true})
	if err != nil || !dry.DryRun || dry.Records < 1200 {
		t.Fatalf("dry run: %+v, %v", dry, err)
	}
	if n, _ := dst.CountUsers(bg); n != 0 {
		t.Fatalf("the dry run wrote %d users", n)
	}
	rep, err := Migrate(bg, src, dst, MigrateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := digestOf(t, src)
	if !slices.Equal(rep.Kinds, want) || !slices.Equal(digestOf(t, dst), want) || !slices.Equal(dry.Kinds, want) {
		t.Errorf("digests differ:\nreport %v\nsource %v\ntarget %v", rep.Kinds, want, digestOf(t, dst))
	}
	again, err := Migrate(bg, src, dst, MigrateOptions{})
	if err != nil || !again.AlreadyThere {
		t.Errorf("the same copy again: %+v, %v; want it found already there", again, err)
	}
	// The copy is a working store: its admin signs in with the password hash copied.
	a := New(dst, Options{})
	if _, err := a.store.AdminByEmail(bg, "marie@example.fr"); err != nil {
		t.Error(err)
	}
	if s, err := dst.Session(bg, model.HashSecret("token")); err != nil || s.Origin != "local:marie" {
		t.Errorf("whole copy: the session (by its hash) %+v, %v", s, err)
	}
}

// tamperingStore loads what it is given with one user's email changed.
type tamperingStore struct{ storage.Store }

func (s tamperingStore) Load(ctx context.Context, records func(put func(storage.Record) error) error) error {
	return s.Store.(storage.Copier).Load(ctx, func(put func(storage.Record) error) error {
		done := false
		return records(func(r storage.Record) error {
			if u, ok := r.Value.(model.User); ok && !done {
				u.Email, done = "someone.else@example.org", true
				r.Value = u
			}
			return put(r)
		})
	})
}

func (s tamperingStore) Dump(ctx context.Context, fn func(storage.Record) error) error {
	return s.Store.(storage.Copier).Dump(ctx, fn)
}

func TestMigrateFindsATamperedCopy(t *testing.T) {
	t.Parallel()
	src, dst := migrateSource(t), storetest.Open(t)
	_, err := Migrate(bg, src, tamperingStore{dst}, MigrateOptions{})
	var mm *model.CopyMismatchError
	if !errors.As(err, &mm) || !mm.Copied || len(mm.Diffs) != 1 || mm.Diffs[0].Kind != "users" ||
		mm.Diffs[0].Source != mm.Diffs[0].Target {
		t.Fatalf("copy through a tampering store: %v, want the users named as differing", err)
	}
}

func TestMigrateRefusesATargetHoldingSomethingElse(t *testing.T) {
	t.Parallel()
	src, dst := migrateSource(t), storetest.Open(t)
	org := model.Organization{Name: "Autre école"}
	if err := dst.CreateOrg(bg, &org); err != nil {
		t.Fatal(err)
	}
	before := digestOf(t, dst)
	_, err := Migrate(bg, src, dst, MigrateOptions{})
	var mm *model.CopyMismatchError
	if !errors.As(err, &mm) || mm.Copied {
		t.Fatalf("copy into a store with another school: %v, want a refusal", err)
	}
	if !slices.ContainsFunc(mm.Diffs, func(d model.CopyDiff) bool { return d.Kind == "organizations" && d.Target == 1 }) {
		t.Errorf("the refusal names %+v, want the organizations", mm.Diffs)
	}
	if !slices.Equal(digestOf(t, dst), before) {
		t.Error("the refused target changed")
	}
}

func TestMigrateOneSchool(t *testing.T) {
	t.Parallel()
	src, dst := migrateSource(t), storetest.Open(t)
	orgs, _ := src.ListOrgs(bg)
	school, other := orgs[0], orgs[1]
	rep, err := Migrate(bg, src, dst, MigrateOptions{Org: school.ID.String()})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := dst.ListOrgs(bg); len(got) != 1 || got[0].ID != school.ID {
		t.Fatalf("organizations copied: %+v, want only %d", got, school.ID)
	}
	var inSchool int
	if err := src.ForEachUser(bg, func(u *model.User) error {
		if u.OrgID == school.ID {
			inSchool++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n, _ := dst.CountUsers(bg); n != inSchool || n == 0 {
		t.Errorf("users copied: %d, want the school's %d", n, inSchool)
	}
	if err := dst.ForEachUser(bg, func(u *model.User) error {
		if u.OrgID != school.ID {
			t.Errorf("user %s of organization %d copied", u.Login, u.OrgID)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	admin, err := dst.AdminByEmail(bg, "marie@example.fr")
	if err != nil || !slices.Equal(admin.OrgIDs, []model.ID{school.ID}) {
		t.Errorf("the admin in the copy: %+v, %v; want this school only", admin.OrgIDs, err)
	}
	if _, err := dst.Session(bg, model.HashSecret("token")); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("a school's copy took a session: %v", err)
	}
	if v, _ := dst.Meta(bg, schoolSettingsKey(school.ID)); v == "" {
		t.Error("the school's settings were left")
	}
	if v, _ := dst.Meta(bg, schoolSettingsKey(other.ID)); v != "" {
		t.Errorf("another school's settings were copied: %q", v)
	}
	if rep.Records == 0 || !slices.Equal(rep.Kinds, digestOf(t, dst)) {
		t.Errorf("report %+v does not match the copy", rep.Kinds)
	}
	// The copy goes on from the source's ids.
	u := model.User{OrgID: school.ID, Login: "new.after.copy"}
	if err := dst.CreateUser(bg, &u); err != nil {
		t.Fatal(err)
	}
	srcMax := model.ID(0)
	_ = src.ForEachUser(bg, func(v *model.User) error { srcMax = max(srcMax, v.ID); return nil })
	if u.ID <= srcMax {
		t.Errorf("the copy gave id %d, the source had up to %d", u.ID, srcMax)
	}
}

func TestMigrateUnknownSchool(t *testing.T) {
	t.Parallel()
	src, dst := migrateSource(t), storetest.Open(t)
	_, err := Migrate(bg, src, dst, MigrateOptions{Org: "9999"})
	var nf *model.NotFoundError
	if !errors.As(err, &nf) || !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("--org 9999: %v, want not found", err)
	}
}
