package e2e

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestConsoleClosesAndUndoesTheYear: y on the home screen opens the year's turn; its form
// (school, year, classes, pattern, grace period) shows the whole plan, and the confirmation
// closes the year; after a restart, h lists the turn and u undoes it.
func TestConsoleClosesAndUndoesTheYear(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	classes := func() (archived, inUse int) {
		var list []struct {
			Archived string `json:"archived"`
			Members  int    `json:"members"`
		}
		if err := json.Unmarshal([]byte(rollcall(t, dir, "", "classes", "list", "--json")), &list); err != nil {
			t.Fatal(err)
		}
		for _, c := range list {
			if c.Archived != "" {
				archived++
			} else if c.Members > 0 {
				inUse++
			}
		}
		return archived, inUse
	}
	_, before := classes()
	if before == 0 {
		t.Fatal("the demo's classes have no members")
	}

	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie")
	term.keys("y")
	term.waitFocus("School")
	term.keys("Enter")
	term.waitFocus("School year closed")
	term.keys("Enter")
	term.waitFocus("Classes")
	term.keys("Enter")
	term.waitFocus("Rename pattern")
	term.keys("Enter")
	term.fill("Deletion grace (days)", "0")
	screen := term.waitText("Closing the school year", "Close the year as planned?")
	if !strings.Contains(screen, "3e A → 3e A (") || !strings.Contains(screen, "pending deletion since") {
		t.Errorf("the plan does not name the classes and the people deleted:\n%s", screen)
	}
	term.keys("y")
	term.waitText("closed (#1)", "Years' turns", "#1")
	term.keys("Escape")
	term.waitFocus("School")
	term.keys("Escape")
	term.waitText("Home")
	term.keys("q")
	term.waitText("EXITED:0")
	// The first school's classes are archived, empty; the other school's keep their pupils.
	if archived, inUse := classes(); archived == 0 || inUse != before-archived {
		t.Fatalf("after the turn: %d classes archived, %d with members of %d", archived, inUse, before)
	}

	term = console(t, dir)
	term.waitText("Home")
	term.keys("y")
	term.waitFocus("School")
	term.keys("h")
	term.waitText("Years' turns", "#1")
	term.keys("u")
	term.waitText("Undo the year's turn #1")
	term.keys("y")
	term.waitText("Year's turn #1 undone", "undone ·")
	term.keys("q")
	term.waitText("EXITED:0")
	if archived, inUse := classes(); archived != 0 || inUse != before {
		t.Errorf("after the undo: %d classes archived, %d with members of %d", archived, inUse, before)
	}
}
