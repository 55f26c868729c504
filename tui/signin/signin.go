// Package signin is the sign-in screen: email and password. A wrong password, an unverified
// account or the throttle after repeated failures are said in the admin's language; an
// unverified admin can ask for a new code from here.
package signin

import (
	"context"
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// focus is what the screen is doing: the form, or one of the two requests.
type focus int

const (
	focusForm focus = iota
	focusSigningIn
	focusResending
	focusResetRequest // asking for a reset code
	focusResetting    // setting the new password with the code
)

// Field keys.
const (
	fieldEmail    = "email"
	fieldPassword = "password"
)

// Model is the sign-in screen.
type Model struct {
	sess     *screen.Session
	args     screen.SignInArgs
	focus    focus
	form     *huh.Form
	email    string
	password string
	req      screen.RequestID
	err      error
	// reset is the forgotten-password step: its form replaces the sign-in form while open.
	reset  resetState
	notice string
	busy   busy.Model

	width, height int
}

// signedInMsg is the result of app.SignIn.
type signedInMsg struct {
	id  screen.RequestID
	res app.SignInResult
	err error
}

// resentMsg is the result of app.ResendVerification.
type resentMsg struct {
	id  screen.RequestID
	res app.SignUpResult
	err error
}

// New builds the sign-in screen, with the email prefilled when args has one.
func New(sess *screen.Session, args screen.SignInArgs) *Model {
	m := &Model{sess: sess, args: args, email: args.Email, busy: busy.New(sess.Styles.Primary)}
	m.form = m.newForm()
	return m
}

func (m *Model) newForm() *huh.Form {
	f := m.sess.Cat.Fields
	return m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key(fieldEmail).Title(f.Email).Value(&m.email).Validate(m.checkEmail),
		huh.NewInput().Key(fieldPassword).Title(f.Password).EchoMode(huh.EchoModePassword).
			Value(&m.password).Validate(m.checkPassword),
	))
}

func (m *Model) checkEmail(s string) error {
	if !model.ValidEmail(model.NormalizeEmail(s)) {
		return errors.New(m.sess.Cat.Validation(&model.ValidationError{Field: fieldEmail, Rule: model.RuleEmail}))
	}
	return nil
}

func (m *Model) checkPassword(s string) error {
	if s == "" {
		return errors.New(m.sess.Cat.Validation(&model.ValidationError{Field: fieldPassword, Rule: model.RuleRequired}))
	}
	return nil
}

// Init focuses the email field, or the password when the email is known.
func (m *Model) Init() tea.Cmd {
	cmd := m.form.Init()
	if m.email != "" {
		return tea.Batch(cmd, m.form.NextField())
	}
	return cmd
}

// SetSize fits the form under the title.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	screen.SizeForm(m.form, w, h-m.headerHeight())
}

// CapturesInput is true while a text field has focus.
func (m *Model) CapturesInput() bool { return m.focus == focusForm && screen.FormCaptures(m.form) }

// Update routes keys to the form and handles the results.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case signedInMsg:
		return m, m.signedIn(msg)
	case resentMsg:
		return m, m.resent(msg)
	case resetRequestedMsg:
		return m, m.resetRequested(msg)
	case resetDoneMsg:
		return m, m.resetDone(msg)
	case tea.KeyPressMsg:
		if m.canResend() && key.Matches(msg, m.sess.Keys.Resend) {
			return m, m.resend()
		}
		if m.canForget() && key.Matches(msg, m.forgotKey()) {
			return m, m.requestReset()
		}
	}
	if m.focus != focusForm {
		return m, m.busy.Update(msg)
	}
	cmd, state := screen.UpdateForm(m.form, msg)
	if state == huh.StateCompleted {
		if m.reset.open {
			return m, tea.Batch(cmd, m.submitReset())
		}
		return m, tea.Batch(cmd, m.submit())
	}
	return m, cmd
}

func (m *Model) submit() tea.Cmd {
	m.focus, m.err, m.args.Verified, m.notice = focusSigningIn, nil, false, ""
	m.req = m.sess.NewRequest()
	return tea.Batch(m.busy.Start(), signInCmd(m.sess.Ctx, m.sess.App, m.email, m.password, m.sess.Origin, m.req))
}

func signInCmd(ctx context.Context, a *app.App, email, pw, origin string, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		res, err := a.SignIn(ctx, email, pw, origin)
		return signedInMsg{id: id, res: res, err: err}
	}
}

func (m *Model) signedIn(msg signedInMsg) tea.Cmd {
	if msg.id != m.req || m.focus != focusSigningIn {
		return nil
	}
	m.busy.Stop()
	if msg.err != nil {
		m.password = ""
		return m.backToForm(msg.err)
	}
	return screen.Emit(screen.SignedInMsg{Session: msg.res.Session, Admin: msg.res.Admin})
}

// canResend: an admin who never created their password can get a new code from here.
func (m *Model) canResend() bool {
	return m.focus == focusForm && errors.Is(m.err, model.ErrNotVerified)
}

func (m *Model) resend() tea.Cmd {
	m.focus = focusResending
	m.req = m.sess.NewRequest()
	a, ctx, email, id := m.sess.App, m.sess.Ctx, m.email, m.req
	return tea.Batch(m.busy.Start(), func() tea.Msg {
		res, err := a.ResendVerification(ctx, email)
		return resentMsg{id: id, res: res, err: err}
	})
}

func (m *Model) resent(msg resentMsg) tea.Cmd {
	if msg.id != m.req || m.focus != focusResending {
		return nil
	}
	m.busy.Stop()
	if msg.err != nil {
		return m.backToForm(msg.err)
	}
	return screen.Navigate(screen.RouteVerify, msg.res, screen.Replace)
}

// backToForm shows the form again under the error, the cursor on the password.
func (m *Model) backToForm(err error) tea.Cmd {
	m.focus, m.err = focusForm, err
	m.form = m.newForm()
	m.SetSize(m.width, m.height)
	return m.Init()
}

// ShortHelp shows the focused field's keys, and the resend key when it applies.
func (m *Model) ShortHelp() []key.Binding {
	if m.focus != focusForm {
		return nil
	}
	h := screen.FormHelp(m.form)
	if m.canForget() {
		h = append(h, m.forgotKey())
	}
	if m.canResend() {
		h = append(h, m.sess.Keys.Resend)
	}
	return h
}

// FullHelp shows the same keys.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
