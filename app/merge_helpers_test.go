package app

import (
	"context"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"rollcall/mailmerge/smtptest"
	"rollcall/model"
)

// testActivationURL is the activation address the mail-merge tests configure.
const testActivationURL = "https://comptes.example.fr/ent"

// mergeFixture is a store with the demo school, an admin of it and the activation address set.
func mergeFixture(t *testing.T) (*fixture, model.Admin) {
	t.Helper()
	f := newFixture(t)
	f.verifiedAdmin(t, "admin@example.fr", "motdepasse1")
	ctx := context.Background()
	if _, err := f.app.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	admin, err := f.store.AdminByEmail(ctx, "admin@example.fr")
	if err != nil {
		t.Fatal(err)
	}
	url := testActivationURL
	if _, err := setMailEverywhere(f.app, ctx, admin, MailSettingsChange{ActivationURL: &url}, false); err != nil {
		t.Fatal(err)
	}
	return f, admin
}

// useSMTP points the mail settings at an in-process SMTP server.
func useSMTP(t testing.TB, f *fixture, admin model.Admin, srv *smtptest.Server) {
	t.Helper()
	host, port, sec, from := srv.Host(), srv.Port(), "none", "Service informatique <it@college.example.fr>"
	ch := MailSettingsChange{Host: &host, Port: &port, Security: &sec, From: &from}
	if _, err := setMailEverywhere(f.app, context.Background(), admin, ch, false); err != nil {
		t.Fatal(err)
	}
}

// fastRetries make back-off waits negligible in tests.
func fastRetries(attempts int) RunOptions {
	return RunOptions{Attempts: attempts, Backoff: func(int) time.Duration { return time.Millisecond }}
}

// frenchLabels stands in for the catalogue's profile names.
func frenchLabels(p model.Profile, lang model.Language) string {
	if lang == model.French {
		return map[model.Profile]string{model.Student: "Élève", model.Teacher: "Enseignant"}[p]
	}
	return map[model.Profile]string{model.Student: "Student", model.Teacher: "Teacher"}[p]
}

// class6eA returns the id of the demo's class "6e A".
func class6eA(t *testing.T, f *fixture, admin model.Admin) model.ID {
	t.Helper()
	info, err := f.app.findSet(context.Background(), admin, Classes, "6e A")
	if err != nil {
		t.Fatal(err)
	}
	return info.ID
}

// selectedUsers loads every user of a selection, in its order.
func selectedUsers(t *testing.T, f *fixture, admin model.Admin, sel model.Selection) []model.User {
	t.Helper()
	page, err := f.app.findUsers(context.Background(), admin, sel, 0, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	return page.Users
}

func needPoppler(t *testing.T, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s not installed (Debian package poppler-utils): skipping", tool)
	}
	return p
}

var pdfPagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)

// pdfPages runs pdfinfo on a file and returns its page count.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command(needPoppler(t, "pdfinfo"), path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Error") {
		t.Fatalf("pdfinfo %s: %v\n%s", path, err, out)
	}
	m := pdfPagesRE.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// pdfText runs pdftotext on a file, one text per page.
func pdfText(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command(needPoppler(t, "pdftotext"), "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}
