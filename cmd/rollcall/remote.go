package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"rollcall/app"
	"rollcall/cmd/rollcall/sshserver"
)

// remoteCommands are the commands an admin may run over SSH (ssh host users list --json): those
// that only read and write the database. A command that reads or writes files would name paths
// on the server (import FILE, users export -o, backup), and one that manages the local session
// or the server makes no sense there, so anything not listed is refused: a new command is
// added here once it is safe remotely. An entry allows its subcommands too.
var remoteCommands = []string{
	"whoami", "version", "help", "backup",
	"orgs", "users", "filters", "classes", "groups", "admins", "ssh-keys",
	"import", "demo",
	"subs", "seats list", "seats add", "seats remove", "seats sync",
	"merge pdf", "merge email", "merge status", "merge resume", "activate", "reset-password", "settings show",
	"settings smtp", "settings password-policy", "reset-admin-password",
}

// remoteDenied are exceptions inside allowed groups.
var remoteDenied = []string{}

// remoteFileFlags name files on the server wherever they appear.
var remoteFileFlags = []string{"db", "output", "templates"}

// remoteExec runs the CLI command of an SSH exec request, as the connecting admin, over the
// server's open app: the same run as a local command, with the SSH channel as its streams.
func remoteExec(a *app.App) func(context.Context, sshserver.Exec) int {
	return func(ctx context.Context, req sshserver.Exec) int {
		e := &env{stdin: req.Stdin, stdout: req.Stdout, stderr: req.Stderr, stdinTTY: req.TTY, stdoutTTY: req.TTY,
			getenv: func(k string) string {
				if k == "LANG" {
					return req.Lang
				}
				return ""
			}}
		f := &factory{env: e, app: a}
		f.setSession(ctx, req.Session)
		path, err := checkRemote(f, req.Args)
		if req.Log != nil {
			req.Log.Info("ssh command", "command", path, "allowed", err == nil)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "rollcall: %s\n", sayError(f.Catalog(), err))
			return exitUsage
		}
		return runWith(ctx, f, req.Args)
	}
}

// checkRemote resolves the command of args, on a command tree of its own, and refuses what may
// not run over SSH. It returns the command's path ("users list") for the log: never its
// arguments, which may hold codes.
func checkRemote(f *factory, args []string) (string, error) {
	probe := &factory{env: f.env}
	root := newRootCmd(probe)
	cmd, rest, err := root.Find(args)
	if err != nil {
		return "", err
	}
	path := strings.TrimSpace(strings.TrimPrefix(cmd.CommandPath(), root.Name()))
	wantsHelp := slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "--help" })
	if path == "" && wantsHelp {
		return "help", nil
	}
	if path == "" && cmd.ParseFlags(rest) == nil && len(cmd.Flags().Args()) > 0 {
		return "", nil // an unknown command: the run refuses it, with the nearest ones, before acting
	}
	notRemote := fmt.Errorf(f.Catalog().Admins.NotRemote, "rollcall "+path)
	if !allowedRemotely(path) {
		return path, notRemote
	}
	cmd.InitDefaultHelpFlag() // --help is parsed as the real run parses it
	if err := cmd.ParseFlags(rest); err != nil {
		return path, usageError{flagParseError{err}}
	}
	for _, name := range remoteFileFlags {
		if fl := cmd.Flags().Lookup(name); fl != nil && fl.Changed && !(name == "output" && fl.Value.String() == "-") {
			return path, notRemote // -o - is the client's stdout
		}
	}
	notDash := func(a string) bool { return a != "-" }
	if (path == "import" || path == "backup") && (len(cmd.Flags().Args()) == 0 || slices.ContainsFunc(cmd.Flags().Args(), notDash)) {
		return path, notRemote // a file would be the server's; - is the client's stdin or stdout
	}
	if path == "ssh-keys add" && slices.ContainsFunc(cmd.Flags().Args(), func(a string) bool { return a != "-" }) {
		return path, notRemote // a .pub file would be the server's; stdin or --key are the client's
	}
	return path, nil
}

func allowedRemotely(path string) bool {
	within := func(list []string) bool {
		return slices.ContainsFunc(list, func(p string) bool { return path == p || strings.HasPrefix(path, p+" ") })
	}
	return path != "" && within(remoteCommands) && !within(remoteDenied)
}
