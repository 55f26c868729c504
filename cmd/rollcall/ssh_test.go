package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"
)

// sshAdmin is an admin with a registered key, and a database with a school and its demo users.
func sshAdmin(t *testing.T) (*cli, string, ssh.Signer) {
	t.Helper()
	c := newCLI(t)
	c.signUpAndLogin("ada@example.fr", "motdepasse1")
	path, signer := newKeyFiles(t, "ada@laptop")
	c.must("", "ssh-keys", "add", path+".pub")
	return c, path, signer
}

func TestSSHRefusesUnknownKeysAndPasswordsByDefault(t *testing.T) {
	t.Parallel()
	c, _, _ := sshAdmin(t)
	srv := c.serve()
	_, stranger := newKeyFiles(t, "")
	if _, err := srv.dial(ssh.PublicKeys(stranger)); err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("an unknown key: %v, want an authentication failure", err)
	}
	if _, err := srv.dial(ssh.Password("motdepasse1")); err == nil {
		t.Error("a password was accepted without --password-auth")
	}
	srv.waitLog("the refusal logged", func(log string) bool {
		return strings.Contains(log, "ssh key refused") && strings.Contains(log, ssh.FingerprintSHA256(stranger.PublicKey()))
	})
	if strings.Contains(srv.stderr.String(), "motdepasse1") {
		t.Error("the server logged a password")
	}
	if st, err := os.Stat(srv.hostKey); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("host key file: %v, mode %v; want 0600", err, st.Mode().Perm())
	}
}

func TestSSHExecRunsTheCLIAsTheKeysAdmin(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	c.must("", "demo")
	srv := c.serve()
	client := srv.mustDial(signer)

	r := execSSH(t, client, "", "users list --profile teacher --json")
	var list usersListJSON
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &list) != nil || list.Total == 0 || list.Users[0].Profile != "teacher" {
		t.Fatalf("users list over SSH: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	var who whoamiJSON
	r = execSSH(t, client, "", "whoami --json")
	if json.Unmarshal([]byte(r.stdout), &who) != nil || who.Admin.Email != "ada@example.fr" || who.Database != "" {
		t.Errorf("whoami over SSH: %q (the server's file path must not show)", r.stdout)
	}
	if r := execSSH(t, client, "", "users show nobody.here"); r.code != exitNotFound {
		t.Errorf("a missing user: exit %d, want %d (stderr %q)", r.code, exitNotFound, r.stderr)
	}
	if r := execSSH(t, client, "", "users list --profile wizard"); r.code != exitInvalid {
		t.Errorf("a bad flag value: exit %d, want %d", r.code, exitInvalid)
	}
	for _, cmdline := range []string{"import /etc/passwd", "backup /tmp/x.db", "--db /tmp/other.db whoami",
		"users export -o /tmp/out.csv", "ssh-keys add /etc/ssh/ssh_host_ed25519_key.pub", "serve", "logout", ""} {
		r := execSSH(t, client, "", cmdline)
		if r.code != exitUsage {
			t.Errorf("%q over SSH: exit %d, want %d (refused); stderr %q", cmdline, r.code, exitUsage, r.stderr)
		}
	}
	// stdin reaches the command: a key piped through ssh.
	_, second := newKeyFiles(t, "")
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(second.PublicKey()))) + " second\n"
	if r := execSSH(t, client, line, "ssh-keys add -"); r.code != 0 {
		t.Errorf("ssh-keys add - over SSH: exit %d, %q", r.code, r.stderr)
	}
	execSSH(t, client, "", "users add --org 1 --profile student --last-name Remote --first-name Rémi")
	if srv.stop() != 0 {
		t.Fatalf("server exit:\n%s", srv.stderr.String())
	}
	log := srv.stderr.String()
	for _, want := range []string{"ssh command", "command=\"users list\"", "admin=ada@example.fr", "remote=127.0.0.1:"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	// Written over SSH, read back locally once the server let the file go.
	var found usersListJSON
	c.json(&found, "", "users", "list", "--search", "Remote Rémi")
	if found.Total != 1 {
		t.Errorf("the user added over SSH: %d found", found.Total)
	}
	var keys []sshKeyJSON
	c.json(&keys, "", "ssh-keys", "list")
	if len(keys) != 2 {
		t.Errorf("keys after adding one over SSH: %+v", keys)
	}
}

func TestSSHConcurrentWritesAreAllKept(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	org := c.orgID("École Concurrente")
	srv := c.serve()
	const sessions = 20
	var wg sync.WaitGroup
	results := make([]execResult, sessions)
	for i := range sessions {
		wg.Go(func() {
			client := srv.mustDial(signer) // one connection each: 20 SSH connections at once
			results[i] = execSSH(t, client, "", fmt.Sprintf("users add --org %s --profile student --last-name Parallel%02d --first-name Élève --json", org, i))
		})
	}
	wg.Wait()
	logins := map[string]bool{}
	for i, r := range results {
		var u userJSON
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &u) != nil {
			t.Errorf("session %d: exit %d, %q", i, r.code, r.stderr)
			continue
		}
		logins[u.Login] = true
	}
	client := srv.mustDial(signer)
	var list usersListJSON
	r := execSSH(t, client, "", "users list --search parallel --json")
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || list.Total != sessions || len(logins) != sessions {
		t.Fatalf("after %d concurrent adds: %d users listed, %d distinct logins (%v, %q)", sessions, list.Total, len(logins), err, r.stderr)
	}
	for _, u := range list.Users {
		if !logins[u.Login] {
			t.Errorf("listed %s, which no session reported", u.Login)
		}
	}
}

func TestSSHPasswordAuthIsOptInAndSlowedDown(t *testing.T) {
	t.Parallel()
	c, _, _ := sshAdmin(t)
	srv := c.serve("--password-auth")
	dialAs := func(user, pw string) error {
		cfg := &ssh.ClientConfig{User: user, Auth: []ssh.AuthMethod{ssh.Password(pw)},
			HostKeyCallback: ssh.InsecureIgnoreHostKey()}
		client, err := ssh.Dial("tcp", srv.addr, cfg)
		if err == nil {
			r := execSSH(t, client, "", "whoami --json")
			client.Close()
			if !strings.Contains(r.stdout, user) {
				return fmt.Errorf("whoami as %s printed %q", user, r.stdout)
			}
		}
		return err
	}
	if err := dialAs("ada@example.fr", "motdepasse1"); err != nil {
		t.Fatalf("the right password: %v", err)
	}
	for range 3 {
		if err := dialAs("ada@example.fr", "wrong-guess1"); err == nil {
			t.Fatal("a wrong password was accepted")
		}
	}
	// The address failed too often: even the right password waits its turn.
	if err := dialAs("ada@example.fr", "motdepasse1"); err == nil {
		t.Error("right after repeated failures the address should be held back")
	}
	srv.waitLog("the throttle logged", func(log string) bool { return strings.Contains(log, "address throttled") })
	for _, secret := range []string{"motdepasse1", "wrong-guess1"} {
		if strings.Contains(srv.stderr.String(), secret) {
			t.Errorf("the server logged the password %q", secret)
		}
	}
}

func TestSSHWithTheOpenSSHClient(t *testing.T) {
	t.Parallel()
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("OpenSSH client not installed (.ci/run installs openssh-client)")
	}
	c, keyPath, _ := sshAdmin(t)
	srv := c.serve()
	host, port, _ := strings.Cut(srv.addr, ":")
	known := t.TempDir() + "/known_hosts"
	pub, err := os.ReadFile(srv.hostKey + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(known, []byte("[127.0.0.1]:"+port+" "+string(pub)), 0o600)
	cmd := exec.Command(sshBin, "-F", "/dev/null", "-p", port, "-i", keyPath, "-o", "IdentitiesOnly=yes",
		"-o", "BatchMode=yes", "-o", "UserKnownHostsFile="+known, "-o", "StrictHostKeyChecking=yes",
		host, "whoami", "--json")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ssh whoami: %v\n%s\nserver:\n%s", err, out, srv.stderr.String())
	}
	var who whoamiJSON
	if json.Unmarshal(out, &who) != nil || who.Admin.Email != "ada@example.fr" {
		t.Errorf("ssh whoami --json printed %q", out)
	}
	cmd = exec.Command(sshBin, "-F", "/dev/null", "-p", port, "-i", keyPath, "-o", "IdentitiesOnly=yes",
		"-o", "BatchMode=yes", "-o", "UserKnownHostsFile="+known, host, "users", "show", "nobody")
	if err := cmd.Run(); err == nil || cmd.ProcessState.ExitCode() != exitNotFound {
		t.Errorf("ssh users show nobody: %v, want exit %d", err, exitNotFound)
	}
}
