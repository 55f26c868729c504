package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIRefusesSchoolDataBeforeTheTerms: an admin signed in who never confirmed being an
// adult and accepted the terms reads and changes no school data from the CLI, is told how to
// take the step in their language, and can once it is taken.
func TestCLIRefusesSchoolDataBeforeTheTerms(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	var s signupJSON
	c.json(&s, "", "signup", "--name", "Marie Curie", "--email", "marie@example.fr", "--language", "fr", "--country", "FR")
	c.must(s.Code+"\nmotdepasse1\n", "verify", "--email", "marie@example.fr", "--password-stdin")
	c.must("motdepasse1\n", "login", "--email", "marie@example.fr", "--password-stdin")
	c.must("", "demo")
	roster := filepath.Join(t.TempDir(), "CSV_Eleves.csv")
	if err := os.WriteFile(roster, []byte("Nom;Prénom;Classe\nCurie;Ève;6e A\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	refused := [][]string{
		{"users", "list"},
		{"users", "export", "--format", "csv", "-o", filepath.Join(t.TempDir(), "out.csv")},
		{"import", roster, "--dry-run"},
		{"import", "history"},
		{"orgs", "list"},
		{"classes", "list"},
		{"merge", "pdf", "-o", filepath.Join(t.TempDir(), "cards.pdf"), "--dry-run"},
		{"subs", "list"},
		{"admins", "list"},
		{"settings", "show"},
	}
	for _, lang := range []struct{ flag, refusal, hint string }{
		{"fr", "Confirmez d'abord que vous êtes majeur et acceptez les conditions.", "Pour cela : rollcall accept-terms --adult --accept"},
		{"en", "Please confirm you are an adult and accept the terms first.", "To do so: rollcall accept-terms --adult --accept"},
	} {
		for _, args := range refused {
			r := c.run("", append([]string{"--lang", lang.flag}, args...)...)
			if r.code != exitNotFound || r.stdout != "" || !strings.Contains(r.stderr, lang.refusal) || !strings.Contains(r.stderr, lang.hint) {
				t.Errorf("rollcall --lang %s %s before the terms: exit %d\nstdout: %s\nstderr: %s",
					lang.flag, strings.Join(args, " "), r.code, r.stdout, r.stderr)
			}
		}
	}
	r := c.must("", "--lang", "fr", "whoami")
	if !strings.Contains(r.stdout, "marie@example.fr") || !strings.Contains(r.stderr, "rollcall accept-terms --adult --accept") {
		t.Errorf("whoami before the terms:\nstdout: %s\nstderr: %s", r.stdout, r.stderr)
	}

	c.must("", "accept-terms", "--adult", "--accept")
	if r := c.must("", "users", "list", "--json"); !strings.Contains(r.stdout, `"login"`) {
		t.Errorf("users list after the terms: %s", r.stdout)
	}
}
