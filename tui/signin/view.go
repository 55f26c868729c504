package signin

import (
	"strings"

	"charm.land/lipgloss/v2"

	"rollcall/tui/screen"
)

func (m *Model) headerHeight() int { return lipgloss.Height(m.header()) }

func (m *Model) header() string {
	cat, st := m.sess.Cat, m.sess.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.Auth.SignInTitle) + "\n")
	if m.args.Verified {
		b.WriteString("\n" + st.Success.Render(cat.Auth.PasswordCreated) + "\n")
	}
	if m.notice != "" {
		b.WriteString("\n" + st.Success.Render(screen.Paragraph(m.notice, m.width)) + "\n")
	}
	if m.err != nil {
		b.WriteString("\n" + st.Error.Render(screen.Paragraph(cat.Error(m.err), m.width)) + "\n")
	}
	return b.String()
}

// View shows the title, the last error and the form, or the spinner while signing in.
func (m *Model) View() string {
	body := m.form.View()
	if m.focus != focusForm {
		body = m.busy.View(m.sess.Cat.App.Working)
	}
	return m.header() + "\n" + body
}
