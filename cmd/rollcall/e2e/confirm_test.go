package e2e

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIAsksBeforeUndoingAnImport: on a terminal, `rollcall import undo` asks first, in the
// admin's language; "n" changes nothing, "o" undoes.
func TestCLIAsksBeforeUndoingAnImport(t *testing.T) {
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
	rollcall(t, dir, "", "import", samples, "--org", "1")
	users := func() int {
		var list struct {
			Total int `json:"total"`
		}
		if err := json.Unmarshal([]byte(rollcall(t, dir, "", "users", "list", "--json")), &list); err != nil {
			t.Fatal(err)
		}
		return list.Total
	}
	if n := users(); n != 24 {
		t.Fatalf("the import created %d users, want 24", n)
	}

	undo := "env ROLLCALL_USER=e2e LANG=C.UTF-8 " + shellQuote(binary) + " --db " +
		shellQuote(filepath.Join(dir, "rollcall.db")) + " import undo; echo EXITED:$?; sleep 600"
	term := startTerminal(t, undo)
	term.waitText("Annuler l'import n° 1 du", "(24 créés, 0 mis à jour", "[o/N]")
	term.text("n")
	term.keys("Enter")
	term.waitText("Annulé.", "EXITED:2")
	if n := users(); n != 24 {
		t.Errorf("answering no undid the import: %d users left", n)
	}

	term = startTerminal(t, undo)
	term.waitText("[o/N]")
	term.text("o")
	term.keys("Enter")
	screen := term.waitText("Import n° 1 annulé : 24 créés", "EXITED:0")
	if strings.Contains(screen, "Annulé.") {
		t.Errorf("a yes was read as a no:\n%s", screen)
	}
	if n := users(); n != 0 {
		t.Errorf("after the undo %d users are left, want 0", n)
	}
}
