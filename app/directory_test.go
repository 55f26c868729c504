package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// randomDirectory writes n users with random attributes across 2 orgs, 6 classes and 3 groups.
func randomDirectory(t testing.TB, f *fixture, n int, seed uint64) (orgs, classes, groups []model.ID) {
	rng := rand.New(rand.NewPCG(seed, 1))
	var s storage.Seed
	id := 0
	next := func() model.ID { id++; return model.TempID(id) }
	for i := range 2 {
		s.Orgs = append(s.Orgs, model.Organization{ID: next(), Name: fmt.Sprintf("École %d", i)})
	}
	for i, name := range []string{"3e B", "3e A", "6e A", "CM2", "Élodie", "Elodie"} {
		s.Classes = append(s.Classes, model.Class{ID: next(), OrgID: s.Orgs[i%2].ID, Code: fmt.Sprintf("C%d", i), Name: name,
			Level: strings.Fields(name)[0]})
	}
	for i := range 3 {
		s.Groups = append(s.Groups, model.Group{ID: next(), OrgID: s.Orgs[0].ID, Code: fmt.Sprintf("G%d", i), Name: "g"})
	}
	base := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for i := range n {
		u := model.User{ID: next(), OrgID: s.Orgs[rng.IntN(2)].ID, Profile: model.Profiles[rng.IntN(5)],
			FirstName: demoFirstNames[rng.IntN(len(demoFirstNames))], LastName: demoLastNames[rng.IntN(len(demoLastNames))],
			Login: fmt.Sprintf("user%d", i), CreatedAt: base.Add(time.Duration(rng.IntN(300*24)) * time.Hour)}
		if rng.IntN(2) == 0 {
			u.Email = u.Login + "@example.fr"
		}
		if rng.IntN(2) == 0 {
			u.ActivatedAt = u.CreatedAt
		}
		u.LocalAdmin = rng.IntN(20) == 0
		if rng.IntN(10) == 0 {
			u.PendingSince = u.CreatedAt
		}
		if rng.IntN(8) == 0 {
			u.SuspendedAt = u.CreatedAt
		}
		for k := rng.IntN(3); k > 0; k-- {
			u.ClassIDs = appendUnique(u.ClassIDs, s.Classes[rng.IntN(len(s.Classes))].ID)
		}
		if rng.IntN(4) == 0 {
			u.GroupIDs = []model.ID{s.Groups[rng.IntN(3)].ID}
		}
		if u.Profile == model.Parent && i > 0 { // children among those before, and after
			for range rng.IntN(3) {
				u.ChildIDs = appendUnique(u.ChildIDs, s.Users[rng.IntN(len(s.Users))].ID)
			}
			if i < n-5 && rng.IntN(3) == 0 {
				u.ChildIDs = appendUnique(u.ChildIDs, model.TempID(id+1+rng.IntN(5)))
			}
		}
		s.Users = append(s.Users, u)
	}
	if err := f.store.ApplySeed(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	os, _ := f.store.ListOrgs(ctx)
	cs, _ := f.store.ListClasses(ctx)
	gs, _ := f.store.ListGroups(ctx)
	for _, o := range os {
		orgs = append(orgs, o.ID)
	}
	for _, c := range cs {
		classes = append(classes, c.ID)
	}
	for _, g := range gs {
		groups = append(groups, g.ID)
	}
	return orgs, classes, groups
}

// reference answers a selection the slow, obvious way: every user through
// Selection.MatchesWith, sorted by folded search text then id.
func reference(t *testing.T, f *fixture, admin model.Admin, sel model.Selection) []model.ID {
	ctx := context.Background()
	all := map[model.ID]*model.User{}
	err := f.store.ForEachUser(ctx, func(u *model.User) error {
		c := *u
		all[u.ID] = &c
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	classes, _ := f.store.ListClasses(ctx)
	level := map[model.ID]string{}
	for _, c := range classes {
		level[c.ID] = c.Level
	}
	rel := model.Related{Child: func(id model.ID) *model.User { return all[id] }, ClassLevel: func(id model.ID) string { return level[id] }}
	var users []model.User
	sel.OrgIDs = visibleOrgs(sel.OrgIDs, admin.OrgIDs)
	for _, u := range all {
		if sel.MatchesWith(u, time.Local, rel) {
			users = append(users, *u)
		}
	}
	slices.SortStableFunc(users, func(a, b model.User) int {
		if c := strings.Compare(model.SearchText(&a), model.SearchText(&b)); c != 0 {
			return c
		}
		return int(a.ID) - int(b.ID)
	})
	ids := make([]model.ID, len(users))
	for i := range users {
		ids[i] = users[i].ID
	}
	return ids
}

func TestIndexAgreesWithTheReferenceOnRandomSelections(t *testing.T) {
	f := newFixture(t)
	orgs, classes, groups := randomDirectory(t, f, 3000, 7)
	admin := model.Admin{OrgIDs: orgs}
	rng := rand.New(rand.NewPCG(42, 42))
	ctx := context.Background()
	for i := range 300 {
		sel := randomSelection(rng, orgs, classes, groups)
		got, err := f.app.selectUserIDs(ctx, admin, sel)
		if err != nil {
			t.Fatal(err)
		}
		want := reference(t, f, admin, sel)
		if !slices.Equal(got, want) {
			t.Fatalf("selection %d %+v: index gave %d users, reference %d", i, sel, len(got), len(want))
		}
	}
}

func randomSelection(rng *rand.Rand, orgs, classes, groups []model.ID) model.Selection {
	var s model.Selection
	pick := func(ids []model.ID) []model.ID {
		var out []model.ID
		for _, id := range ids {
			if rng.IntN(3) == 0 {
				out = append(out, id)
			}
		}
		return out
	}
	if rng.IntN(2) == 0 {
		for _, p := range model.Profiles {
			if rng.IntN(2) == 0 {
				s.Profiles = append(s.Profiles, p)
			}
		}
	}
	if rng.IntN(3) == 0 {
		s.ClassIDs = pick(classes)
	}
	s.OwnClass = rng.IntN(4) == 0
	if rng.IntN(4) == 0 {
		s.Levels = []string{[]string{"3e", "6E", "cm2", "5e"}[rng.IntN(4)]}
	}
	if rng.IntN(4) == 0 {
		s.GroupIDs = pick(groups)
	}
	if rng.IntN(4) == 0 {
		s.OrgIDs = pick(orgs)
	}
	s.Activation = model.Tri(rng.IntN(3))
	s.Email = model.Tri(rng.IntN(3))
	s.LocalAdmins = rng.IntN(6) == 0
	s.Pending = model.PendingMode(rng.IntN(3))
	s.Suspended = model.Tri(rng.IntN(3))
	if rng.IntN(4) == 0 {
		s.CreatedFrom = model.Date{Year: 2026, Month: time.Month(1 + rng.IntN(6)), Day: 1 + rng.IntN(28)}
	}
	if rng.IntN(4) == 0 {
		s.CreatedTo = model.Date{Year: 2026, Month: time.Month(4 + rng.IntN(8)), Day: 1 + rng.IntN(28)}
	}
	if rng.IntN(3) == 0 {
		s.Text = []string{"mar", "ÉLO", "dupont", "user1", "example", "lé mar", "zzz"}[rng.IntN(7)]
	}
	return s
}

func TestSortByProfileAndByClass(t *testing.T) {
	f := newFixture(t)
	orgs, _, _ := randomDirectory(t, f, 500, 3)
	admin := model.Admin{OrgIDs: orgs}
	ctx := context.Background()
	page, err := f.app.findUsers(ctx, admin, model.Selection{Sort: model.SortByProfile}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(page.Users); i++ {
		a, b := page.Users[i-1], page.Users[i]
		if a.Profile > b.Profile || (a.Profile == b.Profile && model.SearchText(&a) > model.SearchText(&b)) {
			t.Fatalf("by profile: %s/%s before %s/%s", a.Profile, a.LastName, b.Profile, b.LastName)
		}
	}
	classes, _ := f.store.ListClasses(ctx)
	SortClasses(classes)
	var names []string
	for _, c := range classes {
		names = append(names, c.Name)
	}
	if want := []string{"3e A", "3e B", "6e A", "CM2", "Elodie", "Élodie"}; !slices.Equal(names, want) {
		t.Errorf("classes sort as %q, want %q", names, want)
	}
	rank := map[model.ID]int{}
	for i, c := range classes {
		rank[c.ID] = i
	}
	page, _ = f.app.findUsers(ctx, admin, model.Selection{Sort: model.SortByClass}, 0, 1000)
	last := -1
	for _, u := range page.Users {
		r := len(classes)
		if len(u.ClassIDs) > 0 {
			r = rank[u.ClassIDs[0]]
		}
		if r < last {
			t.Fatalf("by class: %s (rank %d) after rank %d", u.LastName, r, last)
		}
		last = r
	}
}

func TestAdminSeesOnlyTheirOrganizations(t *testing.T) {
	f := newFixture(t)
	orgs, _, _ := randomDirectory(t, f, 400, 5)
	ctx := context.Background()
	ids, err := f.app.selectUserIDs(ctx, model.Admin{OrgIDs: orgs[:1]}, model.Selection{OrgIDs: orgs})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		u, _ := f.store.User(ctx, id)
		if u.OrgID != orgs[0] {
			t.Fatalf("an admin of org %d saw user %d of org %d", orgs[0], id, u.OrgID)
		}
	}
	if len(ids) == 0 {
		t.Fatal("the admin's own users are missing")
	}
	if none, _ := f.app.selectUserIDs(ctx, model.Admin{}, model.Selection{}); len(none) != 0 {
		t.Errorf("an admin of no organization saw %d users", len(none))
	}
}

func TestIndexFollowsWrites(t *testing.T) {
	f := newFixture(t)
	orgs, _, _ := randomDirectory(t, f, 200, 9)
	admin := model.Admin{OrgIDs: orgs}
	ctx := context.Background()
	if err := f.app.WarmUp(ctx); err != nil {
		t.Fatal(err)
	}
	ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{})
	u, _ := f.store.User(ctx, ids[0])
	u.LastName, u.Email = "Zzyzx", ""
	if err := f.store.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	gone, _ := f.store.User(ctx, ids[1])
	if err := f.store.DeleteUser(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	f.app.dir.upsert([]model.User{u}, nil, []model.ID{gone.ID})
	for i := range 5 {
		sel := randomSelection(rand.New(rand.NewPCG(uint64(i), 0)), orgs, nil, nil)
		got, _ := f.app.selectUserIDs(ctx, admin, sel)
		if want := reference(t, f, admin, sel); !slices.Equal(got, want) {
			t.Fatalf("after writes, selection %+v differs from the reference", sel)
		}
	}
	all, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Text: "zzyzx"})
	if len(all) != 1 || all[0] != u.ID {
		t.Errorf("renamed user not found by the new name: %v", all)
	}
}
