// Package keys holds the key bindings of one TUI session. Help texts come from the session's
// catalogue, so a KeyMap is rebuilt when the language changes; nothing here is global.
package keys

import (
	"charm.land/bubbles/v2/key"

	"rollcall/i18n"
)

// KeyMap is every binding the shell and its screens use. Screens pick the ones they show
// through ShortHelp and FullHelp; the root adds the global ones.
type KeyMap struct {
	// Quit leaves from anywhere, except when a text field has focus (then q is typed).
	Quit key.Binding
	// ForceQuit leaves from anywhere, text field or not.
	ForceQuit key.Binding
	// Help toggles the full help.
	Help key.Binding
	// Back returns to the previous screen.
	Back key.Binding

	Up, Down, Select key.Binding

	Language key.Binding // switch Français / English
	Demo     key.Binding // load the demo school
	SignIn   key.Binding
	SignUp   key.Binding
	SignOut  key.Binding
	Resend   key.Binding // issue a new verification code
}

// New builds the bindings with help texts in the catalogue's language.
func New(cat *i18n.Catalog) *KeyMap {
	k := cat.Keys
	return &KeyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", k.Quit)),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", k.Quit)),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", k.Help)),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", k.Back)),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", k.Up)),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", k.Down)),
		Select:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", k.Select)),
		Language:  key.NewBinding(key.WithKeys("l"), key.WithHelp("l", k.Language)),
		Demo:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", k.Demo)),
		SignIn:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", k.SignIn)),
		SignUp:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", k.SignUp)),
		SignOut:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", k.SignOut)),
		Resend:    key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", k.Resend)),
	}
}
