package e2e

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// signedInWithDemo creates a verified admin who accepted the terms, signs them in for the OS
// user "e2e" (so the console resumes their session) and loads the demo school, all through
// the CLI (rollcall is the imports test's helper).
func signedInWithDemo(t *testing.T, dir string) {
	t.Helper()
	var s struct {
		Code string `json:"code"`
	}
	out := rollcall(t, dir, "", "signup", "--name", "Marie Curie", "--email", email, "--language", "en", "--country", "FR", "--json")
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.Code == "" {
		t.Fatalf("signup --json: %v\n%s", err, out)
	}
	rollcall(t, dir, s.Code+"\n"+password+"\n", "verify", "--email", email, "--password-stdin")
	rollcall(t, dir, password+"\n", "login", "--email", email, "--password-stdin")
	rollcall(t, dir, "", "accept-terms", "--adult", "--accept")
	rollcall(t, dir, "", "demo")
}

// usersCount matches the Users screen's title line.
var usersCount = regexp.MustCompile(`Users  ([\d,]+) users?  `)

// TestUsersScreenFiltersLikeTheCLI is the directory issue's "same selection through the CLI and
// the TUI": not activated students of 6e A, filtered with the keys of the Users screen, count
// exactly what `rollcall users list` returns for the same filters.
func TestUsersScreenFiltersLikeTheCLI(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	var listed struct {
		Total int `json:"total"`
		Users []struct {
			Login     string   `json:"login"`
			Profile   string   `json:"profile"`
			Classes   []string `json:"classes"`
			Activated bool     `json:"activated"`
		} `json:"users"`
	}
	out := rollcall(t, dir, "", "users", "list", "--profile", "student", "--class", "6e A", "--activated", "no", "--json")
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatalf("users list --json: %v\n%s", err, out)
	}
	if listed.Total == 0 || listed.Total != len(listed.Users) {
		t.Fatalf("the CLI lists %d users for a total of %d", len(listed.Users), listed.Total)
	}

	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie")
	term.keys("Down", "Enter") // Users, the second area
	all := term.waitMatch(usersCount)[1]
	term.waitText("› Search", "Last name", "Activation code")

	term.keys("Down", "Space") // profiles: student
	term.waitText("[x] Student")
	term.keys("Down", "Enter") // classes: the picker
	term.waitText("Classes to show")
	term.text("6e A")
	term.keys("Enter")
	term.waitText("[x] 6e A")
	term.keys("Escape")
	term.waitFor("the picker to close", func(s string) bool { return !strings.Contains(s, "Classes to show") })
	term.keys("Down", "Right", "Right") // activation: not activated
	term.waitText("‹ not activated ›")

	want := strconv.Itoa(listed.Total)
	screen := term.waitFor(want+" users on screen", func(s string) bool {
		m := usersCount.FindStringSubmatch(s)
		return m != nil && m[1] == want && !strings.Contains(s, "filtering…")
	})
	if !regexp.MustCompile(`Classes +6e A `).MatchString(screen) {
		t.Errorf("the class filter is not shown:\n%s", screen)
	}
	for _, u := range listed.Users {
		if !strings.Contains(screen, u.Login) {
			t.Errorf("%s, listed by the CLI, is not on screen", u.Login)
		}
		if u.Profile != "student" || u.Activated || len(u.Classes) != 1 || u.Classes[0] != "6e A" {
			t.Errorf("the CLI listed %+v", u)
		}
	}
	if all == want {
		t.Errorf("the filters did not narrow anything: %s users before and after", all)
	}

	term.keys("q")
	term.waitText("EXITED:0")
}
