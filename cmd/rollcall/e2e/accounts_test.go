package e2e

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// usersJSON is the part of users list --json these tests read.
type usersJSON struct {
	Total int `json:"total"`
	Users []struct {
		Login     string `json:"login"`
		Suspended bool   `json:"suspended"`
	} `json:"users"`
}

func listUsers(t *testing.T, dir string, args ...string) usersJSON {
	t.Helper()
	var out usersJSON
	raw := rollcall(t, dir, "", append([]string{"users", "list", "--json"}, args...)...)
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatalf("users list --json: %v\n%s", err, raw)
	}
	return out
}

// TestUsersScreenLevelAndBulkSuspend: the Level row filters as --level does, v marks a row, b
// suspends it after a confirmation telling how many, and the CLI then lists it as suspended;
// b on the filtered list asks about all of them, and no leaves them be.
func TestUsersScreenLevelAndBulkSuspend(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	level := listUsers(t, dir, "--level", "6e")
	if level.Total == 0 {
		t.Fatal("the demo has nobody in 6e")
	}
	first := firstCell(t, dir)

	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie")
	term.keys("Down", "Enter") // Users
	term.waitText("› Search", "Last name", "Activation code")
	term.keys("Up") // from the search, up wraps to the last row: the level
	term.waitText("› Level")
	term.text("6e")
	want := strconv.Itoa(level.Total)
	term.waitFor(want+" users on screen", func(s string) bool {
		m := usersCount.FindStringSubmatch(s)
		return m != nil && m[1] == want && !strings.Contains(s, "filtering…")
	})

	term.keys("Tab")
	term.waitText("› " + first)
	term.keys("v")
	term.waitText("1 user marked")
	term.keys("b")
	term.waitFocus("Action")
	term.keys("Enter")
	term.waitText("Suspend: 1 user. Go ahead?")
	term.keys("y")
	term.waitText("1 user suspended.", "suspended")

	term.keys("b") // no row marked now: the whole filtered list
	term.waitFocus("Action")
	term.keys("Enter")
	term.waitText("Suspend: " + want + " users. Go ahead?")
	term.keys("n")
	term.waitFor("the list again", func(s string) bool { return !strings.Contains(s, "Go ahead?") })
	term.keys("q")
	term.waitText("EXITED:0")

	// The console has closed the database: the CLI sees what it did.
	suspended := listUsers(t, dir, "--suspended", "yes")
	if suspended.Total != 1 || suspended.Users[0].Login != level.Users[0].Login || !suspended.Users[0].Suspended {
		t.Fatalf("the CLI lists %+v as suspended; want %s only (answering no changed nobody)", suspended, level.Users[0].Login)
	}
}

// firstCell is the last name of the first person of 6e, as the list shows them first.
func firstCell(t *testing.T, dir string) string {
	t.Helper()
	var out struct {
		Users []struct {
			LastName string `json:"last_name"`
		} `json:"users"`
	}
	raw := rollcall(t, dir, "", "users", "list", "--level", "6e", "--limit", "1", "--json")
	if err := json.Unmarshal([]byte(raw), &out); err != nil || len(out.Users) == 0 {
		t.Fatalf("users list: %v\n%s", err, raw)
	}
	return out.Users[0].LastName
}
