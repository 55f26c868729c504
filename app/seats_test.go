package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"rollcall/mailmerge"
	"rollcall/mailmerge/smtptest"
	"rollcall/model"
	"rollcall/storage"
)

// claimed gives the admin's first organization a subscription of n seats and returns its id.
func (f *fixture) claimed(t *testing.T, admin model.Admin, order string, seats int) model.ID {
	t.Helper()
	v := newVendor(t, "Acme", 9)
	f.trust(t, admin, v)
	sub, err := f.app.claim(bg, admin, ClaimInput{Code: v.code(t, entitlement(order, seats)), OrgID: admin.OrgIDs[0]}, false)
	if err != nil {
		t.Fatal(err)
	}
	return sub.ID
}

func seatEmails(t *testing.T, f *fixture, admin model.Admin, sub model.ID) []string {
	t.Helper()
	l, err := f.app.listSeats(bg, admin, sub)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range l.Seats {
		out = append(out, s.Email)
	}
	return out
}

func TestAddSeatsWithinTheLimit(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	sub := f.claimed(t, ada, "PO-1", 4)

	res, err := f.app.addTypedSeats(bg, ada, sub, "Ana@school.fr, bob@school.fr\nana@school.fr", SeatOptions{})
	if err != nil || len(res.Added) != 2 || res.Duplicates != 1 || res.Free != 2 {
		t.Fatalf("first add: %+v, %v", res, err)
	}
	if res.Added[0].AddedBy != ada.ID || res.Added[0].Source != model.SeatTyped || !res.Added[0].AddedAt.Equal(f.clock.Now()) {
		t.Errorf("seat %+v does not say who added it, how and when", res.Added[0])
	}
	// Three new emails for two free seats: none is added, and the error says how many are free.
	_, err = f.app.addTypedSeats(bg, ada, sub, "carl@school.fr dora@school.fr eve@school.fr bob@school.fr", SeatOptions{})
	var le *model.SeatLimitError
	if !errors.As(err, &le) || le.Free != 2 || le.Requested != 3 {
		t.Fatalf("over the limit: %v", err)
	}
	if got := seatEmails(t, f, ada, sub); !slices.Equal(got, []string{"ana@school.fr", "bob@school.fr"}) {
		t.Errorf("seats after a refused add: %q", got)
	}
	// Invalid addresses refuse the whole list.
	_, err = f.app.addTypedSeats(bg, ada, sub, "carl@school.fr not-an-email", SeatOptions{})
	var ie *model.InvalidEmailsError
	if !errors.As(err, &ie) || !slices.Equal(ie.Values, []string{"not-an-email"}) {
		t.Errorf("invalid list: %v", err)
	}
	// A dry run counts and writes nothing.
	res, err = f.app.addTypedSeats(bg, ada, sub, "carl@school.fr", SeatOptions{DryRun: true})
	if err != nil || len(res.Added) != 1 || len(seatEmails(t, f, ada, sub)) != 2 {
		t.Errorf("dry run: %+v %v", res, err)
	}
	// Another admin does not see the subscription at all.
	bob := f.adminWithOrgs(t, "bob@example.org", "Lycée Ampère")
	if _, err := f.app.addTypedSeats(bg, bob, sub, "x@school.fr", SeatOptions{}); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("another admin's add: %v", err)
	}
	if _, err := f.app.listSeats(bg, bob, sub); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("another admin's list: %v", err)
	}
}

func TestImportSeatsFile(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	sub := f.claimed(t, ada, "PO-1", 10)
	_, err := f.app.importSeats(bg, ada, sub, "profs.csv", strings.NewReader("ana@school.fr\nbob school.fr\ncarl@school.fr;x\n"), SeatOptions{})
	var fe *model.EmailFileError
	if !errors.As(err, &fe) || len(fe.Lines) != 2 || fe.Lines[0].Line != 2 || fe.Lines[1].Line != 3 {
		t.Fatalf("bad file: %v", err)
	}
	if got := seatEmails(t, f, ada, sub); len(got) != 0 {
		t.Errorf("a bad file added %q", got)
	}
	res, err := f.app.importSeats(bg, ada, sub, "profs.csv", strings.NewReader("ana@school.fr\r\nbob@school.fr\r\n"), SeatOptions{})
	if err != nil || len(res.Added) != 2 || res.Added[1].Source != model.SeatFile {
		t.Errorf("good file: %+v %v", res, err)
	}
}

func TestRemoveSeats(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	sub := f.claimed(t, ada, "PO-1", 10)
	if _, err := f.app.addTypedSeats(bg, ada, sub, "ana@school.fr bob@school.fr", SeatOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.importSeats(bg, ada, sub, "f.csv", strings.NewReader("carl@school.fr\n"), SeatOptions{}); err != nil {
		t.Fatal(err)
	}
	// A seat of a sync: removing the hand-added seats leaves it.
	f.addSyncSeat(t, sub, "synced@school.fr", "google:ou:/Teachers")
	if _, err := f.app.removeSeat(bg, ada, sub, "nobody@school.fr", false, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("removing a seat nobody holds: %v", err)
	}
	res, err := f.app.removeSeat(bg, ada, sub, " BOB@school.fr ", false, false)
	if err != nil || len(res.Removed) != 1 || res.Free != 7 {
		t.Fatalf("remove one: %+v, %v", res, err)
	}
	res, err = f.app.removeHandSeats(bg, ada, sub, true)
	if err != nil || len(res.Removed) != 2 || len(seatEmails(t, f, ada, sub)) != 3 {
		t.Fatalf("dry removal of hand seats: %+v, %v", res, err)
	}
	if _, err := f.app.removeHandSeats(bg, ada, sub, false); err != nil {
		t.Fatal(err)
	}
	if got := seatEmails(t, f, ada, sub); !slices.Equal(got, []string{"synced@school.fr"}) {
		t.Errorf("after removing hand seats: %q", got)
	}
	log, err := f.store.ListAudit(bg, sub)
	if err != nil {
		t.Fatal(err)
	}
	var removals []string
	for _, e := range log {
		if e.Action == model.AuditSeatsRemove && e.AdminID == ada.ID {
			removals = append(removals, e.Detail)
		}
	}
	if !slices.Equal(removals, []string{"-1 bob@school.fr", "-2 ana@school.fr, carl@school.fr"}) {
		t.Errorf("audit of removals: %q", removals)
	}
}

// addSyncSeat writes a seat as a sync would have.
func (f *fixture) addSyncSeat(t *testing.T, sub model.ID, email, key string) {
	t.Helper()
	_, err := f.store.ChangeSeats(bg, sub, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
		return storage.SeatWrite{Add: []model.Seat{{Email: email, Source: model.SeatGoogle, Sync: key}}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewSeatHoldersAreEmailed(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{})
	mailer, err := mailmerge.NewSMTPMailer(mailmerge.SMTPConfig{Host: srv.Host(), Port: srv.Port(),
		Security: mailmerge.SecurityNone, From: "Rollcall <rollcall@school.fr>"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = mailer.Close() })
	notice := func(sub model.Subscription, email string, lang model.Language) mailmerge.Message {
		return mailmerge.Message{To: email, Language: lang, Subject: "Your access to " + sub.Product, Text: "Ready.", HTML: "<p>Ready.</p>"}
	}
	f := licFixture(t, LicensingOptions{Mailer: mailer, Notice: notice})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	sub := f.claimed(t, ada, "PO-1", 10)
	srv.RejectRecipient("gone@school.fr", 550, "No such user")
	res, err := f.app.addTypedSeats(bg, ada, sub, "ana@school.fr gone@school.fr", SeatOptions{Notify: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Notified != 1 || len(res.NotifyErrs) != 1 || res.NotifyErrs[0].Email != "gone@school.fr" || len(res.Added) != 2 {
		t.Fatalf("result %+v", res)
	}
	ctx, cancel := context.WithTimeout(bg, 10*time.Second)
	defer cancel()
	msgs, err := srv.WaitMessages(ctx, 1)
	if err != nil || msgs[0].To[0] != "ana@school.fr" || msgs[0].Subject != "Your access to Maths+ Collège" {
		t.Fatalf("messages %+v, %v", msgs, err)
	}
	// Without Notify nobody is emailed.
	if _, err := f.app.addTypedSeats(bg, ada, sub, "bob@school.fr", SeatOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("%d messages, want 1", n)
	}
}

func TestSeatNoticesUseTheMailSettings(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{})
	notice := func(sub model.Subscription, email string, lang model.Language) mailmerge.Message {
		return mailmerge.Message{To: email, Language: lang, Subject: "Ready: " + sub.Product, Text: "Ready."}
	}
	f := licFixture(t, LicensingOptions{Notice: notice})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	sub := f.claimed(t, ada, "PO-1", 10)
	// No mail server yet: the seats are given and the result says nobody was emailed.
	if ok, err := f.app.CanNotify(bg, ada.OrgIDs[0]); ok || err != nil {
		t.Fatalf("CanNotify without settings: %v %v", ok, err)
	}
	res, err := f.app.addTypedSeats(bg, ada, sub, "ana@school.fr", SeatOptions{Notify: true})
	if err != nil || !res.NotifySkipped || res.Notified != 0 || len(res.Added) != 1 {
		t.Fatalf("without a mail server: %+v %v", res, err)
	}
	host, sec, from := srv.Host(), "none", "Rollcall <rollcall@school.fr>"
	port := srv.Port()
	if _, err := setMailEverywhere(f.app, bg, ada, MailSettingsChange{Host: &host, Port: &port, Security: &sec, From: &from}, false); err != nil {
		t.Fatal(err)
	}
	if ok, _ := f.app.CanNotify(bg, ada.OrgIDs[0]); !ok {
		t.Fatal("CanNotify with SMTP settings is false")
	}
	res, err = f.app.addTypedSeats(bg, ada, sub, "bob@school.fr carl@school.fr", SeatOptions{Notify: true})
	if err != nil || res.Notified != 2 || res.NotifySkipped {
		t.Fatalf("with a mail server: %+v %v", res, err)
	}
	ctx, cancel := context.WithTimeout(bg, 10*time.Second)
	defer cancel()
	if msgs, err := srv.WaitMessages(ctx, 2); err != nil || msgs[1].Subject != "Ready: Maths+ Collège" {
		t.Errorf("messages %+v %v", msgs, err)
	}
}
