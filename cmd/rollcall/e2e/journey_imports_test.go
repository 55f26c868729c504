package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// importPath types a path in the Imports screen's picker and waits for what it is.
func (j *journey) importPath(path string, detected ...string) {
	j.term.keys("/")
	j.term.waitText("Chemin : ")
	j.term.text(path)
	j.term.keys("Enter")
	j.term.waitText(append([]string{"Ce que sont les fichiers"}, detected...)...)
	j.term.keys("Enter")
	j.term.waitFocus("Source")
	j.term.keys("Enter")
}

// runImport answers the rest of the options form, reads the dry run, confirms and waits for
// the report; report is the counts line both show.
func (j *journey) runImport(report string) {
	term := j.term
	term.answerImportOptions()
	term.waitText("Simulation : " + report + " Rien n'a été écrit.")
	term.keys("Enter")
	term.waitText("Écrire ces changements maintenant ? (o/n)")
	term.keys("o")
	term.waitMatch(regexp.MustCompile(`Import n° \d+ terminé`))
	term.waitText(strings.TrimSuffix(report, "."))
}

// importRosters imports the ENT templates into the school, then the OneRoster zip, whose
// files name their own organization.
func (j *journey) importRosters(ent, zip string) {
	term := j.term
	j.openArea("Imports")
	term.waitText("Choisissez ce qu'il faut importer")
	j.importPath(ent, "CSV_Eleves.csv", "CSV_Personnels.csv", "format ent")
	j.runImport("24 créés, 0 mis à jour, 0 protégé, 0 inchangé, 0 à supprimer.")
	term.keys("Enter") // a new import
	term.waitText("Choisissez ce qu'il faut importer")

	j.importPath(zip, "Test_minimal_data_set.zip", "format oneroster")
	term.waitFocus("Établissement")
	term.keys("Enter") // the organizations the files name
	j.runImport("6 créés, 0 mis à jour, 0 protégé, 0 inchangé, 0 à supprimer.")
	term.keys("Enter")
	term.waitText("Choisissez ce qu'il faut importer")
}

// reimportStudents imports a copy of the students' file in which Antoine MEUNIER moved to
// CE2 and Hugo PETIT arrived, and reads the report.
func (j *journey) reimportStudents(ent string) {
	term := j.term
	raw, err := os.ReadFile(filepath.Join(ent, "CSV_Eleves.csv"))
	if err != nil {
		j.t.Fatal(err)
	}
	moved := strings.Replace(string(raw), "Antoine;MEUNIER;29/04/2014;CP de Mme BROSSARD", "Antoine;MEUNIER;29/04/2014;"+ce2, 1)
	if moved == string(raw) {
		j.t.Fatalf("the sample no longer has Antoine MEUNIER in CP:\n%s", raw)
	}
	moved = strings.TrimRight(moved, "\r\n") + "\r\nHugo;PETIT;05/05/2012;" + ce2 + "\r\n" // all ASCII: Windows-1252 as is
	changed := filepath.Join(j.dir, "rentree", "CSV_Eleves.csv")
	if err := os.MkdirAll(filepath.Dir(changed), 0o755); err != nil {
		j.t.Fatal(err)
	}
	if err := os.WriteFile(changed, []byte(moved), 0o600); err != nil {
		j.t.Fatal(err)
	}
	j.importPath(changed, "CSV_Eleves.csv", "profil Élève")
	term.waitFocus("Établissement")
	term.waitText("> " + school)
	term.keys("Enter")
	j.runImport("1 créé, 1 mis à jour, 0 protégé, 6 inchangés, 0 à supprimer.")
	term.waitMatch(regexp.MustCompile(`mis à jour +antoine\.meunier +Antoine MEUNIER \(Élève\)  CSV_Eleves\.csv:\d+\n\s+Classes +CP de Mme BROSSARD → ` + ce2))
	term.waitMatch(regexp.MustCompile(`créé +hugo\.petit +Hugo PETIT \(Élève\)  CSV_Eleves\.csv:\d+`))
	term.keys("Escape")
	term.waitText("Choisissez ce qu'il faut importer")
	j.home()
}

// undoLastImport: Imports → History → u undoes the re-import, once confirmed.
func (j *journey) undoLastImport() {
	term := j.term
	j.openArea("Imports")
	term.waitText("Choisissez ce qu'il faut importer")
	term.keys("Tab")
	term.waitText("Historique des imports", "rentree/CSV_Eleves.csv")
	term.keys("u")
	m := term.waitMatch(regexp.MustCompile(`Annuler l'import n° (\d+) du .* \(o/n\)`))
	term.keys("o")
	term.waitText("Import n° "+m[1]+" annulé : 1 créé, 1 mis à jour, 0 protégé, 6 inchangés, 0 à supprimer.", "[annulé")
	j.home()
}

// answerImportOptions takes the options form from its mode to its end with the defaults (sync,
// classes as the format says, hand edits protected, 10 % deletion guard, references lenient),
// after Source (and Établissement) were answered.
func (t *terminal) answerImportOptions() {
	t.waitFocus("Mode")
	t.keys("Enter")
	t.waitFocus("Codes de classe et de groupe inconnus")
	t.keys("Enter")
	t.waitFocus("Écraser les champs saisis à la main ?")
	t.keys("Enter")
	t.waitFocus("Nombre maximal d'utilisateurs à supprimer")
	t.keys("Enter") // empty: the default 10%
	t.waitFocus("Références strictes")
	t.keys("Enter")
}
