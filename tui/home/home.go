// Package home is the signed-in admin's start screen: the areas of Rollcall with a line each,
// a summary of their organizations and users, the demo school, the language and sign-out.
package home

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/demoload"
	"rollcall/tui/screen"
)

// Model is the home screen. Its focus is the area under the cursor.
type Model struct {
	sess   *screen.Session
	cursor screen.Area
	demo   demoload.Loader

	overview    app.Overview
	overviewErr error
	loaded      bool // an overview arrived at least once
	overviewReq screen.RequestID
	languageReq screen.RequestID
	backup      backup
	backupKey   key.Binding
	yearKey     key.Binding

	width, height int
}

// overviewMsg is the result of app.Overview, with the admin as the store has them now.
type overviewMsg struct {
	id       screen.RequestID
	admin    model.Admin
	overview app.Overview
	err      error
}

// languageSavedMsg is the result of app.SetLanguage.
type languageSavedMsg struct {
	id    screen.RequestID
	admin model.Admin
	err   error
}

// New builds the home screen of the signed-in admin.
func New(sess *screen.Session) *Model {
	return &Model{sess: sess, demo: demoload.New(sess), backupKey: backupKey(sess),
		yearKey: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", sess.Cat.Year.Key))}
}

// Init loads the summary.
func (m *Model) Init() tea.Cmd { return m.loadOverview() }

// SetSize records the body area.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// CapturesInput is true while the backup form's field has the keys.
func (m *Model) CapturesInput() bool {
	return m.backup.form != nil && screen.FormCaptures(m.backup.form)
}

// HandlesBack is true while the backup form is open: esc closes it.
func (m *Model) HandlesBack() bool { return m.backup.form != nil }

func (m *Model) loadOverview() tea.Cmd {
	m.overviewReq = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.overviewReq
	return func() tea.Msg {
		// Re-read the admin: loading the demo school, say, gave them new organizations.
		admin, err := as.Admin(ctx)
		if err != nil {
			return overviewMsg{id: id, err: err}
		}
		ov, err := as.Overview(ctx)
		return overviewMsg{id: id, admin: admin, overview: ov, err: err}
	}
}

// Update handles keys, the summary, the demo load and the language save.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.backup.form != nil {
			return m, m.backupFormMsg(msg)
		}
		return m, m.key(msg)
	case backedUpMsg:
		m.backedUp(msg)
		return m, nil
	case overviewMsg:
		return m, m.overviewLoaded(msg)
	case languageSavedMsg:
		return m, m.languageSaved(msg)
	case screen.DataChangedMsg, screen.ResumeMsg:
		return m, m.loadOverview()
	}
	if m.backup.form != nil {
		return m, tea.Batch(m.backupFormMsg(msg), m.demo.Update(msg))
	}
	return m, m.demo.Update(msg)
}

func (m *Model) overviewLoaded(msg overviewMsg) tea.Cmd {
	if msg.id != m.overviewReq {
		return nil
	}
	m.overview, m.overviewErr, m.loaded = msg.overview, msg.err, true
	if msg.err != nil {
		return nil
	}
	// The header shows the admin's organizations: let the root know them too.
	return screen.Emit(screen.AdminMsg{Admin: msg.admin})
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	km := m.sess.Keys
	n := screen.Area(len(screen.Areas()))
	switch {
	case key.Matches(k, km.Up):
		m.cursor = (m.cursor + n - 1) % n
	case key.Matches(k, km.Down):
		m.cursor = (m.cursor + 1) % n
	case key.Matches(k, km.Select):
		return screen.Navigate(screen.RouteArea, m.cursor, screen.Push)
	case key.Matches(k, km.Demo):
		return m.demo.Start(m.sess)
	case key.Matches(k, km.Language):
		return m.toggleLanguage()
	case key.Matches(k, km.SignOut):
		return screen.Emit(screen.SignOutMsg{})
	case key.Matches(k, m.backupKey):
		return m.openBackup()
	case key.Matches(k, m.yearKey):
		return screen.Navigate(screen.RouteYear, nil, screen.Push)
	}
	return nil
}

// toggleLanguage switches at once and saves the choice; a failed save is reported, the
// switch stays for this session.
func (m *Model) toggleLanguage() tea.Cmd {
	lang := m.sess.OtherLanguage()
	m.sess.SetLanguage(lang)
	m.languageReq = m.sess.NewRequest()
	return saveLanguageCmd(m.sess.Ctx, m.sess.Acting, lang, m.languageReq)
}

func saveLanguageCmd(ctx context.Context, as *app.Session, lang model.Language, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		admin, err := as.SetLanguage(ctx, lang)
		return languageSavedMsg{id: id, admin: admin, err: err}
	}
}

func (m *Model) languageSaved(msg languageSavedMsg) tea.Cmd {
	if msg.id != m.languageReq {
		return nil // a newer toggle is being saved
	}
	if msg.err != nil {
		return screen.Emit(screen.ErrorMsg{Err: msg.err})
	}
	return screen.Emit(screen.AdminMsg{Admin: msg.admin})
}

// ShortHelp lists the home keys.
func (m *Model) ShortHelp() []key.Binding {
	km := m.sess.Keys
	if m.backup.form != nil {
		return append(screen.FormHelp(m.backup.form), km.Back)
	}
	return []key.Binding{km.Up, km.Down, km.Select, km.Demo, m.backupKey, m.yearKey, km.Language, km.SignOut}
}

// FullHelp groups the home keys.
func (m *Model) FullHelp() [][]key.Binding {
	km := m.sess.Keys
	return [][]key.Binding{{km.Up, km.Down, km.Select}, {km.Demo, m.backupKey, m.yearKey, km.Language, km.SignOut}}
}
