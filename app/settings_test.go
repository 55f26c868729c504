package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rollcall/mailmerge"
	"rollcall/mailmerge/smtptest"
	"rollcall/model"
)

func TestMailSettingsValidateAndHideThePassword(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	admin := f.adminWithOrgs(t, "admin@example.fr", "Collège Jean Moulin")
	ctx := context.Background()
	host, port, sec, user, pass, from := "smtp.example.fr", 587, "starttls", "it", "s3cret-Pa55", "IT <it@example.fr>"
	s, err := setMailEverywhere(f.app, ctx, admin, MailSettingsChange{Host: &host, Port: &port, Security: &sec,
		Username: &user, Password: &pass, From: &from}, false)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := f.app.mailSettings(ctx, admin, 0)
	if err != nil || stored != s || !stored.SMTPConfigured() || !stored.PasswordSet() ||
		stored.Security != mailmerge.SecurityStartTLS || stored.SMTPConfig().Password != pass {
		t.Fatalf("stored %v (%v), want what was set", stored, err)
	}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("settings", "mail", stored)
	for _, shown := range []string{fmt.Sprint(stored), fmt.Sprintf("%+v", stored), fmt.Sprintf("%#v", stored),
		fmt.Sprintf("%q", stored), logged.String()} {
		if strings.Contains(shown, pass) || !strings.Contains(shown, "smtp.example.fr") {
			t.Errorf("settings printed as %s", shown)
		}
	}

	newURL := testActivationURL
	s, err = setMailEverywhere(f.app, ctx, admin, MailSettingsChange{ActivationURL: &newURL}, false)
	if err != nil || s.Host != host || s.Password != pass || s.ActivationURL != newURL {
		t.Errorf("a partial change lost other settings: %v, %v", s, err)
	}

	badSec, badPort, badFrom, badURL := "ssl3", 70000, "not an address", "ftp://x"
	_, err = setMailEverywhere(f.app, ctx, admin, MailSettingsChange{Security: &badSec, Port: &badPort, From: &badFrom,
		ActivationURL: &badURL}, false)
	var ves model.ValidationErrors
	if !errors.As(err, &ves) || len(ves) != 4 {
		t.Errorf("four bad values: %v, want four validation errors", err)
	}
	if after, _ := f.app.mailSettings(ctx, admin, 0); after != s {
		t.Errorf("a refused change was saved: %v", after)
	}

	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "fr"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fr", "card.tmpl"), []byte("{{.Nope}}"), 0o600); err != nil {
		t.Fatal(err)
	}
	var te *mailmerge.TemplateError
	if _, err := setMailEverywhere(f.app, ctx, admin, MailSettingsChange{TemplateDir: &dir}, false); !errors.As(err, &te) {
		t.Errorf("a broken template directory: %v, want a TemplateError", err)
	}
}

func TestNotifierEmailsTheVerificationCode(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	srv := smtptest.Start(t, smtptest.Options{})
	texts := NotifierTexts{Verification: func(lang model.Language, code string) (string, string) {
		return "Code " + string(lang), "Votre code : " + code
	}}
	a := New(f.store, Options{Clock: f.clock.Now, Argon2: cheapArgon2, MailTexts: &texts})
	// The first admin administers the school already there, whose SMTP server sends their code.
	if err := f.store.CreateOrg(ctx, &model.Organization{Name: "Collège Jean Moulin", Country: "FR"}); err != nil {
		t.Fatal(err)
	}

	in := SignUpInput{FullName: "Ada", Email: "ada@example.fr", EmailConfirm: "ada@example.fr", Language: model.French, Country: "FR"}
	res, err := a.SignUp(ctx, in)
	if err != nil || res.Emailed || res.Code == "" {
		t.Fatalf("without SMTP the code is shown: %+v, %v", res, err)
	}
	admin, _ := f.store.AdminByEmail(ctx, "ada@example.fr")
	useSMTP(t, &fixture{app: a, store: f.store}, admin, srv)
	res, err = a.ResendVerification(ctx, "ada@example.fr")
	if err != nil || !res.Emailed || res.Code != "" {
		t.Fatalf("with SMTP the code is emailed: %+v, %v", res, err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "ada@example.fr" || msgs[0].Subject != "Code fr" || msgs[0].Language != "fr" {
		t.Fatalf("received %+v", msgs)
	}
	code := strings.TrimSpace(strings.TrimPrefix(msgs[0].Text, "Votre code : "))
	if err := a.CreatePassword(ctx, "ada@example.fr", code, "motdepasse1"); err != nil {
		t.Errorf("the emailed code does not verify: %v", err)
	}
	in.Email, in.EmailConfirm = "carl@example.fr", "carl@example.fr"
	if res, err = a.SignUp(ctx, in); err != nil || res.Emailed || res.Code == "" {
		t.Errorf("an admin of no school yet: %+v, %v; want the code shown (no school's server may be used)", res, err)
	}
	srv.Kill() // the server is down: the code is shown instead, so nobody is stuck
	in.Email, in.EmailConfirm = "bob@example.fr", "bob@example.fr"
	if res, err = a.SignUp(ctx, in); err != nil || res.Emailed || res.Code == "" {
		t.Errorf("with the server down: %+v, %v; want the code shown", res, err)
	}
}
