package main

import (
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

// twoSchools is one database holding Ada's demo schools (X is the Collège Jean Moulin, with its
// own SMTP server) and Bob's Lycée Ampère, Bob signed in as another OS user with an SSH key.
type twoSchools struct {
	ada, bob         *cli
	bobKey           ssh.Signer
	x, xUAI, xLogin  string
	xSub             string
	xSecrets         []string // what of X must never reach Bob's screen
	bobOrg, bobLogin string
}

func newTwoSchools(t *testing.T) *twoSchools {
	t.Helper()
	s := &twoSchools{ada: newCLI(t)}
	s.ada.signUpAndLogin("ada@example.fr", "motdepasse1")
	s.ada.must("", "demo")
	var orgs []orgJSON
	s.ada.json(&orgs, "", "orgs", "list")
	for _, o := range orgs {
		if o.Name == "Collège Jean Moulin" {
			s.x, s.xUAI = o.ID.String(), o.Code
		}
	}
	s.ada.must("", "settings", "smtp", "--org", s.x, "--host", "smtp.jean-moulin.example", "--from", "it@jean-moulin.example")
	var list usersListJSON
	s.ada.json(&list, "", "users", "list", "--org", s.x, "--profile", "student", "--limit", "2")
	s.xLogin = list.Users[0].Login
	var subs subsListJSON
	s.ada.json(&subs, "", "subs", "list", "--org", s.x)
	s.xSub = subs.Subscriptions[0].ID.String()
	s.xSecrets = []string{"Jean Moulin", "smtp.jean-moulin.example", list.Users[1].Login, list.Users[1].LastName + " " + list.Users[1].FirstName}

	s.bob = &cli{t: t, db: s.ada.db, user: "bob", env: s.ada.env}
	s.bob.signUpAndLogin("bob@example.fr", "motdepasse2")
	s.bobOrg = s.bob.orgID("Lycée Ampère")
	var u userJSON
	s.bob.json(&u, "", "users", "add", "--profile", "student", "--last-name", "BOBÉLÈVE", "--first-name", "Zoé")
	s.bobLogin = u.Login
	path, signer := newKeyFiles(t, "bob@laptop")
	s.bob.must("", "ssh-keys", "add", path+".pub")
	s.bobKey = signer
	return s
}

// isolationProbe is one thing Bob tries against X, and the exit code it must end with.
type isolationProbe struct {
	args string
	code int
}

func (s *twoSchools) probes() []isolationProbe {
	return []isolationProbe{
		{"users show " + s.xLogin, exitNotFound},
		{"users edit " + s.xLogin + " --last-name Pirate", exitNotFound},
		{"users regen-code " + s.xLogin, exitNotFound},
		{"users predelete " + s.xLogin, exitNotFound},
		{"users set-admin " + s.xLogin, exitNotFound},
		{"users list --org " + s.x, exitNotFound},
		{"users list --org " + s.xUAI, exitNotFound},
		{"users export --org " + s.x + " -o -", exitNotFound},
		{"merge pdf --org " + s.x + " -o -", exitNotFound},
		{"settings show --org " + s.x, exitNotFound},
		{"settings smtp --org " + s.x + " --host evil.example", exitNotFound},
		{"admins log --org " + s.x, exitNotFound},
		{"admins invite --org " + s.x, exitNotFound},
		{"orgs edit " + s.x + " --name Pirate", exitNotFound},
		{"orgs edit " + s.xUAI + " --name Pirate", exitNotFound},
		{"subs list --org " + s.x, exitNotFound},
		{"seats list " + s.xSub, exitNotFound},
		{"classes create --org " + s.x + " --code PIRATES", exitNotFound},
		// What Bob lists is his own.
		{"users list --json", 0},
		{"classes list --json", 0},
		{"subs list --json", 0},
		{"orgs list --json", 0},
		{"admins log --json", 0},
		{"import history --json", 0},
	}
}

// check holds one face's answer to a probe: its exit code, and nothing of X in what it printed.
func (s *twoSchools) check(t *testing.T, face string, p isolationProbe, code int, out string) {
	t.Helper()
	if code != p.code {
		t.Errorf("%s: bob %q: exit %d, want %d\n%s", face, p.args, code, p.code, out)
	}
	for _, secret := range s.xSecrets {
		if strings.Contains(out, secret) {
			t.Errorf("%s: bob %q shows %q of the other school:\n%s", face, p.args, secret, out)
		}
	}
}

// xUnchanged checks, as Ada, that nothing Bob tried changed X.
func (s *twoSchools) xUnchanged(t *testing.T) {
	t.Helper()
	var u userJSON
	s.ada.json(&u, "", "users", "show", s.xLogin)
	if u.LastName == "Pirate" || u.LocalAdmin || !u.PendingSince.IsZero() {
		t.Errorf("X's user changed: %+v", u)
	}
	r := s.ada.must("", "settings", "show", "--org", s.x)
	if !strings.Contains(r.stdout, "smtp.jean-moulin.example") {
		t.Errorf("X's SMTP server changed:\n%s", r.stdout)
	}
	var orgs []orgJSON
	s.ada.json(&orgs, "", "orgs", "list")
	for _, o := range orgs {
		if strings.Contains(o.Name, "Pirate") {
			t.Errorf("X renamed: %+v", o)
		}
	}
}

// TestTwoSchoolsStayApartInEveryFace runs the same attempts of Bob on Ada's school through the
// CLI and over SSH (exec), then looks at Bob's console over SSH: each face refuses in the same
// words and shows nothing of X. (The local console is held in e2e's TestSecondSchoolsConsole.)
func TestTwoSchoolsStayApartInEveryFace(t *testing.T) {
	t.Parallel()
	s := newTwoSchools(t)
	for _, p := range s.probes() {
		r := s.bob.run("", append([]string{"--lang", "en"}, strings.Fields(p.args)...)...)
		s.check(t, "CLI", p, r.code, r.stdout+r.stderr)
	}

	srv := s.ada.serve()
	client := srv.mustDial(s.bobKey)
	for _, p := range s.probes() {
		r := execSSH(t, client, "", "--lang en "+p.args)
		s.check(t, "SSH", p, r.code, r.stdout+r.stderr)
	}

	con := openConsole(t, client, 120, 40)
	con.waitText(0, "Lycée Ampère", "Utilisateurs")
	mark := con.mark()
	con.send("\x1b[B\r") // Users
	con.waitText(mark, s.bobLogin)
	for _, secret := range s.xSecrets {
		if strings.Contains(con.text(), secret) {
			t.Errorf("Bob's console over SSH shows %q of the other school", secret)
		}
	}
	srv.stop()
	s.xUnchanged(t)
}
