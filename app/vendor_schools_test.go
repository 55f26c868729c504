package app

import (
	"errors"
	"slices"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// Trusted vendors are each school's: a key one school trusts signs nothing for another, an
// admin reads and changes only their schools' keys, and each change is in that school's log.
func TestTrustedVendorsAreEachSchools(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "École A")
	bob := f.adminWithOrgs(t, "bob@example.org", "École B")
	a, b := ada.OrgIDs[0], bob.OrgIDs[0]
	acme := newVendor(t, "Acme", 5)
	f.trust(t, ada, acme)
	hasAcme := func(admin model.Admin, org model.ID) bool {
		keys, err := f.app.trustedVendorKeys(bg, admin, org)
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(keys, func(k model.VendorKey) bool { return k.Vendor == "Acme" })
	}
	if !hasAcme(ada, a) || hasAcme(bob, b) {
		t.Fatalf("Acme trusted by A %v, by B %v; want A only", hasAcme(ada, a), hasAcme(bob, b))
	}
	if _, err := f.app.claim(bg, ada, ClaimInput{Code: acme.code(t, entitlement("PO-A", 10)), OrgID: a}, false); err != nil {
		t.Errorf("A claims Acme's code: %v", err)
	}
	if _, err := f.app.claim(bg, bob, ClaimInput{Code: acme.code(t, entitlement("PO-B", 10)), OrgID: b}, false); claimProblem(err) != model.ClaimUnknownVendor {
		t.Errorf("B claims a code of a vendor only A trusts: %v", err)
	}
	if _, err := f.app.untrustVendorKey(bg, bob, 0, "Acme", false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("B removes A's vendor: %v", err)
	}
	if _, _, err := f.app.trustVendorKey(bg, bob, a, "vendor.pub", acme.pubFile(), false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("B adds a vendor to A: %v", err)
	}
	if !hasAcme(ada, a) {
		t.Error("A no longer trusts Acme")
	}
	logged := func(admin model.Admin, org model.ID) bool {
		log, err := f.app.auditLog(bg, admin, AuditQuery{OrgID: org, Action: string(model.AuditVendorTrust)})
		return err == nil && len(log) == 1
	}
	if !logged(ada, a) || logged(bob, b) {
		t.Errorf("the trust in A's log %v, in B's %v; want A's only", logged(ada, a), logged(bob, b))
	}

	// An admin without a school trusts a vendor for the school their first claim creates.
	carl := f.adminWithOrgs(t, "carl@example.org")
	lac := newVendor(t, "Librairie du Lac", 6)
	if _, _, err := f.app.trustVendorKey(bg, carl, 0, "lac.pub", lac.pubFile(), false); err != nil {
		t.Fatal(err)
	}
	if hasAcme(carl, 0) || hasAcme(bob, 0) {
		t.Error("an admin without a school sees another's keys")
	}
	c, err := f.app.claim(bg, carl, ClaimInput{Code: lac.code(t, entitlement("PO-C", 5)),
		NewOrg: &model.Organization{Name: "École C", Country: "FR"}}, false)
	if err != nil {
		t.Fatalf("the first claim with a vendor trusted before having a school: %v", err)
	}
	carl, _ = f.store.Admin(bg, carl.ID)
	keys, _ := f.app.trustedVendorKeys(bg, carl, c.OrgID)
	if !slices.ContainsFunc(keys, func(k model.VendorKey) bool { return k.Vendor == "Librairie du Lac" }) {
		t.Errorf("the new school does not trust the vendor its claim used: %v", keys)
	}
	if left, _ := f.app.storedVendorKeys(bg, carl, 0); len(left) != 0 {
		t.Errorf("keys left without a school: %v", left)
	}
}
