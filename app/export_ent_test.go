package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"rollcall/i18n"
	"rollcall/model"
)

// entExport exports a selection to the ENT's specific CSV and returns the file's path and rows
// (decoded from the charset the options say).
func entExport(t *testing.T, f *fixture, admin model.Admin, sel model.Selection, opts ExportOptions) (string, int, [][]string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ent.csv")
	n, err := f.app.exportUsersToFileWith(context.Background(), admin, sel, ExportENT, catalogLabels(i18n.For(model.French)), opts, path)
	if err != nil || n == 0 {
		t.Fatalf("export: %d users, %v", n, err)
	}
	raw, _ := os.ReadFile(path)
	if entCharset(opts) == CharsetUTF8 {
		if !bytes.HasPrefix(raw, []byte("\ufeff")) {
			t.Fatal("UTF-8 without its BOM")
		}
		raw = raw[3:]
	} else {
		if bytes.HasPrefix(raw, []byte("\ufeff")) || !bytes.Contains(raw, []byte("Pr\xe9nom")) {
			t.Fatalf("not Windows-1252: %.40q", raw)
		}
		raw, _ = charmap.Windows1252.NewDecoder().Bytes(raw)
	}
	if !bytes.Contains(raw, []byte("\r\n")) {
		t.Error("the ENT writes CRLF")
	}
	r := csv.NewReader(bytes.NewReader(raw))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != n+1 {
		t.Fatalf("%d rows for %d users: %v", len(rows), n, err)
	}
	return path, n, rows
}

// reimportUnchanged imports the file back (dry run) and wants every user found, unchanged.
func reimportUnchanged(t *testing.T, f *fixture, admin model.Admin, school model.ID, path string, n int, format string) {
	t.Helper()
	rep, err := f.app.importFiles(context.Background(), admin, inputs(path), ImportOptions{OrgID: school, DryRun: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Counts
	if c.Created != 0 || c.Updated != 0 || c.PendingDeletion != 0 || c.ClassesCreated != 0 || c.Unchanged != n {
		t.Fatalf("re-import of %d exported users: %+v; first changes: %+v", n, c, rep.Changes[:min(3, len(rep.Changes))])
	}
	if string(rep.Format) != format {
		t.Errorf("read as %s, want %s", rep.Format, format)
	}
}

// The default ENT export is the Éléa guide's (Nom, Prénom, Profil, Identifiant, Classe) in
// Windows-1252 with semicolons, a Classe column per class, profiles as the ENT names them; read
// back by the ENT importer, every user is found by login and nothing changes.
func TestExportENTDefaultReimportsToNoChange(t *testing.T) {
	f := newFixture(t)
	admin, school := loadedDemoSchool(t, f)
	sel := model.Selection{OrgIDs: []model.ID{school}}
	path, n, rows := entExport(t, f, admin, sel, ExportOptions{})
	h := rows[0]
	if !slices.Equal(h[:5], []string{"Nom", "Prénom", "Profil", "Identifiant", "Classe"}) || slices.ContainsFunc(h[5:], func(c string) bool { return c != "Classe" }) {
		t.Fatalf("header %q", h)
	}
	profiles := map[string]bool{}
	for _, r := range rows[1:] {
		profiles[r[2]] = true
		if _, ok := model.ParseProfile(r[2]); !ok || r[3] == "" {
			t.Fatalf("row %q", r)
		}
	}
	if !profiles["Élève"] || !profiles["Enseignant"] {
		t.Errorf("profiles %v", profiles)
	}
	reimportUnchanged(t, f, admin, school, path, n, "ent-export")
}

// Every field, in the order chosen, in UTF-8: headers as the ENT writes them, a Groupe column
// per group, dates DD/MM/YYYY, the activation code of those not activated; it re-imports to no
// change too.
func TestExportENTChosenFields(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin, school := loadedDemoSchool(t, f)
	groups, _ := f.store.ListGroups(ctx)
	ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{OrgIDs: []model.ID{school}, Profiles: []model.Profile{model.Student}})
	for i, id := range ids[:3] { // pupils in one and two groups
		u, _ := f.store.User(ctx, id)
		for _, g := range groups {
			if g.OrgID == school && len(u.GroupIDs) <= i%2 {
				u.GroupIDs = append(u.GroupIDs, g.ID)
			}
		}
		if err := f.store.UpdateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	fields := []string{"Prénom", "nom", "identifiant", "profil", "date_naissance", "email", "groupe", "classe", "uai", "ecole", "code-activation"}
	path, n, rows := entExport(t, f, admin, model.Selection{OrgIDs: []model.ID{school}}, ExportOptions{Fields: fields, Charset: "utf-8"})
	h := rows[0]
	want := []string{"Prénom", "Nom", "Identifiant", "Profil", "Date de naissance", "Email", "Groupe", "Groupe"}
	if !slices.Equal(h[:len(want)], want) || h[len(h)-3] != "UAI" || h[len(h)-1] != "Code d'activation" {
		t.Fatalf("header %q", h)
	}
	dated, coded := 0, 0
	for _, r := range rows[1:] {
		if r[4] != "" {
			dated++
			if _, ok := model.ParseDate(r[4], model.DMY); !ok {
				t.Errorf("date %q", r[4])
			}
		}
		if c := r[len(r)-1]; c != "" {
			coded++
			if len(c) != 9 || c[4] != '-' {
				t.Errorf("code %q", c)
			}
		}
	}
	if dated == 0 || coded == 0 {
		t.Errorf("%d dates, %d codes", dated, coded)
	}
	reimportUnchanged(t, f, admin, school, path, n, "ent-export")
}

// A name Windows-1252 cannot hold stops the export, naming the user, the column and the
// character; no file is left. UTF-8 writes it.
func TestExportENTCharsetRefusal(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin, school := loadedDemoSchool(t, f)
	ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{OrgIDs: []model.ID{school}})
	u, _ := f.store.User(ctx, ids[len(ids)/2])
	u.LastName = "Nguyễn"
	if err := f.store.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ent.csv")
	sel := model.Selection{OrgIDs: []model.ID{school}}
	_, err := f.app.exportUsersToFileWith(ctx, admin, sel, ExportENT, testLabels, ExportOptions{}, path)
	var ce *model.ExportCellError
	if !errors.As(err, &ce) || ce.Login != u.Login || ce.Column != "Nom" || ce.Char != 'ễ' || !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a refused export left a file")
	}
	if msg := i18n.For(model.French).Error(err); !strings.Contains(msg, u.Login) || !strings.Contains(msg, "ễ") || !strings.Contains(msg, "utf-8") {
		t.Errorf("message %q", msg)
	}
	_, _, rows := entExport(t, f, admin, sel, ExportOptions{Charset: "UTF-8"})
	if !slices.ContainsFunc(rows, func(r []string) bool { return r[0] == "Nguyễn" }) {
		t.Error("UTF-8 lost the name")
	}
}

// An unknown field or charset is refused before anything is read, listing the known ones.
func TestExportENTUnknownField(t *testing.T) {
	var oe *model.ExportOptionError
	err := CheckExportOptions(ExportENT, ExportOptions{Fields: []string{"nom", "adresse"}})
	if !errors.As(err, &oe) || oe.Option != "fields" || oe.Value != "adresse" || !slices.Equal(oe.Known, ENTFields()) {
		t.Fatalf("%v", err)
	}
	msg := i18n.For(model.English).Error(err)
	if !strings.Contains(msg, "adresse") || !strings.Contains(msg, "prenom, profil") {
		t.Errorf("message %q", msg)
	}
	if err := CheckExportOptions(ExportENT, ExportOptions{Charset: "latin9"}); !errors.As(err, &oe) || oe.Option != "charset" {
		t.Errorf("charset: %v", err)
	}
	if err := CheckExportOptions(ExportENT, ExportOptions{Fields: []string{"Date de naissance", "PRÉNOM"}}); err != nil {
		t.Errorf("spellings: %v", err)
	}
}
