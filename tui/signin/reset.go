package signin

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/model"
	"rollcall/tui/screen"
)

// resetState is the forgotten-password form: a code (emailed, or given by another admin of
// the school) and the new password twice, as rollcall reset-admin-password --use-code takes.
type resetState struct {
	open                  bool
	code, password, again string
}

type resetRequestedMsg struct {
	id  screen.RequestID
	err error
}

type resetDoneMsg struct {
	id  screen.RequestID
	err error
}

// forgotKey asks for a reset code for the email typed.
func (m *Model) forgotKey() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+f"), key.WithHelp("ctrl+f", m.sess.Cat.Admins.KeyForgot))
}

// canForget: on the sign-in form, with an email typed.
func (m *Model) canForget() bool {
	return m.focus == focusForm && !m.reset.open && !errors.Is(m.err, model.ErrNotVerified) &&
		model.ValidEmail(model.NormalizeEmail(m.email))
}

func (m *Model) requestReset() tea.Cmd {
	m.focus, m.err, m.notice = focusResetRequest, nil, ""
	m.req = m.sess.NewRequest()
	a, ctx, email, origin, id := m.sess.App, m.sess.Ctx, m.email, m.sess.Origin, m.req
	return tea.Batch(m.busy.Start(), func() tea.Msg {
		return resetRequestedMsg{id: id, err: a.RequestAdminReset(ctx, email, origin)}
	})
}

// resetRequested opens the code form under the neutral answer (the same whether or not the
// email has an account).
func (m *Model) resetRequested(msg resetRequestedMsg) tea.Cmd {
	if msg.id != m.req || m.focus != focusResetRequest {
		return nil
	}
	m.busy.Stop()
	if msg.err != nil {
		return m.backToForm(msg.err)
	}
	m.focus, m.notice = focusForm, fmt.Sprintf(m.sess.Cat.Admins.ResetRequested, m.email)
	m.reset = resetState{open: true}
	f := m.sess.Cat.Fields
	m.form = m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("code").Title(m.sess.Cat.Admins.ResetCodeField).EchoMode(huh.EchoModePassword).
			Value(&m.reset.code).Validate(m.checkPassword),
		huh.NewInput().Key(fieldPassword).Title(f.Password).EchoMode(huh.EchoModePassword).
			Value(&m.reset.password).Validate(m.checkNewPassword),
		huh.NewInput().Key("again").Title(f.PasswordConfirm).EchoMode(huh.EchoModePassword).
			Value(&m.reset.again).Validate(m.checkAgain),
	))
	m.SetSize(m.width, m.height)
	return m.form.Init()
}

func (m *Model) checkNewPassword(s string) error {
	if errs := model.CheckAdminPassword(fieldPassword, s); len(errs) > 0 {
		return errors.New(m.sess.Cat.Validation(errs[0]))
	}
	return nil
}

func (m *Model) checkAgain(s string) error {
	if s != m.reset.password {
		return errors.New(m.sess.Cat.Fields.PasswordConfirm + " " + m.sess.Cat.Rules.PasswordMismatch)
	}
	return nil
}

func (m *Model) submitReset() tea.Cmd {
	m.focus, m.err = focusResetting, nil
	m.req = m.sess.NewRequest()
	a, ctx, email, origin, id := m.sess.App, m.sess.Ctx, m.email, m.sess.Origin, m.req
	code, pw := m.reset.code, m.reset.password
	m.reset = resetState{}
	return tea.Batch(m.busy.Start(), func() tea.Msg {
		return resetDoneMsg{id: id, err: a.ResetAdminPassword(ctx, email, code, pw, origin)}
	})
}

// resetDone goes back to the sign-in form, with the news or the refusal.
func (m *Model) resetDone(msg resetDoneMsg) tea.Cmd {
	if msg.id != m.req || m.focus != focusResetting {
		return nil
	}
	m.busy.Stop()
	cmd := m.backToForm(msg.err)
	if msg.err == nil {
		m.notice = m.sess.Cat.Admins.ResetDone
	}
	return cmd
}
