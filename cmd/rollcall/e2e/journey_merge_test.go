package e2e

import (
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"rollcall/mailmerge/smtptest"
	"rollcall/model"
)

// activateAccounts: between two sessions of the admin, people activate their accounts with
// the code of their card, as they would on the school's account page: Alice MEUNIER of CE2
// and two of the ENT's teachers (the third, Benoit TATIN, does not).
func (j *journey) activateAccounts() {
	j.ce2 = map[string]userJSON{}
	for _, u := range j.listUsers("--class", ce2, "--profile", "student") {
		j.ce2[u.Login] = u
	}
	if len(j.ce2) != 4 {
		j.t.Fatalf("after the re-import %s has %d students, want 4: %v", ce2, len(j.ce2), j.ce2)
	}
	var who []userJSON
	for _, u := range j.ce2 {
		if u.LastName == "MEUNIER" && strings.HasPrefix(u.Login, "alice") {
			who = append(who, u)
		}
	}
	for _, u := range j.listUsers("--profile", "teacher", "--email", "with") {
		if u.LastName == "SIMANI" || u.LastName == "ARCHAMBAULT" {
			j.teachers = append(j.teachers, u)
			who = append(who, u)
		}
	}
	if len(who) != 3 {
		j.t.Fatalf("found %d of Alice MEUNIER and the two teachers: %v", len(who), who)
	}
	for _, u := range who {
		rollcall(j.t, j.dir, u.ActivationCode+"\ntableau-noir-42\n", "activate", "--login", u.Login, "--password-stdin")
		if c, ok := j.ce2[u.Login]; ok {
			c.Activated = true
			j.ce2[u.Login] = c
		}
	}
}

// listUsers runs `rollcall users list --json` with filters.
func (j *journey) listUsers(filters ...string) []userJSON {
	j.t.Helper()
	var list struct {
		Users []userJSON `json:"users"`
	}
	out := rollcall(j.t, j.dir, "", append([]string{"users", "list", "--json"}, filters...)...)
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		j.t.Fatalf("users list --json: %v\n%s", err, out)
	}
	return list.Users
}

// waitSMTP waits until the SMTP server holds n messages, then checks no more arrive.
func (j *journey) waitSMTP(n int) []smtptest.Message {
	j.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	msgs, err := j.smtp.WaitMessages(ctx, n)
	if err != nil {
		j.t.Fatalf("the SMTP server received %d messages, want %d: %v", len(j.smtp.Messages()), n, err)
	}
	return msgs
}

// usersFR matches the Users screen's title line and captures the count.
var usersFR = regexp.MustCompile(`Utilisateurs  ([\d\x{202f}]+) utilisateurs?  `)

// waitUsers waits until the Users screen has filtered down to n users.
func (j *journey) waitUsers(n int) string {
	j.t.Helper()
	want := strconv.Itoa(n)
	return j.term.waitFor(want+" users on the Users screen", func(s string) bool {
		m := usersFR.FindStringSubmatch(s)
		return m != nil && strings.ReplaceAll(m[1], "\u202f", "") == want && !strings.Contains(s, "filtrage…")
	})
}

// printCards: on the Users screen, the students of CE2 not activated yet; m opens the mail
// merge on that selection, one card a sheet to a file of the admin's choice; pdftotext finds
// each of them in the PDF and pdfinfo counts a page each.
func (j *journey) printCards() {
	term := j.term
	j.openArea("Utilisateurs")
	j.waitUsers(31)
	term.waitText("› Recherche")
	term.keys("Down", "Space") // profiles: student, the first
	term.waitText("[x] Élève")
	term.keys("Down", "Enter") // classes: the picker
	term.waitText("Classes à afficher")
	term.text(ce2)
	term.keys("Enter")
	term.waitText("[x] " + ce2)
	term.keys("Escape")
	term.waitFor("the picker to close", func(s string) bool { return !strings.Contains(s, "Classes à afficher") })
	term.keys("Down", "Right", "Right") // activation: not activated
	term.waitText("‹ non activés ›")
	var want []string
	for login, u := range j.ce2 {
		if !u.Activated {
			want = append(want, login)
		}
	}
	screen := j.waitUsers(len(want))
	for _, u := range j.ce2 { // logins are cut to fit the table: first names are not
		if strings.Contains(screen, "  "+u.FirstName+"  ") == u.Activated {
			j.t.Errorf("%s (activated: %v) on screen: %v\n%s", u.Login, u.Activated, !u.Activated, screen)
		}
	}

	term.keys("Tab", "m")
	term.waitText("Publipostage", "3 sélectionnés · 0 avec e-mail · 0 activés", "Première carte")
	out := filepath.Join(j.dir, "cartes-ce2.pdf")
	term.keys("e")
	term.waitFocus("Cartes par feuille")
	term.keys("Left", "Left", "Enter") // 8 → 1 a sheet
	term.waitFocus("Papier")
	term.keys("Enter")
	term.waitFocus("Fichier de sortie")
	term.keys("C-u")
	term.text(out)
	term.keys("Enter")
	for _, title := range []string{"Un fichier par classe", "Adresse d’activation", "messages par minute"} {
		term.waitFocus(title)
		term.keys("Enter")
	}
	term.waitText("1 par feuille", "g générer") // the form has closed: g is heard by the screen
	term.keys("g")
	term.waitText("3 cartes sur 3 pages, dans")
	j.checkPDF(out, want)
}

// checkPDF reads the cards back: one card a page, for each student of want, with their
// activation code, and nobody else's; pdfinfo counts the same pages.
func (j *journey) checkPDF(path string, want []string) {
	j.t.Helper()
	text, err := exec.Command("pdftotext", path, "-").CombinedOutput()
	if err != nil {
		j.t.Fatalf("pdftotext %s: %v\n%s", path, err, text)
	}
	var got []string
	for _, page := range strings.Split(strings.TrimRight(string(text), "\f\n"), "\f") {
		logins := regexp.MustCompile(`Identifiant : (\S+)`).FindAllStringSubmatch(page, -1)
		if len(logins) != 1 {
			j.t.Errorf("a page of %s holds %d cards, want 1:\n%s", path, len(logins), page)
			continue
		}
		u := j.ce2[logins[0][1]]
		if code := model.FormatCode(model.NormalizeCode(u.ActivationCode)); u.Activated || !strings.Contains(page, code) {
			j.t.Errorf("the card of %s (activated: %v) lacks the activation code %s:\n%s", logins[0][1], u.Activated, code, page)
		}
		got = append(got, logins[0][1])
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		j.t.Errorf("the cards are for %v, want %v", got, want)
	}
	info, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil || !regexp.MustCompile(`(?m)^Pages:\s+`+strconv.Itoa(len(want))+`$`).Match(info) {
		j.t.Errorf("pdfinfo %s, want %d pages: %v\n%s", path, len(want), err, info)
	}
}

// emailActivated: back on the Users screen, everyone activated (Alice and the two teachers);
// the mail merge emails those who have an address, and the SMTP server receives exactly one
// message for each teacher, the password-reset one.
func (j *journey) emailActivated() {
	term := j.term
	term.keys("Escape")
	j.waitUsers(3)
	term.keys("C-r") // every filter off
	j.waitUsers(31)
	term.keys("Tab")
	term.waitText("› Activation")
	term.keys("Right")
	term.waitText("‹ activés ›")
	j.waitUsers(3)
	term.keys("Tab", "m")
	term.waitText("Publipostage", "3 sélectionnés · 2 avec e-mail · 3 activés")
	term.keys("Tab")
	term.waitText("Campagnes d’e-mails", "Aucune campagne pour l’instant.", "Premier e-mail", "<no-reply@entcore.org>")
	term.keys("s")
	term.waitText("Envoyer 2 e-mails maintenant ?")
	term.keys("Enter")
	term.waitText("Campagne 1 : 2 envoyés, 0 échecs.")
	msgs := j.waitSMTP(2)
	if len(msgs) != 2 {
		j.t.Fatalf("the SMTP server received %d messages, want 2", len(msgs))
	}
	for i, u := range j.teachers {
		got := 0
		for _, m := range msgs {
			if strings.Contains(m.Text, u.Login) {
				got++
				if len(m.To) != 1 || m.To[0] != u.Email || m.Language != "fr" {
					j.t.Errorf("message %d for %s: to %v, language %q", i, u.Login, m.To, m.Language)
				}
			}
		}
		if got != 1 {
			j.t.Errorf("%s is named in %d messages, want 1", u.Login, got)
		}
	}
	term.keys("Escape")
	j.waitUsers(3)
	j.home()
}

// giveSeats: three teachers get a seat of Maths+ Collège, typed, and are told by email.
func (j *journey) giveSeats() {
	term := j.term
	emails := []string{"felicite.simani@jules-ferry.example.fr", "raoul.archambault@jules-ferry.example.fr",
		"benoit.tatin@jules-ferry.example.fr"}
	j.openArea("Abonnements")
	term.waitText("› Maths+ Collège")
	term.keys("Enter")
	term.waitText("Licences : Maths+ Collège", "0 attribuées sur 30, 30 libres", "Aucune licence attribuée pour l'instant.")
	term.keys("a")
	term.fill("Courriels", strings.Join(emails, ", "))
	term.waitMatch(regexp.MustCompile(`┃ Prévenir par courriel les nouveaux bénéficiaires`)) // the title wraps
	term.keys("y")
	term.waitText("ajoutées : 3 licences", "prévenues par courriel : 3", "3 attribuées sur 30, 27 libres")
	term.waitText(emails...)
	msgs := j.waitSMTP(5)
	for _, e := range emails {
		n := 0
		for _, m := range msgs[2:] {
			if len(m.To) == 1 && m.To[0] == e && m.Subject == "Votre accès à Maths+ Collège est prêt" {
				n++
			}
		}
		if n != 1 {
			j.t.Errorf("%s received %d seat notices, want 1", e, n)
		}
	}
	term.keys("Escape")
	term.waitMatch(regexp.MustCompile(`Maths\+ Collège\s+` + school + `\s.*\s3/30\s`))
	j.home()
}
