package app

import (
	"context"
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

func TestOrgUAIIsCheckedUniqueAndNamesTheSchool(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	var verr model.ValidationErrors
	if _, err := f.app.createOrg(ctx, admin, model.Organization{Name: "Lycée", Code: "0750654E"}, false); !errors.As(err, &verr) || verr[0].Rule != model.RuleUAI {
		t.Fatalf("a wrong check letter: %v", err)
	}
	o, err := f.app.createOrg(ctx, admin, model.Organization{Name: "Henri-IV", Code: "0750654d"}, false)
	if err != nil || o.Code != "0750654D" {
		t.Fatalf("CreateOrg = %+v, %v", o, err)
	}
	if _, err := f.app.createOrg(ctx, admin, model.Organization{Name: "Again", Code: "0750654D"}, false); !errors.As(err, &verr) || verr[0].Rule != model.RuleUAITaken {
		t.Fatalf("the same UAI twice: %v", err)
	}
	if _, err := f.app.createOrg(ctx, admin, model.Organization{Name: "Elsewhere", Code: "URN-100"}, false); err != nil {
		t.Fatalf("another country's code is not a UAI: %v", err)
	}
	admin, _ = f.store.Admin(ctx, admin.ID)
	for _, ref := range []string{"0750654D", " 0750654d ", o.ID.String()} {
		if id, err := f.app.resolveOrg(ctx, admin, ref); err != nil || id != o.ID {
			t.Errorf("ResolveOrg(%q) = %v, %v", ref, id, err)
		}
	}
	if _, err := f.app.resolveOrg(ctx, admin, "0750655E"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("an unknown UAI: %v", err)
	}
}
