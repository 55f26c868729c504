// Package terms is asked once, at an admin's first sign-in: confirm being an adult and accept
// the terms of use. Yes to both records it with app.AcceptTerms and opens home; a No says why
// Rollcall needs both, then signs out (saying why) or goes back to the questions.
package terms

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// focus is the form, or the request recording the acceptance.
type focus int

const (
	focusForm focus = iota
	focusSaving
)

// Field keys.
const (
	fieldAdult   = "adult"
	fieldAccept  = "accept"
	fieldDecline = "decline"
)

// What the admin does after a No.
const (
	declineBack    = "back"
	declineSignOut = "signout"
)

// Model is the terms screen.
type Model struct {
	sess   *screen.Session
	focus  focus
	form   *huh.Form
	adult  bool
	accept bool
	// decline is the answer to the question a No brings: back to the questions, or sign out.
	decline string
	req     screen.RequestID
	err     error
	busy    busy.Model

	width, height int
}

// acceptedMsg is the result of app.AcceptTerms.
type acceptedMsg struct {
	id    screen.RequestID
	admin model.Admin
	err   error
}

// New builds the terms screen for the signed-in admin.
func New(sess *screen.Session) *Model {
	m := &Model{sess: sess, busy: busy.New(sess.Styles.Primary)}
	m.form = m.newForm()
	return m
}

func (m *Model) newForm() *huh.Form {
	cat := m.sess.Cat
	d := cat.TermsDecline()
	// Both answers start at No: consent is never pre-ticked. A No does not sign out on its own:
	// the next question says why Rollcall needs both, and starts on going back to them.
	m.adult, m.accept, m.decline = false, false, declineBack
	return m.sess.NewForm(huh.NewGroup(
		huh.NewConfirm().Key(fieldAdult).Title(cat.Auth.TermsAdult).
			Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.adult),
		huh.NewConfirm().Key(fieldAccept).Title(cat.Auth.TermsAccept).Description(cat.Auth.TermsDeclineHint).
			Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.accept),
	), huh.NewGroup(
		huh.NewSelect[string]().Key(fieldDecline).Title(d.Title).Description(d.Why).Options(
			huh.NewOption(d.Back, declineBack), huh.NewOption(cat.Auth.TermsDecline, declineSignOut)).Value(&m.decline),
	).WithHideFunc(func() bool { return m.adult && m.accept }))
}

// Init focuses the first question.
func (m *Model) Init() tea.Cmd { return m.form.Init() }

// SetSize fits the form under the text of the terms.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	screen.SizeForm(m.form, w, h-lipgloss.Height(m.header()))
}

// CapturesInput is false: yes/no questions take no text, so q still quits.
func (m *Model) CapturesInput() bool { return false }

// Update routes keys to the form and handles the result.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	if msg, ok := msg.(acceptedMsg); ok {
		return m, m.accepted(msg)
	}
	if m.focus != focusForm {
		return m, m.busy.Update(msg)
	}
	cmd, state := screen.UpdateForm(m.form, msg)
	if state != huh.StateCompleted {
		return m, cmd
	}
	if !m.adult || !m.accept {
		if m.decline == declineSignOut {
			return m, tea.Batch(cmd, screen.Emit(screen.SignOutMsg{Reason: m.sess.Cat.TermsDecline().SignedOut}))
		}
		m.form = m.newForm() // back to the questions
		m.SetSize(m.width, m.height)
		return m, tea.Batch(cmd, m.form.Init())
	}
	m.focus, m.err = focusSaving, nil
	m.req = m.sess.NewRequest()
	return m, tea.Batch(cmd, m.busy.Start(), acceptCmd(m.sess.Ctx, m.sess.Acting, m.req))
}

func acceptCmd(ctx context.Context, as *app.Session, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		admin, err := as.AcceptTerms(ctx)
		return acceptedMsg{id: id, admin: admin, err: err}
	}
}

func (m *Model) accepted(msg acceptedMsg) tea.Cmd {
	if msg.id != m.req || m.focus != focusSaving {
		return nil
	}
	m.busy.Stop()
	if msg.err != nil {
		m.focus, m.err = focusForm, msg.err
		m.form = m.newForm()
		m.SetSize(m.width, m.height)
		return m.form.Init()
	}
	// The root must know the admin accepted before it opens home, which requires it.
	return tea.Sequence(screen.Emit(screen.AdminMsg{Admin: msg.admin}),
		screen.Navigate(screen.RouteHome, nil, screen.Reset))
}

func (m *Model) header() string {
	cat, st := m.sess.Cat, m.sess.Styles
	h := st.Title.Render(cat.Auth.TermsTitle) + "\n\n" + screen.Paragraph(cat.Auth.TermsBody, m.width) + "\n"
	if m.err != nil {
		h += "\n" + st.Error.Render(screen.Paragraph(cat.Error(m.err), m.width)) + "\n"
	}
	return h
}

// View shows the terms and the two questions.
func (m *Model) View() string {
	body := m.form.View()
	if m.focus != focusForm {
		body = m.busy.View(m.sess.Cat.App.Working)
	}
	return m.header() + "\n" + body
}

// ShortHelp shows the focused question's keys.
func (m *Model) ShortHelp() []key.Binding {
	if m.focus != focusForm {
		return nil
	}
	return screen.FormHelp(m.form)
}

// FullHelp shows the same keys.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
