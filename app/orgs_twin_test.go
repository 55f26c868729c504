package app

import (
	"context"
	"errors"
	"testing"

	"rollcall/model"
)

// A newcomer who creates their school twice is stopped; one name in two cities, or another
// admin's school of the same name, is not a twin.
func TestASchoolIsNotCreatedTwice(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	fresh := func() model.Admin {
		a, err := f.store.Admin(ctx, admin.ID)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	first, err := f.app.createOrg(ctx, fresh(), model.Organization{Name: "École Jules Ferry", City: "Lyon", Country: "FR"}, false)
	if err != nil {
		t.Fatal(err)
	}
	var verr model.ValidationErrors
	for _, twin := range []model.Organization{
		{Name: "École Jules Ferry", City: "Lyon"},
		{Name: "  ecole   JULES ferry ", City: "LYON"},
	} {
		if _, err := f.app.createOrg(ctx, fresh(), twin, true); !errors.As(err, &verr) || verr[0].Rule != model.RuleOrgTwin {
			t.Errorf("creating %+v again: %v", twin, err)
		}
	}
	other, err := f.app.createOrg(ctx, fresh(), model.Organization{Name: "École Jules Ferry", City: "Paris"}, false)
	if err != nil {
		t.Fatalf("the same name in another city: %v", err)
	}
	if _, err := f.app.editOrg(ctx, fresh(), other.ID, OrgEdit{City: ptr("Lyon")}, false); !errors.As(err, &verr) || verr[0].Rule != model.RuleOrgTwin {
		t.Errorf("moving the Paris school to Lyon: %v", err)
	}
	if _, err := f.app.editOrg(ctx, fresh(), first.ID, OrgEdit{Country: ptr("FR")}, false); err != nil {
		t.Errorf("editing a school is not a twin of itself: %v", err)
	}
	stranger := f.verifiedAdmin(t, "other@example.fr", "password1")
	if _, err := f.app.createOrg(ctx, stranger, model.Organization{Name: "École Jules Ferry", City: "Lyon"}, false); err != nil {
		t.Errorf("another admin's school of that name: %v", err)
	}
}
