package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rollcall/model"
	boltstore "rollcall/storage/bolt"
)

func TestSignupVerifyLoginWhoami(t *testing.T) {
	t.Parallel()
	c := newCLI(t)

	r := c.must("", "signup", "--name", "Marie Curie", "--email", "Marie@Example.fr", "--language", "fr", "--country", "fr")
	code := strings.TrimSpace(r.stdout)
	if len(model.NormalizeCode(code)) != 8 {
		t.Fatalf("signup printed %q on stdout, want the 8-character code", r.stdout)
	}
	if !strings.Contains(r.stderr, "Code de vérification pour marie@example.fr") {
		t.Errorf("signup in French should explain the code on stderr, got %q", r.stderr)
	}

	if r := c.run(code+"\ncourt1\n", "verify", "--email", "marie@example.fr", "--password-stdin"); r.code != exitInvalid {
		t.Errorf("a too-short password: exit %d, want %d (%s)", r.code, exitInvalid, r.stderr)
	}
	if r := c.run("AAAA-AAAA\nmotdepasse1\n", "verify", "--email", "marie@example.fr", "--password-stdin"); r.code != exitInvalid {
		t.Errorf("a wrong code: exit %d, want %d", r.code, exitInvalid)
	}
	c.must(code+"\nmotdepasse1\n", "verify", "--email", "marie@example.fr", "--password-stdin", "--dry-run")
	c.must(code+"\nmotdepasse1\n", "verify", "--email", "marie@example.fr", "--password-stdin")
	if r := c.run(code+"\nmotdepasse1\n", "verify", "--email", "marie@example.fr", "--password-stdin"); r.code != exitConflict {
		t.Errorf("verifying twice: exit %d, want %d (already verified)", r.code, exitConflict)
	}

	var who whoamiJSON
	if r := c.run("", "whoami", "--json"); r.code != exitNotFound || !strings.Contains(r.stdout, `"signed_in": false`) {
		t.Errorf("whoami before login: exit %d, stdout %q", r.code, r.stdout)
	}
	if r := c.run("wrongpass1\n", "login", "--email", "marie@example.fr", "--password-stdin"); r.code != exitNotFound {
		t.Errorf("wrong password: exit %d, want %d", r.code, exitNotFound)
	}
	c.must("motdepasse1\n", "login", "--email", "marie@example.fr", "--password-stdin")
	c.json(&who, "", "whoami")
	if !who.SignedIn || who.Admin.Email != "marie@example.fr" || who.Admin.Language != "fr" || who.Admin.Country != "FR" || !who.Admin.Verified {
		t.Errorf("whoami = %+v", who.Admin)
	}
	if !who.Admin.TermsAcceptedAt.IsZero() {
		t.Errorf("terms accepted before accept-terms")
	}
	if r := c.run("", "--lang", "fr", "accept-terms", "--adult"); r.code != exitUsage || !strings.Contains(r.stderr, "--adult et --accept sont nécessaires") {
		t.Errorf("accept-terms without --accept: exit %d, %q; want %d saying both flags are needed", r.code, r.stderr, exitUsage)
	}
	c.must("", "accept-terms", "--adult", "--accept")
	c.json(&who, "", "whoami")
	if who.Admin.TermsAcceptedAt.IsZero() {
		t.Errorf("terms not recorded")
	}

	c.must("", "logout")
	if r := c.run("", "whoami"); r.code != exitNotFound || !strings.Contains(r.stderr, "rollcall login") {
		t.Errorf("whoami after logout: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestDemoThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")

	var dry demoJSON
	c.json(&dry, "", "demo", "--dry-run")
	if !dry.DryRun || dry.Loaded {
		t.Errorf("dry run = %+v", dry)
	}
	var d demoJSON
	c.json(&d, "", "demo")
	if d.Users < 1000 || d.Users > 1400 || d.Orgs != 2 || d.Subscriptions < 3 {
		t.Errorf("demo = %+v, want ~1,200 users in 2 organizations with subscriptions", d)
	}
	for _, p := range model.Profiles {
		if d.ByProfile[p.String()] == 0 {
			t.Errorf("demo has no %s", p)
		}
	}
	if r := c.run("", "demo"); r.code != exitConflict {
		t.Errorf("loading the demo twice: exit %d, want %d", r.code, exitConflict)
	}

	var who whoamiJSON
	c.json(&who, "", "whoami")
	var listed usersListJSON
	c.json(&listed, "", "users", "list", "--limit", "1")
	if !who.Demo || len(who.Organizations) != 2 || who.Users.Total != listed.Total || listed.Total > d.Users || listed.Total < d.Users-30 {
		t.Errorf("whoami after demo = demo:%v orgs:%d users:%+v; want the %d users a default list shows (demo wrote %d, some pending deletion)",
			who.Demo, len(who.Organizations), who.Users, listed.Total, d.Users)
	}
}

func TestExitCodesAndMessages(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown flag", []string{"whoami", "--nope"}, exitUsage, "unknown flag"},
		{"extra argument", []string{"whoami", "extra"}, exitUsage, "unknown command"},
		{"bad email", []string{"signup", "--name", "A", "--email", "nope", "--country", "FR"}, exitInvalid, "Email is not a valid email address"},
		{"bad email in French", []string{"--lang", "fr", "signup", "--name", "A", "--email", "nope", "--country", "FR"}, exitInvalid, "Courriel n'est pas une adresse valide"},
		{"emails differ", []string{"signup", "--name", "A", "--email", "a@example.fr", "--email-confirm", "b@example.fr", "--country", "FR"}, exitInvalid, "does not match"},
		{"no terminal for a password", []string{"login", "--email", "a@example.fr"}, exitUsage, "--password-stdin"},
		{"not signed in", []string{"logout"}, exitNotFound, "not signed in"},
	}
	for _, tt := range tests {
		r := c.run("", tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%s: exit %d stderr %q; want exit %d and %q", tt.name, r.code, r.stderr, tt.code, tt.stderr)
		}
		if r.stdout != "" {
			t.Errorf("%s: errors must not write to stdout, got %q", tt.name, r.stdout)
		}
	}
	// A dry-run signup writes nothing: the same email can then really sign up.
	c.must("", "signup", "--name", "A B", "--email", "dry@example.fr", "--country", "FR", "--dry-run")
	c.must("", "signup", "--name", "A B", "--email", "dry@example.fr", "--country", "FR")
	if r := c.run("", "signup", "--name", "A B", "--email", "dry@example.fr", "--country", "FR"); r.code != exitConflict {
		t.Errorf("second signup with one email: exit %d, want %d", r.code, exitConflict)
	}
}

func TestDatabaseInUseByAnotherProcess(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.must("", "demo", "--dry-run") // creates the file
	st, err := boltstore.Open(c.db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	r := c.run("", "whoami")
	if r.code != exitConflict || !strings.Contains(r.stderr, "in use by another Rollcall") {
		t.Errorf("second process: exit %d stderr %q, want exit %d and a clear message", r.code, r.stderr, exitConflict)
	}
	if waited := time.Since(start); waited > 20*time.Second {
		t.Errorf("the second process hung for %v", waited)
	}
}

func TestBackupWhileInUse(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	dest := filepath.Join(t.TempDir(), "copy.db")
	c.must("", "backup", dest)
	info, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", info.Mode().Perm())
	}
	st, err := boltstore.Open(dest, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := st.CountUsers(context.Background())
	if err != nil || n < 1000 {
		t.Errorf("the backup holds %d users (%v), want the demo's", n, err)
	}
	if _, err := st.AdminByEmail(context.Background(), "admin@example.fr"); err != nil {
		t.Errorf("the backup lacks the admin: %v", err)
	}
}

// signup speaks the language being chosen, not the one of the admin signed in on this
// machine nor LANG's, errors included.
func TestSignupSpeaksTheChosenLanguage(t *testing.T) {
	t.Parallel()
	c := newCLI(t) // LANG=C; the admin signed in on this machine chose French
	c.signUpAndLogin("marie@example.fr", "motdepasse1")
	r := c.run("", "signup", "--name", "Paul", "--email", "marie@example.fr", "--language", "fr", "--country", "FR")
	if r.code == 0 || !strings.Contains(r.stderr, "Un compte existe déjà avec ce courriel") {
		t.Errorf("a taken email, signing up in French: exit %d, %q", r.code, r.stderr)
	}
	r = c.run("", "signup", "--name", "Paul", "--email", "marie@example.fr", "--language", "en", "--country", "FR")
	if r.code == 0 || strings.Contains(r.stderr, "Un compte existe déjà") {
		t.Errorf("a taken email, signing up in English: exit %d, %q", r.code, r.stderr)
	}
}
