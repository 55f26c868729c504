package merge

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

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
	sess.Admin, sess.Acting = ta.Admin, ta.Session
	ctx := context.Background()
	if _, err := sess.App.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	admin, err := ta.Session.Admin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	url := "https://comptes.example.fr/ent"
	if _, err := setEverywhere(t, sess, ctx, admin, app.MailSettingsChange{ActivationURL: &url}, false); err != nil {
		t.Fatal(err)
	}
	return sess, admin
}

// class6eA is the selection of the demo's 6e A students.
func class6eA(t *testing.T, sess *screen.Session, admin model.Admin) model.Selection {
	t.Helper()
	info, err := sess.Acting.FindSet(context.Background(), app.Classes, "6e A")
	if err != nil {
		t.Fatal(err)
	}
	return model.Selection{ClassIDs: []model.ID{info.ID}, Profiles: []model.Profile{model.Student}}
}

func TestPreviewShowsCountsAndFirstCard(t *testing.T) {
	t.Parallel()
	sess, admin := demoSession(t)
	sel := class6eA(t, sess, admin)
	page, err := sess.Acting.FindUsers(context.Background(), sel, 0, 1)
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
	d.WaitView("25 cartes sur 4 pages, dans " + out)
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
	if _, err := setEverywhere(t, sess, context.Background(), admin, ch, false); err != nil {
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
	if _, err := setEverywhere(t, sess, context.Background(), admin, app.MailSettingsChange{ActivationURL: &empty}, false); err != nil {
		t.Fatal(err)
	}
	m := New(sess, screen.MailMergeArgs{Selection: model.Selection{ClassIDs: class6eA(t, sess, admin).ClassIDs}}, false)
	d := tuitest.ForScreen(t, m, 120, 50)
	d.WaitView("Aucune adresse d’activation")
	d.Press("e")
	d.WaitView("Cartes par feuille", "Adresse d’activation")
	focus := func(key string) {
		d.WaitFor("focus on "+key, func() bool { return m.forms.Form != nil && m.forms.Form.GetFocusedField().GetKey() == key })
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

// The mail server is set from the emails tab, as `rollcall settings smtp` does: the password
// is never shown, kept when left empty, dropped with the user name; then a campaign goes out.
func TestMailServerFormThenSend(t *testing.T) {
	t.Parallel()
	sess, admin := demoSession(t)
	srv := smtptest.Start(t, smtptest.Options{})
	m := New(sess, screen.MailMergeArgs{Selection: class6eA(t, sess, admin)}, false)
	d := tuitest.ForScreen(t, m, 120, 50)
	d.WaitView("sélectionnés")
	d.Press("tab")
	d.WaitView("Aucun serveur SMTP", "Définissez-le avec p.")
	if !slices.ContainsFunc(m.ShortHelp(), func(b key.Binding) bool { return b.Help().Key == "p" }) {
		t.Error("the emails tab's help lacks p")
	}
	focus := func(key string) {
		t.Helper()
		d.WaitFor("focus on "+key, func() bool { return m.forms.Form != nil && m.forms.Form.GetFocusedField().GetKey() == key })
	}
	d.Press("p")
	focus("host")
	d.Type(srv.Host())
	d.Press("enter")
	focus("port")
	d.Type(strconv.Itoa(srv.Port()))
	d.Press("enter")
	focus("security")
	d.Press("right") // STARTTLS → TLS
	d.Press("right") // → none: the test server speaks clear text
	d.Press("enter")
	focus("username")
	d.Type("relais")
	d.Press("enter")
	focus("password")
	d.Type("s3cret-smtp")
	if strings.Contains(d.View(), "s3cret-smtp") {
		t.Errorf("the password shows as typed:\n%s", d.View())
	}
	d.Press("enter")
	focus("from")
	d.Type("Service informatique <it@college.example.fr>")
	d.Press("enter")
	d.WaitView("Serveur d’envoi enregistré.")
	d.WaitFor("the reload", func() bool { return !m.busy.On() && !m.noSMTP })
	saved, err := sess.Acting.MailSettings(context.Background(), m.school)
	if err != nil || saved.Host != srv.Host() || saved.Port != srv.Port() || saved.Security.String() != "none" ||
		saved.Username != "relais" || saved.Password != "s3cret-smtp" || saved.From != "Service informatique <it@college.example.fr>" {
		t.Fatalf("saved %v (password set: %v), %v", saved, saved.PasswordSet(), err)
	}

	// Again, the password left empty: it stays. Then without a user name: no password kept.
	d.Press("p")
	focus("host")
	for _, key := range []string{"host", "port", "security", "username", "password"} {
		focus(key)
		d.Press("enter")
	}
	focus("from")
	d.Press("enter")
	d.WaitFor("the second save", func() bool { return m.step == stepView && !m.busy.On() })
	if s, _ := sess.Acting.MailSettings(context.Background(), m.school); s.Password != "s3cret-smtp" {
		t.Errorf("an empty password field changed the saved password (set: %v)", s.PasswordSet())
	}
	d.Press("p")
	for _, key := range []string{"host", "port", "security"} {
		focus(key)
		d.Press("enter")
	}
	focus("username")
	clearAndType(d, "")
	d.Press("enter")
	focus("password")
	d.Press("enter")
	focus("from")
	d.Press("enter")
	d.WaitFor("the third save", func() bool { return m.step == stepView && !m.busy.On() })
	if s, _ := sess.Acting.MailSettings(context.Background(), m.school); s.Username != "" || s.PasswordSet() {
		t.Errorf("without a user name the password stays (user %q)", s.Username)
	}

	d.Press("s")
	d.WaitView("e-mails maintenant")
	d.Press("enter")
	d.WaitView("Campagne 1 : ", "terminée")
	if len(srv.Messages()) == 0 || srv.Messages()[0].From == "" {
		t.Errorf("the server received %d messages", len(srv.Messages()))
	}
}

// f picks a saved filter as the selection: the counts and the header follow; none saved says
// how to save one.
func TestPickASavedFilter(t *testing.T) {
	t.Parallel()
	sess, admin := demoSession(t)
	m := New(sess, screen.MailMergeArgs{}, true)
	d := tuitest.ForScreen(t, m, 120, 40)
	d.WaitView("Toutes les personnes que vous administrez", "sélectionnés")
	d.Press("f")
	d.WaitView("Aucun filtre enregistré.")

	if _, err := sess.Acting.SaveFilter(context.Background(), "6e A élèves", class6eA(t, sess, admin), false); err != nil {
		t.Fatal(err)
	}
	d.Press("f")
	d.WaitView("Filtres enregistrés", "6e A élèves")
	d.Press("down")
	d.Press("enter")
	d.WaitView("Le filtre enregistré « 6e A élèves ».", "25 sélectionnés")
}

// setEverywhere applies a mail settings change to every school of the admin.
func setEverywhere(t *testing.T, sess *screen.Session, ctx context.Context, admin model.Admin, ch app.MailSettingsChange, dryRun bool) (app.MailSettings, error) {
	t.Helper()
	var s app.MailSettings
	var err error
	for _, org := range admin.OrgIDs {
		if s, err = sess.Acting.SetMailSettings(ctx, org, ch, dryRun); err != nil {
			return s, err
		}
	}
	return s, nil
}

// The password rules of one profile are set from the console, as `rollcall settings
// password-policy` does, for the school whose settings the screen shows.
func TestPasswordPolicyForm(t *testing.T) {
	t.Parallel()
	sess, admin := demoSession(t)
	m := New(sess, screen.MailMergeArgs{Selection: class6eA(t, sess, admin)}, false)
	d := tuitest.ForScreen(t, m, 120, 50)
	d.WaitView("sélectionnés")
	focus := func(key string) {
		t.Helper()
		d.WaitFor("focus on "+key, func() bool { return m.forms.Form != nil && m.forms.Form.GetFocusedField().GetKey() == key })
	}
	d.Press("w")
	focus("profile")
	d.WaitView("Règles des mots de passe de")
	d.Press("enter") // Élève
	focus("min")
	if v := fmt.Sprint(m.forms.Form.GetFocusedField().GetValue()); v != "8" {
		t.Errorf("a school without rules starts from %q, want the default 8", v)
	}
	clearAndType(d, "4")
	d.Press("enter")
	if m.forms.Form == nil || m.forms.Form.GetFocusedField().GetKey() != "min" {
		t.Fatal("a 4-character minimum was accepted")
	}
	clearAndType(d, "10")
	d.Press("enter")
	focus("classes")
	for range 5 {
		d.Press("up") // to the first choice, upper case
	}
	d.Press("space") // ticked, on top of the letter and digit ticked already
	d.Press("enter")
	d.WaitView("Règle des mots de passe du profil Élève enregistrée")
	_, all, err := sess.Acting.SchoolSettings(context.Background(), m.school)
	if p := all.PasswordPolicy(model.Student); err != nil || p.MinLength != 10 ||
		strings.Join(p.Classes.Names(), ",") != "upper,letter,digit" {
		t.Errorf("saved %+v (%v)", p, err)
	}

	// Changed meanwhile by another face, the rules open as the school has them now.
	strict := model.PasswordPolicy{MinLength: 14, Classes: model.CharClasses(model.ClassSpecial | model.ClassLower)}
	if _, err := sess.Acting.SetPasswordPolicy(context.Background(), m.school, model.Student, strict, false); err != nil {
		t.Fatal(err)
	}
	d.Press("w")
	focus("profile")
	d.Press("enter") // Élève again
	focus("min")
	if v := fmt.Sprint(m.forms.Form.GetFocusedField().GetValue()); v != "14" {
		t.Errorf("the form starts from %q, want the school's 14", v)
	}
	d.Press("enter")
	focus("classes")
	d.Press("enter") // nothing changed: the ticks were the school's
	d.WaitView("Règle des mots de passe du profil Élève enregistrée")
	_, all, err = sess.Acting.SchoolSettings(context.Background(), m.school)
	if p := all.PasswordPolicy(model.Student); err != nil || p != strict {
		t.Errorf("saved unchanged: %+v (%v), want %+v", p, err, strict)
		t.Errorf("saved %+v (%v)", p, err)
	}
}
