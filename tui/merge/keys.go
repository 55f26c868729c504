package merge

import (
	"charm.land/bubbles/v2/key"

	"rollcall/i18n"
)

// keyMap is the screen's bindings, built from the session's catalogue.
type keyMap struct {
	tab, edit, filter, generate, send, resume, smtp, policy, up, down, confirm, cancel key.Binding
}

func newKeyMap(cat *i18n.Catalog) keyMap {
	t, k := cat.MailMerge, cat.Keys
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		tab:      b("tab", t.KeyTab, "tab", "shift+tab"),
		edit:     b("e", t.KeyEdit, "e"),
		generate: b("g", t.KeyGenerate, "g"),
		send:     b("s", t.KeySend, "s"),
		resume:   b("r", t.KeyResume, "r"),
		smtp:     b("p", t.KeySMTP, "p"),
		policy:   b("w", t.KeyPolicy, "w"),
		filter:   b("f", t.KeyFilter, "f"),
		up:       b("↑", k.Up, "up", "k"),
		down:     b("↓", k.Down, "down", "j"),
		confirm:  b("enter", t.KeyConfirm, "enter"),
		cancel:   b("esc", t.KeyCancel, "esc"),
	}
}
