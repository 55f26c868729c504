package imports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"rollcall/importers"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

// TestPickerMarksFilesAndShowsWhatTheyAre: the picker lists folders and roster files only,
// opens a folder, marks two files, and the detection shows each one's format, encoding,
// delimiter and profile, and the first rows of the one under the cursor.
func TestPickerMarksFilesAndShowsWhatTheyAre(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	ent := filepath.Join(root, "ent")
	writeENT(t, ent, threeStudents...)
	teachers := "Prénom*;Nom*;date de naissance;fonction\r\nFélicité;SIMANI;13/08/1980;Maths\r\n"
	raw := []byte(teachers)
	// The teachers' file in Windows-1252, as ENTs export it: é is 0xE9.
	raw = []byte(strings.NewReplacer("é", "\xe9").Replace(string(raw)))
	if err := os.WriteFile(filepath.Join(ent, "CSV_Enseignants.csv"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(ent, "notes.pdf"), []byte("%PDF"), 0o600)
	f := newFixture(t, model.English, 1, root)
	d := f.d
	d.WaitView("Choose the files to import", "› ", "ent/", "folder", "Nothing marked:")

	d.Press("enter")
	d.WaitView("CSV_Eleves.csv", "CSV_Enseignants.csv")
	if strings.Contains(d.View(), "notes.pdf") {
		t.Errorf("the picker lists a PDF:\n%s", d.View())
	}
	d.Press("space") // the cursor starts on the first file, below ".."
	d.Press("down")
	d.Press("space")
	d.WaitView("Marked: CSV_Eleves.csv, CSV_Enseignants.csv", "[x]")
	d.Press("d")
	d.WaitView("What the files are", "First rows of CSV_Eleves.csv")
	v := d.View()
	for _, want := range []string{
		"CSV_Eleves.csv", "format ent · encoding utf-8 · delimiter ; · profile Student",
		"CSV_Enseignants.csv", "format ent · encoding windows-1252 · delimiter ; · profile Teacher",
		"Prénom*", "Date de naissance*", "Léa", "COLIN", "13/08/2014", "Inès",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the detection lacks %q:\n%s", want, v)
		}
	}
	d.Press("down")
	d.WaitView("First rows of CSV_Enseignants.csv", "Félicité", "SIMANI")

	// esc steps back to the picker, the marks kept; from there it closes the screen.
	d.Press("esc")
	d.WaitView("Marked: CSV_Eleves.csv, CSV_Enseignants.csv")
	if f.m.HandlesBack() {
		t.Error("on the picker, esc should be left to the root (close the screen)")
	}
}

// TestDryRunShowsTheDiffAndConfirmWrites: the dry run reports in French and lists every user
// it would create, writes nothing; confirming writes; a second run shows old → new.
func TestDryRunShowsTheDiffAndConfirmWrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeENT(t, dir, threeStudents...)
	f := newFixture(t, model.French, 1, dir)
	d := f.d

	f.dryRun(dir)
	d.WaitView("Simulation : 3 créés, 0 mis à jour, 0 protégé, 0 inchangé, 0 à supprimer. Rien n'a été écrit.",
		"2 classes, 0 groupe et 0 établissement créés", "lea.colin", "Léa COLIN (Élève)", "CSV_Eleves.csv:2", "ines.berger", "1–3 sur 3")
	if n := f.users(); n != 0 {
		t.Fatalf("the dry run wrote %d users", n)
	}

	d.Press("enter")
	d.WaitView("Écrire ces changements maintenant ? (o/n)")
	d.Press("n")
	if f.m.step != stepDiff {
		t.Fatalf("n should leave the diff as it was, step %v", f.m.step)
	}
	d.Press("enter")
	d.Press("o")
	d.WaitView("Import n° ", " terminé", "3 créés, 0 mis à jour")
	if n := f.users(); n != 3 {
		t.Fatalf("the import wrote %d users, want 3", n)
	}

	// Théo moves up a class: the next dry run shows the class changing, old → new.
	writeENT(t, dir, "Léa;COLIN;13/08/2014;CP", "Théo;COLIN;02/01/2010;6e", "Inès;BERGER;05/03/2014;CP")
	d.Press("enter") // a new import
	d.WaitView("Choisissez ce qu'il faut importer")
	f.dryRun(dir)
	d.WaitView("0 créé, 1 mis à jour, 0 protégé, 2 inchangés", "theo.colin", "Classes", "CM2 → 6e")
}

// TestInvalidRowsAreListedWhereTheyAre: a bad date stops the dry run; the error names the file,
// the line, the column, the value and what was expected, and nothing can be confirmed.
func TestInvalidRowsAreListedWhereTheyAre(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeENT(t, dir, "Léa;COLIN;31/02/2014;CP", "Théo;COLIN;02/01/2010;")
	f := newFixture(t, model.English, 1, dir)
	f.dryRun(dir)
	f.d.WaitView("2 problems in the files: nothing can be imported until they are fixed.",
		"CSV_Eleves.csv, line 2, column Date de naissance* (C), value \"31/02/2014\": must be a date",
		"line 3, column Classes* (D)")
	f.d.Press("enter")
	if f.m.step != stepDiff || strings.Contains(f.d.View(), "Write these changes") {
		t.Errorf("invalid files must not be confirmable:\n%s", f.d.View())
	}
	// esc returns to the options, the values kept.
	f.d.Press("esc")
	f.d.WaitFor("the options", func() bool { return f.m.step == stepOptions })
}

// TestSeveralOrganizationsAreOffered: with two schools the options ask which one receives the
// users, and the import goes there.
func TestSeveralOrganizationsAreOffered(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeENT(t, dir, threeStudents...)
	f := newFixture(t, model.English, 2, dir)
	f.typePath(dir)
	f.d.Press("enter")
	f.d.WaitView("Organization", "École 1", "École 2")
	f.d.Press("enter") // source
	f.d.WaitFor("the organization field", func() bool { return f.m.forms.Form.GetFocusedField().GetKey() == fieldOrg })
	f.d.Press("down")
	f.d.WaitFor("École 2 chosen", func() bool { return f.m.opts.org != 0 })
	f.d.WaitFor("École 2 chosen", func() bool { return f.m.opts.org == f.admin().OrgIDs[1] })
}

// TestStaleDetectionIsDropped: a detection that answers after the admin went back is ignored.
func TestStaleDetectionIsDropped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := writeENT(t, dir, threeStudents...)
	f := newFixture(t, model.English, 1, dir)
	f.d.WaitView("CSV_Eleves.csv")
	f.d.Press("space")
	f.d.Press("d")
	id := f.m.detectReq
	f.d.Press("esc")
	f.d.Send(detectedMsg{id: id, inputs: []importers.Input{{Path: path}}, detections: []importers.Detection{{Path: path, Format: "ent", Source: "ent"}}})
	if f.m.step != stepPick || strings.Contains(f.d.View(), "What the files are") {
		t.Errorf("a stale detection replaced the picker:\n%s", f.d.View())
	}
}

// TestEscOnThePickerIsTheRoots: the screen lets the root close it from the picker, and keeps
// esc while a step is open.
func TestEscOnThePickerIsTheRoots(t *testing.T) {
	t.Parallel()
	f := newFixture(t, model.English, 1, t.TempDir())
	if screen.HandlesBack(f.m) {
		t.Error("the picker must leave esc to the root")
	}
	f.d.Press("/")
	if !screen.HandlesBack(f.m) || !f.m.CapturesInput() {
		t.Error("the path field must keep esc and printable keys")
	}
	f.d.Press("esc")
	if f.m.step != stepPick {
		t.Errorf("esc should leave the path field, step %v", f.m.step)
	}
}

// A folder that cannot be read gives an error that wraps on a narrow screen instead of losing
// its end, and the folder's list gives it room.
func TestPickerErrorWrapsOnANarrowScreen(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "rentree-2026", "exports-de-l-ent-introuvables")
	f := newFixture(t, model.French, 1, missing)
	const width, height = 50, 20
	f.d = tuitest.ForScreen(t, f.m, width, height)
	f.d.WaitFor("the error", func() bool { return f.m.picker.err != nil })
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") } // wrapping may break anywhere
	want := squeeze(f.sess.Cat.Error(f.m.picker.err))
	v := f.d.View()
	if got := squeeze(v); !strings.Contains(got, want) {
		t.Errorf("the error %q is not whole on screen:\n%s", want, v)
	}
	if h := lipgloss.Height(v); h > height {
		t.Errorf("%d lines in %d:\n%s", h, height, v)
	}
}
