package main

import (
	"strings"
	"testing"
)

// englishHelpWords are cobra's and pflag's own words: none may show in the French CLI.
var englishHelpWords = []string{"Usage:", "Available Commands:", "Flags:", "Global Flags:", "for more information",
	"help for", "[flags]", "[command]", "(default", "unknown flag", "unknown shorthand", "flag needs", "invalid argument",
	"arg(s)", "required flag", "Run 'rollcall"}

func noEnglish(t *testing.T, what, out string) {
	t.Helper()
	for _, w := range englishHelpWords {
		if strings.Contains(out, w) {
			t.Errorf("%s says %q in French:\n%s", what, w, out)
		}
	}
}

// A French admin's --help is French: cobra's layout words, the command's texts and its flags'.
func TestFrenchHelp(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	for _, args := range [][]string{{"--lang", "fr", "orgs", "edit", "--help"}, {"help", "orgs", "edit", "--lang=fr"}} {
		r := c.run("", args...)
		if r.code != exitOK || !strings.Contains(r.stdout, "Utilisation :\n  rollcall orgs edit") ||
			!strings.Contains(r.stdout, "\nOptions :\n") || !strings.Contains(r.stdout, "\nOptions globales :\n") ||
			!strings.Contains(r.stdout, "afficher l'aide de « edit »") || !strings.Contains(r.stdout, "[options]") {
			t.Errorf("rollcall %v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
		noEnglish(t, strings.Join(args, " "), r.stdout)
	}
	// A group's help names its commands and how to get theirs; LANG alone makes it French.
	c.env = []string{"LANG=fr_FR.UTF-8"}
	r := c.run("", "orgs", "--help")
	if r.code != exitOK || !strings.Contains(r.stdout, "Commandes disponibles :") ||
		!strings.Contains(r.stdout, "Lancez « rollcall orgs [commande] --help »") {
		t.Errorf("LANG=fr_FR rollcall orgs --help: exit %d\n%s", r.code, r.stdout)
	}
	noEnglish(t, "orgs --help", r.stdout)
	if r := c.run("", "completion", "bash", "--help"); r.code != exitOK || !strings.Contains(r.stdout, "Options :") {
		t.Errorf("completion bash --help: exit %d\n%s", r.code, r.stdout)
	} else {
		noEnglish(t, "completion bash --help", r.stdout)
	}
}

// Flags and arguments refused in French, with the usage exit code, wherever --lang stands.
func TestFrenchFlagAndArgumentErrors(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "fr", "whoami", "--nope"}, "rollcall: option inconnue : --nope\n"},
		{[]string{"whoami", "--nope", "--lang", "fr"}, "option inconnue : --nope"},
		{[]string{"--lang", "fr", "users", "list", "-z"}, "option courte inconnue : 'z' dans -z"},
		{[]string{"--lang", "fr", "orgs", "edit"}, "la commande attend 1 argument, elle en a reçu 0"},
		{[]string{"--lang", "fr", "users", "link", "a"}, "la commande attend 2 arguments, elle en a reçu 1"},
		{[]string{"--lang", "fr", "whoami", "extra"}, `commande inconnue "extra" pour "rollcall whoami"`},
		{[]string{"--lang", "fr", "admins", "log", "--limit", "dix"}, "valeur « dix » refusée pour l'option --limit : un nombre entier est attendu"},
		{[]string{"--lang", "fr", "serve", "--grace", "bientôt"}, "une durée est attendue"},
		{[]string{"--lang", "fr", "import", "--org"}, "l'option --org attend une valeur"},
		{[]string{"--lang", "fr", "settings", "deletion-grace"}, "option obligatoire manquante : --days"},
		{[]string{"--lang", "fr", "completion", "tcsh"}, `commande inconnue "tcsh" pour "rollcall completion"`},
	} {
		r := c.run("", tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "Lancez « rollcall --help »") {
			t.Errorf("rollcall %v: exit %d, %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
		noEnglish(t, strings.Join(tc.args, " "), r.stderr)
	}
}

// English admins keep cobra's and pflag's words; the refusals exit 2 as before.
func TestEnglishHelpAndErrorsUnchanged(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	r := c.run("", "orgs", "edit", "--help")
	for _, w := range []string{"Usage:\n  rollcall orgs edit", "[flags]", "\nFlags:\n", "\nGlobal Flags:\n", "help for edit", "new city"} {
		if r.code != exitOK || !strings.Contains(r.stdout, w) {
			t.Errorf("orgs edit --help: exit %d, lacks %q:\n%s", r.code, w, r.stdout)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"whoami", "--nope"}, "rollcall: unknown flag: --nope\nRun 'rollcall --help' for usage.\n"},
		{[]string{"orgs", "edit"}, "rollcall: accepts 1 arg(s), received 0\n"},
		{[]string{"admins", "log", "--limit", "ten"}, `rollcall: invalid argument "ten" for "--limit" flag: not a whole number`},
		{[]string{"settings", "deletion-grace"}, `rollcall: required flag(s) "days" not set`},
	} {
		if r := c.run("", tc.args...); r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("rollcall %v: exit %d, %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

// Over SSH the admin's saved language (French here) tells the help and the refusals.
func TestFrenchHelpOverSSH(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	client := c.serve().mustDial(signer)
	r := execSSH(t, client, "", "orgs edit --help")
	if r.code != exitOK || !strings.Contains(r.stdout, "Modifie l'un de vos établissements") || !strings.Contains(r.stdout, "Options :") {
		t.Errorf("ssh orgs edit --help: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	noEnglish(t, "ssh orgs edit --help", r.stdout)
	for _, tc := range []struct{ cmdline, want string }{
		{"users list --nope", "option inconnue : --nope"},
		{"orgs edit", "la commande attend 1 argument, elle en a reçu 0"},
		{"admins log --limit dix", "valeur « dix » refusée pour l'option --limit"},
		{"userz", "commande inconnue \"userz\" pour \"rollcall\"\n\nVouliez-vous dire :\n\tusers"},
	} {
		r := execSSH(t, client, "", tc.cmdline)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("ssh %s: exit %d, %q; want 2 and %q", tc.cmdline, r.code, r.stderr, tc.want)
		}
		noEnglish(t, "ssh "+tc.cmdline, r.stderr)
	}
}
