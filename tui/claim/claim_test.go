package claim

import (
	"context"
	"strings"
	"testing"

	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

func demoSession(t *testing.T, lang model.Language) (*screen.Session, app.DemoClaims) {
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
	claims, err := sess.App.DemoClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return sess, claims
}

// field is the key of the focused field, or the step when no form shows.
func field(m *Model) string {
	if !m.isFormStep() || m.form == nil || m.form.State != huh.StateNormal {
		return "busy"
	}
	return m.form.GetFocusedField().GetKey()
}

func waitField(d *tuitest.Driver, m *Model, key string) {
	d.T().Helper()
	d.WaitFor("the "+key+" field", func() bool { return field(m) == key })
}

func TestClaimByCodeWithReviewAndEdit(t *testing.T) {
	t.Parallel()
	sess, claims := demoSession(t, model.English)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 120, 40)
	waitField(d, m, "method")
	d.Press("enter")
	waitField(d, m, "code")
	d.Type("https://shop.example/claim?code=" + claims.Codes[1].Code)
	d.Press("enter")
	waitField(d, m, "vendor")
	if m.v.vendor != "Éditions Démo" {
		t.Errorf("vendor prefilled with %q", m.v.vendor)
	}
	d.Press("enter")
	waitField(d, m, "location")
	d.Type("Lyon")
	d.Press("enter")
	waitField(d, m, "org")
	d.Press("down") // École élémentaire Les Tilleuls
	d.Press("enter")
	waitField(d, m, "choice")
	d.WaitView("Atlas interactif 2", "Éditions Démo (Lyon)", "DEMO-3002", "40 seats", "École élémentaire Les Tilleuls", "Claim it")

	// Go back and edit the vendor from the review; the review shows the change.
	d.Press("down")
	d.Press("down")
	d.Press("enter")
	waitField(d, m, "vendor")
	d.Press("enter")
	waitField(d, m, "location")
	d.Press("backspace")
	d.Press("backspace")
	d.Press("backspace")
	d.Press("backspace")
	d.Type("Bron")
	d.Press("enter")
	waitField(d, m, "org")
	d.Press("enter")
	waitField(d, m, "choice")
	d.WaitView("Éditions Démo (Bron)")
	// esc from the review goes back one step, not out of the wizard.
	d.Press("esc")
	waitField(d, m, "org")
	d.Press("enter")
	waitField(d, m, "choice")
	d.Press("enter")
	d.WaitView("Claimed Atlas interactif 2 for École élémentaire Les Tilleuls: 40 seats.")
	tuitest.Await[screen.DataChangedMsg](d)
	d.Press("enter")
	nav := tuitest.Await[screen.NavigateMsg](d)
	if nav.Route != screen.RouteSeats || nav.Arg != m.claimed.ID || nav.Mode != screen.Replace {
		t.Errorf("enter after the claim: %+v", nav)
	}
	subs, _ := sess.Acting.ListSubscriptions(context.Background(), app.SubsQuery{})
	found := false
	for _, r := range subs.Rows {
		found = found || (r.Sub.OrderNumber == "DEMO-3002" && r.Sub.VendorLocation == "Bron" && r.OrgName == "École élémentaire Les Tilleuls")
	}
	if !found {
		t.Error("the claimed subscription is not listed with its vendor's location and organization")
	}

	// The same code again: refused at once, saying when and by whom.
	again := New(sess)
	d2 := tuitest.ForScreen(t, again, 120, 40)
	waitField(d2, again, "method")
	d2.Press("enter")
	waitField(d2, again, "code")
	d2.Type(claims.Codes[1].Code)
	d2.Press("enter")
	d2.WaitView("This was already claimed on", "by École élémentaire Les Tilleuls")
	waitField(d2, again, "code")
}

func TestClaimRefusesAlteredCodesAndTypos(t *testing.T) {
	t.Parallel()
	sess, claims := demoSession(t, model.French)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 120, 40)
	waitField(d, m, "method")
	d.Press("enter")
	waitField(d, m, "code")
	// A typo is caught while typing, before anything is checked.
	code := claims.Codes[0].Code
	typo := code[:40] + map[bool]string{true: "Z", false: "Y"}[code[40] != 'Z'] + code[41:]
	d.Type(typo)
	d.Press("enter")
	d.WaitView("faute de frappe")
	if field(m) != "code" {
		t.Fatalf("a typo moved on to %s", field(m))
	}
	// An altered code with a valid checksum: the signature refuses it.
	raw, _ := model.ParseClaimCode(code)
	raw[12]++
	for range len(typo) {
		d.Press("backspace")
	}
	d.Type(model.EncodeClaimCode(raw))
	d.Press("enter")
	d.WaitView("modifié ou contrefait")
	waitField(d, m, "code")
}

func TestClaimByDisplaysIntoANewOrganization(t *testing.T) {
	t.Parallel()
	sess, claims := demoSession(t, model.English)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 120, 40)
	waitField(d, m, "method")
	d.Press("down")
	d.Press("enter")
	waitField(d, m, "displays")
	d.Type("x")
	d.Press("enter")
	d.WaitView("must be a whole number")
	d.Press("backspace")
	d.Type("4")
	d.Press("enter")
	waitField(d, m, "serial")
	d.Type(strings.ToLower(claims.Serials[2].Serial))
	d.Press("enter")
	waitField(d, m, "vendor")
	d.Press("enter")
	d.Press("enter")
	waitField(d, m, "org")
	d.Press("down")
	d.Press("down")
	d.Press("enter")
	waitField(d, m, "name")
	d.Type("Lycée Neuf")
	d.Press("enter")
	waitField(d, m, "city")
	d.Type("Bron")
	d.Press("enter")
	waitField(d, m, "country")
	d.Press("enter")
	waitField(d, m, "choice")
	d.WaitView("Lycée Neuf (new)", "8 seats", "4 · "+claims.Serials[2].Serial)
	d.Press("enter")
	d.WaitView("Claimed Suite Classe Démo for Lycée Neuf: 8 seats.")
	admin := tuitest.Await[screen.AdminMsg](d)
	if len(admin.Admin.OrgIDs) != 3 {
		t.Errorf("the admin now has %d organizations, want 3", len(admin.Admin.OrgIDs))
	}
}
