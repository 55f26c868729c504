package imports

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"

	"rollcall/app"
	"rollcall/importers"
	"rollcall/model"
)

// TestHistoryAndUndo: the history lists an import with its files' SHA-256; undo asks first,
// reverts it and says so; an import whose users were edited since cannot be undone, and the
// screen says which user changed.
func TestHistoryAndUndo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := writeENT(t, dir, threeStudents...)
	f := newFixture(t, model.English, 1, dir)
	d := f.d
	importNow(t, f, path)

	d.WaitView("Choose the files")
	d.Press("tab")
	d.WaitView("Import history", "#1", "ent", "3 created, 0 updated, 0 protected, 0 unchanged, 0 to be deleted", "CSV_Eleves.csv")
	if !regexp.MustCompile(`sha256:[0-9a-f]{12}…  3 rows`).MatchString(d.View()) {
		t.Errorf("the file's digest and rows are not shown:\n%s", d.View())
	}
	d.Press("u")
	d.WaitView("Undo import #1 of ", "(3 created, 0 updated, 0 protected, 0 unchanged, 0 to be deleted)? (y/n)")
	d.Press("n")
	if f.users() != 3 {
		t.Fatal("declining the undo changed the directory")
	}
	d.Press("u")
	d.WaitFor("the question again", func() bool { return f.m.hist.step == histConfirm })
	d.Press("y")
	d.WaitView("Import #1 undone: 3 created", "[undone")
	if n := f.users(); n != 0 {
		t.Fatalf("after the undo %d users remain", n)
	}

	// Imported again, then one student edited by hand: the undo is refused, naming her.
	importNow(t, f, path)
	page, err := f.sess.Acting.FindUsers(context.Background(), model.Selection{Text: "Léa"}, 0, 1)
	if err != nil || len(page.Users) != 1 {
		t.Fatalf("finding Léa: %v %v", page, err)
	}
	name := "Léonie"
	if _, err := f.sess.Acting.EditUser(context.Background(), page.Users[0].ID, app.UserFields{FirstName: &name}, false); err != nil {
		t.Fatal(err)
	}
	d.Press("tab")
	d.Press("tab") // back to the history: it is read again
	d.WaitView("#2")
	d.Press("u") // checked before asking: no question for an undo that cannot be done
	d.WaitView("Cannot undo: lea.colin was changed after the import.")
	if f.m.hist.step != histList {
		t.Errorf("a refused undo still asks, step %v", f.m.hist.step)
	}
	if n := f.users(); n != 3 {
		t.Errorf("a refused undo left %d users, want 3", n)
	}
}

// importNow imports a file through the app, as the CLI would.
func importNow(t *testing.T, f *fixture, path string) {
	t.Helper()
	if _, err := f.sess.Acting.Import(context.Background(), []importers.Input{{Path: path}}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
}

// TestFailedRunErrorsReopen: a run the files stopped is in the history as failed; e reopens its
// errors, located, and esc goes back to the list.
func TestFailedRunErrorsReopen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := writeENT(t, dir, "Léa;COLIN;31/02/2014;CP")
	f := newFixture(t, model.English, 1, dir)
	d := f.d
	if _, err := f.sess.Acting.Import(context.Background(), []importers.Input{{Path: path}}, app.ImportOptions{}, nil); err == nil {
		t.Fatal("a bad file imported")
	}
	d.WaitView("Choose the files")
	d.Press("tab")
	d.WaitView("Import history", "#1", "failed: 1 problem")
	if !slices.ContainsFunc(f.m.ShortHelp(), func(b key.Binding) bool { return b.Help().Desc == "see errors and warnings" }) {
		t.Error("the history's help does not offer to see the errors")
	}
	d.Press("e")
	d.WaitView("Errors of import #1", "CSV_Eleves.csv, line 2", "31/02/2014")
	d.Press("esc")
	d.WaitView("Import history", "failed: 1 problem")
	if f.m.hist.step != histList {
		t.Errorf("esc left step %v", f.m.hist.step)
	}
}

// TestWarningsOfACompletedRunReopen: a completed run keeps its warnings; e reopens them too.
func TestWarningsOfACompletedRunReopen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := newFixture(t, model.English, 1, dir)
	d := f.d
	set := filepath.Join("..", "..", "importers", "testdata", "oneroster", "v1.1-vendor")
	if _, err := f.sess.Acting.Import(context.Background(), []importers.Input{{Path: set}}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	d.WaitView("Choose the files")
	d.Press("tab")
	d.WaitView("Import history", "#1")
	d.Press("e")
	d.WaitView("Warnings of import #1", "enrollments.csv, line 4", "cls-404")
	d.Press("esc")
	d.WaitView("Import history")
}
