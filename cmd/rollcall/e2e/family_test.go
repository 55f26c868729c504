package e2e

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestParentsOfAClassInTheConsole is the ENT's mail-merge example, "the parents of 3e A": the
// Users screen's profile and class filters reach parents through their children and count
// exactly what `rollcall users list --profile parent --class "3e A"` returns; then the seats
// of a whole class, 24 pupils with or without an email, from the Subscriptions screen.
func TestParentsOfAClassInTheConsole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	var listed struct {
		Total int `json:"total"`
		Users []struct {
			Login    string   `json:"login"`
			Children []string `json:"children"`
		} `json:"users"`
	}
	out := rollcall(t, dir, "", "users", "list", "--profile", "parent", "--class", "3e A", "--json")
	if err := json.Unmarshal([]byte(out), &listed); err != nil || listed.Total == 0 {
		t.Fatalf("users list --json: %v\n%s", err, out)
	}

	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie")
	term.keys("Down", "Enter") // Users, the second area
	term.waitMatch(usersCount)
	term.waitText("› Search", "Last name")
	term.keys("Down", "Right", "Right", "Space") // profiles: parent
	term.waitText("[x] Parent")
	term.keys("Down", "Enter") // classes: the picker
	term.waitText("Classes to show")
	term.text("3e A")
	term.keys("Enter")
	term.waitText("[x] 3e A")
	term.keys("Escape")
	term.waitFor("the picker to close", func(s string) bool { return !strings.Contains(s, "Classes to show") })
	want := strconv.Itoa(listed.Total)
	screen := term.waitFor(want+" parents on screen", func(s string) bool {
		m := usersCount.FindStringSubmatch(s)
		return m != nil && m[1] == want && !strings.Contains(s, "filtering…")
	})
	for i, u := range listed.Users {
		if i < 5 && !strings.Contains(screen, u.Login) {
			t.Errorf("%s, listed by the CLI, is not on screen", u.Login)
		}
	}
	term.keys("q")
	term.waitText("EXITED:0")

	// The seats of a whole class, through the CLI the console shares: every pupil of 5e A.
	var subs struct {
		Subscriptions []struct {
			ID    int    `json:"id"`
			Order string `json:"order_number"`
		} `json:"subscriptions"`
	}
	if err := json.Unmarshal([]byte(rollcall(t, dir, "", "subs", "list", "--org", "1", "--json")), &subs); err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, s := range subs.Subscriptions {
		if s.Order == "DEMO-1001" {
			id = strconv.Itoa(s.ID)
		}
	}
	rollcall(t, dir, "", "seats", "sync", id, "--directory", "--class", "5e A", "--profile", "student")
	term = console(t, dir)
	term.waitText("Home", "› Subscriptions")
	term.keys("Enter")
	term.waitMatch(regexp.MustCompile(`Manuels numériques .*64/120`))
	term.keys("q")
	term.waitText("EXITED:0")
}
