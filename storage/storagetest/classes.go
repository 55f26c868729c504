package storagetest

import (
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// coded adapts classes and groups, which share their contract, to one set of tests.
type coded struct {
	kind   string
	create func(s storage.Store, org model.ID, code string) (model.ID, error)
	get    func(s storage.Store, id model.ID) (org model.ID, code string, err error)
	move   func(s storage.Store, id, org model.ID, code string) error // update org and code
	delete func(s storage.Store, id model.ID) error
	count  func(s storage.Store) (int, error)
}

var codedKinds = []coded{
	{
		kind: "class",
		create: func(s storage.Store, org model.ID, code string) (model.ID, error) {
			c := model.Class{OrgID: org, Code: code, Name: "Classe " + code, Level: "3e", CreatedAt: at(1)}
			err := s.CreateClass(bg, &c)
			return c.ID, err
		},
		get: func(s storage.Store, id model.ID) (model.ID, string, error) {
			c, err := s.Class(bg, id)
			return c.OrgID, c.Code, err
		},
		move: func(s storage.Store, id, org model.ID, code string) error {
			return s.UpdateClass(bg, model.Class{ID: id, OrgID: org, Code: code})
		},
		delete: func(s storage.Store, id model.ID) error { return s.DeleteClass(bg, id) },
		count: func(s storage.Store) (int, error) {
			l, err := s.ListClasses(bg)
			return len(l), err
		},
	},
	{
		kind: "group",
		create: func(s storage.Store, org model.ID, code string) (model.ID, error) {
			g := model.Group{OrgID: org, Code: code, Name: "Groupe " + code, CreatedAt: at(1)}
			err := s.CreateGroup(bg, &g)
			return g.ID, err
		},
		get: func(s storage.Store, id model.ID) (model.ID, string, error) {
			g, err := s.Group(bg, id)
			return g.OrgID, g.Code, err
		},
		move: func(s storage.Store, id, org model.ID, code string) error {
			return s.UpdateGroup(bg, model.Group{ID: id, OrgID: org, Code: code})
		},
		delete: func(s storage.Store, id model.ID) error { return s.DeleteGroup(bg, id) },
		count: func(s storage.Store) (int, error) {
			l, err := s.ListGroups(bg)
			return len(l), err
		},
	},
}

var classTests = []test{
	{"class and group round trip", testClassGroupRoundTrip},
	{"codes unique per organization", func(t *testing.T, s storage.Store) { eachCoded(t, s, testCodeUnique) }},
	{"rename and delete free the code", func(t *testing.T, s storage.Store) { eachCoded(t, s, testCodeMoves) }},
}

func eachCoded(t *testing.T, s storage.Store, fn func(t *testing.T, s storage.Store, k coded)) {
	for _, k := range codedKinds {
		t.Run(k.kind, func(t *testing.T) { fn(t, s, k) })
	}
}

func testClassGroupRoundTrip(t *testing.T, s storage.Store) {
	c := model.Class{OrgID: 1, Code: "3A", Name: "3e A", Level: "3e", Source: "ent", ExternalID: "c1", CreatedAt: at(1)}
	g := model.Group{OrgID: 1, Code: "LATIN", Name: "Latin", Source: "ent", ExternalID: "g1", CreatedAt: at(2)}
	must(t, "CreateClass", s.CreateClass(bg, &c))
	must(t, "CreateGroup", s.CreateGroup(bg, &g))
	gotC, err := s.Class(bg, c.ID)
	must(t, "Class", err)
	same(t, "Class", gotC, c)
	gotG, err := s.Group(bg, g.ID)
	must(t, "Group", err)
	same(t, "Group", gotG, g)
	c.Name, g.Name = "3e A (bilangue)", "Latin ancien"
	must(t, "UpdateClass", s.UpdateClass(bg, c))
	must(t, "UpdateGroup", s.UpdateGroup(bg, g))
	cl, err := s.ListClasses(bg)
	must(t, "ListClasses", err)
	same(t, "ListClasses", cl, []model.Class{c})
	gl, err := s.ListGroups(bg)
	must(t, "ListGroups", err)
	same(t, "ListGroups", gl, []model.Group{g})
}

func testCodeUnique(t *testing.T, s storage.Store, k coded) {
	a, err := k.create(s, 1, "3A")
	must(t, "create 1/3A", err)
	_, err = k.create(s, 1, "3A")
	isErr(t, "create a second 1/3A", err, storage.ErrConflict)
	b, err := k.create(s, 2, "3A")
	must(t, "create 2/3A (other organization)", err)
	c, err := k.create(s, 1, "3B")
	must(t, "create 1/3B", err)
	isErr(t, "move 1/3B to 1/3A", k.move(s, c, 1, "3A"), storage.ErrConflict)
	isErr(t, "move 2/3A to organization 1", k.move(s, b, 1, "3A"), storage.ErrConflict)
	if org, code, err := k.get(s, c); err != nil || org != 1 || code != "3B" {
		t.Errorf("after a refused update: %d/%q, %v; want 1/\"3B\"", org, code, err)
	}
	must(t, "update 1/3A keeping its code", k.move(s, a, 1, "3A"))
	if n, err := k.count(s); err != nil || n != 3 {
		t.Errorf("list: %d, %v; want 3", n, err)
	}
}

func testCodeMoves(t *testing.T, s storage.Store, k coded) {
	a, err := k.create(s, 1, "3A")
	must(t, "create 1/3A", err)
	must(t, "rename 3A to 4A", k.move(s, a, 1, "4A"))
	_, err = k.create(s, 1, "3A")
	must(t, "create 1/3A after the rename freed it", err)
	_, err = k.create(s, 1, "4A")
	isErr(t, "create 1/4A held by the renamed one", err, storage.ErrConflict)

	must(t, "delete 4A", k.delete(s, a))
	_, _, err = k.get(s, a)
	isErr(t, "get a deleted one", err, storage.ErrNotFound)
	isErr(t, "delete it again", k.delete(s, a), storage.ErrNotFound)
	isErr(t, "update a deleted one", k.move(s, a, 1, "9Z"), storage.ErrNotFound)
	_, err = k.create(s, 1, "4A")
	must(t, "create 1/4A after the delete freed it", err)
	_, err = k.create(s, 1, "9Z")
	must(t, "create 1/9Z (a refused update claimed nothing)", err)
}
