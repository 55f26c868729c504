package storagetest

import (
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var seedTests = []test{
	{"references are rewritten", testSeedRewrites},
	{"a conflict writes nothing", testSeedConflictAtomic},
	{"an unknown temporary id writes nothing", testSeedUnknownRef},
	{"a stored id in a seed record is refused", testSeedStoredID},
}

// demoSeed is two schools with a class each, a group, a student, her parent and a teacher who
// also keeps a class id that was stored before the seed (not temporary: kept as is).
func demoSeed() storage.Seed {
	org0, org1 := model.TempID(0), model.TempID(1)
	return storage.Seed{
		Orgs: []model.Organization{{ID: org0, Name: "Collège A"}, {ID: org1, Name: "Lycée B"}},
		Classes: []model.Class{{ID: model.TempID(0), OrgID: org1, Code: "2A"},
			{ID: model.TempID(1), OrgID: org0, Code: "3A"}},
		Groups: []model.Group{{ID: model.TempID(0), OrgID: org0, Code: "LATIN"}},
		Users: []model.User{
			{ID: model.TempID(0), OrgID: org0, Profile: model.Parent, Login: "parent",
				ChildIDs: []model.ID{model.TempID(1)}},
			{ID: model.TempID(1), OrgID: org0, Profile: model.Student, Login: "student",
				ClassIDs: []model.ID{model.TempID(1)}, GroupIDs: []model.ID{model.TempID(0)}},
			{ID: model.TempID(2), OrgID: org1, Profile: model.Teacher, Login: "teacher",
				ClassIDs: []model.ID{model.TempID(0), 500}},
		},
		Subscriptions: []model.Subscription{{ID: model.TempID(0), OrgID: org1, Product: "Atlas", Seats: 10}},
	}
}

func testSeedRewrites(t *testing.T, s storage.Store) {
	pre := model.Organization{Name: "Already there"}
	must(t, "CreateOrg", s.CreateOrg(bg, &pre))
	seed := demoSeed()
	must(t, "ApplySeed", s.ApplySeed(bg, seed))

	orgs, err := s.ListOrgs(bg)
	must(t, "ListOrgs", err)
	orgID := map[string]model.ID{}
	for _, o := range orgs {
		orgID[o.Name] = o.ID
	}
	classes, err := s.ListClasses(bg)
	must(t, "ListClasses", err)
	classID := map[string]model.ID{}
	for _, c := range classes {
		classID[c.Code] = c.ID
		if want := map[string]model.ID{"2A": orgID["Lycée B"], "3A": orgID["Collège A"]}[c.Code]; c.OrgID != want {
			t.Errorf("class %s: OrgID %d, want %d", c.Code, c.OrgID, want)
		}
	}
	grps, err := s.ListGroups(bg)
	must(t, "ListGroups", err)
	if len(orgs) != 3 || len(classes) != 2 || len(grps) != 1 {
		t.Fatalf("stored %d orgs, %d classes, %d groups; want 3, 2, 1", len(orgs), len(classes), len(grps))
	}
	if grps[0].OrgID != orgID["Collège A"] {
		t.Errorf("group OrgID %d, want %d", grps[0].OrgID, orgID["Collège A"])
	}
	user := func(login string) model.User {
		u, err := s.UserByLogin(bg, login)
		must(t, "UserByLogin "+login, err)
		if u.ID.IsTemp() {
			t.Errorf("user %s kept a temporary id", login)
		}
		return u
	}
	parent, student, teacher := user("parent"), user("student"), user("teacher")
	same(t, "parent's children", parent.ChildIDs, []model.ID{student.ID})
	same(t, "student's classes", student.ClassIDs, []model.ID{classID["3A"]})
	same(t, "student's groups", student.GroupIDs, []model.ID{grps[0].ID})
	same(t, "teacher's classes", teacher.ClassIDs, []model.ID{classID["2A"], 500})
	if student.OrgID != orgID["Collège A"] || teacher.OrgID != orgID["Lycée B"] {
		t.Errorf("user orgs %d, %d; want %d, %d", student.OrgID, teacher.OrgID, orgID["Collège A"], orgID["Lycée B"])
	}
	subs, err := s.ListSubscriptions(bg)
	must(t, "ListSubscriptions", err)
	if len(subs) != 1 || subs[0].OrgID != orgID["Lycée B"] || subs[0].ID.IsTemp() {
		t.Errorf("subscriptions %+v: want one of Lycée B (%d) with a real id", subs, orgID["Lycée B"])
	}
	same(t, "the caller's seed after ApplySeed", seed, demoSeed())
}

// seedLeftNothing fails unless the store holds only what was there before the failed seed.
func seedLeftNothing(t *testing.T, s storage.Store, users int) {
	t.Helper()
	orgs, err := s.ListOrgs(bg)
	must(t, "ListOrgs", err)
	classes, err := s.ListClasses(bg)
	must(t, "ListClasses", err)
	grps, err := s.ListGroups(bg)
	must(t, "ListGroups", err)
	subs, err := s.ListSubscriptions(bg)
	must(t, "ListSubscriptions", err)
	n, err := s.CountUsers(bg)
	must(t, "CountUsers", err)
	if len(orgs)+len(classes)+len(grps)+len(subs) != 0 || n != users {
		t.Errorf("a failed seed left %d orgs, %d classes, %d groups, %d subscriptions, %d users (want %d users)",
			len(orgs), len(classes), len(grps), len(subs), n, users)
	}
	for _, login := range []string{"parent", "student", "teacher"} {
		if u, err := s.UserByLogin(bg, login); err == nil && u.LastName != "existing" {
			t.Errorf("a failed seed left user %q (id %d) in the login index", login, u.ID)
		}
	}
}

func testSeedConflictAtomic(t *testing.T, s storage.Store) {
	inSeed := demoSeed()
	inSeed.Users[2].Login = "PARENT" // clashes with the first user of the same seed
	isErr(t, "ApplySeed with a duplicate login", s.ApplySeed(bg, inSeed), storage.ErrConflict)
	seedLeftNothing(t, s, 0)

	existing := model.User{LastName: "existing", Login: "teacher"}
	must(t, "CreateUser", s.CreateUser(bg, &existing))
	isErr(t, "ApplySeed clashing with a stored user", s.ApplySeed(bg, demoSeed()), storage.ErrConflict)
	seedLeftNothing(t, s, 1)
}

func testSeedUnknownRef(t *testing.T, s storage.Store) {
	seed := demoSeed()
	seed.Users[1].GroupIDs = []model.ID{model.TempID(5)} // the seed has one group, #0
	isErr(t, "ApplySeed with an unknown temporary group", s.ApplySeed(bg, seed), storage.ErrNotFound)
	seedLeftNothing(t, s, 0)
}

func testSeedStoredID(t *testing.T, s storage.Store) {
	seed := demoSeed()
	seed.Classes[1].ID = 12
	if err := s.ApplySeed(bg, seed); err == nil {
		t.Error("ApplySeed accepted a class with a stored id")
	}
	seedLeftNothing(t, s, 0)
}
