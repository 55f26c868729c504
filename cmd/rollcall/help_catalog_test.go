package main

import (
	"bytes"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/i18n"
	"rollcall/model"
)

// helpTree is the whole command tree as a run shows it, cobra's own commands included.
func helpTree(t *testing.T) *cobra.Command {
	t.Helper()
	root := newRootCmd(&factory{env: &env{getenv: func(string) string { return "" }}})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultVersionFlag()
	return root
}

func walkTree(c *cobra.Command, visit func(*cobra.Command)) {
	c.InitDefaultHelpFlag()
	visit(c)
	for _, sub := range c.Commands() {
		walkTree(sub, visit)
	}
}

// The French catalogue has a text for every command and every flag of the tree, and none for
// a command or flag that no longer exists: a flag added without its French fails here.
func TestFrenchHelpCoversTheWholeTree(t *testing.T) {
	fr := i18n.For(model.French).Help
	root := helpTree(t)
	fills := helpFills()
	commands, flags := map[string]bool{}, map[string]bool{}
	var missing []string
	walkTree(root, func(c *cobra.Command) {
		key := i18n.HelpKey(c.CommandPath(), root.Name())
		commands[key] = true
		h, _ := fr.Command(key)
		if h.Short == "" {
			missing = append(missing, key+" (Short): "+c.Short)
		}
		if c.Long != "" && h.Long == "" {
			missing = append(missing, key+" (Long)")
		}
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			if isCobraFlag(fl, "help") || isCobraFlag(fl, "version") {
				return
			}
			k := i18n.FlagKey(key, fl.Name)
			flags[k] = true
			u, ok := fr.FlagUsage(k)
			if !ok {
				missing = append(missing, k+": "+fl.Usage)
			}
			if _, fill := fills[k]; ok && fill != strings.Contains(u, "%s") {
				t.Errorf("%s: the French usage %q and helpFills disagree on a computed part (helpFills has one: %v)", k, u, fill)
			}
		})
	})
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("French lacks %s", m)
	}
	frCommands, frFlags := fr.Keys()
	for _, k := range frCommands {
		if !commands[k] {
			t.Errorf("French has texts for %q, which is no command", k)
		}
	}
	for _, k := range frFlags {
		if !flags[k] {
			t.Errorf("French has a usage for %q, which is no flag", k)
		}
	}
	for k := range fills {
		if !flags[k] {
			t.Errorf("helpFills computes a part of %q, which is no flag", k)
		}
	}
}

// In English, the usage the CLI writes is cobra's own, to the byte, for every command.
func TestUsageInEnglishIsCobras(t *testing.T) {
	en := i18n.For(model.English).Help
	walkTree(helpTree(t), func(c *cobra.Command) {
		var got bytes.Buffer
		if err := writeUsage(&got, c, &en); err != nil {
			t.Fatal(err)
		}
		if want := c.UsageString(); got.String() != want {
			t.Errorf("%s: the usage differs from cobra's:\n%s\nwant:\n%s", c.CommandPath(), got.String(), want)
		}
	})
}

// In English, flag and argument refusals say what pflag and cobra say.
func TestFlagAndArgsErrorsInEnglishAreCobras(t *testing.T) {
	en := i18n.For(model.English)
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.String("org", "", "")
	fs.BoolP("yes", "y", false, "")
	fs.StringP("output", "o", "", "")
	for _, args := range [][]string{{"--nope"}, {"-yz"}, {"--org"}, {"-yo"}, {"---x"}} {
		fs.SetOutput(&bytes.Buffer{})
		err := fs.Parse(args)
		if err == nil {
			t.Fatalf("%v parsed", args)
		}
		if got := (flagParseError{err}).say(en); got != err.Error() {
			t.Errorf("%v: %q, pflag says %q", args, got, err.Error())
		}
	}
	cmd := &cobra.Command{Use: "x"}
	for _, tc := range []struct {
		check cobra.PositionalArgs
		args  []string
	}{
		{cobra.ExactArgs(1), nil}, {cobra.ExactArgs(2), []string{"a"}}, {cobra.MaximumNArgs(1), []string{"a", "b"}},
		{cobra.MinimumNArgs(2), []string{"a"}}, {cobra.RangeArgs(1, 2), nil}, {cobra.NoArgs, []string{"a"}},
	} {
		err := tc.check(cmd, tc.args)
		if got := (argsError{err: err, path: cmd.CommandPath(), args: tc.args}).say(en); got != err.Error() {
			t.Errorf("%q in English is %q", err.Error(), got)
		}
	}
}

// --lang is read before cobra parses the line, wherever it stands, but not past "--".
func TestLangArg(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"users", "list", "--lang", "fr"}, "fr"},
		{[]string{"--lang=en", "orgs"}, "en"},
		{[]string{"whoami", "--nope", "--lang", "fr"}, "fr"},
		{[]string{"import", "--", "--lang", "fr"}, ""},
		{[]string{"users", "list", "--lang"}, ""},
		{nil, ""},
	} {
		if got := langArg(tc.args); got != tc.want {
			t.Errorf("langArg(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}
