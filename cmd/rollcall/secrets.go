package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readPassword reads a secret from the first line of stdin (--password-stdin) or, on a
// terminal, from a prompt without echo. A password is never accepted in argv.
func readPassword(f *factory, fromStdin bool, flagName string) (string, error) {
	cat := f.Catalog()
	if fromStdin {
		line, err := bufio.NewReader(f.env.stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		line = strings.TrimRight(line, "\r\n")
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
