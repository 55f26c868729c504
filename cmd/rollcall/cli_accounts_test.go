package main

import (
	"strings"
	"testing"
)

// Suspending a class, seeing it in lists, leaving it out of the cards, and giving it back; the
// other bulk actions on a selection; all with --json asserted.
func TestUsersSuspendAndBulkActions(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	var class usersListJSON
	c.json(&class, "", "users", "list", "--class", "6e A", "--profile", "student")

	if r := c.run("", "users", "suspend"); r.code != exitUsage {
		t.Errorf("suspend with neither logins nor a selection: exit %d", r.code)
	}
	if r := c.run("", "users", "suspend", "--class", "6e A"); r.code != exitUsage || !strings.Contains(r.stderr, "--yes") {
		t.Errorf("suspend of a selection without a terminal nor --yes: exit %d, %q", r.code, r.stderr)
	}
	var dry bulkJSON
	c.json(&dry, "", "users", "suspend", "--class", "6e A", "--profile", "student", "--dry-run")
	if !dry.DryRun || dry.Action != "suspend" || dry.Changed != class.Total || len(dry.Users) != class.Total {
		t.Fatalf("dry run = %+v; want the %d pupils of 6e A", dry, class.Total)
	}
	var none usersListJSON
	c.json(&none, "", "users", "list", "--suspended", "yes")
	if none.Total != 0 {
		t.Fatalf("a dry run suspended %d", none.Total)
	}
	var done bulkJSON
	c.json(&done, "", "users", "suspend", "--class", "6e A", "--profile", "student", "--yes")
	if done.Changed != class.Total || done.Skipped != 0 {
		t.Fatalf("suspend = %+v", done)
	}
	var suspended usersListJSON
	c.json(&suspended, "", "users", "list", "--suspended", "yes")
	if suspended.Total != class.Total || !suspended.Users[0].Suspended || suspended.Users[0].SuspendedAt.IsZero() {
		t.Errorf("--suspended yes lists %d (%+v)", suspended.Total, suspended.Users[0])
	}
	login := class.Users[0].Login
	var shown userShowJSON
	c.json(&shown, "", "users", "show", login)
	if !shown.Suspended {
		t.Errorf("users show --json of a suspended account: %+v", shown.userJSON)
	}
	if r := c.must("", "--lang", "fr", "users", "show", login); !strings.Contains(r.stdout, "(suspendu)") {
		t.Errorf("users show does not say suspended:\n%s", r.stdout)
	}
	var cards mergeResultJSON
	c.json(&cards, "", "merge", "pdf", "--class", "6e A", "--per-sheet", "8", "-o", "x.pdf", "--dry-run")
	var all usersListJSON
	c.json(&all, "", "users", "list", "--class", "6e A")
	if cards.Suspended != class.Total || cards.Cards != all.Total-class.Total {
		t.Errorf("cards of 6e A = %+v; want %d suspended left out of %d", cards, class.Total, all.Total)
	}
	var again bulkJSON
	c.json(&again, "", "users", "suspend", login, class.Users[1].Login)
	if again.Changed != 0 || again.Skipped != 2 {
		t.Errorf("suspending twice = %+v", again)
	}
	var back bulkJSON
	c.json(&back, "", "users", "unsuspend", "--all", "--yes")
	if back.Changed != class.Total {
		t.Errorf("unsuspend --all = %+v", back)
	}

	var codes bulkJSON
	c.json(&codes, "", "users", "regen-code", "--class", "6e A", "--activated", "no", "--yes")
	var notActivated usersListJSON
	c.json(&notActivated, "", "users", "list", "--class", "6e A", "--activated", "no")
	if codes.Action != "regen-code" || codes.Changed != notActivated.Total || codes.Changed == 0 {
		t.Errorf("new codes = %+v; want the %d not activated", codes, notActivated.Total)
	}
	var one userJSON
	c.json(&one, "", "users", "regen-code", notActivated.Users[0].Login)
	if one.Login != notActivated.Users[0].Login || one.ActivationCode == notActivated.Users[0].ActivationCode {
		t.Errorf("regen-code of one user = %+v", one)
	}
	var before, pending usersListJSON
	c.json(&before, "", "users", "list", "--pending", "only", "--profile", "teacher")
	var pend bulkJSON
	c.json(&pend, "", "users", "predelete", "--level", "6e", "--profile", "teacher", "--yes")
	c.json(&pending, "", "users", "list", "--pending", "only", "--profile", "teacher")
	if pend.Changed == 0 || pending.Total != before.Total+pend.Changed {
		t.Errorf("predelete = %+v, pending teachers %d then %d", pend, before.Total, pending.Total)
	}
	var restored bulkJSON
	c.json(&restored, "", "users", "restore", "--profile", "teacher", "--yes")
	if restored.Changed != before.Total+pend.Changed {
		t.Errorf("restore = %+v; want the %d pending", restored, pend.Changed)
	}
}

// Adding someone the school has asks first (exit 5, naming them); duplicates lists them; merge
// makes one account of two.
func TestUsersDuplicatesAndMerge(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	var class usersListJSON
	c.json(&class, "", "users", "list", "--class", "6e A", "--profile", "student", "--email", "with", "--limit", "1")
	pupil := class.Users[0]
	add := []string{"users", "add", "--org", "1", "--profile", "student", "--last-name", strings.ToUpper(pupil.LastName),
		"--first-name", "Autre", "--email", strings.ToUpper(pupil.Email)}
	r := c.run("", append(add, "--json")...)
	if r.code != exitConflict || !strings.Contains(r.stderr, pupil.Login) || !strings.Contains(r.stderr, "--allow-duplicate") || r.stdout != "" {
		t.Fatalf("adding a duplicate: exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	var added userJSON
	c.json(&added, "", append(add, "--allow-duplicate", "--class", "6e B")...)
	var dups duplicatesJSON
	c.json(&dups, "", "users", "duplicates")
	found := false
	for _, g := range dups.Groups {
		if g.Reason == "email" && len(g.Users) == 2 && g.Users[0].Login == pupil.Login && g.Users[1].Login == added.Login {
			found = true
		}
	}
	if !found {
		t.Fatalf("duplicates do not pair %s and %s: %+v", pupil.Login, added.Login, dups)
	}
	var dry mergeJSON
	c.json(&dry, "", "users", "merge", pupil.Login, added.Login, "--dry-run")
	if !dry.DryRun || dry.Removed != added.Login || len(dry.Kept.Classes) != 2 {
		t.Fatalf("dry merge = %+v", dry)
	}
	c.must("", "users", "show", added.Login)
	var merged mergeJSON
	c.json(&merged, "", "users", "merge", pupil.Login, added.Login)
	if merged.Kept.Login != pupil.Login || merged.Removed != added.Login || merged.DryRun {
		t.Errorf("merge = %+v", merged)
	}
	if r := c.run("", "users", "show", added.Login); r.code != exitNotFound {
		t.Errorf("the merged account is still there: exit %d", r.code)
	}
	var log []struct {
		Action string `json:"action"`
		Detail string `json:"detail"`
	}
	c.json(&log, "", "admins", "log", "--action", "users.merge")
	if len(log) != 1 || !strings.Contains(log[0].Detail, added.Login) {
		t.Errorf("audit log = %+v", log)
	}
	if r := c.run("", "users", "merge", pupil.Login, pupil.Login); r.code != exitInvalid {
		t.Errorf("merging an account into itself: exit %d", r.code)
	}
	c.json(&dups, "", "users", "duplicates")
	for _, g := range dups.Groups {
		if g.Users[0].Login == pupil.Login {
			t.Errorf("still a duplicate after the merge: %+v", g)
		}
	}
}
