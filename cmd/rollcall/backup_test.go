package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	boltstore "rollcall/storage/bolt"
)

// holdsAdmin opens a backup and checks it is a database holding the admin.
func holdsAdmin(t *testing.T, path, email string) {
	t.Helper()
	st, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the backup %s does not open: %v", path, err)
	}
	defer st.Close()
	if _, err := st.AdminByEmail(context.Background(), email); err != nil {
		t.Errorf("the backup lacks %s: %v", email, err)
	}
}

func TestBackupToStdoutAndWhileServing(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	c.orgID("École X")
	dir := t.TempDir()

	// backup - writes the database itself on stdout, the message on stderr.
	r := c.must("", "backup", "-")
	out := filepath.Join(dir, "stdout.db")
	os.WriteFile(out, []byte(r.stdout), 0o600)
	holdsAdmin(t, out, "ada@example.fr")
	if !strings.Contains(r.stderr, "sortie standard") {
		t.Errorf("backup - said %q", r.stderr)
	}

	srv := c.serve()
	// The server holds the file: a local backup asks the server for its copy.
	dest := filepath.Join(dir, "while-serving.db")
	r = c.must("", "backup", dest)
	holdsAdmin(t, dest, "ada@example.fr")
	if st, _ := os.Stat(dest); st == nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the backup's mode: %v", st)
	}
	srv.waitLog("the local backup logged", func(log string) bool { return strings.Contains(log, "local backup served") })

	// Over SSH: ssh server backup - > file, for an admin of every school.
	client := srv.mustDial(signer)
	res := execSSH(t, client, "", "backup -")
	if res.code != 0 {
		t.Fatalf("backup - over SSH: exit %d, %s", res.code, res.stderr)
	}
	remote := filepath.Join(dir, "over-ssh.db")
	os.WriteFile(remote, []byte(res.stdout), 0o600)
	holdsAdmin(t, remote, "ada@example.fr")
	if res := execSSH(t, client, "", "backup /tmp/x.db"); res.code != exitUsage {
		t.Errorf("backup to a server path over SSH: exit %d, want 2", res.code)
	}
	if srv.stop() != 0 {
		t.Errorf("the server did not stop cleanly:\n%s", srv.stderr.String())
	}
	if _, err := os.Stat(backupSocketPath(c.db)); !os.IsNotExist(err) {
		t.Errorf("the backup socket outlived the server: %v", err)
	}
}

func TestBackupOverSSHNeedsEverySchool(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	c.orgID("École X")
	bob := &cli{t: t, db: c.db, user: "bob", env: c.env}
	bob.signUpAndLogin("bob@example.fr", "motdepasse2")
	bob.orgID("Collège Y")
	srv := c.serve()
	res := execSSH(t, srv.mustDial(signer), "", "backup -")
	if res.code == 0 || len(res.stdout) > 0 || !strings.Contains(res.stderr, "chacun") {
		t.Errorf("an admin of one school of two backed up over SSH: exit %d, %d bytes, %q", res.code, len(res.stdout), res.stderr)
	}
}
