package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The roster sets from the built binary: a zip written to a file or to stdout, the users the
// platform has no place for said on stderr, and each zip re-imports to no change.
func TestUsersExportRosterSets(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	dir := t.TempDir()
	file := filepath.Join(dir, "oneroster.zip")
	r := c.must("", "--lang", "en", "users", "export", "--format", "oneroster-1.1", "-o", file, "--org", "1")
	if !strings.Contains(r.stderr, "left out") {
		t.Errorf("the demo's guests are not said to be left out: %q", r.stderr)
	}
	out := c.must("", "users", "export", "--format", "sds-v2.1", "-o", "-", "--org", "1")
	zr, err := zip.NewReader(bytes.NewReader([]byte(out.stdout)), int64(len(out.stdout)))
	if err != nil {
		t.Fatalf("stdout is no zip: %v", err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if !strings.Contains(strings.Join(names, ","), "roles.csv") {
		t.Errorf("SDS zip holds %v", names)
	}
	var dry struct {
		Users int `json:"users"`
	}
	c.json(&dry, "", "users", "export", "--format", "sds-v2.1", "-o", filepath.Join(dir, "dry.zip"), "--org", "1", "--dry-run", "--json")
	for _, f := range zr.File {
		if f.Name == "users.csv" {
			rc, _ := f.Open()
			body, _ := io.ReadAll(rc)
			rc.Close()
			if rows := strings.Count(string(body), "\r\n") - 1; rows != dry.Users {
				t.Errorf("--dry-run counts %d users, users.csv has %d", dry.Users, rows)
			}
		}
	}
	sds := filepath.Join(dir, "sds.zip")
	if err := os.WriteFile(sds, []byte(out.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, set := range []string{file, sds} {
		var rep struct {
			Counts struct{ Created, Updated, Unchanged int } `json:"counts"`
		}
		c.json(&rep, "", "import", set, "--org", "1", "--dry-run", "--json")
		if rep.Counts.Created != 0 || rep.Counts.Updated != 0 || rep.Counts.Unchanged == 0 {
			t.Errorf("%s re-import: %+v", filepath.Base(set), rep.Counts)
		}
	}
}
