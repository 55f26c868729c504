package main

import (
	"strings"
	"testing"
)

// Trusted vendors are each school's through the CLI: ada's school trusts Acme, bob's does not;
// bob neither sees, removes nor uses it, and claims Acme's code only once his school trusts it.
func TestVendorKeysAreEachSchools(t *testing.T) {
	t.Parallel()
	ada := newCLI(t)
	ada.signUpAndLogin("ada@example.fr", "motdepasse1")
	a := ada.orgID("École A")
	bob := ada.as("bob")
	bob.signUpAndLogin("bob@example.fr", "motdepasse2")
	b := bob.orgID("École B")
	acme := vendorTool(t, ada, "Acme")
	var tr trustJSON
	ada.json(&tr, "", "vendor", "trust", acme+".pub", "--org", a)
	if !tr.Added {
		t.Fatalf("trust: %+v", tr)
	}
	added := func(c *cli, org string) []string {
		var keys []vendorKeyJSON
		c.json(&keys, "", "vendor", "list", "--org", org)
		var out []string
		for _, k := range keys {
			if k.Origin == "added" {
				out = append(out, k.Vendor)
			}
		}
		return out
	}
	if got := added(ada, a); len(got) != 1 || got[0] != "Acme" {
		t.Errorf("A's added vendors: %v", got)
	}
	if got := added(bob, b); len(got) != 0 {
		t.Errorf("B's added vendors: %v, want none", got)
	}
	if r := bob.run("", "vendor", "list", "--org", a); r.code != exitNotFound {
		t.Errorf("bob lists A's vendors: exit %d %q", r.code, r.stdout)
	}
	if r := bob.run("", "vendor", "untrust", tr.KeyID, "--org", b); r.code != exitNotFound {
		t.Errorf("bob removes Acme from B, which never trusted it: exit %d", r.code)
	}
	if r := bob.run("", "vendor", "untrust", tr.KeyID, "--org", a); r.code != exitNotFound {
		t.Errorf("bob removes Acme from A: exit %d", r.code)
	}
	code := issue(t, ada, acme, "--product", "Atlas", "--seats", "10", "--order", "PO-B").Code
	if r := bob.run("", "--lang", "en", "subs", "claim", "--code", code, "--org", b); r.code != exitInvalid || !strings.Contains(r.stderr, "does not know") {
		t.Errorf("bob claims a code of a vendor only A trusts: exit %d %q", r.code, r.stderr)
	}
	bob.must("", "vendor", "trust", acme+".pub") // his only school
	bob.must("", "subs", "claim", "--code", code, "--org", b)
	if log := ada.must("", "admins", "log", "--org", a).stdout; !strings.Contains(log, "Acme") {
		t.Errorf("A's log does not show the trust:\n%s", log)
	}
	if got := added(ada, a); len(got) != 1 {
		t.Errorf("bob's trust changed A's vendors: %v", got)
	}
}
