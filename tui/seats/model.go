// Package seats is a subscription's seats screen: who holds a seat (email, how it was added,
// when), with the ways to add seats (typed emails, a CSV file of emails, a sync from the
// imported roster, a class, a group or a profile of the directory, Google Workspace or
// Microsoft 365) and to take them back (one, or every seat given by hand, once confirmed).
// A sync runs in a command, shows what it has read so far, and esc cancels it.
package seats

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// focus is the part of the screen that receives keys.
type focus int

const (
	focusList    focus = iota // the seat holders
	focusForm                 // a form: emails, file, sync source, confirmation
	focusSyncing              // a sync runs; esc cancels it
	focusBusy                 // another action runs
)

// Model is the seats screen of one subscription.
type Model struct {
	sess  *screen.Session
	keys  keyMap
	subID model.ID
	focus focus

	list    app.SeatList
	loaded  bool
	cursor  int
	choices choices // organizations, classes and groups a sync can pick
	// canNotify says a mailer is set up: the add forms then offer to email new seat holders.
	canNotify bool
	req       screen.RequestID

	forms screen.FormHost[formKind]
	fv    *formValues

	busy      busy.Model
	actionReq screen.RequestID
	cancel    context.CancelFunc
	feed      *screen.Feed[app.SyncProgress]
	progress  app.SyncProgress

	// notice and err are the status line.
	notice string
	err    error

	width, height int
}

// choices are what the sync form offers.
type choices struct {
	orgs    []model.Organization
	classes []app.ClassInfo
	groups  []app.ClassInfo
}

// of keeps the choices of one school: a seat sync only reaches the subscription's own school.
func (c choices) of(org model.ID) choices {
	var out choices
	for _, o := range c.orgs {
		if o.ID == org {
			out.orgs = append(out.orgs, o)
		}
	}
	for _, s := range c.classes {
		if s.OrgID == org {
			out.classes = append(out.classes, s)
		}
	}
	for _, s := range c.groups {
		if s.OrgID == org {
			out.groups = append(out.groups, s)
		}
	}
	return out
}

// New builds the seats screen of a subscription.
func New(sess *screen.Session, subID model.ID) *Model {
	return &Model{sess: sess, keys: newKeyMap(sess), subID: subID, busy: busy.New(sess.Styles.Primary)}
}

// Init loads the seats and what a sync can pick.
func (m *Model) Init() tea.Cmd { return m.load() }

// SetSize records the body area and fits an open form.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.forms.Size(w, m.bodyHeight())
}

// CapturesInput is true while a form's text field has focus.
func (m *Model) CapturesInput() bool { return m.focus == focusForm && m.forms.Captures() }

// HandlesBack is true when esc closes a form or cancels a sync rather than leaving.
func (m *Model) HandlesBack() bool { return m.focus != focusList }

// handSeats counts the seats given by hand.
func (m *Model) handSeats() int {
	n := 0
	for _, s := range m.list.Seats {
		if s.ByHand() {
			n++
		}
	}
	return n
}

// ShortHelp lists the keys of what has focus.
func (m *Model) ShortHelp() []key.Binding {
	km := m.keys
	switch m.focus {
	case focusForm:
		return append(m.forms.Help(), km.cancel)
	case focusSyncing:
		return []key.Binding{km.cancel}
	case focusBusy:
		return nil
	}
	if m.ended() {
		return []key.Binding{km.up, km.down, km.remove, km.removeHand}
	}
	return []key.Binding{km.up, km.down, km.add, km.file, km.sync, km.remove, km.removeHand}
}

// ended says the subscription has ended: it takes no new seat, so the ways to add are hidden.
func (m *Model) ended() bool {
	return m.loaded && m.list.State.Kind == model.StateExpired
}

// FullHelp groups the same keys.
func (m *Model) FullHelp() [][]key.Binding {
	km := m.keys
	if m.focus != focusList {
		return [][]key.Binding{m.ShortHelp()}
	}
	if m.ended() {
		return [][]key.Binding{{km.up, km.down}, {km.remove, km.removeHand}}
	}
	return [][]key.Binding{{km.up, km.down}, {km.add, km.file, km.sync}, {km.remove, km.removeHand}}
}
