package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type usersListJSON struct {
	Total int        `json:"total"`
	Users []userJSON `json:"users"`
}

func TestUsersCommands(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")

	var all, students, notActivated usersListJSON
	c.json(&all, "", "users", "list")
	c.json(&students, "", "users", "list", "--profile", "student", "--class", "6e A")
	c.json(&notActivated, "", "users", "list", "--profile", "student", "--class", "6e A", "--activated", "no")
	if students.Total != 25 || notActivated.Total == 0 || notActivated.Total >= students.Total {
		t.Fatalf("6e A has %d students, %d not activated; want 25 and fewer", students.Total, notActivated.Total)
	}
	for _, u := range notActivated.Users {
		if u.Activated || u.ActivationCode == "" || u.Profile != "student" || u.Classes[0] != "6e A" {
			t.Errorf("not-activated filter returned %+v", u)
		}
	}
	for i := 1; i < len(students.Users); i++ {
		if strings.ToLower(students.Users[i-1].LastName) > strings.ToLower(students.Users[i].LastName) &&
			!strings.HasPrefix(students.Users[i-1].LastName, "É") {
			t.Errorf("not sorted by name: %s before %s", students.Users[i-1].LastName, students.Users[i].LastName)
		}
	}

	var added userJSON
	c.json(&added, "", "users", "add", "--org", "1", "--profile", "student", "--last-name", "Lefèvre", "--first-name", "Élodie", "--class", "6e A")
	if added.Login != "elodie.lefevre" || added.ActivationCode == "" {
		t.Fatalf("added %+v", added)
	}
	var found usersListJSON
	c.json(&found, "", "users", "list", "--search", "LEFEVRE elodie")
	if found.Total != 1 || found.Users[0].ID != added.ID {
		t.Errorf("search found %+v", found)
	}
	var edited userJSON
	c.json(&edited, "", "users", "edit", "elodie.lefevre", "--email", "elodie@example.fr")
	if edited.Email != "elodie@example.fr" {
		t.Errorf("edit: %+v", edited)
	}
	if r := c.run("", "users", "edit", "elodie.lefevre", "--email", "nope"); r.code != exitInvalid {
		t.Errorf("bad email: exit %d", r.code)
	}
	if r := c.run("", "users", "delete", "elodie.lefevre"); r.code != exitInvalid && r.code != exitConflict {
		t.Errorf("deleting a user not pending: exit %d (%s)", r.code, r.stderr)
	}
	c.must("", "users", "predelete", "elodie.lefevre")
	var after usersListJSON
	c.json(&after, "", "users", "list", "--pending", "only", "--search", "lefevre")
	if after.Total != 1 {
		t.Errorf("pending only = %d", after.Total)
	}
	c.must("", "users", "delete", "elodie.lefevre")
	if r := c.run("", "users", "show", "elodie.lefevre"); r.code != exitNotFound || !strings.Contains(r.stderr, "Utilisateur introuvable : elodie.lefevre.") {
		t.Errorf("show a deleted user: exit %d, %q", r.code, r.stderr)
	}

	dest := filepath.Join(t.TempDir(), "eleves.csv")
	c.must("", "--lang", "fr", "users", "export", "--format", "csv-fr", "-o", dest, "--profile", "student", "--class", "6e A")
	raw, _ := os.ReadFile(dest)
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != 26 || rows[0][0] != "Nom" {
		t.Errorf("export: %d rows, header %v, %v", len(rows), rows[0], err)
	}

	// Moodle's user upload: --dry-run counts and writes nothing, then the file re-imports to no change.
	moodle := filepath.Join(t.TempDir(), "moodle.csv")
	var sum struct {
		Format string `json:"format"`
		Users  int    `json:"users"`
		DryRun bool   `json:"dry_run"`
	}
	c.json(&sum, "", "users", "export", "--format", "moodle", "-o", moodle, "--profile", "student", "--class", "6e A", "--dry-run", "--json")
	if _, err := os.Stat(moodle); sum.Format != "moodle" || sum.Users != 25 || !sum.DryRun || err == nil {
		t.Errorf("moodle --dry-run: %+v, file: %v", sum, err)
	}
	c.must("", "users", "export", "--format", "moodle", "-o", moodle, "--profile", "student", "--class", "6e A")
	raw, _ = os.ReadFile(moodle)
	if !strings.HasPrefix(string(raw), "username,firstname,lastname,email,department,cohort1\n") || strings.Count(string(raw), "\n") != 26 {
		t.Errorf("moodle export:\n%s", raw)
	}
	var rep struct {
		Counts struct{ Created, Updated, Unchanged int } `json:"counts"`
	}
	c.json(&rep, "", "import", moodle, "--org", "1", "--dry-run", "--json", "--mode", "update")
	if rep.Counts.Created != 0 || rep.Counts.Updated != 0 || rep.Counts.Unchanged != 25 {
		t.Errorf("moodle re-import: %+v", rep.Counts)
	}
	if r := c.run("", "users", "export", "--format", "canvas", "-o", moodle); r.code != exitInvalid {
		t.Errorf("unknown format: exit %d", r.code)
	}
}

func TestClassesCommands(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	var created setJSON
	c.json(&created, "", "classes", "create", "--org", "1", "--code", "3e E", "--level", "3e")
	if r := c.run("", "classes", "create", "--org", "1", "--code", "3e e"); r.code != exitConflict {
		t.Errorf("duplicate code: exit %d", r.code)
	}
	var students usersListJSON
	c.json(&students, "", "users", "list", "--profile", "student", "--class", "3e A", "--limit", "2")
	c.must("", "classes", "add-members", "3e E", students.Users[0].Login, students.Users[1].Login)
	var list []setJSON
	c.json(&list, "", "classes", "list")
	var codes []string
	for _, s := range list {
		codes = append(codes, s.Code)
		if s.Code == "3e E" && s.Members != 2 {
			t.Errorf("3e E has %d members, want 2", s.Members)
		}
	}
	if strings.Join(codes[:5], ",") != "3e A,3e B,3e C,3e D,3e E" {
		t.Errorf("classes order: %v", codes[:5])
	}
	if r := c.run("", "classes", "delete", "3e E"); r.code != exitConflict {
		t.Errorf("deleting a class with members: exit %d (%s)", r.code, r.stderr)
	}
	c.must("", "classes", "delete", "3e E", "--force")
	var in3eE usersListJSON
	if r := c.run("", "users", "list", "--class", "3e E"); r.code != exitNotFound || !strings.Contains(r.stderr, "Classe introuvable : 3e E.") {
		t.Errorf("filter on a deleted class: exit %d, %q", r.code, r.stderr)
	}
	c.json(&in3eE, "", "users", "list", "--search", students.Users[0].Login)
	if len(in3eE.Users) != 1 || len(in3eE.Users[0].Classes) != 1 {
		t.Errorf("a member of the deleted class: %+v", in3eE.Users)
	}
}

// TestUsersSetAdminThroughTheCLI: set-admin marks a user a local admin, --dry-run shows the
// result without saving it, --off unmarks them.
func TestUsersSetAdminThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "orgs", "create", "--name", "Collège Curie", "--city", "Paris", "--country", "FR")
	c.must("", "users", "add", "--profile", "teacher", "--last-name", "Curie", "--first-name", "Marie")
	var u userJSON
	c.json(&u, "", "users", "set-admin", "marie.curie", "--dry-run", "--json")
	if !u.LocalAdmin {
		t.Errorf("dry run shows %+v, want a local admin", u)
	}
	c.json(&u, "", "users", "show", "marie.curie", "--json")
	if u.LocalAdmin {
		t.Error("the dry run saved the mark")
	}
	c.json(&u, "", "users", "set-admin", "marie.curie", "--json")
	if !u.LocalAdmin {
		t.Errorf("set-admin: %+v", u)
	}
	c.json(&u, "", "users", "set-admin", "marie.curie", "--off", "--json")
	if u.LocalAdmin {
		t.Errorf("set-admin --off: %+v", u)
	}
}
