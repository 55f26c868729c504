package imports

import (
	"context"
	"strings"
	"testing"

	"rollcall/app"
	"rollcall/model"
)

// TestProtectedFieldsAndTheDeletionGuard: a student missing from the file would be marked for
// deletion, beyond the default cap, so the dry run stops and says so; raising the cap in the
// options shows the deletion, and a field set by hand shows as kept.
func TestProtectedFieldsAndTheDeletionGuard(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := writeENT(t, dir, threeStudents...)
	f := newFixture(t, model.English, 1, dir)
	importNow(t, f, path)
	ctx := context.Background()
	page, err := f.sess.Acting.FindUsers(ctx, model.Selection{Text: "ines"}, 0, 1)
	if err != nil || len(page.Users) != 1 {
		t.Fatalf("finding Inès: %+v %v", page, err)
	}
	none := []model.ID{}
	if _, err := f.sess.Acting.EditUser(ctx, page.Users[0].ID, app.UserFields{ClassIDs: &none}, false); err != nil {
		t.Fatal(err)
	}
	writeENT(t, dir, "Théo;COLIN;02/01/2010;CM2", "Inès;BERGER;05/03/2014;CP") // Léa has left

	f.dryRun(dir)
	f.d.WaitView("Stopped: this import would mark 1 of 3 users pending deletion, more than its deletion limit allows.")
	if strings.Contains(f.d.View(), "--max-deletions") {
		t.Error("the console names the CLI's flag")
	}
	f.d.Press("esc")
	f.fillOptions(map[string]string{fieldMaxDeletions: "50%"})
	f.d.WaitFor("the dry run's end", func() bool { return f.m.step == stepDiff })
	f.d.WaitView("Dry run: 0 created, 0 updated, 1 protected, 1 unchanged, 1 to be deleted.",
		"protected      ines.berger", "Classes            kept (set by hand)", "to be deleted  lea.colin")
	f.d.Press("f")
	f.d.Press("f")
	f.d.Press("f")
	f.d.WaitView("[f] protected · 1–1 of 1", "ines.berger")
}
