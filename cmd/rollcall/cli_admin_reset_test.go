package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rollcall/mailmerge/smtptest"
)

var adminCodeRE = regexp.MustCompile(`[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}`)

// An admin who forgot their password gets a code by email through their school's server, once;
// without email, another admin of the same school issues it, and only them.
func TestResetAdminPassword(t *testing.T) {
	t.Parallel()
	ada := newCLI(t)
	ada.signUpAndLogin("ada@example.fr", "motdepasse1")
	x := ada.orgID("École X")
	srv := smtptest.Start(t, smtptest.Options{})
	ada.must("", "settings", "smtp", "--org", x, "--host", srv.Host(), "--port", strconv.Itoa(srv.Port()),
		"--security", "none", "--from", "it@x.example")

	r := ada.must("", "reset-admin-password", "--email", "ada@example.fr")
	unknown := ada.must("", "reset-admin-password", "--email", "nobody@example.fr")
	if strings.Replace(r.stderr, "ada@example.fr", "nobody@example.fr", 1) != unknown.stderr {
		t.Errorf("a known and an unknown email are answered differently:\n%s\n%s", r.stderr, unknown.stderr)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "ada@example.fr" {
		t.Fatalf("messages: %+v", msgs)
	}
	code := adminCodeRE.FindString(msgs[0].Text)
	if r := ada.run("ZZZZ-ZZZZ-ZZZZ\nnouveau2mdp\n", "reset-admin-password", "--email", "ada@example.fr", "--use-code", "--password-stdin"); r.code != exitInvalid {
		t.Errorf("a wrong code: exit %d", r.code)
	}
	ada.must(code+"\nnouveau2mdp\n", "reset-admin-password", "--email", "ada@example.fr", "--use-code", "--password-stdin")
	if r := ada.run(code+"\ntroisieme3\n", "reset-admin-password", "--email", "ada@example.fr", "--use-code", "--password-stdin"); r.code != exitInvalid {
		t.Errorf("the code twice: exit %d", r.code)
	}
	ada.must("nouveau2mdp\n", "login", "--email", "ada@example.fr", "--password-stdin")

	ada.must("", "admins", "invite", "--org", x, "--email", "carl@example.fr") // emailed through school X's server
	msgs = srv.Messages()
	invite := adminCodeRE.FindString(msgs[len(msgs)-1].Text)
	carl := ada.as("carl")
	var su signupJSON
	carl.json(&su, invite+"\n", "signup", "--invited", "--name", "Carl", "--email", "carl@example.fr", "--language", "en", "--country", "BE")
	msgs = srv.Messages()
	if !su.CodeEmailed || msgs[len(msgs)-1].To[0] != "carl@example.fr" {
		t.Fatalf("an invited admin's verification code goes through the inviting school's server: %+v", su)
	}
	verify := regexp.MustCompile(`[0-9A-Z]{4}-[0-9A-Z]{4}`).FindString(msgs[len(msgs)-1].Text)
	carl.must(verify+"\nmotdepasse2\n", "verify", "--email", "carl@example.fr", "--password-stdin")
	carl.must("motdepasse2\n", "login", "--email", "carl@example.fr", "--password-stdin")
	carl.must("", "accept-terms", "--adult", "--accept")
	bob := ada.as("bob")
	bob.signUpAndLogin("bob@example.fr", "motdepasse3")
	if r := bob.run("", "reset-admin-password", "--for", "carl@example.fr"); r.code != exitNotFound || adminCodeRE.MatchString(r.stdout) {
		t.Errorf("an admin of another school issues carl's code: exit %d %q", r.code, r.stdout)
	}
	issued := strings.TrimSpace(ada.must("", "reset-admin-password", "--for", "carl@example.fr").stdout)
	if !adminCodeRE.MatchString(issued) {
		t.Fatalf("issued %q", issued)
	}
	carl.must(issued+"\nnouveau4mdp\n", "reset-admin-password", "--email", "carl@example.fr", "--use-code", "--password-stdin")
	carl.must("nouveau4mdp\n", "login", "--email", "carl@example.fr", "--password-stdin")
	if log := ada.must("", "admins", "log", "--org", x).stdout; !strings.Contains(log, "carl@example.fr") {
		t.Errorf("the school's log does not say who issued carl's code:\n%s", log)
	}
}
