package main

import (
	"os"
	"path/filepath"
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

// The words a newcomer read: a dry run says what would happen, a refusal names what it refuses,
// and a field is named as the admin's language names it, never by its JSON name.
func TestNewcomerWords(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	var dry, loaded demoJSON
	c.json(&dry, "", "demo", "--dry-run")
	c.json(&loaded, "", "demo")
	if !dry.DryRun || dry.Loaded || dry.Users == 0 || dry.Users != loaded.Users || dry.Classes != loaded.Classes ||
		dry.Orgs != loaded.Orgs || dry.Subscriptions != loaded.Subscriptions || dry.ByProfile["student"] != loaded.ByProfile["student"] {
		t.Errorf("demo --dry-run said %+v, the demo loaded %+v", dry, loaded)
	}

	c = newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "orgs", "create", "--name", "École Jules Ferry", "--country", "FR")
	if r := c.run("", "--lang", "fr", "orgs", "create", "--name", "ECOLE jules  ferry", "--country", "FR"); r.code != exitInvalid || !strings.Contains(r.stderr, "déjà le nom de l'un de vos établissements") {
		t.Errorf("the same school twice: exit %d, %q; want 3 and why", r.code, r.stderr)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "CSV_Eleves.csv")
	write := func(class string) {
		if err := os.WriteFile(file, []byte("Prénom*;Nom*;Date de naissance*;Classes*\nLéa;COLIN;03/02/2018;"+class+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("CP")
	if r := c.must("", "--lang", "fr", "import", file, "--classes", "create"); !strings.Contains(r.stderr, "Lecture des fichiers : 1 ligne\n") {
		t.Errorf("the French progress counts one row so: %q", r.stderr)
	}
	if log := c.must("", "--lang", "fr", "admins", "log").stdout; !strings.Contains(log, "import n° 1 (source ent) : 1 créé, 0 mis à jour") || strings.Contains(log, "run 1 (") {
		t.Errorf("the audit log says the import so: %q", log)
	}
	write("CE1")
	r := c.must("", "--lang", "fr", "import", file, "--dry-run", "--classes", "create")
	if !strings.Contains(r.stdout, "    Classes ") || strings.Contains(r.stdout, "    classes") {
		t.Errorf("the French diff names the field so: %q", r.stdout)
	}
	r = c.must("", "--lang", "fr", "users", "show", "lea.colin")
	if !strings.Contains(r.stdout, "Date de naissance") || strings.Contains(r.stdout, "birth_date") || strings.Contains(r.stdout, "last_name") {
		t.Errorf("users show names the provenance's fields so: %q", r.stdout)
	}

	r = c.must("", "--lang", "en", "import", "undo", "--dry-run")
	if !strings.Contains(r.stderr, "can be undone") || strings.Contains(r.stderr, "undone:") {
		t.Errorf("undo --dry-run says %q; want that it can be undone, not that it was", r.stderr)
	}
	r = c.run("", "--lang", "en", "import", "undo")
	if r.code != exitUsage || !strings.Contains(r.stderr, "Undo import #") || !strings.Contains(r.stderr, "--yes") || strings.Contains(r.stderr, "seat") {
		t.Errorf("undo without a terminal: exit %d, %q; want 2 asking about the import", r.code, r.stderr)
	}
	var list usersListJSON
	c.json(&list, "", "users", "list")
	if list.Total != 1 {
		t.Errorf("the dry run and the refusal undid the import: %d users left", list.Total)
	}
}

// The CLI's own refusals of how a command was called speak the admin's language too.
func TestUsageRefusalsInFrench(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"merge", "pdf", "--per-sheet", "3", "-o", "x.pdf"}, "--per-sheet 3 : 1, 2 ou 8 attendu"},
		{[]string{"subs", "claim", "--code", "X", "--displays", "2", "--serial", "Y"}, "pas les deux"},
		{[]string{"merge", "resume", "douze"}, `"douze" n'est pas un numéro de campagne`},
	} {
		r := c.run("", append([]string{"--lang", "fr"}, tc.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}
