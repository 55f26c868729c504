package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"rollcall/model"
)

// writeLatin1 writes a file as BE1D extractions come: Windows-1252, ';', quoted.
func writeLatin1(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	text, err := charmap.Windows1252.NewEncoder().String(strings.Join(lines, "\r\n") + "\r\n")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// be1dHomonyms writes a BE1D set in which two guardians share a name (different people, other
// children), two pupils share names and birth date (twins' cousins: distinct rows, no INE), and
// two teachers share a name.
func be1dHomonyms(t *testing.T, dir string) []string {
	pupils := writeLatin1(t, dir, "CSVExtraction-eleves.csv",
		`"Nom Elève";"Nom d'usage Elève";"Prénom Elève";"Date naissance";"Sexe";"Adresse1";"Cp1";"Commune1";"Pays1";"Cycle";"Niveau";"Classe"`,
		`"MARTIN";;"Léa";"2016-08-17";"F";"1 rue A";"61000";"Alençon";"FRANCE";"CYCLE II";"CE1";"CE1 Mme ROUX"`,
		`"MARTIN";;"Hugo";"2017-01-04";"M";"9 rue B";"61000";"Alençon";"FRANCE";"CYCLE II";"CP";"CP M. BLANC"`,
		`"DUPONT";;"Emma";"2016-02-02";"F";;;;;"CYCLE II";"CE1";"CE1 Mme ROUX"`,
		`"DUPONT";;"Emma";"2016-02-02";"F";;;;;"CYCLE II";"CE1";"CE1 Mme ROUX"`)
	guardians := writeLatin1(t, dir, "CSVExtraction-responsables.csv",
		`"Civilité Responsable";"Nom usage responsable";"Nom responsable";"Prénom responsable";"Courriel";"Nom d'usage enfant";"Nom de famille enfant";"Prénom enfant";"Classes enfants"`,
		`"M.";;"MARTIN";"Jean";;;"MARTIN";"Léa";"CE1 Mme ROUX"`,
		`"M.";;"MARTIN";"Jean";;;"MARTIN";"Hugo";"CP M. BLANC"`)
	teachers := writeLatin1(t, dir, "CSVExtraction-enseignants.csv",
		`"Civilité";"Nom usage";"Nom";"Prénom";"Courriel";"Directeur";"Classe"`,
		`"MME";;"ROUX";"Hélène";;"oui";"CE1 Mme ROUX"`,
		`"MME";;"ROUX";"Hélène";;"non";"CP M. BLANC"`)
	return []string{pupils, guardians, teachers}
}

func TestReimportWithHomonymsChangesNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	files := be1dHomonyms(t, t.TempDir())
	first, err := f.app.importFiles(ctx, admin, inputs(files...), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Counts.Created != 8 {
		t.Fatalf("first import created %d users, want 8: %+v", first.Counts.Created, first.Counts)
	}
	for run := 2; run <= 3; run++ {
		again, err := f.app.importFiles(ctx, admin, inputs(files...), ImportOptions{}, nil)
		if err != nil {
			t.Fatalf("re-import %d: %v", run, err)
		}
		if c := again.Counts; c.Created != 0 || c.Updated != 0 || c.Unchanged != 8 || c.PendingDeletion != 0 {
			t.Fatalf("re-import %d counts = %+v, want 8 unchanged", run, c)
		}
	}
}

// Users imported before keys were remembered have no external id: the re-import tells the two
// guardians apart by their children, and remembers their keys.
func TestReimportFindsHomonymsImportedWithoutKeys(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	files := be1dHomonyms(t, t.TempDir())
	if _, err := f.app.importFiles(ctx, admin, inputs(files...), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	err := f.store.ForEachUser(ctx, func(u *model.User) error {
		if u.Profile == model.Parent {
			old := *u
			old.ExternalID = ""
			return f.store.UpdateUser(ctx, old)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	f.app = New(f.store, Options{Clock: f.clock.Now, Argon2: cheapArgon2}) // a fresh index, as after an upgrade
	again, err := f.app.importFiles(ctx, admin, inputs(files...), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := again.Counts; c.Created != 0 || c.Updated != 0 || c.Unchanged != 8 {
		t.Fatalf("counts = %+v, want 8 unchanged", c)
	}
	third, err := f.app.importFiles(ctx, admin, inputs(files...), ImportOptions{}, nil)
	if err != nil || third.Counts.Unchanged != 8 {
		t.Fatalf("third import: %+v, %v", third.Counts, err)
	}
}

// One of two homonyms changes: the other is found by its key, the changed one by its names.
func TestOneHomonymChanges(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := t.TempDir()
	files := be1dHomonyms(t, dir)
	if _, err := f.app.importFiles(ctx, admin, inputs(files...), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	files[1] = writeLatin1(t, dir, "CSVExtraction-responsables.csv",
		`"Civilité Responsable";"Nom usage responsable";"Nom responsable";"Prénom responsable";"Courriel";"Nom d'usage enfant";"Nom de famille enfant";"Prénom enfant";"Classes enfants"`,
		`"M.";;"MARTIN";"Jean";;;"MARTIN";"Léa";"CE1 Mme ROUX"`,
		`"M.";;"MARTIN";"Jean";"jean.martin@example.fr";;"MARTIN";"Hugo";"CP M. BLANC"`)
	rep, err := f.app.importFiles(ctx, admin, inputs(files...), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts; c.Created != 0 || c.Updated != 1 || c.Unchanged != 7 {
		t.Fatalf("counts = %+v, want 1 updated", c)
	}
	var hugo model.ID
	f.store.ForEachUser(ctx, func(u *model.User) error {
		if u.FirstName == "Hugo" {
			hugo = u.ID
		}
		return nil
	})
	found := false
	f.store.ForEachUser(ctx, func(u *model.User) error {
		if u.Email == "jean.martin@example.fr" {
			found = slices.Equal(u.ChildIDs, []model.ID{hugo})
		}
		return nil
	})
	if !found {
		t.Fatal("the email went to the other Jean Martin")
	}
}

// Every shared sample re-imports to no change.
func TestSamplesReimportToNoChange(t *testing.T) {
	root := samplesDir(t)
	for _, set := range []string{"ent/templates-fr", "ent/templates-en", "oneroster/v1.1-classlink-style",
		"oneroster/zip/Test_minimal_data_set.zip", "sds/v1-25-users", "sds/v2.1"} {
		t.Run(set, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			admin := schoolAdmin(t, f)
			in := inputs(filepath.Join(root, set))
			first, err := f.app.importFiles(ctx, admin, in, ImportOptions{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if first.Counts.Created == 0 {
				t.Fatalf("first import created nobody: %+v", first.Counts)
			}
			// The English parents file names a child no file defines: a warning, not a failure.
			if set == "ent/templates-en" && (first.Warnings == nil || len(first.Warnings.List) != 1 || first.Warnings.List[0].Rule != RuleUnknownChild) {
				t.Fatalf("warnings = %+v", first.Warnings)
			}
			admin, _ = f.store.Admin(ctx, admin.ID) // with the schools the first import created
			again, err := f.app.importFiles(ctx, admin, in, ImportOptions{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			c := again.Counts
			if c.Created != 0 || c.Updated != 0 || c.PendingDeletion != 0 || c.ClassesCreated != 0 || c.GroupsCreated != 0 || c.OrgsCreated != 0 {
				t.Fatalf("second import: %+v", c)
			}
		})
	}
}

// Two guardians the file says the same of, but for their address (same name, same child, no
// email), keep their own accounts whatever the order of their rows: the address tells them
// apart. Without it, swapping the rows would swap the accounts.
func TestHomonymGuardiansAreToldApartByTheirAddress(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := t.TempDir()
	pupils := writeLatin1(t, dir, "CSVExtraction-eleves.csv",
		`"Nom Elève";"Nom d'usage Elève";"Prénom Elève";"Date naissance";"Niveau";"Classe"`,
		`"MARTIN";;"Léa";"2016-08-17";"CE1";"CE1 Mme ROUX"`)
	head := `"Nom responsable";"Prénom responsable";"Courriel";"Adresse responsable";"CP responsable";"Commune responsable";"Nom de famille enfant";"Prénom enfant";"Classes enfants"`
	north := func(email string) string {
		return `"MARTIN";"Jean";"` + email + `";"1 rue du Nord";"61000";"Alençon";"MARTIN";"Léa";"CE1 Mme ROUX"`
	}
	south := `"MARTIN";"Jean";;"9 route du Sud";"13000";"Marseille";"MARTIN";"Léa";"CE1 Mme ROUX"`
	guardians := writeLatin1(t, dir, "CSVExtraction-responsables.csv", head, north(""), south)
	first, err := f.app.importFiles(ctx, admin, inputs(pupils, guardians), ImportOptions{Changes: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var northLogin string
	for _, ch := range first.Changes {
		if ch.Profile == model.Parent && ch.Where.Line == 2 {
			northLogin = ch.Login
		}
	}
	if first.Counts.Created != 3 || northLogin == "" {
		t.Fatalf("first import: %+v", first.Counts)
	}
	// The rows swapped, and the northern one now gives an email.
	guardians = writeLatin1(t, dir, "CSVExtraction-responsables.csv", head, south, north("jean.martin@example.fr"))
	again, err := f.app.importFiles(ctx, admin, inputs(pupils, guardians), ImportOptions{Changes: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := again.Counts; c.Created != 0 || c.Updated != 1 || c.PendingDeletion != 0 {
		t.Fatalf("second import: %+v", c)
	}
	for _, ch := range again.Changes {
		if ch.Kind == Updated && ch.Login != northLogin {
			t.Errorf("the email went to %s, not to the northern Jean MARTIN (%s)", ch.Login, northLogin)
		}
	}
}
