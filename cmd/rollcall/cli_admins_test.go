package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

// as is another OS user of the same database: another admin's terminal.
func (c *cli) as(user string) *cli {
	return &cli{t: c.t, db: c.db, user: user, env: c.env}
}

// orgID creates an organization and returns its id.
func (c *cli) orgID(name string) string {
	c.t.Helper()
	var o orgJSON
	c.json(&o, "", "orgs", "create", "--name", name, "--country", "FR")
	return o.ID.String()
}

// joinWithInvite signs a new admin up through an invitation code, verifies and signs them in.
func (c *cli) joinWithInvite(code, name, email, password string) {
	c.t.Helper()
	var s signupJSON
	c.json(&s, code+"\n", "signup", "--invited", "--name", name, "--email", email, "--language", "en", "--country", "BE")
	c.must(s.Code+"\n"+password+"\n", "verify", "--email", email, "--password-stdin")
	c.must(password+"\n", "login", "--email", email, "--password-stdin")
	c.must("", "accept-terms", "--adult", "--accept")
}

func TestAdminsInviteJoinActRemove(t *testing.T) {
	t.Parallel()
	ada := newCLI(t)
	ada.signUpAndLogin("ada@example.fr", "motdepasse1")
	x, y := ada.orgID("École X"), ada.orgID("Collège Y")

	var dry invitationJSON
	ada.json(&dry, "", "admins", "invite", "--org", x, "--email", "carl@example.fr", "--dry-run")
	if !dry.DryRun || dry.Code != "" {
		t.Errorf("dry-run invitation: %+v", dry)
	}
	r := ada.must("", "admins", "invite", "--org", x, "--email", "carl@example.fr")
	code := strings.TrimSpace(r.stdout)
	if len(strings.ReplaceAll(code, "-", "")) != 12 || !strings.Contains(r.stderr, "signup --invited") || !strings.Contains(r.stderr, code+" à l'invite") {
		t.Fatalf("invite printed %q on stdout and %q on stderr: want the code, and how to use it", r.stdout, r.stderr)
	}

	carl := ada.as("carl")
	if r := carl.run(code+"\n", "signup", "--invited", "--name", "Mallory", "--email", "mallory@example.fr", "--country", "FR"); r.code != exitInvalid ||
		!strings.Contains(r.stderr, "another email address") {
		t.Errorf("signup with someone else's invitation: exit %d, %q", r.code, r.stderr)
	}
	if r := carl.run("AAAA-BBBB-CCCC\n", "signup", "--invited", "--name", "Carl", "--email", "carl@example.fr", "--country", "FR"); r.code != exitInvalid {
		t.Errorf("signup with an unknown code: exit %d, %q", r.code, r.stderr)
	}
	carl.joinWithInvite(code, "Carl Invité", "carl@example.fr", "motdepasse2")
	var orgs []orgJSON
	carl.json(&orgs, "", "orgs", "list")
	if len(orgs) != 1 || orgs[0].ID.String() != x {
		t.Fatalf("Carl's organizations: %+v, want École X only", orgs)
	}
	var added userJSON
	carl.json(&added, "", "users", "add", "--profile", "student", "--last-name", "Durand", "--first-name", "Léa")
	if r := carl.run("", "users", "add", "--org", y, "--profile", "student", "--last-name", "Intrus", "--first-name", "I"); r.code != exitNotFound {
		t.Errorf("Carl adding a user to Y: exit %d, want %d", r.code, exitNotFound)
	}

	var list adminsListJSON
	ada.json(&list, "", "admins", "list")
	// By name: "Carl Invité" before Ada, whose signup named her "Marie Curie".
	if len(list.Admins) != 2 || list.Admins[0].Email != "carl@example.fr" || list.Admins[1].Email != "ada@example.fr" ||
		!list.Admins[1].You || list.Admins[0].You {
		t.Errorf("Ada's admins list: %+v", list.Admins)
	}
	var log []auditJSON
	ada.json(&log, "", "admins", "log", "--admin", "carl@example.fr")
	if len(log) != 2 || log[0].Action != "users.create" || log[0].Detail != added.Login || log[1].Action != "admins.join" {
		t.Errorf("Ada's log of Carl's changes: %+v", log)
	}
	if r := ada.run("", "admins", "remove", "ada@example.fr", "--org", y); r.code != exitConflict || !strings.Contains(r.stderr, "dernier administrateur") {
		t.Errorf("removing the last admin of Y: exit %d, %q", r.code, r.stderr)
	}
	var removed removedJSON
	ada.json(&removed, "", "admins", "remove", "carl@example.fr")
	if len(removed.OrgIDs) != 1 || removed.OrgIDs[0].String() != x {
		t.Errorf("removed: %+v", removed)
	}
	carl.json(&orgs, "", "orgs", "list")
	if len(orgs) != 0 {
		t.Errorf("after removal Carl still administers %+v", orgs)
	}
	if r := carl.run("", "users", "show", added.Login); r.code != exitNotFound {
		t.Errorf("after removal Carl still reads X's user: exit %d", r.code)
	}
	if r := ada.run("", "admins", "remove", "carl@example.fr"); r.code != exitNotFound {
		t.Errorf("removing Carl twice: exit %d, want %d", r.code, exitNotFound)
	}
}

func TestAdminsJoinWithAnExistingAccount(t *testing.T) {
	t.Parallel()
	ada := newCLI(t)
	ada.signUpAndLogin("ada@example.fr", "motdepasse1")
	x := ada.orgID("École X")
	bob := ada.as("bob")
	var s signupJSON
	bob.json(&s, "", "signup", "--name", "Bob", "--email", "bob@example.fr", "--country", "FR")
	bob.must(s.Code+"\nmotdepasse3\n", "verify", "--email", "bob@example.fr", "--password-stdin")
	bob.must("motdepasse3\n", "login", "--email", "bob@example.fr", "--password-stdin")
	bob.must("", "accept-terms", "--adult", "--accept")
	var inv invitationJSON
	ada.json(&inv, "", "admins", "invite", "--org", x)
	bob.must(inv.Code+"\n", "admins", "join", "--dry-run")
	var joined orgJSON
	bob.json(&joined, inv.Code+"\n", "admins", "join")
	if joined.ID.String() != x {
		t.Errorf("Bob joined %+v, want École X", joined)
	}
	if r := bob.run(inv.Code+"\n", "admins", "join"); r.code != exitInvalid {
		t.Errorf("joining with a spent code: exit %d, want %d (%s)", r.code, exitInvalid, r.stderr)
	}
	var pending invitationJSON
	ada.json(&pending, "", "admins", "invite", "--org", x)
	ada.must("", "admins", "uninvite", pending.ID.String())
	var list adminsListJSON
	ada.json(&list, "", "admins", "list")
	if len(list.Invitations) != 0 || len(list.Admins) != 2 {
		t.Errorf("after uninvite: %+v", list)
	}
}

// newKeyFiles writes an Ed25519 key pair for a test: the private key (OpenSSH format, 0600)
// and the .pub beside it. It returns the private key's path and a signer.
func newKeyFiles(t testing.TB, comment string) (string, ssh.Signer) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, comment)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "id_ed25519")
	if err := os.WriteFile(path, pemEncode(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sshPub, _ := ssh.NewPublicKey(pub)
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sshPub))) + " " + comment + "\n"
	if err := os.WriteFile(path+".pub", []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return path, signer
}

func TestSSHKeysThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("ada@example.fr", "motdepasse1")
	path, signer := newKeyFiles(t, "ada@laptop")
	var added []sshKeyJSON
	c.json(&added, "", "ssh-keys", "add", path+".pub")
	want := ssh.FingerprintSHA256(signer.PublicKey())
	if len(added) != 1 || added[0].Fingerprint != want || added[0].Comment != "ada@laptop" {
		t.Fatalf("added %+v, want fingerprint %s", added, want)
	}
	if r := c.run("", "ssh-keys", "add", path+".pub"); r.code != exitConflict {
		t.Errorf("adding the same key twice: exit %d", r.code)
	}
	if r := c.run("ssh-rsa AAAA not a key\n", "ssh-keys", "add", "-"); r.code != exitInvalid || !strings.Contains(r.stderr, "pas une clé publique SSH") {
		t.Errorf("a bad key on stdin: exit %d, %q", r.code, r.stderr)
	}
	if r := c.run("", "ssh-keys", "add", path); r.code != exitInvalid {
		t.Errorf("the private key file: exit %d, want %d", r.code, exitInvalid)
	}
	_, other := newKeyFiles(t, "")
	otherLine := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(other.PublicKey())))
	c.must("", "ssh-keys", "add", "--key", otherLine, "--dry-run")
	var keys []sshKeyJSON
	c.json(&keys, "", "ssh-keys", "list")
	if len(keys) != 1 {
		t.Errorf("a dry run added a key: %+v", keys)
	}
	c.must("", "ssh-keys", "remove", "ada@laptop")
	c.json(&keys, "", "ssh-keys", "list")
	if len(keys) != 0 {
		t.Errorf("after remove: %+v", keys)
	}
}

// TestImportHistorySaysWhoImported: with several admins on a school, each run names its author.
func TestImportHistorySaysWhoImported(t *testing.T) {
	t.Parallel()
	ada := newCLI(t)
	ada.signUpAndLogin("ada@example.fr", "motdepasse1")
	ada.orgID("École X")
	file := filepath.Join(t.TempDir(), "CSV_Students.csv")
	os.WriteFile(file, []byte("externalID;First name*;Last name*;Birthdate*;Email;Class\r\n"+
		"S-1;Léa;MARTIN;01/03/2014;;6A\r\nS-2;Théo;DURAND;02/03/2014;;6A\r\n"), 0o600)
	ada.must("", "import", file)
	var history []struct {
		AdminEmail string `json:"admin_email"`
	}
	ada.json(&history, "", "import", "history")
	if len(history) != 1 || history[0].AdminEmail != "ada@example.fr" {
		t.Errorf("import history: %+v, want the run by ada@example.fr", history)
	}
	if r := ada.must("", "import", "history"); !strings.Contains(r.stdout, "ada@example.fr") {
		t.Errorf("the history's text does not name who imported:\n%s", r.stdout)
	}
	var log []auditJSON
	ada.json(&log, "", "admins", "log", "--action", "import.")
	if len(log) != 1 || log[0].AdminEmail != "ada@example.fr" || !strings.Contains(log[0].Detail, "2 created") {
		t.Errorf("the log of imports: %+v", log)
	}
}
