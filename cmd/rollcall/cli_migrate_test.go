package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	boltstore "rollcall/storage/bolt"
	pgstore "rollcall/storage/postgres"
	"rollcall/storage/postgres/pgtest"
	"rollcall/storage/storagetest"
)

// TestMigrateToPostgresAndBack copies the demo school, plus a record of every kind (users with
// every field set, hashed passwords, codes and sessions), from a bbolt file into PostgreSQL and
// from there into a new bbolt file: every kind's count and checksum stay the same all the way.
func TestMigrateToPostgresAndBack(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.must("", "demo")
	st, err := boltstore.Open(c.db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	storagetest.Fill(t, st)
	st.Close()
	pg, back := pgtest.URL(t), filepath.Join(t.TempDir(), "back.db")

	var dry, there, home, again migrateJSON
	c.json(&dry, "", "migrate", "--from", c.db, "--to", pg, "--dry-run")
	c.json(&there, "", "migrate", "--from", c.db, "--to", pg)
	c.json(&home, "", "migrate", "--from", pg, "--to", back)
	if !dry.DryRun || there.DryRun || !there.Verified || !home.Verified || there.Records < 1200 {
		t.Fatalf("reports: dry %+v, to postgres %+v, back %+v", dry, there, home)
	}
	for _, k := range there.Kinds {
		if k.Count == 0 {
			t.Errorf("no %s copied: the test data lacks a kind", k.Kind)
		}
	}
	if !slices.Equal(dry.Kinds, there.Kinds) || !slices.Equal(there.Kinds, home.Kinds) {
		t.Errorf("checksums changed on the way:\nfile     %v\npostgres %v\nback     %v", dry.Kinds, there.Kinds, home.Kinds)
	}
	c.json(&again, "", "migrate", "--from", c.db, "--to", back)
	if !again.AlreadyThere {
		t.Errorf("the file copied there and back is not the same as the source: %+v", again)
	}

	// A record changed in the target: the same copy is refused, naming the users.
	ctx := context.Background()
	ps, err := pgstore.Open(ctx, pg, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	u, err := ps.UserByLogin(ctx, "chloe.lefevre")
	if err != nil {
		t.Fatal(err)
	}
	u.Email = "tampered@example.org"
	if err := ps.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	ps.Close()
	r := c.run("", "migrate", "--from", c.db, "--to", pg)
	if r.code != exitConflict || !strings.Contains(r.stderr, "users (as many, with different content)") {
		t.Errorf("copy onto a tampered target: exit %d, %s", r.code, r.stderr)
	}
}

func TestMigrateOneSchool(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.must("", "demo")
	source := c.db
	var whole migrateJSON
	c.json(&whole, "", "migrate", "--from", source, "--to", filepath.Join(t.TempDir(), "never.db"), "--dry-run")
	// --to left out: the copy goes to --db, here a new file, and speaks French.
	c.db = filepath.Join(t.TempDir(), "school.db")
	c.env = []string{"LANG=fr_FR.UTF-8"}
	var dry, one migrateJSON
	c.json(&dry, "", "migrate", "--from", source, "--org", "1", "--dry-run")
	if _, err := os.Stat(c.db); !os.IsNotExist(err) {
		t.Errorf("a dry run created the target file: %v", err)
	}
	r := c.must("", "migrate", "--from", source, "--org", "1", "--json")
	if err := jsonUnmarshal(r.stdout, &one); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.stderr, "copiés") {
		t.Errorf("French message: %q", r.stderr)
	}
	count := func(j migrateJSON, kind string) int {
		for _, k := range j.Kinds {
			if string(k.Kind) == kind {
				return k.Count
			}
		}
		return -1
	}
	if one.OrgID != 1 || count(one, "organizations") != 1 || count(one, "users") == 0 ||
		count(one, "users") >= count(whole, "users") || !slices.Equal(one.Kinds, dry.Kinds) {
		t.Errorf("one school: %+v\nwhole: %+v", one, whole)
	}
	// The copy is a store Rollcall opens: the school's users are there.
	var list usersListJSON
	c.signUpAndLogin("marie@example.fr", "motdepasse1")
	c.json(&list, "", "users", "list", "--limit", "5", "--pending", "include")
	if list.Total != count(one, "users") {
		t.Errorf("the school's copy lists %d users, want the %d copied", list.Total, count(one, "users"))
	}
}

func TestMigrateRefusesWhatItCannotDo(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.must("", "demo")
	missing := filepath.Join(t.TempDir(), "missing.db")
	target := filepath.Join(t.TempDir(), "copy.db")
	for _, tc := range []struct {
		name string
		args []string
		code int
		not  string
	}{
		{"a password in --to", []string{"--from", c.db, "--to", "postgres://rollcall:s3cret@127.0.0.1/x"}, exitUsage, "s3cret"},
		{"no --from nor --to", nil, exitUsage, ""},
		{"the same file twice", []string{"--from", c.db, "--to", c.db}, exitUsage, ""},
		{"a source that does not exist", []string{"--from", missing, "--to", target}, exitNotFound, ""},
		{"an unknown school", []string{"--from", c.db, "--to", target, "--org", "424242"}, exitNotFound, ""},
	} {
		r := c.run("", append([]string{"migrate"}, tc.args...)...)
		if r.code != tc.code || (tc.not != "" && strings.Contains(r.stdout+r.stderr, tc.not)) {
			t.Errorf("%s: exit %d (want %d)\n%s", tc.name, r.code, tc.code, r.stderr)
		}
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("the missing source was created: %v", err)
	}
}
