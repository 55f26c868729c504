package screen

import (
	"path/filepath"
	"testing"
)

func TestExpandHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home) // Windows
	for in, want := range map[string]string{
		"~":                 home,
		"~/rentree/eleves":  filepath.Join(home, "rentree", "eleves"),
		"/tmp/eleves.csv":   "/tmp/eleves.csv",
		"~marie/eleves.csv": "~marie/eleves.csv", // another user's home: left to the shell
		"eleves~1.csv":      "eleves~1.csv",
	} {
		if got := ExpandHome(in); got != want {
			t.Errorf("ExpandHome(%q) = %q, want %q", in, got, want)
		}
	}
}
