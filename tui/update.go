package tui

import (
	"errors"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/demoload"
	"rollcall/tui/screen"
)

// Update handles the shell's own messages and passes the rest to the top screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tea.BackgroundColorMsg:
		m.sess.SetDark(msg.IsDark())
		m.help.Styles = m.sess.Styles.Help
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case startedMsg:
		return m, m.onStarted(msg)
	case screen.NavigateMsg:
		return m, m.navigate(msg)
	case screen.BackMsg:
		return m, m.back()
	case screen.SignedInMsg:
		return m, m.signIn(msg.Session, msg.Admin, true)
	case screen.AdminMsg:
		return m, m.adminChanged(msg.Admin)
	case screen.SignOutMsg:
		return m, m.signOutCmd(msg.Reason)
	case signedOutMsg:
		return m, m.signedOut(msg)
	case orgsMsg:
		if msg.id == m.orgsReq && msg.err == nil {
			m.orgs = msg.orgs
		}
		return m, nil
	case rememberedMsg:
		m.showError(msg.err)
		return m, nil
	case screen.ErrorMsg:
		m.showError(msg.Err)
		return m, nil
	}
	return m, m.forward(msg)
}

// forward passes a message to the top screen only: async results carry request ids, and a
// screen that is not on top has nothing to show.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	top := m.top()
	if top == nil {
		return nil
	}
	next, cmd := top.Update(msg)
	m.stack[len(m.stack)-1] = next
	return cmd
}

// key handles the global keys, then gives the key to the top screen. q and ? are left to a
// screen whose text field has focus; ctrl+c always quits.
func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	m.setStatus(status{})
	km := m.sess.Keys
	typing := m.top() != nil && m.top().CapturesInput()
	switch {
	case key.Matches(k, km.ForceQuit), !typing && key.Matches(k, km.Quit):
		// Every change is already committed to the store: quitting loses nothing.
		return tea.Quit
	case !typing && key.Matches(k, km.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.resize()
		return nil
	case key.Matches(k, km.Back) && len(m.stack) > 1 && !screen.HandlesBack(m.top()):
		return m.back()
	}
	return m.forward(k)
}

// onStarted shows the welcome screen, or resumes the remembered session.
func (m *Model) onStarted(msg startedMsg) tea.Cmd {
	m.started = true
	var cmd tea.Cmd
	if msg.err == nil {
		// The remembered token is already stored: no need to remember it again.
		cmd = m.signIn(msg.acting, msg.admin, false)
	} else {
		cmd = m.navigate(screen.NavigateMsg{Route: screen.RouteWelcome, Mode: screen.Reset})
	}
	// Said after signIn, so in the admin's language.
	if msg.demoErr == nil && msg.demoRan {
		m.setStatus(status{text: demoload.Summary(m.sess.Cat, msg.demo)})
	}
	if !errors.Is(msg.demoErr, model.ErrDemoLoaded) {
		m.showError(msg.demoErr)
	}
	if !errors.Is(msg.err, model.ErrNotSignedIn) {
		m.showError(msg.err)
	}
	return cmd
}

// signIn makes an admin the session's and opens terms or home.
func (m *Model) signIn(as *app.Session, admin model.Admin, remember bool) tea.Cmd {
	m.sess.Acting, m.sess.Admin, m.orgs = as, admin, nil
	if !m.langFixed && admin.Language.Valid() {
		m.sess.SetLanguage(admin.Language)
	}
	cmds := []tea.Cmd{m.orgsCmd()}
	if remember && m.remember {
		cmds = append(cmds, rememberCmd(m.sess.Ctx, m.sess.App, m.sess.OSUser, as.Token()))
	}
	route := screen.RouteHome
	if !admin.AcceptedTerms() {
		route = screen.RouteTerms
	}
	cmds = append(cmds, m.navigate(screen.NavigateMsg{Route: route, Mode: screen.Reset}))
	return tea.Batch(cmds...)
}

// adminChanged keeps the session's admin current; new organizations reload the header.
func (m *Model) adminChanged(admin model.Admin) tea.Cmd {
	if !m.sess.SignedIn() || admin.ID != m.sess.Admin.ID {
		return nil // the session ended meanwhile
	}
	old := m.sess.Admin
	m.sess.Admin = admin
	if slices.Equal(old.OrgIDs, admin.OrgIDs) {
		return nil
	}
	return m.orgsCmd()
}

// signedOut returns to the welcome screen, whatever the store said: the admin asked to leave.
func (m *Model) signedOut(msg signedOutMsg) tea.Cmd {
	m.sess.Acting, m.sess.Admin, m.orgs = nil, model.Admin{}, nil
	cmd := m.navigate(screen.NavigateMsg{Route: screen.RouteWelcome, Mode: screen.Reset})
	said := m.sess.Cat.Auth.SignedOut
	if msg.reason != "" {
		said = msg.reason
	}
	m.setStatus(status{text: said})
	m.showError(msg.err)
	return cmd
}

// setStatus shows a status line; a line that wraps to another height resizes the screens, so
// the body never draws under it.
func (m *Model) setStatus(s status) {
	before := lipgloss.Height(m.statusLine())
	m.status = s
	if lipgloss.Height(m.statusLine()) != before {
		m.resize()
	}
}

func (m *Model) showError(err error) {
	if err != nil {
		m.setStatus(status{text: m.sess.Cat.Error(err), isErr: true})
	}
}
