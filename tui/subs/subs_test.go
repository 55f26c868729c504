package subs

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

func demoSession(t *testing.T, lang model.Language) *screen.Session {
	t.Helper()
	ctx := context.Background()
	sess := tuitest.NewSession(t, lang)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", lang, true)
	if _, err := sess.App.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	admin, err := ad.Session.Admin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sess.Admin, sess.Acting = admin, ad.Session
	return sess
}

func TestSubscriptionsList(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 140, 30)
	d.WaitFor("the list", func() bool { return m.loaded })
	cat := i18n.For(model.English)
	list, _ := sess.Acting.ListSubscriptions(context.Background(), app.SubsQuery{})
	next := list.Next
	d.WaitView("Subscriptions", fmt.Sprintf("Next renewal: %s (%s)", cat.Date(next.State.Date), next.Sub.Product),
		"Organization: All organizations · sorted by product", "Product", "Assigned/Total",
		"40/120", "Expired", "DEMO-MATH5-7Q4K (120 seats)", "Renews "+cat.Date(list.Rows[1].State.Date))

	// The organization selector: the college alone, then all again.
	d.Press("o")
	d.WaitView("Organization: Collège Jean Moulin")
	d.WaitFor("the college's subscriptions", func() bool { return len(m.list.Rows) == 2 })
	if v := d.View(); strings.Contains(v, "Les Tilleuls  ") {
		t.Errorf("another school's subscription shows:\n%s", v)
	}
	d.Press("o")
	d.Press("o")
	d.WaitView("Organization: All organizations")
	d.WaitFor("all subscriptions", func() bool { return len(m.list.Rows) == 3 })

	// Sorted by state: the expired one goes last.
	d.Press("s")
	d.WaitView("sorted by state")
	d.WaitFor("the order by state", func() bool { return len(m.list.Rows) == 3 && m.list.Rows[2].Sub.Product == "Atlas interactif" })

	d.Press("down")
	d.Press("enter")
	nav := tuitest.Await[screen.NavigateMsg](d)
	if nav.Route != screen.RouteSeats || nav.Arg != m.list.Rows[1].Sub.ID {
		t.Errorf("enter opened %+v", nav)
	}
	d.Press("c")
	if nav := tuitest.Await[screen.NavigateMsg](d); nav.Route != screen.RouteClaim {
		t.Errorf("c opened %+v", nav)
	}
}

func TestSubscriptionsInFrenchAndEmpty(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 140, 30)
	d.WaitView("Abonnements", "Prochain renouvellement : ", "Tous les établissements", "Expiré", "Attribuées/Total")

	empty := tuitest.NewSession(t, model.English)
	ad := tuitest.SignUp(t, empty.App, "bob@example.org", model.English, true)
	empty.Admin, empty.Acting = ad.Admin, ad.Session
	e := New(empty)
	de := tuitest.ForScreen(t, e, 100, 20)
	de.WaitView("No subscription yet: press c to claim", "No renewal coming up.")
}

// On 80 columns the table cuts product, organization and keys first: every state and every
// seat count stays whole, in French too.
func TestNarrowTableKeepsStatesWhole(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 78, 24)
	d.WaitFor("the list", func() bool { return m.loaded })
	cat := i18n.For(model.French)
	list, _ := sess.Acting.ListSubscriptions(context.Background(), app.SubsQuery{})
	var want []string
	for _, r := range list.Rows {
		want = append(want, cat.Int(r.Assigned)+"/"+cat.Int(r.Sub.Seats)+"  ", cat.SubStateShort(r.State))
	}
	d.WaitView(append(want, "Renouvellement ", "Expiré")...)
	for _, line := range strings.Split(d.View(), "\n") {
		if w := lipgloss.Width(line); w > 78 {
			t.Errorf("a line is %d columns wide: %q", w, line)
		}
	}
}

// v accepts a vendor from the public key file it gave, once; a private key file is refused
// with the file named and the list kept on screen.
func TestTrustAVendorFromTheScreen(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 120, 30)
	d.WaitFor("the list", func() bool { return m.loaded })
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pubFile, privFile := filepath.Join(dir, "lac.pub"), filepath.Join(dir, "lac.key")
	if err := os.WriteFile(pubFile, []byte(model.FormatVendorPublicKey("Librairie du Lac", pub)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(privFile, []byte(model.FormatVendorPrivateKey("Librairie du Lac", priv)), 0o600); err != nil {
		t.Fatal(err)
	}
	trust := func(path string) {
		t.Helper()
		d.Press("v")
		d.WaitView("Fichier de clé publique du fournisseur", "Établissement")
		d.Press("enter") // the first school: the selector shows them all, so the form asks which
		d.WaitFor("the path field", func() bool { return m.form != nil && m.form.GetFocusedField().GetKey() == "path" })
		if !m.CapturesInput() || !screen.HandlesBack(m) {
			t.Error("the path field must keep the keys and esc")
		}
		d.Type(path)
		d.Press("enter")
	}
	trust(privFile)
	d.WaitView(privFile, "PRIVÉE", "Atlas interactif")
	trust(pubFile)
	keyID := model.VendorKey{Public: pub}.KeyID()
	d.WaitView("Les codes signés par Librairie du Lac (clé "+keyID+") sont maintenant", "acceptés.")
	keys, _ := sess.Acting.TrustedVendorKeys(context.Background(), m.orgs[0].ID)
	if !slices.ContainsFunc(keys, func(k model.VendorKey) bool { return k.Vendor == "Librairie du Lac" }) {
		t.Errorf("the vendor is not trusted: %v", keys)
	}
	trust(pubFile)
	d.WaitView("Librairie du Lac (clé " + keyID + ") était déjà accepté.")
	d.Press("v")
	d.WaitView("Fichier de clé publique du fournisseur")
	d.Press("esc")
	d.WaitFor("the form to close", func() bool { return m.form == nil && !screen.HandlesBack(m) })
}

// Over SSH a path names a file of the server: the vendor form is not offered.
func TestTrustAVendorIsLocalOnly(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	sess.Remote = true
	m := New(sess)
	d := tuitest.ForScreen(t, m, 120, 30)
	d.WaitFor("the list", func() bool { return m.loaded })
	d.Press("v")
	d.WaitView("Over SSH, files would be the server's")
	if m.form != nil {
		t.Error("the key file form opened in a remote console")
	}
}
