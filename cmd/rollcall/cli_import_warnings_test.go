package main

import (
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
}
