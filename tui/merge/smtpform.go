package merge

import (
	"context"
	"net/mail"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	mm "rollcall/mailmerge"
	"rollcall/model"
	"rollcall/tui/screen"
)

// smtpValues are what the mail server form edits; the password field starts empty and, left
// empty, keeps the saved password.
type smtpValues struct {
	host, port, username, password, from string
	security                             mm.Security
}

// openSMTPForm shows the mail server settings, as `rollcall settings smtp` sets them.
func (m *Model) openSMTPForm() tea.Cmd {
	cat := m.sess.Cat
	t := cat.MailMerge.SMTP
	s := m.smtp
	m.sv = smtpValues{host: s.Host, username: s.Username, from: s.From, security: s.Security}
	if s.Port != 0 {
		m.sv.port = strconv.Itoa(s.Port)
	}
	if s.Host == "" {
		m.sv.security = mm.SecurityStartTLS // what a school's provider expects when nothing is set yet
	}
	keep := ""
	if m.smtpPasswordSet {
		keep = t.PasswordKeep
	}
	return m.openAs(formSMTP, m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("host").Title(t.Host).Value(&m.sv.host).Validate(m.sess.Required(t.Host)),
		huh.NewInput().Key("port").Title(t.Port).Description(t.PortHint).Value(&m.sv.port).Validate(m.checkPort),
		huh.NewSelect[mm.Security]().Key("security").Title(t.Security).Options(
			huh.NewOption("STARTTLS", mm.SecurityStartTLS), huh.NewOption("TLS", mm.SecurityTLS),
			huh.NewOption(t.NoTLS, mm.SecurityNone)).Value(&m.sv.security).Inline(true),
		huh.NewInput().Key("username").Title(t.Username).Description(t.UsernameHint).Value(&m.sv.username),
		huh.NewInput().Key("password").Title(t.Password).Description(keep).EchoMode(huh.EchoModePassword).Value(&m.sv.password),
		huh.NewInput().Key("from").Title(t.From).Description(t.FromHint).Value(&m.sv.from).Validate(m.checkFrom),
	)))
}

func (m *Model) checkPort(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	if n, err := strconv.Atoi(s); err != nil || n < 1 || n > 65535 {
		return m.refused(m.sess.Cat.MailMerge.SMTP.Port, m.sess.Cat.FormChecks().Port)
	}
	return nil
}

func (m *Model) checkFrom(s string) error {
	if _, err := mail.ParseAddress(strings.TrimSpace(s)); err != nil {
		return m.refused(m.sess.Cat.MailMerge.SMTP.From, m.sess.Cat.FormChecks().Sender)
	}
	return nil
}

// applySMTPForm saves the mail server; the screen reloads to drop the "no SMTP" notice.
func (m *Model) applySMTPForm() tea.Cmd {
	m.closeForm()
	v := m.sv
	m.sv.password = "" // not kept past the save
	host, user, from, sec := strings.TrimSpace(v.host), strings.TrimSpace(v.username), strings.TrimSpace(v.from), v.security.String()
	port, _ := strconv.Atoi(strings.TrimSpace(v.port)) // checked by the form; empty is 0, the usual port
	ch := app.MailSettingsChange{Host: &host, Port: &port, Security: &sec, Username: &user, From: &from}
	switch {
	case v.password != "":
		ch.Password = &v.password
	case user == "":
		none := "" // no authentication: no password to keep
		ch.Password = &none
	}
	m.loadReq = m.sess.NewRequest()
	m.notice, m.err = "", nil
	return tea.Batch(m.busy.Start(), saveSettingsCmd(m.sess.Ctx, m.sess.Acting, m.school, ch, m.sess.Cat.MailMerge.SMTP.Saved, m.loadReq))
}

// saveSettingsCmd saves a change of the mail settings; notice is said once it is saved.
func saveSettingsCmd(ctx context.Context, as *app.Session, school model.ID, ch app.MailSettingsChange, notice string, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		_, err := as.SetMailSettings(ctx, school, ch, false)
		return settingsSavedMsg{id: id, err: err, notice: notice}
	}
}
