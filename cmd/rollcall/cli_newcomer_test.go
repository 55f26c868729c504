package main

import (
	"strings"
	"testing"
)

// What a newcomer hit, each through the command where it was seen.
func TestNewcomerRefusals(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	if r := c.run("", "--lang", "en", "signup", "--name", "Marie Curie", "--email", "m@example.fr", "--country", "XX"); r.code != exitInvalid || !strings.Contains(r.stderr, "XX") {
		t.Errorf("signup with country XX: exit %d, %q; want 3 naming the value", r.code, r.stderr)
	}
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	if r := c.run("", "orgs", "create", "--name", "École Y", "--country", "XX"); r.code != exitInvalid {
		t.Errorf("a school in country XX: exit %d, %q", r.code, r.stderr)
	}
	c.must("", "demo")
	var list usersListJSON
	c.json(&list, "", "users", "list", "--profile", "student", "--limit", "1")
	login := list.Users[0].Login
	if r := c.run("", "--lang", "en", "users", "edit", login, "--last-name", " "); r.code != exitInvalid || !strings.Contains(r.stderr, "Last name") {
		t.Errorf("emptying a last name: exit %d, %q; want 3", r.code, r.stderr)
	}
	r := c.run("", "--lang", "fr", "users", "edit", login, "--birth-date", "2099-01-01")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "ne peut pas être dans le futur") {
		t.Errorf("a birth date in 2099: exit %d, %q; want 3 and why", r.code, r.stderr)
	}
	var after userJSON
	c.json(&after, "", "users", "show", login)
	if after.LastName != list.Users[0].LastName || after.BirthDate != list.Users[0].BirthDate {
		t.Errorf("a refused edit changed the user: %+v", after)
	}
	c.must("", "users", "edit", login, "--birth-date", "2014-05-02") // a past date is fine
}
