package merge

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rollcall/app"
	"rollcall/mailmerge/smtptest"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

// demoSession is a signed-in French admin of the demo school with the activation address set.
func demoSession(t *testing.T) (*screen.Session, model.Admin) {
	t.Helper()
	sess := tuitest.NewSession(t, model.French)
	ta := tuitest.SignUp(t, sess.App, "admin@example.fr", model.French, true)
	sess.Admin, sess.Token = ta.Admin, ta.Token
	ctx := context.Background()
	if _, err := sess.App.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	admin, err := sess.App.SessionAdmin(ctx, ta.Token)
	if err != nil {
		t.Fatal(err)
	}
	url := "https://comptes.example.fr/ent"
	if _, err := sess.App.SetMailSettings(ctx, admin, app.MailSettingsChange{ActivationURL: &url}, false); err != nil {
		t.Fatal(err)
	}
	return sess, admin
}

// class6eA is the selection of the demo's 6e A students.
func class6eA(t *testing.T, sess *screen.Session, admin model.Admin) model.Selection {
	t.Helper()
	info, err := sess.App.FindSet(context.Background(), admin, app.Classes, "6e A")
	if err != nil {
		t.Fatal(err)
	}
	return model.Selection{ClassIDs: []model.ID{info.ID}, Profiles: []model.Profile{model.Student}}
}

func TestPreviewShowsCountsAndFirstCard(t *testing.T) {
	t.Parallel()
	sess, admin := demoSession(t)
	sel := class6eA(t, sess, admin)
	page, err := sess.App.FindUsers(context.Background(), admin, sel, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	m := New(sess, screen.MailMergeArgs{Selection: sel}, false)
	d := tuitest.ForScreen(t, m, 100, 40)
	d.WaitView("25 sélectionnés", "Première carte", page.Users[0].Login, "Collège Jean Moulin")
	d.Press("tab")
	d.WaitView("Premier e-mail", "Objet", "Aucune campagne")
	if v := d.View(); !strings.Contains(v, "Aucun serveur SMTP") {
		t.Errorf("the emails panel does not say SMTP is missing:\n%s", v)
	}
	if h := d.View(); strings.Count(h, "\n") > 40 {
		t.Errorf("the view is taller than the body (%d lines)", strings.Count(h, "\n"))
	}
}

func TestGenerateWritesThePDFWithProgress(t *testing.T) {
	t.Parallel()
	sess, admin := demoSession(t)
	m := New(sess, screen.MailMergeArgs{Selection: class6eA(t, sess, admin)}, false)
	out := filepath.Join(t.TempDir(), "cartes.pdf")
	m.opts.output = out
	d := tuitest.ForScreen(t, m, 250, 40)
	d.WaitView("25 sélectionnés")
	d.Press("g")
	d.WaitView("25 cartes sur 4 pages écrites dans " + out)
	if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
		info, err := exec.Command(pdfinfo, out).CombinedOutput()
		if err != nil || !strings.Contains(string(info), "Pages:           4") {
			t.Errorf("pdfinfo: %v\n%s", err, info)
		}
	} else if _, err := os.Stat(out); err != nil {
		t.Errorf("no PDF written: %v", err)
	}
}

func TestCancelGenerationLeavesNoFile(t *testing.T) {
	t.Parallel()
	sess, _ := demoSession(t)
	m := New(sess, screen.MailMergeArgs{}, true) // everyone: a thousand pages at one a sheet
	out := filepath.Join(t.TempDir(), "tout.pdf")
	m.opts.output, m.opts.perSheet = out, 1
	d := tuitest.ForScreen(t, m, 100, 40)
	d.WaitView("sélectionnés")
	d.Press("g")
	if !m.HandlesBack() {
		t.Fatal("a running job must keep esc to cancel it")
	}
	d.Press("esc")
	d.WaitView("Annulé")
	if _, err := os.Stat(out); err == nil {
		t.Error("a cancelled run left a PDF")
	}
	if m.HandlesBack() {
		t.Error("esc should close the screen again once the job ended")
	}
}

// smtpSession is demoSession with SMTP pointing at an in-process server.
func smtpSession(t *testing.T) (*screen.Session, model.Admin, *smtptest.Server) {
	t.Helper()
	sess, admin := demoSession(t)
	srv := smtptest.Start(t, smtptest.Options{})
	host, port, sec, from := srv.Host(), srv.Port(), "none", "IT <it@college.example.fr>"
	ch := app.MailSettingsChange{Host: &host, Port: &port, Security: &sec, From: &from}
	if _, err := sess.App.SetMailSettings(context.Background(), admin, ch, false); err != nil {
		t.Fatal(err)
	}
	return sess, admin, srv
}

func TestSendPauseAndResumeCampaign(t *testing.T) {
	t.Parallel()
	sess, admin, srv := smtpSession(t)
	sel := model.Selection{ClassIDs: class6eA(t, sess, admin).ClassIDs} // students and teachers
	m := New(sess, screen.MailMergeArgs{Selection: sel}, false)
	d := tuitest.ForScreen(t, m, 100, 40)
	d.WaitView("sélectionnés")
	withEmail := m.preview.Counts.WithEmail
	d.Press("tab")
	d.Press("s")
	d.WaitView("Envoyer " + strconv.Itoa(withEmail) + " e-mails maintenant")
	srv.Kill() // the server is down: the campaign pauses with nothing sent
	d.Press("enter")
	d.WaitView("Campagne 1 : 0 envoyés", "Campagne 1 · en pause", "connection refused")
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	d.Press("r")
	d.WaitView("Campagne 1 : "+strconv.Itoa(withEmail)+" envoyés, 0 échecs", "terminée")
	per := map[string]int{}
	for _, msg := range srv.Messages() {
		per[msg.To[0]]++
	}
	if len(per) != withEmail {
		t.Errorf("%d addresses got mail, want %d", len(per), withEmail)
	}
	for to, n := range per {
		if n != 1 {
			t.Errorf("%s got %d messages", to, n)
		}
	}
}

// clearAndType empties the focused input and types s.
func clearAndType(d *tuitest.Driver, s string) {
	for range 80 {
		d.Press("backspace")
	}
	d.Type(s)
}

func TestOptionsFormThenCancelSending(t *testing.T) {
	t.Parallel()
	sess, admin, srv := smtpSession(t)
	empty := ""
	if _, err := sess.App.SetMailSettings(context.Background(), admin, app.MailSettingsChange{ActivationURL: &empty}, false); err != nil {
		t.Fatal(err)
	}
	m := New(sess, screen.MailMergeArgs{Selection: model.Selection{ClassIDs: class6eA(t, sess, admin).ClassIDs}}, false)
	d := tuitest.ForScreen(t, m, 120, 50)
	d.WaitView("Aucune adresse d’activation")
	d.Press("e")
	d.WaitView("Cartes par feuille", "Adresse d’activation")
	focus := func(key string) {
		d.WaitFor("focus on "+key, func() bool { return m.form != nil && m.form.GetFocusedField().GetKey() == key })
	}
	d.Press("left") // 8 → 2 per sheet
	d.Press("enter")
	focus("paper")
	d.Press("right") // A4 → US Letter
	d.Press("enter")
	focus("output")
	out := filepath.Join(t.TempDir(), "cartes.pdf")
	clearAndType(d, out)
	d.Press("enter")
	focus("split")
	d.Press("enter") // not split
	focus("activation_url")
	clearAndType(d, "https://ent.example.fr/comptes")
	d.Press("enter")
	focus("rate")
	clearAndType(d, "60") // one message a second: slow enough to cancel
	d.Press("enter")
	d.WaitFor("the address saved and the preview reloaded", func() bool {
		return m.step == stepView && !m.busy.On() && m.opts.activationURL == "https://ent.example.fr/comptes"
	})
	if m.opts.perSheet != 2 || m.opts.output != out || m.opts.rate != "60" || m.preview.NoActivationURL {
		t.Fatalf("options after the form: %+v (no activation URL: %v)", m.opts, m.preview.NoActivationURL)
	}
	d.WaitView("2 par feuille", "US Letter", "https://ent.example.fr/comptes/reset")

	d.Press("tab")
	d.Press("s")
	d.Press("enter")
	d.WaitFor("the first message", func() bool { return len(srv.Messages()) >= 1 })
	d.Press("esc")
	d.WaitView("Annulé", "Campagne 1 · annulée")
	if n := len(srv.Messages()); n >= m.preview.Counts.WithEmail {
		t.Errorf("cancel sent everything anyway (%d messages)", n)
	}
}
