package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rollcall/mailmerge/smtptest"
	"rollcall/model"
	pgstore "rollcall/storage/postgres"
	"rollcall/storage/postgres/pgtest"
)

// The ENT sample's class a student moves into at the re-import, the one he leaves, and the
// password everyone in the journey types.
const (
	journeyClass    = "CP de Mme BROSSARD"
	journeyOldClass = "CM2 de M. ARNOULD"
	journeyPassword = "Soleil2026!"
)

// journey is a new admin's school year through the CLI only, over one database: each step
// asserts what the built binary prints with --json and hands what it learned to the next.
type journey struct {
	t         *testing.T
	c         *cli
	dir       string // the test's own files
	ent       string // the ENT sample folder
	oneRoster string
	code      claimJSON // the subscription claimed by code
	reimport  importJSON
	emails    map[string]string // login → the address given by hand
}

// TestSchoolYearJourneyThroughTheCLI is issue 9's journey, the CLI way: sign up in French,
// claim by code and by display serial, import ENT and OneRoster, re-import with changes, print
// the cards of one class's students not activated, email the activated, give seats to three
// teachers, undo the re-import, then find it all in a backup opened as the database. It runs on
// both stores: a bbolt file, and a PostgreSQL database, whose backup is the server's (pg_dump).
func TestSchoolYearJourneyThroughTheCLI(t *testing.T) {
	t.Parallel()
	dir := samples(t) // skips when ../shared/samples is absent
	popplerTool(t, "pdfinfo")
	popplerTool(t, "pdftotext") // skip now, not halfway through the journey
	for _, backend := range []string{"bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
			c := newCLI(t)
			if backend == "postgres" {
				c.db = pgtest.URL(t)
			}
			j := &journey{t: t, c: c, dir: t.TempDir(), ent: filepath.Join(dir, "ent", "templates-fr"),
				oneRoster: filepath.Join(dir, "oneroster", "zip", "Test_minimal_data_set.zip")}
			j.run()
		})
	}
}

// run takes the journey's steps in order.
func (j *journey) run() {
	t := j.t
	for _, s := range []struct {
		name string
		run  func()
	}{
		{"1_signup_in_french", j.signUp}, {"2_claims", j.claim}, {"3_imports", j.importRosters},
		{"3_reimport", j.reimportChanges}, {"4_cards", j.printCards}, {"5_email", j.emailActivated},
		{"6_seats", j.giveSeats}, {"7_undo", j.undoReimport}, {"8_backup_reopened", j.reopenBackup},
	} {
		ok := t.Run(s.name, func(t *testing.T) {
			j.t, j.c.t = t, t
			s.run()
		})
		if !ok {
			return // every step stands on the previous one
		}
	}
}

func (j *journey) signUp() {
	t, c := j.t, j.c
	var s signupJSON
	c.json(&s, "", "signup", "--name", "Marie Curie", "--email", "Marie.Curie@Ecole-Ferry.fr", "--language", "fr", "--country", "fr")
	if s.AdminID == 0 || s.Email != "marie.curie@ecole-ferry.fr" || s.CodeEmailed || len(model.NormalizeCode(s.Code)) != 8 {
		t.Fatalf("signup --json = %+v, want the normalized email and the 8-character code shown", s)
	}
	// Nobody is signed in yet: verify answers in the language chosen at signup, not LANG's.
	if r := c.must(s.Code+"\n"+journeyPassword+"\n", "verify", "--email", s.Email, "--password-stdin"); !strings.Contains(r.stderr, "Courriel vérifié") {
		t.Errorf("verify answered %q, want French", r.stderr)
	}
	var who whoamiJSON
	c.json(&who, journeyPassword+"\n", "login", "--email", s.Email, "--password-stdin")
	if !who.SignedIn || who.Admin == nil || who.Admin.ID != s.AdminID || !who.Admin.Verified {
		t.Fatalf("login --json = %+v", who)
	}
	c.must("", "accept-terms", "--adult", "--accept")
	if r := c.must("", "whoami"); !strings.Contains(r.stdout, "Utilisateurs : 0\n") {
		t.Errorf("whoami printed %q, want French with its spaced colon", r.stdout)
	}
	c.json(&who, "", "whoami")
	a := who.Admin
	if !who.SignedIn || a.Email != s.Email || a.Language != "fr" || a.Country != "FR" || a.TermsAcceptedAt.IsZero() ||
		len(who.Organizations) != 0 || who.Demo || who.Users == nil || who.Users.Total != 0 || who.Database != c.db {
		t.Fatalf("whoami --json = %+v (admin %+v)", who, a)
	}
}

// serial builds a display serial: the model's prefix, the digits, the Luhn check digit;
// typed the way people do, lower case with dashes.
func serial(prefix, digits string) string {
	body := prefix + digits
	return strings.ToLower(fmt.Sprintf("%s-%s-%s-%c", prefix, digits[:4], digits[4:], model.SerialCheckDigit(body)))
}

// alreadyClaimedFR is the French refusal of a second claim: when (a date in any time zone) and by whom.
var alreadyClaimedFR = regexp.MustCompile(`Déjà réclamé le \d{1,2} \S+ \d{4} \d{2}:\d{2} par Lycée Ampère`)

func (j *journey) claim() {
	t, c := j.t, j.c
	acme := vendorTool(t, c, "Éditions Acme")
	code := issue(t, c, acme, "--product", "Maths+ Collège", "--seats", "30", "--keys", "2", "--order", "PO-2026-17", "--term", "1y", "--renews")
	j.refuseDemoClaims()
	var tr trustJSON
	c.json(&tr, "", "vendor", "trust", acme+".pub")
	if !tr.Added || tr.KeyID != code.KeyID || tr.Vendor != "Éditions Acme" {
		t.Fatalf("vendor trust --json = %+v", tr)
	}

	var bySerial claimJSON
	c.json(&bySerial, "", "subs", "claim", "--displays", "4", "--serial", serial("TBXP", "24110427"),
		"--new-org-name", "Lycée Ampère", "--new-org-city", "Lyon", "--new-org-country", "FR")
	if bySerial.ID == 0 || bySerial.OrgID == 0 || bySerial.Org != "Lycée Ampère" || bySerial.ClaimKind != "displays" ||
		bySerial.Displays != 4 || bySerial.Serial != "TBXP-2411-0427-6" || bySerial.Product != "TeachBoard Classroom Suite Pro" ||
		bySerial.SeatsTotal != 12 || len(bySerial.Keys) != 4 || bySerial.State != "renews" || bySerial.DryRun {
		t.Fatalf("claim by serial --json = %+v, want 4 TeachBoard X Pro displays: 12 seats, 4 keys, renewing", bySerial)
	}
	org := bySerial.OrgID.String()
	c.json(&j.code, "", "subs", "claim", "--code", code.Code, "--org", org)
	s := j.code
	if s.ID == 0 || s.OrgID != bySerial.OrgID || s.ClaimKind != "code" || s.Product != "Maths+ Collège" || s.Vendor != "Éditions Acme" ||
		s.OrderNumber != "PO-2026-17" || s.SeatsTotal != 30 || s.SeatsFree != 30 || len(s.Keys) != 2 || s.RenewsOn != code.RenewsOn {
		t.Fatalf("claim by code --json = %+v, want what issue-code signed (%+v)", s, code)
	}

	// Claimed once only: exit 3 (README: a used code), in French, naming when and which school.
	for _, again := range [][]string{{"--code", strings.ToLower(code.Code)}, {"--displays", "1", "--serial", "TBXP241104276"}} {
		r := c.run("", append(append([]string{"subs", "claim"}, again...), "--org", org, "--json")...)
		if r.code != exitInvalid || r.stdout != "" || !alreadyClaimedFR.MatchString(r.stderr) {
			t.Errorf("claiming %v again: exit %d stdout %q stderr %q; want %d, nothing on stdout, %s",
				again, r.code, r.stdout, r.stderr, exitInvalid, alreadyClaimedFR)
		}
	}
	var subs subsListJSON
	c.json(&subs, "", "subs", "list")
	if len(subs.Subscriptions) != 2 || subs.NextRenewal == nil || subs.NextRenewal.Date != code.RenewsOn {
		t.Fatalf("subs list --json = %+v", subs)
	}
}

// refuseDemoClaims checks a real store trusts neither the demo vendor's key (its private half
// is public: the seed is in app/claim_keys.go) nor the demo-only display model, and that a
// refused claim adds no organization.
func (j *journey) refuseDemoClaims() {
	t, c := j.t, j.c
	seed := sha256.Sum256([]byte("rollcall demo vendor: not a secret, trusted only in demo stores"))
	demoPub := filepath.Join(j.dir, "demo.pub")
	pub := ed25519.NewKeyFromSeed(seed[:]).Public().(ed25519.PublicKey)
	if err := os.WriteFile(demoPub, []byte(model.FormatVendorPublicKey("Éditions Démo", pub)), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := c.run("", "vendor", "trust", demoPub, "--json"); r.code != exitInvalid || r.stdout != "" {
		t.Errorf("trusting the demo key: exit %d stdout %q stderr %q, want %d", r.code, r.stdout, r.stderr, exitInvalid)
	}
	r := c.run("", "subs", "claim", "--displays", "2", "--serial", serial("DEMOTB", "24110427"),
		"--new-org-name", "Lycée Ampère", "--new-org-country", "FR", "--json")
	if r.code != exitInvalid || r.stdout != "" {
		t.Errorf("a demo display serial outside the demo: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	var keys []vendorKeyJSON
	c.json(&keys, "", "vendor", "list")
	var who whoamiJSON
	c.json(&who, "", "whoami")
	if slices.ContainsFunc(keys, func(k vendorKeyJSON) bool { return k.Origin == "demo" }) || len(who.Organizations) != 0 {
		t.Fatalf("after the refusals: keys %+v, organizations %+v", keys, who.Organizations)
	}
}

func (j *journey) importRosters() {
	t, c := j.t, j.c
	var org orgJSON
	c.json(&org, "", "orgs", "create", "--name", "École Jules Ferry", "--city", "Paris", "--country", "FR")
	if org.ID == 0 || org.Name != "École Jules Ferry" {
		t.Fatalf("orgs create --json = %+v", org)
	}
	var ent importJSON
	c.json(&ent, "", "import", j.ent, "--org", org.ID.String())
	want := countsOut{Created: 24, ClassesCreated: 10}
	if ent.RunID == 0 || ent.DryRun || ent.Format != "ent" || len(ent.Files) != 5 || ent.Counts != want {
		t.Fatalf("ENT import --json = %+v, want 5 files and %+v", ent, want)
	}
	var or importJSON
	c.json(&or, "", "import", j.oneRoster)
	want = countsOut{Created: 6, ClassesCreated: 2, OrgsCreated: 1}
	if or.RunID <= ent.RunID || or.Format != "oneroster" || len(or.Files) != 6 || or.Counts != want {
		t.Fatalf("OneRoster import --json = %+v, want 6 files and %+v", or, want)
	}
	var who whoamiJSON
	c.json(&who, "", "whoami")
	var names []string
	for _, o := range who.Organizations {
		names = append(names, o.Name)
	}
	slices.Sort(names)
	if who.Users.Total != 30 || strings.Join(names, ",") != "History Department,Lycée Ampère,École Jules Ferry" ||
		who.Users.ByProfile["student"] != 10 || who.Users.ByProfile["teacher"] != 5 {
		t.Fatalf("whoami after the imports: %+v, organizations %v", who.Users, names)
	}
}

// modifiedENT copies the ENT sample as the school's next export: Mathias LEGRAND moved to
// journeyClass (in the students' file and his parents' rows) and a new student, Chloé LEFÈVRE,
// in Latin-1 like the rest of the files.
func (j *journey) modifiedENT() string {
	t := j.t
	dst := filepath.Join(j.dir, "ent-janvier")
	if err := os.MkdirAll(dst, 0o700); err != nil {
		t.Fatal(err)
	}
	edits := map[string]func([]byte) []byte{
		"CSV_Eleves.csv": func(b []byte) []byte {
			b = replaceExactly(t, b, "Mathias;LEGRAND;17/08/2010;"+journeyOldClass, "Mathias;LEGRAND;17/08/2010;"+journeyClass, 1)
			return append(b, "Chlo\xe9;LEF\xc8VRE;05/03/2014;"+journeyClass+"\r\n"...)
		},
		"CSV_Parents.csv": func(b []byte) []byte {
			return replaceExactly(t, b, "LEGRAND;Mathias;"+journeyOldClass, "LEGRAND;Mathias;"+journeyClass, 2)
		},
	}
	files, err := os.ReadDir(j.ent)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(filepath.Join(j.ent, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if edit := edits[f.Name()]; edit != nil {
			raw = edit(raw)
		}
		if err := os.WriteFile(filepath.Join(dst, f.Name()), raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func replaceExactly(t *testing.T, b []byte, old, new string, n int) []byte {
	t.Helper()
	if got := bytes.Count(b, []byte(old)); got != n {
		t.Fatalf("the ENT sample has %q %d times, want %d: has the sample changed?", old, got, n)
	}
	if !bytes.HasSuffix(b, []byte("\n")) {
		b = append(b, "\r\n"...)
	}
	return bytes.ReplaceAll(b, []byte(old), []byte(new))
}

func (j *journey) reimportChanges() {
	t, c := j.t, j.c
	next := j.modifiedENT()
	org := j.orgID("École Jules Ferry")
	var dry importJSON
	c.json(&dry, "", "import", next, "--org", org, "--dry-run")
	want := []changeJSON{
		{Kind: "updated", Login: "mathias.legrand", LastName: "LEGRAND", FirstName: "Mathias", Profile: "student", Line: 8,
			Fields: []fieldJSON{{Field: "classes", Old: journeyOldClass, New: journeyClass}}},
		{Kind: "created", Login: "chloe.lefevre", LastName: "LEFÈVRE", FirstName: "Chloé", Profile: "student", Line: 9},
	}
	for i := range dry.Changes {
		if filepath.Base(dry.Changes[i].File) != "CSV_Eleves.csv" {
			t.Errorf("change %d names file %q, want the students' file", i, dry.Changes[i].File)
		}
		dry.Changes[i].File = ""
	}
	if !dry.DryRun || dry.RunID != 0 || dry.Counts != (countsOut{Created: 1, Updated: 1, Unchanged: 23}) || !reflect.DeepEqual(dry.Changes, want) {
		t.Fatalf("re-import --dry-run --json: counts %+v changes %+v\nwant the changes %+v", dry.Counts, dry.Changes, want)
	}
	if u := j.users("--search", "lefevre"); u.Total != 0 {
		t.Fatalf("the dry run wrote %+v", u.Users)
	}
	c.json(&j.reimport, "", "import", next, "--org", org)
	if r := j.reimport; r.RunID == 0 || r.DryRun || r.Counts != (countsOut{Created: 1, Updated: 1, Unchanged: 23}) || len(r.Changes) != 0 {
		t.Fatalf("re-import --json = %+v, want 1 created and 1 updated", r)
	}
	moved := j.user("mathias.legrand")
	if added := j.user("chloe.lefevre"); !slices.Equal(moved.Classes, []string{journeyClass}) || !slices.Equal(added.Classes, moved.Classes) {
		t.Fatalf("after the re-import Mathias is in %v and Chloé in %v, want both in %s", moved.Classes, added.Classes, journeyClass)
	}
}

// orgID finds an organization's id by name in whoami.
func (j *journey) orgID(name string) string {
	var who whoamiJSON
	j.c.json(&who, "", "whoami")
	for _, o := range who.Organizations {
		if o.Name == name {
			return o.ID.String()
		}
	}
	j.t.Fatalf("no organization %q in %+v", name, who.Organizations)
	return ""
}

func (j *journey) users(filters ...string) usersListJSON {
	var l usersListJSON
	j.c.json(&l, "", append([]string{"users", "list"}, filters...)...)
	return l
}

func (j *journey) user(login string) userJSON {
	for _, u := range j.users().Users {
		if u.Login == login {
			return u
		}
	}
	j.t.Fatalf("no user %s", login)
	return userJSON{}
}

// giveEmailsAndActivate is a school's life between two imports: the admin types a few
// addresses, and two people activate their accounts with their cards' codes.
func (j *journey) giveEmailsAndActivate() {
	t, c := j.t, j.c
	j.emails = map[string]string{
		"antoine.meunier": "antoine.meunier@ecole-ferry.fr", "lea.colin": "lea.colin@ecole-ferry.fr",
		"mary.jones": "mary.jones@history.example.org", "anna.brown": "anna.brown@history.example.org",
		"felicite.simani": "felicite.simani@ecole-ferry.fr", "john.doe": "john.doe@history.example.org",
		"jim.smith": "jim.smith@history.example.org",
	}
	for login, email := range j.emails {
		var u userJSON
		c.json(&u, "", "users", "edit", login, "--email", email)
		if u.Login != login || u.Email != email {
			t.Fatalf("users edit %s --json = %+v", login, u)
		}
	}
	for _, login := range []string{"antoine.meunier", "mary.jones"} {
		var a activationJSON
		c.json(&a, j.user(login).ActivationCode+"\n"+journeyPassword+"\n", "activate", "--login", login, "--password-stdin")
		if a.Login != login || !a.Activated || !j.user(login).Activated {
			t.Fatalf("activate --json = %+v", a)
		}
	}
}

const journeyActivationURL = "https://ent.ecole-ferry.fr/activer"

func (j *journey) printCards() {
	t, c := j.t, j.c
	j.giveEmailsAndActivate()
	sel := []string{"--profile", "student", "--class", journeyClass, "--activated", "no"}
	l := j.users(sel...)
	var logins []string
	for _, u := range l.Users {
		logins = append(logins, u.Login)
		if u.Activated || u.ActivationCode == "" || u.Profile != "student" || !slices.Equal(u.Classes, []string{journeyClass}) {
			t.Errorf("the filter let through %+v", u)
		}
	}
	// By name: COLIN, LEFÈVRE, LEGRAND; Antoine MEUNIER activated his account.
	if want := []string{"lea.colin", "chloe.lefevre", "mathias.legrand"}; l.Total != 3 || !slices.Equal(logins, want) {
		t.Fatalf("users list %v --json: %d %v, want %v", sel, l.Total, logins, want)
	}

	out := filepath.Join(j.dir, "cartes.pdf")
	pdf := append([]string{"merge", "pdf", "-o", out}, sel...)
	if r := c.run("", append(pdf, "--json")...); r.code != exitInvalid || r.stdout != "" || !strings.Contains(r.stderr, "--activation-url") {
		t.Errorf("cards before the activation address is set: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	c.must("", "settings", "smtp", "--org", "all", "--activation-url", journeyActivationURL)
	var res mergeResultJSON
	c.json(&res, "", pdf...)
	pages := (l.Total + 7) / 8 // 8 cards a sheet by default
	if res.Cards != l.Total || res.Pages != pages || !slices.Equal(res.Files, []string{out}) || res.Activated != 0 || res.DryRun {
		t.Fatalf("merge pdf --json = %+v, want %d cards on %d pages in %s", res, l.Total, pages, out)
	}
	if n, info := pdfInfo(t, out); n != pages {
		t.Errorf("pdfinfo: %d pages, want ceil(%d/8) = %d\n%s", n, l.Total, pages, info)
	}
	text := strings.Join(pdfPagesText(t, out), "\n")
	for _, u := range l.Users {
		for _, want := range []string{"Identifiant : " + u.Login, u.FirstName + " " + u.LastName, u.ActivationCode} {
			if !strings.Contains(text, want) {
				t.Errorf("the cards lack %q", want)
			}
		}
	}
	for _, want := range []string{"Chloé LEFÈVRE", "Léa COLIN", "École Jules Ferry", "Élève", journeyActivationURL} {
		if !strings.Contains(text, want) {
			t.Errorf("the cards lack %q (accents must survive)", want)
		}
	}
	if strings.Contains(text, "antoine.meunier") {
		t.Error("an activated student got a card")
	}
}

func (j *journey) emailActivated() {
	t, c := j.t, j.c
	srv := smtptest.Start(t, smtptest.Options{})
	c.must("", "settings", "smtp", "--org", "all", "--host", srv.Host(), "--port", strconv.Itoa(srv.Port()), "--security", "none",
		"--from", "Secrétariat <secretariat@ecole-ferry.fr>")
	var s settingsJSON
	c.json(&s, "", "settings", "show", "--org", c.firstOrg())
	if !s.SMTPConfigured || s.Port != srv.Port() || s.ActivationURL != journeyActivationURL {
		t.Fatalf("settings show --json = %+v", s)
	}
	sel := []string{"merge", "email", "--profile", "student", "--activated", "yes"}
	want := map[string]int{j.emails["antoine.meunier"]: 1, j.emails["mary.jones"]: 1}
	var dry emailDryRunJSON
	c.json(&dry, "", append(sel, "--dry-run")...)
	got := map[string]int{}
	for _, r := range dry.Recipients {
		got[r.Email]++
		if r.Variant != "reset" {
			t.Errorf("dry run: %+v, want the password-reset email of an activated account", r)
		}
	}
	if !dry.DryRun || !maps.Equal(got, want) || len(srv.Messages()) != 0 {
		t.Fatalf("merge email --dry-run --json: recipients %v, want %v; %d sent", got, want, len(srv.Messages()))
	}

	var st campaignJSON
	c.json(&st, "", sel...)
	if st.ID == 0 || st.State != "done" || st.Recipients != 2 || st.Counts != (model.CampaignCounts{Sent: 2}) || len(st.Problems) != 0 {
		t.Fatalf("merge email --json = %+v", st)
	}
	var list []campaignJSON
	c.json(&list, "", "merge", "status")
	var one campaignJSON
	c.json(&one, "", "merge", "status", st.ID.String())
	if len(list) != 1 || list[0].ID != st.ID || one.ID != st.ID || one.State != "done" || one.Counts != st.Counts || one.Runs != 1 {
		t.Fatalf("merge status --json: list %+v, one %+v; want the campaign just sent", list, one)
	}
	if got := countPerRecipient(srv); !maps.Equal(got, want) {
		t.Fatalf("the SMTP server received %v, want %v", got, want)
	}
	for _, m := range srv.Messages() {
		login := strings.Split(m.To[0], "@")[0]
		code := resetCodeFR.FindStringSubmatch(m.Text)
		if len(m.To) != 1 || m.From != "secretariat@ecole-ferry.fr" || !strings.Contains(m.Text, "Votre identifiant est : "+login) || code == nil {
			t.Fatalf("message from %s to %v, want %s's login and a reset code in French:\n%s", m.From, m.To, login, m.Text)
		}
		// The emailed code works, once.
		c.must(code[1]+"\nNouveau2027!\n", "reset-password", "--login", login, "--use-code", "--password-stdin")
		if r := c.run(code[1]+"\nEncore2028!\n", "reset-password", "--login", login, "--use-code", "--password-stdin"); r.code != exitInvalid {
			t.Errorf("%s's reset code worked twice: exit %d", login, r.code)
		}
	}
}

var resetCodeFR = regexp.MustCompile(`saisissez ce code : ([A-Z0-9]{4}-[A-Z0-9]{4})`)

func (j *journey) giveSeats() {
	t, c := j.t, j.c
	var emails []string
	for _, u := range j.users("--profile", "teacher", "--email", "with").Users {
		if u.Login == "felicite.simani" || u.Login == "john.doe" || u.Login == "jim.smith" {
			emails = append(emails, u.Email)
		}
	}
	slices.Sort(emails)
	if len(emails) != 3 || emails[0] != j.emails["felicite.simani"] {
		t.Fatalf("the three teachers' addresses: %v", emails)
	}
	id := j.code.ID.String()
	var res seatResultJSON
	c.json(&res, "", append([]string{"seats", "add", id}, emails...)...)
	if !slices.Equal(slices.Sorted(slices.Values(res.Added)), emails) || res.Free != 27 || res.Duplicates != 0 || res.DryRun {
		t.Fatalf("seats add --json = %+v", res)
	}
	var seats seatsListJSON
	c.json(&seats, "", "seats", "list", id)
	var held []string
	for _, s := range seats.Seats {
		held = append(held, s.Email)
		if s.Source != "typed" || s.AddedBy == 0 || s.AddedAt.IsZero() {
			t.Errorf("seat %+v", s)
		}
	}
	slices.Sort(held)
	sub := seats.Subscription
	if !slices.Equal(held, emails) || sub.ID != j.code.ID || sub.SeatsAssigned != 3 || sub.SeatsFree != 27 {
		t.Fatalf("seats list --json: %v on %+v", held, sub)
	}
}

// historyJSON is the part of `import history --json` the journey reads.
type historyJSON struct {
	ID       model.ID  `json:"id"`
	Counts   countsOut `json:"counts"`
	UndoneAt string    `json:"undone_at"`
}

func (j *journey) undoReimport() {
	t, c := j.t, j.c
	c.must("", "import", "undo", "--yes")
	after := j.users()
	if after.Total != 30 || slices.ContainsFunc(after.Users, func(u userJSON) bool { return u.Login == "chloe.lefevre" }) {
		t.Fatalf("after the undo: %d users, Chloé still there?", after.Total)
	}
	if moved := j.user("mathias.legrand"); !slices.Equal(moved.Classes, []string{journeyOldClass}) {
		t.Errorf("after the undo Mathias is in %v, want %s again", moved.Classes, journeyOldClass)
	}
	// What happened since the re-import, to other people, stays.
	if a := j.user("antoine.meunier"); !a.Activated || a.Email != j.emails["antoine.meunier"] {
		t.Errorf("the undo touched Antoine: %+v", a)
	}
	if l := j.users("--profile", "student", "--class", journeyClass, "--activated", "no"); l.Total != 1 || l.Users[0].Login != "lea.colin" {
		t.Errorf("%s's students not activated after the undo: %+v", journeyClass, l.Users)
	}
	var history []historyJSON
	c.json(&history, "", "import", "history")
	if len(history) != 3 || history[0].ID != j.reimport.RunID || history[0].UndoneAt == "" || history[1].UndoneAt != "" {
		t.Fatalf("import history --json = %+v", history)
	}
	// The OneRoster import is next, but its people were given addresses since: refused, named.
	r := c.run("", "import", "undo", "--dry-run")
	if r.code != exitConflict || !regexp.MustCompile(`john\.doe|jim\.smith|mary\.jones|anna\.brown`).MatchString(r.stderr) {
		t.Errorf("undoing the OneRoster import after edits: exit %d %q, want %d naming an edited user", r.code, r.stderr, exitConflict)
	}
}

// reopenBackup copies the database with `backup`, then runs the binary on the copy as on a
// database opened again after quitting: the same admin is signed in and sees the same school.
func (j *journey) reopenBackup() {
	t, c := j.t, j.c
	dest := filepath.Join(j.dir, "rollcall-janvier.db")
	if pgstore.IsURL(c.db) {
		r := c.run("", "backup", dest)
		if r.code != exitInvalid || !strings.Contains(r.stderr, "sauvegardez-la avec pg_dump") {
			t.Errorf("backup of a PostgreSQL database: exit %d %q, want %d pointing to pg_dump in French", r.code, r.stderr, exitInvalid)
		}
		if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a refused backup left %s: %v", dest, err)
		}
		return
	}
	if r := c.must("", "backup", dest); !strings.Contains(r.stderr, "Sauvegarde écrite dans "+dest) {
		t.Errorf("backup answered %q, want French", r.stderr)
	}
	b := &cli{t: t, db: dest, user: c.user, env: c.env}
	for _, args := range [][]string{{"whoami"}, {"users", "list"}, {"seats", "list", j.code.ID.String()}, {"merge", "status"},
		{"import", "history"}, {"vendor", "list"}} {
		var live, copied any
		c.json(&live, "", args...)
		b.json(&copied, "", args...)
		if m, ok := live.(map[string]any); ok && args[0] == "whoami" {
			m["database"] = dest // the one field that must differ
		}
		if !reflect.DeepEqual(live, copied) {
			t.Errorf("%v differs in the backup:\nlive   %v\nbackup %v", args, live, copied)
		}
	}
	var live, subs subsListJSON
	c.json(&live, "", "subs", "list")
	b.json(&subs, "", "subs", "list")
	var who whoamiJSON
	b.json(&who, "", "whoami")
	if !reflect.DeepEqual(live.Subscriptions, subs.Subscriptions) { // not Today: the two runs may straddle midnight
		t.Errorf("subs list differs in the backup:\nlive   %+v\nbackup %+v", live.Subscriptions, subs.Subscriptions)
	}
	if len(subs.Subscriptions) != 2 || subs.Subscriptions[0].SeatsAssigned+subs.Subscriptions[1].SeatsAssigned != 3 ||
		!who.SignedIn || who.Admin.Language != "fr" || who.Users.Total != 30 || len(who.Organizations) != 3 {
		t.Fatalf("the backup: subscriptions %+v, whoami %+v", subs.Subscriptions, who)
	}
}
