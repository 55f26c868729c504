package app

import (
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// demoBuilder assembles the demo seed. Its ids are temporary (model.TempID); the store numbers
// them when the seed is written.
type demoBuilder struct {
	rng     *rand.Rand
	now     time.Time
	random  io.Reader
	seed    storage.Seed
	logins  map[string]bool
	nextID  int
	summary DemoSummary
}

type demoSchool struct {
	name, city, code string
	classes          []string // codes; the level is the part before the space
	perClass         int
	teachers, staff  int
	studentEmails    float64 // share of students with an email
}

var demoSchools = []demoSchool{
	{name: "Collège Jean Moulin", city: "Lyon", code: "0691234A",
		classes:  []string{"6e A", "6e B", "6e C", "6e D", "5e A", "5e B", "5e C", "5e D", "4e A", "4e B", "4e C", "4e D", "3e A", "3e B", "3e C", "3e D"},
		perClass: 25, teachers: 40, staff: 15, studentEmails: 0.3},
	{name: "École élémentaire Les Tilleuls", city: "Villeurbanne", code: "0695678B",
		classes:  []string{"CP A", "CP B", "CE1 A", "CE1 B", "CE2 A", "CE2 B", "CM1 A", "CM1 B", "CM2 A", "CM2 B"},
		perClass: 22, teachers: 12, staff: 5},
}

func (b *demoBuilder) id() model.ID {
	b.nextID++
	return model.TempID(b.nextID)
}

func (b *demoBuilder) build() error {
	for i, s := range demoSchools {
		if err := b.school(i, s); err != nil {
			return err
		}
	}
	b.subscriptions()
	b.summary.Orgs = len(b.seed.Orgs)
	b.summary.Classes = len(b.seed.Classes)
	b.summary.Groups = len(b.seed.Groups)
	b.summary.Subscriptions = len(b.seed.Subscriptions)
	return nil
}

func (b *demoBuilder) school(n int, s demoSchool) error {
	org := model.Organization{ID: b.id(), Name: s.name, City: s.city, Country: "FR", Code: s.code,
		Source: demoSource, ExternalID: s.code, CreatedAt: b.past(700)}
	b.seed.Orgs = append(b.seed.Orgs, org)
	groups := b.groups(org.ID, n)
	var students []int
	for _, code := range s.classes {
		class := model.Class{ID: b.id(), OrgID: org.ID, Code: code, Name: code, Level: levelOf(code),
			Source: demoSource, CreatedAt: org.CreatedAt}
		b.seed.Classes = append(b.seed.Classes, class)
		for range s.perClass {
			i, err := b.user(org.ID, model.Student, s.studentEmails)
			if err != nil {
				return err
			}
			u := &b.seed.Users[i]
			u.ClassIDs = []model.ID{class.ID}
			if len(groups) > 0 && b.rng.IntN(5) == 0 {
				u.GroupIDs = []model.ID{groups[b.rng.IntN(len(groups))]}
			}
			students = append(students, i)
		}
	}
	if err := b.adults(org.ID, s, groups); err != nil {
		return err
	}
	if err := b.parents(org.ID, students); err != nil {
		return err
	}
	b.finishAccounts(org.ID, s)
	return nil
}

func levelOf(code string) string {
	for i := 0; i < len(code); i++ {
		if code[i] == ' ' {
			return code[:i]
		}
	}
	return code
}

func (b *demoBuilder) groups(org model.ID, n int) []model.ID {
	names := [][]string{{"LATIN", "Latin"}, {"CHORALE", "Chorale"}, {"EURO", "Section européenne"}, {"ROBOT", "Club robotique"}}
	if n > 0 {
		names = names[1:2]
	}
	var ids []model.ID
	for _, g := range names {
		grp := model.Group{ID: b.id(), OrgID: org, Code: g[0], Name: g[1], Source: demoSource, CreatedAt: b.past(600)}
		b.seed.Groups = append(b.seed.Groups, grp)
		ids = append(ids, grp.ID)
	}
	return ids
}

func (b *demoBuilder) adults(org model.ID, s demoSchool, groups []model.ID) error {
	classes := b.seed.Classes[len(b.seed.Classes)-len(s.classes):]
	for i := range s.teachers {
		n, err := b.user(org, model.Teacher, 1)
		if err != nil {
			return err
		}
		u := &b.seed.Users[n]
		for k := 0; k < 1+b.rng.IntN(3); k++ {
			u.ClassIDs = appendUnique(u.ClassIDs, classes[(i+k*3)%len(classes)].ID)
		}
		if len(groups) > 0 && i%7 == 0 {
			u.GroupIDs = []model.ID{groups[i%len(groups)]}
		}
	}
	for i := range s.staff {
		n, err := b.user(org, model.Staff, 1)
		if err != nil {
			return err
		}
		b.seed.Users[n].LocalAdmin = i == 0
	}
	for range 5 {
		if _, err := b.user(org, model.Guest, 0.8); err != nil {
			return err
		}
	}
	return nil
}

// parents gives about four students in five a parent; one parent in ten has a second child.
func (b *demoBuilder) parents(org model.ID, students []int) error {
	for i := 0; i < len(students); i++ {
		if b.rng.IntN(5) == 0 {
			continue
		}
		n, err := b.user(org, model.Parent, 0.85)
		if err != nil {
			return err
		}
		p, child := &b.seed.Users[n], &b.seed.Users[students[i]]
		p.LastName = child.LastName
		p.ChildIDs = []model.ID{child.ID}
		if i+1 < len(students) && b.rng.IntN(10) == 0 {
			i++
			sibling := &b.seed.Users[students[i]]
			sibling.LastName = child.LastName
			p.ChildIDs = append(p.ChildIDs, sibling.ID)
		}
	}
	return nil
}

// finishAccounts gives the school's users their logins and emails once every name is final
// (parents and siblings take a child's last name).
func (b *demoBuilder) finishAccounts(org model.ID, s demoSchool) {
	domain := model.LoginBase("", s.name)
	for i := range b.seed.Users {
		u := &b.seed.Users[i]
		if u.OrgID != org || u.Login != "" {
			continue
		}
		u.Login = model.UniqueLogin(model.LoginBase(u.FirstName, u.LastName), func(l string) bool { return b.logins[l] })
		b.logins[u.Login] = true
		if u.Email == "" {
			continue
		}
		if u.Profile == model.Parent || u.Profile == model.Guest {
			u.Email = u.Login + "@example.net"
		} else {
			u.Email = u.Login + "@" + domain + ".example.fr"
		}
	}
}

// user appends a user with a random name and returns its index in the seed; the caller fills in
// classes and links (through the index: later appends move the slice).
func (b *demoBuilder) user(org model.ID, p model.Profile, emailShare float64) (int, error) {
	first := demoFirstNames[b.rng.IntN(len(demoFirstNames))]
	last := demoLastNames[b.rng.IntN(len(demoLastNames))]
	u := model.User{ID: b.id(), OrgID: org, Profile: p, FirstName: first, LastName: last,
		Source: demoSource, CreatedAt: b.past(400)}
	u.ExternalID = fmt.Sprintf("demo-%05d", b.nextID)
	u.UpdatedAt = u.CreatedAt
	if p == model.Student {
		u.BirthDate = model.DateOf(b.now.AddDate(-11-b.rng.IntN(5), -b.rng.IntN(12), -b.rng.IntN(28)))
	}
	if b.rng.Float64() < emailShare {
		u.Email = "pending"
	}
	switch r := b.rng.IntN(100); {
	case r < 55:
		u.ActivatedAt = u.CreatedAt.Add(time.Duration(1+b.rng.IntN(200)) * time.Hour)
	default:
		code, err := model.NewCode(b.random, 8)
		if err != nil {
			return 0, err
		}
		u.ActivationCode = code
	}
	if b.rng.IntN(100) == 0 {
		u.PendingSince = b.past(30)
	}
	b.seed.Users = append(b.seed.Users, u)
	b.summary.Users[p]++
	return len(b.seed.Users) - 1, nil
}

// past is a moment up to `days` days before now.
func (b *demoBuilder) past(days int) time.Time {
	return b.now.Add(-time.Duration(b.rng.IntN(days*24)+1) * time.Hour).Truncate(time.Minute)
}

func appendUnique(ids []model.ID, id model.ID) []model.ID {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// subscriptions gives the demo schools a current, a renewing and an expired subscription.
func (b *demoBuilder) subscriptions() {
	today := model.DateOf(b.now)
	college, ecole := b.seed.Orgs[0].ID, b.seed.Orgs[1].ID
	year := today.Year
	subs := []model.Subscription{
		{OrgID: college, Product: "Manuels numériques — Mathématiques 5e", Vendor: "Éditions Demo", OrderNumber: "DEMO-1001",
			Seats: 120, StartsOn: model.Date{Year: year - 1, Month: 9, Day: 1}, RenewsOn: model.Date{Year: year + 1, Month: 9, Day: 30},
			Keys: []model.ProductKey{{Key: "DEMO-MATH5-7Q4K", Seats: 120}}},
		{OrgID: ecole, Product: "Suite Classe pour écrans interactifs", Vendor: "Demo Displays", OrderNumber: "DEMO-2001",
			Seats: 12, StartsOn: model.Date{Year: year - 1, Month: 1, Day: 15}, RenewsOn: model.Date{Year: year + 1, Month: 1, Day: 15},
			Keys: []model.ProductKey{{Key: "DEMO-SUITE-A1B2", Seats: 6}, {Key: "DEMO-SUITE-C3D4", Seats: 6}}},
		{OrgID: college, Product: "Atlas interactif", Vendor: "Éditions Demo", OrderNumber: "DEMO-0907",
			Seats: 30, StartsOn: model.Date{Year: year - 3, Month: 9, Day: 1}, EndsOn: model.Date{Year: year - 1, Month: 8, Day: 31}},
	}
	for _, s := range subs {
		s.ID = b.id()
		s.ClaimedAt = b.past(300)
		b.seed.Subscriptions = append(b.seed.Subscriptions, s)
	}
}
