package main

import (
	"strings"
	"testing"
)

// vendor untrust removes an added key (dry first), says so in the admin's language, refuses
// a second time with exit 4 and a shipped key with exit 3.
func TestVendorUntrust(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	acme := vendorTool(t, c, "Éditions Acme")
	var tr trustJSON
	c.json(&tr, "", "vendor", "trust", acme+".pub")

	listed := func() (added, shipped []vendorKeyJSON) {
		var keys []vendorKeyJSON
		c.json(&keys, "", "vendor", "list")
		for _, k := range keys {
			switch k.Origin {
			case "added":
				added = append(added, k)
			case "shipped":
				shipped = append(shipped, k)
			}
		}
		return added, shipped
	}
	c.must("", "vendor", "untrust", tr.KeyID, "--dry-run")
	if added, _ := listed(); len(added) != 1 {
		t.Fatalf("a dry run removed the key: %+v", added)
	}
	r := c.must("", "--lang", "en", "vendor", "untrust", "éditions acme")
	if !strings.Contains(r.stderr, "Claim codes signed by Éditions Acme (key "+tr.KeyID+") are no longer accepted") {
		t.Errorf("untrust said %q", r.stderr)
	}
	added, shipped := listed()
	if len(added) != 0 || len(shipped) == 0 {
		t.Fatalf("after untrust: added %+v, shipped %+v", added, shipped)
	}
	if r := c.run("", "vendor", "untrust", tr.KeyID); r.code != exitNotFound {
		t.Errorf("untrust twice: exit %d, %s", r.code, r.stderr)
	}
	if r := c.run("", "vendor", "untrust", shipped[0].KeyID); r.code != exitInvalid {
		t.Errorf("untrust a shipped key: exit %d, %s", r.code, r.stderr)
	}
}
