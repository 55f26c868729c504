package classes

import (
	"charm.land/bubbles/v2/key"

	"rollcall/tui/screen"
)

// keyMap is the screen's bindings, built from the session's catalogue when the screen is.
type keyMap struct {
	tabs, up, down, members, create, rename, del key.Binding
	add, remove, addOne, close, cancel           key.Binding
}

func newKeyMap(sess *screen.Session) keyMap {
	k, d := sess.Cat.Keys, sess.Cat.Directory.Keys
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		tabs:    b("tab", d.Tabs, "tab", "shift+tab", "left", "right"),
		up:      b("↑", k.Up, "up", "k"),
		down:    b("↓", k.Down, "down", "j"),
		members: b("enter", d.Members, "enter"),
		create:  b("n", d.New, "n"),
		rename:  b("r", d.Rename, "r"),
		del:     b("D", d.Delete, "D"),
		add:     b("a", d.Add, "a"),
		remove:  b("x", d.Remove, "x"),
		addOne:  b("enter", d.Add, "enter"),
		close:   b("esc", d.Close, "esc"),
		cancel:  b("esc", d.Cancel, "esc"),
	}
}
