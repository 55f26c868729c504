// Package signup is the account creation screen: first the language (the whole console follows
// the choice at once), then name, country and email in that language. On success it replaces
// itself with the verification screen.
package signup

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// step is the screen's focus: which form is showing, or the request in flight.
type step int

const (
	stepLanguage step = iota
	stepDetails
	stepSending
)

// Model is the signup screen.
type Model struct {
	sess *screen.Session
	step step
	form *huh.Form
	in   app.SignUpInput // bound to the form fields
	// invite is an invitation code, optional: with one, the new admin administers its school.
	invite string
	req    screen.RequestID
	err    error // the last refusal of the app, shown above the form
	busy   busy.Model

	width, height int
}

// signedUpMsg is the result of app.SignUp.
type signedUpMsg struct {
	id  screen.RequestID
	res app.SignUpResult
	err error
}

// New builds the signup screen, asking for the language first.
func New(sess *screen.Session) *Model {
	m := &Model{sess: sess, busy: busy.New(sess.Styles.Primary)}
	m.in.Language = sess.Cat.Lang
	m.form = m.languageForm()
	return m
}

// Init focuses the first field.
func (m *Model) Init() tea.Cmd { return m.form.Init() }

// SetSize fits the form into the body area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	screen.SizeForm(m.form, w, h-m.headerHeight())
}

// CapturesInput is true while a text field has focus.
func (m *Model) CapturesInput() bool { return m.step != stepSending && screen.FormCaptures(m.form) }

// Update passes keys to the form and handles the signup result.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case signedUpMsg:
		return m, m.signedUp(msg)
	}
	if m.step == stepSending {
		return m, m.busy.Update(msg)
	}
	cmd, state := screen.UpdateForm(m.form, msg)
	if state != huh.StateCompleted {
		return m, cmd
	}
	if m.step == stepLanguage {
		return m, tea.Batch(cmd, m.languageChosen())
	}
	return m, tea.Batch(cmd, m.submit())
}

// languageChosen switches the console to the chosen language and asks the rest in it.
func (m *Model) languageChosen() tea.Cmd {
	m.sess.SetLanguage(m.in.Language)
	m.step = stepDetails
	m.form = m.detailsForm()
	m.SetSize(m.width, m.height)
	return m.form.Init()
}

func (m *Model) submit() tea.Cmd {
	m.step, m.err = stepSending, nil
	m.req = m.sess.NewRequest()
	return tea.Batch(m.busy.Start(), signUpCmd(m.sess.Ctx, m.sess.App, m.in, m.invite, m.req))
}

func signUpCmd(ctx context.Context, a *app.App, in app.SignUpInput, invite string, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		if strings.TrimSpace(invite) != "" {
			res, err := a.SignUpInvited(ctx, in, invite)
			return signedUpMsg{id: id, res: res, err: err}
		}
		res, err := a.SignUp(ctx, in)
		return signedUpMsg{id: id, res: res, err: err}
	}
}

func (m *Model) signedUp(msg signedUpMsg) tea.Cmd {
	if msg.id != m.req || m.step != stepSending {
		return nil
	}
	m.busy.Stop()
	if msg.err != nil {
		// Back to the form with what was typed, so a taken email can be corrected.
		m.err, m.step = msg.err, stepDetails
		m.form = m.detailsForm()
		m.SetSize(m.width, m.height)
		return m.form.Init()
	}
	// The account exists now: back must not return to this form.
	return screen.Navigate(screen.RouteVerify, msg.res, screen.Replace)
}

// ShortHelp shows the focused field's keys.
func (m *Model) ShortHelp() []key.Binding { return screen.FormHelp(m.form) }

// FullHelp shows the focused field's keys.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
