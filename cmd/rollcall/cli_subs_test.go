package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rollcall/dirsync"
	"rollcall/dirsync/dirsynctest"
	"rollcall/model"
)

// vendorTool makes a vendor key pair with the built binary and returns the files' prefix.
func vendorTool(t *testing.T, c *cli, name string) string {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "vendor")
	var k keygenJSON
	c.json(&k, "", "vendor", "keygen", "--vendor", name, "--out", prefix)
	st, err := os.Stat(k.PrivateKey)
	if err != nil || st.Mode().Perm() != 0o600 || len(k.KeyID) != 8 {
		t.Fatalf("keygen %+v: %v %v", k, st.Mode(), err)
	}
	return prefix
}

func issue(t *testing.T, c *cli, prefix string, args ...string) issueJSON {
	t.Helper()
	var out issueJSON
	c.json(&out, "", append([]string{"vendor", "issue-code", "--key", prefix + ".key"}, args...)...)
	return out
}

func TestClaimCodesThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	var org orgJSON
	c.json(&org, "", "orgs", "create", "--name", "Collège Jean Moulin", "--city", "Lyon", "--country", "FR")
	acme := vendorTool(t, c, "Éditions Acme")
	code := issue(t, c, acme, "--product", "Maths+ Collège", "--seats", "120", "--keys", "2", "--order", "PO-42",
		"--term", "1y", "--renews", "--claim-url", "https://shop.acme.example/claim")

	// Not trusted yet: refused, naming the key, exit 3.
	r := c.run("", "--lang", "en", "subs", "claim", "--code", code.Code)
	if r.code != exitInvalid || !strings.Contains(r.stderr, "vendor Rollcall does not know (key "+code.KeyID+")") {
		t.Fatalf("untrusted: exit %d %q", r.code, r.stderr)
	}
	if r := c.run("", "--lang", "en", "vendor", "trust", acme+".key"); r.code != exitInvalid || !strings.Contains(r.stderr, "PRIVATE") {
		t.Errorf("trusting a private key file: exit %d %q", r.code, r.stderr)
	}
	var tr trustJSON
	c.json(&tr, "", "vendor", "trust", acme+".pub")
	if !tr.Added || tr.Vendor != "Éditions Acme" {
		t.Fatalf("trust %+v", tr)
	}

	// Altered: the checksum catches a typo; a re-encoded alteration fails the signature.
	typo := []byte(code.Code)
	typo[30] = map[bool]byte{true: 'Z', false: 'Y'}[typo[30] != 'Z']
	if r := c.run("", "--lang", "en", "subs", "claim", "--code", string(typo)); r.code != exitInvalid || !strings.Contains(r.stderr, "typing mistake") {
		t.Errorf("typo: exit %d %q", r.code, r.stderr)
	}
	raw, _ := model.ParseClaimCode(code.Code)
	raw[11]++ // the key count
	if r := c.run("", "--lang", "fr", "subs", "claim", "--code", model.EncodeClaimCode(raw)); r.code != exitInvalid || !strings.Contains(r.stderr, "modifié ou contrefait") {
		t.Errorf("altered: exit %d %q", r.code, r.stderr)
	}
	past := issue(t, c, acme, "--product", "Atlas", "--seats", "5", "--start", "2020-09-01", "--term", "2021-08-31")
	if r := c.run("", "--lang", "en", "subs", "claim", "--code", past.Code); r.code != exitInvalid || !strings.Contains(r.stderr, "ended on 31 Aug 2021") {
		t.Errorf("expired: exit %d %q", r.code, r.stderr)
	}

	// The claim link from the email, dry first.
	var dry claimJSON
	c.json(&dry, "", "subs", "claim", "--code", code.URL, "--vendor", "Librairie Durand", "--dry-run")
	var list subsListJSON
	c.json(&list, "", "subs", "list")
	if !dry.DryRun || dry.SeatsTotal != 120 || len(list.Subscriptions) != 0 {
		t.Fatalf("dry claim %+v, then %d subscriptions", dry, len(list.Subscriptions))
	}
	var sub claimJSON
	c.json(&sub, "", "subs", "claim", "--code", code.URL, "--vendor", "Librairie Durand", "--vendor-location", "Lyon")
	if sub.ID == 0 || sub.OrgID != org.ID || sub.Vendor != "Librairie Durand" || len(sub.Keys) != 2 || sub.State != "renews" {
		t.Fatalf("claimed %+v", sub)
	}
	r = c.run("", "--lang", "en", "subs", "claim", "--code", strings.ToLower(code.Code))
	if r.code != exitInvalid || !strings.Contains(r.stderr, "already claimed on") || !strings.Contains(r.stderr, "by Collège Jean Moulin") {
		t.Errorf("second claim: exit %d %q", r.code, r.stderr)
	}
	c.json(&list, "", "subs", "list", "--sort", "state")
	if len(list.Subscriptions) != 1 || list.NextRenewal == nil || list.NextRenewal.Date != sub.RenewsOn {
		t.Errorf("list %+v", list)
	}
	r = c.must("", "--lang", "en", "subs", "list")
	if !strings.Contains(r.stdout, "Maths+ Collège") || !strings.Contains(r.stdout, "0/120") || !strings.Contains(r.stdout, "Next renewal: ") {
		t.Errorf("table:\n%s", r.stdout)
	}
}

func TestDemoClaimsAndSeatsThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	var demo demoJSON
	c.json(&demo, "", "demo")
	if demo.Claims == nil || len(demo.Claims.Codes) != 3 || len(demo.Claims.Serials) != 3 {
		t.Fatalf("demo claims %+v", demo.Claims)
	}
	var keys []vendorKeyJSON
	c.json(&keys, "", "vendor", "list")
	if len(keys) != 2 || keys[1].Origin != "demo" || keys[0].Origin != "shipped" {
		t.Errorf("keys %+v", keys)
	}
	var sub claimJSON
	c.json(&sub, "", "subs", "claim", "--displays", "3", "--serial", strings.ToLower(demo.Claims.Serials[0].Serial),
		"--new-org-name", "Lycée Ampère", "--new-org-city", "Lyon", "--new-org-country", "FR")
	if sub.SeatsTotal != 6 || sub.Org != "Lycée Ampère" || sub.Displays != 3 || sub.State != "ends" {
		t.Fatalf("display claim %+v", sub)
	}
	id := sub.ID.String()
	r := c.run("", "--lang", "en", "seats", "add", id, "ana@school.fr,bob@school.fr", "carl@school.fr", "ana@school.fr")
	if r.code != 0 || !strings.Contains(r.stderr, "3 seats added, 1 already there or repeated (ignored), 3 seats free") {
		t.Errorf("add: exit %d %q", r.code, r.stderr)
	}
	r = c.run("", "--lang", "en", "seats", "add", id, "d@school.fr e@school.fr f@school.fr g@school.fr")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "4 seats asked for but only 3 seats free: none was added") {
		t.Errorf("over the limit: exit %d %q", r.code, r.stderr)
	}
	bad := filepath.Join(t.TempDir(), "profs.csv")
	os.WriteFile(bad, []byte("email\nd@school.fr\ne @school.fr\n\"f@school.fr\"\n"), 0o600)
	r = c.run("", "--lang", "en", "seats", "import", id, bad)
	if r.code != exitInvalid || !strings.Contains(r.stderr, "line 1: not an email address") || !strings.Contains(r.stderr, "line 3: has a space") ||
		!strings.Contains(r.stderr, "line 4: has a quote") || strings.Contains(r.stderr, "line 2") {
		t.Errorf("bad file: exit %d %q", r.code, r.stderr)
	}
	var seats seatsListJSON
	c.json(&seats, "", "seats", "list", id)
	if len(seats.Seats) != 3 || seats.Seats[0].Source != "typed" || seats.Subscription.SeatsAssigned != 3 {
		t.Fatalf("seats %+v", seats)
	}
	// Taking seats back asks first: without a terminal, --yes is required.
	if r := c.run("", "seats", "remove", id, "--by-hand"); r.code != exitUsage || !strings.Contains(r.stderr, "--yes") {
		t.Errorf("remove without --yes: exit %d %q", r.code, r.stderr)
	}
	var res seatResultJSON
	c.json(&res, "", "seats", "remove", id, "bob@school.fr", "--yes")
	if len(res.Removed) != 1 || res.Free != 4 {
		t.Errorf("remove one: %+v", res)
	}
	c.json(&res, "", "seats", "remove", id, "--by-hand", "--yes")
	if len(res.Removed) != 2 || res.Free != 6 {
		t.Errorf("remove by hand: %+v", res)
	}
	// The college's teachers through a roster sync (40 teachers fit DEMO-1001's 120 seats).
	var list subsListJSON
	c.json(&list, "", "subs", "list", "--org", "1")
	var maths subJSON
	for _, s := range list.Subscriptions {
		if s.OrderNumber == "DEMO-1001" {
			maths = s
		}
	}
	c.json(&res, "", "seats", "sync", maths.ID.String(), "--roster", "1", "--dry-run")
	if !res.DryRun || res.Kept != 40 || len(res.Added) != 0 {
		t.Errorf("roster sync: %+v", res)
	}
}

func TestSeatSyncFromCloudThroughTheCLI(t *testing.T) {
	t.Parallel()
	g := dirsynctest.NewGoogle(t)
	g.SetGroup("profs@school.fr", dirsynctest.GoogleMember{Email: "ana@school.fr"}, dirsynctest.GoogleMember{Email: "bob@school.fr"},
		dirsynctest.GoogleMember{Email: "carl@school.fr"})
	m := dirsynctest.NewMicrosoft(t)
	m.SetGroup("g-1", dirsynctest.GraphUser{Mail: "dora@school.fr"}, dirsynctest.GraphUser{UserPrincipalName: "eve@school.fr"})
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte(m.ClientSecret+"\n"), 0o600)
	c := newCLI(t)
	c.env = append(c.env, dirsync.EnvGoogleURL+"="+g.URL, dirsync.EnvGoogleCredentials+"="+g.ServiceAccountFile(t),
		dirsync.EnvGoogleAdmin+"="+g.Admin, dirsync.EnvGraphURL+"="+m.URL, dirsync.EnvMSLoginURL+"="+m.URL,
		dirsync.EnvMSTenant+"="+m.Tenant, dirsync.EnvMSClientID+"="+m.ClientID, dirsync.EnvMSClientSecret+"_FILE="+secret)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	var org orgJSON
	c.json(&org, "", "orgs", "create", "--name", "Collège Jean Moulin", "--country", "FR")
	acme := vendorTool(t, c, "Acme")
	c.must("", "vendor", "trust", acme+".pub")
	var sub claimJSON
	c.json(&sub, "", "subs", "claim", "--code", issue(t, c, acme, "--product", "Atlas", "--seats", "10").Code)
	id := sub.ID.String()
	c.must("", "seats", "add", id, "hand@school.fr")

	var res seatResultJSON
	c.json(&res, "", "seats", "sync", id, "--google-group", "profs@school.fr")
	if len(res.Added) != 3 || res.Read != 3 {
		t.Fatalf("google sync: %+v", res)
	}
	r := c.must("", "--lang", "en", "seats", "sync", id, "--microsoft-group", "g-1")
	if !strings.Contains(r.stderr, "Reading the source… 2 found") || !strings.Contains(r.stderr, "2 seats added") {
		t.Errorf("microsoft sync: %q", r.stderr)
	}
	// Bob leaves the group: the next Google sync takes his seat back, and nothing else.
	g.SetGroup("profs@school.fr", dirsynctest.GoogleMember{Email: "ana@school.fr"}, dirsynctest.GoogleMember{Email: "carl@school.fr"})
	c.json(&res, "", "seats", "sync", id, "--google-group", "profs@school.fr")
	if len(res.Removed) != 1 || res.Removed[0] != "bob@school.fr" || res.Kept != 2 || len(res.Added) != 0 {
		t.Errorf("second google sync: %+v", res)
	}
	var seats seatsListJSON
	c.json(&seats, "", "seats", "list", id)
	if len(seats.Seats) != 5 || seats.Seats[0].Email != "hand@school.fr" || seats.Seats[3].Source != "microsoft" {
		t.Errorf("seats %+v", seats.Seats)
	}
	r = c.run("", "--lang", "en", "seats", "sync", id, "--microsoft-group", "nope")
	if r.code != exitNotFound || !strings.Contains(r.stderr, "Microsoft 365 has no such group") {
		t.Errorf("unknown group: exit %d %q", r.code, r.stderr)
	}
	for _, out := range []string{r.stdout, r.stderr} {
		if strings.Contains(out, m.ClientSecret) {
			t.Error("the client secret was printed")
		}
	}
}
