// Package users is the Users screen, the account-distribution screen admins use at the start of
// the school year. A filter panel (profiles, classes, activation, email, local admins, creation
// dates, pending deletion, free text, sort order) drives a paged preview of the selection: only
// the rows on screen are ever loaded, filters run in commands, debounced while the admin types,
// and the newest filter wins. Enter opens a user's detail with where each value came from; keys
// edit, create, mark as local admin, give a new activation code, mark for deletion, restore,
// delete for good, and export the selection.
//
// The selection on screen is a plain model.Selection: Selection returns it, and the mail-merge
// key opens screen.RouteMailMerge with it in screen.MailMergeArgs, so the cards printed are the
// rows the admin filtered.
package users

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
	"rollcall/tui/users/userlist"
)

// focus is the part of the screen that receives keys.
type focus int

const (
	focusFilters focus = iota // the filter panel
	focusTable                // the preview
	focusPicker               // the class picker of the filter panel
	focusDetail               // one user's detail
	focusForm                 // a form or a yes/no question
	focusBusy                 // an action runs; esc cancels it
	focusSaved                // the saved filters, in place of the list
	focusDups                 // the likely duplicates, in place of the list
)

// Model is the Users screen.
type Model struct {
	sess  *screen.Session
	keys  keyMap
	focus focus
	// back is where a form or a running action returns to: the list or the detail.
	back focus

	list   *userlist.Model
	panel  panel
	picker picker
	saved  saved             // the saved filters (F)
	dups   dups              // the likely duplicates (d)
	marks  map[model.ID]bool // rows marked for a bulk action (v)

	classes, groups []app.ClassInfo
	orgs            []model.Organization
	setsReq         screen.RequestID

	detail detail

	forms screen.FormHost[formKind]
	fv    *formValues

	busy      busy.Model
	busyLabel string
	actionReq screen.RequestID
	cancel    context.CancelFunc

	// notice and errText are the status line: what the last action did, or why it failed,
	// already in the admin's language.
	notice, errText string

	width, height int
}

// New builds the Users screen of the signed-in admin, with no filter: everyone not pending
// deletion, by name.
func New(sess *screen.Session) *Model {
	m := &Model{sess: sess, keys: newKeyMap(sess), list: userlist.New(sess), panel: newPanel(sess),
		picker: newPicker(sess), busy: busy.New(sess.Styles.Primary)}
	m.list.SetFocused(false)
	m.list.SetMarks(func(id model.ID) bool { return m.marks[id] })
	return m
}

// Init loads the classes and groups (for names and the class filter) and the first page, with
// the cursor in the search field.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.loadSets(), m.list.SetSelection(m.panel.sel, false), m.setFocus(focusFilters))
}

// Selection is the selection the screen shows: what the mail merge prints and the export writes.
func (m *Model) Selection() model.Selection { return m.list.Selection() }

// SetSize lays the panel, the list and any form out in the body area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.list.SetSize(w, m.listHeight())
	m.forms.Size(w, m.formHeight())
}

// CapturesInput is true while a text field has the keys: the search and date fields, the class
// picker's query, a form's input.
func (m *Model) CapturesInput() bool {
	switch m.focus {
	case focusFilters:
		return m.panel.typing()
	case focusPicker:
		return true
	case focusForm:
		return m.forms.Captures()
	}
	return false
}

// HandlesBack is true when esc closes something inside the screen (the detail, the picker, a
// form, a running export) rather than the screen.
func (m *Model) HandlesBack() bool {
	return m.focus != focusFilters && m.focus != focusTable
}

// fail shows an error in the status line.
func (m *Model) fail(err error) {
	if err != nil {
		m.errText = m.sess.Cat.Error(err)
	}
}

// setFocus moves the keys to another part of the screen.
func (m *Model) setFocus(f focus) tea.Cmd {
	m.focus = f
	m.list.SetFocused(f == focusTable)
	return m.panel.focus(f == focusFilters)
}

// ShortHelp lists the keys of the focused part.
func (m *Model) ShortHelp() []key.Binding {
	km := m.keys
	switch m.focus {
	case focusFilters:
		return []key.Binding{km.focus, km.rowUp, km.rowDown, km.left, km.toggle, km.choose, km.clear}
	case focusPicker:
		return []key.Binding{km.rowUp, km.rowDown, km.choose, km.close}
	case focusDetail:
		return append(m.keysFor(m.detail.user), km.close)
	case focusForm:
		return append(m.forms.Help(), km.cancel)
	case focusBusy:
		return []key.Binding{km.cancel}
	case focusSaved:
		return []key.Binding{km.rowUp, km.rowDown, km.choose, km.deleteFilter, km.close}
	case focusDups:
		return []key.Binding{km.rowUp, km.rowDown, km.choose, km.close}
	}
	u, _ := m.list.Selected()
	return append([]key.Binding{km.focus, km.details, km.add, km.mark, km.bulk, km.export, km.mailMerge, km.saveFilter, km.openSaved,
		km.duplicates}, m.keysFor(u)...)
}

// keysFor are the action keys that apply to a user as they are now.
func (m *Model) keysFor(u model.User) []key.Binding {
	km := m.keys
	if u.ID == 0 {
		return nil
	}
	out := []key.Binding{km.edit, km.admin}
	if !u.Activated() {
		out = append(out, km.regen)
	}
	if u.PendingDeletion() {
		return append(out, km.restore, km.del)
	}
	return append(out, km.pending, km.suspend)
}

// FullHelp groups every key of the screen.
func (m *Model) FullHelp() [][]key.Binding {
	km := m.keys
	return [][]key.Binding{
		{km.focus, km.search, km.rowUp, km.rowDown, km.left, km.right, km.toggle, km.choose, km.clear},
		append([]key.Binding{km.details, km.add, km.mark, km.bulk, km.duplicates, km.export, km.mailMerge, km.saveFilter, km.openSaved},
			m.list.KeyBindings()...),
		append(km.actionKeys(), km.close),
	}
}
