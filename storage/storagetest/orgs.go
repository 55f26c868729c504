package storagetest

import (
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var orgTests = []test{
	{"organizations", testOrgs},
	{"subscriptions", testSubscriptions},
}

func testOrgs(t *testing.T, s storage.Store) {
	a := model.Organization{Name: "Collège Jean Moulin", City: "Lyon", Country: "FR", Code: "0690001A",
		Source: "ent", ExternalID: "org-1", CreatedAt: at(1)}
	b := model.Organization{Name: "Lycée Ampère", Country: "FR", CreatedAt: at(2)}
	must(t, "CreateOrg a", s.CreateOrg(bg, &a))
	must(t, "CreateOrg b", s.CreateOrg(bg, &b))
	if a.ID == 0 || b.ID <= a.ID {
		t.Fatalf("ids %d, %d: want increasing non-zero ids", a.ID, b.ID)
	}
	got, err := s.Org(bg, a.ID)
	must(t, "Org", err)
	same(t, "Org(a)", got, a)
	a.Name = "Collège J. Moulin"
	must(t, "UpdateOrg", s.UpdateOrg(bg, a))
	list, err := s.ListOrgs(bg)
	must(t, "ListOrgs", err)
	same(t, "ListOrgs", list, []model.Organization{a, b})

	_, err = s.Org(bg, 99)
	isErr(t, "Org(99)", err, storage.ErrNotFound)
	isErr(t, "UpdateOrg(99)", s.UpdateOrg(bg, model.Organization{ID: 99}), storage.ErrNotFound)
}

func testSubscriptions(t *testing.T, s storage.Store) {
	sub := model.Subscription{OrgID: 3, Product: "Maths+", Vendor: "EdTech", OrderNumber: "PO-1",
		Seats: 300, StartsOn: model.Date{Year: 2026, Month: 9, Day: 1},
		RenewsOn:  model.Date{Year: 2027, Month: 9, Day: 1},
		Keys:      []model.ProductKey{{Key: "AAAA-BBBB", Seats: 200}, {Key: "CCCC", Seats: 100}},
		ClaimedBy: 1, ClaimedAt: at(5), ClaimRef: "hash"}
	other := model.Subscription{OrgID: 3, Product: "Atlas", Seats: 30}
	must(t, "CreateSubscription", s.CreateSubscription(bg, &sub))
	must(t, "CreateSubscription other", s.CreateSubscription(bg, &other))
	if sub.ID == 0 || other.ID == sub.ID {
		t.Fatalf("ids %d, %d: want distinct non-zero ids", sub.ID, other.ID)
	}
	got, err := s.Subscription(bg, sub.ID)
	must(t, "Subscription", err)
	same(t, "Subscription", got, sub)
	list, err := s.ListSubscriptions(bg)
	must(t, "ListSubscriptions", err)
	same(t, "ListSubscriptions", list, []model.Subscription{sub, other})
	_, err = s.Subscription(bg, 99)
	isErr(t, "Subscription(99)", err, storage.ErrNotFound)
}
