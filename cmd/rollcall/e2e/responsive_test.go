package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestConsoleStaysResponsiveDuringABigImport types in the console while it imports 300,000
// users: the counters move on screen while the work runs, esc cancels the dry run at once with
// nothing written, and the real import then completes.
func TestConsoleStaysResponsiveDuringABigImport(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 300,000 users")
	}
	t.Parallel()
	dir := t.TempDir()
	var signup struct {
		Code string `json:"code"`
	}
	if err := json.Unmarshal([]byte(rollcall(t, dir, "", "signup", "--json", "--name", "Marie Curie", "--email", email,
		"--language", "fr", "--country", "FR")), &signup); err != nil {
		t.Fatal(err)
	}
	rollcall(t, dir, signup.Code+"\n"+password+"\n", "verify", "--email", email, "--password-stdin")
	rollcall(t, dir, password+"\n", "login", "--email", email, "--password-stdin")
	rollcall(t, dir, "", "accept-terms", "--adult", "--accept")
	rollcall(t, dir, "", "orgs", "create", "--name", "Lycée Victor Hugo")
	const rows = 300_000
	var b strings.Builder
	b.WriteString("externalID;First name*;Last name*;Birthdate*;Email;Class\n")
	for i := range rows {
		fmt.Fprintf(&b, "S%06d;Léa%d;MARTIN;%02d/03/2012;;C%03d\n", i, i, i%28+1, i%300)
	}
	file := filepath.Join(dir, "CSV_Students.csv")
	if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}

	term := console(t, dir) // the remembered session opens on home
	term.waitText("Accueil", "Lycée Victor Hugo")
	for range 3 {
		term.keys("Down")
	}
	term.waitText("› Imports")
	term.keys("Enter")
	term.waitText("Choisissez ce qu'il faut importer") // a / typed before the screen is up would be lost
	term.keys("/")
	term.waitText("Chemin : ")
	term.text(file)
	term.keys("Enter")
	term.waitText("CSV_Students.csv", "profil Élève")
	term.keys("Enter")
	term.waitFocus("Source")
	term.keys("Enter")
	term.answerImportOptions()

	// The dry run is working: esc must be heard now, not when the work is done.
	term.waitText("Simulation : calcul des changements", "Lignes lues")
	term.keys("Escape")
	screen := term.waitText("Annulé : rien n'a été écrit.")
	if strings.Contains(screen, "Simulation : 300") {
		t.Fatal("the dry run finished before esc was handled: the console was not listening")
	}

	// The cancelled dry run went back to the options form. Again, to the end, then the real
	// import: its counters must move while it runs.
	term.waitFocus("Source")
	term.keys("Enter")
	term.answerImportOptions()
	term.waitText("Simulation : 300\u202f000 créés")
	term.keys("Enter")
	term.waitText("Écrire ces changements maintenant ? (o/n)")
	term.keys("o")
	counters := regexp.MustCompile(`(Lignes lues|Utilisateurs rapprochés)\s+([\d\x{202f}]+)`)
	seen := map[string]bool{}
	done := regexp.MustCompile(`Import n° \d+ terminé`)
	term.waitFor("the import to end, watching its counters", func(screen string) bool {
		for _, m := range counters.FindAllStringSubmatch(screen, -1) {
			seen[m[1]+" "+m[2]] = true
		}
		return done.MatchString(screen)
	})
	if len(seen) < 2 {
		t.Errorf("the counters were seen %d times while importing, want them to move: %v", len(seen), seen)
	}
	term.keys("q")
	term.waitText("EXITED:0")
	var users struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal([]byte(rollcall(t, dir, "", "users", "list", "--limit", "1", "--json")), &users); err != nil || users.Total != rows {
		t.Errorf("after the import: %d users (%v), want %d", users.Total, err, rows)
	}
}
