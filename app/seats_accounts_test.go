package app

import (
	"errors"
	"testing"

	"rollcall/model"
)

// loadDemoFor loads the demo for ada and returns her fresh record, the collège and the école.
func loadDemoFor(t *testing.T, f *fixture, ada model.Admin) (model.Admin, model.ID, model.ID) {
	t.Helper()
	if _, err := f.app.LoadDemo(bg); err != nil {
		t.Fatal(err)
	}
	ada, err := f.store.Admin(bg, ada.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ada, ada.OrgIDs[0], ada.OrgIDs[1]
}

func classID(t *testing.T, f *fixture, ada model.Admin, org model.ID, code string) model.ID {
	t.Helper()
	classes, err := f.app.listSets(bg, ada, Classes)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range classes {
		if c.OrgID == org && c.Code == code {
			return c.ID
		}
	}
	t.Fatalf("no class %s in org %d", code, org)
	return 0
}

func TestDirectorySyncSeatsEveryPupil(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org")
	ada, college, ecole := loadDemoFor(t, f, ada)
	sub, err := f.app.claim(bg, ada, ClaimInput{Displays: 40, Serial: "DEMOTB-2609-0001-8", OrgID: college}, false)
	if err != nil {
		t.Fatal(err)
	}
	cls := classID(t, f, ada, college, "5e A")
	sel := model.Selection{ClassIDs: []model.ID{cls}, Profiles: []model.Profile{model.Student}}
	pupils, _ := f.app.selectUserIDs(bg, ada, sel)
	withEmail := 0
	for _, id := range pupils {
		if u, _ := f.store.User(bg, id); u.Email != "" {
			withEmail++
		}
	}
	if len(pupils) != 24 || withEmail == len(pupils) {
		t.Fatalf("the demo's 5e A: %d pupils, %d with an email", len(pupils), withEmail)
	}
	res, err := f.app.syncSeats(bg, ada, sub.ID, SyncSource{Kind: model.SeatSelection, Selection: sel}, SeatOptions{}, nil)
	if err != nil || len(res.Added) != 24 {
		t.Fatalf("every pupil of 5e A gets a seat, with an email or not: %d, %v", len(res.Added), err)
	}
	noEmail := res.Added[0]
	for _, s := range res.Added {
		if s.UserID == 0 || s.Login == "" {
			t.Fatalf("a directory seat names its account: %+v", s)
		}
		if s.Email == "" {
			noEmail = s
		}
	}
	held, err := f.app.userSeats(bg, ada, noEmail.UserID)
	if err != nil || len(held) != 1 || held[0].Product == "" || held[0].Key == "" {
		t.Fatalf("the pupil's seats: %+v, %v", held, err)
	}
	// Another school's class is refused, and so is the roster of another school.
	other := classID(t, f, ada, ecole, "CM2 A")
	bad := SyncSource{Kind: model.SeatSelection, Selection: model.Selection{ClassIDs: []model.ID{other}}}
	if _, err := f.app.syncSeats(bg, ada, sub.ID, bad, SeatOptions{DryRun: true}, nil); !errors.Is(err, model.ErrOtherSchool) {
		t.Errorf("another school's class: %v", err)
	}
	if _, err := f.app.syncSeats(bg, ada, sub.ID, SyncSource{Kind: model.SeatRoster, OrgID: ecole}, SeatOptions{DryRun: true}, nil); !errors.Is(err, model.ErrOtherSchool) {
		t.Errorf("another school's roster: %v", err)
	}
	// A sync's seat is not taken back by hand without saying so; --detach does.
	_, err = f.app.removeSeat(bg, ada, sub.ID, noEmail.Login, false, false)
	var se *model.SeatSyncedError
	if !errors.As(err, &se) || se.Holder != noEmail.Login {
		t.Fatalf("taking a sync's seat back by hand: %v", err)
	}
	if res, err := f.app.removeSeat(bg, ada, sub.ID, noEmail.Login, true, false); err != nil || len(res.Removed) != 1 {
		t.Fatalf("detached: %+v, %v", res, err)
	}
	// Pending deletion keeps the seat; deletion frees it.
	leaver := res.Added[1]
	if _, err := f.app.markPendingDeletion(bg, ada, []model.ID{leaver.UserID}, false); err != nil {
		t.Fatal(err)
	}
	if held, _ := f.app.userSeats(bg, ada, leaver.UserID); len(held) != 1 {
		t.Fatalf("pending deletion keeps the seat: %+v", held)
	}
	if _, err := f.app.deleteUsers(bg, ada, []model.ID{leaver.UserID}, false); err != nil {
		t.Fatal(err)
	}
	l, _ := f.app.listSeats(bg, ada, sub.ID)
	if l.Assigned != 22 {
		t.Errorf("after a detach and a deletion: %d seats, want 22", l.Assigned)
	}
	for _, s := range l.Seats {
		if s.UserID == leaver.UserID {
			t.Errorf("the deleted pupil still holds %+v", s)
		}
	}
}

func TestTypedSeatsFindAccounts(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	sub := f.claimed(t, ada, "PO-1", 4)
	org := ada.OrgIDs[0]
	ana, err := f.app.createUser(bg, ada, org, UserFields{LastName: ptr("Martin"), FirstName: ptr("Ana"), Profile: ptr(model.Student)}, false)
	if err != nil {
		t.Fatal(err)
	}
	leo, err := f.app.createUser(bg, ada, org, UserFields{LastName: ptr("Petit"), FirstName: ptr("Léo"), Profile: ptr(model.Teacher), Email: ptr("leo@school.fr")}, false)
	if err != nil {
		t.Fatal(err)
	}
	// A login seats the account without an email; an email that an account has seats it; an
	// outside email is an outside seat; the second key takes what the first cannot.
	res, err := f.app.addTypedSeats(bg, ada, sub, ana.Login+" LEO@school.fr outside@else.fr", SeatOptions{})
	if err != nil || len(res.Added) != 3 || res.Added[0].UserID != ana.ID || res.Added[1].UserID != leo.ID || res.Added[2].UserID != 0 {
		t.Fatalf("typed: %+v, %v", res.Added, err)
	}
	if res.Added[0].Key == "" || res.Added[2].Key == res.Added[0].Key {
		t.Errorf("keys of 4 seats over 2 keys: %q %q %q", res.Added[0].Key, res.Added[1].Key, res.Added[2].Key)
	}
	if _, err := f.app.addTypedSeats(bg, ada, sub, "leo@school.fr "+leo.Login, SeatOptions{}); err != nil {
		t.Fatal(err)
	}
	if l, _ := f.app.listSeats(bg, ada, sub); l.Assigned != 3 {
		t.Errorf("the same account by email and by login is one holder: %d seats", l.Assigned)
	}
	_, err = f.app.addTypedSeats(bg, ada, sub, "nobody-here", SeatOptions{})
	var ie *model.InvalidEmailsError
	if !errors.As(err, &ie) {
		t.Errorf("an unknown login: %v", err)
	}
	// A key chosen by hand for one person: the key with room is used, a full key refused.
	l, _ := f.app.listSeats(bg, ada, sub)
	full := l.Sub.Keys[0].Key
	_, err = f.app.addTypedSeats(bg, ada, sub, "x@else.fr", SeatOptions{Key: full})
	var le *model.SeatLimitError
	if !errors.As(err, &le) || le.Key != full {
		t.Errorf("a full key: %v", err)
	}
	res, err = f.app.addTypedSeats(bg, ada, sub, "x@else.fr", SeatOptions{Key: l.Sub.Keys[1].Key})
	if err != nil || res.Added[0].Key != l.Sub.Keys[1].Key {
		t.Errorf("a chosen key: %+v, %v", res.Added, err)
	}
}
