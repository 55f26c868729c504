package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// entSamples is the folder of the ENT import templates beside the repository; the test is
// skipped, saying why, when the samples are not there.
func entSamples(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "samples", "ent", "templates-fr")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("the ENT samples are absent (%v): they live beside the repository in ../shared/samples", err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// rollcall runs one CLI command on the database of dir as the OS user the console uses, and
// returns its standard output; it fails the test unless the command succeeds.
func rollcall(t *testing.T, dir, stdin string, args ...string) string {
	t.Helper()
	return rollcallAs(t, "e2e", dir, stdin, args...)
}

// rollcallAs is rollcall run as another OS user: another admin's session on the same database.
func rollcallAs(t *testing.T, user, dir, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"--db", filepath.Join(dir, "rollcall.db")}, args...)...)
	cmd.Env = append(os.Environ(), "ROLLCALL_USER="+user, "LANG=C.UTF-8")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("rollcall %v: %v\nstdout: %s\nstderr: %s", args, err, out.String(), errb.String())
	}
	return out.String()
}

// TestConsoleImportsTheENTTemplates: an admin created with the CLI, with one school, signs in
// to the console, opens Imports, types the folder of the ENT templates, reads what each file
// is, runs the dry run, confirms, and reads "24 créés" in the report; the CLI then finds the
// 24 users.
func TestConsoleImportsTheENTTemplates(t *testing.T) {
	t.Parallel()
	samples := entSamples(t)
	dir := t.TempDir()
	var signup struct {
		Code string `json:"code"`
	}
	if err := json.Unmarshal([]byte(rollcall(t, dir, "", "signup", "--json", "--name", "Marie Curie", "--email", email,
		"--language", "fr", "--country", "FR")), &signup); err != nil || signup.Code == "" {
		t.Fatalf("signup --json: %v %+v", err, signup)
	}
	rollcall(t, dir, signup.Code+"\n"+password+"\n", "verify", "--email", email, "--password-stdin")
	rollcall(t, dir, password+"\n", "login", "--email", email, "--password-stdin")
	rollcall(t, dir, "", "accept-terms", "--adult", "--accept")
	rollcall(t, dir, "", "orgs", "create", "--name", "École Jules Ferry", "--city", "Paris", "--country", "FR")
	rollcall(t, dir, "", "logout")

	term := console(t, dir)
	term.waitText("Welcome to Rollcall")
	term.keys("s")
	term.fill("Email", email)
	term.fill("Password", password)
	term.waitText("Accueil", "École Jules Ferry") // the admin's language and school
	for range 3 {
		term.keys("Down")
	}
	term.waitText("› Imports")
	term.keys("Enter")
	term.waitText("Choisissez ce qu'il faut importer", "Rien n'est choisi")

	term.keys("/")
	term.waitText("Chemin : ")
	term.text(samples)
	term.keys("Enter")
	term.waitText("Ce que sont les fichiers", "CSV_Eleves.csv", "CSV_Personnels.csv",
		"format ent · encodage windows-1252 · séparateur ; · profil Élève", "Premières lignes de CSV_Eleves.csv", "Léa")
	term.keys("Enter")
	term.waitFocus("Source")
	term.keys("Enter")
	term.answerImportOptions()
	term.waitText("Simulation : 24 créés, 0 mis à jour, 0 protégé, 0 inchangé, 0 à supprimer. Rien n'a été écrit.",
		"lea.colin", "Léa COLIN (Élève)")

	term.keys("Enter")
	term.waitText("Écrire ces changements maintenant ? (o/n)")
	term.keys("o")
	term.waitMatch(regexp.MustCompile(`Import n° \d+ terminé`))
	term.waitText("24 créés, 0 mis à jour")

	term.keys("Tab")
	term.waitText("Historique des imports", "CSV_Eleves.csv", "sha256:")
	term.keys("q")
	term.waitText("EXITED:0")

	var users struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal([]byte(rollcall(t, dir, "", "users", "list", "--json")), &users); err != nil {
		t.Fatal(err)
	}
	if users.Total != 24 {
		t.Errorf("after the import rollcall users list finds %d users, want 24", users.Total)
	}
}
