// Package subs is the Subscriptions screen: every subscription of the admin's organizations
// with its product, organization, product keys, seats given of the total and state ("Next
// renewal: 30 Sep 2026", "Expired"), a banner with the next renewal, an organization selector
// and a sort by state. Enter opens a subscription's seats; c starts the claim wizard.
package subs

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// Model is the Subscriptions screen.
type Model struct {
	sess *screen.Session
	keys keyMap

	list   app.SubsList
	fits   fitCache // the table's columns, fitted to the width
	orgs   []model.Organization
	org    int // 0: all organizations; i: orgs[i-1]
	sort   app.SubsSort
	cursor int
	loaded bool
	err    error
	req    screen.RequestID

	// The open form (a vendor's key file, or a renewal code) and what the last one said.
	form       *huh.Form
	kind       formKind
	vendorPath string
	vendorOrg  model.ID // the school whose trusted vendors the form adds to
	renewCode  string
	renewSub   model.ID
	notice     string
	noticeErr  error

	width, height int
}

// loadedMsg carries the list, and the admin's organizations as the store has them now.
type loadedMsg struct {
	id    screen.RequestID
	list  app.SubsList
	orgs  []model.Organization
	admin model.Admin
	err   error
}

// New builds the Subscriptions screen.
func New(sess *screen.Session) *Model { return &Model{sess: sess, keys: newKeyMap(sess)} }

// Init loads the list.
func (m *Model) Init() tea.Cmd { return m.load() }

// SetSize records the body area.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// CapturesInput is true while the vendor form's field has the keys.
func (m *Model) CapturesInput() bool { return m.form != nil && screen.FormCaptures(m.form) }

// HandlesBack is true while the vendor form is open: esc closes it, not the screen.
func (m *Model) HandlesBack() bool { return m.form != nil }

// orgID is the organization the selector shows (0: all).
func (m *Model) orgID() model.ID {
	if m.org == 0 || m.org > len(m.orgs) {
		return 0
	}
	return m.orgs[m.org-1].ID
}

func (m *Model) load() tea.Cmd {
	m.req = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.req
	q := app.SubsQuery{OrgID: m.orgID(), Sort: m.sort}
	return func() tea.Msg {
		// Re-read the admin: a claim may have added an organization.
		admin, err := as.Admin(ctx)
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		orgs, err := as.ListOrgs(ctx)
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		list, err := as.ListSubscriptions(ctx, q)
		return loadedMsg{id: id, list: list, orgs: orgs, admin: admin, err: err}
	}
}

// Update handles keys and the list's arrival.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.form != nil {
			return m, m.formKey(msg)
		}
		return m, m.key(msg)
	case trustedMsg:
		m.trusted(msg)
		return m, nil
	case renewedMsg:
		return m, m.renewed(msg)
	case loadedMsg:
		return m, m.loadedList(msg)
	case screen.DataChangedMsg, screen.ResumeMsg:
		return m, m.load()
	}
	if m.form != nil { // the form's own messages (cursor blink, field focus)
		return m, m.formKey(msg)
	}
	return m, nil
}

func (m *Model) loadedList(msg loadedMsg) tea.Cmd {
	if msg.id != m.req {
		return nil // a newer load is under way
	}
	m.err, m.loaded = msg.err, true
	if msg.err != nil {
		return nil
	}
	m.list, m.orgs = msg.list, msg.orgs
	m.org = min(m.org, len(m.orgs))
	m.cursor = max(min(m.cursor, len(m.list.Rows)-1), 0)
	return screen.Emit(screen.AdminMsg{Admin: msg.admin})
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	m.notice, m.noticeErr = "", nil
	switch {
	case key.Matches(k, km.vendor):
		return m.openVendorForm()
	case key.Matches(k, km.renew):
		return m.openRenewForm()
	case key.Matches(k, km.up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, km.down):
		m.cursor = max(min(m.cursor+1, len(m.list.Rows)-1), 0)
	case key.Matches(k, km.claim):
		return screen.Navigate(screen.RouteClaim, nil, screen.Push)
	case key.Matches(k, km.org):
		m.org = (m.org + 1) % (len(m.orgs) + 1)
		m.cursor = 0
		return m.load()
	case key.Matches(k, km.sort):
		m.sort = 1 - m.sort
		return m.load()
	case key.Matches(k, km.open):
		if m.cursor < len(m.list.Rows) {
			return screen.Navigate(screen.RouteSeats, m.list.Rows[m.cursor].Sub.ID, screen.Push)
		}
	}
	return nil
}

// ShortHelp lists the screen's keys.
func (m *Model) ShortHelp() []key.Binding {
	km := m.keys
	if m.form != nil {
		return append(screen.FormHelp(m.form), km.cancel)
	}
	return []key.Binding{km.up, km.down, km.open, km.claim, km.renew, km.vendor, km.org, km.sort}
}

// FullHelp groups the screen's keys.
func (m *Model) FullHelp() [][]key.Binding {
	km := m.keys
	if m.form != nil {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{{km.up, km.down, km.open}, {km.claim, km.renew, km.vendor, km.org, km.sort}}
}
