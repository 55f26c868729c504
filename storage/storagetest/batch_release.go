package storagetest

import (
	"fmt"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var batchReleaseTests = []test{
	{"a released batch writes every user as given", testBatchRelease},
}

// testBatchRelease: a batch whose users the caller lets go (Release) is written whole, new
// users in a class of the same batch with a parent among them, enough of them for a bulk write.
func testBatchRelease(t *testing.T, s storage.Store) {
	must(t, "ApplySeed", s.ApplySeed(bg, demoSeed()))
	student, err := s.UserByLogin(bg, "student")
	must(t, "UserByLogin", err)
	const n = 100
	users := make([]model.User, 0, n+1)
	for i := range n {
		users = append(users, model.User{ID: model.TempID(10 + i), OrgID: student.OrgID, Profile: model.Student,
			Login: fmt.Sprintf("pupil.%03d", i), LastName: fmt.Sprintf("Nom %d", i), ClassIDs: []model.ID{model.TempID(1)}})
	}
	users = append(users, model.User{ID: model.TempID(5), OrgID: student.OrgID, Profile: model.Parent, Login: "parent.000",
		ChildIDs: []model.ID{model.TempID(10)}})
	applied, err := s.Apply(bg, storage.Batch{Classes: []model.Class{{ID: model.TempID(1), OrgID: student.OrgID, Code: "5C"}},
		Users: users, Release: true})
	must(t, "Apply", err)
	class, child := applied.IDs[model.TempID(1)], applied.IDs[model.TempID(10)]
	for i := range n {
		u, err := s.UserByLogin(bg, fmt.Sprintf("pupil.%03d", i))
		if err != nil || u.LastName != fmt.Sprintf("Nom %d", i) || len(u.ClassIDs) != 1 || u.ClassIDs[0] != class {
			t.Fatalf("pupil %d after a released batch: %+v, %v", i, u, err)
		}
	}
	parent, err := s.UserByLogin(bg, "parent.000")
	if err != nil || len(parent.ChildIDs) != 1 || parent.ChildIDs[0] != child {
		t.Errorf("the parent after a released batch: %+v, %v (child %d)", parent, err, child)
	}
}
