package main

import (
	"bufio"
	"io"
	"os"
	"os/user"

	"github.com/charmbracelet/x/term"
)

// env is what a command run sees of the world: its streams, whether they are terminals, the
// environment and who runs it. The OS gives one per process; an SSH exec request gives another.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer // text: control characters in the data are shown, not obeyed
	// rawStdout is stdout as it is, for bytes copied whole (backup -, -o -) and the console.
	rawStdout io.Writer
	stdinTTY  bool
	stdoutTTY bool
	getenv    func(string) string
	osUser    string
	lines     *bufio.Reader // stdin, once a secret was read from it (secrets.go)
	// readSecret reads a line from the terminal without echo; nil when stdin is not a terminal.
	readSecret func() (string, error)
}

func newOSEnv() *env {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		stdinTTY:  term.IsTerminal(os.Stdin.Fd()),
		stdoutTTY: term.IsTerminal(os.Stdout.Fd())}
	if u, err := user.Current(); err == nil {
		e.osUser = u.Username
	}
	if v := os.Getenv("ROLLCALL_USER"); v != "" {
		e.osUser = v // lets several local identities share one machine account, and tests isolate
	}
	if e.stdinTTY {
		e.readSecret = func() (string, error) {
			b, err := term.ReadPassword(os.Stdin.Fd())
			_, _ = io.WriteString(os.Stderr, "\n")
			return string(b), err
		}
	}
	return e
}
