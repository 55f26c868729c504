package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func samples(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "samples")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/samples is absent: the roster samples live beside the repository")
	}
	return dir
}

func TestImportCommands(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	ent := filepath.Join(samples(t), "ent", "templates-fr")

	if r := c.run("", "import", ent); r.code != exitInvalid || !strings.Contains(r.stderr, "--org") {
		t.Errorf("import without an organization: exit %d, %q", r.code, r.stderr)
	}
	var org orgJSON
	c.json(&org, "", "orgs", "create", "--name", "École Jules Ferry", "--city", "Paris", "--country", "FR")

	var dry importJSON
	c.json(&dry, "", "import", ent, "--dry-run")
	if !dry.DryRun || dry.Counts.Created != 24 || len(dry.Changes) != 24 || dry.Changes[0].Kind != "created" {
		t.Fatalf("dry run = %+v", dry.Counts)
	}
	var none usersListJSON
	c.json(&none, "", "users", "list")
	if none.Total != 0 {
		t.Fatalf("the dry run wrote %d users", none.Total)
	}
	var rep importJSON
	c.json(&rep, "", "import", ent)
	if rep.RunID == 0 || rep.Counts.Created != 24 || len(rep.Files) != 5 || len(rep.Files[0].SHA256) != 64 {
		t.Fatalf("import = %+v", rep)
	}
	r := c.must("", "--lang", "en", "import", ent)
	if !strings.Contains(r.stdout, "0 created, 0 updated, 0 protected, 24 unchanged, 0 to be deleted") {
		t.Errorf("second import report: %q", r.stdout)
	}

	bad := filepath.Join(t.TempDir(), "CSV_Eleves.csv")
	os.WriteFile(bad, []byte("Prénom*;Nom*;Date de naissance*;Classes*\nLéa;COLIN;31/02/2014;CP\n"), 0o600)
	r = c.run("", "--lang", "en", "import", bad)
	if r.code != exitInvalid || !strings.Contains(r.stderr, "line 2") || !strings.Contains(r.stderr, "Date de naissance*") || !strings.Contains(r.stderr, "31/02/2014") {
		t.Errorf("a bad date: exit %d, stderr %q", r.code, r.stderr)
	}

	var history []struct {
		ID     int       `json:"id"`
		Status string    `json:"status"`
		Counts countsOut `json:"counts"`
	}
	c.json(&history, "", "import", "history")
	// Newest first: the bad date and the run without a school failed, and are kept as such.
	if len(history) != 4 || history[0].Status != "failed" || history[1].Counts.Unchanged != 24 || history[3].Status != "failed" {
		t.Errorf("history = %+v", history)
	}
	if r := c.run("", "import", "undo"); r.code != exitUsage || !strings.Contains(r.stderr, "--yes") {
		t.Errorf("undo without a terminal nor --yes: exit %d, %s", r.code, r.stderr)
	}
	c.must("", "import", "undo", "--yes")
	c.must("", "import", "undo", "--yes")
	var after usersListJSON
	c.json(&after, "", "users", "list")
	if after.Total != 0 {
		t.Errorf("after undoing both imports %d users remain", after.Total)
	}
	if r := c.run("", "import", "undo", "--yes"); r.code != exitConflict {
		t.Errorf("nothing left to undo: exit %d", r.code)
	}
}
