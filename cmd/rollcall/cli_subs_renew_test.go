package main

import (
	"strings"
	"testing"
)

func TestRenewThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	var org orgJSON
	c.json(&org, "", "orgs", "create", "--name", "Collège Jean Moulin", "--country", "FR")
	acme := vendorTool(t, c, "Acme")
	c.must("", "vendor", "trust", acme+".pub")
	var sub claimJSON
	c.json(&sub, "", "subs", "claim", "--code", issue(t, c, acme, "--product", "Atlas", "--seats", "10", "--order", "PO-7",
		"--start", "2026-09-01", "--term", "2027-08-31").Code)
	id := sub.ID.String()

	code := issue(t, c, acme, "--renewal", "--order", "PO-7", "--product", "Atlas", "--seats", "5", "--start", "2027-09-01",
		"--term", "2028-08-31")
	if !code.Renewal {
		t.Fatalf("issue-code --renewal: %+v", code)
	}
	if r := c.run("", "--lang", "en", "subs", "claim", "--code", code.Code); r.code != exitInvalid || !strings.Contains(r.stderr, "subs renew") {
		t.Errorf("claiming a renewal code: exit %d %q", r.code, r.stderr)
	}
	var dry renewJSON
	c.json(&dry, "", "subs", "renew", id, "--code", code.Code, "--dry-run")
	var list subsListJSON
	c.json(&list, "", "subs", "list")
	if !dry.DryRun || dry.SeatsTotal != 15 || dry.EndsOn != "2028-08-31" || list.Subscriptions[0].SeatsTotal != 10 {
		t.Fatalf("dry renewal %+v, then %+v", dry, list.Subscriptions[0])
	}
	var res renewJSON
	c.json(&res, "", "subs", "renew", id, "--code", code.Code)
	if res.SeatsTotal != 15 || res.SeatsAdded != 5 || res.EndsOn != "2028-08-31" || len(res.Keys) != 2 {
		t.Fatalf("renewal %+v", res)
	}
	r := c.run("", "--lang", "fr", "subs", "renew", id, "--code", code.Code)
	if r.code != exitInvalid || !strings.Contains(r.stderr, "Collège Jean Moulin") {
		t.Errorf("renewing twice: exit %d %q", r.code, r.stderr)
	}
	if r := c.run("", "subs", "renew", id); r.code != exitUsage {
		t.Errorf("no code: exit %d", r.code)
	}
}
