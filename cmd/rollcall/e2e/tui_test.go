package e2e

import (
	"errors"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const (
	email    = "marie@example.org"
	password = "radium1898"
)

// console starts the console on the database of dir, for the OS user "e2e", in English until
// someone chooses otherwise. Its last line says how it ended.
func console(t *testing.T, dir string) *terminal {
	t.Helper()
	return consoleAs(t, "e2e", dir)
}

// consoleAs is console run as another OS user: another admin's session on the same database.
func consoleAs(t *testing.T, user, dir string) *terminal {
	t.Helper()
	cmd := "env ROLLCALL_USER=" + shellQuote(user) + " LANG=C.UTF-8 " + shellQuote(binary) + " --db " +
		shellQuote(filepath.Join(dir, "rollcall.db")) + "; echo EXITED:$?; sleep 600"
	return startTerminal(t, cmd)
}

// usersOnHome matches the home summary after the demo load and captures the user count.
var usersOnHome = regexp.MustCompile(`2 établissements · ([\d\x{202f}]+) utilisateurs`)

// TestConsoleFirstRunInFrench is the acceptance path: sign up in French, create the
// password with the code shown on screen, sign in, accept the terms, load the demo school, sign
// out, sign in again, quit, and come back still signed in.
func TestConsoleFirstRunInFrench(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	term := console(t, dir)
	term.waitText("Welcome to Rollcall", "Create an account")

	signUpInFrench(term)
	code := createPassword(term)
	t.Logf("verification code shown on screen: %s", code)

	term.waitText("Connexion", "Mot de passe créé. Vous pouvez vous connecter.", "> "+email)
	term.fill("Mot de passe", password)

	term.waitText("Avant de commencer", "Rollcall est réservé aux adultes qui acceptent ses conditions.")
	term.waitFocus("Je confirme être majeur")
	term.keys("y")
	term.waitFocus("J'accepte les conditions d'utilisation")
	term.keys("y")

	term.waitText("Accueil", "Abonnements", "Publipostage", "Aucune donnée", "Connecté : Marie Curie")
	term.keys("d")
	users := demoUsers(t, term)
	term.waitText("Collège Jean Moulin, École élémentaire Les Tilleuls") // the header

	term.keys("o")
	term.waitText("Déconnecté.", "Bienvenue dans Rollcall", "non connecté")
	term.keys("s")
	term.fill("Courriel", email)
	term.fill("Mot de passe", password)
	// Terms were accepted once: straight to home.
	term.waitText("Accueil", "Connecté : Marie Curie")
	if again := demoUsers(t, term); again != users {
		t.Errorf("user count after signing in again = %d, before %d", again, users)
	}

	term.keys("q")
	term.waitText("EXITED:0")

	// The session was remembered for this OS user: the next run starts on home.
	next := console(t, dir)
	next.waitText("Accueil", "Connecté : Marie Curie <marie@example.org>")
	next.keys("C-c")
	next.waitText("EXITED:0")
}

func signUpInFrench(term *terminal) {
	term.t.Helper()
	term.keys("n")
	term.waitText("Create your admin account", "Français", "English")
	term.waitFocus("Language")
	term.keys("Up") // English, the current language, is preselected; Français is above
	term.waitMatch(regexp.MustCompile(`> Français`))
	term.keys("Enter")
	// The whole console follows the choice at once.
	term.waitText("Créez votre compte administrateur", "Nom complet", "Pays", "non connecté")
	term.fill("Nom complet", "Marie Curie")
	term.fill("Pays", "FR")
	term.fill("Courriel", email)
	term.fill("Courriel (confirmation)", email)
	term.fill("Code d’invitation (facultatif)", "")
}

// createPassword reads the code the verification screen shows and creates the password.
func createPassword(term *terminal) string {
	term.t.Helper()
	term.waitText("Créez votre mot de passe", "voici votre code de vérification", "Il sert une seule fois")
	code := term.waitMatch(regexp.MustCompile(`\b([A-Z2-9]{4}-[A-Z2-9]{4})\b`))[1]
	term.fill("Code de vérification", code)
	term.fill("Mot de passe", password)
	term.fill("Mot de passe (confirmation)", password)
	return code
}

// demoUsers waits for the home summary and returns its user count.
func demoUsers(t *testing.T, term *terminal) int {
	t.Helper()
	m := term.waitMatch(usersOnHome)
	n, err := strconv.Atoi(strings.ReplaceAll(m[1], "\u202f", ""))
	if err != nil || n < 1000 {
		t.Fatalf("home says %q users, want the demo school's (over 1 000)", m[1])
	}
	return n
}

// TestConsoleNeedsATerminal: without a terminal the console refuses, with a usage error that
// points at the commands.
func TestConsoleNeedsATerminal(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary, "--db", filepath.Join(t.TempDir(), "rollcall.db"))
	cmd.Env = append(cmd.Environ(), "LANG=C")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("exit: %v, want code 2\n%s", err, out)
	}
	if !strings.Contains(string(out), "not a terminal") || !strings.Contains(string(out), "rollcall --help") {
		t.Errorf("message does not explain:\n%s", out)
	}
}
