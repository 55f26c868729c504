package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const cliActivationURL = "https://comptes.example.fr/ent"

// mergeCLI is a signed-in admin of the demo school.
func mergeCLI(t *testing.T) *cli {
	t.Helper()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	return c
}

func popplerTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (Debian package poppler-utils): skipping", name)
	}
	return p
}

var pagesLineRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)

// pdfInfo returns a PDF's page count and pdfinfo's whole report.
func pdfInfo(t *testing.T, path string) (int, string) {
	t.Helper()
	out, err := exec.Command(popplerTool(t, "pdfinfo"), path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Error") {
		t.Fatalf("pdfinfo %s: %v\n%s", path, err, out)
	}
	m := pagesLineRE.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo: no page count\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n, string(out)
}

// pdfPagesText returns the text of each page.
func pdfPagesText(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command(popplerTool(t, "pdftotext"), "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}

func TestMergePDFCommand(t *testing.T) {
	t.Parallel()
	c := mergeCLI(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "cards.pdf")
	if r := c.run("", "merge", "pdf", "--class", "6e A", "-o", out); r.code != exitInvalid || !strings.Contains(r.stderr, "--activation-url") {
		t.Fatalf("without an activation address: exit %d, %s", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed run left a file")
	}
	c.must("", "settings", "smtp", "--org", "all", "--activation-url", cliActivationURL)

	var students usersListJSON
	c.json(&students, "", "users", "list", "--class", "6e A", "--profile", "student")
	var res mergeResultJSON
	c.json(&res, "", "merge", "pdf", "--class", "6e A", "--profile", "student", "--per-sheet", "8", "-o", out)
	if res.Cards != 25 || res.Pages != 4 || len(res.Files) != 1 {
		t.Fatalf("merge pdf --json: %+v, want 25 cards on 4 pages", res)
	}
	if n, _ := pdfInfo(t, out); n != 4 {
		t.Errorf("pdfinfo: %d pages, want ceil(25/8) = 4", n)
	}
	all := strings.Join(pdfPagesText(t, out), "\n")
	for _, want := range []string{"Collège Jean Moulin", "Élève", "6e A", "Identifiant"} {
		if !strings.Contains(all, want) {
			t.Errorf("the cards lack %q", want)
		}
	}
	for _, u := range students.Users {
		if !strings.Contains(all, u.Login) || (u.ActivationCode != "" && !strings.Contains(all, u.ActivationCode)) {
			t.Errorf("the cards lack %s or its code %q", u.Login, u.ActivationCode)
		}
	}

	one := filepath.Join(dir, "one.pdf")
	c.must("", "merge", "pdf", "--class", "6e A", "--profile", "student", "--per-sheet", "1", "-o", one)
	pages := pdfPagesText(t, one)
	if len(pages) != 25 {
		t.Fatalf("1 per sheet: %d pages", len(pages))
	}
	for i, u := range students.Users {
		page := pages[i]
		activatedText := strings.Contains(page, "Votre compte est activé")
		if !strings.Contains(page, u.Login) || activatedText != u.Activated ||
			(u.ActivationCode != "" && !strings.Contains(page, u.ActivationCode)) {
			t.Errorf("page %d is not the right card for %s (activated %v):\n%s", i+1, u.Login, u.Activated, page)
		}
	}

	letter := filepath.Join(dir, "letter.pdf")
	c.must("", "merge", "pdf", "--class", "6e A", "--profile", "student", "--per-sheet", "2", "--paper", "letter", "-o", letter)
	if n, info := pdfInfo(t, letter); n != 13 || !strings.Contains(info, "612 x 792 pts") {
		t.Errorf("2 per US Letter sheet: %d pages\n%s", n, info)
	}
}

func TestMergePDFSplitDryRunAndErrors(t *testing.T) {
	t.Parallel()
	c := mergeCLI(t)
	c.must("", "settings", "smtp", "--org", "all", "--activation-url", cliActivationURL)
	dir := filepath.Join(t.TempDir(), "cards")
	var res mergeResultJSON
	c.json(&res, "", "merge", "pdf", "--class", "6e A,6e B", "--profile", "student", "--split-by", "class", "-o", dir)
	if len(res.Files) != 2 || res.Cards != 50 || filepath.Base(res.Files[0]) != "6e A.pdf" {
		t.Fatalf("split: %+v", res)
	}
	for _, f := range res.Files {
		if n, _ := pdfInfo(t, f); n != 4 {
			t.Errorf("%s: %d pages, want 4", f, n)
		}
	}

	var dry mergeResultJSON
	out := filepath.Join(t.TempDir(), "never.pdf")
	c.json(&dry, "", "merge", "pdf", "--class", "6e A", "--per-sheet", "2", "-o", out, "--dry-run")
	if !dry.DryRun || dry.Cards < 25 || dry.Pages != (dry.Cards+1)/2 || !strings.Contains(dry.FirstCard, "Identifiant") {
		t.Errorf("dry run: %+v", dry)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a dry run wrote the PDF")
	}
	for _, bad := range [][]string{{"--per-sheet", "3", "-o", out}, {"--paper", "a3", "-o", out}, {"--split-by", "group", "-o", out}, {}} {
		if r := c.run("", append([]string{"merge", "pdf"}, bad...)...); r.code != exitUsage {
			t.Errorf("merge pdf %v: exit %d, want %d", bad, r.code, exitUsage)
		}
	}
	if r := c.run("", "merge", "pdf", "--search", "zzzz-nobody", "-o", out); r.code != exitNotFound {
		t.Errorf("empty selection: exit %d (%s)", r.code, r.stderr)
	}
	tpl := filepath.Join(t.TempDir(), "tpl")
	if r := c.must("", "templates", "export", tpl); strings.Count(r.stdout, "\n") != 8 {
		t.Errorf("templates export wrote:\n%s", r.stdout)
	}
	if r := c.run("", "templates", "export", tpl); r.code != exitConflict {
		t.Errorf("exporting over existing files: exit %d", r.code)
	}
	card := filepath.Join(tpl, "fr", "card.tmpl")
	if err := os.WriteFile(card, []byte("## {{.OrgName}}\n# CARTE {{.Login}} {{.Missing}}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := c.run("", "merge", "pdf", "--class", "6e A", "--templates", tpl, "-o", out); r.code != exitInvalid ||
		!strings.Contains(r.stderr, "fr/card.tmpl:2") {
		t.Errorf("a broken template: exit %d, %s", r.code, r.stderr)
	}
}
