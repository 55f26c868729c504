package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"rollcall/importers"
	"rollcall/model"
	"rollcall/storage"
)

// A database from before schools had their own settings: its one set goes to every school
// once, the old key is gone, and a school created afterwards starts with none.
func TestLegacySettingsMoveToEverySchool(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	admin := f.adminWithOrgs(t, "ada@example.fr", "Collège A", "Collège B")
	legacy, _ := json.Marshal(MailSettings{Host: "smtp.old.example", From: "it@old.example", ActivationURL: "https://old.example/ent"})
	if err := f.store.SetMeta(ctx, legacyMailSettingsKey, string(legacy)); err != nil {
		t.Fatal(err)
	}
	a := New(f.store, Options{Clock: f.clock.Now, Argon2: cheapArgon2}) // a fresh process
	for _, org := range admin.OrgIDs {
		s, err := a.mailSettings(ctx, admin, org)
		if err != nil || s.Host != "smtp.old.example" || s.ActivationURL != "https://old.example/ent" {
			t.Errorf("school %d after the move: %v, %v", org, s, err)
		}
	}
	if raw, _ := f.store.Meta(ctx, legacyMailSettingsKey); raw != "" {
		t.Errorf("the former single settings are still there: %s", raw)
	}
	c, err := a.createOrg(ctx, admin, model.Organization{Name: "Lycée C", City: "Lyon", Country: "FR"}, false)
	if err != nil {
		t.Fatal(err)
	}
	admin, _ = f.store.Admin(ctx, admin.ID)
	if s, err := a.mailSettings(ctx, admin, c.ID); err != nil || s != (MailSettings{}) {
		t.Errorf("a new school inherits settings: %v, %v", s, err)
	}
}

// Each admin reads and changes only their schools' settings; the school's log says who did.
func TestSchoolSettingsAreEachSchoolsOwn(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ada := f.adminWithOrgs(t, "ada@example.fr", "Collège A")
	bob := f.adminWithOrgs(t, "bob@example.fr", "Collège B")
	orgA, orgB := ada.OrgIDs[0], bob.OrgIDs[0]
	host := "smtp.a.example"
	from := "it@a.example"
	if _, err := f.app.setMailSettings(ctx, ada, orgA, MailSettingsChange{Host: &host, From: &from}, false); err != nil {
		t.Fatal(err)
	}
	evil := "smtp.evil.example"
	if _, err := f.app.setMailSettings(ctx, bob, orgA, MailSettingsChange{Host: &evil}, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("bob changes school A's SMTP server: %v", err)
	}
	if _, err := f.app.mailSettings(ctx, bob, orgA); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("bob reads school A's settings: %v", err)
	}
	if _, err := f.app.setPasswordPolicy(ctx, bob, orgA, model.Student, model.DefaultPasswordPolicy, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("bob sets school A's password policy: %v", err)
	}
	if s, _ := f.app.mailSettings(ctx, bob, orgB); s.Host != "" {
		t.Errorf("school B got school A's server: %v", s)
	}
	if s, _ := f.app.mailSettings(ctx, ada, orgA); s.Host != host {
		t.Errorf("school A's server: %v", s)
	}
	log, err := f.app.auditLog(ctx, ada, AuditQuery{OrgID: orgA, Action: "settings."})
	if err != nil || len(log) != 1 || log[0].AdminEmail != "ada@example.fr" || !strings.Contains(log[0].Detail, host) {
		t.Errorf("school A's log: %+v, %v", log, err)
	}
	if log, _ := f.app.auditLog(ctx, bob, AuditQuery{Action: "settings."}); len(log) != 0 {
		t.Errorf("bob sees school A's settings changes: %+v", log)
	}
}

// A school's password policy is the one every password of that profile there follows: card
// activation, reset and imported spreadsheets; another school and profile keep theirs.
func TestPasswordPolicyAppliesWhereverAPasswordIsChosen(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	u := firstUser(t, f, admin, model.Selection{Activation: model.TriNo, Profiles: []model.Profile{model.Student}})
	strict := model.PasswordPolicy{MinLength: 10, Classes: model.CharClasses(model.ClassUpper | model.ClassLower | model.ClassDigit | model.ClassSpecial)}
	if _, err := f.app.setPasswordPolicy(ctx, admin, u.OrgID, model.Student, strict, false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.setPasswordPolicy(ctx, admin, u.OrgID, model.Student, model.PasswordPolicy{MinLength: 4}, false); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a 4-character policy: %v", err)
	}
	_, err := f.app.Activate(ctx, u.Login, u.ActivationCode, "abcdefg1")
	var ves model.ValidationErrors
	if !errors.As(err, &ves) || len(ves) != 3 {
		t.Fatalf("activation with abcdefg1 under the strict policy: %v", err)
	}
	if _, err := f.app.Activate(ctx, u.Login, u.ActivationCode, "Tr0mbone-Bleu"); err != nil {
		t.Fatalf("a password that follows the policy: %v", err)
	}
	teacher := firstUser(t, f, admin, model.Selection{Activation: model.TriNo, Profiles: []model.Profile{model.Teacher},
		OrgIDs: []model.ID{u.OrgID}})
	if _, err := f.app.Activate(ctx, teacher.Login, teacher.ActivationCode, "abcdefg1"); err != nil {
		t.Errorf("a teacher follows the default policy: %v", err)
	}
	rc, err := f.app.issueResetCode(ctx, admin, u.Login, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.ResetPassword(ctx, u.Login, rc.Code, "abcdefg1"); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("reset to a weak password: %v", err)
	}
	if _, err := f.app.ResetPassword(ctx, u.Login, rc.Code, "Autre-Mot2passe"); err != nil {
		t.Errorf("the code still works after a refused password: %v", err)
	}
}

func TestImportedPasswordsFollowTheSchoolsPolicy(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	path := filepath.Join(t.TempDir(), "Eleves.csv")
	if err := os.WriteFile(path, []byte("Nom;Prénom;Code classe;Mot de passe\nCOLIN;Léa;CP;hunter22\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	in := []importers.Input{{Path: path}}
	if _, err := f.app.importFiles(ctx, admin, in, ImportOptions{DryRun: true, Classes: ClassesCreate}, nil); err != nil {
		t.Fatalf("hunter22 follows the default policy: %v", err)
	}
	strict := model.PasswordPolicy{MinLength: 10, Classes: model.CharClasses(model.ClassUpper | model.ClassDigit | model.ClassSpecial)}
	if _, err := f.app.setPasswordPolicy(ctx, admin, 0, model.Student, strict, false); err != nil {
		t.Fatal(err)
	}
	_, err := f.app.importFiles(ctx, admin, in, ImportOptions{DryRun: true, Classes: ClassesCreate}, nil)
	var es *importers.Errors
	if !errors.As(err, &es) {
		t.Fatalf("under a strict policy: %v", err)
	}
	var rules []model.Rule
	for _, e := range es.List {
		rules = append(rules, e.Rule)
		if e.Line != 2 || e.Column != "Mot de passe" || e.Letter != "D" || strings.Contains(e.Error(), "hunter22") {
			t.Errorf("error %+v: want line 2, column Mot de passe (D), no password", e)
		}
	}
	if want := []model.Rule{model.RulePasswordLength, model.RulePasswordUpper, model.RulePasswordSymbol}; !reflect.DeepEqual(rules, want) {
		t.Errorf("rules %v, want %v", rules, want)
	}
}

// Cards point to their own school's address; one run cannot mix schools' SMTP servers.
func TestCardsPointToTheirSchoolsAddress(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	if len(admin.OrgIDs) < 2 {
		t.Fatal("the demo has two schools")
	}
	other := "https://second.example.org/comptes"
	if _, err := f.app.setMailSettings(ctx, admin, admin.OrgIDs[1], MailSettingsChange{ActivationURL: &other}, false); err != nil {
		t.Fatal(err)
	}
	m, err := f.app.newMerger(ctx, admin.Language, MergeOptions{}, "", admin.OrgIDs)
	if err != nil {
		t.Fatal(err)
	}
	for i, org := range admin.OrgIDs {
		u := firstUser(t, f, admin, model.Selection{Activation: model.TriNo, OrgIDs: []model.ID{org}})
		want := []string{testActivationURL, other}[i]
		if c := m.card(&u); !strings.HasPrefix(c.ActivationURL, want+"/activate?") {
			t.Errorf("school %d's card points to %s, want %s", org, c.ActivationURL, want)
		}
	}
	host, from := "smtp.second.example", "it@second.example"
	if _, err := f.app.setMailSettings(ctx, admin, admin.OrgIDs[1], MailSettingsChange{Host: &host, From: &from}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.createCampaign(ctx, admin, model.Selection{}, CampaignOptions{}); !errors.Is(err, model.ErrSchoolSettingsDiffer) {
		t.Errorf("a campaign over two schools with different servers: %v", err)
	}
}

// Schools without an activation address point to the address the web pages are served at.
func TestServedAddressIsTheDefaultActivationAddress(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	empty := ""
	if _, err := setMailEverywhere(f.app, ctx, admin, MailSettingsChange{ActivationURL: &empty}, false); err != nil {
		t.Fatal(err)
	}
	if err := f.app.SetServedURL(ctx, "http://127.0.0.1:8080"); err != nil {
		t.Fatal(err)
	}
	m, err := f.app.newMerger(ctx, admin.Language, MergeOptions{}, "", admin.OrgIDs)
	if err != nil || m.noBase {
		t.Fatalf("merger: %v, no base %v", err, m != nil && m.noBase)
	}
	u := firstUser(t, f, admin, model.Selection{Activation: model.TriNo})
	if c := m.card(&u); !strings.HasPrefix(c.ActivationURL, "http://127.0.0.1:8080/activate?") {
		t.Errorf("card points to %q", c.ActivationURL)
	}
}
