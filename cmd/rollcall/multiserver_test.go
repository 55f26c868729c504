package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"rollcall/storage/postgres/pgtest"
)

// TestTwoServersOnOneDatabase runs two `rollcall serve` processes and CLI runs on one
// PostgreSQL database, as two machines of an ENT operator would: twenty SSH sessions on each
// server and a few CLI runs add users at once, some with the same names. No write is lost, no
// login is given twice, and each server's directory index shows the other's users without a
// restart.
func TestTwoServersOnOneDatabase(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.db = pgtest.URL(t)
	c.signUpAndLogin("ada@example.fr", "motdepasse1")
	path, signer := newKeyFiles(t, "ada@laptop")
	c.must("", "ssh-keys", "add", path+".pub")
	org := c.orgID("École Partagée")
	servers := []*server{c.serve(), c.serve()}
	for _, srv := range servers { // each builds its index now, before the others write
		execSSH(t, srv.mustDial(signer), "", "users list --json")
	}

	const sessions, runs = 20, 4
	var wg sync.WaitGroup
	type write struct {
		who  string
		code int
		out  string
	}
	writes := make(chan write, 2*sessions+runs)
	add := func(i int) string {
		// Every fifth person shares a name with one on the other server: their logins must differ.
		return fmt.Sprintf("users add --org %s --profile student --last-name Partage%02d --first-name Élève --json", org, i%(sessions/5*4))
	}
	for s, srv := range servers {
		for i := range sessions {
			wg.Go(func() {
				r := execSSH(t, srv.mustDial(signer), "", add(s*sessions+i))
				writes <- write{fmt.Sprintf("server %d session %d", s, i), r.code, r.stdout + r.stderr}
			})
		}
	}
	for i := range runs {
		wg.Go(func() {
			r := c.run("", "users", "add", "--org", org, "--profile", "teacher", "--last-name", fmt.Sprintf("Cli%d", i),
				"--first-name", "Prof", "--json")
			writes <- write{fmt.Sprintf("CLI run %d", i), r.code, r.stdout + r.stderr}
		})
	}
	wg.Wait()
	close(writes)
	logins := map[string]bool{}
	for w := range writes {
		var u userJSON
		if w.code != 0 || json.Unmarshal([]byte(w.out), &u) != nil {
			t.Errorf("%s: exit %d, %q", w.who, w.code, w.out)
			continue
		}
		if logins[u.Login] {
			t.Errorf("%s: login %s given twice", w.who, u.Login)
		}
		logins[u.Login] = true
	}
	want := 2*sessions + runs
	if len(logins) != want {
		t.Fatalf("%d distinct logins, want %d", len(logins), want)
	}
	for s, srv := range servers {
		client := srv.mustDial(signer)
		var list usersListJSON
		for deadline := time.Now().Add(30 * time.Second); ; {
			r := execSSH(t, client, "", "users list --json")
			if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
				t.Fatalf("server %d: users list: %v %q", s, err, r.stderr)
			}
			if list.Total == want || time.Now().After(deadline) {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if list.Total != want {
			t.Errorf("server %d lists %d users, want the %d every process added", s, list.Total, want)
		}
		for _, u := range list.Users {
			if !logins[u.Login] {
				t.Errorf("server %d lists %s, which no write reported", s, u.Login)
			}
		}
	}
}

// TestDBURLWithAPasswordIsRefusedInArgv keeps database passwords out of the process list: a
// --db URL with one is refused before anything connects, without echoing it; $ROLLCALL_DB may
// carry it.
func TestDBURLWithAPasswordIsRefusedInArgv(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.db = "postgres://rollcall:s3cr3t-pw@127.0.0.1:1/rollcall"
	r := c.run("", "whoami")
	if r.code != exitUsage || !strings.Contains(r.stderr, "pgpass") || strings.Contains(r.stderr+r.stdout, "s3cr3t-pw") {
		t.Errorf("--db with a password: exit %d, %q; want %d naming ~/.pgpass, the password never shown", r.code, r.stderr, exitUsage)
	}
}
