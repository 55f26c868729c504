package app

import (
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

func TestClaimByCode(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	acme := newVendor(t, "Éditions Acme", 1)
	code := acme.code(t, entitlement("PO-42", 120))

	// Before the key is trusted the code names an unknown vendor.
	if _, err := f.app.checkClaim(bg, ada, ClaimInput{Code: code}); claimProblem(err) != model.ClaimUnknownVendor {
		t.Fatalf("untrusted vendor: %v", err)
	}
	f.trust(t, ada, acme)
	p, err := f.app.checkClaim(bg, ada, ClaimInput{Code: "https://shop.acme.example/claim?code=" + code})
	if err != nil {
		t.Fatal(err)
	}
	if s := p.Subscription; s.Product != "Maths+ Collège" || s.Seats != 120 || s.Vendor != "Éditions Acme" ||
		s.OrderNumber != "PO-42" || len(s.Keys) != 2 || s.Keys[0].Seats+s.Keys[1].Seats != 120 {
		t.Errorf("preview %+v", s)
	}
	// A dry run writes nothing.
	if _, err := f.app.claim(bg, ada, ClaimInput{Code: code, Vendor: "Librairie Durand", VendorLocation: "Lyon"}, true); err != nil {
		t.Fatal(err)
	}
	if subs, _ := f.store.ListSubscriptions(bg); len(subs) != 0 {
		t.Fatalf("a dry run created %d subscriptions", len(subs))
	}
	sub, err := f.app.claim(bg, ada, ClaimInput{Code: code, Vendor: "Librairie Durand", VendorLocation: "Lyon"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if sub.ID == 0 || sub.OrgID != ada.OrgIDs[0] || sub.Vendor != "Librairie Durand" || sub.VendorLocation != "Lyon" ||
		sub.ClaimedBy != ada.ID || sub.ClaimKind != model.ClaimByCode {
		t.Errorf("claimed %+v", sub)
	}

	// The same code again, even typed differently and by another admin: refused, saying when and
	// by which organization.
	f.clock.Advance(48 * time.Hour)
	bob := f.adminWithOrgs(t, "bob@example.org", "Lycée Ampère")
	if _, err := f.app.claim(bg, bob, ClaimInput{Code: code}, false); claimProblem(err) != model.ClaimUnknownVendor {
		t.Errorf("a school that does not trust the vendor: %v", err) // trusted vendors are each school's
	}
	f.trust(t, bob, acme)
	_, err = f.app.claim(bg, bob, ClaimInput{Code: strings.ToLower(strings.ReplaceAll(code, "-", " "))}, false)
	var ac *model.AlreadyClaimedError
	if !errors.As(err, &ac) || ac.OrgName != "Collège Jean Moulin" || !ac.At.Equal(sub.ClaimedAt) {
		t.Fatalf("second claim: %v", err)
	}
	if !errors.Is(err, model.ErrCodeUsed) {
		t.Errorf("%v is not a used code", err)
	}
}

func TestClaimRefusesBadCodes(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	acme := newVendor(t, "Acme", 1)
	f.trust(t, ada, acme)
	code := acme.code(t, entitlement("PO-1", 10))
	raw, _ := model.ParseClaimCode(code)
	raw[6] ^= 1 // the start date
	ended := entitlement("PO-2", 10)
	ended.RenewsOn, ended.EndsOn = model.Date{}, model.Date{Year: 2026, Month: 11, Day: 22}
	tests := []struct {
		name, code string
		want       model.ClaimProblem
	}{
		{"altered", model.EncodeClaimCode(raw), model.ClaimForged},
		{"expired yesterday", acme.code(t, ended), model.ClaimExpired},
		{"unknown vendor", newVendor(t, "Other", 2).code(t, entitlement("PO-3", 10)), model.ClaimUnknownVendor},
		{"typo", strings.Replace(code, code[20:21], map[bool]string{true: "Z", false: "Y"}[code[20] != 'Z'], 1), model.ClaimMistyped},
	}
	for _, tc := range tests {
		_, err := f.app.claim(bg, ada, ClaimInput{Code: tc.code}, false)
		if got := claimProblem(err); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	if subs, _ := f.store.ListSubscriptions(bg); len(subs) != 0 {
		t.Errorf("refused codes created %d subscriptions", len(subs))
	}
}

func TestDemoKeyOnlyInDemoStore(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org")
	claims, err := demoClaims(model.DateOf(f.clock.Now()))
	if err != nil {
		t.Fatal(err)
	}
	if len(claims.Codes) != 3 || len(claims.Serials) != 3 {
		t.Fatalf("demo claims %+v", claims)
	}
	// A real store does not trust the demo vendor, nor let anyone trust it.
	if _, err := f.app.checkClaim(bg, ada, ClaimInput{Code: claims.Codes[0].Code}); claimProblem(err) != model.ClaimUnknownVendor {
		t.Errorf("demo code in a real store: %v", err)
	}
	pub := demoVendorKey().Public().(ed25519.PublicKey)
	_, _, err = f.app.trustVendorKey(bg, ada, 0, "demo.pub", strings.NewReader(model.FormatVendorPublicKey("Démo", pub)), false)
	if !errors.Is(err, model.ErrDemoKey) || !errors.Is(err, model.ErrInvalid) {
		t.Errorf("trusting the demo key: %v", err)
	}
	if _, err := f.app.checkClaim(bg, ada, ClaimInput{Displays: 2, Serial: claims.Serials[0].Serial}); claimProblem(err) != model.SerialUnknownModel {
		t.Errorf("demo serial in a real store: %v", err)
	}

	// Once the demo school is loaded, its codes and serials work there.
	if _, err := f.app.LoadDemo(bg); err != nil {
		t.Fatal(err)
	}
	ada, _ = f.store.Admin(bg, ada.ID)
	got, err := f.app.DemoClaims(bg)
	if err != nil || got.Codes[0].Code != claims.Codes[0].Code || got.Serials[2] != claims.Serials[2] {
		t.Fatalf("DemoClaims = %+v, %v", got, err)
	}
	college := ada.OrgIDs[0]
	sub, err := f.app.claim(bg, ada, ClaimInput{Code: got.Codes[0].Code, OrgID: college}, false)
	if err != nil || sub.Vendor != demoVendorName || sub.Seats != 90 {
		t.Errorf("demo code: %+v, %v", sub, err)
	}
	sub, err = f.app.claim(bg, ada, ClaimInput{Displays: 3, Serial: got.Serials[1].Serial, OrgID: college}, false)
	if err != nil || sub.Seats != 6 || len(sub.Keys) != 3 || sub.Displays != 3 || sub.EndsOn != (model.Date{Year: 2028, Month: 11, Day: 22}) {
		t.Errorf("demo serial: %+v, %v", sub, err)
	}
	list, err := f.app.listSubscriptions(bg, ada, SubsQuery{})
	if err != nil {
		t.Fatal(err)
	}
	assigned := map[string]int{}
	for _, r := range list.Rows {
		assigned[r.Sub.OrderNumber] = r.Assigned
	}
	if assigned["DEMO-1001"] != 40 || assigned["DEMO-2001"] != 2 {
		t.Errorf("demo seats %v: want the college's 40 teachers and 2 typed emails", assigned)
	}
}

func TestClaimByDisplays(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	catalog := filepath.Join(dir, "displays.json")
	if err := os.WriteFile(catalog, []byte(`{"version": 1, "models": [{"prefix": "SCRN", "name": "Screen 75", "vendor": "Screenco",
		"product": "Screenco Lessons", "digits": 6, "seats_per_display": 4, "term_months": 12, "renews": true, "max_displays": 50}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	f := licFixture(t, LicensingOptions{CatalogPath: catalog})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin", "École Les Tilleuls")
	serial := "SCRN261001" + string(model.SerialCheckDigit("SCRN261001"))
	bad := serial[:len(serial)-1] + string('0'+(serial[len(serial)-1]-'0'+1)%10)
	for _, tc := range []struct {
		in   ClaimInput
		want model.ClaimProblem
	}{
		{ClaimInput{Displays: 2, Serial: bad}, model.SerialBadCheckDigit},
		{ClaimInput{Displays: 2, Serial: "TBX241104271"}, model.SerialUnknownModel}, // shipped, not in this catalogue
		{ClaimInput{Displays: 51, Serial: serial}, model.DisplaysCount},
		{ClaimInput{Displays: 0, Serial: serial}, model.DisplaysCount},
	} {
		if _, err := f.app.checkClaim(bg, ada, tc.in); claimProblem(err) != tc.want {
			t.Errorf("%+v: %v, want %v", tc.in, err, tc.want)
		}
	}
	// Two organizations: the claim must say which.
	if _, err := f.app.claim(bg, ada, ClaimInput{Displays: 5, Serial: serial}, false); !errors.Is(err, model.ErrNoOrganization) {
		t.Errorf("no organization: %v", err)
	}
	newOrg := &model.Organization{Name: "Lycée Neuf", City: "Bron", Country: "fr"}
	sub, err := f.app.claim(bg, ada, ClaimInput{Displays: 5, Serial: "scrn-2610 01" + serial[len(serial)-1:], NewOrg: newOrg}, false)
	if err != nil {
		t.Fatal(err)
	}
	if sub.Seats != 20 || len(sub.Keys) != 5 || sub.Keys[0].Seats != 4 || sub.Product != "Screenco Lessons" ||
		sub.RenewsOn != (model.Date{Year: 2027, Month: 11, Day: 23}) || sub.Serial != "SCRN-2610-01"+serial[len(serial)-1:] {
		t.Errorf("claimed %+v", sub)
	}
	org, err := f.store.Org(bg, sub.OrgID)
	if err != nil || org.Name != "Lycée Neuf" || org.Country != "FR" {
		t.Errorf("new organization %+v, %v", org, err)
	}
	fresh, _ := f.store.Admin(bg, ada.ID)
	if !adminOf(fresh, org.ID) {
		t.Error("the admin does not administer the organization the claim added")
	}
	_, err = f.app.claim(bg, fresh, ClaimInput{Displays: 1, Serial: serial, OrgID: fresh.OrgIDs[0]}, false)
	var ac *model.AlreadyClaimedError
	if !errors.As(err, &ac) || ac.OrgName != "Lycée Neuf" {
		t.Errorf("serial claimed twice: %v", err)
	}
	// Another admin cannot claim into an organization that is not theirs.
	bob := f.adminWithOrgs(t, "bob@example.org", "Lycée Ampère")
	other := "SCRN261002" + string(model.SerialCheckDigit("SCRN261002"))
	if _, err := f.app.claim(bg, bob, ClaimInput{Displays: 1, Serial: other, OrgID: fresh.OrgIDs[0]}, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("claim into another's organization: %v", err)
	}
}
