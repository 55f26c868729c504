package screen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is one page of the console. Only the root returns a tea.View; a screen renders a
// string into the body area the root gives it through SetSize.
type Screen interface {
	// Init starts the screen's first work (an async load, a form's cursor).
	Init() tea.Cmd
	// Update handles a message and returns the screen to keep showing.
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View renders the body area; it never blocks.
	View() string
	// SetSize gives the body area's width and height in cells.
	SetSize(width, height int)
	// ShortHelp lists the screen's keys for the footer line.
	ShortHelp() []key.Binding
	// FullHelp lists the screen's keys in columns for the full help.
	FullHelp() [][]key.Binding
	// CapturesInput reports whether a text field has focus, so the root leaves printable keys
	// such as q and ? to it.
	CapturesInput() bool
}
