package app

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"rollcall/mailmerge/smtptest"
	"rollcall/model"
	"rollcall/storage"
)

// campaignFixture is the demo school with SMTP pointing at an in-process server and a campaign
// for the people of 6e A (students and their teachers) who have an email.
type campaignFixture struct {
	*fixture
	admin    model.Admin
	srv      *smtptest.Server
	campaign CampaignStatus
	people   map[string]model.User // recipients by email
}

func newCampaignFixture(t *testing.T, opts CampaignOptions) *campaignFixture {
	t.Helper()
	f, admin := mergeFixture(t)
	srv := smtptest.Start(t, smtptest.Options{})
	useSMTP(t, f, admin, srv)
	sel := model.Selection{ClassIDs: []model.ID{class6eA(t, f, admin)}}
	c, err := f.app.createCampaign(context.Background(), admin, sel, opts)
	if err != nil {
		t.Fatal(err)
	}
	cf := &campaignFixture{fixture: f, admin: admin, srv: srv, campaign: c, people: map[string]model.User{}}
	for _, u := range selectedUsers(t, f, admin, sel) {
		if u.Email != "" {
			cf.people[u.Email] = u
		}
	}
	if c.Counts.Pending != len(cf.people) || len(cf.people) < 10 {
		t.Fatalf("campaign %+v for %d people with an email; want them all pending (at least 10)", c.Counts, len(cf.people))
	}
	return cf
}

func (cf *campaignFixture) run(t *testing.T, opts RunOptions) (CampaignStatus, error) {
	t.Helper()
	if opts.Backoff == nil {
		opts.Backoff = func(int) time.Duration { return time.Millisecond }
	}
	opts.Merge.ProfileLabel = frenchLabels
	return cf.app.runCampaign(context.Background(), cf.admin, cf.campaign.ID, opts, nil)
}

// perRecipient counts the messages the server accepted for each address.
func perRecipient(msgs []smtptest.Message) map[string]int {
	n := map[string]int{}
	for _, m := range msgs {
		for _, to := range m.To {
			n[to]++
		}
	}
	return n
}

// exactlyOnce fails unless every recipient got exactly one message.
func (cf *campaignFixture) exactlyOnce(t *testing.T) {
	t.Helper()
	got := perRecipient(cf.srv.Messages())
	for email := range cf.people {
		if got[email] != 1 {
			t.Errorf("%s received %d messages, want 1", email, got[email])
		}
	}
	if len(got) != len(cf.people) {
		t.Errorf("%d addresses received mail, want %d", len(got), len(cf.people))
	}
}

func TestCampaignSendsEachPersonTheirEmail(t *testing.T) {
	t.Parallel()
	cf := newCampaignFixture(t, CampaignOptions{})
	ctx := context.Background()
	var english model.User
	for _, u := range cf.people {
		english = u
		break
	}
	lang := model.English
	if _, err := cf.app.editUser(ctx, cf.admin, english.ID, UserFields{Language: &lang}, false); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var last CampaignProgress
	st, err := cf.app.runCampaign(ctx, cf.admin, cf.campaign.ID, RunOptions{Merge: MergeOptions{ProfileLabel: frenchLabels}},
		func(p CampaignProgress) { mu.Lock(); last = p; mu.Unlock() })
	if err != nil {
		t.Fatal(err)
	}
	n := len(cf.people)
	if st.State != model.CampaignDone || st.Counts != (model.CampaignCounts{Sent: n}) || st.Runs != 1 || st.LastBy != cf.admin.ID {
		t.Fatalf("after the run: %+v", st.Campaign)
	}
	if last.Sent != n || last.Left != 0 || last.Counts.Sent != n {
		t.Errorf("last progress %+v, want %d sent and none left", last, n)
	}
	cf.exactlyOnce(t)
	var resetChecked bool
	for _, m := range cf.srv.Messages() {
		u := cf.people[m.To[0]]
		checkMessage(t, m, u, english.ID)
		if u.Activated() && !resetChecked {
			resetChecked = true
			code := codeAfter(m.Text, "enter this code: ", "saisissez ce code : ")
			if _, err := cf.app.ResetPassword(ctx, u.Login, code, "nouveau1mdp"); err != nil {
				t.Errorf("the reset code emailed to %s (%q) does not work: %v", u.Login, code, err)
			}
		}
	}
	if !resetChecked {
		t.Error("no activated recipient: the reset variant went untested")
	}
	st, err = cf.run(t, RunOptions{})
	if err != nil || st.Runs != 2 || len(cf.srv.Messages()) != n {
		t.Errorf("a second run sent %d messages in all (want %d), %+v, %v", len(cf.srv.Messages()), n, st.Campaign, err)
	}
}

// checkMessage checks one received email against its recipient's account.
func checkMessage(t *testing.T, m smtptest.Message, u model.User, englishID model.ID) {
	t.Helper()
	if m.ParseErr != nil || m.ContentType != "multipart/alternative" || m.Text == "" || m.HTML == "" {
		t.Errorf("message to %s: parse error %v, type %s, text %d bytes, html %d bytes", u.Email, m.ParseErr,
			m.ContentType, len(m.Text), len(m.HTML))
	}
	wantLang := "fr"
	if u.ID == englishID {
		wantLang = "en"
	}
	if m.Language != wantLang {
		t.Errorf("message to %s in %q, want %q", u.Email, m.Language, wantLang)
	}
	if !strings.Contains(m.Text, u.Login) || !strings.Contains(m.HTML, u.Login) {
		t.Errorf("message to %s lacks the login %s", u.Email, u.Login)
	}
	hasActivation := strings.Contains(m.Text, model.FormatCode(u.ActivationCode)) && u.ActivationCode != ""
	switch {
	case u.Activated() && (hasActivation || !strings.Contains(m.Text, testActivationURL+"/reset?code=")):
		t.Errorf("activated %s did not get the reset email:\n%s", u.Login, m.Text)
	case !u.Activated() && !hasActivation:
		t.Errorf("%s did not get their activation code %s:\n%s", u.Login, u.ActivationCode, m.Text)
	}
}

// codeAfter reads the grouped code following one of the markers.
func codeAfter(text string, markers ...string) string {
	for _, m := range markers {
		if i := strings.Index(text, m); i >= 0 {
			return text[i+len(m) : i+len(m)+9]
		}
	}
	return ""
}

func TestCampaignBadAddressFailsOnlyThatRecipient(t *testing.T) {
	t.Parallel()
	cf := newCampaignFixture(t, CampaignOptions{})
	var bad string
	for email := range cf.people {
		bad = email
		break
	}
	cf.srv.RejectRecipient(bad, 550, "No such user here")
	st, err := cf.run(t, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := len(cf.people)
	if st.State != model.CampaignDone || st.Counts != (model.CampaignCounts{Sent: n - 1, Failed: 1}) {
		t.Fatalf("counts %+v, want %d sent and 1 failed", st.Counts, n-1)
	}
	r, err := cf.store.Recipient(context.Background(), cf.campaign.ID, cf.people[bad].ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != model.DeliveryFailed || r.Code != 550 || !strings.Contains(r.Reply, "No such user here") ||
		r.Phase != "RCPT TO" || r.Temporary || r.Attempts != 1 {
		t.Errorf("recipient refused with 550: %+v", r)
	}
	if _, err := cf.run(t, RunOptions{}); err != nil || len(cf.srv.Messages()) != n-1 {
		t.Errorf("a resume retried a permanent failure: %d messages, %v", len(cf.srv.Messages()), err)
	}
	cf.srv.AcceptRecipient(bad)
	if st, err = cf.run(t, RunOptions{RetryFailed: true}); err != nil || st.Counts.Sent != n {
		t.Fatalf("retrying failures after the fix: %+v, %v", st.Counts, err)
	}
	cf.exactlyOnce(t)
}

func TestCampaignRetriesTemporaryRefusals(t *testing.T) {
	t.Parallel()
	cf := newCampaignFixture(t, CampaignOptions{})
	var busy string
	for email := range cf.people {
		busy = email
		break
	}
	cf.srv.RejectRecipient(busy, 451, "Mailbox busy, try later")
	cf.srv.FailNext(2, 421, "Too busy") // the first two commands: retried on a fresh connection
	st, err := cf.run(t, RunOptions{Attempts: 3})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := cf.store.Recipient(context.Background(), cf.campaign.ID, cf.people[busy].ID)
	if r.Status != model.DeliveryFailed || !r.Temporary || r.Code != 451 || r.Attempts != 3 {
		t.Errorf("recipient answered 451 three times: %+v", r)
	}
	if st.Counts.Failed != 1 || st.Counts.Sent != len(cf.people)-1 {
		t.Errorf("counts %+v", st.Counts)
	}
	cf.srv.AcceptRecipient(busy)
	if st, err = cf.run(t, RunOptions{}); err != nil || st.Counts.Sent != len(cf.people) {
		t.Fatalf("resume after a temporary failure: %+v, %v", st.Counts, err)
	}
	cf.exactlyOnce(t)
}

func TestCampaignResumesAfterServerDiesSendingEachOnce(t *testing.T) {
	t.Parallel()
	cf := newCampaignFixture(t, CampaignOptions{})
	cf.srv.KillAfter(4)
	// One connection: the server dies between two messages, never while one is in flight
	// (that one would be uncertain, and rightly not sent again).
	st, err := cf.run(t, RunOptions{Attempts: 2, Connections: 1})
	var paused *model.CampaignPausedError
	if !errors.As(err, &paused) || st.State != model.CampaignPaused || st.Pause == nil || !st.Pause.Temporary {
		t.Fatalf("server killed mid-campaign: %v, %+v", err, st.Campaign)
	}
	if got := len(cf.srv.Messages()); got != 4 || st.Counts.Sent != 4 || st.Counts.Pending != len(cf.people)-4 {
		t.Fatalf("%d received, counts %+v; want 4 sent and the rest pending", got, st.Counts)
	}
	if err := cf.srv.Restart(); err != nil {
		t.Fatal(err)
	}
	st, err = cf.run(t, RunOptions{})
	if err != nil || st.State != model.CampaignDone || st.Pause != nil || st.Counts.Sent != len(cf.people) {
		t.Fatalf("resume: %v, %+v", err, st.Campaign)
	}
	cf.exactlyOnce(t)
}

func TestCampaignPausesOnRefusedLogin(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	srv := smtptest.Start(t, smtptest.Options{Username: "it", Password: "right-password"})
	useSMTP(t, f, admin, srv)
	user, wrong := "it", "wrong-password"
	ctx := context.Background()
	if _, err := setMailEverywhere(f.app, ctx, admin, MailSettingsChange{Username: &user, Password: &wrong}, false); err != nil {
		t.Fatal(err)
	}
	c, err := f.app.createCampaign(ctx, admin, model.Selection{Profiles: []model.Profile{model.Staff}}, CampaignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.app.runCampaign(ctx, admin, c.ID, fastRetries(3), nil)
	var paused *model.CampaignPausedError
	if !errors.As(err, &paused) || paused.Pause.Phase != "AUTH" || paused.Pause.Code != 535 || paused.Pause.Temporary {
		t.Fatalf("wrong password: %v", err)
	}
	if st.Counts.Pending != c.Counts.Pending || len(srv.Messages()) != 0 {
		t.Fatalf("a refused login sent or failed someone: %+v", st.Counts)
	}
	if strings.Contains(err.Error(), wrong) || strings.Contains(paused.Pause.Reply, wrong) {
		t.Error("the password shows in the error")
	}
	right := "right-password"
	if _, err := setMailEverywhere(f.app, ctx, admin, MailSettingsChange{Password: &right}, false); err != nil {
		t.Fatal(err)
	}
	if st, err = f.app.runCampaign(ctx, admin, c.ID, fastRetries(3), nil); err != nil || st.Counts.Sent != c.Counts.Pending {
		t.Fatalf("after fixing the password: %+v, %v", st.Counts, err)
	}
}

func TestCampaignCancelThenResume(t *testing.T) {
	t.Parallel()
	cf := newCampaignFixture(t, CampaignOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	st, err := cf.app.runCampaign(ctx, cf.admin, cf.campaign.ID, RunOptions{Connections: 1}, func(p CampaignProgress) {
		if p.Sent >= 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || st.State != model.CampaignCancelled {
		t.Fatalf("cancel: %v, %+v", err, st.Campaign)
	}
	sent := len(cf.srv.Messages())
	if sent < 3 || sent >= len(cf.people) || st.Counts.Sent != sent || st.Counts.Sending != 0 {
		t.Fatalf("cancelled after %d messages, counts %+v", sent, st.Counts)
	}
	if st, err = cf.run(t, RunOptions{}); err != nil || st.State != model.CampaignDone {
		t.Fatalf("resume: %v, %+v", err, st.Campaign)
	}
	cf.exactlyOnce(t)
}

func TestCampaignDoesNotResendWhatMayHaveLeft(t *testing.T) {
	t.Parallel()
	cf := newCampaignFixture(t, CampaignOptions{})
	ctx := context.Background()
	var crashed model.User
	for _, u := range cf.people {
		crashed = u
		break
	}
	// A process died after marking this recipient as sending: its message may have left.
	rec := model.CampaignRecipient{UserID: crashed.ID, Status: model.DeliverySending, Email: crashed.Email, Attempts: 1}
	if _, err := cf.store.RecordDeliveries(ctx, cf.campaign.ID, []model.CampaignRecipient{rec}, nil); err != nil {
		t.Fatal(err)
	}
	st, err := cf.run(t, RunOptions{})
	if err != nil || st.Counts.Uncertain != 1 || st.Counts.Sent != len(cf.people)-1 {
		t.Fatalf("resume after a crash: %+v, %v", st.Counts, err)
	}
	if perRecipient(cf.srv.Messages())[crashed.Email] != 0 {
		t.Fatal("a message that may have left was sent again")
	}
	if st, err = cf.run(t, RunOptions{ResendUncertain: true}); err != nil || st.Counts.Sent != len(cf.people) {
		t.Fatalf("resending uncertain ones on request: %+v, %v", st.Counts, err)
	}
	cf.exactlyOnce(t)
}

func TestCampaignRules(t *testing.T) {
	t.Parallel()
	cf := newCampaignFixture(t, CampaignOptions{RatePerMinute: 30})
	ctx := context.Background()
	release, err := cf.app.merge.claim(cf.campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cf.run(t, RunOptions{}); !errors.Is(err, model.ErrCampaignRunning) {
		t.Errorf("second run of a campaign this process sends: %v", err)
	}
	release()
	// Another machine's process sends it: its lease, in the store, keeps this one out.
	unlease, err := cf.app.takeLease(ctx, cf.campaign.ID, "another-machine/4242/abc")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cf.run(t, RunOptions{}); !errors.Is(err, model.ErrCampaignRunning) {
		t.Errorf("run of a campaign another process sends: %v", err)
	}
	if st, _ := cf.app.campaign(ctx, cf.admin, cf.campaign.ID); !st.Live || st.Interrupted() {
		t.Errorf("status of a live campaign: %+v", st)
	}
	if _, err := cf.app.takeLease(ctx, cf.campaign.ID, "third/1/x"); !errors.Is(err, model.ErrCampaignRunning) {
		t.Errorf("a second lease was given: %v", err)
	}
	unlease()
	// A process of this machine that is gone leaves a lease nobody renews: it does not count.
	host, _ := os.Hostname()
	unlease, err = cf.app.takeLease(ctx, cf.campaign.ID, host+"/99999999/dead")
	if err != nil {
		t.Fatal(err)
	}
	defer unlease()
	if st, _ := cf.app.campaign(ctx, cf.admin, cf.campaign.ID); st.Live {
		t.Errorf("a lease of a dead process of this machine counts as live: %+v", st)
	}

	stranger := cf.verifiedAdmin(t, "autre@example.fr", "motdepasse2")
	if _, err := cf.app.campaign(ctx, stranger, cf.campaign.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("another school's admin sees the campaign: %v", err)
	}
	if list, _ := cf.app.campaigns(ctx, stranger); len(list) != 0 {
		t.Errorf("another school's admin lists %d campaigns", len(list))
	}
	if list, _ := cf.app.campaigns(ctx, cf.admin); len(list) != 1 || list[0].RatePerMinute != 30 {
		t.Errorf("the admin lists %+v", list)
	}
	_, err = cf.app.createCampaign(ctx, cf.admin, model.Selection{Email: model.TriNo}, CampaignOptions{})
	if !errors.Is(err, model.ErrNoRecipients) {
		t.Errorf("a selection without emails: %v", err)
	}
	none := ""
	if _, err := setMailEverywhere(cf.app, ctx, cf.admin, MailSettingsChange{Host: &none, From: &none}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := cf.app.createCampaign(ctx, cf.admin, model.Selection{}, CampaignOptions{}); !errors.Is(err, model.ErrNoSMTP) {
		t.Errorf("without SMTP: %v", err)
	}
}

func TestPacerSpacesMessages(t *testing.T) {
	t.Parallel()
	p := newPacer(60) // one a second
	if err := p.wait(context.Background()); err != nil {
		t.Fatalf("the first slot is free: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := p.wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("the second message of the second went out at once: %v", err)
	}
	if err := newPacer(0).wait(context.Background()); err != nil {
		t.Errorf("no limit: %v", err)
	}
}
