package model

import (
	"errors"
	"testing"
)

func TestRenewalCodeRoundTrip(t *testing.T) {
	pub, priv := testVendor(1)
	for _, e := range []Entitlement{
		{Renewal: true, OrderNumber: "PO-1", Product: "Maths+", Seats: 20, Keys: 1, StartsOn: Date{2027, 9, 30}, RenewsOn: Date{2028, 9, 30}},
		{Renewal: true, OrderNumber: "PO-1", Product: "Atlas", Seats: 0, Keys: 0, StartsOn: Date{2027, 9, 1}, EndsOn: Date{2028, 8, 31}},
	} {
		code, err := SignEntitlement(priv, e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := VerifyClaimCode(code, trust(pub), Date{2026, 11, 23})
		e.KeyID = got.KeyID
		if err != nil || got != e {
			t.Errorf("round trip: %+v, %v; want %+v", got, err, e)
		}
	}
	// A renewal names its order; a claim still needs seats.
	var ve ValidationErrors
	bad := Entitlement{Renewal: true, Product: "P", Seats: 1, Keys: 1, StartsOn: Date{2027, 1, 1}, EndsOn: Date{2028, 1, 1}}
	if _, err := SignEntitlement(priv, bad); !errors.As(err, &ve) || ve[0].Field != "order" {
		t.Errorf("renewal without an order: %v", err)
	}
	bad = Entitlement{Product: "P", Seats: 0, Keys: 0, StartsOn: Date{2027, 1, 1}, EndsOn: Date{2028, 1, 1}}
	if _, err := SignEntitlement(priv, bad); err == nil {
		t.Error("a claim code without seats was signed")
	}
}
