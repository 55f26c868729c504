package main

import (
	"strings"
	"testing"
)

func TestUnknownCommandsSuggestAndExit2(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	for _, tc := range []struct {
		args []string
		near string
	}{
		{[]string{"userz", "list"}, "users"},
		{[]string{"users", "lst"}, "list"},
		{[]string{"improt"}, "import"},
	} {
		r := c.run("", tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "Did you mean this?\n\t"+tc.near) {
			t.Errorf("rollcall %v: exit %d, stderr %q; want 2 and a suggestion of %q", tc.args, r.code, r.stderr, tc.near)
		}
	}
	if r := c.run("", "blorp"); r.code != exitUsage || strings.Contains(r.stderr, "Did you mean") {
		t.Errorf("rollcall blorp: exit %d, %q; want 2 and no suggestion", r.code, r.stderr)
	}
}

func TestVersionFlag(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	flag, cmd := c.must("", "--version"), c.must("", "version")
	if !strings.HasPrefix(flag.stdout, "rollcall ") || !strings.Contains(flag.stdout, "go1.") || flag.stdout != cmd.stdout {
		t.Errorf("--version printed %q, version %q", flag.stdout, cmd.stdout)
	}
}

// In French the refusal and its suggestion are French (they were cobra's English).
func TestUnknownCommandInFrench(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	r := c.run("", "--lang", "fr", "userz")
	if r.code != exitUsage || !strings.Contains(r.stderr, `commande inconnue "userz" pour "rollcall"`) ||
		!strings.Contains(r.stderr, "Vouliez-vous dire :\n\tusers") || !strings.Contains(r.stderr, "rollcall --help") ||
		strings.Contains(r.stderr, "unknown command") || strings.Contains(r.stderr, "for usage") {
		t.Errorf("rollcall --lang fr userz: exit %d, %q", r.code, r.stderr)
	}
}
