// Package verify is the screen after signup: it says where the verification code went (and
// shows it when no mail server is set up), then asks for the code and the new password. On
// success it opens sign-in with the email filled in.
package verify

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// focus is what the screen is doing: the form, or one of the two requests.
type focus int

const (
	focusForm focus = iota
	focusCreating
	focusResending
)

// Model is the verification screen.
type Model struct {
	sess  *screen.Session
	res   app.SignUpResult // where the code went; Code is set when it must be shown
	focus focus
	form  *huh.Form
	code  string
	pw    string
	pw2   string
	req   screen.RequestID
	err   error
	// resent is set once a new code replaced the first one, to say so.
	resent bool
	busy   busy.Model

	width, height int
}

// createdMsg is the result of app.CreatePassword.
type createdMsg struct {
	id  screen.RequestID
	err error
}

// resentMsg is the result of app.ResendVerification.
type resentMsg struct {
	id  screen.RequestID
	res app.SignUpResult
	err error
}

// New builds the screen for a signup (or resend) result.
func New(sess *screen.Session, res app.SignUpResult) *Model {
	m := &Model{sess: sess, res: res, busy: busy.New(sess.Styles.Primary)}
	m.form = m.newForm()
	return m
}

// Init focuses the code field.
func (m *Model) Init() tea.Cmd { return m.form.Init() }

// SetSize fits the form under the explanation.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	screen.SizeForm(m.form, w, h-m.headerHeight())
}

// CapturesInput is true while a text field has focus.
func (m *Model) CapturesInput() bool { return m.focus == focusForm && screen.FormCaptures(m.form) }

// Update routes keys to the form and handles the two results.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case createdMsg:
		return m, m.created(msg)
	case resentMsg:
		return m, m.resentCode(msg)
	case tea.KeyPressMsg:
		if m.focus == focusForm && key.Matches(msg, m.sess.Keys.Resend) {
			return m, m.resend()
		}
	}
	if m.focus != focusForm {
		return m, m.busy.Update(msg)
	}
	cmd, state := screen.UpdateForm(m.form, msg)
	if state == huh.StateCompleted {
		return m, tea.Batch(cmd, m.submit())
	}
	return m, cmd
}

func (m *Model) submit() tea.Cmd {
	m.focus, m.err = focusCreating, nil
	m.req = m.sess.NewRequest()
	return tea.Batch(m.busy.Start(), createCmd(m.sess.Ctx, m.sess.App, m.res.Email, m.code, m.pw, m.req))
}

func createCmd(ctx context.Context, a *app.App, email, code, pw string, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		return createdMsg{id: id, err: a.CreatePassword(ctx, email, code, pw)}
	}
}

func (m *Model) created(msg createdMsg) tea.Cmd {
	if msg.id != m.req || m.focus != focusCreating {
		return nil
	}
	m.busy.Stop()
	if msg.err != nil {
		return m.backToForm(msg.err)
	}
	return screen.Navigate(screen.RouteSignIn,
		screen.SignInArgs{Email: m.res.Email, Verified: true}, screen.Replace)
}

func (m *Model) resend() tea.Cmd {
	m.focus, m.err = focusResending, nil
	m.req = m.sess.NewRequest()
	a, ctx, email, id := m.sess.App, m.sess.Ctx, m.res.Email, m.req
	return tea.Batch(m.busy.Start(), func() tea.Msg {
		res, err := a.ResendVerification(ctx, email)
		return resentMsg{id: id, res: res, err: err}
	})
}

func (m *Model) resentCode(msg resentMsg) tea.Cmd {
	if msg.id != m.req || m.focus != focusResending {
		return nil
	}
	m.busy.Stop()
	if msg.err == nil {
		m.res, m.resent, m.code = msg.res, true, ""
	}
	return m.backToForm(msg.err)
}

// backToForm shows the form again, with what was typed, under the error if any.
func (m *Model) backToForm(err error) tea.Cmd {
	m.focus, m.err = focusForm, err
	m.form = m.newForm()
	m.SetSize(m.width, m.height)
	return m.form.Init()
}

// ShortHelp shows the focused field's keys and the resend key.
func (m *Model) ShortHelp() []key.Binding {
	if m.focus != focusForm {
		return nil
	}
	return append(screen.FormHelp(m.form), m.sess.Keys.Resend)
}

// FullHelp shows the same keys.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
