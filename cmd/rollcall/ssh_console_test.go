package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// homeToAdmins moves from the home screen to the Admins area (the last of six).
func homeToAdmins(con *console) {
	for range 5 {
		con.send("\x1b[B") // down
	}
	con.send("\r")
}

func TestSSHConsolePerSessionSeesCommittedData(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	c.orgID("École X")
	srv := c.serve()
	client := srv.mustDial(signer)

	one := openConsole(t, client, 110, 32)
	one.waitText(0, "Accueil", "Administrateurs", "Marie Curie <ada@example.fr>", "École X")
	mark := one.mark()
	homeToAdmins(one)
	one.waitText(mark, "Mes clés SSH (1)", "ada@example.fr", "(vous)")
	mark = one.mark()
	one.send("\t\t") // the keys tab
	one.waitText(mark, ssh.FingerprintSHA256(signer.PublicKey()), "ada@laptop")

	// A second console of its own on another connection, and a command on a third: each sees
	// what the others committed.
	two := openConsole(t, srv.mustDial(signer), 90, 28)
	two.waitText(0, "Accueil")
	homeToAdmins(two)
	two.waitText(0, "(vous)")
	mark = two.mark()
	two.send("\t") // the invitations tab
	two.waitText(mark, "Aucune invitation en attente.")
	r := execSSH(t, srv.mustDial(signer), "", "admins invite --email bob@example.fr --json")
	var inv invitationJSON
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &inv) != nil || inv.Code == "" {
		t.Fatalf("invite over SSH: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	mark = two.mark()
	two.send("r") // refresh
	// The terminal is redrawn by differences: wait for what is new on screen, not for whole lines.
	two.waitText(mark, "bob@example.fr")

	// The first console quits; its SSH session ends cleanly.
	one.send("q") // quits from any screen without a text field
	done := make(chan error, 1)
	go func() { done <- one.sess.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("the console's session ended with %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("q did not end the console; it showed:\n%s", one.text())
	}
}

func TestSSHConsoleNeedsATerminalWithoutACommand(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	srv := c.serve()
	client := srv.mustDial(signer)
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var errb strings.Builder
	sess.Stderr = &errb
	err = sess.Shell()
	if err == nil {
		err = sess.Wait()
	}
	var ee *ssh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != exitUsage || !strings.Contains(errb.String(), "ssh -t") {
		t.Errorf("a shell without a terminal: %v, stderr %q; want exit %d and how to connect", err, errb.String(), exitUsage)
	}
}

// TestSSHStopsCleanlyOnSIGTERM: commands in flight finish and their writes are kept, consoles
// are closed, the server exits 0 and the database opens again.
func TestSSHStopsCleanlyOnSIGTERM(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	org := c.orgID("École X")
	srv := c.serve()
	con := openConsole(t, srv.mustDial(signer), 100, 30)
	con.waitText(0, "Accueil")

	const writers = 12
	type outcome struct {
		login string
		ok    bool
	}
	outcomes := make([]outcome, writers)
	var wg sync.WaitGroup
	started := make(chan struct{}, writers)
	for i := range writers {
		wg.Go(func() {
			client, err := srv.dial(ssh.PublicKeys(signer))
			if err != nil {
				started <- struct{}{}
				return // refused once the server stopped accepting: fine
			}
			defer client.Close()
			sess, err := client.NewSession()
			if err != nil {
				started <- struct{}{}
				return
			}
			var out strings.Builder
			sess.Stdout = &out
			started <- struct{}{}
			err = sess.Run(fmt.Sprintf("users add --org %s --profile teacher --last-name Stop%02d --first-name Test --json", org, i))
			var u userJSON
			if err == nil && json.Unmarshal([]byte(out.String()), &u) == nil {
				outcomes[i] = outcome{login: u.Login, ok: true}
			}
		})
	}
	<-started
	if code := srv.stop(); code != 0 {
		t.Fatalf("server exit %d:\n%s", code, srv.stderr.String())
	}
	wg.Wait()
	if !strings.Contains(srv.stderr.String(), "Stopped.") {
		t.Errorf("no clean stop in the log:\n%s", srv.stderr.String())
	}
	done := make(chan error, 1)
	go func() { done <- con.sess.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the console stayed open after the server stopped")
	}
	// Every command that reported success wrote its user: the database is open again locally.
	var list usersListJSON
	c.json(&list, "", "users", "list", "--search", "Stop", "--profile", "teacher")
	have := map[string]bool{}
	for _, u := range list.Users {
		have[u.Login] = true
	}
	reported := 0
	for _, o := range outcomes {
		if o.ok {
			reported++
			if !have[o.login] {
				t.Errorf("%s was reported added but is not in the database", o.login)
			}
		}
	}
	t.Logf("%d of %d commands finished before the stop; %d users in the database", reported, writers, list.Total)
}

func TestSSHIdleConnectionsAreClosed(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	srv := c.serve("--idle-timeout", "1s")
	client := srv.mustDial(signer)
	done := make(chan error, 1)
	go func() { done <- client.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("an idle connection stayed open past the idle timeout")
	}
}

// TestSSHConsoleRefusesServerFiles: over SSH a path names a file of the server, so the imports
// screen does not browse the server's folders.
func TestSSHConsoleRefusesServerFiles(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	c.orgID("École X")
	srv := c.serve()
	con := openConsole(t, srv.mustDial(signer), 110, 32)
	con.waitText(0, "Accueil")
	mark := con.mark()
	for range 3 { // Imports is the fourth area
		con.send("\x1b[B")
	}
	con.send("\r")
	con.waitText(mark, "inbox") // the picker shows the admin's inbox
	con.send("/")               // type a path
	con.send("/etc/passwd\r")   // one of the server's
	con.waitText(mark, "Par SSH, les fichiers seraient ceux du serveur", "sftp ou scp")
}
