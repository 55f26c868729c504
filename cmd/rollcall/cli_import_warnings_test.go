package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportWarningsAndStrict: references the files do not define are warnings in the report
// (text in the admin's language, and --json), and errors with --strict, which writes nothing.
func TestImportWarningsAndStrict(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	set := filepath.Join("..", "..", "importers", "testdata", "oneroster", "v1.1-vendor")

	r := c.run("", "--lang", "en", "import", set, "--strict")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "district-404") || !strings.Contains(r.stderr, "refers to an organization the files do not define") {
		t.Errorf("--strict: exit %d, stderr %q", r.code, r.stderr)
	}
	var dry struct {
		importJSON
		Warnings []rowProblemJSON `json:"warnings"`
	}
	c.json(&dry, "", "import", set, "--dry-run")
	if len(dry.Warnings) != 6 || dry.Warnings[0].Rule != "unknown_org" || dry.Warnings[0].Value != "district-404" || dry.Warnings[0].Line != 2 {
		t.Errorf("--json warnings = %+v", dry.Warnings)
	}
	r = c.must("", "--lang", "fr", "import", set)
	if !strings.Contains(r.stdout, "3 créés") || !strings.Contains(r.stdout, "avertissement : ") || !strings.Contains(r.stdout, "cls-404") {
		t.Errorf("report: %q", r.stdout)
	}
	// The warnings stay with the run in the history, to be read again later.
	var history []runJSON
	c.json(&history, "", "import", "history")
	if len(history) != 2 || history[0].Status != "completed" || history[0].Warnings != 6 || history[0].Errors != 0 {
		t.Fatalf("history = %+v", history)
	}
	r = c.must("", "--lang", "en", "import", "errors", history[0].ID.String())
	if !strings.Contains(r.stderr, "Warnings of import #") || strings.Count(r.stdout, "warning: ") != 6 || !strings.Contains(r.stdout, "enrollments.csv, line 4, column classSourcedId (B), value \"cls-404\"") {
		t.Errorf("import errors of a run with warnings: %q, %q", r.stdout, r.stderr)
	}
}

// TestImportOfNothingIsRefused: a folder in which nothing is a roster exits 3 naming each file,
// and a file not read beside a roster is listed in the report.
func TestImportOfNothingIsRefused(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.pdf"), []byte("%PDF-1.4"), 0o600)
	r := c.run("", "--lang", "en", "import", dir)
	if r.code != exitInvalid || !strings.Contains(r.stderr, "notes.pdf") || !strings.Contains(r.stderr, "not a roster file") {
		t.Errorf("nothing to import: exit %d, stderr %q", r.code, r.stderr)
	}
	set := filepath.Join(samples(t), "sds", "v2.1")
	var rep struct {
		Skipped []rowProblemJSON `json:"skipped"`
	}
	c.json(&rep, "", "import", set, "--dry-run")
	if len(rep.Skipped) != 2 || rep.Skipped[1].Rule != "not_in_set" || filepath.Base(rep.Skipped[1].File) != "userFlags.csv" {
		t.Errorf("skipped = %+v", rep.Skipped)
	}
}
