package app

import (
	"errors"
	"slices"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

func TestListSubscriptions(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin", "École Les Tilleuls")
	v := newVendor(t, "Acme", 3)
	f.trust(t, ada, v)
	college, ecole := ada.OrgIDs[0], ada.OrgIDs[1]
	mk := func(product string, org model.ID, renews, ends model.Date) model.ID {
		e := model.Entitlement{OrderNumber: product, Product: product, Seats: 10, Keys: 1,
			StartsOn: model.Date{Year: 2026, Month: 1, Day: 1}, RenewsOn: renews, EndsOn: ends}
		if e.End().Before(model.DateOf(f.clock.Now())) {
			f.clock.Advance(-365 * 24 * time.Hour) // claim it while it was valid
			defer f.clock.Advance(365 * 24 * time.Hour)
		}
		sub, err := f.app.claim(bg, ada, ClaimInput{Code: v.code(t, e), OrgID: org}, false)
		if err != nil {
			t.Fatal(err)
		}
		return sub.ID
	}
	mk("Zoologie", college, model.Date{Year: 2027, Month: 9, Day: 30}, model.Date{})
	atlas := mk("Atlas", ecole, model.Date{}, model.Date{Year: 2026, Month: 11, Day: 1})
	mk("Maths", college, model.Date{Year: 2027, Month: 1, Day: 15}, model.Date{})
	mk("Éveil", ecole, model.Date{}, model.Date{Year: 2027, Month: 6, Day: 30})
	f.clock.Advance(-30 * 24 * time.Hour) // seats given while Atlas was running
	if _, err := f.app.addTypedSeats(bg, ada, atlas, "a@x.fr b@x.fr", SeatOptions{}); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(30 * 24 * time.Hour)

	list, err := f.app.listSubscriptions(bg, ada, SubsQuery{})
	if err != nil {
		t.Fatal(err)
	}
	products := func(rows []SubRow) (out []string) {
		for _, r := range rows {
			out = append(out, r.Sub.Product)
		}
		return out
	}
	if got := products(list.Rows); !slices.Equal(got, []string{"Atlas", "Éveil", "Maths", "Zoologie"}) {
		t.Errorf("by product: %q", got) // French order: É with E
	}
	if list.Next.Sub.Product != "Maths" || list.Next.State.Date != (model.Date{Year: 2027, Month: 1, Day: 15}) {
		t.Errorf("banner: %+v", list.Next)
	}
	if r := list.Rows[0]; r.Assigned != 2 || r.Free() != 8 || r.State.Kind != model.StateExpired || r.OrgName != "École Les Tilleuls" {
		t.Errorf("Atlas row %+v", r)
	}
	list, _ = f.app.listSubscriptions(bg, ada, SubsQuery{Sort: SubsByState})
	if got := products(list.Rows); !slices.Equal(got, []string{"Maths", "Éveil", "Zoologie", "Atlas"}) {
		t.Errorf("by state: %q", got)
	}
	list, _ = f.app.listSubscriptions(bg, ada, SubsQuery{OrgID: ecole})
	if got := products(list.Rows); !slices.Equal(got, []string{"Atlas", "Éveil"}) || list.Next.Sub.ID != 0 {
		t.Errorf("one organization: %q, banner %+v", got, list.Next)
	}
	bob := f.adminWithOrgs(t, "bob@example.org", "Lycée Ampère")
	if list, _ := f.app.listSubscriptions(bg, bob, SubsQuery{}); len(list.Rows) != 0 {
		t.Errorf("another admin sees %d subscriptions", len(list.Rows))
	}
	var nf *model.NotFoundError
	if _, err := f.app.listSubscriptions(bg, bob, SubsQuery{OrgID: ecole}); !errors.As(err, &nf) ||
		nf.Thing != model.ThingOrganization || nf.Ref != ecole.String() || !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("another admin asks for the école's subscriptions: %v", err)
	}
}

// An ended subscription takes no new seat, by hand or by sync, until renewed; its seats can
// still be taken back.
func TestEndedSubscriptionRefusesNewSeats(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org")
	if _, err := f.app.LoadDemo(bg); err != nil { // a school with teachers to sync seats from
		t.Fatal(err)
	}
	ada, _ = f.store.Admin(bg, ada.ID)
	v := newVendor(t, "Acme", 3)
	f.trust(t, ada, v)
	ended := model.Date{Year: 2026, Month: 8, Day: 31}
	e := model.Entitlement{OrderNumber: "PO-1", Product: "Atlas", Seats: 10, Keys: 1, StartsOn: model.Date{Year: 2025, Month: 9, Day: 1}, EndsOn: ended}
	f.clock.Advance(-365 * 24 * time.Hour)
	sub, err := f.app.claim(bg, ada, ClaimInput{Code: v.code(t, e), OrgID: ada.OrgIDs[0]}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.addTypedSeats(bg, ada, sub.ID, "a@x.fr", SeatOptions{}); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(365 * 24 * time.Hour)

	var se *model.SubscriptionEndedError
	for _, dry := range []bool{true, false} {
		_, err := f.app.addTypedSeats(bg, ada, sub.ID, "b@x.fr", SeatOptions{DryRun: dry})
		if !errors.As(err, &se) || se.EndedOn != ended || !errors.Is(err, model.ErrInvalid) {
			t.Errorf("dry %v: adding a seat to an ended subscription: %v", dry, err)
		}
	}
	if _, err := f.app.addTypedSeats(bg, ada, sub.ID, "a@x.fr", SeatOptions{}); err != nil {
		t.Errorf("an email that already holds a seat adds nothing, so nothing to refuse: %v", err)
	}
	roster := SyncSource{Kind: model.SeatRoster, OrgID: ada.OrgIDs[0]}
	if _, err := f.app.syncSeats(bg, ada, sub.ID, roster, SeatOptions{}, nil); !errors.As(err, &se) {
		t.Errorf("a sync adding seats to an ended subscription: %v", err)
	}
	if _, err := f.app.removeSeat(bg, ada, sub.ID, "a@x.fr", false, false); err != nil {
		t.Errorf("taking a seat back from an ended subscription: %v", err)
	}
	if seats, _ := f.app.listSeats(bg, ada, sub.ID); len(seats.Seats) != 0 {
		t.Errorf("seats left: %v", seats.Seats)
	}
}
