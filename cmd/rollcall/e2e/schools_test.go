package e2e

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSchoolsInTheConsole creates a school from the Admins screen's schools tab, outside any
// claim, with its UAI; a wrong check letter is refused in words and creates nothing; then the
// school is renamed there, as `rollcall orgs edit` would.
func TestSchoolsInTheConsole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	term := console(t, dir)
	term.waitText("Home", "› Subscriptions")
	for range 5 { // Administrators, the sixth area
		term.keys("Down")
	}
	term.waitText("› Admins ")
	term.keys("Enter")
	term.waitText("Admins (", "Schools (2)")
	term.keys("n")
	term.fill("Name", "Lycée Ampère")
	term.fill("City", "Lyon")
	term.fill("Country", "FR")
	term.fill("Official code", "0750654E")
	term.waitText("followed by their check letter", "Schools (2)") // refused, in words, on the status line (the field's hint says "and their check letter")
	term.keys("n")
	term.fill("Name", "Lycée Ampère")
	term.fill("City", "Lyon")
	term.fill("Country", "FR")
	term.fill("Official code", "0750654d")
	term.waitText("School “Lycée Ampère” created", "Schools (3)", "0750654D")

	term.keys("Down", "Down", "e") // the third school: the new one
	term.waitText("Edit the school")
	term.waitFocus("Name")
	term.keys("C-u")
	term.text("Lycée Ampère-Sud")
	term.keys("Enter")
	term.fill("City", "")
	term.fill("Country", "")
	term.fill("Official code", "")
	term.waitText("School “Lycée Ampère-Sud” saved")
	term.keys("q")
	term.waitText("EXITED:0")

	var orgs []struct {
		Name, City, Country, Code string
	}
	if err := json.Unmarshal([]byte(rollcall(t, dir, "", "orgs", "list", "--json")), &orgs); err != nil {
		t.Fatal(err)
	}
	var found int
	for _, o := range orgs {
		if strings.HasPrefix(o.Name, "Lycée Ampère") {
			found++
			if o.Name != "Lycée Ampère-Sud" || o.Code != "0750654D" || o.City != "Lyon" || o.Country != "FR" {
				t.Errorf("the school = %+v", o)
			}
		}
	}
	if found != 1 || len(orgs) != 3 {
		t.Errorf("schools = %+v: want the demo's two and one new", orgs)
	}
}

// TestSecondSchoolsConsole: Bob, admin of another school on the same database, sees in his
// local console his school and its people only, never Ada's demo schools (the CLI and SSH faces
// are held to the same in cmd/rollcall's TestTwoSchoolsStayApartInEveryFace).
func TestSecondSchoolsConsole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	var s struct {
		Code string `json:"code"`
	}
	out := rollcallAs(t, "bob", dir, "", "signup", "--name", "Bob Martin", "--email", "bob@example.fr", "--language", "en", "--country", "FR", "--json")
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	rollcallAs(t, "bob", dir, s.Code+"\nmotdepasse2\n", "verify", "--email", "bob@example.fr", "--password-stdin")
	rollcallAs(t, "bob", dir, "motdepasse2\n", "login", "--email", "bob@example.fr", "--password-stdin")
	rollcallAs(t, "bob", dir, "", "accept-terms", "--adult", "--accept")
	rollcallAs(t, "bob", dir, "", "orgs", "create", "--name", "Lycée Ampère")
	rollcallAs(t, "bob", dir, "", "users", "add", "--profile", "student", "--last-name", "BOBÉLÈVE", "--first-name", "Zoé")

	term := consoleAs(t, "bob", dir)
	home := term.waitText("Home", "Lycée Ampère", "1 user")
	term.keys("Down", "Enter")
	users := term.waitText("BOBÉLÈVE")
	for _, screen := range []string{home, users} {
		for _, theirs := range []string{"Jean Moulin", "Les Tilleuls", "1,125"} {
			if strings.Contains(screen, theirs) {
				t.Errorf("Bob's console shows %q of Ada's schools:\n%s", theirs, screen)
			}
		}
	}
	term.keys("Escape") // the search field has the keys: back home first
	term.waitText("Home")
	term.keys("q")
	term.waitText("EXITED:0")
}
