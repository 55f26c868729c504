package app

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"testing"

	"rollcall/model"
)

var bg = context.Background()

// licFixture is a fixture whose app has licensing options.
func licFixture(t *testing.T, opts LicensingOptions) *fixture {
	t.Helper()
	f := newFixture(t)
	f.app = New(f.store, Options{Clock: f.clock.Now, Argon2: cheapArgon2, Licensing: opts})
	return f
}

// adminWithOrgs signs up an admin who administers new organizations of these names.
func (f *fixture) adminWithOrgs(t *testing.T, email string, orgs ...string) model.Admin {
	t.Helper()
	admin := f.verifiedAdmin(t, email, "correct horse 42")
	for _, name := range orgs {
		if _, err := f.app.createOrg(bg, admin, model.Organization{Name: name, City: "Lyon", Country: "FR"}, false); err != nil {
			t.Fatal(err)
		}
	}
	fresh, err := f.store.Admin(bg, admin.ID)
	if err != nil {
		t.Fatal(err)
	}
	return fresh
}

// vendor is a test vendor's key pair.
type vendor struct {
	name string
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
}

func newVendor(t *testing.T, name string, seed byte) vendor {
	t.Helper()
	s := bytes.Repeat([]byte{seed}, ed25519.SeedSize)
	priv := ed25519.NewKeyFromSeed(s)
	return vendor{name: name, pub: priv.Public().(ed25519.PublicKey), priv: priv}
}

func (v vendor) pubFile() *bytes.Reader {
	return bytes.NewReader([]byte(model.FormatVendorPublicKey(v.name, v.pub)))
}

// code mints a claim code for an entitlement.
func (v vendor) code(t *testing.T, e model.Entitlement) string {
	t.Helper()
	c, err := model.SignEntitlement(v.priv, e)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// trust makes every school of the admin trust the vendor's key.
func (f *fixture) trust(t *testing.T, admin model.Admin, v vendor) {
	t.Helper()
	for _, org := range admin.OrgIDs {
		if _, _, err := f.app.trustVendorKey(bg, admin, org, "vendor.pub", v.pubFile(), false); err != nil {
			t.Fatal(err)
		}
	}
}

// The fixture's clock says 23 Nov 2026; this entitlement runs from 1 Sep 2026 and renews on
// 30 Sep 2027.
func entitlement(order string, seats int) model.Entitlement {
	return model.Entitlement{OrderNumber: order, Product: "Maths+ Collège", Seats: seats, Keys: 2,
		StartsOn: model.Date{Year: 2026, Month: 9, Day: 1}, RenewsOn: model.Date{Year: 2027, Month: 9, Day: 30}}
}

func claimProblem(err error) model.ClaimProblem {
	var ce *model.ClaimCodeError
	if errors.As(err, &ce) {
		return ce.Problem
	}
	return 0
}
