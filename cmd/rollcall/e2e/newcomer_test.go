package e2e

import (
	"encoding/json"
	"testing"
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
