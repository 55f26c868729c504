package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"rollcall/app"
)

// The console's export offers the platforms' formats with their options: the ENT's fields show
// their default, an unknown field is refused in the form naming it, and the file has the fields
// chosen, in the charset chosen.
func TestUsersScreenExportsTheENTFieldsChosen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	out := filepath.Join(dir, "ent-export.csv")

	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie")
	term.keys("Down", "Enter") // Users
	term.waitMatch(usersCount)
	term.waitText("› Search", "Last name")
	term.keys("Tab", "x")
	term.waitFocus("Format")
	term.waitText("ENT: specific CSV export", "Google Workspace: bulk user upload", "Textbook platform")
	for _, f := range app.ExportFormats() { // the registry's order is the choice's
		if f.Format == app.ExportENT {
			break
		}
		term.keys("Down")
	}
	term.waitMatch(regexp.MustCompile(`> ENT: specific CSV export`))
	term.keys("Enter")
	term.waitFocus("File")
	term.text(out)
	term.keys("Enter")
	term.waitFocus("Fields, in order")
	term.waitText("Options of the ENT export", "nom,prenom,profil,identifiant,classe")
	term.keys("C-u")
	term.text("nom,adresse")
	term.keys("Enter")
	term.waitText("adresse", "is not known")
	term.keys("C-u")
	term.text("prenom,nom,identifiant,email")
	term.keys("Enter")
	term.waitFocus("Charset")
	term.keys("Down", "Enter") // UTF-8
	term.waitText("Exported ")
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), "\ufeffPrénom;Nom;Identifiant;Email\r\n") || strings.Count(string(raw), "\r\n") < 100 {
		t.Errorf("the console's ENT export:\n%.300s", raw)
	}
}
