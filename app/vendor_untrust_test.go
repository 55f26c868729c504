package app

import (
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// Untrusting a vendor refuses its next codes and keeps what was claimed; shipped keys stay.
func TestUntrustVendorKey(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	v := newVendor(t, "Acme", 9)
	f.trust(t, ada, v)
	first, err := f.app.claim(bg, ada, ClaimInput{Code: v.code(t, entitlement("PO-1", 10)), OrgID: ada.OrgIDs[0]}, false)
	if err != nil {
		t.Fatal(err)
	}
	trusted, _ := f.app.trustedVendorKeys(bg, ada, ada.OrgIDs[0])
	var id string
	for _, k := range trusted {
		if k.Vendor == "Acme" {
			id = k.KeyID()
		}
	}
	if k, err := f.app.untrustVendorKey(bg, ada, 0, id, true); err != nil || k.Vendor != "Acme" {
		t.Fatalf("dry run: %+v, %v", k, err)
	}
	if _, err := f.app.checkClaim(bg, ada, ClaimInput{Code: v.code(t, entitlement("PO-2", 5))}); err != nil {
		t.Errorf("a dry run stopped the vendor's codes: %v", err)
	}
	if _, err := f.app.untrustVendorKey(bg, ada, 0, "acme", false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.checkClaim(bg, ada, ClaimInput{Code: v.code(t, entitlement("PO-2", 5))}); claimProblem(err) != model.ClaimUnknownVendor {
		t.Errorf("a code of the untrusted vendor: %v", err)
	}
	if _, err := f.app.subscription(bg, ada, first.ID); err != nil {
		t.Errorf("the subscription claimed before is gone: %v", err)
	}
	var nf *model.NotFoundError
	if _, err := f.app.untrustVendorKey(bg, ada, 0, id, false); !errors.As(err, &nf) || !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("untrusting twice: %v", err)
	}
	for _, k := range trusted {
		if k.Origin != model.KeyAdded {
			if _, err := f.app.untrustVendorKey(bg, ada, 0, k.KeyID(), false); !errors.Is(err, model.ErrBuiltInVendorKey) || !errors.Is(err, model.ErrInvalid) {
				t.Errorf("untrusting the shipped key of %s: %v", k.Vendor, err)
			}
		}
	}
	log, _ := f.app.auditLog(bg, ada, AuditQuery{})
	if len(log) == 0 || log[0].Action != model.AuditVendorUntrust {
		t.Errorf("the audit log does not record the untrust first: %+v", log)
	}
}
