package main

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"rollcall/i18n"
	"rollcall/tui"
)

// tuiOptions: demo loads the demo school first (rollcall --demo).
type tuiOptions struct {
	f    *factory
	demo bool
}

// runTUI starts the interactive console on the local terminal for the OS user. Without a
// terminal it refuses with a usage error pointing at the commands, rather than drawing into a
// pipe or waiting for keys that never come.
func runTUI(ctx context.Context, o *tuiOptions) error {
	f, demo := o.f, o.demo
	if !f.env.stdinTTY || !f.env.stdoutTTY {
		return usageError{errors.New(f.Catalog().CLI.NoTerminal)}
	}
	a, err := f.App()
	if err != nil {
		return err
	}
	m := tui.New(tui.Options{
		Context:   ctx,
		App:       a,
		Lang:      i18n.Resolve(f.lang, "", f.env.getenv("LANG")),
		LangFixed: f.lang != "",
		OSUser:    f.env.osUser,
		Remember:  true,
		Demo:      demo,
		Dark:      true, // until the terminal answers; most terminals are dark
	})
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(f.env.stdin), tea.WithOutput(f.env.rawStdout))
	if _, err := p.Run(); err != nil && ctx.Err() == nil {
		return err
	}
	// Ended by a signal: the terminal is restored and every change was already committed.
	return nil
}
