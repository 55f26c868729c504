// Package admins is the Admins screen: the administrators of the admin's organizations (invite
// one, remove one but never the last of a school), the pending invitations (withdraw one), the
// admin's own SSH keys for `rollcall serve` (add, remove), the activity log of who changed
// what, and the admin's schools (create one, edit one's name, city, country and UAI). It reads everything in one request and reloads after each change.
package admins

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// tab is the list on show.
type tab int

const (
	tabAdmins tab = iota
	tabInvites
	tabKeys
	tabLog
	tabSchools
	tabCount
)

// focus is the part of the screen that receives keys.
type focus int

const (
	focusList focus = iota
	focusForm
	focusBusy
)

// Model is the Admins screen.
type Model struct {
	sess  *screen.Session
	keys  keyMap
	focus focus
	tab   tab

	data    data
	loaded  bool
	cursor  [tabCount]int
	loadReq screen.RequestID

	forms screen.FormHost[formKind]
	fv    *formValues

	busy      busy.Model
	actionReq screen.RequestID

	// shown is the last invitation code made here, kept on the invitations tab until the next.
	shown string
	// notice and errText are the status line, already in the admin's language.
	notice, errText string

	width, height int
}

// data is everything the screen shows, read in one request.
type data struct {
	me      model.Admin // as the store has them now
	admins  []app.AdminInfo
	invites []app.PendingInvitation
	keys    []model.SSHKey
	log     []app.AuditRecord
	orgs    map[model.ID]model.Organization
	order   []model.Organization
}

// New builds the Admins screen on its admins tab.
func New(sess *screen.Session) *Model {
	return &Model{sess: sess, keys: newKeyMap(sess), busy: busy.New(sess.Styles.Primary)}
}

// Init loads the lists.
func (m *Model) Init() tea.Cmd { return m.load() }

// SetSize records the body area and fits an open form into it.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.forms.Size(w, m.bodyHeight())
}

// CapturesInput is true while a form's text field has focus.
func (m *Model) CapturesInput() bool { return m.focus == focusForm && m.forms.Captures() }

// HandlesBack is true while a form is open: esc closes it, not the screen.
func (m *Model) HandlesBack() bool { return m.focus == focusForm }

// count is the number of rows of a tab.
func (m *Model) count(t tab) int {
	switch t {
	case tabAdmins:
		return len(m.data.admins)
	case tabInvites:
		return len(m.data.invites)
	case tabKeys:
		return len(m.data.keys)
	case tabSchools:
		return len(m.data.order)
	}
	return len(m.data.log)
}

// ShortHelp lists the keys of the focused part.
func (m *Model) ShortHelp() []key.Binding {
	if m.focus == focusForm {
		return append(m.forms.Help(), m.keys.cancel)
	}
	k := m.keys
	out := []key.Binding{k.tabs, k.up, k.down, k.invite}
	switch m.tab {
	case tabAdmins:
		out = append(out, k.join, k.remove)
	case tabInvites:
		out = append(out, k.remove)
	case tabKeys:
		out = append(out, k.addKey, k.remove)
	case tabSchools:
		out = append(out, k.newSchool, k.editSchool)
	}
	return append(out, k.refresh)
}

// FullHelp groups the keys.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.tabs, k.up, k.down}, {k.invite, k.join, k.addKey, k.remove, k.newSchool, k.editSchool, k.refresh}}
}
