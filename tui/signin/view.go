package signin

import (
	"strings"

	"charm.land/lipgloss/v2"
)

func (m *Model) headerHeight() int { return lipgloss.Height(m.header()) }

func (m *Model) header() string {
	cat, st := m.sess.Cat, m.sess.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.Auth.SignInTitle) + "\n")
	if m.args.Verified {
		b.WriteString("\n" + st.Success.Render(cat.Auth.PasswordCreated) + "\n")
	}
	if m.err != nil {
		wrap := lipgloss.NewStyle().Width(min(max(m.width, 20), 76))
		b.WriteString("\n" + st.Error.Render(wrap.Render(cat.Error(m.err))) + "\n")
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
