package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestConsolePolicyFormStartsFromTheSchools: the staff rules set through the CLI are what the
// console's password rules form shows for that profile; saving it unchanged keeps them.
func TestConsolePolicyFormStartsFromTheSchools(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	rollcall(t, dir, "", "settings", "password-policy", "--org", "all", "--profile", "staff", "--min-length", "12", "--classes", "upper,special")

	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie")
	term.keys("Down", "Down", "Down", "Down", "Enter") // Mail merge, the fifth area
	term.waitText("Mail merge", "selected ·", "First card")
	term.keys("w")
	term.waitFocus("Profile")
	term.keys("Down", "Down", "Down", "Enter") // Student, Teacher, Parent, Staff
	term.waitFocus("Fewest characters (8 to 64)")
	screen := term.waitText("Staff", "> 12")
	if !strings.Contains(screen, "[•] an upper-case letter") || strings.Contains(screen, "[•] a digit") {
		t.Errorf("the form does not tick the school's classes:\n%s", screen)
	}
	term.keys("Enter")
	term.waitFocus("Each password must hold")
	term.keys("Enter")
	term.waitText("Password policy of the Staff profile saved")
	term.keys("q")
	term.waitText("EXITED:0")

	var orgs []struct {
		ID json.Number `json:"id"`
	}
	if err := json.Unmarshal([]byte(rollcall(t, dir, "", "orgs", "list", "--json")), &orgs); err != nil || len(orgs) == 0 {
		t.Fatalf("orgs list --json: %v", err)
	}
	for _, o := range orgs {
		var s struct {
			Policies []struct {
				Profile   string   `json:"profile"`
				MinLength int      `json:"min_length"`
				Classes   []string `json:"classes"`
			} `json:"password_policies"`
		}
		out := rollcall(t, dir, "", "settings", "show", "--org", o.ID.String(), "--json")
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatalf("settings show --json: %v\n%s", err, out)
		}
		got := ""
		for _, p := range s.Policies {
			if p.Profile == "staff" {
				got = fmt.Sprint(p.MinLength, p.Classes)
			}
		}
		if got != "12 [upper special]" {
			t.Errorf("school %s's staff rules after saving the form unchanged: %s", o.ID, got)
		}
	}
}
