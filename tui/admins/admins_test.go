package admins

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

// school is a session signed in as the only admin of one school.
func school(t *testing.T, lang model.Language) *screen.Session {
	t.Helper()
	ctx := context.Background()
	sess := tuitest.NewSession(t, lang)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", lang, true)
	if _, err := ad.Session.CreateOrg(ctx, model.Organization{Name: "École Jaurès", Country: "FR"}, false); err != nil {
		t.Fatal(err)
	}
	admin, err := ad.Session.Admin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sess.Admin, sess.Acting = admin, ad.Session
	return sess
}

func open(t *testing.T, sess *screen.Session) (*Model, *tuitest.Driver) {
	t.Helper()
	m := New(sess)
	d := tuitest.ForScreen(t, m, 110, 30)
	d.WaitFor("the lists", func() bool { return m.loaded })
	return m, d
}

func waitIdle(d *tuitest.Driver, m *Model) {
	d.T().Helper()
	d.WaitFor("the action to finish and the lists to reload", func() bool { return m.focus == focusList && !m.busy.On() })
}

func TestInviteShowsTheCodeThatSignsSomeoneUp(t *testing.T) {
	t.Parallel()
	sess := school(t, model.English)
	m, d := open(t, sess)
	d.WaitView(" Admins (1) ", " Invitations (0) ", "Ada Test (you)", "ada@example.org", "École Jaurès")

	d.Press("i")
	d.WaitFor("the invite form", func() bool { return m.focus == focusForm })
	d.Type("paul@example.org")
	d.Press("enter")
	waitIdle(d, m)
	d.WaitView("Invitation for paul@example.org: code ")
	code := strings.Fields(strings.SplitAfter(m.notice, "code ")[1])[0]
	code = strings.TrimSuffix(code, ",")
	d.Press("tab")
	d.WaitView(" Invitations (1) ", code, "paul@example.org", "ada@example.org")

	ctx := context.Background()
	if _, err := sess.App.SignUpInvited(ctx, app.SignUpInput{FullName: "Paul", Email: "paul@example.org",
		EmailConfirm: "paul@example.org", Language: model.English, Country: "FR"}, code); err != nil {
		t.Fatalf("the code on screen does not sign Paul up: %v", err)
	}
	d.Press("r")
	d.WaitView(" Invitations (0) ")
	d.Press("shift+tab")
	d.WaitView(" Admins (2) ", "Paul (not verified yet)")
}

func TestRemoveAdminAndTheLastAdminStays(t *testing.T) {
	t.Parallel()
	sess := school(t, model.French)
	ctx := context.Background()
	inv, err := sess.Acting.Invite(ctx, app.InviteInput{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sess.App.SignUpInvited(ctx, app.SignUpInput{FullName: "Zoé Zola", Email: "zoe@example.org",
		EmailConfirm: "zoe@example.org", Language: model.French, Country: "FR"}, inv.Code); err != nil {
		t.Fatal(err)
	}
	m, d := open(t, sess)
	d.WaitView(" Administrateurs (2) ", "Zoé Zola")
	d.Press("down")
	d.Press("x")
	d.WaitView("Retirer zoe@example.org des administrateurs de École Jaurès ?")
	d.Press("o")
	d.Press("enter")
	waitIdle(d, m)
	d.WaitView(" Administrateurs (1) ", "zoe@example.org n’administre plus École Jaurès.")
	// Now Ada is the last admin: removing her is refused, and said so.
	d.Press("x")
	d.WaitView("Retirer ada@example.org")
	d.Press("o")
	d.Press("enter")
	waitIdle(d, m)
	d.WaitView("C’est le dernier administrateur de « École Jaurès »", " Administrateurs (1) ")
	d.Press("tab")
	d.Press("tab")
	d.Press("tab")
	d.WaitView(" Activité (", "administrateur retiré", "zoe@example.org")
}

func TestAddAndRemoveAnSSHKey(t *testing.T) {
	t.Parallel()
	sess := school(t, model.English)
	m, d := open(t, sess)
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	sshPub, _ := ssh.NewPublicKey(pub)
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sshPub))) + " ada@laptop"
	fp := ssh.FingerprintSHA256(sshPub)

	d.Press("a")
	d.WaitFor("the key form", func() bool { return m.focus == focusForm })
	d.Type("not a key")
	d.Press("enter")
	d.WaitView("This is not an SSH public key")
	for range len("not a key") {
		d.Press("backspace")
	}
	d.Type(line)
	d.Press("enter")
	waitIdle(d, m)
	d.WaitView(" My SSH keys (1) ", fp, "ada@laptop", "SSH key "+fp+" added.")
	if _, got, err := sess.App.AdminByKey(context.Background(), sshPub.Marshal()); err != nil || got.Fingerprint != fp {
		t.Fatalf("the key added on screen does not sign in: %v", err)
	}
	d.Press("x")
	d.WaitView("Remove the SSH key " + fp + "?")
	d.Press("esc") // changed their mind: nothing removed
	d.WaitFor("the list", func() bool { return m.focus == focusList })
	d.Press("x")
	d.Press("y")
	d.Press("enter")
	waitIdle(d, m)
	d.WaitView(" My SSH keys (0) ", "No SSH key yet")
}

func TestStaleLoadIsDropped(t *testing.T) {
	t.Parallel()
	sess := school(t, model.English)
	m, d := open(t, sess)
	d.Send(loadedMsg{id: 0, data: data{admins: []app.AdminInfo{{FullName: "Ghost"}}}})
	if strings.Contains(d.View(), "Ghost") || len(m.data.admins) != 1 {
		t.Errorf("a stale load replaced the list:\n%s", d.View())
	}
}

// c joins another school with the code its admin gave: a wrong code is refused and changes
// nothing; the right one adds the school to the admin's, and the header learns it.
func TestJoinAnotherSchoolWithACode(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	sess := school(t, model.French)
	bob := tuitest.SignUp(t, sess.App, "bob@example.org", model.French, true)
	hugo, err := bob.Session.CreateOrg(ctx, model.Organization{Name: "Collège Hugo", Country: "FR"}, false)
	if err != nil {
		t.Fatal(err)
	}
	inv, err := bob.Session.Invite(ctx, app.InviteInput{OrgID: hugo.ID, Email: "ada@example.org"}, false)
	if err != nil {
		t.Fatal(err)
	}
	m, d := open(t, sess)
	join := func(code string) {
		t.Helper()
		d.Press("c")
		d.WaitView("Rejoindre un autre établissement", "Code d’invitation")
		d.Type(code)
		d.Press("enter")
		waitIdle(d, m)
	}
	join("ZZZZ-ZZZZ")
	if m.errText == "" || len(m.data.me.OrgIDs) != 1 {
		t.Fatalf("a wrong code: error %q, schools %v", m.errText, m.data.me.OrgIDs)
	}
	join(inv.Code)
	d.WaitView("Vous administrez désormais Collège Hugo.")
	d.WaitFor("the reload", func() bool { return len(m.data.me.OrgIDs) == 2 })
	tuitest.AwaitMatch(d, func(am screen.AdminMsg) bool { return len(am.Admin.OrgIDs) == 2 }) // the header's schools
}
