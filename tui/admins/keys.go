package admins

import (
	"charm.land/bubbles/v2/key"

	"rollcall/tui/screen"
)

// keyMap is the screen's bindings, built from the session's catalogue when the screen is.
type keyMap struct {
	tabs, up, down, invite, join, addKey, remove, refresh, cancel key.Binding
	newSchool, editSchool                                         key.Binding
}

func newKeyMap(sess *screen.Session) keyMap {
	k, t := sess.Cat.Keys, sess.Cat.Admins
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		tabs:    b("tab", t.KeyTab, "tab", "shift+tab", "left", "right"),
		up:      b("↑", k.Up, "up", "k"),
		down:    b("↓", k.Down, "down", "j"),
		invite:  b("i", t.KeyInvite, "i"),
		join:    b("c", t.KeyJoin, "c"), // a code from another school's admin
		addKey:  b("a", t.KeyAddKey, "a"),
		remove:  b("x", t.KeyRemove, "x", "delete"),
		refresh: b("r", t.KeyRefresh, "r"),
		cancel:  b("esc", k.Back, "esc"),

		newSchool:  b("n", t.Schools.KeyNew, "n"),
		editSchool: b("e", t.Schools.KeyEdit, "e"),
	}
}
