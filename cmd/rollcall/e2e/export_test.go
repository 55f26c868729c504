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

	term := exportFromUsers(t, dir, app.ExportENT, "ENT: specific CSV export", out)
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

// exportFromUsers opens the console on the Users screen, opens its export, chooses the format
// shown as label and names the file out; the format's own options come next.
func exportFromUsers(t *testing.T, dir string, format app.ExportFormat, label, out string) *terminal {
	t.Helper()
	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie")
	term.keys("Down", "Enter") // Users
	term.waitMatch(usersCount)
	term.waitText("› Search", "Last name")
	term.keys("Tab", "x")
	term.waitFocus("Format")
	term.waitText("ENT: specific CSV export", "Google Workspace: bulk user upload", "Textbook platform")
	for _, f := range app.ExportFormats() { // the registry's order is the choice's
		if f.Format == format {
			break
		}
		term.keys("Down")
	}
	term.waitMatch(regexp.MustCompile(`> ` + regexp.QuoteMeta(label)))
	term.keys("Enter")
	term.waitFocus("File")
	term.text(out)
	term.keys("Enter")
	return term
}
