package app

import (
	"context"
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// The year's turn stops the reset codes of the activated people still pending deletion, as it
// stops the activation codes of those never activated; the others' codes keep working.
func TestYearCloseVoidsTheResetCodesOfThosePendingDeletion(t *testing.T) {
	ctx := context.Background()
	y := newYearFixture(t)
	now := y.f.clock.Now()
	leaving, staying := y.leaving, y.parent
	for _, u := range []*model.User{&leaving, &staying} {
		u.ActivatedAt, u.ActivationCode = now, ""
	}
	if _, err := y.f.store.Apply(ctx, storage.Batch{Users: []model.User{leaving, staying}}); err != nil {
		t.Fatal(err)
	}
	y.f.app.dir.upsert([]model.User{leaving, staying}, nil, nil)
	codes := map[string]string{}
	for _, login := range []string{leaving.Login, staying.Login} {
		rc, err := y.s.IssueResetCode(ctx, login, false)
		if err != nil {
			t.Fatalf("a reset code for %s: %v", login, err)
		}
		codes[login] = rc.Code
	}
	if _, err := y.s.CloseYear(ctx, YearCloseOptions{OrgID: y.school, Year: "2025-2026"}, false); err != nil {
		t.Fatal(err)
	}
	var codeErr *model.AccountCodeError
	if _, err := y.f.app.ResetPassword(ctx, leaving.Login, codes[leaving.Login], "Nouveau-mot-2026"); !errors.As(err, &codeErr) {
		t.Errorf("the reset code of someone pending deletion still works after the turn: %v", err)
	}
	if _, err := y.f.app.ResetPassword(ctx, staying.Login, codes[staying.Login], "Nouveau-mot-2026"); err != nil {
		t.Errorf("the reset code of someone staying: %v", err)
	}
}
