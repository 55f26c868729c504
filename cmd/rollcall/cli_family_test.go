package main

import (
	"slices"
	"strings"
	"testing"
)

// The ENT's own mail-merge example, "the pupils and parents of 3e A", and parents by hand.
func TestParentsThroughTheirChildrenThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")

	var pupils, parents usersListJSON
	c.json(&pupils, "", "users", "list", "--profile", "student", "--class", "3e A")
	c.json(&parents, "", "users", "list", "--profile", "parent", "--class", "3e A")
	if pupils.Total == 0 || parents.Total == 0 {
		t.Fatalf("3e A: %d pupils, %d parents", pupils.Total, parents.Total)
	}
	inClass := map[string]bool{}
	for _, p := range pupils.Users {
		inClass[p.Login] = true
		if p.Parents == nil {
			t.Errorf("a pupil's JSON carries parents: %+v", p)
		}
	}
	for _, p := range parents.Users {
		if p.Profile != "parent" || !slices.ContainsFunc(p.Children, func(l string) bool { return inClass[l] }) {
			t.Errorf("%s is listed as a parent of 3e A with children %v", p.Login, p.Children)
		}
	}
	var both usersListJSON
	c.json(&both, "", "users", "list", "--profile", "student,parent", "--class", "3e A")
	if both.Total != pupils.Total+parents.Total {
		t.Errorf("pupils and parents of 3e A: %d, want %d", both.Total, pupils.Total+parents.Total)
	}
	// --level filters on the class level, parents included.
	var sixth usersListJSON
	c.json(&sixth, "", "users", "list", "--profile", "parent", "--level", "6e")
	if sixth.Total == 0 {
		t.Error("no parent of a 6e pupil")
	}

	// A parent's card names their child in users show; link and unlink by hand.
	pupil, parent := pupils.Users[0], parents.Users[0]
	var other usersListJSON
	c.json(&other, "", "users", "list", "--profile", "parent", "--class", "6e A", "--limit", "1")
	stranger := other.Users[0]
	var linked userJSON
	c.json(&linked, "", "users", "link", stranger.Login, pupil.Login)
	if !slices.Contains(linked.Children, pupil.Login) {
		t.Fatalf("linked: %+v", linked)
	}
	var shown userShowJSON
	c.json(&shown, "", "users", "show", pupil.Login)
	if !slices.Contains(shown.Parents, stranger.Login) {
		t.Errorf("the pupil's parents: %v", shown.Parents)
	}
	c.json(&shown, "", "users", "show", stranger.Login)
	if !slices.Contains(shown.ByHand, "children") {
		t.Errorf("a link by hand is protected from imports: set by hand %v", shown.ByHand)
	}
	r := c.must("", "--lang", "en", "users", "show", stranger.Login)
	if !strings.Contains(r.stdout, "Children") || !strings.Contains(r.stdout, pupil.Login) || !strings.Contains(r.stdout, "3e A") {
		t.Errorf("users show names the children and their classes: %q", r.stdout)
	}
	var again usersListJSON
	c.json(&again, "", "users", "list", "--profile", "parent", "--class", "3e A")
	if again.Total != parents.Total+1 {
		t.Errorf("after the link: %d parents of 3e A, want %d", again.Total, parents.Total+1)
	}
	c.json(&linked, "", "users", "unlink", stranger.Login, pupil.Login)
	if slices.Contains(linked.Children, pupil.Login) {
		t.Errorf("unlinked: %+v", linked)
	}
	if r := c.run("", "--lang", "en", "users", "link", pupil.Login, parent.Login); r.code != exitInvalid || !strings.Contains(r.stderr, "is not a parent") {
		t.Errorf("a pupil as parent: exit %d %q", r.code, r.stderr)
	}
}

// Class codes are per school: with two schools using one code, --org says whose.
func TestClassCodesPerSchoolThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	c.must("", "classes", "create", "--code", "3e A", "--org", "2")
	r := c.run("", "--lang", "en", "users", "list", "--class", "3e A")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "several schools") || !strings.Contains(r.stderr, "Collège Jean Moulin") ||
		!strings.Contains(r.stderr, "Les Tilleuls") {
		t.Errorf("an ambiguous class: exit %d %q", r.code, r.stderr)
	}
	var one usersListJSON
	c.json(&one, "", "users", "list", "--class", "3e A", "--org", "1")
	if one.Total == 0 {
		t.Error("--org 1 --class 3e A found nobody")
	}
	var sets []setJSON
	c.json(&sets, "", "classes", "list")
	for _, s := range sets {
		if s.Org == "" {
			t.Errorf("classes list names each class's school: %+v", s)
		}
	}
}
