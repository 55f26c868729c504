package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rollcall/mailmerge/smtptest"
	"rollcall/model"
)

// journey is one new admin's school year over one database: the console they drive, the SMTP
// server their mail goes to, and what the steps learn for the later ones.
type journey struct {
	t    *testing.T
	dir  string
	term *terminal
	smtp *smtptest.Server

	code, serial string              // the vendor's claim code, a display's serial
	ce2          map[string]userJSON // the students of CE2 de Mme LAMBERT after the re-import, by login
	teachers     []userJSON          // the two teachers who activated their accounts
}

// userJSON is the part of `rollcall users list --json` the journey reads.
type userJSON struct {
	Login          string   `json:"login"`
	LastName       string   `json:"last_name"`
	FirstName      string   `json:"first_name"`
	Email          string   `json:"email"`
	Classes        []string `json:"classes"`
	Activated      bool     `json:"activated"`
	ActivationCode string   `json:"activation_code"`
}

const (
	ce2    = "CE2 de Mme LAMBERT"
	school = "École Jules Ferry"
)

// TestJourneyOfANewAdmin is the school year of issue 9 in the console, in French, over one
// database: sign up, verify and sign in; claim a subscription by a vendor's code and one by a
// display's serial; import the ENT templates and a OneRoster zip, then the students again with
// a class change and a new student; print the cards of one class's students not activated;
// email the activated people; give seats to three teachers; undo the last import; quit and
// find everything again, on screen and through the CLI. The CLI only sets up what an admin
// configures outside the console (the vendor's key, the SMTP server) and what people do on
// their own (activating their accounts), and checks the results.
func TestJourneyOfANewAdmin(t *testing.T) {
	t.Parallel()
	ent, zip := entSamples(t), oneRosterZip(t)
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: the journey checks the cards with it (CI installs poppler-utils)", tool)
		}
	}
	j := &journey{t: t, dir: t.TempDir(), smtp: smtptest.Start(t, smtptest.Options{})}

	j.term = console(t, j.dir)
	j.signUp()
	j.quit()
	j.configureOutside()

	j.term = console(t, j.dir)
	j.term.waitText("Accueil", "Connecté : Marie Curie")
	j.claimByCode()
	j.claimBySerial()
	j.importRosters(ent, zip)
	j.reimportStudents(ent)
	j.quit()
	j.configureMail()
	j.activateAccounts()

	j.term = console(t, j.dir)
	j.term.waitText("Accueil", "Connecté : Marie Curie")
	j.printCards()
	j.emailActivated()
	j.giveSeats()
	j.undoLastImport()
	j.quit()

	j.term = console(t, j.dir)
	j.checkScreensAfterReopening()
	j.quit()
	j.checkCLIAfterReopening()
}

// oneRosterZip is the zipped OneRoster sample beside the repository, or a skip saying why.
func oneRosterZip(t *testing.T) string {
	t.Helper()
	zip := filepath.Join(filepath.Dir(entSamples(t)), "..", "oneroster", "zip", "Test_minimal_data_set.zip")
	if _, err := os.Stat(zip); err != nil {
		t.Skipf("the OneRoster sample is absent (%v): it lives beside the repository in ../shared/samples", err)
	}
	return filepath.Clean(zip)
}

// quit leaves the console with q and waits for it to end well.
func (j *journey) quit() {
	j.t.Helper()
	j.term.keys("q")
	j.term.waitText("EXITED:0")
}

// signUp: sign up in French, create the password with the code shown on screen, sign in,
// accept the terms, and land on an empty home.
func (j *journey) signUp() {
	term := j.term
	term.waitText("Welcome to Rollcall", "Create an account")
	signUpInFrench(term)
	createPassword(term)
	term.waitText("Connexion", "Mot de passe créé. Vous pouvez vous connecter.", "> "+email)
	term.fill("Mot de passe", password)
	term.waitText("Avant de commencer")
	term.waitFocus("Je confirme être majeur")
	term.keys("y")
	term.waitFocus("J'accepte les conditions d'utilisation")
	term.keys("y")
	term.waitText("Accueil", "Aucune donnée", "Connecté : Marie Curie")
}

// configureOutside is what the admin sets up outside the console: the vendor mints a key and
// a claim code for an order, and the school trusts the vendor's public key. A valid serial comes
// off a display of the shipped catalogue.
func (j *journey) configureOutside() {
	t, dir := j.t, j.dir
	key := filepath.Join(dir, "librairie-du-lac")
	rollcall(t, dir, "", "vendor", "keygen", "--vendor", "Librairie du Lac", "--out", key)
	var issued struct {
		Code string `json:"code"`
	}
	out := rollcall(t, dir, "", "vendor", "issue-code", "--key", key+".key", "--product", "Maths+ Collège", "--seats", "30",
		"--order", "PO-2026-17", "--term", "1y", "--claim-url", "https://shop.example/claim", "--json")
	if err := json.Unmarshal([]byte(out), &issued); err != nil || issued.Code == "" {
		t.Fatalf("vendor issue-code --json: %v\n%s", err, out)
	}
	j.code = issued.Code // typed as printed in the order email, dashes and all
	rollcall(t, dir, "", "vendor", "trust", key+".pub")
	body := "TBX" + "2609" + "0412" // TeachBoard X: the prefix and eight digits, then the check digit
	j.serial = "TBX-2609-0412-" + string(model.SerialCheckDigit(body))
}

// configureMail points every school's mail settings at the test's SMTP server, once the claims
// and imports have made the schools: settings are each school's own.
func (j *journey) configureMail() {
	rollcall(j.t, j.dir, "", "settings", "smtp", "--org", "all", "--host", j.smtp.Host(), "--port", strconv.Itoa(j.smtp.Port()),
		"--security", "none", "--from", "Service informatique <it@jules-ferry.example.fr>",
		"--activation-url", "https://comptes.jules-ferry.example.fr")
}

// home goes back to the home screen with esc. Every esc waits for what it did: two sent
// together would read as alt+esc.
func (j *journey) home() {
	j.t.Helper()
	j.term.keys("Escape")
	j.term.waitText("Accueil", "Inviter d'autres administrateurs")
}

// openArea moves the home cursor to the area titled title and opens it.
func (j *journey) openArea(title string) {
	j.t.Helper()
	areas := []string{"Abonnements", "Utilisateurs", "Classes et groupes", "Imports", "Publipostage", "Administrateurs"}
	marker := regexp.MustCompile(`› (` + strings.Join(areas, "|") + `)\s`)
	from := j.term.waitMatch(marker)[1]
	steps := (slices.Index(areas, title) - slices.Index(areas, from) + len(areas)) % len(areas)
	for range steps {
		j.term.keys("Down")
	}
	j.term.waitText("› " + title)
	j.term.keys("Enter")
}

// claimByCode: the first claim of a new admin, by the code of the order email; the wizard
// adds the school.
func (j *journey) claimByCode() {
	term := j.term
	j.openArea("Abonnements")
	term.waitText("Abonnements", "Aucun abonnement pour l'instant")
	term.keys("c")
	term.waitFocus("Qu'est-ce qui accompagnait l'achat ?")
	term.keys("Enter")
	term.fill("Code de réclamation", j.code)
	term.waitFocus("Fournisseur (facultatif)")
	term.waitText("> Librairie du Lac")
	term.keys("Enter")
	term.fill("Lieu du fournisseur (facultatif)", "Annecy")
	term.waitFocus("Établissement bénéficiaire")
	term.waitText("> Ajouter un établissement…")
	term.keys("Enter")
	term.fill("Nom de l'établissement", school)
	term.fill("Ville", "Paris")
	term.waitFocus("Pays")
	term.keys("Enter") // FR, the admin's country
	term.waitText("Vérifiez la réclamation", "Maths+ Collège", "Librairie du Lac (Annecy)", "PO-2026-17", "30 licences",
		school+" (nouveau)", "> Réclamer")
	term.keys("Enter")
	term.waitText("Réclamé : Maths+ Collège pour " + school + " : 30 licences.")
	term.keys("Escape")
	term.waitMatch(regexp.MustCompile(`Maths\+ Collège\s+` + school + `\s.*\s0/30\s`))
}

// claimBySerial: twelve interactive displays and the serial of one, for the same school.
func (j *journey) claimBySerial() {
	term := j.term
	term.keys("c")
	term.waitFocus("Qu'est-ce qui accompagnait l'achat ?")
	term.keys("Down")
	term.waitText("> Des écrans interactifs")
	term.keys("Enter")
	term.fill("Nombre d'écrans achetés", "12")
	term.fill("Numéro de série d'un des écrans", strings.ToLower(j.serial))
	term.waitFocus("Fournisseur (facultatif)")
	term.waitText("> TeachBoard")
	term.keys("Enter")
	term.fill("Lieu du fournisseur (facultatif)", "")
	term.waitFocus("Établissement bénéficiaire")
	term.waitText("> " + school)
	term.keys("Enter")
	term.waitText("Vérifiez la réclamation", "TeachBoard Classroom Suite", "12 · "+j.serial, "24 licences", "> Réclamer")
	term.keys("Enter")
	term.waitText("Réclamé : TeachBoard Classroom Suite pour " + school + " : 24 licences.")
	term.keys("Escape")
	term.waitMatch(regexp.MustCompile(`TeachBoard Classroom Suite\s+` + school + `\s.*\s0/24\s`))
	j.home()
}
