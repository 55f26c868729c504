package main

import (
	"strings"
	"testing"
)

// Each school has its own settings: an admin reads and changes only their schools', and the
// school's log says who changed them.
func TestSettingsAreEachSchoolsOwn(t *testing.T) {
	t.Parallel()
	ada := newCLI(t)
	ada.signUpAndLogin("ada@example.fr", "motdepasse1")
	x, y := ada.orgID("École X"), ada.orgID("Collège Y")
	code := strings.TrimSpace(ada.must("", "admins", "invite", "--org", x, "--email", "carl@example.fr").stdout)
	carl := ada.as("carl")
	carl.joinWithInvite(code, "Carl", "carl@example.fr", "motdepasse2")

	carl.must("", "settings", "smtp", "--host", "smtp.x.example", "--from", "it@x.example", "--activation-url", "https://x.example/ent")
	for _, args := range [][]string{{"settings", "smtp", "--org", y, "--host", "smtp.evil.example", "--from", "a@evil.example"},
		{"settings", "show", "--org", y}, {"settings", "password-policy", "--org", y, "--profile", "student"}} {
		if r := carl.run("", args...); r.code != exitNotFound || strings.Contains(r.stdout, "Collège Y") {
			t.Errorf("carl %v: exit %d, %s", args, r.code, r.stdout)
		}
	}
	var s settingsJSON
	ada.json(&s, "", "settings", "show", "--org", y)
	if s.Host != "" || s.ActivationURL != "" || s.OrgName != "Collège Y" {
		t.Errorf("school Y got school X's settings: %+v", s)
	}
	ada.json(&s, "", "settings", "show", "--org", x)
	if s.Host != "smtp.x.example" || s.ActivationURL != "https://x.example/ent" {
		t.Errorf("school X's settings: %+v", s)
	}
	if r := ada.run("", "settings", "show"); r.code == 0 {
		t.Errorf("settings show for an admin of two schools without --org: exit 0")
	}

	r := carl.must("", "settings", "password-policy", "--profile", "student", "--min-length", "10", "--classes", "upper,lower,digit,special")
	if !strings.Contains(r.stderr, "École X") {
		t.Errorf("password-policy said %q", r.stderr)
	}
	if r := carl.run("", "settings", "password-policy", "--profile", "student", "--classes", "emoji"); r.code != exitInvalid {
		t.Errorf("an unknown class: exit %d", r.code)
	}
	ada.json(&s, "", "settings", "show", "--org", x)
	if p := s.PasswordPolicies[0]; p.Profile != "student" || p.MinLength != 10 || strings.Join(p.Classes, ",") != "upper,lower,digit,special" {
		t.Errorf("student policy %+v", p)
	}
	carl.must("", "settings", "password-policy", "--profile", "student", "--min-length", "12") // the classes stay
	ada.json(&s, "", "settings", "show", "--org", x)
	if p := s.PasswordPolicies[0]; p.MinLength != 12 || strings.Join(p.Classes, ",") != "upper,lower,digit,special" {
		t.Errorf("student policy after changing its length only: %+v", p)
	}
	log := ada.must("", "admins", "log", "--org", x, "--action", "settings.").stdout
	if strings.Count(log, "carl@example.fr") != 3 { // the mail settings and two policy changes
		t.Errorf("school X's log of settings changes:\n%s", log)
	}
	if log := ada.must("", "admins", "log", "--org", y, "--action", "settings.").stdout; strings.Contains(log, "carl") {
		t.Errorf("school Y's log names carl:\n%s", log)
	}
}
