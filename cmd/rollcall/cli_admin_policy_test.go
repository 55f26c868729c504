package main

import (
	"strings"
	"testing"
)

// An admin's password follows their schools' staff policy, wherever they choose it: an invited
// admin's verify follows the school's, a reset code follows every school of the admin at once,
// and a refused password leaves the code usable.
func TestAdminPasswordsFollowTheirSchoolsPolicy(t *testing.T) {
	t.Parallel()
	ada := newCLI(t)
	ada.signUpAndLogin("ada@example.fr", "motdepasse1") // no school yet: the default rule
	x, y := ada.orgID("École X"), ada.orgID("Collège Y")
	ada.must("", "settings", "password-policy", "--org", x, "--profile", "staff", "--min-length", "12", "--classes", "upper,digit")
	ada.must("", "settings", "password-policy", "--org", y, "--profile", "staff", "--min-length", "10", "--classes", "special")
	ada.must("", "settings", "password-policy", "--org", y, "--profile", "student", "--min-length", "16") // pupils' rule: not admins'

	invite := strings.TrimSpace(ada.must("", "admins", "invite", "--org", x, "--email", "carl@example.fr").stdout)
	carl := ada.as("carl")
	var su signupJSON
	carl.json(&su, invite+"\n", "signup", "--invited", "--name", "Carl", "--email", "carl@example.fr", "--language", "en", "--country", "FR")
	r := carl.run(su.Code+"\nmotdepasse2\n", "verify", "--email", "carl@example.fr", "--password-stdin")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "at least 12 characters") || !strings.Contains(r.stderr, "upper-case") {
		t.Errorf("verify with a password École X's staff rule refuses: exit %d, %q", r.code, r.stderr)
	}
	carl.must(su.Code+"\nMotdepasse2026\n", "verify", "--email", "carl@example.fr", "--password-stdin") // the code still works
	carl.must("Motdepasse2026\n", "login", "--email", "carl@example.fr", "--password-stdin")
	carl.must("", "accept-terms", "--adult", "--accept")

	code := strings.TrimSpace(carl.must("", "reset-admin-password", "--for", "ada@example.fr").stdout)
	for _, weak := range []string{"Motdepasse2026", "motdepasse#2026", "Mdp#2026ab"} { // breaks Y's, X's, then X's length
		r := ada.run(code+"\n"+weak+"\n", "reset-admin-password", "--email", "ada@example.fr", "--use-code", "--password-stdin")
		if r.code != exitInvalid || strings.Contains(r.stderr, weak) {
			t.Errorf("ada's reset to %s (she administers X and Y): exit %d, %q", weak, r.code, r.stderr)
		}
	}
	ada.must(code+"\nMotdepasse#2026\n", "reset-admin-password", "--email", "ada@example.fr", "--use-code", "--password-stdin")
	ada.must("Motdepasse#2026\n", "login", "--email", "ada@example.fr", "--password-stdin")

	// A stranger with a weak password learns nothing of an email's schools: a wrong code is said first.
	r = ada.run("ZZZZ-ZZZZ-ZZZZ\nmotdepasse9\n", "reset-admin-password", "--email", "ada@example.fr", "--use-code", "--password-stdin")
	unknown := ada.run("ZZZZ-ZZZZ-ZZZZ\nmotdepasse9\n", "reset-admin-password", "--email", "nobody@example.fr", "--use-code", "--password-stdin")
	if r.code != exitInvalid || unknown.code != r.code || strings.Contains(r.stderr, "12") {
		t.Errorf("a wrong code with a weak password: exit %d %q; unknown email: exit %d %q", r.code, r.stderr, unknown.code, unknown.stderr)
	}
}
