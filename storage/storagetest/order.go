package storagetest

import (
	"fmt"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// orderTests pin the orders the contract states, where a database's collation or a sequence
// shared by processes could give another: names in byte order, ids ascending but not dense.
var orderTests = []test{
	{"saved filters in byte order of their names", testFilterByteOrder},
	{"ssh keys added at one instant in byte order of fingerprints", testSSHKeyByteOrder},
	{"new ids are above every id given, gaps allowed", testIDsAscend},
}

func testFilterByteOrder(t *testing.T, s storage.Store) {
	// A French collation would say: apple, école, élèves, Élèves, Zoé.
	names := []string{"élèves", "Zoé", "école", "apple", "Élèves", "Zoe"}
	for _, n := range names {
		must(t, "SaveFilter "+n, s.SaveFilter(bg, model.SavedFilter{AdminID: 4, Name: n, SavedAt: at(1)}))
	}
	got, err := s.SavedFilters(bg, 4)
	must(t, "SavedFilters", err)
	var order []string
	for _, f := range got {
		order = append(order, f.Name)
	}
	same(t, "filter names", order, []string{"Zoe", "Zoé", "apple", "Élèves", "école", "élèves"})
}

func testSSHKeyByteOrder(t *testing.T, s storage.Store) {
	for _, fp := range []string{"SHA256:b", "SHA256:B", "SHA256:a", "SHA256:_"} {
		must(t, "AddSSHKey "+fp, s.AddSSHKey(bg, model.SSHKey{Fingerprint: fp, AdminID: 2, AddedAt: at(3)}))
	}
	must(t, "AddSSHKey older", s.AddSSHKey(bg, model.SSHKey{Fingerprint: "SHA256:z", AdminID: 2, AddedAt: at(2)}))
	got, err := s.ListSSHKeys(bg, 2)
	must(t, "ListSSHKeys", err)
	var order []string
	for _, k := range got {
		order = append(order, k.Fingerprint)
	}
	same(t, "fingerprints", order, []string{"SHA256:z", "SHA256:B", "SHA256:_", "SHA256:a", "SHA256:b"})
}

func testIDsAscend(t *testing.T, s storage.Store) {
	first := model.User{LastName: "A", Login: "a"}
	must(t, "CreateUser", s.CreateUser(bg, &first))
	// Refused writes may spend ids (a server's sequence does): the next id is still above.
	dup := model.User{LastName: "A", Login: "A"}
	isErr(t, "CreateUser with a taken login", s.CreateUser(bg, &dup), storage.ErrConflict)
	_, err := s.Apply(bg, storage.Batch{Users: []model.User{{ID: model.TempID(1), Login: "b"}, {ID: model.TempID(2), Login: "a"}}})
	isErr(t, "Apply with a taken login", err, storage.ErrConflict)
	must(t, "DeleteUser", s.DeleteUser(bg, first.ID))
	prev := first.ID
	var ids []model.ID
	for i := range 3 {
		u := model.User{LastName: "N", Login: fmt.Sprintf("n%d", i)}
		must(t, "CreateUser", s.CreateUser(bg, &u))
		if u.ID <= prev {
			t.Errorf("user %d got id %d, not above %d", i, u.ID, prev)
		}
		prev = u.ID
		ids = append(ids, u.ID)
	}
	var walked []model.ID
	must(t, "ForEachUser", s.ForEachUser(bg, func(u *model.User) error {
		walked = append(walked, u.ID)
		return nil
	}))
	same(t, "ForEachUser ids", walked, ids)
}
