package main

import (
	"strings"
	"testing"
)

// findSub returns the demo subscription of an order number.
func findSub(t *testing.T, c *cli, org, order string) subJSON {
	t.Helper()
	var list subsListJSON
	c.json(&list, "", "subs", "list", "--org", org)
	for _, s := range list.Subscriptions {
		if s.OrderNumber == order {
			return s
		}
	}
	t.Fatalf("no subscription %s in org %s: %+v", order, org, list.Subscriptions)
	return subJSON{}
}

// A textbook publisher's "manage licences" step: a whole class of pupils, most without an email.
func TestSeatsOnDirectoryAccountsThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	sub := findSub(t, c, "1", "DEMO-1001")
	id := sub.ID.String()

	var res seatResultJSON
	c.json(&res, "", "seats", "sync", id, "--directory", "--class", "5e A", "--profile", "student")
	if len(res.Added) != 24 || len(res.Seats) != 24 {
		t.Fatalf("5e A's 24 pupils get a seat each: %+v", res)
	}
	var list seatsListJSON
	c.json(&list, "", "seats", "list", id)
	var noEmail seatJSON
	for _, s := range list.Seats {
		if s.Source == "roster" { // the demo's teachers
			continue
		}
		if s.UserID == 0 || s.Login == "" || s.Key == "" || s.Source != "selection" {
			t.Errorf("a class seat is a directory account's, with its key: %+v", s)
		}
		if s.Email == "" {
			noEmail = s
		}
	}
	if noEmail.Login == "" {
		t.Fatal("every pupil of 5e A has an email: the demo changed")
	}
	// The pupil's licence shows in users show.
	var shown userShowJSON
	c.json(&shown, "", "users", "show", noEmail.Login)
	if len(shown.Licences) != 1 || shown.Licences[0].Key != noEmail.Key || shown.Licences[0].Product == "" {
		t.Errorf("users show: licences %+v", shown.Licences)
	}
	r := c.must("", "--lang", "en", "users", "show", noEmail.Login)
	if !strings.Contains(r.stdout, "Licences") || !strings.Contains(r.stdout, "(key "+noEmail.Key+")") {
		t.Errorf("users show prints the licence: %q", r.stdout)
	}

	// A sync's seat is not taken back by hand without saying so.
	r = c.run("", "--lang", "en", "seats", "remove", id, noEmail.Login, "--yes")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "given by a sync") || !strings.Contains(r.stderr, "--detach") {
		t.Errorf("removing a sync's seat: exit %d %q", r.code, r.stderr)
	}
	c.json(&res, "", "seats", "remove", id, noEmail.Login, "--detach", "--yes")
	if len(res.Removed) != 1 || res.Removed[0] != noEmail.Login {
		t.Errorf("--detach: %+v", res)
	}
	// Typed logins and emails seat accounts; an outside email is an outside seat; a key is chosen.
	key := sub.Keys[len(sub.Keys)-1].Key
	c.json(&res, "", "seats", "add", id, noEmail.Login, "outside@else.fr", "--key", key)
	if len(res.Seats) != 2 || res.Seats[0].UserID == 0 || res.Seats[1].UserID != 0 || res.Seats[0].Key != key {
		t.Errorf("typed seats: %+v", res.Seats)
	}
	// Deleting a person frees their seat; another school's class is refused.
	c.must("", "users", "predelete", noEmail.Login)
	c.must("", "users", "delete", noEmail.Login)
	c.json(&list, "", "seats", "list", id)
	// 40 teachers, 24 pupils, one taken back, two typed, one deleted.
	if list.Subscription.SeatsAssigned != 64 {
		t.Errorf("after deleting a seat holder: %d seats, want 64", list.Subscription.SeatsAssigned)
	}
	r = c.run("", "--lang", "en", "seats", "sync", id, "--directory", "--class", "CM2 A")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "own school") {
		t.Errorf("another school's class: exit %d %q", r.code, r.stderr)
	}
}
