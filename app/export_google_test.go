package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rollcall/i18n"
	"rollcall/importers"
	"rollcall/model"
)

// googleTemplate is the header of the blank CSV template the Google Admin console gives
// (Directory > Users > Bulk update users), as Google publishes it.
const googleTemplate = "First Name [Required],Last Name [Required],Email Address [Required],Password [Required]," +
	"Password Hash Function [UPLOAD ONLY],Org Unit Path [Required],New Primary Email [UPLOAD ONLY],Recovery Email," +
	"Home Secondary Email,Work Secondary Email,Recovery Phone [MUST BE IN THE E.164 FORMAT],Work Phone,Home Phone," +
	"Mobile Phone,Work Address,Home Address,Employee ID,Employee Type,Employee Title,Manager Email,Department," +
	"Cost Center,Building ID,Floor Name,Floor Section,Change Password at Next Sign-In,New Status [UPLOAD ONLY]," +
	"New Licenses [UPLOAD ONLY],Advanced Protection Program enrollment"

// Google's upload: its template's header exactly, every account with an address (its own or the
// template's), a fresh password per account that meets the school's policy for the profile,
// an organizational unit from the template, and a change of password asked at first sign-in.
// The passwords are in the file only: no account's password, code or record changes, and the
// database file never holds them.
func TestExportGoogle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin, school := loadedDemoSchool(t, f)
	strict := model.PasswordPolicy{MinLength: 14, Classes: model.CharClasses(model.ClassUpper | model.ClassLower | model.ClassDigit | model.ClassSpecial)}
	if _, err := f.app.setPasswordPolicy(ctx, admin, school, model.Student, strict, false); err != nil {
		t.Fatal(err)
	}
	sel := model.Selection{OrgIDs: []model.ID{school}}
	ids, _ := f.app.selectUserIDs(ctx, admin, sel)
	before := map[string]model.User{}
	for _, id := range ids {
		u, _ := f.store.User(ctx, id)
		before[u.Login] = u
	}
	orgs, _ := f.store.ListOrgs(ctx)
	path := filepath.Join(t.TempDir(), "google.csv")
	opts := ExportOptions{EmailTemplate: "{login}@college.example", OrgUnitTemplate: "/{school}/{profile}/{class}"}
	n, err := f.app.exportUsersToFileWith(ctx, admin, sel, ExportGoogle, catalogLabels(i18n.For(model.French)), opts, path)
	if err != nil || n != len(ids) {
		t.Fatalf("export: %d of %d users, %v", n, len(ids), err)
	}
	raw, _ := os.ReadFile(path)
	if !bytes.HasPrefix(raw, []byte("\ufeff"+googleTemplate+"\r\n")) {
		t.Fatalf("header (UTF-8 with BOM, as Google asks for non-ASCII names):\n%.400q", raw)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff")))).ReadAll()
	if err != nil || len(rows) != n+1 {
		t.Fatalf("%d rows: %v", len(rows), err)
	}
	seen := map[string]bool{}
	var schoolName string
	for _, o := range orgs {
		if o.ID == school {
			schoolName = o.Name
		}
	}
	templated := 0
	for _, r := range rows[1:] {
		login := r[16]
		u, ok := before[login]
		if !ok || r[0] != u.FirstName || r[1] != u.LastName {
			t.Fatalf("row %q is no user of the selection", r)
		}
		switch {
		case u.Email != "" && r[2] != u.Email:
			t.Errorf("%s: email %q, has %q", login, r[2], u.Email)
		case u.Email == "":
			templated++
			if r[2] != login+"@college.example" {
				t.Errorf("%s: templated email %q", login, r[2])
			}
		}
		pw := r[3]
		policy := model.DefaultPasswordPolicy
		if u.Profile == model.Student {
			policy = strict
		}
		if errs := policy.Check("password", pw); len(errs) > 0 || len(pw) < 8 || len(pw) > 100 || seen[pw] {
			t.Errorf("%s (%s): password %q breaks %v or repeats", login, u.Profile, pw, errs)
		}
		seen[pw] = true
		if r[4] != "" || r[25] != "TRUE" {
			t.Errorf("%s: hash function %q, change at next sign-in %q", login, r[4], r[25])
		}
		if !strings.HasPrefix(r[5], "/"+schoolName+"/") || strings.Contains(r[5], "//") {
			t.Errorf("%s: org unit %q", login, r[5])
		}
		if u.Profile == model.Student && len(u.ClassIDs) > 0 && strings.Count(r[5], "/") != 3 {
			t.Errorf("%s: a pupil's unit names the class: %q", login, r[5])
		}
	}
	if templated == 0 {
		t.Fatal("no user without an email: the template is untested")
	}
	for _, id := range ids {
		u, _ := f.store.User(ctx, id)
		b := before[u.Login]
		if u.PasswordHash != b.PasswordHash || u.ActivationCode != b.ActivationCode || !u.UpdatedAt.Equal(b.UpdatedAt) {
			t.Fatalf("%s changed: the export must change no account", u.Login)
		}
	}
	f.store.Close()
	db, err := os.ReadFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	for pw := range seen {
		if bytes.Contains(db, []byte(pw)) {
			t.Fatalf("password %q is in the database file", pw)
		}
	}
}

// A template with an unknown placeholder, or an email template that makes no address, is refused
// before anything is read, naming what is known.
func TestExportGoogleRefusesBadTemplates(t *testing.T) {
	for _, opts := range []ExportOptions{
		{EmailTemplate: "{prenom}@school.example"},
		{EmailTemplate: "{login}"},
		{EmailTemplate: "{login}@{uai}.example"},
		{OrgUnitTemplate: "/{school}/{classe}"},
		{OrgUnitTemplate: "/{school"},
	} {
		var oe *model.ExportOptionError
		if err := CheckExportOptions(ExportGoogle, opts); !errors.As(err, &oe) || len(oe.Known) == 0 || !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%+v: %v", opts, err)
		}
	}
	var oe *model.ExportOptionError
	err := CheckExportOptions(ExportGoogle, ExportOptions{OrgUnitTemplate: "/{school}/{classe}"})
	if errors.As(err, &oe); oe.Option != "org-unit-template" || oe.Value != "{classe}" || !slices.Contains(oe.Known, "{class}") {
		t.Errorf("%+v", oe)
	}
	if err := CheckExportOptions(ExportGoogle, ExportOptions{EmailTemplate: "{first}.{last}@{login}x.fr"}); err == nil {
		t.Error("a placeholder in the domain was accepted")
	}
}

// Initial passwords follow the policy they are drawn for, however strict, and come from the
// random source given.
func TestInitialPasswordMeetsPolicy(t *testing.T) {
	for _, p := range []model.PasswordPolicy{model.DefaultPasswordPolicy, {MinLength: 20, Classes: model.CharClasses(model.ClassSpecial | model.ClassUpper)},
		{MinLength: 64, Classes: model.CharClasses(model.ClassLower | model.ClassDigit | model.ClassSpecial | model.ClassUpper)}} {
		pw, err := newInitialPassword(rand.Reader, p)
		if err != nil || len(p.Check("pw", pw)) > 0 || len(pw) < max(p.MinLength, initialPasswordLen) {
			t.Errorf("%+v: %q %v", p, pw, err)
		}
		if strings.ContainsAny(pw[:1], "=+-@") {
			t.Errorf("%q starts like a formula", pw)
		}
	}
	if _, err := newInitialPassword(bytes.NewReader(nil), model.DefaultPasswordPolicy); err == nil {
		t.Error("an exhausted random source gave a password")
	}
}

// Google's upload re-imports into Rollcall to no change: users found by their login (Employee ID),
// their profile read from Employee Type in the admin's language, their classes from Department,
// and the passwords never read. Those without an address get the email template's, which
// Google then knows them by: re-imported, that address is the only change, filled in where the
// user had none.
func TestExportGoogleReimportsToNoChange(t *testing.T) {
	for _, lang := range []model.Language{model.French, model.English} {
		t.Run(string(lang), func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			admin, school := loadedDemoSchool(t, f)
			labels := catalogLabels(i18n.For(lang))
			opts := ExportOptions{EmailTemplate: "{login}@college.example"}
			reimport := func(sel model.Selection) (int, ImportReport) {
				path := filepath.Join(t.TempDir(), "google.csv")
				n, err := f.app.exportUsersToFileWith(ctx, admin, sel, ExportGoogle, labels, opts, path)
				if err != nil || n == 0 {
					t.Fatalf("export: %d users, %v", n, err)
				}
				checkGoogleReadBack(t, f, path)
				rep, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{OrgID: school, DryRun: true, Changes: true}, nil)
				if err != nil {
					t.Fatal(err)
				}
				c := rep.Counts
				if c.Created != 0 || c.PendingDeletion != 0 || c.ClassesCreated != 0 || c.Unchanged+c.Updated != n {
					t.Fatalf("re-import of %d exported users: %+v", n, c)
				}
				return n, rep
			}
			n, rep := reimport(model.Selection{OrgIDs: []model.ID{school}, Email: model.TriYes})
			if rep.Counts.Updated != 0 || rep.Counts.Unchanged != n {
				t.Fatalf("users with an address: %+v; first changes %+v", rep.Counts, rep.Changes[:min(3, len(rep.Changes))])
			}
			_, rep = reimport(model.Selection{OrgIDs: []model.ID{school}})
			if rep.Counts.Updated == 0 {
				t.Fatal("no user without an address: the template is untested")
			}
			for _, ch := range rep.Changes {
				if ch.Kind == Updated && (len(ch.Fields) != 1 || ch.Fields[0].Field != model.FieldEmail || ch.Fields[0].Old != "" ||
					ch.Fields[0].New != ch.Login+"@college.example") {
					t.Errorf("%+v", ch)
				}
			}
		})
	}
}

// checkGoogleReadBack reads an exported Google file as the importer does: each row is a user of
// the store with their profile and class names, and no password is read.
func checkGoogleReadBack(t *testing.T, f *fixture, path string) {
	t.Helper()
	ctx := context.Background()
	batch, err := importers.Parse(ctx, inputs(path), importers.Options{}, nil)
	if err != nil || !batch.FromRollcall || batch.Format != importers.Format("google") {
		t.Fatalf("parse: %v (from Rollcall %v)", err, batch != nil && batch.FromRollcall)
	}
	names := map[string]string{}
	for _, c := range batch.Classes {
		names[c.Code] = c.Name
	}
	classes, _ := f.store.ListClasses(ctx)
	byID := map[model.ID]string{}
	for _, c := range classes {
		byID[c.ID] = c.Name
	}
	inClass := 0
	for _, r := range batch.Records {
		u, err := f.store.UserByLogin(ctx, r.Login)
		if err != nil || u.Profile != r.Profile || r.Password != "" {
			t.Fatalf("%s: %v, profile %v read as %v", r.Login, err, u.Profile, r.Profile)
		}
		var want, got []string
		for _, id := range u.ClassIDs {
			want = append(want, byID[id])
		}
		for _, c := range r.Classes {
			got = append(got, names[c])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: classes %q, has %q", r.Login, got, want)
		}
		inClass += len(got)
	}
	if inClass == 0 {
		t.Fatal("no class was read back")
	}
}
