package year

import (
	"context"
	"testing"

	"rollcall/model"
	"rollcall/tui/internal/tuitest"
)

// In French: the form's plan, a "no" that changes nothing, and the empty history.
func TestPlanThenNoChangesNothing(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.French)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", model.French, true)
	sess.Admin, sess.Acting = ad.Admin, ad.Session
	if _, err := sess.App.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	d := tuitest.ForScreen(t, New(sess), 110, 60)
	d.WaitView("Le passage de classe", "Établissement", "Année scolaire clôturée")
	for range 4 { // school, year, classes, pattern
		d.Press("enter")
	}
	d.Type("7") // a grace period of 7 days, for this plan: saved only if the turn is applied
	d.Press("enter")
	d.WaitView("Passage à l'année suivante, clôture de", "16 classes archivées", "Clôturer l'année comme prévu ?")
	d.Press("n")
	d.WaitView("Année scolaire clôturée")
	runs, err := sess.Acting.YearCloseHistory(context.Background())
	if err != nil || len(runs) != 0 {
		t.Fatalf("a refused plan wrote %+v, %v", runs, err)
	}
	orgs, _ := sess.Acting.ListOrgs(context.Background())
	for _, o := range orgs {
		if _, set, err := sess.Acting.SchoolSettings(context.Background(), o.ID); err != nil || set.GraceDays != nil {
			t.Errorf("a refused plan saved the grace period it was planned with in %s: %v, %v", o.Name, set.GraceDays, err)
		}
	}
}
