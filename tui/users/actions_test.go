package users

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rollcall/app"
	"rollcall/importers"
	"rollcall/model"
	"rollcall/storage"
)

// one narrows the list to the user with this login and puts the cursor on them.
func one(t *testing.T, d driver, m *Model, login string) model.User {
	t.Helper()
	searchFor(t, d, m, login)
	d.Press("tab")
	d.WaitFor("the row of "+login, func() bool { return selectedLogin(m) != "" })
	u, _ := m.list.Selected()
	return u
}

func fresh(t *testing.T, m *Model, id model.ID) model.User {
	t.Helper()
	u, err := m.sess.Acting.GetUser(context.Background(), id)
	if err != nil {
		t.Fatalf("get user %d: %v", id, err)
	}
	return u
}

func TestLocalAdminAndNewCode(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	u := one(t, d, m, "arthur.arnaud")
	if u.LocalAdmin || u.Activated() {
		t.Fatalf("the demo's %s is already a local admin or activated", u.Login)
	}
	d.Press("a")
	d.WaitView("Arthur Arnaud is now a local admin.")
	if !fresh(t, m, u.ID).LocalAdmin {
		t.Error("the store does not say local admin")
	}
	d.Press("a")
	d.WaitView("Arthur Arnaud is no longer a local admin.")

	d.Press("r")
	d.WaitView("Give Arthur Arnaud a new activation code?")
	waitField(d, m, "yes")
	d.Press("y")
	d.WaitView("New activation code for Arthur Arnaud:")
	now := fresh(t, m, u.ID)
	if now.ActivationCode == u.ActivationCode || !strings.Contains(d.View(), model.FormatCode(now.ActivationCode)) {
		t.Errorf("code %s → %s, screen:\n%s", u.ActivationCode, now.ActivationCode, d.View())
	}
	// The list shows the new code too: it was reloaded.
	d.WaitFor("the list to show the new code", func() bool {
		got, _ := m.list.Selected()
		return got.ActivationCode == now.ActivationCode
	})
}

func TestPendingRestoreAndDeleteForGood(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	all := count(t, sess, model.Selection{})
	u := one(t, d, m, "hugo.arnaud")

	d.Press("D") // not pending yet: refused, nothing asked
	d.WaitView(sess.Cat.Errors.NotPending)
	if m.focus != focusTable {
		t.Fatalf("a confirmation opened for a user not pending deletion")
	}
	d.Press("enter")
	d.WaitFor("the detail", func() bool { return m.detail.loaded })
	d.Press("p")
	d.WaitView("Marked Hugo Arnaud for deletion.", "Pending deletion  since ")
	if now := fresh(t, m, u.ID); !now.PendingDeletion() {
		t.Fatal("not pending in the store")
	}
	d.Press("u")
	d.WaitView("Restored Hugo Arnaud.", "Pending deletion  No")
	d.Press("p")
	d.WaitView("Marked Hugo Arnaud for deletion.")
	d.Press("D")
	d.WaitView("Delete Hugo Arnaud for good? This cannot be undone.")
	waitField(d, m, "yes")
	d.Press("n") // no: nothing happens
	d.WaitFor("the detail again", func() bool { return m.focus == focusDetail })
	fresh(t, m, u.ID)
	d.Press("D")
	waitField(d, m, "yes")
	d.Press("y")
	d.WaitView("Deleted Hugo Arnaud for good.")
	if _, err := sess.Acting.GetUser(context.Background(), u.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("still in the store: %v", err)
	}
	d.Press("ctrl+r")
	waitCount(d, m, all-1)
}

func TestEditProtectsWhatChanged(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	u := one(t, d, m, "emma.arnaud")
	d.Press("e")
	d.WaitView("Edit Emma Arnaud")
	waitField(d, m, "profile")
	d.Press("enter")
	waitField(d, m, "last")
	d.Type("-Martin")
	for _, next := range []string{"first", "email", "birth"} {
		d.Press("enter")
		waitField(d, m, next)
	}
	for range 12 {
		d.Press("backspace") // the demo's birth date
	}
	d.Type("2014-13-01") // not a date: the form stays on the field
	d.Press("enter")
	d.WaitView("Birth date must be a date")
	for range 10 {
		d.Press("backspace")
	}
	d.Type("2014-03-01")
	d.Press("enter")
	waitField(d, m, "language")
	d.Press("enter")
	waitField(d, m, "classes")
	d.Press("enter")
	waitField(d, m, "groups")
	d.Press("enter")
	d.WaitView("Updated Emma Arnaud-Martin.")
	now := fresh(t, m, u.ID)
	if now.LastName != "Arnaud-Martin" || now.BirthDate != (model.Date{Year: 2014, Month: 3, Day: 1}) {
		t.Errorf("stored %q born %v", now.LastName, now.BirthDate)
	}
	if !now.ByHand.Has(model.FieldLastName) || !now.ByHand.Has(model.FieldBirthDate) ||
		now.ByHand.Has(model.FieldFirstName) || now.ByHand.Has(model.FieldClasses) {
		t.Errorf("fields set by hand: %b; want only the last name and the birth date", now.ByHand)
	}
	// The detail says so.
	d.Press("enter")
	d.WaitView("Where the values come from", "Last name   set by hand", "Birth date  set by hand")

	// An edit that changes nothing writes nothing.
	d.Press("e")
	waitField(d, m, "profile")
	submitUnchanged(d, m)
	d.WaitView("Nothing changed.")
}

func TestCreateByHand(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	d.Press("tab")
	d.Press("n")
	waitField(d, m, "school") // the demo admin has two schools
	d.Press("enter")
	waitField(d, m, "profile")
	d.Press("enter")
	waitField(d, m, "last")
	d.Type("Zola")
	d.Press("enter")
	waitField(d, m, "first")
	d.Type("Émile")
	for _, next := range []string{"email", "birth", "language", "classes"} {
		d.Press("enter")
		waitField(d, m, next)
	}
	d.Send(space()) // the first class of the school, in French order: 3e A
	d.Press("enter")
	waitField(d, m, "groups")
	d.Press("enter")
	d.WaitView("Created Émile Zola (login emile.zola).", "Zola Émile", "3e A", "created by hand")
	u, err := sess.Acting.FindUserByLogin(context.Background(), "emile.zola")
	if err != nil || u.Profile != model.Student || len(u.ClassIDs) != 1 || u.ActivationCode == "" {
		t.Fatalf("stored %+v, %v", u, err)
	}
	d.WaitView(model.FormatCode(u.ActivationCode))
}

func TestExportWritesTheSelection(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	m, d := open(t, sess)
	d.Press("down") // profiles: teachers
	d.Press("right")
	d.Send(space())
	teachers := count(t, sess, model.Selection{Profiles: []model.Profile{model.Teacher}})
	d.WaitFor("the teachers", func() bool { return m.list.Loaded() && m.list.Total() == teachers })
	d.Press("tab")
	d.Press("x")
	d.WaitView("Exporter " + sess.Cat.Count(teachers, sess.Cat.Nouns.User))
	waitField(d, m, "format")
	d.Press("down")
	d.Press("down") // CSV for French Excel
	d.Press("enter")
	waitField(d, m, "path")
	path := filepath.Join(t.TempDir(), "profs") // the extension is added
	d.Type(path)
	d.Press("enter")
	d.WaitView(sess.Cat.Count(teachers, sess.Cat.Nouns.User) + " exporté(s) dans " + path + ".csv.")
	b, err := os.ReadFile(path + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\r\n")
	if len(lines) != teachers+1 || !strings.HasPrefix(lines[0], "\ufeffNom;Prénom;Profil;Identifiant") ||
		!strings.Contains(lines[1], ";Enseignant;") {
		t.Errorf("the file holds %d lines, want %d; first: %q", len(lines), teachers+1, lines[:2])
	}

	d.Press("x") // a file that cannot be written says so and writes nothing
	waitField(d, m, "format")
	d.Press("enter")
	waitField(d, m, "path")
	d.Type(filepath.Join(t.TempDir(), "missing", "dir", "x.xlsx"))
	d.Press("enter")
	d.WaitView("Impossible d'écrire")

	d.Press("x") // XLSX, the first format offered
	waitField(d, m, "format")
	d.Press("enter")
	waitField(d, m, "path")
	book := filepath.Join(t.TempDir(), "profs.xlsx")
	d.Type(book)
	d.Press("enter")
	d.WaitView("exporté(s) dans " + book)
	if b, err := os.ReadFile(book); err != nil || !strings.HasPrefix(string(b), "PK\x03\x04") {
		t.Errorf("%s is not a workbook: %v", book, err)
	}
}

func TestDetailSaysWhereValuesCameFrom(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "eleves.csv")
	roster := "Prénom*;Nom*;Date de naissance*;Classes*\nLéa;ZAZIE;13/08/2014;CP A\n"
	if err := os.WriteFile(file, []byte(roster), 0o600); err != nil {
		t.Fatal(err)
	}
	orgs, err := sess.Acting.ListOrgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var school model.ID
	for _, o := range orgs {
		if strings.HasPrefix(o.Name, "École") {
			school = o.ID
		}
	}
	if _, err := sess.Acting.Import(ctx, []importers.Input{{Path: file}}, app.ImportOptions{OrgID: school}, nil); err != nil {
		t.Fatalf("import: %v", err)
	}
	m, d := open(t, sess)
	one(t, d, m, "zazie")
	d.Press("enter")
	d.WaitView("ZAZIE Léa", "Where the values come from", "Last name   from import #1, eleves.csv line 2",
		"Classes     from import #1, eleves.csv line 2")
}
