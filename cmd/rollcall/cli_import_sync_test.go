package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportModesClassesAndFailedRuns drives the built binary: a spreadsheet's unknown class
// exits 3 naming the school's classes and is kept in the history as failed, its errors shown
// again by import errors; --classes create says which class it made; --mode add adds one
// teacher and touches nobody else.
func TestImportModesClassesAndFailedRuns(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "orgs", "create", "--name", "Collège")
	dir := t.TempDir()
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	staff := write("enseignants.csv", "Nom;Prénom;Email;Code classe;Mot de passe\nROUX;Hélène;h.roux@example.fr;6A;\nBLANC;Paul;p.blanc@example.fr;6B;\n")

	r := c.run("", "--lang", "en", "import", staff)
	if r.code != 3 || !strings.Contains(r.stderr, `"6A"`) || !strings.Contains(r.stderr, "is not a class of this school") {
		t.Fatalf("unknown classes: exit %d, %s", r.code, r.stderr)
	}
	var history []runJSON
	c.json(&history, "", "import", "history")
	if len(history) != 1 || history[0].Status != "failed" || history[0].Errors != 2 {
		t.Fatalf("history after a failed run = %+v", history)
	}
	r = c.must("", "--lang", "en", "import", "errors", history[0].ID.String())
	if !strings.Contains(r.stdout, "enseignants.csv, line 2") || !strings.Contains(r.stdout, "line 3") {
		t.Errorf("import errors: %q", r.stdout)
	}

	r = c.must("", "--lang", "en", "import", staff, "--classes", "create")
	if !strings.Contains(r.stdout, "Classes created: 6A, 6B") {
		t.Errorf("the report does not name the classes created: %q", r.stdout)
	}
	one := write("enseignants-nouveaux.csv", "Nom;Prénom;Email;Code classe;Mot de passe\nVERT;Lou;l.vert@example.fr;6A;\n")
	if r := c.run("", "import", one); r.code != 5 {
		t.Errorf("a sync of one teacher passed the deletion guard: exit %d", r.code)
	}
	var rep importJSON
	c.json(&rep, "", "import", one, "--mode", "add")
	if rep.Mode != "add" || rep.Counts.Created != 1 || rep.Counts.PendingDeletion != 0 || rep.Counts.Updated != 0 {
		t.Errorf("--mode add: %+v", rep)
	}
	c.json(&history, "", "import", "history")
	if len(history) != 4 || history[0].Status != "completed" || history[1].Status != "failed" {
		t.Errorf("history = %+v", history)
	}
	if r := c.run("", "import", one, "--mode", "merge"); r.code != 3 {
		t.Errorf("--mode merge: exit %d", r.code)
	}
}

// TestImportTemplateRoundTrip: the CLI writes an empty template in the admin's language, with
// required columns marked, and it imports back once filled.
func TestImportTemplateRoundTrip(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "orgs", "create", "--name", "Collège")
	path := filepath.Join(t.TempDir(), "profs.csv")
	r := c.must("", "import", "template", "teachers", "--format", "csv", "-o", path)
	if !strings.Contains(r.stderr, "Enseignants") {
		t.Errorf("template message: %q", r.stderr)
	}
	raw, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(raw), "\ufeffNom*;Prénom*;Courriel;Code classe;Identifiant;Mot de passe;Groupe;Profil\r\n") {
		t.Fatalf("template = %q, %v", raw, err)
	}
	raw = append(raw, "ROUX;Hélène;h.roux@example.fr;;;;;Enseignant\r\n"...)
	os.WriteFile(path, raw, 0o600)
	var rep importJSON
	c.json(&rep, "", "import", path)
	if rep.Counts.Created != 1 || rep.Format != "sheet" {
		t.Errorf("the filled template imported as %+v", rep)
	}
	if r := c.run("", "import", "template", "guests"); r.code != 3 {
		t.Errorf("a template for guests: exit %d", r.code)
	}
	if r := c.must("", "--lang", "en", "import", "template", "students", "-o", filepath.Join(t.TempDir(), "s.xlsx")); !strings.Contains(r.stderr, "Students") {
		t.Errorf("English template message: %q", r.stderr)
	}
}
