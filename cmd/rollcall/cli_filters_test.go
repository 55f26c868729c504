package main

import (
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// A saved filter selects what its flags selected; --filter starts from it and the flags given
// replace their criterion; it is listed with its count and deleted once.
func TestSavedFiltersThroughTheCLI(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "demo")
	flags := []string{"--profile", "student", "--class", "6e A", "--activated", "no"}

	var direct usersListJSON
	c.json(&direct, "", append([]string{"users", "list"}, flags...)...)
	var saved filterJSON
	c.json(&saved, "", append([]string{"filters", "save", "  6e A  pas activés "}, flags...)...)
	if saved.Name != "6e A pas activés" || saved.Users != direct.Total || direct.Total == 0 {
		t.Fatalf("saved %+v, the flags select %d", saved, direct.Total)
	}

	var viaFilter, activated, allActivated usersListJSON
	c.json(&viaFilter, "", "users", "list", "--filter", "6E A PAS ACTIVÉS")
	c.json(&activated, "", "users", "list", "--filter", "6e A pas activés", "--activated", "yes")
	c.json(&allActivated, "", "users", "list", "--profile", "student", "--class", "6e A", "--activated", "yes")
	if viaFilter.Total != direct.Total || activated.Total != allActivated.Total || activated.Total == 0 {
		t.Errorf("--filter selects %d (want %d); with --activated yes %d (want %d)", viaFilter.Total, direct.Total,
			activated.Total, allActivated.Total)
	}

	var list []filterJSON
	c.json(&list, "", "filters", "list")
	if len(list) != 1 || list[0].Name != "6e A pas activés" || list[0].Users != direct.Total {
		t.Errorf("filters list: %+v", list)
	}
	// Saving under a name in use says so and keeps the old filter, unless --replace.
	r := c.run("", "--lang", "en", "filters", "save", "6E A PAS ACTIVÉS", "--profile", "teacher")
	if r.code != exitConflict || !strings.Contains(r.stderr, "exists already") || !strings.Contains(r.stderr, "--replace") {
		t.Errorf("saving over a filter: exit %d, %q; want 5 and --replace named", r.code, r.stderr)
	}
	c.json(&viaFilter, "", "users", "list", "--filter", "6e A pas activés")
	if viaFilter.Total != direct.Total {
		t.Errorf("the refused save changed the filter: it selects %d, want %d", viaFilter.Total, direct.Total)
	}
	var replaced filterJSON
	c.json(&replaced, "", "filters", "save", "6E A PAS ACTIVÉS", "--profile", "teacher", "--replace")
	if replaced.Users == direct.Total {
		t.Errorf("--replace kept the old selection: %+v", replaced)
	}
	if r := c.run("", "filters", "save", "   ", "--profile", "student"); r.code != exitInvalid {
		t.Errorf("an empty name: exit %d, %s", r.code, r.stderr)
	}
	c.must("", "filters", "delete", "6e a pas activés")
	r = c.run("", "users", "list", "--filter", "6e A pas activés")
	if r.code != exitNotFound || !strings.Contains(r.stderr, "6e A pas activés") {
		t.Errorf("a deleted filter: exit %d, %s", r.code, r.stderr)
	}
}

// Every selection flag is one --filter knows how to replace: a new flag needs its criterion.
func TestEveryCriterionFlagCanReplaceASavedOne(t *testing.T) {
	var sf selectionFlags
	fl := pflag.NewFlagSet("x", pflag.ContinueOnError)
	sf.register(fl)
	known := map[string]bool{"filter": true}
	for _, c := range criteria {
		known[c.flag] = true
	}
	fl.VisitAll(func(f *pflag.Flag) {
		if !known[f.Name] {
			t.Errorf("--%s is not in criteria: --filter would ignore it", f.Name)
		}
	})
}
