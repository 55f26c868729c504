package app

import (
	"context"
	"slices"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// handMadeDirectory is eight people whose every filter answer is known by heart. Hugo is in
// another school the admin does not administer.
func handMadeDirectory(t *testing.T, f *fixture) (admin model.Admin, class map[string]model.ID, group model.ID) {
	t.Helper()
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 10, 0, 0, 0, time.Local) }
	org, other := model.TempID(1), model.TempID(2)
	c6a, c6b, latin := model.TempID(3), model.TempID(4), model.TempID(5)
	seed := storage.Seed{
		Orgs:    []model.Organization{{ID: org, Name: "Collège"}, {ID: other, Name: "Lycée"}},
		Classes: []model.Class{{ID: c6a, OrgID: org, Code: "6A", Name: "6e A", Level: "6e"}, {ID: c6b, OrgID: org, Code: "6B", Name: "6e B", Level: "6e"}},
		Groups:  []model.Group{{ID: latin, OrgID: org, Code: "LATIN", Name: "Latin"}},
	}
	u := func(id int, p model.Profile, first, last, email string, created time.Time) model.User {
		return model.User{ID: model.TempID(10 + id), OrgID: org, Profile: p, FirstName: first, LastName: last,
			Login: model.LoginBase(first, last), Email: email, CreatedAt: created}
	}
	users := []model.User{
		u(1, model.Student, "Ana", "Arnaud", "ana@example.fr", day(2026, 1, 10)),
		u(2, model.Student, "Bob", "Blanc", "", day(2026, 3, 5)),
		u(3, model.Teacher, "Cléa", "Clément", "clea@example.fr", day(2025, 9, 1)),
		u(4, model.Parent, "Dan", "Dupont", "dan@example.net", day(2026, 2, 1)),
		u(5, model.Staff, "Élodie", "Étienne", "", day(2026, 6, 30)),
		u(6, model.Guest, "Fanny", "Faure", "fanny@example.net", day(2026, 7, 1)),
		u(7, model.Student, "Gus", "Girard", "gus@example.fr", day(2026, 3, 5)),
		u(8, model.Student, "Hugo", "Henry", "hugo@example.fr", day(2026, 3, 5)),
	}
	users[0].ClassIDs, users[0].ActivatedAt = []model.ID{c6a}, day(2026, 1, 11)
	users[1].ClassIDs = []model.ID{c6b}
	users[2].ClassIDs, users[2].ActivatedAt, users[2].LocalAdmin = []model.ID{c6a, c6b}, day(2025, 9, 2), true
	users[3].ChildIDs = []model.ID{users[0].ID} // Dan is Ana's father
	users[4].PendingSince = day(2026, 10, 1)
	users[5].ActivatedAt, users[5].SuspendedAt = day(2026, 7, 2), day(2026, 7, 3)
	users[6].ClassIDs, users[6].GroupIDs = []model.ID{c6a}, []model.ID{latin}
	users[2].Functions = []string{"ENS$ENSEIGNEMENT$L0422$ANGLAIS", "DIR$DIRECTION$D0011$CHEF D'ETABLISSEMENT ADJOINT"}
	users[3].Functions = []string{"EDU"}
	users[7].OrgID = other
	seed.Users = users
	if err := f.store.ApplySeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	orgs, _ := f.store.ListOrgs(ctx)
	classes, _ := f.store.ListClasses(ctx)
	groups, _ := f.store.ListGroups(ctx)
	class = map[string]model.ID{}
	for _, c := range classes {
		class[c.Code] = c.ID
	}
	return model.Admin{OrgIDs: []model.ID{orgs[0].ID}}, class, groups[0].ID
}

func TestEveryFilterOnAHandMadeDirectory(t *testing.T) {
	f := newFixture(t)
	admin, class, latin := handMadeDirectory(t, f)
	tests := []struct {
		name string
		sel  model.Selection
		want []string
	}{
		{"no filter: everyone but the pending and the other school", model.Selection{},
			[]string{"ana.arnaud", "bob.blanc", "clea.clement", "dan.dupont", "fanny.faure", "gus.girard"}},
		{"students", model.Selection{Profiles: []model.Profile{model.Student}}, []string{"ana.arnaud", "bob.blanc", "gus.girard"}},
		{"parents and guests", model.Selection{Profiles: []model.Profile{model.Parent, model.Guest}}, []string{"dan.dupont", "fanny.faure"}},
		{"class 6A (a teacher's second class counts, a parent through a child)", model.Selection{ClassIDs: []model.ID{class["6A"]}},
			[]string{"ana.arnaud", "clea.clement", "dan.dupont", "gus.girard"}},
		{"parents of 6A", model.Selection{Profiles: []model.Profile{model.Parent}, ClassIDs: []model.ID{class["6A"]}}, []string{"dan.dupont"}},
		{"parents of 6B: none", model.Selection{Profiles: []model.Profile{model.Parent}, ClassIDs: []model.ID{class["6B"]}}, nil},
		{"level 6e, case ignored", model.Selection{Levels: []string{"6E"}},
			[]string{"ana.arnaud", "bob.blanc", "clea.clement", "dan.dupont", "gus.girard"}},
		{"level 5e: none", model.Selection{Levels: []string{"5e"}}, nil},
		{"class 6B", model.Selection{ClassIDs: []model.ID{class["6B"]}}, []string{"bob.blanc", "clea.clement"}},
		{"group", model.Selection{GroupIDs: []model.ID{latin}}, []string{"gus.girard"}},
		{"activated", model.Selection{Activation: model.TriYes}, []string{"ana.arnaud", "clea.clement", "fanny.faure"}},
		{"not activated", model.Selection{Activation: model.TriNo}, []string{"bob.blanc", "dan.dupont", "gus.girard"}},
		{"with email", model.Selection{Email: model.TriYes}, []string{"ana.arnaud", "clea.clement", "dan.dupont", "fanny.faure", "gus.girard"}},
		{"without email", model.Selection{Email: model.TriNo}, []string{"bob.blanc"}},
		{"local admins", model.Selection{LocalAdmins: true}, []string{"clea.clement"}},
		{"function DIR (any of a person's)", model.Selection{Functions: []string{"DIR"}}, []string{"clea.clement"}},
		{"function EDU or DIR", model.Selection{Functions: []string{"EDU", "DIR"}}, []string{"clea.clement", "dan.dupont"}},
		{"function DOC: nobody", model.Selection{Functions: []string{"DOC"}}, nil},
		{"created in March 2026", model.Selection{CreatedFrom: model.Date{Year: 2026, Month: 3, Day: 1}, CreatedTo: model.Date{Year: 2026, Month: 3, Day: 31}},
			[]string{"bob.blanc", "gus.girard"}},
		{"created from 5 March (inclusive)", model.Selection{CreatedFrom: model.Date{Year: 2026, Month: 3, Day: 5}},
			[]string{"bob.blanc", "fanny.faure", "gus.girard"}},
		{"pending included", model.Selection{Pending: model.PendingInclude},
			[]string{"ana.arnaud", "bob.blanc", "clea.clement", "dan.dupont", "elodie.etienne", "fanny.faure", "gus.girard"}},
		{"pending only", model.Selection{Pending: model.PendingOnly}, []string{"elodie.etienne"}},
		{"suspended", model.Selection{Suspended: model.TriYes}, []string{"fanny.faure"}},
		{"not suspended", model.Selection{Suspended: model.TriNo},
			[]string{"ana.arnaud", "bob.blanc", "clea.clement", "dan.dupont", "gus.girard"}},
		{"text, accents and case ignored", model.Selection{Text: "CLEMENT"}, []string{"clea.clement"}},
		{"text over email", model.Selection{Text: "example.net"}, []string{"dan.dupont", "fanny.faure"}},
		{"text, two words in any order", model.Selection{Text: "gus girard"}, []string{"gus.girard"}},
		{"text, words from two fields", model.Selection{Text: "ana arnaud@"}, nil},
		{"combined: not-activated students of 6A", model.Selection{Profiles: []model.Profile{model.Student},
			ClassIDs: []model.ID{class["6A"]}, Activation: model.TriNo}, []string{"gus.girard"}},
		{"combined: activated with email in 6B", model.Selection{ClassIDs: []model.ID{class["6B"]}, Activation: model.TriYes, Email: model.TriYes},
			[]string{"clea.clement"}},
		{"sort by profile", model.Selection{Sort: model.SortByProfile},
			[]string{"ana.arnaud", "bob.blanc", "gus.girard", "clea.clement", "dan.dupont", "fanny.faure"}},
		{"sort by class (first class, then name; no class last)", model.Selection{Sort: model.SortByClass},
			[]string{"ana.arnaud", "clea.clement", "gus.girard", "bob.blanc", "dan.dupont", "fanny.faure"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := f.app.findUsers(context.Background(), admin, tt.sel, 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range page.Users {
				got = append(got, u.Login)
			}
			if !slices.Equal(got, tt.want) || page.Total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, page.Total, tt.want)
			}
		})
	}
}

// A parent follows their child: out of the class when the child leaves it, or is deleted.
func TestParentsFollowTheirChildren(t *testing.T) {
	f := newFixture(t)
	admin, class, _ := handMadeDirectory(t, f)
	ctx := context.Background()
	parentsOf6A := func() []string {
		page, err := f.app.findUsers(ctx, admin, model.Selection{Profiles: []model.Profile{model.Parent}, ClassIDs: []model.ID{class["6A"]}}, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range page.Users {
			out = append(out, u.Login)
		}
		return out
	}
	ana, _ := f.store.UserByLogin(ctx, "ana.arnaud")
	dan, _ := f.store.UserByLogin(ctx, "dan.dupont")
	fam, _ := f.app.families(ctx, admin, []model.ID{ana.ID, dan.ID})
	if !slices.Equal(fam[dan.ID].Children, []model.ID{ana.ID}) || !slices.Equal(fam[ana.ID].Parents, []model.ID{dan.ID}) {
		t.Fatalf("families %+v", fam)
	}
	b := []model.ID{class["6B"]}
	if _, err := f.app.editUser(ctx, admin, ana.ID, UserFields{ClassIDs: &b}, false); err != nil {
		t.Fatal(err)
	}
	if got := parentsOf6A(); len(got) != 0 {
		t.Errorf("Ana moved to 6B, 6A's parents: %v", got)
	}
	a := []model.ID{class["6A"]}
	if _, err := f.app.editUser(ctx, admin, ana.ID, UserFields{ClassIDs: &a}, false); err != nil {
		t.Fatal(err)
	}
	if got := parentsOf6A(); !slices.Equal(got, []string{"dan.dupont"}) {
		t.Errorf("Ana back in 6A, 6A's parents: %v", got)
	}
	if _, err := f.app.markPendingDeletion(ctx, admin, []model.ID{ana.ID}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.deleteUsers(ctx, admin, []model.ID{ana.ID}, false); err != nil {
		t.Fatal(err)
	}
	if got := parentsOf6A(); len(got) != 0 {
		t.Errorf("Ana deleted, 6A's parents: %v", got)
	}
}
