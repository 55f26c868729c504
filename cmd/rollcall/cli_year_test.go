package main

import (
	"slices"
	"strings"
	"testing"

	"rollcall/storage/postgres/pgtest"
)

// yearState is what a year's turn changes, read through the CLI: every user (pending ones
// too), every class, the seats of one subscription and one pupil as users show has them.
type yearState struct {
	users, classes, seats, pupil string
}

func readYearState(t *testing.T, c *cli, sub, pupil string) yearState {
	t.Helper()
	seats := c.must("", "seats", "list", sub, "--json").stdout
	var s seatsListJSON
	if err := jsonUnmarshal(seats, &s); err != nil {
		t.Fatal(err)
	}
	var logins []string // seat ids change when the undo gives seats back: compare holders
	for _, seat := range s.Seats {
		logins = append(logins, seat.Login+"/"+seat.Email+"/"+seat.Key+"/"+seat.Source)
	}
	slices.Sort(logins)
	return yearState{
		users:   c.must("", "users", "list", "--pending", "include", "--json").stdout,
		classes: c.must("", "classes", "list", "--json").stdout,
		seats:   strings.Join(logins, "\n"),
		pupil:   c.must("", "users", "show", pupil, "--json").stdout,
	}
}

// The end of a school year: a dry run changes nothing, the turn empties the classes, archives
// them and deletes the leavers past the grace period, one school only; the undo restores all.
func TestYearCloseThroughTheCLI(t *testing.T) {
	t.Parallel()
	t.Run("bbolt", func(t *testing.T) {
		t.Parallel()
		yearCloseJourney(t, newCLI(t))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		c := newCLI(t)
		c.db = pgtest.URL(t)
		yearCloseJourney(t, c)
	})
}

func yearCloseJourney(t *testing.T, c *cli) {
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	var orgs []orgJSON
	c.json(&orgs, "", "orgs", "list")
	if len(orgs) != 2 {
		t.Fatalf("the demo's schools: %+v", orgs)
	}
	org, other := orgs[0].ID.String(), orgs[1].ID.String()
	sub := findSub(t, c, org, "DEMO-1001").ID.String()
	var pupils usersListJSON
	c.json(&pupils, "", "users", "list", "--org", org, "--profile", "student", "--class", "6e A", "--limit", "2")
	leaver, stayer := pupils.Users[0], pupils.Users[1]
	c.must("", "seats", "add", sub, leaver.Login)
	c.must("", "users", "predelete", leaver.Login)
	otherBefore := c.must("", "users", "list", "--org", other, "--pending", "include", "--json").stdout
	before := readYearState(t, c, sub, stayer.Login)

	// Dry run: the plan, nothing written; a leaver of today is within the 30 days of grace.
	var plan yearPlanJSON
	c.json(&plan, "", "year", "close", "--org", org, "--year", "2025-2026", "--dry-run")
	if plan.Applied || !plan.DryRun || plan.Year != "2025-2026" || plan.ClassesMode != "archive" || plan.GraceDays != 30 ||
		plan.Counts.Deleted != 0 || plan.Counts.LeftClasses == 0 || plan.Counts.ClassesChanged != len(plan.Classes) ||
		plan.Counts.CodesVoided == 0 || len(plan.Leavers) == 0 {
		t.Fatalf("dry plan: %+v, %d leavers, %d classes", plan.Counts, len(plan.Leavers), len(plan.Classes))
	}
	if got := readYearState(t, c, sub, stayer.Login); got != before {
		t.Fatal("a dry run changed the directory")
	}
	text := c.must("", "year", "close", "--org", org, "--year", "2025-2026", "--dry-run")
	if !strings.Contains(text.stdout, "6e A → 6e A (2025-2026)") || !strings.Contains(text.stderr, "Simulation") {
		t.Errorf("the text plan:\n%s\n%s", text.stdout, text.stderr)
	}

	// No grace: the leaver goes too, with the demo's other people pending deletion. Without a
	// terminal, closing needs --yes.
	var grace []struct {
		Days int `json:"deletion_grace_days"`
	}
	c.json(&grace, "", "settings", "deletion-grace", "--org", org, "--days", "0")
	if len(grace) != 1 || grace[0].Days != 0 {
		t.Fatalf("deletion-grace: %+v", grace)
	}
	if r := c.run("", "year", "close", "--org", org); r.code != 2 {
		t.Fatalf("close without --yes and no terminal: exit %d, %s", r.code, r.stderr)
	}
	c.json(&plan, "", "year", "close", "--org", org, "--year", "2025-2026", "--yes")
	gone := slices.IndexFunc(plan.Deleted, func(d yearDeletedJSON) bool { return d.Login == leaver.Login })
	if !plan.Applied || plan.RunID == 0 || plan.Counts.Deleted != len(plan.Deleted) || gone < 0 ||
		plan.Deleted[gone].Seats != 1 || plan.Counts.SeatsFreed != 1 {
		t.Fatalf("applied plan: run %d, counts %+v, deleted %+v", plan.RunID, plan.Counts, plan.Deleted)
	}
	var shown userShowJSON
	c.json(&shown, "", "users", "show", stayer.Login)
	if len(shown.Classes) != 0 || len(shown.History) != 1 || shown.History[0].Year != "2025-2026" ||
		!slices.Contains(shown.History[0].Classes, "6e A") {
		t.Errorf("a pupil after the turn: classes %v, history %+v", shown.Classes, shown.History)
	}
	if out := c.must("", "users", "show", stayer.Login).stdout; !strings.Contains(out, "2025-2026 : 6e A") {
		t.Errorf("users show names the past classes:\n%s", out)
	}
	if r := c.run("", "users", "show", leaver.Login); r.code != 4 {
		t.Errorf("the leaver is still there: exit %d", r.code)
	}
	var classes []setJSON
	c.json(&classes, "", "classes", "list")
	for _, cl := range classes {
		if cl.OrgID.String() == org && (cl.Archived != "2025-2026" || !strings.HasSuffix(cl.Code, " (2025-2026)") || cl.Members != 0) {
			t.Errorf("class after the turn: %+v", cl)
		}
	}
	if got := c.must("", "users", "list", "--org", other, "--pending", "include", "--json").stdout; got != otherBefore {
		t.Error("the other school changed")
	}
	var history []yearRunJSON
	c.json(&history, "", "year", "history")
	if len(history) != 1 || history[0].ID != plan.RunID || history[0].Counts != plan.Counts || !history[0].UndoneAt.IsZero() {
		t.Fatalf("history: %+v", history)
	}

	// The undo restores exactly: users, classes, the leaver and their seat.
	run := plan.RunID.String()
	var undo yearUndoJSON
	c.json(&undo, "", "year", "undo", run, "--dry-run")
	if !undo.DryRun || undo.Restored != len(plan.Deleted) || undo.Seats != 1 {
		t.Fatalf("dry undo: %+v", undo)
	}
	if r := c.run("", "year", "undo", run); r.code != 2 {
		t.Fatalf("undo without --yes and no terminal: exit %d", r.code)
	}
	c.json(&undo, "", "year", "undo", run, "--yes")
	if undo.DryRun || undo.Restored != len(plan.Deleted) || undo.Seats != 1 || undo.SeatsNotFree != 0 || undo.Run.UndoneAt.IsZero() {
		t.Fatalf("undo: %+v", undo)
	}
	if got := readYearState(t, c, sub, stayer.Login); got != before {
		t.Errorf("the undo did not restore everything:\nusers equal %v, classes equal %v, seats equal %v, pupil equal %v",
			got.users == before.users, got.classes == before.classes, got.seats == before.seats, got.pupil == before.pupil)
	}
	if r := c.run("", "year", "undo", run, "--yes"); r.code != 5 || !strings.Contains(r.stderr, "déjà été annulé") {
		t.Errorf("a second undo: exit %d, %s", r.code, r.stderr)
	}
	if r := c.run("", "year", "close", "--org", org, "--classes", "rename", "--dry-run"); r.code != 3 {
		t.Errorf("rename without a pattern: exit %d, %s", r.code, r.stderr)
	}
	if r := c.run("", "year", "close", "--org", org, "--classes", "shuffle"); r.code != 3 {
		t.Errorf("an unknown --classes: exit %d, %s", r.code, r.stderr)
	}
}
