package app

import (
	"errors"
	"testing"

	"rollcall/model"
)

func TestRenewWithAVendorCode(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	sub := f.claimed(t, ada, "PO-1", 4) // Maths+ Collège, renews 30 Sep 2027, 2 keys
	v := newVendor(t, "Acme", 9)
	renewal := model.Entitlement{Renewal: true, OrderNumber: "PO-1", Product: "Maths+ Collège", Seats: 3, Keys: 1,
		StartsOn: model.Date{Year: 2027, Month: 9, Day: 30}, RenewsOn: model.Date{Year: 2028, Month: 9, Day: 30}}
	code := v.code(t, renewal)

	// A renewal code is no claim.
	_, err := f.app.claim(bg, ada, ClaimInput{Code: code, OrgID: ada.OrgIDs[0]}, false)
	var re *model.RenewalError
	if !errors.As(err, &re) || re.Problem != model.RenewalNotAClaim {
		t.Fatalf("claiming a renewal code: %v", err)
	}
	dry, err := f.app.renewSubscription(bg, ada, sub, code, true)
	if err != nil || dry.After.Seats != 7 || dry.After.RenewsOn != renewal.RenewsOn {
		t.Fatalf("dry renewal: %+v, %v", dry, err)
	}
	if l, _ := f.app.listSeats(bg, ada, sub); l.Sub.Seats != 4 {
		t.Fatalf("a dry renewal wrote: %d seats", l.Sub.Seats)
	}
	res, err := f.app.renewSubscription(bg, ada, sub, code, false)
	if err != nil || res.After.Seats != 7 || len(res.After.Keys) != 3 || res.After.Keys[2].Seats != 3 || res.SeatsAdded != 3 {
		t.Fatalf("renewal: %+v, %v", res.After, err)
	}
	// The new seats are usable: 7 holders fit, on the new key too.
	add, err := f.app.addTypedSeats(bg, ada, sub, "a@x.fr b@x.fr c@x.fr d@x.fr e@x.fr f@x.fr g@x.fr", SeatOptions{})
	if err != nil || add.Added[6].Key != res.After.Keys[2].Key {
		t.Fatalf("seats after the renewal: %+v, %v", add.Added, err)
	}
	// Used once; another order's renewal and a claim code are refused.
	var ac *model.AlreadyClaimedError
	if _, err := f.app.renewSubscription(bg, ada, sub, code, false); !errors.As(err, &ac) {
		t.Errorf("a renewal code used twice: %v", err)
	}
	other := renewal
	other.OrderNumber, other.RenewsOn = "PO-2", model.Date{Year: 2029, Month: 9, Day: 30}
	if _, err := f.app.renewSubscription(bg, ada, sub, v.code(t, other), false); !errors.As(err, &re) || re.Problem != model.RenewalOtherOrder {
		t.Errorf("another order's renewal: %v", err)
	}
	if _, err := f.app.renewSubscription(bg, ada, sub, v.code(t, entitlement("PO-1", 5)), false); !errors.As(err, &re) || re.Problem != model.RenewalNotARenewal {
		t.Errorf("a claim code to renew: %v", err)
	}
	earlier := renewal
	earlier.RenewsOn = model.Date{Year: 2028, Month: 1, Day: 1}
	if _, err := f.app.renewSubscription(bg, ada, sub, v.code(t, earlier), false); !errors.As(err, &re) || re.Problem != model.RenewalEarlier {
		t.Errorf("a renewal that goes back: %v", err)
	}
}
