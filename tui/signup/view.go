package signup

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// headerHeight is the lines above the form: the title and a blank line, plus the error.
func (m *Model) headerHeight() int {
	return lipgloss.Height(m.header())
}

func (m *Model) header() string {
	st := m.sess.Styles
	h := st.Title.Render(m.sess.Cat.Auth.SignUpTitle) + "\n"
	if m.err != nil {
		h += "\n" + st.Error.Render(m.sess.Cat.Error(m.err)) + "\n"
	}
	return h
}

// View shows the title, the last error and the form (or the spinner while sending).
func (m *Model) View() string {
	var b strings.Builder
	b.WriteString(m.header() + "\n")
	if m.step == stepSending {
		b.WriteString(m.busy.View(m.sess.Cat.App.Working))
	} else {
		b.WriteString(m.form.View())
	}
	return b.String()
}
