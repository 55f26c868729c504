package imports

import (
	"charm.land/bubbles/v2/key"

	"rollcall/i18n"
	"rollcall/model"
	"rollcall/tui/keys"
)

// keyMap is the screen's bindings, built per screen from the session's catalogue: nothing is
// shared between sessions.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding

	Open, Parent, Mark, Path, Detect key.Binding // the picker
	PathEnter                        key.Binding // the typed path: mark it and detect
	Next                             key.Binding // the detection preview → the options
	Cancel                           key.Binding // a running import
	Import, Yes, No, New, Filter     key.Binding // the diff and the report
	Tab, Undo, Errors                key.Binding // the history
	Template                         key.Binding // the picker: write an empty template
}

func newKeyMap(cat *i18n.Catalog, session *keys.KeyMap) keyMap {
	t := cat.ImportScreen
	return keyMap{
		Up: session.Up, Down: session.Down,
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", t.KeyPage)),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", t.KeyPage)),
		Top:      key.NewBinding(key.WithKeys("home", "g")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G")),

		Open:   key.NewBinding(key.WithKeys("enter", "right"), key.WithHelp("enter/→", t.KeyOpen)),
		Parent: key.NewBinding(key.WithKeys("left", "backspace"), key.WithHelp("←", t.KeyParent)),
		Mark:   key.NewBinding(key.WithKeys("space"), key.WithHelp("space", t.KeyMark)),
		Path:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", t.KeyPath)),
		Detect: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", t.KeyDetect)),

		PathEnter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeyDetect)),

		Next:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeyOptions)),
		Cancel: key.NewBinding(key.WithKeys("esc", "ctrl+x"), key.WithHelp("esc/ctrl+x", t.KeyCancel)),

		Import: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeyImport)),
		Yes:    key.NewBinding(key.WithKeys("y", "Y", "o", "O"), key.WithHelp(yesKey(cat), t.KeyYes)),
		No:     key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", t.KeyNo)),
		New:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeyNew)),
		Filter: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", t.KeyFilter)),

		Tab:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t.KeyTab)),
		Undo:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", t.KeyUndo)),
		Errors: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", cat.ImportSync.SeeErrors)),

		Template: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", cat.ImportSync.KeyTemplate)),
	}
}

// yesKey is the key a yes/no question names: o for "oui" in French. Both work in both.
func yesKey(cat *i18n.Catalog) string {
	if cat.Lang == model.French {
		return "o"
	}
	return "y"
}

// ShortHelp lists the keys of the tab and step on show.
func (m *Model) ShortHelp() []key.Binding {
	km := m.keys
	if m.tab == tabHistory {
		switch m.hist.step {
		case histConfirm:
			return []key.Binding{km.Yes, km.No}
		case histUndoing, histChecking:
			return nil
		case histErrors:
			return []key.Binding{km.Up, km.Down, km.PageUp, m.sess.Keys.Back}
		}
		return []key.Binding{km.Up, km.Down, km.PageUp, km.Undo, km.Errors, km.Tab}
	}
	switch m.step {
	case stepPick:
		return []key.Binding{km.Up, km.Down, km.Open, km.Mark, km.Parent, km.Path, km.Detect, km.Template, km.Tab}
	case stepPath:
		return []key.Binding{km.PathEnter}
	case stepDetected:
		return []key.Binding{km.Up, km.Down, km.Next, km.Tab}
	case stepOptions:
		return m.forms.Help()
	case stepRunning:
		return []key.Binding{km.Cancel}
	case stepConfirm:
		return []key.Binding{km.Yes, km.No}
	case stepDiff:
		h := []key.Binding{km.Up, km.Down, km.PageUp}
		if m.runErr == nil && m.report.DryRun {
			h = append(h, km.Import, km.Filter)
		}
		return append(h, km.Tab)
	case stepReport:
		return []key.Binding{km.Up, km.Down, km.PageUp, km.Filter, km.New, km.Tab}
	}
	return nil
}

// FullHelp shows the same keys in one column.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
