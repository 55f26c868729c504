package users

import (
	"charm.land/bubbles/v2/key"

	"rollcall/tui/screen"
)

// keyMap is the Users screen's bindings, built from the session's catalogue when the screen is.
type keyMap struct {
	focus, search, rowUp, rowDown, left, right, toggle, choose, clear key.Binding
	details, edit, add, export, admin, regen, pending, restore, del   key.Binding
	mailMerge, close, cancel                                          key.Binding
	saveFilter, openSaved, deleteFilter                               key.Binding
	link                                                              key.Binding
	mark, bulk, suspend, merge, duplicates                            key.Binding
}

func newKeyMap(sess *screen.Session) keyMap {
	k, d, a := sess.Cat.Keys, sess.Cat.Directory.Keys, sess.Cat.Accounts
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		focus:     b("tab", d.Focus, "tab", "shift+tab"),
		search:    b("/", d.Search, "/"),
		rowUp:     b("↑", k.Up, "up"),
		rowDown:   b("↓", k.Down, "down"),
		left:      b("←", d.Change, "left"),
		right:     b("→", d.Change, "right"),
		toggle:    b("space", d.Toggle, "space"),
		choose:    b("enter", d.Choose, "enter"),
		clear:     b("ctrl+r", d.Clear, "ctrl+r"),
		details:   b("enter", d.Details, "enter"),
		edit:      b("e", d.Edit, "e"),
		add:       b("n", d.New, "n"),
		export:    b("x", d.Export, "x"),
		admin:     b("a", d.Admin, "a"),
		regen:     b("r", d.Regen, "r"),
		pending:   b("p", d.Pending, "p"),
		restore:   b("u", d.Restore, "u"),
		del:       b("D", d.Delete, "D"),
		mailMerge: b("m", d.MailMerge, "m"),
		close:     b("esc", d.Close, "esc"),
		cancel:    b("esc", d.Cancel, "esc"),
		// S and F: save the filters under a name, and find them again.
		saveFilter:   b("S", sess.Cat.Directory.Saved.KeySave, "S"),
		openSaved:    b("F", sess.Cat.Directory.Saved.KeyOpen, "F"),
		deleteFilter: b("x", d.Delete, "x"),
		// k: link a parent to a child, or unlink them.
		link: b("k", sess.Cat.People.LinkKey, "k"),
		// v marks rows, b acts on the marked rows (or the filtered list), s suspends one user or
		// gives them back, M merges another account into one, d lists likely duplicates.
		mark:       b("v", a.KeyMark, "v"),
		bulk:       b("b", a.KeyBulk, "b"),
		suspend:    b("s", a.KeySuspend, "s"),
		merge:      b("M", a.KeyMerge, "M"),
		duplicates: b("d", a.KeyDuplicates, "d"),
	}
}

// actionKeys are the keys that act on one user, from the list or the detail.
func (km keyMap) actionKeys() []key.Binding {
	return []key.Binding{km.edit, km.admin, km.regen, km.pending, km.restore, km.del, km.link, km.suspend, km.merge}
}
