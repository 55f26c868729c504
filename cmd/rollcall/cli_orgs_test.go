package main

import (
	"strings"
	"testing"
)

// A school's official code can be set after its creation (a school created by hand before its
// first AAF feed), checked as at creation, only by its own admins, and named by it afterwards.
func TestOrgsEditSetsTheUAIOfAnExistingSchool(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	var org orgJSON
	c.json(&org, "", "orgs", "create", "--name", "Collège Jean Moulin", "--city", "Lyon", "--country", "FR")
	id := org.ID.String()

	if r := c.run("", "--lang", "en", "orgs", "edit", id, "--code", "0750654E"); r.code != exitInvalid || !strings.Contains(r.stderr, "0750654E") {
		t.Errorf("a UAI with the wrong check letter: exit %d, %q", r.code, r.stderr)
	}
	var dry orgJSON
	c.json(&dry, "", "orgs", "edit", id, "--code", "0750654d", "--dry-run")
	if dry.Code != "0750654D" {
		t.Errorf("dry run = %+v", dry)
	}
	var orgs []orgJSON
	c.json(&orgs, "", "orgs", "list")
	if orgs[0].Code != "" {
		t.Fatalf("--dry-run set the code: %+v", orgs[0])
	}
	var edited orgJSON
	c.json(&edited, "", "orgs", "edit", id, "--code", "0750654D")
	if edited.Code != "0750654D" || edited.Name != "Collège Jean Moulin" || edited.City != "Lyon" {
		t.Errorf("after the edit: %+v (only the code should change)", edited)
	}
	c.json(&edited, "", "orgs", "edit", "0750654D", "--name", "Collège Jean-Moulin")
	if edited.ID != org.ID || edited.Name != "Collège Jean-Moulin" || edited.Code != "0750654D" {
		t.Errorf("edited by its UAI: %+v", edited)
	}
	var other orgJSON
	c.json(&other, "", "orgs", "create", "--name", "École B")
	if r := c.run("", "orgs", "edit", other.ID.String(), "--code", "0750654D"); r.code != exitInvalid {
		t.Errorf("a second school with the same UAI: exit %d, %q", r.code, r.stderr)
	}
	var log []struct{ Action string }
	c.json(&log, "", "admins", "log", "--org", id)
	if !hasAction(log, "orgs.edit") {
		t.Errorf("the school's audit log has no edit: %+v", log)
	}

	stranger := &cli{t: t, db: c.db, user: "other", env: c.env} // another admin of the same store
	stranger.signUpAndLogin("autre@example.fr", "motdepasse2")
	if r := stranger.run("", "orgs", "edit", id, "--name", "Pirate"); r.code != exitNotFound {
		t.Errorf("another school's admin edits it: exit %d, %q", r.code, r.stderr)
	}
}

func hasAction(log []struct{ Action string }, action string) bool {
	for _, e := range log {
		if e.Action == action {
			return true
		}
	}
	return false
}
