package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"rollcall/app"
	"rollcall/model"
)

// What every command shares, in one place: who is acting, asking before a change, telling
// what was done, and reading secrets. A command is an options struct, a constructor binding
// its flags (newXxxCmd) and a run function (runXxx) acting through the signed-in session.

// signedIn opens the app and returns the signed-in admin's session.
func signedIn(ctx context.Context, f *factory) (*app.Session, error) { return f.Session(ctx) }

// orgFlag reads an --org value once signed in: an organization's id, or the UAI of one of the
// admin's schools ("0750654D", any case). "" is 0 (the admin's only organization).
func orgFlag(ctx context.Context, sess *app.Session, v string) (model.ID, error) {
	if v == "" {
		return 0, nil
	}
	id, err := sess.ResolveOrg(ctx, v)
	if _, isID := model.ParseID(v); err != nil && !isID && model.UAICheckLetterFor(model.NormalizeUAI(v)) == "" {
		return 0, flagError("org", v) // neither an id nor a UAI
	}
	return id, err
}

// say writes a message for a person to stderr.
func (f *factory) say(format string, args ...any) {
	fmt.Fprintf(f.env.stderr, format+"\n", args...)
}

// printJSON writes v to stdout as indented JSON: the stable, documented shape of --json.
func (f *factory) printJSON(v any) error {
	enc := json.NewEncoder(f.env.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// sayDryRun tells a person that nothing was written.
func sayDryRun(f *factory) { f.say("%s", f.Catalog().CLI.DryRun) }

// sayDone tells a person what a command did, or only that it was a dry run.
func sayDone(f *factory, dryRun bool, format string, args ...any) {
	if dryRun {
		sayDryRun(f)
		return
	}
	f.say(format, args...)
}

// reportOutcome tells a person when nothing was written (a dry run), then prints v as --json
// when asked: the outcome of a command that changes one thing.
func reportOutcome(f *factory, dryRun, asJSON bool, v any) error {
	if dryRun {
		sayDryRun(f)
	}
	if asJSON {
		return f.printJSON(v)
	}
	return nil
}

// yesFlag binds --yes, which lets a change that asks first run without a terminal.
func yesFlag(fl *pflag.FlagSet, yes *bool) {
	fl.BoolVar(yes, "yes", false, "do not ask for confirmation (needed without a terminal)")
}

// confirm asks a yes/no question on the terminal; without a terminal it refuses, asking for
// --yes (a usage error).
func confirm(f *factory, question string) (bool, error) {
	cat := f.Catalog()
	if !f.env.stdinTTY {
		return false, usageError{fmt.Errorf(cat.CLI.NeedYes, question)}
	}
	fmt.Fprintf(f.env.stderr, "%s [%s/%s] ", question, strings.ToLower(cat.App.Yes[:1]), strings.ToUpper(cat.App.No[:1]))
	line, err := f.env.stdinLine()
	if err != nil {
		return false, err
	}
	answer := strings.ToLower(strings.TrimSpace(line))
	return answer == "y" || answer == "yes" || answer == "o" || answer == "oui", nil
}

// confirmOrCancel asks question; a no says the change was cancelled and is errCancelled.
func confirmOrCancel(f *factory, question string) error {
	ok, err := confirm(f, question)
	if err == nil && !ok {
		f.say("%s", f.Catalog().App.Cancelled)
		return errCancelled
	}
	return err
}

// errCancelled is a question answered no: already said, nothing changed. It exits 2, as gh's
// cancelled commands do, so a script tells it from a failure (1).
var errCancelled = errors.Join(errSilent, cancelled{})

type cancelled struct{}

func (cancelled) Error() string { return "cancelled" }

// ErrorKind: the person stopped the command (exit code 2).
func (cancelled) ErrorKind() model.Kind { return model.KindUsage }

// ErrorMessage is never shown (the command said "Cancelled." itself).
func (cancelled) ErrorMessage() model.Message {
	return model.Message{ID: model.MsgUsage, Args: []any{"cancelled"}}
}

// Secrets (passwords, and the single-use codes: verification, activation, reset, invitation)
// never come from argv, where `ps` shows them to every user of the machine and shells keep them
// in their history: they are read from stdin, one a line in the order the command says (the
// code first, then the password), or typed at a prompt without echo on a terminal.

// stdinLine reads the next line of stdin, shared by every secret and answer a command reads.
func (e *env) stdinLine() (string, error) {
	if e.lines == nil {
		e.lines = bufio.NewReader(e.stdin)
	}
	line, err := e.lines.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// readPassword reads a secret from the next line of stdin (--password-stdin) or, on a
// terminal, from a prompt without echo. A password is never accepted in argv.
func readPassword(f *factory, fromStdin bool, flagName string) (string, error) {
	cat := f.Catalog()
	if fromStdin {
		line, err := f.env.stdinLine()
		if err != nil {
			return "", err
		}
		if line == "" {
			return "", usageError{errors.New(cat.CLI.PasswordStdinEmpty)}
		}
		return line, nil
	}
	if f.env.readSecret == nil {
		return "", usageError{fmt.Errorf(cat.CLI.NotATerminal, flagName)}
	}
	fmt.Fprint(f.env.stderr, cat.CLI.PasswordPrompt)
	return f.env.readSecret()
}

// readCode reads a single-use code (label says which, "Code") typed at a prompt without echo
// when stdin is a terminal, else from the next line of stdin.
func readCode(f *factory, label string) (string, error) {
	cat := f.Catalog()
	if f.env.stdinTTY && f.env.readSecret != nil {
		fmt.Fprintf(f.env.stderr, cat.CLI.CodePrompt, label)
		return f.env.readSecret()
	}
	line, err := f.env.stdinLine()
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(line) == "" {
		return "", usageError{errors.New(cat.CLI.CodeStdinEmpty)}
	}
	return line, nil
}

// codeInArgv refuses a code given on the command line (flag: "--code", or the argument of
// `admins join`), saying the way that works instead.
func codeInArgv(f *factory, flag string) error {
	return usageError{fmt.Errorf(f.Catalog().CLI.CodeInArgv, flag)}
}

// printf writes data to stdout (a table's rows, a list), as --json writes its shape.
func (f *factory) printf(format string, args ...any) {
	fmt.Fprintf(f.env.stdout, format, args...)
}

// println writes one line of data to stdout.
func (f *factory) println(args ...any) {
	fmt.Fprintln(f.env.stdout, args...)
}
