package main

import (
	"io"
	"strings"
	"testing"
)

// TestRemoteAllowList: over SSH, commands that only touch the database run; those naming files
// on the server are refused.
func TestRemoteAllowList(t *testing.T) {
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	f := &factory{env: e}
	allowed := [][]string{{"subs", "list", "--json"}, {"seats", "list", "3"}, {"seats", "add", "3", "a@example.fr"},
		{"merge", "email", "--class", "6e A", "--dry-run"}, {"merge", "status"}, {"activate", "--login", "x", "--password-stdin"},
		{"users", "list", "--json"}, {"import", "history"}, {"backup", "-"}}
	refused := [][]string{{"merge", "pdf", "-o", "/tmp/x.pdf"}, {"seats", "import", "3", "emails.csv"}, {"templates", "export", "/tmp/t"},
		{"import", "/etc/passwd"}, {"users", "export", "-o", "x.csv"}, {"backup", "/tmp/x.db"}, {"vendor", "keygen"},
		{"merge", "email", "--templates", "/etc"}, {"users", "list", "--db", "/tmp/other.db"}}
	for _, args := range allowed {
		if _, err := checkRemote(f, args); err != nil {
			t.Errorf("%v refused over SSH: %v", args, err)
		}
	}
	for _, args := range refused {
		if _, err := checkRemote(f, args); err == nil {
			t.Errorf("%v allowed over SSH, but it names a file on the server", args)
		}
	}
}
