package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

// run executes one command line and returns the process exit code. Errors are printed to stderr
// in the resolved language.
func run(ctx context.Context, e *env, args []string) int {
	return runWith(ctx, &factory{env: e}, args)
}

// runWith is run with a prepared factory: the SSH server gives one holding its open app and
// the connecting admin's session (see remoteExec).
func runWith(ctx context.Context, f *factory, args []string) int {
	e := f.env
	e.neutralise()
	defer f.Close()
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	if f.lang == "" {
		f.lang = langArg(args)
	}
	prepareHelp(root, args, f.Catalog())
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	code := exitCode(err)
	if code == exitUsage {
		cat := f.Catalog()
		fmt.Fprintf(e.stderr, "rollcall: %s\n%s\n", sayError(cat, err), cat.CLI.UsageHint)
	} else if !errors.Is(err, errSilent) {
		cat := f.Catalog()
		fmt.Fprintf(e.stderr, "rollcall: %s\n", cat.Error(err))
		if hint := cliHint(cat, err); hint != "" {
			fmt.Fprintln(e.stderr, hint)
		}
	}
	return code
}

// cliHint names the command or flag that gets past a refusal, where the shared message (the
// console shows it too) names none.
func cliHint(cat *i18n.Catalog, err error) string {
	var tooMany *model.TooManyDeletionsError
	switch {
	case errors.Is(err, model.ErrTermsNotAccepted):
		return cat.CLI.AcceptTermsHint
	case errors.As(err, &tooMany):
		return cat.CLI.MaxDeletionsHint
	}
	return ""
}

// errSilent is returned by commands that already told the user what went wrong.
var errSilent = errors.New("already reported")

func newRootCmd(f *factory) *cobra.Command {
	o := &tuiOptions{f: f}
	root := &cobra.Command{
		Use:   "rollcall",
		Short: "Accounts and software licences for schools, in one keyboard-driven console",
		Long: `Rollcall provisions accounts and software licences for schools.
With no command on a terminal it starts the interactive console (TUI).
Every action also exists as a command for scripts.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          knownCommand,
		Version:       version(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd.Context(), o)
		},
	}
	root.PersistentFlags().StringVar(&f.dbPath, "db", "", "database file, or a postgres:// URL (default: the user data directory, or $ROLLCALL_DB)")
	root.PersistentFlags().StringVar(&f.lang, "lang", "", "language of messages: fr or en (default: the admin's choice, then $LANG)")
	root.Flags().BoolVar(&o.demo, "demo", false, "load the demo school (if not loaded yet) and start the console")
	root.SetVersionTemplate("rollcall {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{flagParseError{err}} })
	root.AddCommand(
		newSignupCmd(f), newVerifyCmd(f), newResendCmd(f),
		newLoginCmd(f), newLogoutCmd(f), newWhoamiCmd(f), newAcceptTermsCmd(f),
		newDemoCmd(f), newBackupCmd(f), newMigrateCmd(f), newVersionCmd(f),
		newUsersCmd(f), newFiltersCmd(f), newImportCmd(f), newOrgsCmd(f),
		newSetCmd(f, app.Classes, "classes", "Create, rename and delete classes; manage their members"),
		newSetCmd(f, app.Groups, "groups", "Create, rename and delete groups; manage their members"),
		newSubsCmd(f), newSeatsCmd(f), newVendorCmd(f),
		newAdminsCmd(f), newSSHKeysCmd(f), newServeCmd(f),
		newMergeCmd(f), newActivateCmd(f), newResetPasswordCmd(f), newResetAdminPasswordCmd(f), newSettingsCmd(f), newTemplatesCmd(f),
		newYearCmd(f),
	)
	wrapAllArgs(root)
	return root
}

// wrapAllArgs makes every command's argument errors usage errors (exit code 2).
func wrapAllArgs(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		if c.RunE != nil {
			c.Args = wrapArgs(c.Args)
		} else {
			c.Args = knownCommand // a group: an unknown subcommand is a usage error
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		}
		wrapAllArgs(c)
	}
}

// knownCommand refuses an unknown command as a usage error (exit code 2) that names the
// nearest ones, as "rollcall userz" suggests "users".
func knownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	cmd.SuggestionsMinimumDistance = 2
	return usageError{unknownCommandError{typed: args[0], path: cmd.CommandPath(), near: cmd.SuggestionsFor(args[0])}}
}

// unknownCommandError is a word that is no command, with the nearest commands, told in the
// admin's language.
type unknownCommandError struct {
	typed, path string
	near        []string
}

func (e unknownCommandError) Error() string { return e.say(i18n.For(model.English)) }

func (e unknownCommandError) say(cat *i18n.Catalog) string {
	msg := fmt.Sprintf(cat.CLI.UnknownCommand, e.typed, e.path)
	if len(e.near) > 0 {
		msg += "\n\n" + cat.CLI.DidYouMean + "\n\t" + strings.Join(e.near, "\n\t")
	}
	return msg
}

// wrapArgs turns argument-count errors, and required flags left out, into usage errors (exit
// code 2) told in the admin's language.
func wrapArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	if check == nil {
		check = cobra.NoArgs
	}
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{argsError{err: err, path: cmd.CommandPath(), args: args}}
		}
		return missingFlags(cmd)
	}
}
