package verify

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"rollcall/tui/screen"
)

func (m *Model) headerHeight() int { return lipgloss.Height(m.header()) }

// header says where the code went, shows it when it was not emailed, and its expiry.
func (m *Model) header() string {
	cat, st := m.sess.Cat, m.sess.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.Auth.VerifyTitle) + "\n\n")
	if m.res.Code == "" {
		b.WriteString(screen.Paragraph(fmt.Sprintf(cat.Auth.VerifyEmailed, m.res.Email), m.width) + "\n")
	} else {
		b.WriteString(screen.Paragraph(fmt.Sprintf(cat.Auth.VerifyShown, m.res.Email), m.width) + "\n\n")
		b.WriteString("  " + st.Code.Render(m.res.Code) + "\n\n")
	}
	b.WriteString(st.Muted.Render(fmt.Sprintf(cat.Auth.VerifyExpires, cat.DateTime(m.res.ExpiresAt))) + "\n")
	if m.resent {
		b.WriteString(st.Success.Render(cat.Auth.CodeResent) + "\n")
	}
	if m.err != nil {
		b.WriteString("\n" + st.Error.Render(screen.Paragraph(cat.Error(m.err), m.width)) + "\n")
	}
	return b.String()
}

// View shows the explanation and the form, or the spinner while a request runs.
func (m *Model) View() string {
	body := m.form.View()
	if m.focus != focusForm {
		body = m.busy.View(m.sess.Cat.App.Working)
	}
	return m.header() + "\n" + body
}
