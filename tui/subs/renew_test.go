package subs

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"testing"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
)

func TestRenewFromTheScreen(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	sess := tuitest.NewSession(t, model.English)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", model.English, true)
	if _, err := ad.Session.CreateOrg(ctx, model.Organization{Name: "Collège Jean Moulin", Country: "FR"}, false); err != nil {
		t.Fatal(err)
	}
	admin, _ := ad.Session.Admin(ctx)
	sess.Admin, sess.Acting = admin, ad.Session
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	if _, _, err := sess.Acting.TrustVendorKey(ctx, 0, "acme.pub", bytes.NewReader([]byte(model.FormatVendorPublicKey("Acme", pub))), false); err != nil {
		t.Fatal(err)
	}
	sign := func(e model.Entitlement) string {
		code, err := model.SignEntitlement(priv, e)
		if err != nil {
			t.Fatal(err)
		}
		return code
	}
	today := model.DateOf(sess.App.Now())
	end := model.DateOf(today.Time().AddDate(1, 0, 0))
	if _, err := sess.Acting.Claim(ctx, app.ClaimInput{Code: sign(model.Entitlement{OrderNumber: "PO-7", Product: "Atlas",
		Seats: 10, Keys: 1, StartsOn: today, EndsOn: end}), OrgID: admin.OrgIDs[0]}, false); err != nil {
		t.Fatal(err)
	}
	renewal := sign(model.Entitlement{Renewal: true, OrderNumber: "PO-7", Product: "Atlas", Seats: 5, Keys: 1,
		StartsOn: end, EndsOn: model.DateOf(end.Time().AddDate(1, 0, 0))})

	m := New(sess)
	d := tuitest.ForScreen(t, m, 130, 30)
	d.WaitView("0/10")
	d.Press("n")
	d.WaitView("Renewal code for Atlas")
	d.Type(renewal)
	d.Press("enter")
	d.WaitView("Atlas renewed", "5 seats added", "0/15")
	// The same code again is refused, and says so on the screen.
	d.Press("n")
	d.WaitView("Renewal code for Atlas")
	d.Type(renewal)
	d.Press("enter")
	d.WaitView("already claimed on", "Collège Jean Moulin")
}
