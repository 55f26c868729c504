package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportErrorsNameTheFilesColumns: what the import planner finds (a class the school does
// not have, a row that fits two users) names the column as the file writes it, with its letter,
// its file and its row as a spreadsheet shows it, in French and in English; an ENT file and a
// spreadsheet template name them differently.
func TestImportErrorsNameTheFilesColumns(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "orgs", "create", "--name", "Collège")
	dir := t.TempDir()

	// An ENT students file whose class is not the school's, with --classes existing.
	ent := filepath.Join(dir, "CSV_Eleves.csv")
	os.WriteFile(ent, []byte("Identifiant externe;Nom;Prénom;Date de naissance;Classe\nE1;Martin;Léa;01/02/2014;6B\n"), 0o600)
	for lang, want := range map[string]string{
		"fr": `CSV_Eleves.csv, ligne 2, colonne Classe (E), valeur "6B"`,
		"en": `CSV_Eleves.csv, line 2, column Classe (E), value "6B"`,
	} {
		r := c.run("", "--lang", lang, "import", ent, "--classes", "existing", "--dry-run")
		if r.code != exitInvalid || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: unknown class: exit %d, stderr %q, want %q", lang, r.code, r.stderr, want)
		}
	}

	// Google's bulk upload, whose Department holds the classes.
	google := filepath.Join(dir, "google.csv")
	os.WriteFile(google, []byte("First Name [Required],Last Name [Required],Email Address [Required],Employee ID,Employee Type,Department\n"+
		"Léa,Martin,lea@example.fr,lea.martin,Student,6B\n"), 0o600)
	want := `google.csv, line 2, column Department (F), value "6B"`
	if r := c.run("", "--lang", "en", "import", google, "--classes", "existing", "--dry-run"); r.code != exitInvalid || !strings.Contains(r.stderr, want) {
		t.Errorf("Google: unknown class: exit %d, stderr %q, want %q", r.code, r.stderr, want)
	}

	// Two people of one name added by hand, and a spreadsheet row that fits both.
	for range 2 {
		c.must("", "users", "add", "--profile", "teacher", "--last-name", "Durand", "--first-name", "Paul")
	}
	sheet := filepath.Join(dir, "enseignants.csv")
	os.WriteFile(sheet, []byte("Profil;Prénom;Nom;Email\nenseignant;Paul;Durand;\n"), 0o600)
	for lang, want := range map[string]string{
		"fr": `enseignants.csv, ligne 2, colonne Nom, Prénom (C, B), valeur "Durand Paul"`,
		"en": `enseignants.csv, line 2, column Nom, Prénom (C, B), value "Durand Paul"`,
	} {
		r := c.run("", "--lang", lang, "import", sheet, "--format", "sheet", "--dry-run")
		if r.code != exitInvalid || !strings.Contains(r.stderr, want) || strings.Contains(r.stderr, "name (") {
			t.Errorf("%s: ambiguous match: exit %d, stderr %q, want %q", lang, r.code, r.stderr, want)
		}
	}
}
