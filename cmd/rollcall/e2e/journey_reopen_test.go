package e2e

import (
	"encoding/json"
	"regexp"
	"strings"

	"rollcall/model"
)

// checkScreensAfterReopening: a new console finds the school as the last one left it: home's
// counts, both subscriptions and the three seats, CE2 back to its two students, the import
// undone in the history, and the campaign done.
func (j *journey) checkScreensAfterReopening() {
	term := j.term
	term.waitText("Accueil", "Connecté : Marie Curie", school+", History Department",
		"2 établissements · 30 utilisateurs · Élève 10, Enseignant 5, Parent 9, Personnel 3, Invité 3")
	j.openArea("Abonnements")
	term.waitMatch(regexp.MustCompile(`TeachBoard Classroom Suite\s+` + school + `\s.*\s0/24\s`))
	term.waitText("› Maths+ Collège")
	term.keys("Enter")
	term.waitText("3 attribuées sur 30, 27 libres", "felicite.simani@jules-ferry.example.fr",
		"raoul.archambault@jules-ferry.example.fr", "benoit.tatin@jules-ferry.example.fr")
	term.keys("Escape")
	term.waitText("Tous les établissements")
	j.home()

	j.openArea("Utilisateurs")
	j.waitUsers(30)
	term.keys("Down", "Down", "Enter")
	term.waitText("Classes à afficher")
	term.text(ce2)
	term.keys("Enter")
	term.waitText("[x] " + ce2)
	term.keys("Escape")
	term.waitFor("the picker to close", func(s string) bool { return !strings.Contains(s, "Classes à afficher") })
	screen := j.waitUsers(6) // CE2's two pupils and their four parents, who follow their children
	for name, want := range map[string]bool{"Lyvia": true, "Alice": true, "Antoine": false, "Hugo": false} {
		if strings.Contains(screen, "  "+name+"  ") != want {
			j.t.Errorf("after the undo, %s in %s: %v, want %v\n%s", name, ce2, !want, want, screen)
		}
	}
	j.home()

	j.openArea("Imports")
	term.waitText("Choisissez ce qu'il faut importer") // a tab sent before the screen is up is lost
	term.keys("Tab")
	term.waitText("Historique des imports", "[annulé")
	j.home()
	j.openArea("Publipostage")
	term.waitText("[Cartes (PDF)]")
	term.keys("Tab")
	term.waitText("Campagne 1 · terminée · Envoyés 2 · échecs 0 · restants 0")
	j.home()
}

// checkCLIAfterReopening: the CLI, on the same file, agrees with every screen.
func (j *journey) checkCLIAfterReopening() {
	t := j.t
	if all := j.listUsers(); len(all) != 30 {
		t.Errorf("rollcall users list finds %d users, want 30", len(all))
	}
	for _, u := range j.listUsers("--search", "meunier") {
		if u.FirstName == "Antoine" && (len(u.Classes) != 1 || u.Classes[0] != "CP de Mme BROSSARD") {
			t.Errorf("after the undo Antoine MEUNIER is in %v, want CP de Mme BROSSARD", u.Classes)
		}
	}
	var class []string
	for _, u := range j.listUsers("--class", ce2, "--profile", "student") {
		class = append(class, u.FirstName)
	}
	if strings.Join(class, ",") != "Lyvia,Alice" && strings.Join(class, ",") != "Alice,Lyvia" {
		t.Errorf("after the undo %s holds %v, want Lyvia and Alice", ce2, class)
	}
	var activated []string
	for _, u := range j.listUsers("--activated", "yes") {
		activated = append(activated, u.LastName)
	}
	if len(activated) != 3 {
		t.Errorf("activated accounts: %v, want MEUNIER, SIMANI and ARCHAMBAULT", activated)
	}
	j.checkSubsCLI()
	j.checkHistoryCLI()
}

// checkSubsCLI: both subscriptions, how they were claimed, and the three seats.
func (j *journey) checkSubsCLI() {
	t := j.t
	var subs struct {
		Subscriptions []struct {
			ID            model.ID `json:"id"`
			Product       string   `json:"product"`
			Vendor        string   `json:"vendor"`
			Org           string   `json:"organization"`
			SeatsTotal    int      `json:"seats_total"`
			SeatsAssigned int      `json:"seats_assigned"`
			ClaimKind     string   `json:"claim_kind"`
			Serial        string   `json:"serial"`
		} `json:"subscriptions"`
	}
	out := rollcall(t, j.dir, "", "subs", "list", "--json")
	if err := json.Unmarshal([]byte(out), &subs); err != nil || len(subs.Subscriptions) != 2 {
		t.Fatalf("subs list --json: %v\n%s", err, out)
	}
	for _, s := range subs.Subscriptions {
		switch {
		case s.Org != school:
			t.Errorf("%s belongs to %q, want %s", s.Product, s.Org, school)
		case s.ClaimKind == "code" && (s.Product != "Maths+ Collège" || s.Vendor != "Librairie du Lac" || s.SeatsTotal != 30 || s.SeatsAssigned != 3):
			t.Errorf("claimed by code: %+v", s)
		case s.ClaimKind == "displays" && (s.Serial != j.serial || s.SeatsTotal != 24 || s.SeatsAssigned != 0):
			t.Errorf("claimed by displays: %+v", s)
		}
		if s.ClaimKind != "code" {
			continue
		}
		var seats struct {
			Seats []struct {
				Email  string `json:"email"`
				Source string `json:"source"`
			} `json:"seats"`
		}
		out := rollcall(t, j.dir, "", "seats", "list", s.ID.String(), "--json")
		if err := json.Unmarshal([]byte(out), &seats); err != nil || len(seats.Seats) != 3 {
			t.Errorf("seats list --json: %v\n%s", err, out)
		}
	}
}

// checkHistoryCLI: three imports, the last undone; one campaign, done, two sent.
func (j *journey) checkHistoryCLI() {
	t := j.t
	var runs []struct {
		Counts struct {
			Created int `json:"created"`
			Updated int `json:"updated"`
		} `json:"counts"`
		UndoneAt string `json:"undone_at"`
	}
	out := rollcall(t, j.dir, "", "import", "history", "--json")
	if err := json.Unmarshal([]byte(out), &runs); err != nil || len(runs) != 3 {
		t.Fatalf("import history --json: %v\n%s", err, out)
	}
	if runs[0].UndoneAt == "" || runs[0].Counts.Created != 1 || runs[0].Counts.Updated != 1 || runs[1].UndoneAt != "" {
		t.Errorf("import history, newest first: %+v", runs)
	}
	var campaigns []struct {
		State  string `json:"state"`
		Counts struct {
			Sent int `json:"sent"`
		} `json:"counts"`
	}
	out = rollcall(t, j.dir, "", "merge", "status", "--json")
	if err := json.Unmarshal([]byte(out), &campaigns); err != nil || len(campaigns) != 1 ||
		campaigns[0].State != "done" || campaigns[0].Counts.Sent != 2 {
		t.Errorf("merge status --json: %v\n%s", err, out)
	}
	if n := len(j.smtp.Messages()); n != 5 {
		t.Errorf("the SMTP server received %d messages in all, want 2 campaign emails and 3 seat notices", n)
	}
}
