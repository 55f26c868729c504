package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestUAIAndFunctionsFromTheAcademieFeed: a school is named by its UAI wherever --org is, a
// feed lands on it, and the functions it brings are shown and filtered on.
func TestUAIAndFunctionsFromTheAcademieFeed(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	if r := c.run("", "--lang", "en", "orgs", "create", "--name", "Lycée", "--code", "0750654E"); r.code != exitInvalid || !strings.Contains(r.stderr, "check letter") {
		t.Fatalf("a wrong check letter: exit %d, %q", r.code, r.stderr)
	}
	var org orgJSON
	c.json(&org, "", "orgs", "create", "--name", "Lycée Henri-IV", "--code", "0750654d", "--country", "FR")
	if org.Code != "0750654D" {
		t.Fatalf("org = %+v", org)
	}
	if r := c.must("", "orgs", "list"); !strings.Contains(r.stdout, "0750654D") {
		t.Errorf("orgs list does not show the UAI: %q", r.stdout)
	}
	feed := filepath.Join("..", "..", "importers", "aaf", "testdata", "quirks")
	var rep importJSON
	c.json(&rep, "", "import", feed, "--org", "0750654d")
	if rep.Counts.Created != 9 || rep.Format != "aaf" || len(rep.Warnings) == 0 {
		t.Fatalf("import = %+v", rep)
	}
	var dir usersListJSON
	c.json(&dir, "", "users", "list", "--function", "dir", "--org", "0750654D")
	if dir.Total != 1 || dir.Users[0].LastName != "NOIR" {
		t.Fatalf("--function DIR = %+v", dir)
	}
	r := c.must("", "--lang", "fr", "users", "show", dir.Users[0].Login)
	if !strings.Contains(r.stdout, "Fonctions") || !strings.Contains(r.stdout, "DIR : CHEF D'ETABLISSEMENT") {
		t.Errorf("users show:\n%s", r.stdout)
	}
	if r := c.run("", "users", "list", "--org", "0750656F"); r.code == 0 {
		t.Errorf("a UAI the admin has no school for: exit 0")
	}
}
