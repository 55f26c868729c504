package home

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/tui/screen"
)

// backup is the "back up the database" form (b) and what its last run said.
type backup struct {
	form    *huh.Form
	path    string
	req     screen.RequestID
	running bool
	notice  string
	err     error
}

// backedUpMsg is the result of app.BackupToFile.
type backedUpMsg struct {
	id   screen.RequestID
	path string
	n    int64
	err  error
}

func backupKey(sess *screen.Session) key.Binding {
	return key.NewBinding(key.WithKeys("b"), key.WithHelp("b", sess.Cat.Home.KeyBackup))
}

// openBackup asks where to write the copy, today's date in the proposed name.
func (m *Model) openBackup() tea.Cmd {
	cat := m.sess.Cat
	t := cat.Home
	m.backup.notice, m.backup.err = "", nil
	if err := m.sess.LocalFiles(); err != nil { // over SSH the file would be the server's
		m.backup.err = err
		return nil
	}
	m.backup.path = fmt.Sprintf(t.BackupDefault, m.sess.App.Now().Format("2006-01-02"))
	m.backup.form = m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("path").Title(t.BackupField).Description(t.BackupHint).CharLimit(4096).
			Value(&m.backup.path).Validate(m.sess.Required(t.BackupField)),
	).Title(t.BackupTitle))
	screen.SizeForm(m.backup.form, m.width, m.height)
	return m.backup.form.Init()
}

// backupFormMsg gives the open form a message; esc closes it, completion writes the copy.
func (m *Model) backupFormMsg(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.sess.Keys.Back) {
		m.backup.form = nil
		return nil
	}
	cmd, state := screen.UpdateForm(m.backup.form, msg)
	switch state {
	case huh.StateCompleted:
		m.backup.form = nil
		return tea.Batch(cmd, m.writeBackup(strings.TrimSpace(m.backup.path)))
	case huh.StateAborted:
		m.backup.form = nil
	}
	return cmd
}

func (m *Model) writeBackup(path string) tea.Cmd {
	m.backup.req, m.backup.running = m.sess.NewRequest(), true
	a, ctx, id := m.sess.App, m.sess.Ctx, m.backup.req
	return func() tea.Msg { return backUp(ctx, a, screen.ExpandHome(path), id) }
}

func backUp(ctx context.Context, a *app.App, path string, id screen.RequestID) backedUpMsg {
	n, err := a.BackupToFile(ctx, path)
	return backedUpMsg{id: id, path: path, n: n, err: err}
}

func (m *Model) backedUp(msg backedUpMsg) {
	if msg.id != m.backup.req {
		return
	}
	m.backup.running = false
	if msg.err != nil {
		m.backup.err = msg.err
		return
	}
	cat := m.sess.Cat
	m.backup.notice = fmt.Sprintf(cat.CLI.BackupWritten, msg.path, cat.Int(int(msg.n)))
}

// backupView is the form, or the line saying how the last backup went.
func (m *Model) backupView() string {
	st, b := m.sess.Styles, &m.backup
	switch {
	case b.form != nil:
		return b.form.View()
	case b.running:
		return st.Muted.Render(m.sess.Cat.Home.BackingUp)
	case b.err != nil:
		return st.Error.Render(screen.Paragraph(m.sess.Cat.Error(b.err), m.width))
	case b.notice != "":
		return st.Success.Render(screen.Paragraph(b.notice, m.width))
	}
	return ""
}
