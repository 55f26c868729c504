package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Secrets (passwords, and the single-use codes: verification, activation, reset, invitation)
// never come from argv, where `ps` shows them to every user of the machine and shells keep them
// in their history: they are read from stdin, one a line in the order the command says (the
// code first, then the password), or typed at a prompt without echo on a terminal.

// stdinLine reads the next line of stdin, shared by every secret a command reads.
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
