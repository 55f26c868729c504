package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	boltstore "rollcall/storage/bolt"
)

func TestCodesAreRefusedOnTheCommandLine(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	var s signupJSON
	c.json(&s, "", "signup", "--name", "Marie Curie", "--email", "marie@example.fr", "--language", "en", "--country", "FR")
	for _, args := range [][]string{
		{"verify", "--email", "marie@example.fr", "--code", s.Code, "--password-stdin"},
		{"activate", "--login", "zoe.martin", "--code", "ABCD-EFGH", "--password-stdin"},
		{"reset-password", "--login", "zoe.martin", "--code", "ABCD-EFGH", "--password-stdin"},
		{"signup", "--invite", "ABCD-EFGH-JKMN", "--name", "Paul", "--email", "paul@example.fr", "--country", "FR"},
		{"admins", "join", "ABCD-EFGH-JKMN"},
	} {
		r := c.run("motdepasse1\n", args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "no longer takes the code on the command line") {
			t.Errorf("rollcall %v: exit %d, %q; want 2 and the way that works", args, r.code, r.stderr)
		}
	}
	// The refused code was not spent: it still works from stdin.
	c.must(s.Code+"\nmotdepasse1\n", "verify", "--email", "marie@example.fr", "--password-stdin")
	if r := c.run("", "verify", "--email", "marie@example.fr", "--password-stdin"); r.code != exitUsage || !strings.Contains(r.stderr, "No code on standard input") {
		t.Errorf("verify with nothing on stdin: exit %d, %q", r.code, r.stderr)
	}
}

func TestTheDatabaseKeepsOnlyTheSessionsHash(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("marie@example.fr", "motdepasse1")
	c.must("", "whoami")
	backup := t.TempDir() + "/copy.db"
	c.must("", "backup", backup)
	for _, path := range []string{c.db, backup} {
		st, err := boltstore.Open(path, boltstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		kept, err := st.LocalToken(context.Background(), c.user)
		st.Close()
		if err != nil || !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(kept) {
			t.Errorf("%s keeps %q for the OS user, want the SHA-256 of the token only", path, kept)
		}
	}
	c.must("", "logout")
	if r := c.run("", "whoami"); r.code != exitNotFound {
		t.Errorf("whoami after logout: exit %d", r.code)
	}
}
