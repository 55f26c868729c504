package subs

import (
	"charm.land/bubbles/v2/key"

	"rollcall/tui/screen"
)

// keyMap is the screen's bindings, with help from the session's catalogue.
type keyMap struct {
	up, down, open, claim, renew, vendor, org, sort, cancel key.Binding
}

func newKeyMap(sess *screen.Session) keyMap {
	k, l := sess.Cat.Keys, sess.Cat.Licensing.Keys
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		up:    b("↑/k", k.Up, "up", "k"),
		down:  b("↓/j", k.Down, "down", "j"),
		open:  b("enter", l.Open, "enter"),
		claim: b("c", l.Claim, "c"),
		org:   b("o", l.Org, "o"),
		sort:  b("s", l.Sort, "s"),
		// v: accept a vendor's claim codes, from the public key file it gave.
		vendor: b("v", l.Vendor, "v"),
		cancel: b("esc", l.Cancel, "esc"),
		// n: a vendor's renewal code for the selected subscription.
		renew: b("n", sess.Cat.People.RenewKey, "n"),
	}
}
