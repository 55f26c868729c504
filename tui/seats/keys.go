package seats

import (
	"charm.land/bubbles/v2/key"

	"rollcall/tui/screen"
)

// keyMap is the screen's bindings, with help from the session's catalogue.
type keyMap struct {
	up, down, add, file, sync, remove, removeHand, cancel key.Binding
}

func newKeyMap(sess *screen.Session) keyMap {
	k, l := sess.Cat.Keys, sess.Cat.Licensing.Keys
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		up:         b("↑/k", k.Up, "up", "k"),
		down:       b("↓/j", k.Down, "down", "j"),
		add:        b("a", l.Add, "a"),
		file:       b("i", l.Import, "i"),
		sync:       b("y", l.Sync, "y"),
		remove:     b("x", l.Remove, "x", "delete"),
		removeHand: b("X", l.RemoveHand, "X"),
		cancel:     b("esc", l.Cancel, "esc"),
	}
}
