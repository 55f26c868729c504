package seats

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/dirsync"
	"rollcall/dirsync/dirsynctest"
	"rollcall/model"
	"rollcall/storage/bolt"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

// session opens a demo school whose app reaches the fake directories, and returns the seats
// screen of a claimed subscription of n seats.
func session(t *testing.T, dirs dirsync.Config, seats int) (*screen.Session, *Model, *tuitest.Driver) {
	t.Helper()
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "rollcall.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	a := app.New(st, app.Options{Argon2: tuitest.CheapArgon2(), Licensing: app.LicensingOptions{Directories: dirs}})
	sess := screen.NewSession(ctx, a, model.English, true)
	ad := tuitest.SignUp(t, a, "ada@example.org", model.English, true)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	sess.Admin, _ = ad.Session.Admin(ctx)
	sess.Acting = ad.Session
	claims, _ := a.DemoClaims(ctx)
	sub, err := sess.Acting.Claim(ctx, app.ClaimInput{Displays: seats / 2, Serial: claims.Serials[0].Serial, OrgID: sess.Admin.OrgIDs[1]}, false)
	if err != nil {
		t.Fatal(err)
	}
	m := New(sess, sub.ID)
	d := tuitest.ForScreen(t, m, 120, 40)
	d.WaitFor("the seats", func() bool { return m.loaded })
	return sess, m, d
}

func formField(m *Model) string {
	if m.focus != focusForm || m.forms.Form == nil || m.forms.Form.State != huh.StateNormal {
		return ""
	}
	return m.forms.Form.GetFocusedField().GetKey()
}

func waitField(d *tuitest.Driver, m *Model, key string) {
	d.T().Helper()
	d.WaitFor("the "+key+" field", func() bool { return formField(m) == key })
}

func emails(m *Model) string {
	var out []string
	for _, s := range m.list.Seats {
		out = append(out, s.Email)
	}
	return strings.Join(out, " ")
}

func TestAddImportAndRemoveSeats(t *testing.T) {
	t.Parallel()
	_, m, d := session(t, dirsync.Config{}, 4)
	d.WaitView("No seat given yet.", "0 given of 4, 4 free")

	d.Press("a")
	waitField(d, m, "emails")
	d.Type("ana@school.fr, bob@school.fr ana@school.fr")
	d.Press("enter")
	// Two keys: the product key is chosen, here the second one.
	waitField(d, m, "key")
	d.WaitView("The first with room", "(2 free)")
	d.Press("down")
	d.Press("down")
	d.Press("enter")
	d.WaitView("2 seats added, 1 already there or repeated (ignored), 2 seats free")
	d.WaitView("ana@school.fr", "bob@school.fr", "typed", "2 given of 4, 2 free")
	if k := m.list.Sub.Keys[1].Key; m.list.Seats[0].Key != k || m.list.Seats[1].Key != k {
		t.Errorf("seats on keys %q %q, want %q", m.list.Seats[0].Key, m.list.Seats[1].Key, k)
	}

	// Three more than the two free: none is added.
	d.Press("a")
	waitField(d, m, "emails")
	d.Type("c@school.fr d@school.fr e@school.fr")
	d.Press("enter")
	waitField(d, m, "key")
	d.Press("enter")
	d.WaitView("3 seats asked for but only 2 seats free: none was added.")
	if got := emails(m); got != "ana@school.fr bob@school.fr" {
		t.Errorf("seats after a refused add: %s", got)
	}

	// A file with a bad line: every bad line named, nothing added.
	dir := t.TempDir()
	bad := filepath.Join(dir, "profs.csv")
	os.WriteFile(bad, []byte("carl@school.fr\ndora school.fr\n"), 0o600)
	d.Press("i")
	waitField(d, m, "path")
	d.Type(bad)
	d.Press("enter")
	d.WaitView("profs.csv has 1 row; nothing was added:", "line 2: has a space")
	good := filepath.Join(dir, "ok.csv")
	os.WriteFile(good, []byte("carl@school.fr\n"), 0o600)
	d.Press("i")
	waitField(d, m, "path")
	d.Type(good)
	d.Press("enter")
	d.WaitView("1 seat added", "carl@school.fr", "file")

	// Take back the selected seat, once confirmed; no leaves it.
	d.Press("x")
	waitField(d, m, "yes")
	d.WaitView("Take back the seat of ana@school.fr?")
	d.Press("n")
	d.WaitFor("the list", func() bool { return m.focus == focusList })
	if !strings.Contains(emails(m), "ana@school.fr") {
		t.Fatal("answering no took the seat back")
	}
	d.Press("x")
	waitField(d, m, "yes")
	d.Press("y")
	d.WaitView("1 seat taken back")
	d.WaitFor("ana's seat gone", func() bool { return emails(m) == "bob@school.fr carl@school.fr" })

	d.Press("X")
	waitField(d, m, "yes")
	d.WaitView("Take back the 2 seats given by hand?")
	d.Press("y")
	d.WaitView("2 seats taken back", "No seat given yet.")
}

func TestSyncFromMicrosoftWithProgressAndCancel(t *testing.T) {
	t.Parallel()
	ms := dirsynctest.NewMicrosoft(t)
	ms.SetGroup("g-1", dirsynctest.GraphUser{Mail: "ana@school.fr"}, dirsynctest.GraphUser{Mail: "bob@school.fr"},
		dirsynctest.GraphUser{Mail: "carl@school.fr"})
	dirs := dirsync.Config{Microsoft: dirsync.MicrosoftConfig{BaseURL: ms.URL, Token: ms.Token()}}
	_, m, d := session(t, dirs, 10)

	pickMicrosoft := func() {
		d.Press("y")
		waitField(d, m, "source")
		for range 6 {
			d.Press("down")
		}
		d.Press("enter")
		waitField(d, m, "gid")
		d.Type("g-1")
		d.Press("enter")
	}
	// A sync in flight: the screen says so, and esc stops it with nothing written.
	release := ms.Hold()
	pickMicrosoft()
	d.WaitView("Reading the source… 0 found", "esc cancels")
	d.Press("esc")
	d.WaitView("Cancelled.", "No seat given yet.")
	release()

	pickMicrosoft()
	d.WaitView("3 seats added", "ana@school.fr", "Microsoft sync (group:g-1)")
	ms.SetGroup("g-1", dirsynctest.GraphUser{Mail: "ana@school.fr"})
	pickMicrosoft()
	d.WaitView("0 seats added, 2 seats taken back, 1 seat kept")
	d.WaitFor("one seat left", func() bool { return emails(m) == "ana@school.fr" })
}

func TestSyncFromAClassAndUnsetGoogle(t *testing.T) {
	t.Parallel()
	_, m, d := session(t, dirsync.Config{}, 60)
	d.Press("y")
	waitField(d, m, "source")
	d.WaitView("Google Workspace: an organizational unit (not set up)")
	d.Press("down")
	d.Press("enter")
	waitField(d, m, "class")
	// The picker lists the subscription's school's classes only.
	for _, c := range m.choices.classes {
		if c.OrgID != m.list.Sub.OrgID {
			t.Errorf("the class picker offers %s of another school", c.Code)
		}
	}
	d.Press("enter") // the first class of the école
	// Every member of the class gets a seat, with an email or not.
	d.WaitView("25 seats added")
	d.WaitFor("the class's seats", func() bool { return len(m.list.Seats) == 25 && m.list.Seats[0].Source == model.SeatSelection })
	noEmail := 0
	for _, s := range m.list.Seats {
		if s.UserID == 0 || s.Key == "" {
			t.Errorf("a class's seat without its account or key: %+v", s)
		}
		if s.Email == "" {
			noEmail++
		}
	}
	if noEmail == 0 {
		t.Error("the class's pupils without an email got no seat")
	}

	d.Press("y")
	waitField(d, m, "source")
	for range 4 {
		d.Press("down")
	}
	d.Press("enter")
	waitField(d, m, "ou")
	d.Type("/Teachers")
	d.Press("enter")
	d.WaitView("Google Workspace is not set up")
}

// The demo's Atlas interactif has ended: its screen offers no way to add seats, and a key
// that would add says why instead of opening a form.
func TestEndedSubscriptionOffersNoNewSeats(t *testing.T) {
	t.Parallel()
	sess, _, _ := session(t, dirsync.Config{}, 4)
	list, err := sess.Acting.ListSubscriptions(context.Background(), app.SubsQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var ended model.ID
	for _, r := range list.Rows {
		if r.State.Kind == model.StateExpired {
			ended = r.Sub.ID
		}
	}
	if ended == 0 {
		t.Fatal("the demo has no ended subscription")
	}
	m := New(sess, ended)
	d := tuitest.ForScreen(t, m, 120, 40)
	d.WaitFor("the seats", func() bool { return m.loaded })
	for _, b := range m.ShortHelp() {
		if b.Help().Key == "a" || b.Help().Key == "i" {
			t.Errorf("the help offers %q on an ended subscription", b.Help().Desc)
		}
	}
	d.Press("a")
	d.WaitView("ended on", "renew it before giving seats")
	if m.focus == focusForm {
		t.Error("a form opened on an ended subscription")
	}
}
