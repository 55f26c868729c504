package userlist

import (
	"charm.land/bubbles/v2/key"

	"rollcall/tui/screen"
)

// keyMap is the list's navigation, with help texts in the session's language.
type keyMap struct {
	up, down, pageUp, pageDown, home, end key.Binding
}

func newKeyMap(sess *screen.Session) keyMap {
	k, d := sess.Cat.Keys, sess.Cat.Directory.Keys
	return keyMap{
		up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", k.Up)),
		down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", k.Down)),
		pageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", d.PageUp)),
		pageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", d.PageDown)),
		home:     key.NewBinding(key.WithKeys("home"), key.WithHelp("home", d.First)),
		end:      key.NewBinding(key.WithKeys("end"), key.WithHelp("end", d.Last)),
	}
}
