package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The platforms' exports through the CLI: --dry-run counts and writes nothing, --json sums up,
// the options reach the file, an unknown field is a usage error (exit 2) that names it and lists
// the known ones, and a file re-imports to no change.
func TestUsersExportPlatforms(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	dir := t.TempDir()
	var sum struct {
		Format string `json:"format"`
		Users  int    `json:"users"`
		DryRun bool   `json:"dry_run"`
	}

	google := filepath.Join(dir, "google.csv")
	c.json(&sum, "", "users", "export", "--format", "google", "-o", google, "--class", "6e A", "--dry-run", "--json")
	if _, err := os.Stat(google); sum.Format != "google" || sum.Users == 0 || !sum.DryRun || err == nil {
		t.Fatalf("google --dry-run: %+v, file: %v", sum, err)
	}
	students := sum.Users
	// Pupils without an email and no template to make one: refused, naming one, nothing written.
	if r := c.run("", "--lang", "en", "users", "export", "--format", "google", "-o", google, "--class", "6e A"); r.code != exitInvalid ||
		!strings.Contains(r.stderr, "has no email, which Google requires") || !strings.Contains(r.stderr, "--email-template") {
		t.Errorf("google without an email template: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(google); err == nil {
		t.Error("a refused google export left a file")
	}
	c.must("", "users", "export", "--format", "google", "-o", google, "--class", "6e A",
		"--email-template", "{first}.{last}@college.example", "--org-unit-template", "/Élèves/{class}")
	raw, _ := os.ReadFile(google)
	raw0 := raw
	if !strings.HasPrefix(string(raw), "\ufeffFirst Name [Required],Last Name [Required],Email Address [Required],Password [Required],") ||
		!strings.Contains(string(raw), "@college.example,") || !strings.Contains(string(raw), ",/Élèves/6e A,") ||
		strings.Count(string(raw), "\r\n") < students+1 {
		t.Errorf("google export:\n%.600s", raw)
	}

	ent := filepath.Join(dir, "ent.csv")
	c.json(&sum, "", "users", "export", "--format", "ent-export", "-o", ent, "--class", "6e A", "--json",
		"--fields", "nom,prenom,profil,identifiant,classe,date-naissance", "--charset", "utf-8")
	raw, _ = os.ReadFile(ent)
	if sum.Users != students || sum.DryRun || !strings.HasPrefix(string(raw), "\ufeffNom;Prénom;Profil;Identifiant;Classe;") ||
		!strings.Contains(string(raw), ";Date de naissance\r\n") {
		t.Errorf("ent export %+v:\n%.300s", sum, raw)
	}
	var rep struct {
		Counts struct{ Created, Updated, Unchanged int } `json:"counts"`
	}
	c.json(&rep, "", "import", ent, "--org", "1", "--dry-run", "--json")
	if rep.Counts.Created != 0 || rep.Counts.Updated != 0 || rep.Counts.Unchanged != students {
		t.Errorf("ent re-import: %+v", rep.Counts)
	}
	// Google's file re-imports too: its users found by login; only the addresses the template made
	// for pupils who had none are new.
	c.json(&rep, "", "import", google, "--org", "1", "--dry-run", "--json")
	if rep.Counts.Created != 0 || rep.Counts.Updated+rep.Counts.Unchanged != students {
		t.Errorf("google re-import: %+v", rep.Counts)
	}
	// Google's own files leave Employee Type empty: the profile is unknown, an error at its cell.
	noProfile := strings.NewReplacer(",Élève,", ",,", ",Student,", ",,").Replace(string(raw0))
	if err := os.WriteFile(google, []byte(noProfile), 0o600); err != nil || noProfile == string(raw0) {
		t.Fatalf("no profile to empty: %v", err)
	}
	if r := c.run("", "--lang", "en", "import", google, "--org", "1", "--dry-run"); r.code != exitInvalid ||
		!strings.Contains(r.stderr, "google.csv") || !strings.Contains(r.stderr, "Employee Type") {
		t.Errorf("google without a profile: exit %d, %q", r.code, r.stderr)
	}
	r := c.run("", "users", "export", "--format", "ent-export", "-o", ent, "--fields", "nom,adresse,prenom")
	if r.code != exitUsage || !strings.Contains(r.stderr, "adresse") || !strings.Contains(r.stderr, "identifiant-ent") {
		t.Errorf("unknown field: exit %d, %q", r.code, r.stderr)
	}
	if r := c.run("", "users", "export", "--format", "google", "-o", google, "--org-unit-template", "/{ecole}", "--dry-run"); r.code != exitUsage ||
		!strings.Contains(r.stderr, "{school}") {
		t.Errorf("unknown placeholder: exit %d, %q", r.code, r.stderr)
	}

	xlsx := filepath.Join(dir, "manuels.xlsx")
	c.json(&sum, "", "users", "export", "--format", "edulib-xlsx", "-o", xlsx, "--class", "6e A", "--dry-run", "--json")
	if sum.Users == 0 || sum.Users > students+5 {
		t.Errorf("edulib --dry-run: %+v", sum)
	}
}
