package storagetest

import (
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var batchTests = []test{
	{"creates, updates and deletes in one go", testBatchMixed},
	{"a conflict anywhere writes nothing", testBatchAtomic},
	{"updating a missing record fails", testBatchMissing},
}

func testBatchMixed(t *testing.T, s storage.Store) {
	must(t, "ApplySeed", s.ApplySeed(bg, demoSeed()))
	student, err := s.UserByLogin(bg, "student")
	must(t, "UserByLogin", err)
	teacher, err := s.UserByLogin(bg, "teacher")
	must(t, "UserByLogin", err)
	newClass := model.Class{ID: model.TempID(1), OrgID: student.OrgID, Code: "4B"}
	student.ClassIDs = []model.ID{model.TempID(1)}
	student.Login = "student.renamed"
	fresh := model.User{ID: model.TempID(7), OrgID: student.OrgID, Profile: model.Student, Login: "fresh",
		ClassIDs: []model.ID{model.TempID(1)}}
	applied, err := s.Apply(bg, storage.Batch{
		Classes: []model.Class{newClass}, Users: []model.User{student, fresh},
		DeleteUsers: []model.ID{teacher.ID}, Meta: map[string]string{"k": "v"},
	})
	must(t, "Apply", err)
	classID, userID := applied.IDs[model.TempID(1)], applied.IDs[model.TempID(7)]
	if classID == 0 || classID.IsTemp() || userID == 0 {
		t.Fatalf("Applied.IDs = %v, want real ids for the new class and user", applied.IDs)
	}
	got, err := s.UserByLogin(bg, "student.renamed")
	must(t, "UserByLogin renamed", err)
	if len(got.ClassIDs) != 1 || got.ClassIDs[0] != classID {
		t.Errorf("updated user's classes = %v, want [%d]", got.ClassIDs, classID)
	}
	if _, err := s.UserByLogin(bg, "student"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("old login still found: %v", err)
	}
	if f, err := s.User(bg, userID); err != nil || f.ClassIDs[0] != classID {
		t.Errorf("created user = %+v, %v", f, err)
	}
	if _, err := s.User(bg, teacher.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("deleted user still there: %v", err)
	}
	if v, _ := s.Meta(bg, "k"); v != "v" {
		t.Errorf("meta k = %q", v)
	}
}

func testBatchAtomic(t *testing.T, s storage.Store) {
	must(t, "ApplySeed", s.ApplySeed(bg, demoSeed()))
	before, err := s.CountUsers(bg)
	must(t, "CountUsers", err)
	student, _ := s.UserByLogin(bg, "student")
	student.FirstName = "Changed"
	_, err = s.Apply(bg, storage.Batch{Users: []model.User{
		student,
		{ID: model.TempID(1), Login: "new.one"},
		{ID: model.TempID(2), Login: "PARENT"}, // taken, ignoring case
	}})
	if !errors.Is(err, storage.ErrConflict) {
		t.Fatalf("Apply with a taken login: %v, want ErrConflict", err)
	}
	after, _ := s.CountUsers(bg)
	got, _ := s.UserByLogin(bg, "student")
	if after != before || got.FirstName == "Changed" {
		t.Errorf("a failed batch wrote: %d users (was %d), first name %q", after, before, got.FirstName)
	}
}

func testBatchMissing(t *testing.T, s storage.Store) {
	_, err := s.Apply(bg, storage.Batch{Users: []model.User{{ID: 4242, Login: "ghost"}}})
	if !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("updating a missing user: %v, want ErrNotFound", err)
	}
}
