package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rollcall/app"
)

// signedInWithoutTerms creates a verified admin signed in for the OS user "e2e" who has not yet
// answered the first sign-in's questions.
func signedInWithoutTerms(t *testing.T, dir, lang string) {
	t.Helper()
	var s struct {
		Code string `json:"code"`
	}
	out := rollcall(t, dir, "", "signup", "--name", "Marie Curie", "--email", email, "--language", lang, "--country", "FR", "--json")
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.Code == "" {
		t.Fatalf("signup --json: %v\n%s", err, out)
	}
	rollcall(t, dir, s.Code+"\n"+password+"\n", "verify", "--email", email, "--password-stdin")
	rollcall(t, dir, password+"\n", "login", "--email", email, "--password-stdin")
}

// A newcomer who answers No on the terms screen is told why Rollcall needs both answers, can go
// back to the questions, and when they sign out the console says why.
func TestTermsDeclinedSaysWhy(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithoutTerms(t, dir, "fr")
	term := console(t, dir)
	term.waitText("Avant de commencer", "Je confirme être majeur")
	term.waitFocus("Je confirme être majeur")
	term.keys("Enter") // the default, No
	term.waitFocus("J'accepte les conditions d'utilisation")
	term.keys("Enter")
	term.waitText("Rollcall est réservé aux adultes", "Vous avez répondu Non", "> Revenir aux questions", "Se déconnecter")
	term.keys("Enter") // back to the questions: still signed in
	term.waitFocus("Je confirme être majeur")
	term.keys("Enter")
	term.waitFocus("J'accepte les conditions d'utilisation")
	term.keys("Enter")
	term.waitText("> Revenir aux questions")
	term.keys("Down")
	term.waitText("> Se déconnecter")
	term.keys("Enter")
	term.waitText("Déconnecté : Rollcall est réservé aux adultes")
}

// resize makes the window w columns by h lines, as a terminal the admin narrowed.
func (term *terminal) resize(w, h int) {
	term.t.Helper()
	if out, err := term.cmd("resize-window", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h)).CombinedOutput(); err != nil {
		term.t.Fatalf("tmux resize-window: %v\n%s", err, out)
	}
}

// On 80 columns each row of the Subscriptions screen still tells its subscription apart: two
// products of one series, two of the same product in one school, each with its seats and
// state whole.
func TestSubscriptionsAt80Columns(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	codes, serials := demoClaims(t, dir)
	rollcall(t, dir, "", "subs", "claim", "--code", codes[0], "--org", "1") // Manuels numériques — Français 4e
	rollcall(t, dir, "", "subs", "claim", "--displays", "1", "--serial", serials[0], "--org", "2")
	rollcall(t, dir, "", "subs", "claim", "--displays", "2", "--serial", serials[1], "--org", "2")

	term := console(t, dir)
	term.resize(80, 30)
	term.waitText("Home", "Signed in as Marie Curie")
	term.keys("Enter") // Subscriptions, the first area
	screen := term.waitText("Product", "0/90", "40/120", "0/2", "0/4", "2/12", "Renews 30 Sep 2027", "Ends: 1 Dec 2028")
	var rows []string
	body := false
	for _, line := range strings.Split(screen, "\n") {
		if w := len([]rune(line)); w > 80 {
			t.Errorf("a line is %d columns wide: %q", w, line)
		}
		trimmed := strings.TrimLeft(strings.TrimPrefix(strings.TrimSpace(line), "›"), " ")
		switch {
		case strings.HasPrefix(trimmed, "Product"):
			body = true
		case body && trimmed == "":
			body = false
		case body:
			rows = append(rows, trimmed)
		}
	}
	if len(rows) != 6 {
		t.Fatalf("want the 6 subscriptions' rows, got %d:\n%s", len(rows), screen)
	}
	seen := map[string]bool{}
	products := map[string]string{}
	for _, r := range rows {
		if seen[r] {
			t.Errorf("two rows read the same: %q\n%s", r, screen)
		}
		seen[r] = true
		product, _, _ := strings.Cut(r, "  ")
		for _, seats := range []string{"0/90", "40/120"} {
			if strings.Contains(r, seats) {
				products[seats] = product
			}
		}
	}
	if products["0/90"] == products["40/120"] {
		t.Errorf("the two Manuels numériques read %q and %q:\n%s", products["0/90"], products["40/120"], screen)
	}
}

// A file that is not a roster, marked in the import picker beside one that is, is unmarked once
// detection refused it, and the picker says which and why; the roster stays marked.
func TestPickerUnmarksWhatIsNotARoster(t *testing.T) {
	t.Parallel()
	samples := entSamples(t)
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	pick := filepath.Join(dir, "pick")
	roster, err := os.ReadFile(filepath.Join(samples, "CSV_Eleves.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(pick, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"eleves.csv": roster, "notes.csv": []byte("a,b\n1,2\n")} {
		if err := os.WriteFile(filepath.Join(pick, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	term := startTerminal(t, "cd "+shellQuote(pick)+" && env ROLLCALL_USER=e2e LANG=C.UTF-8 "+shellQuote(binary)+
		" --db "+shellQuote(filepath.Join(dir, "rollcall.db"))+"; echo EXITED:$?; sleep 600")
	term.waitText("Home", "Signed in as Marie Curie")
	for range 3 {
		term.keys("Down")
	}
	term.waitText("› Imports")
	term.keys("Enter")
	term.waitText("Choose the files to import", "Nothing marked", "eleves.csv", "notes.csv")
	term.waitMatch(regexp.MustCompile(`› .*eleves\.csv`))
	term.keys("Space")
	term.waitText("Marked: eleves.csv")
	term.keys("Down")
	term.waitMatch(regexp.MustCompile(`› .*notes\.csv`))
	term.keys("Space")
	term.waitText("Marked: eleves.csv, notes.csv")
	term.keys("d")
	term.waitText("What the files are", "notes.csv")
	term.keys("Escape")
	term.waitText("Marked: eleves.csv", "Unmarked, no roster Rollcall reads: notes.csv.")
	if s := term.capture(); strings.Contains(s, "Marked: eleves.csv, notes.csv") {
		t.Errorf("notes.csv is still marked:\n%s", s)
	}
}

// The demo's claim codes and serials are in the console too: loading the demo says where, and
// the claim wizard lists them; a serial picked there is claimed as if typed.
func TestClaimADemoSerialFromTheConsole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithoutTerms(t, dir, "en")
	rollcall(t, dir, "", "accept-terms", "--adult", "--accept")

	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie", "No school data yet")
	term.keys("d")
	term.waitText("Demo school loaded", "To try a claim: Subscriptions, c")
	term.waitText("› Subscriptions")
	term.keys("Enter")
	term.waitText("Subscriptions", "40/120")
	term.keys("c")
	term.waitFocus("What came with the purchase?")
	term.waitText("A demo code or serial")
	term.keys("Down", "Down")
	term.waitText("> A demo code or serial")
	term.keys("Enter")
	term.waitFocus("Which one?")
	term.waitText("Manuels numériques — Français 4e · 90 seats · claim code", "Display Tableau Démo 65 · serial DEMOTB-")
	for range 3 {
		term.keys("Down")
	}
	term.waitMatch(regexp.MustCompile(`> Display Tableau Démo 65 · serial DEMOTB-\S+`))
	term.keys("Enter")
	term.waitFocus("Vendor (optional)")
	term.keys("Enter")
	term.waitFocus("Vendor's location (optional)")
	term.keys("Enter")
	term.waitFocus("Organization that receives it")
	term.keys("Enter") // Collège Jean Moulin
	term.waitText("Review the claim", "> Claim it")
	term.keys("Enter")
	term.waitText("Claimed Suite Classe Démo for Collège Jean Moulin")
}

// The Admins screen's activity says each action and what it was done to in the admin's words,
// not as codes: a grace period, mail settings, a claim, the demo's own seats.
func TestActivityInWords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithoutTerms(t, dir, "fr")
	rollcall(t, dir, "", "accept-terms", "--adult", "--accept")
	rollcall(t, dir, "", "demo")
	rollcall(t, dir, "", "settings", "deletion-grace", "--days", "20", "--org", "1")
	rollcall(t, dir, "", "settings", "smtp", "--host", "smtp.example.org", "--from", "noreply@example.org", "--org", "1")

	term := console(t, dir)
	term.waitText("Accueil", "› Abonnements")
	for range 5 { // Administrators, the sixth area
		term.keys("Down")
	}
	term.waitText("› Administrateurs ")
	term.keys("Enter")
	term.waitText("Administrateurs (", "Activité")
	for range 3 {
		term.keys("Tab")
	}
	screen := term.waitText("Quand", "Qui", "délai avant suppression modifié", "réglages d'envoi modifiés",
		"Rollcall (démo)", "licences attribuées",
		"Sur : serveur d'envoi smtp.example.org (port habituel, sans TLS)", "adresse d'activation aucune") // the row under the cursor, whole
	term.keys("Down")
	term.waitText("Sur : délai avant suppression : 20 jours")
	term.keys("Down")
	term.waitText("Sur : saisies : 2 licences attribuées : ")
	for _, code := range []string{"settings.", "seats.", "smtp smtp.example.org:0", "+2 "} {
		if strings.Contains(screen, code) {
			t.Errorf("the activity shows %q raw:\n%s", code, screen)
		}
	}
}

// A refusal in the console names the console's own fields, never a CLI flag: the Google
// export without an email template names the form's field (the CLI names --email-template).
func TestConsoleRefusalNamesItsOwnField(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	out := filepath.Join(dir, "google.csv")

	term := exportFromUsers(t, dir, app.ExportGoogle, "Google Workspace: bulk user upload", out)
	term.waitFocus("Email template (users without an email)")
	term.keys("Enter") // none
	term.waitFocus("Organizational unit")
	term.keys("Enter")
	screen := term.waitText("has no email, which Google requires: fill in", "Email template (users without an email)")
	if strings.Contains(screen, "--email-template") {
		t.Errorf("the console names the CLI's flag:\n%s", screen)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the export was written")
	}
}
