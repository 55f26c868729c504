// Package classes is the Classes & groups screen: two tabs listing the admin's classes and
// groups the French way ("3e B" after "3e A", "Élodie" with "Elodie") with their member
// counts; create, rename and delete them (a non-empty one is deleted only once confirmed, its
// members simply leave it); open one to page through its members, remove them, and add users
// found by a search.
package classes

import (
	"context"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
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
	focusList    focus = iota // the classes or the groups of the tab
	focusMembers              // the members of the open class or group
	focusPicker               // users to add to the open class or group
	focusForm                 // create, rename, or the question before deleting
	focusBusy                 // an action runs
)

// Model is the Classes & groups screen.
type Model struct {
	sess  *screen.Session
	keys  keyMap
	focus focus
	back  focus // where a form or a running action returns to

	tab     app.Set
	sets    [2][]app.ClassInfo
	cursor  [2]int
	loaded  bool
	orgs    []model.Organization
	listReq screen.RequestID
	// pendingCursor is a class or group just created: the cursor goes to it once listed.
	pendingCursor model.ID

	open    app.ClassInfo // the class or group whose members are shown
	members *userlist.Model
	pick    *userlist.Model
	query   textinput.Model

	forms screen.FormHost[formKind]
	fv    *formValues

	busy      busy.Model
	actionReq screen.RequestID
	cancel    context.CancelFunc

	// notice and errText are the status line, already in the admin's language.
	notice, errText string

	width, height int
}

// New builds the Classes & groups screen on its classes tab.
func New(sess *screen.Session) *Model {
	cols := []userlist.Column{userlist.LastName, userlist.FirstName, userlist.Profile, userlist.Login,
		userlist.Class, userlist.Email}
	q := textinput.New()
	q.Prompt, q.Placeholder, q.CharLimit = "› ", sess.Cat.Directory.Filters.SearchHint, 64
	s := q.Styles()
	s.Focused.Placeholder, s.Blurred.Placeholder, s.Focused.Prompt = sess.Styles.Muted, sess.Styles.Muted, sess.Styles.Primary
	s.Cursor.Blink = false
	q.SetStyles(s)
	q.SetWidth(40)
	m := &Model{sess: sess, keys: newKeyMap(sess), members: userlist.New(sess, cols...),
		pick: userlist.New(sess, cols...), query: q, busy: busy.New(sess.Styles.Primary)}
	m.members.SetEmptyText(sess.Cat.Directory.Sets.NoMembers)
	return m
}

// Init loads the classes and groups.
func (m *Model) Init() tea.Cmd { return m.loadSets() }

// SetSize lays the lists out in the body area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.members.SetSize(w, m.bodyHeight())
	m.pick.SetSize(w, m.bodyHeight()-2)
	m.forms.Size(w, m.bodyHeight())
}

// CapturesInput is true while the search of users to add, or a form's text field, has focus.
func (m *Model) CapturesInput() bool {
	switch m.focus {
	case focusPicker:
		return true
	case focusForm:
		return m.forms.Captures()
	}
	return false
}

// HandlesBack is true when esc closes something inside the screen: a class's members, the
// search of users to add, a form.
func (m *Model) HandlesBack() bool { return m.focus != focusList }

// setFocus moves the keys to another part of the screen.
func (m *Model) setFocus(f focus) tea.Cmd {
	m.focus = f
	m.members.SetFocused(f == focusMembers)
	m.pick.SetFocused(f == focusPicker)
	if f == focusPicker {
		return m.query.Focus()
	}
	m.query.Blur()
	return nil
}

// ShortHelp lists the keys of the focused part.
func (m *Model) ShortHelp() []key.Binding {
	km := m.keys
	switch m.focus {
	case focusMembers:
		return []key.Binding{km.add, km.remove, km.close}
	case focusPicker:
		return []key.Binding{km.up, km.down, km.addOne, km.close}
	case focusForm:
		return append(m.forms.Help(), km.cancel)
	case focusBusy:
		return nil
	}
	return []key.Binding{km.tabs, km.up, km.down, km.members, km.create, km.rename, km.del}
}

// FullHelp groups every key of the screen.
func (m *Model) FullHelp() [][]key.Binding {
	km := m.keys
	return [][]key.Binding{
		{km.tabs, km.up, km.down, km.members, km.create, km.rename, km.del},
		append([]key.Binding{km.add, km.remove, km.addOne, km.close}, m.members.KeyBindings()...),
	}
}

// current is the class or group under the cursor of the tab.
func (m *Model) current() (app.ClassInfo, bool) {
	list, i := m.sets[m.tab], m.cursor[m.tab]
	if i < 0 || i >= len(list) {
		return app.ClassInfo{}, false
	}
	return list[i], true
}

// fail shows an error in the status line.
func (m *Model) fail(err error) {
	if err != nil {
		m.errText = m.sess.Cat.Error(err)
	}
}
